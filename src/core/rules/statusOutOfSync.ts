import { targetOf } from '../read/decisionTarget';
import { decisionHeadRange, type Rule } from './rule';
import { lookupTable } from '../read/lookup';

const SUCCESSOR_KINDS: Readonly<Record<string, string>> = lookupTable({ 'overridden-by': 'overridden', 'superseded-by': 'superseded' });

/**
 * A decision overridden or superseded by an accepted decision is history, not in force. A proposed
 * successor does not flip it yet: the old decision stands until the new one is accepted.
 */
export const statusOutOfSync: Rule = {
  code: 'status-out-of-sync',
  check({ decision, log }) {
    const current = decision.status?.value;
    if (current !== undefined && current !== 'accepted' && current !== 'proposed') return [];
    const successor = log.relationsOf(decision).find((r) => r.kind in SUCCESSOR_KINDS && r.target?.status?.value === 'accepted');
    if (!successor?.target) return [];
    const status = SUCCESSOR_KINDS[successor.kind] ?? 'superseded';
    return [
      {
        code: 'status-out-of-sync',
        message: `${decision.id} is ${status} by ${successor.target.id}, which is accepted, but still says ${current ?? 'nothing'}: set its status to ${status}`,
        range: decision.status?.valueRange ?? decisionHeadRange(decision),
        data: { status, kind: successor.kind, declared: successor.declared, target: targetOf(successor.target) },
      },
    ];
  },
};
