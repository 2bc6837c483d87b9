import type { DecisionLog } from '../workspace/catalog';
import type { AdrRolesConfig } from '../workspace/config';
import { LineIndex } from '../read/lineIndex';
import type { Decision, Position, Range } from '../model';
import { roleName, STATUS_CHOICES, TRIGGER_CHOICES } from './vocabulary';

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

const RELATION_FIELDS = ['overrides', 'overridden-by', 'supersedes', 'superseded-by', 'amends', 'amended-by'];

/** The folder's other decisions, as ids with their titles: what relation fields and `ADR-` take. */
function decisionItems(log: DecisionLog | undefined, except: Decision | undefined): CompletionItem[] {
  return (log?.decisions() ?? [])
    .filter((d) => d !== except && d.number !== null)
    .map((d) => ({ label: d.id, detail: [d.title?.value, d.owner?.value, d.status?.value].filter(Boolean).join(' · ') }));
}

/**
 * `ADR-` typed anywhere in a markdown text: the ids of the folder's decisions. `log` is the
 * folder of the document, or the one decision folder of the workspace.
 */
export function idCompletionAt(text: string, position: Position, log: DecisionLog | undefined, decision?: Decision): Completion | null {
  const lineText = new LineIndex(text).lineText(position.line).slice(0, position.character);
  const typed = /\bADR-\d*$/i.exec(lineText);
  if (!typed) return null;
  const range: Range = { start: { line: position.line, character: typed.index }, end: position };
  return { field: 'id', range, items: decisionItems(log, decision) };
}

/** Values for the frontmatter field the cursor is on: `owner:`, `elevated-from:`, `status:`, `trigger:`, relation ids. */
export function completionAt(text: string, position: Position, decision: Decision, config: AdrRolesConfig, log?: DecisionLog): Completion | null {
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
    return { field: key, range, items: config.roles.map((r) => ({ label: r.id, detail: roleName(r) })) };
  }
  if (RELATION_FIELDS.includes(key)) {
    // In a list (`[ADR-0001, ADR-0002]`) only the id being typed is replaced.
    const before = lineText.slice(0, position.character);
    const start = Math.max(field[0].length, before.lastIndexOf(',') + 1, before.lastIndexOf('[') + 1);
    const from = start + (/^\s*/.exec(lineText.slice(start))?.[0].length ?? 0);
    return { field: key, range: { start: { line: position.line, character: Math.min(from, position.character) }, end: position }, items: decisionItems(log, decision) };
  }
  if (key === 'status') return { field: key, range, items: STATUS_CHOICES.map((s) => ({ label: s.status, detail: s.description })) };
  if (key === 'trigger') return { field: key, range, items: TRIGGER_CHOICES.map((t) => ({ label: t.trigger, detail: t.detail })) };
  return null;
}
