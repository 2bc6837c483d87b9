import { targetOf } from '../read/decisionTarget';
import { decisionHeadRange, type Rule } from './rule';

const CHECKED = ['overridden-by', 'superseded-by', 'overrides', 'supersedes'];

/**
 * Both ends of an override or supersede say so: the old decision points forward and the new one
 * back. Reported on the decision whose end is missing, where the fix writes it.
 */
export const relationNotReciprocated: Rule = {
  code: 'relation-not-reciprocated',
  check({ decision, log }) {
    return log
      .relationsOf(decision)
      .filter((r) => !r.declared && r.target && CHECKED.includes(r.kind))
      .map((r) => {
        const other = r.target!;
        return {
          code: 'relation-not-reciprocated',
          message: `${other.id} says it ${r.kind === 'overridden-by' ? 'overrides' : r.kind === 'superseded-by' ? 'supersedes' : r.kind === 'overrides' ? 'is overridden by' : 'is superseded by'} ${decision.id}, but ${decision.id} does not say '${r.kind}: ${other.id}'`,
          range: decision.status?.range ?? decisionHeadRange(decision),
          data: { kind: r.kind, target: targetOf(other) },
        };
      });
  },
};
