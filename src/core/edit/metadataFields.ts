import { LineIndex } from '../read/lineIndex';
import type { Decision, Located } from '../model';
import type { FolderFormat } from '../workspace/folderFormat';
import { continuesParagraph, headingEndLine, listMarker, paragraphEndLine, setFieldsEdits, withBraces, yamlScalar } from './decisionEdits';
import { applyEdits, lineBreakOf, type TextEdit } from './textEdit';
import { parseDecision } from '../read/parse';
import { lookupTable } from '../read/lookup';

/**
 * Where a decision keeps its metadata, so where a field written to it goes:
 * - `frontmatter`: MADR 3/4 and our own files, a YAML block on top;
 * - `header`: adr-tools, a `Key: value` line under the title next to `Date:` (adr-tools reads the
 *   title from the first line, so nothing may go above it);
 * - `bullets`: MADR 2 and log4brains, a `* Key: value` item in the list under the title.
 */
export type FieldStyle = 'frontmatter' | 'header' | 'bullets';

/** How the role fields are spelled outside frontmatter; read back through the same key folding. */
const FIELD_LABELS: Readonly<Record<string, string>> = lookupTable({
  owner: 'Owner',
  trigger: 'Trigger',
  'trigger-detail': 'Trigger detail',
  'elevated-from': 'Elevated from',
  'elevated-on': 'Elevated on',
  status: 'Status',
  date: 'Date',
});

/** `# 12. Title`: the first line adr-tools writes. */
const NYGARD_TITLE = /^#[ \t]+\d+\.[ \t]/;

/**
 * The style of a decision's own metadata. A file with frontmatter keeps using it; one that only
 * has a title follows its folder (or, without one, looks like adr-tools by its first line).
 */
export function fieldStyleOf(text: string, decision: Decision, folder?: FolderFormat): FieldStyle {
  if (decision.frontmatter) return 'frontmatter';
  // Header lines and list items are read under a level-1 title, before any section.
  const lines = new LineIndex(text);
  const line = decision.headerLine;
  const end = headingEndLine(lines, line);
  const levelOne = /^\uFEFF? {0,3}#(?!#)/.test(lines.lineText(line)) || (end > line && /^ {0,3}=+[ \t]*$/.test(lines.lineText(end)));
  const titled =
    levelOne &&
    decision.title !== null &&
    decision.title.range.start.line === decision.headerLine &&
    decision.title.range.end.character > 0 &&
    (decision.statusSection === null || decision.headerLine < decision.statusSection.headingLine);
  if (!titled) return 'frontmatter';
  if (decision.format === 'nygard') return 'header';
  if (decision.format === 'bullets') return 'bullets';
  if (folder === 'nygard') return 'header';
  if (folder === 'log4brains' || folder === 'madr2') return 'bullets';
  if (folder === undefined && NYGARD_TITLE.test(lines.lineText(line).replace(/^\uFEFF/, ''))) return 'header';
  return 'frontmatter';
}

/**
 * Sets metadata fields (raw text values) where the decision keeps its metadata, with minimal
 * edits: a field already written is replaced in place, missing ones are added after the first of
 * `after` that the file has. Nothing above an adr-tools title, nothing in frontmatter of a file
 * that has none.
 */
export function setMetadataEdits(text: string, decision: Decision, fields: readonly [string, string][], after: readonly string[], folder?: FolderFormat): TextEdit[] {
  const style = fieldStyleOf(text, decision, folder);
  if (style === 'frontmatter') return setFieldsEdits(text, decision, fields.map(([key, value]) => [key, yamlScalar(value)]), after);
  const lines = new LineIndex(text);
  const eol = lineBreakOf(text);
  const edits: TextEdit[] = [];
  const missing: [string, string][] = [];
  for (const [key, value] of fields) {
    const written = writtenField(decision, key);
    if (written) edits.push({ range: withBraces(lines, written.valueRange), newText: oneLine(value) });
    else missing.push([key, oneLine(value)]);
  }
  if (missing.length === 0) return edits;
  if (style === 'header') return [...edits, headerInsert(lines, decision, missing, after, eol)];
  const afterList = [...edits, bulletInsert(lines, decision, missing, folder, eol)];
  // A heading indented into the list (`  # note`) ends the header: items after it are not read.
  const status = decision.status;
  if (!status || readsBack(text, decision, afterList, missing)) return afterList;
  const marker = listMarker(lines, status.range.start.line) ?? '* ';
  return [...edits, insertAtEnd(lines, paragraphEndLine(lines, status.range.start.line), missing.map(([key, value]) => `${eol}${marker}${label(key, false)}: ${value}`).join(''))];
}

