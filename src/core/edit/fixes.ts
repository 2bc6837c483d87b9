import type { AdrRolesConfig, Role } from '../workspace/config';
import { TRIGGERS, type Decision, type Problem, type Trigger } from '../model';
import { addRelationEdits, setStatusEdits } from './decisionEdits';
import { setMetadataEdits } from './metadataFields';
import type { FolderFormat } from '../workspace/folderFormat';
import type { DecisionTarget } from '../read/decisionTarget';
import type { TextEdit } from './textEdit';
import { addMonths } from '../read/dates';

/** What a fix does, for the views layer to put in words (views/quickFixes.ts): the title is presentation. */
export type FixAction =
  | { kind: 'set-owner'; role: Role }
  | { kind: 'change-owner'; role: Role }
  | { kind: 'set-trigger'; trigger: Trigger }
  | { kind: 'add-relation'; relation: string; target: string }
  | { kind: 'set-status'; status: string }
  | { kind: 'elevate'; role: Role | { id: string; label: string; kind: string } }
  | { kind: 'make-owner'; role: Role | { id: string; label: string; kind: string } }
  | { kind: 'renumber'; id: string; to: number | undefined }
  | { kind: 'set-date-today'; key: string; today: string }
  | { kind: 'reviewed-today'; today: string; next: string };

export interface Fix {
  action: FixAction;
  /** The one fix to apply when the user asks for "the" fix. */
  preferred: boolean;
  edits: TextEdit[];
  /** A fix that needs more than edits to this file (a rename across the workspace) runs a command. */
  command?: { id: string; args: unknown[] };
}

export interface FixContext {
  text: string;
  decision: Decision;
  config: AdrRolesConfig;
  /** ISO date of today, passed in so the core stays pure and testable. */
  today: string;
  /** The format of the decision's folder: where a file with no metadata of its own gets fields. */
  folder?: FolderFormat;
}

/** How far ahead *Reviewed today* sets the next review when no review policy says. */
const DEFAULT_REVIEW_MONTHS = 12;

/** Fields after which `owner:` reads naturally, in order of preference. */
const OWNER_AFTER = ['date', 'status'];

/** Quick fixes for one problem, as minimal text edits: only the line they change. */
export function fixesFor(problem: Problem, context: FixContext): Fix[] {
  // A fix whose edits would not be read (in a `---js`, unclosed or flow-map block) has none: not offered.
  return candidateFixes(problem, context).filter((fix) => fix.command || fix.edits.length > 0);
}

function candidateFixes(problem: Problem, context: FixContext): Fix[] {
  switch (problem.code) {
    case 'missing-owner':
      return context.config.roles.map((role, i) => ({
        action: { kind: 'set-owner', role },
        preferred: i === 0 && context.config.roles.length === 1,
        edits: setMetadataEdits(context.text, context.decision, [['owner', role.id]], OWNER_AFTER, context.folder),
      }));
    case 'unknown-owner':
      return context.config.roles.map((role) => ({
        action: { kind: 'change-owner', role },
        preferred: false,
        edits: [{ range: problem.range, newText: role.id }],
      }));
    case 'override-missing-trigger':
      return TRIGGERS.map((trigger) => ({
        action: { kind: 'set-trigger', trigger },
        preferred: false,
        edits: setMetadataEdits(context.text, context.decision, [['trigger', trigger]], ['overrides'], context.folder),
      }));
    case 'relation-not-reciprocated': {
      const { kind, target } = problem.data as { kind: string; target: DecisionTarget };
      return [{ action: { kind: 'add-relation', relation: kind, target: target.id }, preferred: true, edits: addRelationEdits(context.text, context.decision, kind, target) }];
    }
    case 'status-out-of-sync': {
      const { status, kind, declared, target } = problem.data as { status: string; kind: string; declared: boolean; target: DecisionTarget };
      // When the link is only written on the other end, this end gets it too.
      const edits = setStatusEdits(context.text, context.decision, status, declared ? undefined : { kind, target });
      return [{ action: { kind: 'set-status', status }, preferred: true, edits }];
    }
    case 'execution-overrides-strategy': {
      const { strategyRole, executionRole } = problem.data as { strategyRole: string; executionRole: string };
      const role = context.config.roles.find((r) => r.id === strategyRole) ?? { id: strategyRole, label: strategyRole, kind: 'strategy' };
      return [
        { action: { kind: 'elevate', role }, preferred: false, edits: elevateEdits(context.text, context.decision, strategyRole, executionRole, context.today, context.folder) },
        { action: { kind: 'make-owner', role }, preferred: false, edits: setMetadataEdits(context.text, context.decision, [['owner', strategyRole]], OWNER_AFTER, context.folder) },
      ];
    }
    case 'duplicate-number': {
      const next = typeof problem.data?.nextNumber === 'number' ? problem.data.nextNumber : undefined;
      return [{ action: { kind: 'renumber', id: context.decision.id, to: next }, preferred: false, edits: [], command: { id: 'adrRoles.renumber', args: [context.decision.file] } }];
    }
    case 'number-taken-on-base': {
      // The number free both here and on the base, which the local folder alone cannot know.
      const next = typeof problem.data?.nextNumber === 'number' ? problem.data.nextNumber : undefined;
      if (next === undefined) return [];
      return [{ action: { kind: 'renumber', id: context.decision.id, to: next }, preferred: true, edits: [], command: { id: 'adrRoles.renumber', args: [context.decision.file, { to: next }] } }];
    }
    case 'review-overdue':
      return [reviewedTodayFix(context)];
    case 'invalid-date':
      return [{ action: { kind: 'set-date-today', key: typeof problem.data?.key === 'string' ? problem.data.key : 'date', today: context.today }, preferred: true, edits: [{ range: problem.range, newText: context.today }] }];
    default:
      return [];
  }
}

/**
 * *Reviewed today*: today's `reviewed-on` and the next `review-by`, as far after today as the
 * policy counts (a year without one). The fix of `review-overdue`, and what the review CodeLens applies.
 */
export function reviewedTodayFix(context: FixContext): Fix {
  const next = addMonths(context.today, context.config.review?.afterMonths ?? DEFAULT_REVIEW_MONTHS);
  const fields: [string, string][] = [
    ['reviewed-on', context.today],
    ['review-by', next],
  ];
  return { action: { kind: 'reviewed-today', today: context.today, next }, preferred: true, edits: setMetadataEdits(context.text, context.decision, fields, ['review-by', 'date', 'status'], context.folder) };
}

/** The CTO takes a decision over: new owner, and a record of from whom and when. */
export function elevateEdits(text: string, decision: Decision, toRole: string, fromRole: string, today: string, folder?: FolderFormat): TextEdit[] {
  return setMetadataEdits(
    text,
    decision,
    [
      ['owner', toRole],
      ['elevated-from', fromRole],
      ['elevated-on', today],
    ],
    ['owner', ...OWNER_AFTER],
    folder,
  );
}
