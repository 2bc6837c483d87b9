import type { Problem } from '../core/model';
import type { ReadLimits } from '../core/read/fileAdmission';
import { summarizeBranch } from '../core/branch/branchSummary';
import { summaryMarkdown } from '../core/branch/summaryMarkdown';
import { lintDecision } from '../core/rules/lint';
import { guardLineStarts } from '../core/views/plainText';
import { checkBranch } from './branchBase';
import { isoDate } from '../core/read/dates';
import { loadDecisions } from './loadDecisions';
import { resolveTargets, UsageError } from './targets';

export const SUMMARY_FORMATS = ['markdown', 'json'] as const;

/**
 * What the branch does to the decisions against `base`, grouped by owner role, with the problems
 * of the decisions it touches: the branch rules', and lint's on the decisions it adds or changes.
 */
export async function summaryCommand(dirs: string[], options: { base: string | undefined; format: string; limits: ReadLimits }): Promise<number> {
  if (!(SUMMARY_FORMATS as readonly string[]).includes(options.format)) throw new UsageError(`unknown format '${options.format}': use ${SUMMARY_FORMATS.join(' or ')}`);
  if (options.base === undefined) throw new UsageError('summary needs --base REF, the branch it compares with, e.g. --base origin/main');
  const { folders, discovery } = await resolveTargets(dirs);
  const catalog = await loadDecisions(folders, options.limits);
  const { revisions, pairing, problems } = await checkBranch(options.base, catalog, folders, options.limits, discovery.config);
  const byPath = new Map<string, Problem[]>();
  const add = (path: string, found: readonly Problem[]): void => {
    if (found.length === 0) return;
    const list = byPath.get(path);
    if (list) list.push(...found);
    else byPath.set(path, [...found]);
  };
  for (const { path, problem } of problems) add(path, [problem]);
  const pathOf = new Map(revisions.head.map((h) => [h.decision.file, h.path]));
  for (const log of catalog.folders()) {
    for (const decision of log.decisions()) add(pathOf.get(decision.file) ?? decision.file, lintDecision(decision, log, discovery.config, isoDate(new Date())));
  }
  const summary = summarizeBranch(pairing, (path) => byPath.get(path) ?? [], discovery.config, options.base);
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : guardLineStarts(summaryMarkdown(summary)));
  return 0;
}
