import { parseArgs } from 'node:util';
import { graphCommand } from './graphCommand';
import { indexCommand } from './indexCommand';
import { lintCommand } from './lintCommand';
import { listCommand } from './listCommand';
import { reportCommand } from './reportCommand';
import { UsageError } from './targets';

declare const PACKAGE_VERSION: string;

const HELP = `adr-roles — architecture decisions with owning roles

Usage:
  adr-roles list [DIR...] [--json]                  list decisions with owner, status and relations
  adr-roles lint [DIR...] [--format stylish|json]   report problems; exit 1 on any error
  adr-roles graph [DIR...] [--format mermaid|dot]   print what overrode, superseded or elevated what
  adr-roles report [DIR...] [--json]                decisions per owner and status, overrides by trigger,
                                                    elevations, execution decisions later overridden
  adr-roles index [DIR...] [--check]                write each folder's decision table into its README;
                                                    --check writes nothing, exit 1 if one is stale
  adr-roles --help | --version

DIR is a repository root (decision folders are discovered from .adr-roles.yml, .adr-dir,
.log4brains.yml or the common folders such as docs/decisions) or a decision folder.
With no DIR, folders are discovered from the current directory.

Exit codes: 0 success, 1 lint found errors, 2 usage error or unreadable path.
`;

/** Which options each command takes: an option meant for another command is a mistake, not a no-op. */
const COMMAND_OPTIONS: Record<string, string[]> = { list: ['json'], lint: ['format'], graph: ['format'], report: ['json'], index: ['check'] };

/** What each command takes instead, for the usage error. */
const OPTION_HINT: Record<string, string> = { list: 'list takes --json', lint: 'lint takes --format json', graph: 'graph takes --format mermaid or dot', report: 'report takes --json', index: 'index takes --check' };

/** What `--format` takes, per command. */
const FORMAT_VALUES: Record<string, string> = { lint: 'stylish or json', graph: 'mermaid or dot' };

async function main(argv: string[]): Promise<number> {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: {
      json: { type: 'boolean' },
      format: { type: 'string' },
      check: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const [command, ...dirs] = positionals;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!['json', 'format', 'check', 'help', 'version'].includes(token.name)) throw new UsageError(`unknown option '${token.rawName}' (adr-roles --help)`);
    if (token.name === 'format' && token.value === undefined) throw new UsageError(`--format needs a value: ${FORMAT_VALUES[command ?? ''] ?? 'stylish or json (lint), mermaid or dot (graph)'}`);
    const allowed = command ? COMMAND_OPTIONS[command] : undefined;
    if (allowed && !allowed.includes(token.name) && !['help', 'version'].includes(token.name)) {
      throw new UsageError(`${token.rawName} is not an option of ${command}: ${OPTION_HINT[command ?? ''] ?? 'see adr-roles --help'}`);
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
    case 'graph':
      return graphCommand(dirs, { format: typeof values.format === 'string' ? values.format : 'mermaid' });
    case 'report':
      return reportCommand(dirs, { json: values.json === true });
    case 'index':
      return indexCommand(dirs, { check: values.check === true });
    default:
      throw new UsageError(`unknown command '${command}': use list, lint, graph, report or index (adr-roles --help)`);
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
