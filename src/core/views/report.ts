import type { DecisionLog } from '../workspace/catalog';
import { resolveRole, type ReviewPolicy, type Role } from '../workspace/config';
import { ownerClassOf, roleClass, type OwnerClass } from './graph';
import { reviewSchedule, sortStatuses, statusKey } from './grouping';
import { lifecycleCounts, standingOf, type LifecycleCounts } from './standing';
import { roleName, UNKNOWN_ROLE, UNOWNED } from './vocabulary';
import type { Decision } from '../model';
import { dirName } from '../workspace/paths';

/** A decision as a report lists it: enough to name it and to open it. */
export interface ReportDecision {
  id: string;
  title: string;
  /** The file as read, so an adapter can open it. */
  file: string;
  /** The file as shown (see ReportOptions.pathOf). */
  path: string;
  folder: string;
  status: string | null;
  date: string | null;
  /** What `owner:` says, or null. */
  owner: string | null;
}

export interface RoleRow {
  /** `role:<id>`, `unknown-role` or `unowned`. */
  key: string;
  /** `CTO (strategy)`, `Unowned`, `Owner names no configured role`. */
  label: string;
  /** The configured role the row counts, or null for the unowned and unknown-role rows. */
  role: { id: string; label: string; kind: string } | null;
  ownerClass: OwnerClass;
  /** Decisions per status ('' is no status), for every status in the report's columns. */
  counts: Record<string, number>;
  total: number;
}

export interface TriggerCounts {
  newResource: number;
  newRequirement: number;
  /** No trigger, or one that is neither new-resource nor new-requirement. */
  other: number;
}

export interface OverridePeriod extends TriggerCounts {
  /** `2021`, `2021-Q3`, or `undated`. */
  period: string;
}

export interface OverrideEntry {
  decision: ReportDecision;
  overrides: ReportDecision[];
  trigger: string | null;
  triggerDetail: string | null;
  period: string;
}

export interface ElevationEntry {
  decision: ReportDecision;
  /** As written in `elevated-from:`. */
  from: string;
  /** The role's label when `from` names a configured role. */
  fromLabel: string;
  on: string | null;
}

export interface OverriddenEntry {
  decision: ReportDecision;
  overriddenBy: { decision: ReportDecision; trigger: string | null }[];
}

export interface DueEntry {
  decision: ReportDecision;
  /** ISO date it was due. */
  due: string;
  /** From the review policy of .adr-roles.yml rather than the decision's own review-by. */
  implicit: boolean;
  revisitWhen: string | null;
}

export interface OwnershipReport {
  folders: string[];
  total: number;
  /** What the summary line counts: the same definition as the Decision Graph's. */
  counts: LifecycleCounts;
  /** Matrix columns in lifecycle order; '' is "no status". */
  statuses: string[];
  /** Matrix rows: unowned first when there are any (the product's central warning), then each role, then owners naming no role. */
  roles: RoleRow[];
  unowned: ReportDecision[];
  unknownOwner: ReportDecision[];
  overrides: {
    /** Quarters while the overrides span a few years, years beyond that, so the chart stays readable. */
    granularity: 'quarter' | 'year';
    /** Every period from the first override to the last, empty ones included, then `undated` if any. */
    periods: OverridePeriod[];
    totals: TriggerCounts;
    decisions: OverrideEntry[];
  };
  elevated: ElevationEntry[];
  /** Decisions past their review date, oldest due first; empty when the report was built without a date. */
  dueForReview: DueEntry[];
  executionOverridden: {
    /** Decisions owned by an execution role now (elevated ones belong to their new owner). */
    execution: number;
    overridden: number;
    /** overridden / execution, 0 when there are no execution decisions. */
    share: number;
    decisions: OverriddenEntry[];
  };
}

export interface ReportOptions {
  pathOf?: (path: string) => string;
  /** Today, and the review policy of each decision's configuration, for the decisions due for review. */
  review?: { today: string; policyOf: (decision: Decision) => ReviewPolicy | null };
}

