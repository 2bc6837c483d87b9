import { brokenRelation } from './brokenRelation';
import { duplicateNumber } from './duplicateNumber';
import { missingOwner } from './missingOwner';
import { parseProblemRule, type Rule } from './rule';
import { unknownOwner } from './unknownOwner';

/** Every rule, in the order their problems are listed. */
export const ALL_RULES: readonly Rule[] = [
  parseProblemRule('invalid-frontmatter'),
  missingOwner,
  unknownOwner,
  parseProblemRule('invalid-date'),
  parseProblemRule('unfilled-placeholder'),
  duplicateNumber,
  brokenRelation,
];
