import { isAbsolute, join, relative, sep } from 'node:path';
import type { ReadLimits } from '../core/read/fileAdmission';
import { lintDecision, lintSkipped } from '../core/rules/lint';
import { formatLintResults, lintOutcome, LINT_FORMATS, type FileProblem, type LintFormat } from '../core/views/lintFormats';
import { backstageProblems, LINT_PROFILES } from '../core/rules/profiles';
import { isoDate } from '../core/read/dates';
import { loadDecisions } from './loadDecisions';
import { nodeFileSystem } from './nodeFileSystem';
import { resolveTargets, UsageError } from './targets';

declare const PACKAGE_VERSION: string;

export interface LintOptions {
  format: string;
  quiet: boolean;
  maxWarnings: number | undefined;
  limits: ReadLimits;
  /** Another tool whose reading of each file is checked too. */
  profile: string | undefined;
  /** A git ref the branch is checked against: the branch rules run too. */
  base: string | undefined;
}

/** Exit code 1 when any problem is an error or warnings exceed --max-warnings, 0 otherwise. */
export async function lintCommand(dirs: string[], options: LintOptions): Promise<number> {
  if (!(LINT_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`unknown format '${options.format}': use ${LINT_FORMATS.join(', ')}`);
  }
  if (options.profile !== undefined && !(LINT_PROFILES as readonly string[]).includes(options.profile)) {
    throw new UsageError(`unknown profile '${options.profile}': use ${LINT_PROFILES.join(', ')}`);
  }
  const { folders, discovery, refused } = await resolveTargets(dirs, { refusals: 'report' });
  const catalog = await loadDecisions(folders, options.limits, { reportSkipped: false });
  const found: FileProblem[] = [];
  if (discovery.configFile) found.push(...discovery.configProblems.map((p) => ({ ...p, file: discovery.configFile ?? '' })));
  // Paths refused by the containment rule, where they were named; those of the config file are among its problems already.
  for (const { file, problem } of refused) if (!discovery.configProblems.includes(problem)) found.push({ ...problem, file });
  for (const log of catalog.folders()) {
    for (const decision of log.decisions()) {
      found.push(...lintDecision(decision, log, discovery.config, isoDate(new Date())).map((p) => ({ ...p, file: decision.file })));
      if (options.profile === 'backstage') {
        // The profile looks at how the text is written, which the catalog does not keep: read again.
        const text = await nodeFileSystem.readText(decision.file);
        if (text !== undefined) found.push(...backstageProblems(decision, text).map((p) => ({ ...p, file: decision.file })));
      }
    }
  }
  for (const skipped of catalog.skipped()) found.push(...lintSkipped(skipped, discovery.config).map((p) => ({ ...p, file: skipped.file })));
  if (options.base !== undefined) {
    // Loaded only with --base: it brings git (child_process) with it.
    const { checkBranch } = await import('./branchBase');
    const { revisions, problems } = await checkBranch(options.base, catalog, folders, options.limits, discovery.config);
    const fileOf = new Map(revisions.head.map((h) => [h.path, h.decision.file]));
    // A deleted decision's file is gone from the working tree: it is named where the base had it.
    for (const { path, problem } of problems) found.push({ ...problem, file: fileOf.get(path) ?? join(revisions.top, path) });
  }
  // Paths as CI tools want them: relative to where the run started, with `/` on every platform.
  const base = options.format === 'github' ? annotationRoot() : '.';
  const relativeFound = found.map((p) => ({ ...p, file: (relative(base, p.file) || p.file).split(sep).join('/') }));
  const outcome = lintOutcome(relativeFound, options);
  const tool = { version: PACKAGE_VERSION, informationUri: 'https://github.com/adr-roles/adr-roles' };
  process.stdout.write(formatLintResults(outcome.shown, options.format as LintFormat, { colour: process.stdout.isTTY === true, tool }));
  if (outcome.tooManyWarnings) process.stderr.write(`adr-roles: too many warnings (more than --max-warnings ${options.maxWarnings})\n`);
  return outcome.exitCode;
}

/**
 * GitHub resolves an annotation's `file=` from the repository's root, not from the step's
 * `working-directory`: run from `services/a`, a path relative to the current directory would point
 * nowhere. Inside a checkout (`GITHUB_WORKSPACE`) paths are given from its root instead.
 */
function annotationRoot(): string {
  const workspace = process.env['GITHUB_WORKSPACE'];
  if (!workspace) return '.';
  const below = relative(workspace, process.cwd());
  return below.startsWith('..') || isAbsolute(below) ? '.' : workspace;
}
