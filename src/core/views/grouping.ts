import { resolveRole, type AdrRolesConfig, type ReviewPolicy, type Role } from '../workspace/config';
import { isRetired, reviewDue } from '../rules/reviewOverdue';
import type { Decision } from '../model';
import type { Grouping } from './viewState';
import { DUE_FOR_REVIEW, dueSoonHeading, roleName, statusHeading, UNKNOWN_ROLE, UNOWNED } from './vocabulary';

export interface DecisionGroup {
  /** Stable key for tree state: `unowned`, `role:<id>`, `unknown-role`, `status:<status>`, `review:overdue`, `review:soon`. */
  key: string;
  label: string;
  kind: 'unowned' | 'role' | 'unknown-role' | 'status' | 'review-overdue' | 'review-soon';
  role?: Role;
  decisions: Decision[];
  /** In the review groups, when each decision is due. */
  due?: ReadonlyMap<Decision, DueDate>;
}

/** When a decision is due for review, and whether the review policy (not its own review-by) says so. */
export interface DueDate {
  date: string;
  implicit: boolean;
}

export interface DueDecision extends DueDate {
  decision: Decision;
}

/** How far ahead the Decisions view looks for reviews coming up. */
export const REVIEW_SOON_DAYS = 30;

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

/**
 * Decisions due for review as of `today` (ISO): those past their date (due before today), oldest
 * due first, and those due from today to `soonDays` ahead, soonest first. Retired decisions are
 * never due. Each decision's policy comes from its own folder's configuration.
 */
export function reviewSchedule(decisions: readonly Decision[], policyOf: (decision: Decision) => ReviewPolicy | null, today: string, soonDays = REVIEW_SOON_DAYS): { overdue: DueDecision[]; soon: DueDecision[] } {
  const horizon = addDays(today, soonDays);
  const overdue: DueDecision[] = [];
  const soon: DueDecision[] = [];
  for (const decision of decisions) {
    const due = isRetired(decision) ? null : reviewDue(decision, policyOf(decision));
    if (!due) continue;
    if (due.date < today) overdue.push({ decision, ...due });
    else if (due.date <= horizon) soon.push({ decision, ...due });
  }
  // By date, then by file: the same order on every refresh, whatever order the index lists them in.
  const byDate = (a: DueDecision, b: DueDecision): number => compare(a.date, b.date) || compare(a.decision.file, b.decision.file);
  return { overdue: overdue.sort(byDate), soon: soon.sort(byDate) };
}

/**
 * The groups the Decisions view puts first in every grouping: *Due for review* (overdue) and,
 * apart from it, the reviews due within the next days. Only the groups with decisions; the
 * decisions stay in their own groups too.
 */
export function reviewGroups(decisions: readonly Decision[], policyOf: (decision: Decision) => ReviewPolicy | null, today: string): DecisionGroup[] {
  const { overdue, soon } = reviewSchedule(decisions, policyOf, today);
  const group = (key: string, label: string, kind: 'review-overdue' | 'review-soon', due: DueDecision[]): DecisionGroup => ({
    key,
    label,
    kind,
    decisions: due.map((d) => d.decision),
    due: new Map(due.map((d) => [d.decision, { date: d.date, implicit: d.implicit }])),
  });
  return [...(overdue.length > 0 ? [group('review:overdue', DUE_FOR_REVIEW, 'review-overdue', overdue)] : []), ...(soon.length > 0 ? [group('review:soon', dueSoonHeading(REVIEW_SOON_DAYS), 'review-soon', soon)] : [])];
}

/**
 * What the Decisions view's badge counts: decisions without an owner and decisions past their
 * review date, each unless its folder turned the rule off (`missing-owner: off`, `review-overdue: off`).
 */
export function badgeCounts(decisions: readonly Decision[], configOf: (decision: Decision) => AdrRolesConfig | undefined, today: string): { unowned: number; overdue: number } {
  const on = (d: Decision, code: string): boolean => configOf(d)?.severities[code] !== 'off';
  const unowned = decisions.filter((d) => !d.owner && on(d, 'missing-owner')).length;
  const reviewed = decisions.filter((d) => on(d, 'review-overdue'));
  return { unowned, overdue: reviewSchedule(reviewed, (d) => configOf(d)?.review ?? null, today).overdue.length };
}

/**
 * The key of the group a decision is listed in under a grouping by role or status (the review
 * groups aside), so the view can find its row without building the tree; null for the groupings
 * without groups.
 */
export function homeGroupKey(decision: Decision, grouping: Grouping, roles: readonly Role[]): string | null {
  if (grouping === 'status') return `status:${statusKey(decision)}`;
  if (grouping !== 'role') return null;
  if (!decision.owner) return 'unowned';
  const role = resolveRole(decision.owner.value, roles);
  return role ? `role:${role.id}` : 'unknown-role';
}

/** An ISO date `days` later, in the calendar (no time zone enters: the date is taken as UTC). */
function addDays(iso: string, days: number): string {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  // setUTCFullYear, not Date.UTC: that reads the years 0 to 99 as 1900 to 1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day + days);
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
