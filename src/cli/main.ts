import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { UsageError } from './targets';
import { plainText } from '../core/views/plainText';
import { DEFAULT_MAX_FILE_KB, readLimitsOf, type ReadLimits } from '../core/read/fileAdmission';
import { lookupTable } from '../core/read/lookup';

declare const PACKAGE_VERSION: string;

const HELP = `adr-roles — architecture decisions with owning roles

Usage:
  adr-roles list [DIR...] [--json]                  list decisions with owner, status and relations
  adr-roles lint [DIR...] [--format stylish|json|sarif|github] [--quiet] [--max-warnings N]
                 [--profile backstage] [--base REF] report problems; exit 1 on any error or more
                                                    than N warnings; --quiet reports errors only;
                                                    --profile also what Backstage's ADR plugin misreads;
                                                    --base also what the branch breaks against REF
                                                    (git): numbers taken there, accepted decisions
                                                    rewritten, owners changed without elevation,
                                                    decisions deleted
  adr-roles graph [DIR...] [--format mermaid|dot]   print what overrode, superseded or elevated what
  adr-roles report [DIR...] [--json]                decisions per owner and status, overrides by trigger,
                                                    elevations, execution decisions later overridden
  adr-roles index [DIR...] [--check]                write each folder's decision table into its README;
                                                    --check writes nothing, exit 1 if one is stale
  adr-roles summary [DIR...] --base REF [--format markdown|json]
                                                    what the branch does to the decisions against REF,
                                                    by owner role: added, status and owner changes,
                                                    overrides, elevations, problems (for a PR)
  adr-roles codeowners [DIR...] [--check]           write one CODEOWNERS line per decision, naming its
                                                    owner role's reviewers, between marker comments;
                                                    --check writes nothing, exit 1 if it is stale
  adr-roles new "TITLE" --owner ROLE [--dir DIR] [--template madr|nygard|log4brains|madr2]
                                                    write the next numbered decision; print its path
  adr-roles migrate --owner ROLE [--where status=accepted] [--dry-run] [DIR...]
                                                    give every unowned decision an owner, in place
  adr-roles --help | --version

DIR is a repository root (decision folders are discovered from .adr-roles.yml, .adr-dir,
.log4brains.yml or the common folders such as docs/decisions) or a decision folder.
With no DIR, folders are discovered from the current directory.
Commands that read decisions take --max-file-size KB (default ${DEFAULT_MAX_FILE_KB}): larger files,
and binary ones, are left out with a note (lint reports them as file-skipped).

Exit codes: 0 success; 1 lint found errors or too many warnings, or index --check or codeowners --check
found a stale index or CODEOWNERS block; 2 usage error (an unknown role, option or format), unreadable path, or a path the
repository names (a folder, template, configuration or README) that is outside it, is or goes
through a symbolic link, is not a regular file, or is over 256 KB: nothing is read or written there.
`;

/** Which options each command takes: an option meant for another command is a mistake, not a no-op. */
const COMMAND_OPTIONS: Readonly<Record<string, string[]>> = lookupTable({
  list: ['json', 'max-file-size'],
  lint: ['format', 'quiet', 'max-warnings', 'max-file-size', 'profile', 'base'],
  graph: ['format', 'max-file-size'],
  report: ['json', 'max-file-size'],
  index: ['check', 'max-file-size'],
  codeowners: ['check', 'max-file-size'],
  summary: ['base', 'format', 'max-file-size'],
  new: ['owner', 'dir', 'template'],
  migrate: ['owner', 'where', 'dry-run', 'max-file-size'],
});

/** What each command takes instead, for the usage error. */
const OPTION_HINT: Readonly<Record<string, string>> = lookupTable({
  list: 'list takes --json and --max-file-size',
  lint: 'lint takes --format json, --quiet, --max-warnings, --profile, --base and --max-file-size',
  graph: 'graph takes --format mermaid or dot, and --max-file-size',
  report: 'report takes --json and --max-file-size',
  index: 'index takes --check and --max-file-size',
  codeowners: 'codeowners takes --check and --max-file-size',
  summary: 'summary takes --base, --format markdown or json, and --max-file-size',
  new: 'new takes --owner, --dir and --template',
  migrate: 'migrate takes --owner, --where, --dry-run and --max-file-size',
});

/** Options that need a value, and what to say when it is missing. */
const VALUE_OPTIONS: Readonly<Record<string, string>> = lookupTable({
  owner: 'a role id, e.g. --owner cto',
  dir: 'a folder',
  template: 'madr, nygard, log4brains or madr2',
  where: 'KEY=VALUE, e.g. --where status=accepted',
  'max-warnings': 'a number, e.g. --max-warnings 0',
  'max-file-size': 'a size in KB, e.g. --max-file-size 2048',
  profile: 'a tool whose reading is checked too: backstage',
  base: 'a git branch, tag or commit, e.g. --base origin/main',
});

