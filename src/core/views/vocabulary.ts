import type { Decision } from '../model';
import type { ReviewPolicy } from '../workspace/config';
import { formatId } from '../read/fileName';
import { lookupTable } from '../read/lookup';

// The words every face uses for roles, owners, statuses, relations and triggers: the tree, tooltips,
// hovers, CodeLens, quick-fix titles, prompts, the graph, the report and the CLI. The webview
// panels import this file too, so it imports nothing but types, the pure file-name reader and the
// lookup table helper.

/** A role as the faces see it: enough to name it. */
export interface NamedRole {
  label: string;
  kind: string;
}

/**
 * How a decision is named in a list: `ADR-0005 Send events through Segment`. A decision without a
 * number (log4brains' `20210301-publish-nightly.md`) is known by its title alone; its slug, which
 * would repeat the title, is for the tooltip.
 */
export function decisionLabel(decision: Decision): string {
  const title = decision.title?.value ?? '(untitled)';
  return decision.number === null && decision.title ? title : `${decision.id} ${title}`;
}

/** `ADR-0074`: how a decision number is told to a person. */
export function decisionId(number: number): string {
  return formatId(number);
}

/** `CTO (strategy)`: a role and the kind of decisions it owns; a role of kind `other` by its label alone. */
export function roleName(role: NamedRole): string {
  return role.kind && role.kind !== 'other' ? `${role.label} (${role.kind})` : role.label;
}

/** What a decision with no `owner:` is called where an owner would be named. */
export const NO_OWNER = 'no owner';
/** The heading over decisions with no owner: the tree's group, the report's row and list. */
export const UNOWNED = 'Unowned';
/** The heading over decisions whose owner names no configured role. */
export const UNKNOWN_ROLE = 'Owner names no configured role';
/** The heading over decisions past their review date: the tree's first group, the report's section. */
export const DUE_FOR_REVIEW = 'Due for review';
/** The heading over decisions whose review comes up within `days`, apart from the overdue ones. */
export function dueSoonHeading(days: number): string {
  return `Review due within ${days} days`;
}

/** `due 2025-01-10`, `due 2025-01-10 (review policy)`: a due date where a list names it. */
export function dueNote(due: { date: string; implicit: boolean }): string {
  return `due ${due.date}${due.implicit ? ' (review policy)' : ''}`;
}

/** `1 decision`, `3 decisions`. */
export function decisionCount(count: number): string {
  return `${count} decision${count === 1 ? '' : 's'}`;
}

/**
 * What a review policy makes due, for tooltips: `Review policy: accepted decisions are due 12
 * months after their last review (reviewed-on), else their date, unless review-by says otherwise.`
 */
export function reviewPolicyText(policy: ReviewPolicy | null): string {
  if (!policy) return 'No review policy (review: in .adr-roles.yml): only decisions with a review-by date are due.';
  const statuses = policy.statuses.length > 0 ? policy.statuses.map(statusName).join(', ') : 'no';
  const months = `${policy.afterMonths} month${policy.afterMonths === 1 ? '' : 's'}`;
  return `Review policy: ${statuses} decisions are due ${months} after their last review (reviewed-on), else their date, unless review-by says otherwise.`;
}

/** What the review group with this key lists, and under which policies (one per configuration in the workspace). */
export function reviewGroupTooltip(kind: 'review-overdue' | 'review-soon', policies: readonly (ReviewPolicy | null)[], soonDays: number): string {
  const what =
    kind === 'review-overdue'
      ? 'Decisions past their review date, oldest first. Each is also listed in its own group. Superseded, overridden, deprecated and rejected decisions are never due.'
      : `Decisions whose review date falls within the next ${soonDays} days, soonest first. Each is also listed in its own group.`;
  const texts = [...new Set((policies.length > 0 ? policies : [null]).map(reviewPolicyText))];
  return [what, ...texts].join('\n\n');
}

/**
 * What `owner:` amounts to: the role's name, `cxo (not a configured role)` for an owner that
 * names none, or `no owner`.
 */
export function ownerName(written: string | null | undefined, role: NamedRole | null | undefined): string {
  if (role) return roleName(role);
  const owner = written?.trim();
  return owner ? `${owner} (not a configured role)` : NO_OWNER;
}

/** `Owner: CTO (strategy)`, or `No owner`: never "Owner: no owner". */
export function ownerLine(written: string | null | undefined, role: NamedRole | null | undefined): string {
  const name = ownerName(written, role);
  return name === NO_OWNER ? 'No owner' : `Owner: ${name}`;
}