function readsBack(text: string, decision: Decision, edits: readonly TextEdit[], fields: readonly [string, string][]): boolean {
  const after = parseDecision(decision.file, applyEdits(text, edits));
  return fields.every(([key]) => !READ_AS_LINES.has(key) || writtenField(after, key) !== null);
}

const READ_AS_LINES = new Set(['owner', 'trigger', 'trigger-detail', 'elevated-from', 'elevated-on', 'date', 'review-by', 'reviewed-on']);

/** The decision's reading of `key` when it is one of the fields written as a line of their own. */
function writtenField(decision: Decision, key: string): Located<string> | null {
  switch (key) {
    case 'owner':
      return decision.owner;
    case 'trigger':
      return decision.trigger;
    case 'trigger-detail':
      return decision.triggerDetail;
    case 'elevated-from':
      return decision.elevatedFrom;
    case 'elevated-on':
      return decision.elevatedOn;
    case 'date':
      return decision.date && decision.date.range.end.character > 0 ? decision.date : null;
    case 'review-by':
      return decision.reviewBy;
    case 'reviewed-on':
      return decision.reviewedOn;
    default:
      return null;
  }
}

/**
 * A header or bullet value is markdown on one line: line breaks become spaces, and what markdown
 * would read as markup (emphasis, code, a comment or a link) is escaped, as the reader unescapes it.
 */
