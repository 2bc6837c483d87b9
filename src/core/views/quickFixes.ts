import { fixesFor, reviewedTodayFix, type Fix, type FixAction, type FixContext } from '../edit/fixes';
import type { Problem } from '../model';
import { decisionId, relationText, roleName, statusName, triggerName } from './vocabulary';

export interface QuickFix extends Fix {
  title: string;
}

/** A fix's title in the words every face uses: `Set owner: CTO (strategy)`, `Set trigger: new resource`. */
export function fixTitle(action: FixAction): string {
  switch (action.kind) {
    case 'set-owner':
      return `Set owner: ${roleName(action.role)}`;
    case 'change-owner':
      return `Change owner to ${roleName(action.role)}`;
    case 'set-trigger':
      return `Set trigger: ${triggerName(action.trigger)}`;
    case 'add-relation':
      return `Add the missing end: ${relationText(action.relation, action.target)}`;
    case 'set-status':
      return `Set status: ${statusName(action.status)}`;
    case 'elevate':
      return `Elevate to ${roleName(action.role)}`;
    case 'make-owner':
      return `Make ${roleName(action.role)} the owner`;
    case 'renumber':
      return `Renumber ${action.id}${action.to ? ` to ${decisionId(action.to)}` : ''}…`;
    case 'set-date-today':
      return `Set ${action.key} to today (${action.today})`;
    case 'reviewed-today':
      return `Reviewed today: record ${action.today}, next review by ${action.next}`;
  }
}

/** The quick fixes for a problem, titled. */
export function quickFixesFor(problem: Problem, context: FixContext): QuickFix[] {
  return fixesFor(problem, context).map((fix) => ({ ...fix, title: fixTitle(fix.action) }));
}

/**
 * *Reviewed today* for a decision, titled, whether or not `review-overdue` is reported for it: the
 * review CodeLens applies it. Undefined when its edits could not be read back (a `---js` block).
 */
export function reviewedTodayFor(context: FixContext): QuickFix | undefined {
  const fix = reviewedTodayFix(context);
  return fix.edits.length > 0 ? { ...fix, title: fixTitle(fix.action) } : undefined;
}
