import { TRIGGERS } from '../model';
import type { Rule } from './rule';

/** An override records why: a new resource or a new requirement that did not exist before. */
export const overrideMissingTrigger: Rule = {
  code: 'override-missing-trigger',
  check({ decision }) {
    const overrides = decision.relations.find((r) => r.kind === 'overrides');
    if (!overrides) return [];
    const trigger = decision.trigger;
    if (trigger && (TRIGGERS as readonly string[]).includes(trigger.value)) return [];
    const message = trigger
      ? `'${trigger.value}' is not a trigger: an override happens because of a new-resource or a new-requirement`
      : `${decision.id} overrides ${overrides.target.raw} but says not why: add 'trigger: new-resource' or 'trigger: new-requirement', and 'trigger-detail:' naming what emerged`;
    return [{ code: 'override-missing-trigger', message, range: trigger ? trigger.valueRange : overrides.range }];
  },
};