function oneLine(value: string): string {
  return value
    .replace(/[\r\n\u2028\u2029\u0085]+/g, ' ')
    .trim()
    .replace(/[\\`*_<[\]]/g, '\\$&');
}

function label(key: string, lowerCase: boolean): string {
  const text = FIELD_LABELS[key] ?? key.charAt(0).toUpperCase() + key.slice(1).replaceAll('-', ' ');
  return lowerCase ? text.toLowerCase() : text;
}

/** The last line of the title: its underline when it is a setext heading (`Title` then `===` or `---`). */
function titleEndLine(lines: LineIndex, decision: Decision): number {
  return headingEndLine(lines, decision.headerLine);
}

/**
 * adr-tools: each field a paragraph of its own under the title, after the last header line
 * (`Date:`, or a field written before), so rendered markdown shows one per line.
 */
function headerInsert(lines: LineIndex, decision: Decision, fields: [string, string][], after: readonly string[], eol: string): TextEdit {
  const sectionStart = decision.statusSection?.headingLine ?? lines.lineCount;
  const inHeader = (field: Located<string> | null): field is Located<string> =>
    field !== null && field.range.start.line > decision.headerLine && field.range.start.line < sectionStart && field.range.end.character > 0;
  const anchors = [...after, 'date', 'owner', 'elevated-from', 'elevated-on', 'trigger', 'trigger-detail'].map((key) => writtenField(decision, key)).filter(inHeader);
  // Below the whole paragraph of the last field: lines that go on with it (lazily, in a list item) stay its own.
  const anchor = anchors.length > 0 ? paragraphEndLine(lines, Math.max(...anchors.map((f) => f.range.end.line))) : titleEndLine(lines, decision);
  const added = fields.map(([key, value]) => `${eol}${eol}${label(key, false)}: ${value}`).join('');
  const below = anchor + 1 < lines.lineCount && lines.lineText(anchor + 1).trim() !== '' ? eol : '';
  return insertAtEnd(lines, anchor, `${added}${below}`);
}

/**
 * MADR 2 and log4brains: an item of the list under the title, written as its status item is
 * (`* Status:`, `- **Status:**`, lower-case keys); a file with no such list gets one after its title.
 */
function bulletInsert(lines: LineIndex, decision: Decision, fields: [string, string][], folder: FolderFormat | undefined, eol: string): TextEdit {
  // A status read from a Status section is not a header item: a field written beside it would not read back.
  const sectionStart = decision.statusSection?.headingLine ?? lines.lineCount;
  const statusLine = decision.status?.range.start.line ?? -1;
  const status = decision.status && statusLine > decision.headerLine && statusLine < sectionStart ? decision.status : null;
  if (status) {
    const line = status.range.start.line;
    const text = lines.lineText(line);
    const keyAt = text.search(/status/i);
    const prefix = keyAt === -1 ? '* ' : text.slice(0, keyAt);
    // What the key and its value have between them (`: `, `:** `, `**: `), without a brace the value was read inside.
    const written = keyAt === -1 ? '' : text.slice(keyAt + 'status'.length, status.valueRange.start.character);
    const between = /^[^:]*:(?:\*\*|__)?[ \t]*/.exec(written)?.[0] ?? ': ';
    const lowerCase = keyAt !== -1 && text.charAt(keyAt) === 's';
    if (keyAt !== -1 && /^[ \t]*\|/.test(text)) {
      // A metadata table (`| Status | accepted |`): each field a row shaped as the status row.
      const valueEnd = status.valueRange.end.character;
      const rows = fields.map(([key, value]) => `${prefix}${label(key, lowerCase)}${written}${value.replaceAll('|', '\\|')}${text.slice(valueEnd)}`);
      return insertAtEnd(lines, lastTableRowLine(lines, line), rows.map((row) => `${eol}${row}`).join(''));
    }
    if (keyAt === -1 && /^[ \t]*\|/.test(text)) {
      // A metadata table laid out across (`| Status | Date |` over the values): a list of the new fields below it.
      const last = lastTableRowLine(lines, line);
      const below = last + 1 < lines.lineCount && lines.lineText(last + 1).trim() !== '' ? eol : '';
      return insertAtEnd(lines, last, `${eol}${fields.map(([key, value]) => `${eol}* ${label(key, false)}: ${value}`).join('')}${below}`);
    }
    const items = fields.map(([key, value]) => `${prefix}${label(key, lowerCase)}${between}${value}`);
    if (!/^[ \t]*[*+-][ \t]/.test(prefix)) {
      // `Status: proposed` as a paragraph of its own: each field becomes one too, below that paragraph.
      const end = paragraphEndLine(lines, line);
      const below = end + 1 < lines.lineCount && lines.lineText(end + 1).trim() !== '' ? eol : '';
      return insertAtEnd(lines, end, `${items.map((item) => `${eol}${eol}${item}`).join('')}${below}`);
    }
    return insertAtEnd(lines, lastListItemLine(lines, line, prefix), items.map((item) => `${eol}${item}`).join(''));
  }
  const marker = folder === 'madr2' ? '* ' : '- ';
  const anchor = titleEndLine(lines, decision);
  const below = anchor + 1 < lines.lineCount && lines.lineText(anchor + 1).trim() !== '' ? eol : '';
  return insertAtEnd(lines, anchor, `${eol}${fields.map(([key, value]) => `${eol}${marker}${label(key, false)}: ${value}`).join('')}${below}`);
}

function lastTableRowLine(lines: LineIndex, line: number): number {
  let last = line;
  while (last + 1 < lines.lineCount && /^[ \t]*\|/.test(lines.lineText(last + 1))) last++;
  return last;
}

/**
 * The last line of the list the item on `line` belongs to: items with the same marker, their
 * indented continuations, and the unindented lines that go on with an item's text lazily.
 */
function lastListItemLine(lines: LineIndex, line: number, prefix: string): number {
  const marker = /^[ \t]*[*+-]/.exec(prefix)?.[0] ?? '*';
  let last = line;
  for (let next = line + 1; next < lines.lineCount; next++) {
    const text = lines.lineText(next);
    if (text.startsWith(marker) && /^[ \t]/.test(text.charAt(marker.length))) last = next;
    else if (/^[ \t]{2,}\S/.test(text)) last = next;
    else if (continuesParagraph(text)) last = next;
    else break;
  }
  return last;
}

function insertAtEnd(lines: LineIndex, line: number, newText: string): TextEdit {
  const end = { line, character: lines.lineText(line).length };
  return { range: { start: end, end }, newText };
}