/** What `--format` takes, per command. */
const FORMAT_VALUES: Readonly<Record<string, string>> = lookupTable({ lint: 'stylish, json, sarif or github', graph: 'mermaid or dot', summary: 'markdown or json' });

const KNOWN_OPTIONS = ['json', 'format', 'check', 'quiet', 'max-warnings', 'max-file-size', 'profile', 'base', 'owner', 'dir', 'template', 'where', 'dry-run', 'help', 'version'];

/** `--max-warnings 0` and up; anything else is a usage error rather than a silently ignored limit. */
function maxWarningsOf(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number, e.g. --max-warnings 0 (got '${String(value)}')`);
  return Number(value);
}

/** `--max-file-size 2048`: a positive number of KB; anything else is a usage error. */
function readLimitsFrom(value: string | boolean | undefined): ReadLimits {
  if (value === undefined) return readLimitsOf(undefined);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) === 0) throw new UsageError(`--max-file-size takes a size in KB above 0, e.g. --max-file-size 2048 (got '${String(value)}')`);
  return readLimitsOf(Number(value));
}

const text = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

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
      quiet: { type: 'boolean' },
      'max-warnings': { type: 'string' },
      'max-file-size': { type: 'string' },
      profile: { type: 'string' },
      base: { type: 'string' },
      owner: { type: 'string' },
      dir: { type: 'string' },
      template: { type: 'string' },
      where: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const [command, ...dirs] = positionals;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!KNOWN_OPTIONS.includes(token.name)) throw new UsageError(`unknown option '${token.rawName}' (adr-roles --help)`);
    if (token.name === 'format' && token.value === undefined) throw new UsageError(`--format needs a value: ${FORMAT_VALUES[command ?? ''] ?? 'stylish, json, sarif or github (lint), mermaid or dot (graph)'}`);
    if (token.name in VALUE_OPTIONS && (token.value === undefined || token.value === '')) throw new UsageError(`${token.rawName} needs a value: ${VALUE_OPTIONS[token.name]}`);
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
  const limits = readLimitsFrom(values['max-file-size']);
  // Each command's module is loaded when it runs: a lint never evaluates git's child_process, the
  // templates or the writers, which Node's start-up would otherwise pay for on every run.
  switch (command) {
    case 'list':
      return (await import('./listCommand')).listCommand(dirs, { json: values.json === true, limits });
    case 'lint':
      return (await import('./lintCommand')).lintCommand(dirs, { format: text(values.format) ?? 'stylish', quiet: values.quiet === true, maxWarnings: maxWarningsOf(values['max-warnings']), limits, profile: text(values.profile), base: text(values.base) });
    case 'graph':
      return (await import('./graphCommand')).graphCommand(dirs, { format: typeof values.format === 'string' ? values.format : 'mermaid', limits });
    case 'report':
      return (await import('./reportCommand')).reportCommand(dirs, { json: values.json === true, limits });
    case 'index':
      return (await import('./indexCommand')).indexCommand(dirs, { check: values.check === true, limits });
    case 'summary':
      return (await import('./summaryCommand')).summaryCommand(dirs, { base: text(values.base), format: text(values.format) ?? 'markdown', limits });
    case 'codeowners':
      return (await import('./codeownersCommand')).codeownersCommand(dirs, { check: values.check === true, limits });
    case 'new':
      return (await import('./newCommand')).newCommand(dirs, { owner: text(values.owner), dir: text(values.dir), template: text(values.template) });
    case 'migrate':
      return (await import('./migrateCommand')).migrateCommand(dirs, { owner: text(values.owner), where: text(values.where), dryRun: values['dry-run'] === true, limits });
    default:
      throw new UsageError(`unknown command '${command}': use list, lint, graph, report, summary, index, codeowners, new or migrate (adr-roles --help)`);
  }
}

// A run reads each file once: V8's optimizing compiler, inlining callees into the reading and rule
// functions, spent a third of a 10k lint's instructions (half of a 1k's) on a second thread that a
// busy 2-core machine shares with the reading. Without inlining it compiles half as much and the
// main thread does about as much work (docs/performance.md, "The CLI, third round"). The CLI only:
// the extension shares its engine with every other extension.
setFlagsFromString('--no-turbo-inlining');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Usage mistakes and unexpected failures alike end in one line, never a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    const usage = error instanceof UsageError;
    // Messages can quote the repository (its folders, its roles): one plain line, whatever they hold.
    process.stderr.write(`adr-roles: ${plainText(message)}\n`);
    process.exitCode = usage ? 2 : 3;
  },
);
