import type { AdrRolesConfig } from './config';
import { LineIndex } from './lineIndex';
import { KNOWN_STATUSES, TRIGGERS, type Decision, type Position, type Range } from './model';

export interface CompletionItem {
  label: string;
  detail: string;
}

export interface Completion {
  field: string;
  /** The value written so far: what a chosen item replaces. */
  range: Range;
  items: CompletionItem[];
}

const STATUS_DETAILS: Record<string, string> = {
  draft: 'being written',
  proposed: 'awaiting a decision',
  accepted: 'decided and in force',
  rejected: 'considered and turned down',
  deprecated: 'no longer applies',
  superseded: 'replaced by a later decision',
  overridden: 'overridden when new resources or requirements emerged',
};

/** Values for the frontmatter field the cursor is on: `owner:`, `elevated-from:`, `status:`, `trigger:`. */
export function completionAt(text: string, position: Position, decision: Decision, config: AdrRolesConfig): Completion | null {
  const block = decision.frontmatter?.range;
  if (!block || position.line <= block.start.line || position.line >= block.end.line) return null;
  const lines = new LineIndex(text);
  const lineText = lines.lineText(position.line);
  const field = /^([\w-]+)[ \t]*:[ \t]*/.exec(lineText);
  if (!field || position.character < field[0].length) return null;
  // Only the value token is replaced: a trailing `# comment` or whatever follows stays.
  const token = /^[\w.-]*/.exec(lineText.slice(field[0].length))?.[0] ?? '';
  const tokenEnd = field[0].length + token.length;
  const endsValue = /^\s*(#.*)?$/.test(lineText.slice(tokenEnd));
  const range: Range = { start: { line: position.line, character: field[0].length }, end: { line: position.line, character: Math.max(position.character, endsValue ? tokenEnd : position.character) } };
  const key = (field[1] ?? '').toLowerCase();
  if (key === 'owner' || key === 'elevated-from') {
    return { field: key, range, items: config.roles.map((r) => ({ label: r.id, detail: `${r.label}${r.kind && r.kind !== 'other' ? ` — ${r.kind}` : ''}` })) };
  }
  if (key === 'status') return { field: key, range, items: KNOWN_STATUSES.map((s) => ({ label: s, detail: STATUS_DETAILS[s] ?? '' })) };
  if (key === 'trigger') {
    return { field: key, range, items: TRIGGERS.map((t) => ({ label: t, detail: t === 'new-resource' ? 'a resource that did not exist before (a team, a vendor, budget)' : 'a requirement that did not exist before' })) };
  }
  return null;
}
