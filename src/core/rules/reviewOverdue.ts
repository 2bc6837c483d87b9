import type { Decision } from '../model';
import type { ReviewPolicy } from '../workspace/config';
import { decisionHeadRange, type Rule } from './rule';
import { addMonths } from '../read/dates';

/**
 * When a decision is due for review: its `review-by`, else (under a review policy, for the
 * statuses it names) its last review or its date plus the policy's months; null when never.
 */
export function reviewDue(decision: Decision, policy: ReviewPolicy | null): { date: string; implicit: boolean } | null {
  if (decision.reviewBy) return { date: decision.reviewBy.value, implicit: false };
  if (!policy || !policy.statuses.includes(decision.status?.value ?? '')) return null;
  const from = decision.reviewedOn?.value ?? decision.date?.value;
  return from ? { date: addMonths(from, policy.afterMonths), implicit: true } : null;
}

/** A decision replaced or retired is not reviewed any more. */
export function isRetired(decision: Decision): boolean {
  return ['superseded', 'overridden', 'deprecated', 'rejected'].includes(decision.status?.value ?? '');
}

/** A decision past its review date: the essay's decisions are revisited when resources or requirements change. */
export const reviewOverdue: Rule = {
  code: 'review-overdue',
  check({ decision, config, today }) {
    if (today === undefined) return [];
    if (isRetired(decision)) return [];
    const due = reviewDue(decision, config.review);
    if (!due || due.date >= today) return [];
    const revisit = decision.revisitWhen ? ` (revisit when: ${decision.revisitWhen.value})` : '';
    const why = due.implicit ? `, ${config.review?.afterMonths ?? 0} months after ${decision.reviewedOn ? 'its last review' : 'its date'}` : '';
    return [
      {
        code: 'review-overdue',
        message: `${decision.id} was due for review on ${due.date}${why}${revisit}: review it, then record reviewed-on and the next review-by`,
        range: decision.reviewBy?.range ?? decisionHeadRange(decision),
        data: { id: decision.id, due: due.date },
      },
    ];
  },
};
