import { baseName } from './fileName';
import { LineIndex } from './lineIndex';
import type { Decision, Range } from './model';
import { lineBreakOf, type TextEdit } from './textEdit';

/** What a link to another decision needs: its id for frontmatter, its number, title and file for markdown links. */
export interface DecisionTarget {
  id: string;
  number: number | null;
  title: string;
  fileName: string;
}

export function targetOf(decision: Decision): DecisionTarget {
  return { id: decision.id, number: decision.number, title: decision.title?.value ?? decision.id, fileName: baseName(decision.file) };
}

const VERBS: Record<string, string> = {
  supersedes: 'Supersedes',
  'superseded-by': 'Superseded by',
  overrides: 'Overrides',
  'overridden-by': 'Overridden by',
  amends: 'Amends',
  'amended-by': 'Amended by',
};

/** `Superseded by`: how adr-tools and MADR 2 write a relation kind in prose. */
export function relationVerb(kind: string): string {
  return VERBS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replaceAll('-', ' ');
}

/** adr-tools writes `[9. Title](0009-title.md)`; MADR 2 and log4brains write `[ADR-0009](0009-title.md)`. */
function markdownLink(target: DecisionTarget, style: 'numbered' | 'id'): string {
  const label = style === 'numbered' && target.number !== null ? `${target.number}. ${target.title}` : target.id;
  return `[${label}](${target.fileName.includes(' ') ? `<${target.fileName}>` : target.fileName})`;
}

/** The line of a top-level `key:` in the frontmatter, or -1. */
export function frontmatterFieldLine(lines: LineIndex, decision: Decision, key: string): number {
  const block = decision.frontmatter?.range;
  if (!block) return -1;
  const pattern = new RegExp(`^${key.replace(/-/g, '[-_ ]')}[ \\t]*:`, 'i');
  for (let line = block.start.line + 1; line < block.end.line; line++) if (pattern.test(lines.lineText(line))) return line;
  return -1;
}

function insertAt(range: Range['start'], newText: string): TextEdit {
  return { range: { start: range, end: range }, newText };
}

/**
 * Sets frontmatter fields with minimal edits: an existing field's line is replaced, missing ones
 * are inserted together after the first of `after` that exists (else after the opening `---`).
 * A file without frontmatter gets one block at the top; the rest stays byte-for-byte.
 */
export function setFieldsEdits(text: string, decision: Decision, fields: readonly [string, string][], after: readonly string[] = []): TextEdit[] {
  const lines = new LineIndex(text);
  const eol = lineBreakOf(text);
  if (!decision.frontmatter) {
    const start = lines.positionAt(text.charCodeAt(0) === 0xfeff ? 1 : 0);
    return [insertAt(start, `---${eol}${fields.map(([k, v]) => `${k}: ${v}${eol}`).join('')}---${eol}`)];
  }
  const edits: TextEdit[] = [];
  const missing: string[] = [];
  for (const [key, value] of fields) {
    const line = frontmatterFieldLine(lines, decision, key);
    if (line === -1) missing.push(`${key}: ${value}`);
    else edits.push({ range: lines.lineRange(line), newText: `${key}: ${value}` });
  }
  if (missing.length > 0) {
    const anchor = after.map((key) => frontmatterFieldLine(lines, decision, key)).find((line) => line !== -1) ?? decision.frontmatter.range.start.line;
    edits.push(insertAt({ line: anchor, character: lines.lineText(anchor).length }, missing.map((m) => `${eol}${m}`).join('')));
  }
  return edits;
}

/** A relation field's new value: the ids already written plus this one, as a flow list when there are several. */
function relationValue(decision: Decision, kind: string, id: string): string {
  const written = decision.relations.filter((r) => r.kind === kind).map((r) => r.target.raw);
  if (written.some((raw) => raw.toLowerCase() === id.toLowerCase())) return written.length === 1 ? id : `[${written.join(', ')}]`;
  return written.length === 0 ? id : `[${[...written, id].join(', ')}]`;
}

/** Adds `kind → target` to a decision, in the file's own format. */
export function addRelationEdits(text: string, decision: Decision, kind: string, target: DecisionTarget): TextEdit[] {
  const lines = new LineIndex(text);
  const eol = lineBreakOf(text);
  if (decision.format === 'nygard' && decision.statusSection) {
    const last = decision.statusSection.lastLine;
    return [insertAt({ line: last, character: lines.lineText(last).length }, `${eol}${eol}${relationVerb(kind)} ${markdownLink(target, 'numbered')}`)];
  }
  if (decision.format === 'bullets' && decision.status) {
    const statusLine = decision.status.range.start.line;
    const marker = /^\s*([*+-]\s+)?/.exec(lines.lineText(statusLine))?.[0] ?? '* ';
    return [insertAt({ line: statusLine, character: lines.lineText(statusLine).length }, `${eol}${marker}${relationVerb(kind)}: ${markdownLink(target, 'id')}`)];
  }
  return setFieldsEdits(text, decision, [[kind, relationValue(decision, kind, target.id)]], [kind, 'status', 'date']);
}

/**
 * Sets the status in the file's own format: the `status:` field; adr-tools' status line (which, as
 * adr-tools does, becomes the `Superseded by [...]` link itself); or MADR 2's `* Status:` bullet.
 */
export function setStatusEdits(text: string, decision: Decision, status: string, link?: { kind: string; target: DecisionTarget }): TextEdit[] {
  const lines = new LineIndex(text);
  const eol = lineBreakOf(text);
  if (decision.format === 'nygard' && decision.statusSection) {
    const written = link ? `${relationVerb(link.kind)} ${markdownLink(link.target, 'numbered')}` : status.charAt(0).toUpperCase() + status.slice(1);
    if (decision.status) return [{ range: decision.status.valueRange, newText: written }];
    const heading = decision.statusSection.headingLine;
    return [insertAt({ line: heading, character: lines.lineText(heading).length }, `${eol}${eol}${written}`)];
  }
  if (decision.format === 'bullets' && decision.status) {
    const written = link ? `${relationVerb(link.kind).toLowerCase()} ${markdownLink(link.target, 'id')}` : status;
    return [{ range: decision.status.valueRange, newText: written }];
  }
  const fields: [string, string][] = [['status', status]];
  if (link) fields.push([link.kind, relationValue(decision, link.kind, link.target.id)]);
  return setFieldsEdits(text, decision, fields, ['status', 'date']);
}