/** Beyond this many years of overrides, quarters make too many bars to read. */
const QUARTERLY_YEARS = 3;

export function buildReport(logs: readonly DecisionLog[], roles: readonly Role[], options: ReportOptions = {}): OwnershipReport {
  const pathOf = options.pathOf ?? ((path: string) => path);
  const all = logs.flatMap((log) => log.decisions().map((decision) => ({ decision, log })));
  const entry = (d: Decision): ReportDecision => ({
    id: d.id,
    title: d.title?.value ?? d.slug,
    file: d.file,
    path: pathOf(d.file),
    folder: pathOf(dirName(d.file)),
    status: d.status?.value ?? null,
    date: d.date?.value ?? null,
    owner: d.owner?.value ?? null,
  });
  const statuses = sortStatuses(new Set(all.map(({ decision }) => statusKey(decision))));
  const rows = roleRows(all.map(({ decision }) => decision), roles, statuses);
  const related = (d: Decision, log: DecisionLog, kind: string): Decision[] => [
    ...new Set(log.relationsOf(d).flatMap((r) => (r.kind === kind && r.target && r.target !== d ? [r.target] : []))),
  ];

  const overriding = all.filter(({ decision, log }) => related(decision, log, 'overrides').length > 0);
  const granularity = periodGranularity(overriding.map(({ decision }) => decision.date?.value ?? null));
  const overrideEntries: OverrideEntry[] = overriding.map(({ decision, log }) => ({
    decision: entry(decision),
    overrides: related(decision, log, 'overrides').map(entry),
    trigger: decision.trigger?.value ?? null,
    triggerDetail: decision.triggerDetail?.value ?? null,
    period: periodOf(decision.date?.value ?? null, granularity),
  }));

  const execution = all.filter(({ decision }) => ownerClassOf(decision, roles) === 'execution');
  const overridden: OverriddenEntry[] = execution.flatMap(({ decision, log }) => {
    const standing = standingOf(decision, log);
    const by = standing.overriddenBy;
    if (by.length === 0 && decision.status?.value.trim().toLowerCase() !== 'overridden') return [];
    return [{ decision: entry(decision), overriddenBy: by.map((d) => ({ decision: entry(d), trigger: d.trigger?.value ?? null })) }];
  });

  return {
    folders: logs.filter((log) => log.size > 0).map((log) => pathOf(log.folder)),
    total: all.length,
    counts: lifecycleCounts(logs),
    statuses,
    roles: rows,
    unowned: all.filter(({ decision }) => !decision.owner).map(({ decision }) => entry(decision)),
    unknownOwner: all.filter(({ decision }) => ownerClassOf(decision, roles) === 'unknown-role').map(({ decision }) => entry(decision)),
    overrides: { granularity, periods: periodsOf(overrideEntries, granularity), totals: countTriggers(overrideEntries), decisions: overrideEntries },
    elevated: all.flatMap(({ decision }) => {
      const from = decision.elevatedFrom?.value.trim();
      const role = resolveRole(from ?? '', roles);
      return from ? [{ decision: entry(decision), from, fromLabel: role ? roleName(role) : from, on: decision.elevatedOn?.value ?? null }] : [];
    }),
    dueForReview: dueForReview(all.map(({ decision }) => decision), options.review, entry),
    executionOverridden: {
      execution: execution.length,
      overridden: overridden.length,
      share: execution.length === 0 ? 0 : overridden.length / execution.length,
      decisions: overridden,
    },
  };
}

function dueForReview(decisions: readonly Decision[], review: ReportOptions['review'], entry: (d: Decision) => ReportDecision): DueEntry[] {
  if (!review) return [];
  // The Decisions view's Due for review group, in the same order.
  return reviewSchedule(decisions, review.policyOf, review.today).overdue.map((d) => ({ decision: entry(d.decision), due: d.date, implicit: d.implicit, revisitWhen: d.decision.revisitWhen?.value ?? null }));
}

