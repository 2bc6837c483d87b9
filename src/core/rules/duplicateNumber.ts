import { baseName, formatId } from '../read/fileName';
import { namedWithMore } from '../workspace/listText';
import { decisionHeadRange, type Rule } from './rule';

/**
 * Files a message names before `and N more`: 5,000 files sharing a number once gave each a message
 * naming the other 4,999 (270 MB of JSON).
 */
export const MAX_NAMED_OTHERS = 3;

/** The first few files of a group other than `decision`, without copying the group: O(1) per decision. */
function firstOthers<T>(group: readonly T[], decision: T, count: number): T[] {
  const named: T[] = [];
  for (let i = 0; i < group.length && named.length < count; i++) if (group[i] !== decision) named.push(group[i]!);
  return named;
}

/** Two branches that each add the next number merge cleanly and leave a duplicate. */
export const duplicateNumber: Rule = {
  code: 'duplicate-number',
  check({ decision, log }) {
    if (decision.number === null) return [];
    const group = log.withNumber(decision.number);
    // The decision is in its own group when the log holds it: asked by file, not by searching the group.
    const otherCount = group.length - (log.get(decision.file) === decision ? 1 : 0);
    if (otherCount <= 0) return [];
    const others = firstOthers(group, decision, MAX_NAMED_OTHERS);
    return [
      {
        code: 'duplicate-number',
        message: `${decision.id} is also the number of ${namedWithMore(others.map((d) => baseName(d.file)), otherCount)}: renumber one of them (next free: ${formatId(log.nextNumber())})`,
        range: decisionHeadRange(decision),
        data: { number: decision.number, nextNumber: log.nextNumber(), others: others.map((d) => d.file), otherCount },
      },
    ];
  },
};
