import { baseName, formatId } from '../read/fileName';
import { decisionHeadRange, type Rule } from './rule';

/** Two branches that each add the next number merge cleanly and leave a duplicate. */
export const duplicateNumber: Rule = {
  code: 'duplicate-number',
  check({ decision, log }) {
    if (decision.number === null) return [];
    const others = log.withNumber(decision.number).filter((d) => d !== decision);
    if (others.length === 0) return [];
    return [
      {
        code: 'duplicate-number',
        message: `${decision.id} is also the number of ${others.map((d) => baseName(d.file)).join(', ')}: renumber one of them (next free: ${formatId(log.nextNumber())})`,
        range: decisionHeadRange(decision),
        data: { number: decision.number, nextNumber: log.nextNumber(), others: others.map((d) => d.file) },
      },
    ];
  },
};