function roleRows(decisions: readonly Decision[], roles: readonly Role[], statuses: readonly string[]): RoleRow[] {
  const row = (key: string, label: string, ownerClass: OwnerClass, members: Decision[], role: Role | null = null): RoleRow => {
    // One count per member, not a pass over the members per status: a log may hold thousands of each.
    const tally = new Map<string, number>();
    for (const d of members) tally.set(statusKey(d), (tally.get(statusKey(d)) ?? 0) + 1);
    // Built with fromEntries, not `counts[s] = …`: each status is an own key, `__proto__` and `constructor` too, so JSON keeps it.
    const counts = Object.fromEntries(statuses.map((s) => [s, tally.get(s) ?? 0]));
    return { key, label, role: role && { id: role.id, label: role.label, kind: role.kind }, ownerClass, counts, total: members.length };
  };
  // One pass sorts the decisions into rows, not a pass per role: a configuration may list thousands.
  const unowned: Decision[] = [];
  const unknown: Decision[] = [];
  const byRole = new Map<Role, Decision[]>(roles.map((r) => [r, []]));
  for (const d of decisions) {
    const role = d.owner ? resolveRole(d.owner.value, roles) : undefined;
    if (!d.owner) unowned.push(d);
    else if (!role) unknown.push(d);
    else byRole.get(role)?.push(d);
  }
  const rows: RoleRow[] = [];
  // As the Decisions view orders its groups: the two kinds of missing owner first, then the roles.
  if (unowned.length > 0) rows.push(row('unowned', UNOWNED, 'unowned', unowned));
  if (unknown.length > 0) rows.push(row('unknown-role', UNKNOWN_ROLE, 'unknown-role', unknown));
  for (const role of roles) rows.push(row(`role:${role.id}`, roleName(role), roleClass(role), byRole.get(role) ?? [], role));
  return rows;
}

function periodGranularity(dates: readonly (string | null)[]): 'quarter' | 'year' {
  const years = dates.flatMap((d) => (d ? [Number(d.slice(0, 4))] : []));
  if (years.length === 0) return 'quarter';
  // A loop, not Math.max(...years): spreading 200,000 arguments exceeds the call stack.
  let first = Infinity;
  let last = -Infinity;
  for (const year of years) {
    first = Math.min(first, year);
    last = Math.max(last, year);
  }
  return last - first < QUARTERLY_YEARS ? 'quarter' : 'year';
}

export function periodOf(date: string | null, granularity: 'quarter' | 'year'): string {
  if (!date) return 'undated';
  const year = date.slice(0, 4);
  return granularity === 'year' ? year : `${year}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Consecutive periods from the first to the last, so gaps show as empty bars on a time axis. */
function periodsOf(entries: readonly OverrideEntry[], granularity: 'quarter' | 'year'): OverridePeriod[] {
  const dated = entries.filter((e) => e.period !== 'undated').map((e) => e.period).sort();
  const periods: string[] = [];
  if (dated.length > 0) {
    const index = (p: string): number => (granularity === 'year' ? Number(p) : Number(p.slice(0, 4)) * 4 + Number(p.slice(6)) - 1);
    const label = (i: number): string => (granularity === 'year' ? String(i) : `${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
    for (let i = index(dated[0]!); i <= index(dated[dated.length - 1]!); i++) periods.push(label(i));
  }
  if (entries.some((e) => e.period === 'undated')) periods.push('undated');
  const byPeriod = new Map<string, OverrideEntry[]>();
  for (const e of entries) (byPeriod.get(e.period) ?? byPeriod.set(e.period, []).get(e.period)!).push(e);
  return periods.map((period) => ({ period, ...countTriggers(byPeriod.get(period) ?? []) }));
}

function countTriggers(entries: readonly OverrideEntry[]): TriggerCounts {
  const counts: TriggerCounts = { newResource: 0, newRequirement: 0, other: 0 };
  for (const e of entries) {
    if (e.trigger === 'new-resource') counts.newResource++;
    else if (e.trigger === 'new-requirement') counts.newRequirement++;
    else counts.other++;
  }
  return counts;
}
