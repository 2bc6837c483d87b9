import { resolveRole, type Role } from '../workspace/config';
import type { Decision } from '../model';
import { roleName, statusHeading, UNKNOWN_ROLE, UNOWNED } from './vocabulary';

export interface DecisionGroup {
  /** Stable key for tree state: `unowned`, `role:<id>`, `unknown-role`, `status:<status>`. */
  key: string;
  label: string;
  kind: 'unowned' | 'role' | 'unknown-role' | 'status';
  role?: Role;
  decisions: Decision[];
}

/**
 * Groups decisions by owning role: the unowned first (the product's central warning) and owners
 * that match no role next to them, then one group per configured role even when empty.
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
  // Both need an owner set: together, before the roles.
  if (unowned.length > 0) groups.push({ key: 'unowned', label: UNOWNED, kind: 'unowned', decisions: unowned });
  if (unknown.length > 0) groups.push({ key: 'unknown-role', label: UNKNOWN_ROLE, kind: 'unknown-role', decisions: unknown });
  for (const role of roles) {
    groups.push({ key: `role:${role.id}`, label: roleName(role), kind: 'role', role, decisions: byRole.get(role.id) ?? [] });
  }
  return groups;
}

/** Statuses in the order a decision lives through them; others follow alphabetically. */
const STATUS_ORDER = ['proposed', 'draft', 'accepted', 'rejected', 'deprecated', 'superseded', 'overridden'];

/** A decision's status as it is grouped and counted: `Partly superseded` and `partly superseded` are one; '' is none. */
export function statusKey(decision: Decision): string {
  return decision.status?.value.trim().toLowerCase() ?? '';
}

/** One group per status present, in lifecycle order; decisions without a status last. */
export function groupByStatus(decisions: readonly Decision[]): DecisionGroup[] {
  const byStatus = new Map<string, Decision[]>();
  for (const decision of decisions) {
    const status = statusKey(decision);
    // Pushed, not copied: a copy per decision made grouping 10,000 decisions quadratic.
    const group = byStatus.get(status);
    if (group) group.push(decision);
    else byStatus.set(status, [decision]);
  }
  return sortStatuses(byStatus.keys()).map((status) => ({ key: `status:${status}`, label: statusHeading(status), kind: 'status' as const, decisions: byStatus.get(status) ?? [] }));
}

/** Statuses in lifecycle order, others alphabetically after them, and '' (no status) last. */
export function sortStatuses(statuses: Iterable<string>): string[] {
  const rank = (status: string): number => (status === '' ? Infinity : STATUS_ORDER.indexOf(status) === -1 ? STATUS_ORDER.length : STATUS_ORDER.indexOf(status));
  return [...statuses].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Case-insensitive match on id, title, owner and status: what the tree's filter box searches. */
export function matchesFilter(decision: Decision, filter: string): boolean {
  const wanted = filter.trim().toLowerCase();
  if (!wanted) return true;
  return [decision.id, decision.title?.value, decision.owner?.value, decision.status?.value].some((field) => field?.toLowerCase().includes(wanted));
}
