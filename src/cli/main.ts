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

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      format: { type: 'string', default: 'stylish' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (values.version) {
    process.stdout.write(`${PACKAGE_VERSION}\n`);
    return 0;
  }
  const [command, ...dirs] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(HELP);
    return command === undefined && !values.help ? 2 : 0;
  }
  switch (command) {
    case 'list':
      return listCommand(dirs, { json: values.json });
    case 'lint':
      return lintCommand(dirs, { format: values.format });
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
    const usage = error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    process.stderr.write(`adr-roles: ${message}\n`);
    process.exitCode = usage ? 2 : 3;
  },
);
