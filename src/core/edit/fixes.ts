import type { AdrRolesConfig, Role } from '../workspace/config';
import { TRIGGERS, type Decision, type Problem } from '../model';
import { addRelationEdits, setStatusEdits } from './decisionEdits';
import { setMetadataEdits } from './metadataFields';
import type { FolderFormat } from '../workspace/folderFormat';
import type { DecisionTarget } from '../read/decisionTarget';
import type { TextEdit } from './textEdit';

export interface Fix {
  title: string;
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

/** `CTO (strategy)`: how a role is offered in quick fixes and pickers. */
export function roleTitle(role: Role): string {
  return role.kind && role.kind !== 'other' ? `${role.label} (${role.kind})` : role.label;
}

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
        title: `Set owner: ${roleTitle(role)}`,
        preferred: i === 0 && context.config.roles.length === 1,
        edits: setMetadataEdits(context.text, context.decision, [['owner', role.id]], OWNER_AFTER, context.folder),
      }));
    case 'unknown-owner':
      return context.config.roles.map((role) => ({
        title: `Change owner to ${role.id} (${role.label})`,
        preferred: false,
        edits: [{ range: problem.range, newText: role.id }],
      }));
    case 'override-missing-trigger':
      return TRIGGERS.map((trigger) => ({
        title: `Set trigger: ${trigger}`,
        preferred: false,
        edits: setMetadataEdits(context.text, context.decision, [['trigger', trigger]], ['overrides'], context.folder),
      }));
    case 'relation-not-reciprocated': {
      const { kind, target } = problem.data as { kind: string; target: DecisionTarget };
      return [{ title: `Add '${kind}: ${target.id}'`, preferred: true, edits: addRelationEdits(context.text, context.decision, kind, target) }];
    }
    case 'status-out-of-sync': {
      const { status, kind, declared, target } = problem.data as { status: string; kind: string; declared: boolean; target: DecisionTarget };
      // When the link is only written on the other end, this end gets it too.
      const edits = setStatusEdits(context.text, context.decision, status, declared ? undefined : { kind, target });
      return [{ title: `Set status: ${status}`, preferred: true, edits }];
    }
    case 'execution-overrides-strategy': {
      const { strategyRole, executionRole } = problem.data as { strategyRole: string; executionRole: string };
      const role = context.config.roles.find((r) => r.id === strategyRole);
      const label = role ? role.label : strategyRole;
      return [
        { title: `Elevate to ${label}`, preferred: false, edits: elevateEdits(context.text, context.decision, strategyRole, executionRole, context.today, context.folder) },
        { title: `Make ${label} the owner`, preferred: false, edits: setMetadataEdits(context.text, context.decision, [['owner', strategyRole]], OWNER_AFTER, context.folder) },
      ];
    }
    case 'duplicate-number': {
      const next = typeof problem.data?.nextNumber === 'number' ? problem.data.nextNumber : undefined;
      return [{ title: `Renumber ${context.decision.id}${next ? ` to ADR-${String(next).padStart(4, '0')}` : ''}…`, preferred: false, edits: [], command: { id: 'adrRoles.renumber', args: [context.decision.file] } }];
    }
    case 'invalid-date':
      return [{ title: `Set ${typeof problem.data?.key === 'string' ? problem.data.key : 'date'} to today (${context.today})`, preferred: true, edits: [{ range: problem.range, newText: context.today }] }];
    default:
      return [];
  }
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
