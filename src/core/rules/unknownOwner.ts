import { describeRoles, resolveRole } from '../workspace/config';
import type { Rule } from './rule';

export const unknownOwner: Rule = {
  code: 'unknown-owner',
  check({ decision, config }) {
    const owner = decision.owner;
    if (!owner || resolveRole(owner.value, config.roles)) return [];
    return [
      {
        code: 'unknown-owner',
        message: `'${owner.value}' is not a configured role: use one of ${describeRoles(config.roles)}`,
        range: owner.valueRange,
        data: { owner: owner.value },
      },
    ];
  },
};
