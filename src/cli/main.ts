import { parseArgs } from 'node:util';
import { lintCommand } from './lintCommand';
import { listCommand } from './listCommand';
import { UsageError } from './targets';

declare const PACKAGE_VERSION: string;

const HELP = `adr-roles — architecture decisions with owning roles

Usage:
  adr-roles list [DIR...] [--json]                  list decisions with owner, status and relations
  adr-roles lint [DIR...] [--format stylish|json]   report problems; exit 1 on any error
  adr-roles --help | --version

DIR is a repository root (decision folders are discovered from .adr-roles.yml, .adr-dir,
.log4brains.yml or the common folders such as docs/decisions) or a decision folder.
With no DIR, folders are discovered from the current directory.

Exit codes: 0 success, 1 lint found errors, 2 usage error or unreadable path.
`;

/** Which options each command takes: an option meant for another command is a mistake, not a no-op. */
const COMMAND_OPTIONS: Record<string, string[]> = { list: ['json'], lint: ['format'] };

async function main(argv: string[]): Promise<number> {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: {
      json: { type: 'boolean' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const [command, ...dirs] = positionals;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!['json', 'format', 'help', 'version'].includes(token.name)) throw new UsageError(`unknown option '${token.rawName}' (adr-roles --help)`);
    if (token.name === 'format' && token.value === undefined) throw new UsageError("--format needs a value: stylish or json");
    const allowed = command ? COMMAND_OPTIONS[command] : undefined;
    if (allowed && !allowed.includes(token.name) && !['help', 'version'].includes(token.name)) {
      throw new UsageError(`${token.rawName} is not an option of ${command}${token.name === 'json' ? ': lint takes --format json' : token.name === 'format' ? ': list takes --json' : ''}`);
    }
  }
  if (values.version) {
    process.stdout.write(`${PACKAGE_VERSION}\n`);
    return 0;
  }
  if (values.help || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (command === undefined) {
    process.stderr.write(HELP);
    return 2;
  }
  switch (command) {
    case 'list':
      return listCommand(dirs, { json: values.json === true });
    case 'lint':
      return lintCommand(dirs, { format: typeof values.format === 'string' ? values.format : 'stylish' });
    default:
      throw new UsageError(`unknown command '${command}': use list or lint (adr-roles --help)`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Usage mistakes and unexpected failures alike end in one line, never a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    const usage = error instanceof UsageError;
    process.stderr.write(`adr-roles: ${message}\n`);
    process.exitCode = usage ? 2 : 3;
  },
);
