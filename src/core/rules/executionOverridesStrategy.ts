import { resolveRole } from '../workspace/config';
import type { Rule } from './rule';

/**
 * Execution does not silently override strategy: when an execution role's decision overrides a
 * strategy role's, the strategy role should own it (or elevate it).
 */
export const executionOverridesStrategy: Rule = {
  code: 'execution-overrides-strategy',
  check({ decision, log, config }) {
    const owner = decision.owner ? resolveRole(decision.owner.value, config.roles) : undefined;
    if (owner?.kind !== 'execution') return [];
    return decision.relations
      .filter((r) => r.kind === 'overrides')
      .flatMap((r) => {
        const target = log.resolve(r.target);
        const targetOwner = target?.owner ? resolveRole(target.owner.value, config.roles) : undefined;
        if (!target || targetOwner?.kind !== 'strategy') return [];
        return [
          {
            code: 'execution-overrides-strategy',
            message: `${decision.id} is owned by ${owner.label} (execution) but overrides ${target.id}, a ${targetOwner.label} (strategy) decision: elevate it, or make ${targetOwner.label} its owner`,
            range: decision.owner?.valueRange ?? r.range,
            data: { strategyRole: targetOwner.id, executionRole: owner.id },
          },
        ];
      });
  },
};
