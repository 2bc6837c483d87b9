import { setMetadataEdits } from './metadataFields';
import type { FolderFormat } from '../workspace/folderFormat';
import type { Decision } from '../model';
import type { TextEdit } from './textEdit';

/** Which decisions a migration touches: `status=accepted` or `status=accepted,proposed`. */
export interface MigrationFilter {
  statuses: string[] | null;
}

export const FILTER_KEYS = ['status'];

/** Reads `--where`; returns a message instead when it cannot be used. */
export function parseWhere(expression: string | undefined): MigrationFilter | string {
  if (expression === undefined) return { statuses: null };
  const match = /^\s*([\w-]+)\s*=\s*(.+?)\s*$/.exec(expression);
  if (!match) return `--where takes KEY=VALUE, e.g. status=accepted (got '${expression}')`;
  const [, key = '', values = ''] = match;
  if (!FILTER_KEYS.includes(key.toLowerCase())) return `--where can filter on ${FILTER_KEYS.join(', ')} (got '${key}')`;
  return { statuses: values.split(',').map((v) => v.trim().toLowerCase()).filter(Boolean) };
}

/** A decision that names no owner at all; an owner naming no role is a different problem (unknown-owner). */
export function isUnowned(decision: Decision): boolean {
  return decision.owner === null;
}

export function matchesFilter(decision: Decision, filter: MigrationFilter): boolean {
  return filter.statuses === null || filter.statuses.includes(decision.status?.value.toLowerCase() ?? '');
}

/**
 * The minimal edits giving a decision its owner, where the file keeps its metadata: a frontmatter
 * line next to its date or status, adr-tools' `Owner:` line under `Date:`, or an `* Owner:` item in
 * a MADR 2 or log4brains list. Every other byte stays, so the folder keeps working with its own tools.
 */
export function addOwnerEdits(text: string, decision: Decision, owner: string, folder?: FolderFormat): TextEdit[] {
  return setMetadataEdits(text, decision, [['owner', owner]], ['date', 'status'], folder);
}
