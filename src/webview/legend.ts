import type { DecisionGraph, OwnerClass } from '../core/views/graph';
import { h } from './dom';
import { UNKNOWN_ROLE } from '../core/views/vocabulary';

const KIND_NAMES: Record<OwnerClass, string> = {
  strategy: 'Strategy',
  execution: 'Execution',
  other: 'Other',
  'unknown-role': UNKNOWN_ROLE,
  unowned: 'No owner',
};

/**
 * One swatch per kind of owner, naming the configured roles of that kind: "Strategy — CTO".
 * Kinds no role has and no decision shows are left out.
 */
export function ownerLegend(roles: DecisionGraph['roles'], present: ReadonlySet<OwnerClass>): HTMLElement[] {
  const classes: OwnerClass[] = ['strategy', 'execution', 'other', 'unknown-role', 'unowned'];
  return classes
    .filter((cls) => present.has(cls) || roles.some((r) => r.ownerClass === cls))
    .map((cls) => {
      const names = roles.filter((r) => r.ownerClass === cls).map((r) => r.label);
      return h('span', { class: 'legend-item' }, h('span', { class: `swatch owner-swatch ${cls}` }), names.length > 0 ? `${KIND_NAMES[cls]} — ${names.join(', ')}` : KIND_NAMES[cls]);
    });
}
