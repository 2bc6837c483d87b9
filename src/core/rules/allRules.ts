import { brokenRelation } from './brokenRelation';
import { duplicateNumber } from './duplicateNumber';
import { executionOverridesStrategy } from './executionOverridesStrategy';
import { missingOwner } from './missingOwner';
import { overrideMissingTrigger } from './overrideMissingTrigger';
import { relationCycle } from './relationCycle';
import { relationNotReciprocated } from './relationNotReciprocated';
import { reviewOverdue } from './reviewOverdue';
import { parseProblemRule, type Rule } from './rule';
import { statusOutOfSync } from './statusOutOfSync';
import { unknownOwner } from './unknownOwner';

/** Every rule, in the order their problems are listed. */
export const ALL_RULES: readonly Rule[] = [
  parseProblemRule('invalid-frontmatter'),
  missingOwner,
  unknownOwner,
  parseProblemRule('invalid-date'),
  parseProblemRule('unfilled-placeholder'),
  parseProblemRule('braced-value'),
  parseProblemRule('title-from-file-name'),
  parseProblemRule('invalid-encoding'),
  duplicateNumber,
  brokenRelation,
  relationCycle,
  overrideMissingTrigger,
  executionOverridesStrategy,
  relationNotReciprocated,
  statusOutOfSync,
  reviewOverdue,
];
