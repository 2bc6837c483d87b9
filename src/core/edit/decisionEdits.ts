import { LineIndex } from '../read/lineIndex';
import type { Decision, Range } from '../model';
import { namesNoDecision, readRef } from '../read/decisionRef';
import { readFileName, stemOf } from '../read/fileName';
import { applyEdits, lineBreakOf, type TextEdit } from './textEdit';
import { parseDecision } from '../read/parse';
import type { DecisionTarget } from '../read/decisionTarget';
import { lookupTable } from '../read/lookup';

const VERBS: Readonly<Record<string, string>> = lookupTable({
  supersedes: 'Supersedes',
  'superseded-by': 'Superseded by',
  overrides: 'Overrides',
  'overridden-by': 'Overridden by',
  amends: 'Amends',
  'amended-by': 'Amended by',
});

/** `Superseded by`: how adr-tools and MADR 2 write a relation kind in prose. */
export function relationVerb(kind: string): string {
  return VERBS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replaceAll('-', ' ');
}

/**
 * adr-tools writes `[9. Title](0009-title.md)`; MADR 2 writes `[ADR-0009](0009-title.md)`;
 * log4brains `[20210301-slug](20210301-slug.md)`, and reads the label as the other decision's slug.
 */
function markdownLink(target: DecisionTarget, style: 'numbered' | 'id' | 'slug'): string {
  const label = style === 'numbered' && target.number !== null ? `${target.number}. ${target.title}` : style === 'slug' ? stemOf(target.fileName) : target.id;
  // The link must read back (refs.ts) on one line. The label: blanks made one space, shortened past
  // 200 characters (labels are read up to 1,000), brackets escaped, and `<!--`, where a bullet's
  // value ends, written as an entity. The file name: what would end the link, read as a URL scheme
  // (`id: x.md`), an anchor or a query, or decode differently is percent-encoded.
  const oneLine = label.replace(/\s+/g, ' ');
  const short = oneLine.length > 200 ? `${[...oneLine].slice(0, 199).join('')}…` : oneLine;
  const text = short.replace(/[\\[\]]/g, '\\$&').replace(/<!--/g, '&lt;!--');
  // A `\` would escape what follows it (`\.md` reads as `.md`).
  const file = target.fileName.replace(/[():<>#?%\\\u0000-\u001f\u007f\u0085\u2028\u2029]/g, percentEncoded);
  return `[${text}](${file.includes(' ') ? `<${file}>` : file})`;
}

/**
 * The last line of the heading on `line`: its underline when it is a setext heading (`Status` then
 * `------`), which may be lines below it (`Status`, `of the decision`, `------` is one heading).
 */
export function headingEndLine(lines: LineIndex, line: number): number {
  if (/^\uFEFF? {0,3}#/.test(lines.lineText(line))) return line;
  // The heading's text runs on to the underline, with no blank line; the scan found one there.
  for (let next = line + 1; next < lines.lineCount; next++) {
    const text = lines.lineText(next);
    // A lone `\r` after the underline is a blank to the markdown tree, as it is here.
    if (/^ {0,3}(=+|-+)[ \t\r]*$/.test(text)) return next;
    if (text.trim() === '') break;
  }
  return line;
}

/**
 * Whether a line right after a paragraph's line goes on with that paragraph: it is not blank and
 * may open no block of its own. In a list item such a line continues the item lazily, unindented
 * (`* Overrides: ADR-0001`, then `Status: accepted`), and a `------` under it is a thematic break,
 * not an underline. Lines that might open a block (a marker, a fence, `<`, `|`, a run of `-` or `=`)
 * end the paragraph here, whether or not they would.
 */
export function continuesParagraph(text: string): boolean {
  return text.trim() !== '' && !/^ {0,3}(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|>|[*+-](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|<|\|)/.test(text) && !/^ {0,3}[-*_=][-*_= \t]*$/.test(text);
}

/**
 * The last line of the paragraph that holds `line`: what is written after a field must go below it.
 * A paragraph written after the field's own line would cut the user's paragraph in two, and its rest
 * would read as something else: a list item's lazy `Status` over `------` would become a heading.
 */
export function paragraphEndLine(lines: LineIndex, line: number): number {
  let last = line;
  while (last + 1 < lines.lineCount && continuesParagraph(lines.lineText(last + 1))) last++;
  return last;
}

/** A line break that keeps a paragraph inserted after `line` apart from text right below it, which would join it. */
function paragraphEnd(lines: LineIndex, line: number, eol: string): string {
  return line + 1 < lines.lineCount && lines.lineText(line + 1).trim() !== '' ? eol : '';
}

/**
 * A value read inside the template's braces (`Status: { accepted }`) with the braces: a new value
 * replaces them too, or `{ overridden by [ADR-0009](…) }` would read as no value at all.
 */
export function withBraces(lines: LineIndex, range: Range): Range {
  if (range.start.line !== range.end.line) return range;
  const text = lines.lineText(range.start.line);
  const open = /\{[ \t]*$/.exec(text.slice(0, range.start.character));
  const close = /^[ \t]*\}/.exec(text.slice(range.end.character));
  if (!open || !close) return range;
  return { start: { line: range.start.line, character: open.index }, end: { line: range.end.line, character: range.end.character + close[0].length } };
}

/**
 * A blank line after a paragraph written on `line` when the paragraph it starts runs on to `---`
 * or `===`: a status quoted or listed before a thematic break (`> Accepted`, `1. Accepted`, then
 * lines continuing it lazily, then `---`), written without its marker, would otherwise become a
 * setext heading's text.
 */
function setextBreak(lines: LineIndex, line: number, eol: string): string {
  const end = paragraphEndLine(lines, line);
  return end + 1 < lines.lineCount && /^ {0,3}(=+|-+)[ \t\r]*$/.test(lines.lineText(end + 1)) ? eol : '';
}

/**
 * The written status where the status line was read whole (`* Status: ADR-0001` in a Status
 * section): a bullet keeps its marker, so the lines that continue the item lazily stay in it;
 * other text (a quote, a numbered item, whose marker would be read as part of the status) is
 * written plain, apart from what follows when that would make it a heading.
 */
function statusLineText(lines: LineIndex, range: Range, written: string, eol: string): string {
  const before = lines.lineText(range.start.line).slice(0, range.start.character);
  const marker = listMarker(lines, range.start.line);
  if (marker && marker.startsWith(before) && range.end.character > marker.length) return `${marker.slice(before.length)}${written}`;
  return `${written}${setextBreak(lines, range.end.line, eol)}`;
}

/** `(` → `%28`: encodeURIComponent leaves `()` as they are, and they end a markdown link. */
function percentEncoded(c: string): string {
  return c.charCodeAt(0) < 0x80 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c);
}

/** The line of a top-level `key:` in the frontmatter, or -1. */
export function frontmatterFieldLine(lines: LineIndex, decision: Decision, key: string): number {
  const block = decision.frontmatter?.range;
  if (!block) return -1;
  // `"owner": x` and `'owner': x` are the same YAML key as `owner: x`; the block may be indented.
  const indent = keyIndent(lines, block);
  const pattern = new RegExp(`^(["']?)${key.replace(/-/g, '[-_ ]')}\\1[ \\t]*:`, 'i');
  for (let line = block.start.line + 1; line < block.end.line; line++) {
    const text = lines.lineText(line);
    if (text.startsWith(indent) && pattern.test(text.slice(indent.length))) return line;
  }
  return -1;
}

/** The indentation of the block's top-level keys: YAML lets a whole block be indented. */
function keyIndent(lines: LineIndex, block: Range): string {
  for (let line = block.start.line + 1; line < block.end.line; line++) {
    const text = lines.lineText(line);
    if (!/^\s*(#|$)/.test(text)) return /^ */.exec(text)?.[0] ?? '';
  }
  return '';
}

/**
 * Whether a `:` on the line has only blanks and perhaps a `# comment` after it: what
 * `/:[ \t]*(#.*)?$/` tested, without reading on to the end from every `:` (`:#` × 40,000 and a
 * lone `\r` took seconds). `.` stops at a line break, so a comment counts only after the last one.
 */
export function endsWithBareKey(text: string): boolean {
  let lastBreak = -1;
  for (let at = text.length - 1; at >= 0 && lastBreak === -1; at--) if (/[\n\r\u2028\u2029]/.test(text.charAt(at))) lastBreak = at;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let at = colon + 1;
    while (text.charAt(at) === ' ' || text.charAt(at) === '\t') at++;
    if (at === text.length || (text.charAt(at) === '#' && at > lastBreak)) return true;
  }
  return false;
}

/** The last line of the field on `line`: its value may go on in more indented lines, or `- ` items at its own indentation. */
function fieldEndLine(lines: LineIndex, block: Range, line: number, indent: string): number {
  let last = line;
  // Only a key with nothing after it may take `- ` items at its own indentation.
  const opensList = endsWithBareKey(lines.lineText(line));
  for (let next = line + 1; next < block.end.line; next++) {
    const text = lines.lineText(next);
    // Blank lines and comments neither end a value nor belong to it.
    if (/^\s*(#|$)/.test(text)) continue;
    const own = (/^ */.exec(text)?.[0] ?? '').length;
    if (own > indent.length || (opensList && own === indent.length && /^-(\s|$)/.test(text.slice(own)))) last = next;
    else break;
  }
  return last;
}

function insertAt(range: Range['start'], newText: string): TextEdit {
  return { range: { start: range, end: range }, newText };
}

/**
 * Whether fields written into the decision's frontmatter would be read: not in a block of another
 * language (`---js` is refused, never run), nor in one never closed (the rest of the file is
 * markdown), nor in one flow map.
 */
export function frontmatterWritable(lines: LineIndex, decision: Decision): boolean {
  const block = decision.frontmatter;
  if (!block) return true;
  if (!['', 'yaml', 'yml'].includes(block.language)) return false;
  if (block.range.end.line <= block.range.start.line || !lines.lineText(block.range.end.line).startsWith('---')) return false;
  // A block written as one flow map (`{ status: accepted }`, JSON) has no line a field can join.
  for (let line = block.range.start.line + 1; line < block.range.end.line; line++) {
    const text = lines.lineText(line);
    if (!/^\s*(#|$)/.test(text)) return !/^\s*[{[]/.test(text);
  }
  return true;
}

/**
 * Sets frontmatter fields with minimal edits: an existing field's line is replaced, missing ones
 * are inserted together after the first of `after` that exists (else after the opening `---`).
 * A file without frontmatter gets one block at the top; the rest stays byte-for-byte. Nothing is
 * written to a block whose fields would not be read (see frontmatterWritable).
 */
export function setFieldsEdits(text: string, decision: Decision, fields: readonly [string, string][], after: readonly string[] = []): TextEdit[] {
  const lines = new LineIndex(text);
  const eol = lineBreakOf(text);
  if (!frontmatterWritable(lines, decision)) return [];
  if (!decision.frontmatter) {
    const start = lines.positionAt(text.charCodeAt(0) === 0xfeff ? 1 : 0);
    return [insertAt(start, `---${eol}${fields.map(([k, v]) => `${k}: ${v}${eol}`).join('')}---${eol}`)];
  }
  const block = decision.frontmatter.range;
  const indent = keyIndent(lines, block);
  const edits: TextEdit[] = [];
  const missing: string[] = [];
  for (const [key, value] of fields) {
    const line = frontmatterFieldLine(lines, decision, key);
    if (line === -1) missing.push(`${indent}${key}: ${value}`);
    else {
      // The key keeps its spelling (`Status:`, `"owner":`): another spelling could add a second key
      // beside one YAML reads as different. A value written over several lines is replaced whole.
      const written = /^[ \t]*(["']?)[^:]*?\1[ \t]*:/.exec(lines.lineText(line))?.[0] ?? `${indent}${key}:`;
      edits.push({ range: lines.range(lines.lineStart(line), lines.lineEnd(fieldEndLine(lines, block, line, indent))), newText: `${written} ${value}` });
    }
  }
  if (missing.length > 0) {
    const field = after.map((key) => frontmatterFieldLine(lines, decision, key)).find((line) => line !== -1);
    const anchor = field === undefined ? block.start.line : fieldEndLine(lines, block, field, indent);
    edits.push(insertAt({ line: anchor, character: lines.lineText(anchor).length }, missing.map((m) => `${eol}${m}`).join('')));
  }
  return keepsFrontmatterReadable(text, decision, edits) ? edits : [];
}

/**
 * Whether YAML still reads the block after the edits. Keys YAML does not take for indentation or
 * markup (a non-breaking space before `#`) can make a written line an error: then nothing is written.
 */
function keepsFrontmatterReadable(text: string, decision: Decision, edits: readonly TextEdit[]): boolean {
  const errors = (d: Decision): number => d.parseProblems.filter((p) => p.code === 'invalid-frontmatter').length;
  return errors(parseDecision(decision.file, applyEdits(text, edits))) <= errors(decision);
}

/**
 * Free text as a YAML value: plain when that reads back the same, double-quoted otherwise. In a
 * flow list (`[a, b]`) a plain value also must not hold `,`, brackets or braces.
 */
export function yamlScalar(text: string, inFlowList = false): string {
  const plainSafe =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#]*$/.test(text) &&
    !/:(\s|$)|\s$/.test(text) &&
    !/^(true|false|null|~|yes|no|on|off|[-+]?[\d.]+)$/i.test(text) &&
    !(inFlowList && /[,[\]{}]/.test(text)) &&
    // Line breaks and control characters only survive as escapes.
    !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text);
  return plainSafe ? text : JSON.stringify(text);
}

/** How a relation field names a decision: its id, or its file name when the id does not read back as a reference (`ünï.md`). */
function relationName(target: DecisionTarget): string {
  const ref = readRef(target.id);
  // An id such as `x.md` (from `x.md.md`) would read as a file name. In a file name, `#` and `?`
  // would start an anchor or a query, `,` and `;` separate values, and `\` would be read as a path
  // separator: percent-encoded, as read back.
  // An id such as `---` or `none` (from `---.md`) would read as no decision at all.
  return ref.fileName === null && (ref.number !== null || ref.slug !== null) && !namesNoDecision(target.id) ? target.id : target.fileName.replace(/[#?%,;\\]/g, (c) => encodeURIComponent(c));
}

/** A relation field's new value: the ids already written plus this one, as a flow list when there are several. */
function relationValue(decision: Decision, kind: string, id: string): string {
  const written = decision.relations.filter((r) => r.kind === kind).map((r) => r.target.raw);
  const values = written.some((raw) => raw.toLowerCase() === id.toLowerCase()) ? written : [...written, id];
  // Ids come from file names and written values: `title: x.md` must not become a nested map.
  return values.length === 1 ? yamlScalar(id) : `[${values.map((v) => yamlScalar(v, true)).join(', ')}]`;
}

/** Adds `kind → target` to a decision, in the file's own format. */
export function addRelationEdits(text: string, decision: Decision, kind: string, target: DecisionTarget): TextEdit[] {
  const lines = new LineIndex(text);
  const eol = lineBreakOf(text);
  if (decision.format === 'nygard' && decision.statusSection) {
    const last = Math.max(decision.statusSection.lastLine, headingEndLine(lines, decision.statusSection.headingLine));
    return [insertAt({ line: last, character: lines.lineText(last).length }, `${eol}${eol}${relationVerb(kind)} ${markdownLink(target, 'numbered')}${paragraphEnd(lines, last, eol)}`)];
  }
  if (decision.format === 'bullets' && decision.status && !decision.frontmatter) {
    const link = markdownLink(target, linkStyleOf(decision));
    const inLinks = [linksSectionEdit(lines, decision, `${relationVerb(kind)} ${link}`, eol)];
    return readsOneMore(text, decision, kind, inLinks) ? inLinks : [statusItemEdit(lines, decision.status.range.start.line, `${relationVerb(kind)}: ${link}`, eol)];
  }
  return setFieldsEdits(text, decision, [[kind, relationValue(decision, kind, relationName(target))]], [kind, 'status', 'date']);
}

/**
 * Whether the edited file reads one more `kind` relation. A `## Links` section appended to a file
 * that ends inside an unclosed code fence would be code, read by no tool.
 */
function readsOneMore(text: string, decision: Decision, kind: string, edits: readonly TextEdit[]): boolean {
  const count = (d: Decision): number => d.relations.filter((r) => r.kind === kind).length;
  return count(parseDecision(decision.file, applyEdits(text, edits))) > count(decision);
}

/** An item right after the status item (`* Supersedes: [ADR-0001](0001-x.md)`), or a paragraph after a status paragraph. */
function statusItemEdit(lines: LineIndex, statusLine: number, item: string, eol: string): TextEdit {
  const marker = listMarker(lines, statusLine);
  // After the lines that go on with the status (lazily, in its item or paragraph): they stay the status's.
  const last = paragraphEndLine(lines, statusLine);
  const at = { line: last, character: lines.lineText(last).length };
  return marker ? insertAt(at, `${eol}${marker}${item}`) : insertAt(at, `${eol}${eol}${item}${paragraphEnd(lines, last, eol)}`);
}

/** log4brains files (date-slug names) label links with the slug, as log4brains reads them; MADR 2 with the id. */
function linkStyleOf(decision: Decision): 'id' | 'slug' {
  return readFileName(decision.file).date ? 'slug' : 'id';
}

/** A list item's marker (`- `, `* `) on `line`, or null when the line is no list item. */
export function listMarker(lines: LineIndex, line: number): string | null {
  return /^[ \t]*[*+-][ \t]+/.exec(lines.lineText(line))?.[0] ?? null;
}

/**
 * An item of the `## Links` list (MADR 2, log4brains), where log4brains writes `Supersedes` and
 * renders every link: after the list's last item, or a new section at the end of the file. An
 * empty `## Links` heading gets its first item, so log4brains does not add a second section.
 */
function linksSectionEdit(lines: LineIndex, decision: Decision, item: string, eol: string): TextEdit {
  const statusLine = decision.status?.range.start.line ?? decision.headerLine;
  const section = decision.linksSection;
  const last = section ? section.lastLine : -1;
  const marker = (last > (section?.headingLine ?? 0) ? listMarker(lines, last) : null) ?? listMarker(lines, statusLine) ?? '- ';
  if (section && last > section.headingLine && listMarker(lines, last) !== null) return insertAt({ line: last, character: lines.lineText(last).length }, `${eol}${marker}${item}`);
  if (section) {
    const heading = headingEndLine(lines, section.headingLine);
    return insertAt({ line: heading, character: lines.lineText(heading).length }, `${eol}${eol}${marker}${item}${paragraphEnd(lines, heading, eol)}`);
  }
  const end = lines.lineCount - 1;
  const endText = lines.lineText(end);
  const lead = endText.trim() === '' ? (end > 0 && lines.lineText(end - 1).trim() === '' ? '' : eol) : `${eol}${eol}`;
  return insertAt({ line: end, character: endText.length }, `${lead}## Links${eol}${eol}${marker}${item}${eol}`);
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
    if (decision.status) {
      const range = withBraces(lines, decision.status.valueRange);
      return [{ range, newText: statusLineText(lines, range, written, eol) }];
    }
    const heading = headingEndLine(lines, decision.statusSection.headingLine);
    return [insertAt({ line: heading, character: lines.lineText(heading).length }, `${eol}${eol}${written}${paragraphEnd(lines, heading, eol)}`)];
  }
  if (decision.format === 'bullets' && decision.status && !decision.frontmatter) {
    const style = linkStyleOf(decision);
    if (link?.kind === 'overridden-by' && style === 'slug') {
      // log4brains knows no `overridden`: it reads `superseded by` (a successor it shows), and the
      // Links item says how; adr-roles reads the two together as overridden.
      return [
        { range: withBraces(lines, decision.status.valueRange), newText: `superseded by ${markdownLink(link.target, style)}` },
        linksSectionEdit(lines, decision, `${relationVerb(link.kind)} ${markdownLink(link.target, style)}`, eol),
      ];
    }
    const written = link ? `${relationVerb(link.kind).toLowerCase()} ${markdownLink(link.target, style)}` : status;
    return [{ range: withBraces(lines, decision.status.valueRange), newText: written }];
  }
  const fields: [string, string][] = [['status', status]];
  if (link) fields.push([link.kind, relationValue(decision, link.kind, relationName(link.target))]);
  return setFieldsEdits(text, decision, fields, ['status', 'date']);
}
