import { resolveRole, type Role } from './config';
import type { Decision } from './model';

export interface DecisionGroup {
  /** Stable key for tree state: `unowned`, `role:<id>`, `unknown-role`. */
  key: string;
  label: string;
  kind: 'unowned' | 'role' | 'unknown-role';
  role?: Role;
  decisions: Decision[];
}

/**
 * Groups decisions by owning role: the unowned first (the product's central warning), then one group
 * per configured role even when empty, then owners that match no role.
 */
export function groupByRole(decisions: readonly Decision[], roles: readonly Role[]): DecisionGroup[] {
  const unowned: Decision[] = [];
  const unknown: Decision[] = [];
  const byRole = new Map<string, Decision[]>(roles.map((r) => [r.id, []]));
  for (const decision of decisions) {
    const role = decision.owner ? resolveRole(decision.owner.value, roles) : undefined;
    if (!decision.owner) unowned.push(decision);
    else if (!role) unknown.push(decision);
    else byRole.get(role.id)?.push(decision);
  }
  const groups: DecisionGroup[] = [];
  if (unowned.length > 0) groups.push({ key: 'unowned', label: 'Unowned', kind: 'unowned', decisions: unowned });
  for (const role of roles) {
    groups.push({ key: `role:${role.id}`, label: roleLabel(role), kind: 'role', role, decisions: byRole.get(role.id) ?? [] });
  }
  if (unknown.length > 0) groups.push({ key: 'unknown-role', label: 'Unknown role', kind: 'unknown-role', decisions: unknown });
  return groups;
}

/** `CTO — strategy`: the role and the kind of decisions it owns. */
export function roleLabel(role: Role): string {
  return role.kind && role.kind !== 'other' ? `${role.label} — ${role.kind}` : role.label;
}
