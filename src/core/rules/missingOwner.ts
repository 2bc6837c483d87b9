import { describeRoles } from '../workspace/config';
import { decisionHeadRange, type Rule } from './rule';

/** The product's central warning: a decision nobody answers for. */
export const missingOwner: Rule = {
  code: 'missing-owner',
  check({ decision, config }) {
    if (decision.owner) return [];
    return [
      {
        code: 'missing-owner',
        message: `${decision.id} has no owner: add 'owner:' with the role that decides it: ${describeRoles(config.roles)}`,
        range: decisionHeadRange(decision),
        data: { id: decision.id },
      },
    ];
  },
};
