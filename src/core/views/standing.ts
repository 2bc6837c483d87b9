import type { DecisionLog } from '../workspace/catalog';
import type { Decision } from '../model';

/**
 * Whether a decision is still in force, by one definition that the graph, the report and the tree
 * share, so their counts agree: it is not once a decision in its folder overrides or supersedes
 * it (written at either end), or once its own status says overridden or superseded, even with no
 * successor named.
 */
export interface Standing {
  overriddenBy: Decision[];
  supersededBy: Decision[];
  /** Its status says `overridden` or `superseded`. */
  markedReplaced: boolean;
  inForce: boolean;
}

const REPLACED_STATUSES = ['overridden', 'superseded'];

export function standingOf(decision: Decision, log: DecisionLog): Standing {
  const by = (kind: string): Decision[] => [
    ...new Set(log.relationsOf(decision).flatMap((r) => (r.kind === kind && r.target && r.target !== decision ? [r.target] : []))),
  ];
  const overriddenBy = by('overridden-by');
  const supersededBy = by('superseded-by');
  const markedReplaced = REPLACED_STATUSES.includes(decision.status?.value.trim().toLowerCase() ?? '');
  return { overriddenBy, supersededBy, markedReplaced, inForce: overriddenBy.length === 0 && supersededBy.length === 0 && !markedReplaced };
}

/** What the graph's and the report's summaries count, over the same decisions. */
export interface LifecycleCounts {
  decisions: number;
  unowned: number;
  /** Pairs of decisions where one overrides the other (written at either end). */
  overrides: number;
  supersessions: number;
  /** Decisions that record an `elevated-from` role. */
  elevated: number;
  /** Decisions not in force (see `standingOf`). */
  noLongerInForce: number;
}

export function lifecycleCounts(logs: readonly DecisionLog[]): LifecycleCounts {
  const counts: LifecycleCounts = { decisions: 0, unowned: 0, overrides: 0, supersessions: 0, elevated: 0, noLongerInForce: 0 };
  for (const log of logs) {
    for (const decision of log.decisions()) {
      const standing = standingOf(decision, log);
      counts.decisions++;
      if (!decision.owner) counts.unowned++;
      if (decision.elevatedFrom?.value.trim()) counts.elevated++;
      counts.overrides += standing.overriddenBy.length;
      counts.supersessions += standing.supersededBy.length;
      if (!standing.inForce) counts.noLongerInForce++;
    }
  }
  return counts;
}

/**
 * The summary both panels and the CLI report open with: `6 decisions · 1 override · 2 no longer in
 * force`. Supersessions and elevations are left out while there are none; the unowned count is the
 * caller's, shown as a warning.
 */
export function countsSummary(counts: LifecycleCounts): string[] {
  const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return [
    count(counts.decisions, 'decision'),
    count(counts.overrides, 'override'),
    counts.supersessions > 0 ? count(counts.supersessions, 'supersession') : '',
    counts.elevated > 0 ? `${counts.elevated} elevated` : '',
    counts.noLongerInForce > 0 ? `${counts.noLongerInForce} no longer in force` : '',
  ].filter(Boolean);
}
