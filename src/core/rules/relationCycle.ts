import type { DecisionLog } from '../workspace/catalog';
import type { Decision } from '../model';
import { decisionHeadRange, type Rule } from './rule';

/** Edges from a newer decision to the one it replaced, whichever end declared them. */
function replacedBy(log: DecisionLog, decision: Decision): Decision[] {
  return log
    .relationsOf(decision)
    .filter((r) => r.kind === 'overrides' || r.kind === 'supersedes')
    .flatMap((r) => (r.target ? [r.target] : []));
}

/** The loop through `start`, as ids, or null: a depth-first walk along overrides and supersedes. */
function loopThrough(log: DecisionLog, start: Decision): string[] | null {
  const path: Decision[] = [];
  const done = new Set<Decision>();
  const walk = (at: Decision): boolean => {
    path.push(at);
    for (const next of replacedBy(log, at)) {
      if (next === start) return true;
      if (!done.has(next) && !path.includes(next) && walk(next)) return true;
    }
    done.add(at);
    path.pop();
    return false;
  };
  return walk(start) ? [...path.map((d) => d.id), start.id] : null;
}

export const relationCycle: Rule = {
  code: 'relation-cycle',
  check({ decision, log }) {
    const loop = loopThrough(log, decision);
    if (!loop) return [];
    return [
      {
        code: 'relation-cycle',
        message: `The override/supersede chain loops: ${loop.join(' → ')}. A decision cannot replace one that replaces it.`,
        range: decisionHeadRange(decision),
        data: { loop },
      },
    ];
  },
};
