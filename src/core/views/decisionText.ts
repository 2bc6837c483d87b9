import { resolveRole, type ReviewPolicy, type Role } from '../workspace/config';
import { isRetired, reviewDue } from '../rules/reviewOverdue';
import type { ResolvedRelation } from '../workspace/catalog';
import type { Decision, Range } from '../model';
import { becauseOf, elevationText, ownerLine, ownerName, relationText, roleName } from './vocabulary';

// One decision told in the vocabulary's words, for the faces that describe a decision in text: the
// tree's tooltip, the hover, CodeLens. They all say the same thing the same way.

/** `CTO (strategy)`, `cxo (not a configured role)`, `no owner`. */
export function ownerOf(decision: Decision, roles: readonly Role[]): string {
  return ownerName(decision.owner?.value, decision.owner ? resolveRole(decision.owner.value, roles) : undefined);
}

/** `Owner: CTO (strategy)`, or `No owner`. */
export function ownerLineOf(decision: Decision, roles: readonly Role[]): string {
  return ownerLine(decision.owner?.value, decision.owner ? resolveRole(decision.owner.value, roles) : undefined);
}

/** `elevated from Head of Engineering (execution) on 2021-08-10`, or null when it was not elevated. */
export function elevationOf(decision: Decision, roles: readonly Role[]): string | null {
  const from = decision.elevatedFrom?.value.trim();
  if (!from) return null;
  const role = resolveRole(from, roles);
  return elevationText(role ? roleName(role) : from, decision.elevatedOn?.value);
}

/**
 * `overrides ADR-0003 because of a new resource: Data team hired`, `overridden by ADR-0005 because
 * of a new requirement: …`: a relation with the overriding decision's reason, whichever end it is.
 */
export function relationLine(decision: Decision, relation: Pick<ResolvedRelation, 'kind' | 'target' | 'ref'>): string {
  const target = relation.target?.id ?? relation.ref.raw;
  const overriding = relation.kind === 'overrides' ? decision : relation.kind === 'overridden-by' ? relation.target : undefined;
  const reason = overriding ? becauseOf(overriding.trigger?.value, overriding.triggerDetail?.value) : '';
  return `${relationText(relation.kind, target)}${reason ? ` ${reason}` : ''}${relation.target ? '' : ' (not found)'}`;
}

/** Where a decision stands on its review: when it is due, whether the review policy says so, and whether that is past. */
export interface ReviewState {
  date: string;
  implicit: boolean;
  overdue: boolean;
}

/** The review state of a decision today, or null for a decision never due (no date, or retired). */
export function reviewStateOf(decision: Decision, policy: ReviewPolicy | null, today: string): ReviewState | null {
  const due = isRetired(decision) ? null : reviewDue(decision, policy);
  return due ? { ...due, overdue: due.date < today } : null;
}

/**
 * `Review by 2025-01-10 (overdue) · revisit when: a second vendor bids`, `Review by 2026-03-01
 * (from the review policy)`, or null for a decision that is never due.
 */
export function reviewLineOf(decision: Decision, policy: ReviewPolicy | null, today: string): string | null {
  const due = reviewStateOf(decision, policy, today);
  if (!due) return null;
  const notes = [due.overdue ? 'overdue' : '', due.implicit ? 'from the review policy' : ''].filter(Boolean);
  const revisit = decision.revisitWhen ? ` · revisit when: ${decision.revisitWhen.value}` : '';
  return `Review by ${due.date}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}${revisit}`;
}

/** The CodeLens above a decision with a due date: `Review overdue since 2025-01-10`, `Review due 2026-03-01`. */
export function reviewLensTitle(due: ReviewState): string {
  return due.overdue ? `Review overdue since ${due.date}` : `Review due ${due.date}`;
}

/**
 * Where a decision's due date comes from, for the faces to show it: its `review-by`, else (under
 * the review policy) its `reviewed-on`, else its `date`; null when none is written.
 */
export function reviewDateRange(decision: Decision): Range | null {
  return (decision.reviewBy ?? decision.reviewedOn ?? decision.date)?.range ?? null;
}