/**
 * A status as the faces show it: lower case like the known statuses (`Partly superseded`, as an
 * adr-tools file may write it, shows as `partly superseded`), and `no status` for none.
 */
export function statusName(status: string | null | undefined): string {
  const value = status?.trim();
  return value ? value.toLowerCase() : 'no status';
}

/** `Status: accepted`, `Status: none`: the line of a tooltip or hover. */
export function statusLine(status: string | null | undefined): string {
  return `Status: ${status?.trim() ? statusName(status) : 'none'}`;
}

/** A status as a heading: `Accepted`, `Partly superseded`, `No status`. */
export function statusHeading(status: string | null | undefined): string {
  const name = statusName(status);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The statuses a person is offered (completion, Set Status): the ones the file format documents.
 * `draft` is read (and `wip` as draft) but is not one of them.
 */
export const STATUS_CHOICES: readonly { status: string; description: string }[] = [
  { status: 'proposed', description: 'awaiting a decision' },
  { status: 'accepted', description: 'decided and in force' },
  { status: 'rejected', description: 'considered and turned down' },
  { status: 'deprecated', description: 'no longer applies' },
  { status: 'superseded', description: 'replaced by a later decision' },
  { status: 'overridden', description: 'overridden when new resources or requirements emerged' },
];

const RELATION_NAMES: Readonly<Record<string, string>> = lookupTable({
  overrides: 'overrides',
  'overridden-by': 'overridden by',
  supersedes: 'supersedes',
  'superseded-by': 'superseded by',
  amends: 'amends',
  'amended-by': 'amended by',
});

/** `overridden by`: a relation kind in words; a team's own verb (`clarified-by`) the same way. */
export function relationName(kind: string): string {
  return RELATION_NAMES[kind] ?? kind.toLowerCase().replaceAll('-', ' ').replaceAll('_', ' ');
}

/** `overridden by ADR-0005`. */
export function relationText(kind: string, target: string): string {
  return `${relationName(kind)} ${target}`;
}

/** The two triggers of an override, as a person reads them. */
export const TRIGGER_CHOICES = [
  { trigger: 'new-resource', name: 'new resource', label: 'New resource', detail: 'A team, vendor, contract or budget that did not exist when the decision was made' },
  { trigger: 'new-requirement', name: 'new requirement', label: 'New requirement', detail: 'A need that did not exist when the decision was made' },
] as const;

/** `new resource`; a trigger that is neither known one as written; `no trigger` for none. */
export function triggerName(trigger: string | null | undefined): string {
  const value = trigger?.trim();
  if (!value) return 'no trigger';
  return TRIGGER_CHOICES.find((t) => t.trigger === value.toLowerCase())?.name ?? value;
}

/** `because of a new resource: Data team hired`; empty when there is no trigger. */
export function becauseOf(trigger: string | null | undefined, detail?: string | null): string {
  if (!trigger?.trim()) return '';
  const name = triggerName(trigger);
  const known = TRIGGER_CHOICES.some((t) => t.name === name);
  return `because of ${known ? `a ${name}` : `'${name}'`}${detail?.trim() ? `: ${detail.trim()}` : ''}`;
}

/** `new resource: Data team hired`, `no trigger`: a trigger and what emerged, in a list or a label. */
export function triggerText(trigger: string | null | undefined, detail?: string | null): string {
  return trigger?.trim() && detail?.trim() ? `${triggerName(trigger)}: ${detail.trim()}` : triggerName(trigger);
}

/** `elevated from Head of Engineering (execution) on 2021-08-10`. */
export function elevationText(from: string, on: string | null | undefined): string {
  return `elevated from ${from}${on ? ` on ${on}` : ''}`;
}

/** How a decision of the working tree stands against the branch checks' base (core/branch's marks). */
export type BranchMarkKind = 'added' | 'changed' | 'renamed';

/** The badge and words the Decisions view and the Explorer show on a decision the branch touched. */
export function branchMarkText(mark: BranchMarkKind, base: string): { badge: string; tooltip: string } {
  switch (mark) {
    case 'added':
      return { badge: '+', tooltip: `Added on this branch (against ${base})` };
    case 'changed':
      return { badge: '~', tooltip: `Changed on this branch (against ${base})` };
    case 'renamed':
      return { badge: '~', tooltip: `Renamed on this branch (against ${base})` };
  }
}
