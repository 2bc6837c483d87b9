import { readOutline, scanStructure, type BodyOutline, type HeaderField, type StatusLine } from './bodyScan';
import { invalidDateMessage, normalizeDate } from './dates';
import { detachStrings } from './detach';
import { formatId, readFileName } from './fileName';
import { readFrontmatter, type Frontmatter } from './frontmatter';
import type { YamlEntry, YamlValue } from './yamlTree';
import { LineIndex } from './lineIndex';
import { treeStructure } from './markdownTree';
import type { Decision, Located, Problem, Range, Relation } from '../model';
import { PROBLEM_CODES } from '../problemCodes';
import { linksIn, namesNoDecision, readRef } from './decisionRef';
import { readStatus } from './status';
import { plainInline } from './inlineText';
import { lookupTable } from './lookup';

/** Frontmatter and bullet keys, folded to one spelling: `Decision Makers`, `decision_makers`, `decisionMakers`. */
function foldKey(key: string): string {
  // Three regex passes per key per file added up on the indexing path; decisions use few distinct keys.
  let folded = FOLDED_KEYS.get(key);
  if (folded === undefined) {
    folded = foldKeyUncached(key);
    if (FOLDED_KEYS.size < 1000) FOLDED_KEYS.set(key, folded);
  }
  return folded;
}

const FOLDED_KEYS = new Map<string, string>();

/** Header keys of logs kept in other languages (`* Статус: принято`, `* Datum: 2021-09-16`), and other words for the date. */
const TRANSLATED_KEYS: Readonly<Record<string, string>> = lookupTable({
  статус: 'status',
  дата: 'date',
  statut: 'status',
  estado: 'status',
  stato: 'status',
  datum: 'date',
  fecha: 'date',
  ステータス: 'status',
  状態: 'status',
  日付: 'date',
  // A metadata table's `Created` column.
  created: 'date',
});

/** A header bullet's key as the fields are known: folded, and in English. */
function headerKey(field: HeaderField): string {
  const folded = foldKey(field.key);
  // Portuguese and Italian `Data:` is the date; in English it could be anything, so only a date counts.
  if (folded === 'data') return normalizeDate(field.value) !== null ? 'date' : folded;
  return TRANSLATED_KEYS[folded] ?? folded;
}

function foldKeyUncached(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .trim();
}

const RELATION_KEYS: Readonly<Record<string, string>> = lookupTable({
  supersedes: 'supersedes',
  // adr-tools' early templates spelled it so, in both directions.
  supercedes: 'supersedes',
  replaces: 'supersedes',
  'superseded-by': 'superseded-by',
  'superceded-by': 'superseded-by',
  'replaced-by': 'superseded-by',
  overrides: 'overrides',
  'overridden-by': 'overridden-by',
  'overriden-by': 'overridden-by',
  amends: 'amends',
  'amended-by': 'amended-by',
  // RFC style, as some logs write it: `Obsoletes: 0003-use-x`.
  obsoletes: 'supersedes',
  'obsoleted-by': 'superseded-by',
});

const PEOPLE_KEYS: Readonly<Record<string, 'decisionMakers' | 'consulted' | 'informed'>> = lookupTable({
  'decision-makers': 'decisionMakers',
  deciders: 'decisionMakers',
  'decided-by': 'decisionMakers',
  authors: 'decisionMakers',
  author: 'decisionMakers',
  consulted: 'consulted',
  informed: 'informed',
});

/** The tables as pairs, built once: `Object.entries` per file per table was measurable at 10,000 files. */
const RELATION_PAIRS = Object.entries(RELATION_KEYS);
const PEOPLE_PAIRS = Object.entries(PEOPLE_KEYS);

/**
 * A relation verb followed by a markdown link: adr-tools link lines and MADR status bullets. Each
 * run of blanks has one way to match: `[A-Za-z ]*?\s*:?\s+` tried every split of a long one
 * (`Accepted`, 4,000 spaces, `x` took 14 s).
 */
const LINK_LINE = /^(?:[*+-]\s+)?([A-Za-z]+(?: +[A-Za-z]+)*)(?:\s*:\s+|\s+)\[/;

/** A Status line naming the decision that replaced this one: `Superseded by [..](..)`, `- Overridden by …`, `Superceded [..](..)`. */
const SUCCESSOR_LINE = /^(?:[*+-][ \t]+)?(superseded|superceded|superseeded|overridden|overriden|replaced)[ \t]+(?:by\b|(?=\[))/i;

interface Reader {
  file: string;
  text: string;
  lines: LineIndex;
  problems: Problem[];
  /** The title as written, number prefix and all: its number is read only for a file whose name has none. */
  writtenTitle?: string;
}

export interface ParseOptions {
  /**
   * `scan` (default): a one-pass line scan, for indexing thousands of files.
   * `tree`: a full CommonMark tree, for the open document where exact positions matter.
   */
  markdown?: 'scan' | 'tree';
}

/**
 * The CommonMark tree where it can be built in bounded time; the line scan for bodies too large or
 * too nested for it, and should its parser (which recurses per nesting level) exhaust the stack.
 */
function treeOrScan(reader: Reader, bodyStart: number, bodyLine: number) {
  try {
    return treeStructure(reader.text, bodyStart, bodyLine) ?? scanStructure(reader.lines, bodyLine);
  } catch {
    return scanStructure(reader.lines, bodyLine);
  }
}

/** Reads one decision file in any supported format. Pure, never throws, needs no configuration. */
export function parseDecision(file: string, text: string, options: ParseOptions = {}): Decision {
  const reader: Reader = { file, text, lines: new LineIndex(text), problems: [] };
  const name = readFileName(file);
  const fm = readFrontmatter(text);
  const entries = new Map<string, YamlEntry>();
  if (fm) {
    const placeholderLines = reportFrontmatterPlaceholders(reader, fm);
    const reported = new Set<number>();
    for (const error of fm.errors) {
      if (placeholderLines.has(reader.lines.positionAt(error.start).line) || reported.has(error.start)) continue;
      reported.add(error.start);
      reader.problems.push(problem(reader, 'invalid-frontmatter', `Invalid frontmatter: ${error.message}`, error.start, error.end));
    }
    for (const entry of fm.entries) {
      const key = foldKey(entry.key);
      if (!entries.has(key)) entries.set(key, entry);
    }
    // Only YAML is recovered: a refused `---js` or `---coffee` block is not read at all.
    if (fm.errors.length > 0 && ['', 'yaml', 'yml'].includes(fm.language)) recoverPlainLines(reader, fm, entries);
  }
  const bodyLine = fm ? reader.lines.positionAt(fm.bodyStart).line : 0;
  const structure = options.markdown === 'tree' ? treeOrScan(reader, fm ? fm.bodyStart : 0, bodyLine) : scanStructure(reader.lines, bodyLine);
  const outline = readOutline(reader.lines, bodyLine, structure);
  const fields = new Map<string, HeaderField>();
  // The first line of a key that has a value: an empty `Owner:` (or an unfilled `Owner: { }`) left above does not hide one written below.
  for (const field of outline.headerFields) {
    const key = headerKey(field);
    // A metadata table's Status column gives way to a Status section, which says what is decided now.
    if (field.across && key === 'status' && outline.statusHeadingLine >= 0) continue;
    if (!holdsValue(fields.get(key))) fields.set(key, field);
  }

  const relations: Relation[] = [];
  const decision: Decision = {
    file,
    id: name.stem,
    number: name.number,
    slug: name.slug,
    format: 'plain',
    title: readTitle(reader, entries, fields, outline, name.slug),
    status: readDecisionStatus(reader, entries, fields, outline, relations),
    date: readDate(reader, entries, fields, name.date),
    owner: scalarField(reader, entries, 'owner') ?? headerText(reader, fields, 'owner'),
    decisionMakers: [],
    consulted: [],
    informed: [],
    relations,
    // adr-tools and bullet files keep these where they keep their date: `Trigger: new-resource`, `- Elevated from: hoe`.
    trigger: scalarField(reader, entries, 'trigger') ?? headerText(reader, fields, 'trigger'),
    triggerDetail: scalarField(reader, entries, 'trigger-detail') ?? headerText(reader, fields, 'trigger-detail'),
    elevatedFrom: scalarField(reader, entries, 'elevated-from') ?? headerText(reader, fields, 'elevated-from'),
    elevatedOn: readDateField(reader, entries, 'elevated-on') ?? checkedDate(reader, 'elevated-on', headerText(reader, fields, 'elevated-on')),
    reviewBy: readDateField(reader, entries, 'review-by') ?? checkedDate(reader, 'review-by', headerText(reader, fields, 'review-by')),
    revisitWhen: scalarField(reader, entries, 'revisit-when') ?? headerText(reader, fields, 'revisit-when'),
    reviewedOn: readDateField(reader, entries, 'reviewed-on') ?? checkedDate(reader, 'reviewed-on', headerText(reader, fields, 'reviewed-on')),
    frontmatter: fm ? { range: frontmatterRange(reader, fm), language: fm.language } : null,
    headerLine: outline.headings[0]?.line ?? bodyLine,
    statusSection:
      outline.statusHeadingLine >= 0
        ? { headingLine: outline.statusHeadingLine, lastLine: outline.statusLines[outline.statusLines.length - 1]?.line ?? outline.statusHeadingLine }
        : null,
    linksSection: outline.linksHeadingLine >= 0 ? { headingLine: outline.linksHeadingLine, lastLine: outline.linkLines[outline.linkLines.length - 1]?.line ?? outline.linksHeadingLine } : null,
    parseProblems: reader.problems,
  };
  readPeople(reader, decision, entries, fields);
  readRelations(reader, entries, outline.headerFields, relations);
  readStatusLinks(reader, outline.statusLines, relations);
  readStatusLinks(reader, outline.linkLines, relations);
  decision.relations = overriddenAsLog4brainsWritesIt(decision, withoutRepeats(relations));
  const idEntry = scalarField(reader, entries, 'id') ?? scalarField(reader, entries, 'adr');
  if (idEntry) {
    const ref = readRef(idEntry.value);
    if (decision.number === null && ref.number !== null) decision.number = ref.number;
    else if (decision.number === null) decision.id = idEntry.value;
  } else if (decision.number === null && reader.writtenTitle !== undefined) {
    // `use-postgres.md` titled `# ADR 001 - Use Postgres`: the title numbers it.
    decision.number = titleNumber(reader.writtenTitle);
  }
  if (decision.number !== null) decision.id = formatId(decision.number);
  // The format is where the status is written: that is where status and relation edits must go.
  // An adr-tools file may carry frontmatter for its owner alone and keep its Status section.
  decision.format = entries.has('status')
    ? 'frontmatter'
    : fields.has('status')
      ? 'bullets'
      : outline.statusHeadingLine >= 0
        ? 'nygard'
        : fm && fm.entries.length > 0
          ? 'frontmatter'
          : 'plain';
  detachStrings(decision);
  return decision;
}

function problem(reader: Reader, code: keyof typeof PROBLEM_CODES, message: string, start: number, end: number, data?: Record<string, unknown>): Problem {
  const found: Problem = { code, severity: PROBLEM_CODES[code].severity, message, range: reader.lines.range(start, end) };
  if (data) found.data = data;
  return found;
}

function frontmatterRange(reader: Reader, fm: Frontmatter): Range {
  const endLine = fm.closeStart === -1 ? reader.lines.lineCount - 1 : reader.lines.positionAt(fm.closeStart).line;
  return { start: reader.lines.positionAt(fm.start), end: reader.lines.positionAt(reader.lines.lineEnd(endLine)) };
}

function located(reader: Reader, value: string, lineStart: number, lineEnd: number, valueStart: number, valueEnd: number): Located<string> {
  const range = reader.lines.range(lineStart, lineEnd);
  // Most values end where their line ends: one position for both, so a 10k catalog keeps (and the
  // garbage collector copies) tens of thousands fewer objects. Positions are never changed in place.
  const start = valueStart === lineStart ? range.start : reader.lines.positionAt(valueStart);
  const end = valueEnd === lineEnd ? range.end : reader.lines.positionAt(valueEnd);
  return { value, range, valueRange: { start, end } };
}

/**
 * `{proposed | accepted}` or `[ accepted | deprecated | superseded by [xxx](yyyymmdd-xxx.md)]`: a
 * template's hint left in place instead of a value.
 */
function holdsValue(field: HeaderField | undefined): boolean {
  return !!field?.value && (bracedValue(field.value) !== null || !isPlaceholderText(field.value));
}

function isPlaceholderText(text: string): boolean {
  const trimmed = text.trim();
  // `{proposed | accepted | superseded by ADR-0123`: a list of choices whose closing brace the template lost.
  return /^\{.*\}$/s.test(trimmed) || (trimmed.startsWith('{') && trimmed.includes('|') && !trimmed.includes('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']') && trimmed.includes('|'));
}

/**
 * `{ accepted }`, `{2023-11-10}`: one value that its author wrapped in the template's braces instead
 * of replacing them. It is what they meant; a list of choices or a description is not.
 */
function bracedValue(text: string): { value: string; offset: number } | null {
  const m = /^\{[ \t]*([^\s{}|,[\]]+)[ \t]*\}$/.exec(text.trim());
  return m ? { value: m[1] ?? '', offset: text.indexOf(m[1] ?? '', text.indexOf('{') + 1) } : null;
}

function reportBraced(reader: Reader, key: string, start: number, end: number, value: string): void {
  reader.problems.push(problem(reader, 'braced-value', `'${key}' is wrapped in the template's braces: read as ${value}; remove the braces`, start, end, { key, value }));
}

/**
 * MADR 3's template writes `status: {proposed | rejected | …}`: braces that YAML reads as a map, or
 * rejects outright. Such lines get one clear placeholder warning instead of YAML's error messages.
 */
function reportFrontmatterPlaceholders(reader: Reader, fm: Frontmatter): Set<number> {
  const lines = new Set<number>();
  const first = reader.lines.positionAt(fm.start).line + 1;
  const last = fm.closeStart === -1 ? first - 1 : reader.lines.positionAt(fm.closeStart).line - 1;
  for (let line = first; line <= last; line++) {
    const text = reader.lines.lineText(line);
    // Only a line with a brace can hold one: most are passed over without a regular expression.
    const m = text.includes('{') ? /^([\w-]+)[ \t]*:[ \t]*(\{.*\})[ \t]*$/.exec(text) : null;
    if (!m || bracedValue(m[2] ?? '')) continue;
    const start = reader.lines.lineStart(line) + text.indexOf((m[2] ?? '').charAt(0), (m[1] ?? '').length);
    reportPlaceholder(reader, m[1] ?? '', start, start + (m[2] ?? '').length);
    lines.add(line);
  }
  return lines;
}

/**
 * Real decisions often hold lines YAML rejects but people read at once, such as
 * `title: ADR001: Event log`. After a YAML error, each top-level `key: rest of line` that YAML
 * did not read as a plain value is taken as written; the error is still reported.
 */
function recoverPlainLines(reader: Reader, fm: Frontmatter, entries: Map<string, YamlEntry>): void {
  const first = reader.lines.positionAt(fm.start).line + 1;
  const last = fm.closeStart === -1 ? first - 1 : reader.lines.positionAt(fm.closeStart).line - 1;
  for (let line = first; line <= last; line++) {
    const text = reader.lines.lineText(line);
    // Greedy, then trimmed: a lazy value before `[ \t]*$` retried from every blank of a long run.
    const m = /^([A-Za-z][\w-]*)[ \t]*:[ \t]+([^\s{[&*!|>#].*|\[[^[\]{}]*\][ \t]*)$/.exec(text);
    if (!m) continue;
    const key = foldKey(m[1] ?? '');
    const known = entries.get(key);
    if (known?.value?.kind === 'scalar' || known?.value?.kind === 'seq') continue;
    const lineStart = reader.lines.lineStart(line);
    const raw = withoutTrailingBlanks(m[2] ?? '');
    const valueStart = lineStart + text.indexOf(raw, (m[1] ?? '').length + 1);
    const valueEnd = valueStart + raw.length;
    // A flow list of plain items (`overrides: [ADR-0003, ADR-0004]`, as the quick fixes write) is read too.
    const value: YamlValue = raw.startsWith('[') ? recoveredList(raw, valueStart) : { kind: 'scalar', value: unquoted(raw), start: valueStart, end: valueEnd };
    entries.set(key, { key: m[1] ?? '', keyStart: lineStart, end: valueEnd, value });
  }
}

function withoutTrailingBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return text.slice(0, end);
}

function unquoted(text: string): string {
  return text.replace(/^(["'])(.*)\1$/, '$2');
}

/** `[a, "b"]` item by item, with each item's offsets. */
function recoveredList(raw: string, start: number): YamlValue {
  const items: YamlValue[] = [];
  let at = start + 1;
  for (const part of raw.slice(1, -1).split(',')) {
    const item = part.trim();
    const itemStart = at + part.length - part.trimStart().length;
    if (item) items.push({ kind: 'scalar', value: unquoted(item), start: itemStart, end: itemStart + item.length });
    at += part.length + 1;
  }
  return { kind: 'seq', items, start, end: start + raw.length };
}

function reportPlaceholder(reader: Reader, key: string, start: number, end: number): void {
  const written = reader.text.slice(start, end).trim();
  const shown = written.length <= 40 ? ` ${written}` : '';
  reader.problems.push(problem(reader, 'unfilled-placeholder', `'${key}' still holds the template's placeholder${shown}: replace it with a value`, start, end, { key }));
}

/** A frontmatter field's text, or null when absent or empty. Placeholders are reported, not returned. */
function scalarField(reader: Reader, entries: Map<string, YamlEntry>, key: string): Located<string> | null {
  const entry = entries.get(key);
  if (!entry?.value) return null;
  const value = firstScalar(entry.value);
  if (entry.value.kind === 'map' || (value && typeof value.value === 'string' && bracedValue(value.value))) {
    // `status: { accepted }` parses to a map: read what the braces hold when it is one value; other
    // maps were reported as placeholders with the frontmatter.
    const isMap = entry.value.kind === 'map';
    const braced = bracedValue(isMap ? reader.text.slice(entry.value.start, entry.value.end) : String(value?.value));
    if (!braced) return isMap ? null : placeholderField(reader, entry.key, entry.value.start, entry.value.end);
    reportBraced(reader, entry.key, entry.value.start, entry.value.end, braced.value);
    // A quoted `"{accepted}"` is pointed at whole; an unquoted one at the value inside the braces.
    const start = isMap ? entry.value.start + braced.offset : entry.value.start;
    return located(reader, braced.value, entry.keyStart, entry.end, start, isMap ? start + braced.value.length : entry.value.end);
  }
  if (!value) return null;
  const text = String(value.value).trim();
  if (isPlaceholderText(text)) {
    reportPlaceholder(reader, entry.key, value.start, value.end);
    return null;
  }
  return located(reader, text, entry.keyStart, entry.end, value.start, value.end);
}

function placeholderField(reader: Reader, key: string, start: number, end: number): null {
  reportPlaceholder(reader, key, start, end);
  return null;
}

function firstScalar(value: YamlValue): Extract<YamlValue, { kind: 'scalar' }> | null {
  if (value.kind === 'scalar') return value.value === null || value.value === '' ? null : value;
  if (value.kind === 'seq') {
    const first = value.items[0];
    return first ? firstScalar(first) : null;
  }
  return null;
}

function headerText(reader: Reader, fields: Map<string, HeaderField>, key: string): Located<string> | null {
  const field = fields.get(key);
  if (!field || !field.value) return null;
  const start = reader.lines.lineStart(field.line);
  const braced = bracedValue(field.value);
  if (braced) {
    const at = start + field.valueStart + field.value.indexOf(braced.value);
    reportBraced(reader, key, start + field.valueStart, start + field.valueEnd, braced.value);
    return located(reader, braced.value, start, reader.lines.lineEnd(field.line), at, at + braced.value.length);
  }
  if (isPlaceholderText(field.value)) {
    reportPlaceholder(reader, key, start + field.valueStart, start + field.valueEnd);
    return null;
  }
  return located(reader, field.value, start, reader.lines.lineEnd(field.line), start + field.valueStart, start + field.valueEnd);
}

/** What a title may begin with that is not the title; `numbered` when it carries the decision's number. */
const TITLE_PREFIXES: { pattern: RegExp; numbered: boolean }[] = [
  { pattern: /^(?:architecture\s+)?decision\s+record(?:\s+\d{1,6})?\s*:\s*(?=\S)/i, numbered: true },
  // `[Superseded by [ADR-0017](0017-x.md)] Title`: a status note in front of the title.
  { pattern: /^\[(?:proposed|accepted|rejected|deprecated|superseded|superceded|overridden)\b(?:[^[\]]|\[[^\]]*\])*\]\s+(?=\S)/i, numbered: false },
  // Each run of blanks and of digits has one way to match: `\s*[.:)…]?\s+` split a long run of
  // blanks every way, and `0*\d{1,6}` a long run of zeros, before failing.
  { pattern: /^(?:adr|rfc|decision)[-_\s#]*\d{1,6}(?:\s*[.:)\-–—]\s+|\s+)(?=\S)/i, numbered: true },
  // `ADR: Use X`: the kind of record, without a number.
  { pattern: /^(?:adr|rfc)[ \t]*:[ \t]+(?=\S)/i, numbered: false },
  // `Nr. 003: Guides`, `No. 7 - Flags`: the number, as German and English write "number".
  { pattern: /^(?:nr|no)\.?[ \t]*\d{1,6}[ \t]*[.:)\-–—][ \t]+(?=\S)/i, numbered: true },
  { pattern: /^0*(?:[1-9]\d{0,5}|0)(?!\d)\s*[.:)]\s+(?=\S)/, numbered: true },
  { pattern: /^0*(?:[1-9]\d{0,5}|0)(?!\d)\s+[-–—]\s+(?=\S)/, numbered: true },
  // `0008 Use Concourse`: a zero-padded number is an id even without punctuation after it.
  { pattern: /^0+[1-9]\d{0,5}(?!\d)\s+(?=\S)/, numbered: true },
  // `[Gestion des Dates]`: the template's brackets around a filled-in title.
  { pattern: /^\[(?=[^[\]]*\]$)/, numbered: false },
];

function readTitle(reader: Reader, entries: Map<string, YamlEntry>, fields: Map<string, HeaderField>, outline: BodyOutline, slug: string): Located<string> | null {
  const fromFrontmatter = scalarField(reader, entries, 'title');
  if (fromFrontmatter) return asPlainText(withoutNumberPrefix(reader, fromFrontmatter));
  // A `# Heading` after a `## Section` is a section too, written one level up (`# Consequences`).
  const firstTitle = outline.headings.findIndex((h) => h.level === 1);
  const heading = firstTitle !== -1 && outline.headings.slice(0, firstTitle).every((h) => h.level === 1) ? outline.headings[firstTitle] : undefined;
  // Without a `# Title`, the first heading is a section (`## Context and Problem Statement`): the file
  // name says what was decided.
  if (!heading) {
    // `**Title**: Preserve all functionality`: a title field under no heading names the decision.
    const field = headerText(reader, fields, 'title');
    return field ? asPlainText(withoutNumberPrefix(reader, field)) : titleFromFileName(reader, slug, outline.headings[0]?.line ?? 0);
  }
  if (!heading.text) return null;
  const lineStart = reader.lines.lineStart(heading.line);
  const valueStart = lineStart + heading.textStart;
  const title = located(reader, heading.text, lineStart, reader.lines.lineEnd(heading.line), valueStart, valueStart + heading.text.length);
  // MADR's `# {short title of solved problem and solution}`, left as the template wrote it.
  if (/^\{.*\}$/.test(heading.text)) reportPlaceholder(reader, 'title', valueStart, valueStart + heading.text.length);
  return asPlainText(withoutNumberPrefix(reader, title));
}

/** `Rollout {#adr_0011}`: a heading's attribute block (kramdown, pandoc) is not part of its text. */
function withoutAttributes(text: string): string {
  const open = text.lastIndexOf('{');
  return open > 0 && text.endsWith('}') && /^\{[ \t]*[#.][^{}]*\}$/.test(text.slice(open)) ? text.slice(0, open).trimEnd() : text;
}

/** The title as the rendered page shows it (`Use \`pnpm\`` → `Use pnpm`); its ranges still cover what is written. */
function asPlainText(title: Located<string>): Located<string> {
  const plain = plainInline(withoutAttributes(title.value));
  return plain === title.value || !plain ? title : { ...title, value: plain };
}

/** `use-postgres_for-storage` → `Use postgres for storage`, with a hint where a title heading belongs. */
function titleFromFileName(reader: Reader, slug: string, line: number): Located<string> | null {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  if (!words) return null;
  const title = words.charAt(0).toUpperCase() + words.slice(1);
  const at = reader.lines.lineStart(Math.min(line, reader.lines.lineCount - 1));
  reader.problems.push(problem(reader, 'title-from-file-name', `No '# Title' heading: the title '${title}' is taken from the file name`, at, at));
  const nowhere = reader.lines.range(0, 0);
  return { value: title, range: nowhere, valueRange: nowhere };
}

/** The number a title's prefix gives (`ADR 001 - Use X`, `Nr. 003: Y`), for a file whose name has none. */
function titleNumber(title: string): number | null {
  let text = title;
  for (const { pattern, numbered } of TITLE_PREFIXES) {
    const prefix = pattern.exec(text)?.[0];
    if (!prefix) continue;
    const digits = numbered ? /\d{1,6}/.exec(prefix)?.[0] : undefined;
    if (digits) return Number(digits);
    text = text.slice(prefix.length);
  }
  return null;
}

/** `1. Record decisions`, `ADR 7: Use flags`, `ADR001: Log`: the number is the id's business, not the title's. */
function withoutNumberPrefix(reader: Reader, title: Located<string>): Located<string> {
  reader.writtenTitle = title.value;
  let text = title.value;
  for (const { pattern } of TITLE_PREFIXES) text = text.replace(pattern, '');
  if (text.length < title.value.length && title.value.startsWith('[') && !text.startsWith('[') && text.endsWith(']') && !text.includes('[')) text = text.slice(0, -1);
  text = text.trim();
  if (text === title.value || !text) return title;
  const start = reader.lines.offsetAt(title.valueRange.start) + title.value.indexOf(text);
  return { ...title, value: text, valueRange: reader.lines.range(start, start + text.length) };
}

function readDecisionStatus(
  reader: Reader,
  entries: Map<string, YamlEntry>,
  fields: Map<string, HeaderField>,
  outline: BodyOutline,
  relations: Relation[],
): Located<string> | null {
  const written = scalarField(reader, entries, 'status') ?? headerText(reader, fields, 'status');
  if (written) return withStatusReading(reader, written, relations);
  const lineValue = (line: StatusLine): Located<string> => {
    const lineStart = reader.lines.lineStart(line.line);
    return located(reader, line.text, lineStart, lineStart + line.end, lineStart + line.start, lineStart + line.end);
  };
  let found: Located<string> | null = null;
  for (const line of outline.statusLines) {
    if (LINK_LINE.test(line.text) && !SUCCESSOR_LINE.test(line.text) && !/^deprecated\b/i.test(line.text)) continue;
    found = withStatusReading(reader, lineValue(line), relations);
    if (found) break;
  }
  // `Accepted` left in place above `Superseded by [..](..)`, as adr-tools' `new -s` leaves a custom
  // status: the successor line says what the decision is now.
  if (found && !SUCCESSOR_LINE.test(reader.text.slice(reader.lines.offsetAt(found.valueRange.start), reader.lines.offsetAt(found.valueRange.end)))) {
    const successor = outline.statusLines.find((line) => SUCCESSOR_LINE.test(line.text) && line.line > found.range.start.line);
    const reading = successor ? readStatus(successor.text) : null;
    if (successor && reading && (found.value === 'accepted' || found.value === 'proposed')) return { ...lineValue(successor), value: reading.status };
  }
  return found;
}

function withStatusReading(reader: Reader, written: Located<string>, relations: Relation[]): Located<string> | null {
  const reading = readStatus(written.value);
  if (!reading) return null;
  if (reading.relation) relations.push({ kind: reading.relation.kind, target: readRef(reading.relation.refText), range: written.valueRange });
  if (reading.status.split(/\s+/).length > 4) {
    const known = /\b(proposed|accepted|rejected|deprecated|superseded|overridden|draft)\b/i.exec(reading.status);
    if (known) return { ...written, value: (known[1] ?? '').toLowerCase() };
  }
  return { ...written, value: reading.status };
}

function readDate(reader: Reader, entries: Map<string, YamlEntry>, fields: Map<string, HeaderField>, fromName: string | null): Located<string> | null {
  const written = readDateField(reader, entries, 'date') ?? readHeaderDate(reader, fields);
  if (written) return written;
  if (!fromName) return null;
  const nameRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { value: fromName, range: nameRange, valueRange: nameRange };
}

function readDateField(reader: Reader, entries: Map<string, YamlEntry>, key: string): Located<string> | null {
  return checkedDate(reader, key, scalarField(reader, entries, key));
}

function readHeaderDate(reader: Reader, fields: Map<string, HeaderField>): Located<string> | null {
  const dated = headerText(reader, fields, 'date');
  if (!dated) return checkedDate(reader, 'date', headerText(reader, fields, 'last-updated'));
  return checkedDate(reader, 'date', dated, inAnotherLanguage(fields.get('date')));
}

/** `Fecha:`, `Datum:`, `Data:`: a key written in a language whose numeric dates put the day first. */
function inAnotherLanguage(field: HeaderField | undefined): boolean {
  const folded = field ? foldKey(field.key) : '';
  return folded === 'data' || (Object.hasOwn(TRANSLATED_KEYS, folded) && folded !== 'created');
}

function checkedDate(reader: Reader, key: string, written: Located<string> | null, dayFirst = false): Located<string> | null {
  if (!written) return null;
  const iso = normalizeDate(written.value, dayFirst);
  if (iso) return { ...written, value: iso };
  const start = reader.lines.offsetAt(written.valueRange.start);
  const end = reader.lines.offsetAt(written.valueRange.end);
  reader.problems.push(problem(reader, 'invalid-date', invalidDateMessage(written.value, key), start, end, { key }));
  return null;
}

function readPeople(reader: Reader, decision: Decision, entries: Map<string, YamlEntry>, fields: Map<string, HeaderField>): void {
  for (const [key, target] of PEOPLE_PAIRS) {
    if (decision[target].length > 0) continue;
    const entry = entries.get(key);
    if (entry?.value) {
      decision[target] = listTexts(entry.value);
      continue;
    }
    const field = fields.get(key);
    if (field?.value && !isPlaceholderText(field.value)) decision[target] = splitList(field.value);
  }
}

function listTexts(value: YamlValue, into: string[] = []): string[] {
  // A loop, not flatMap: flatMap allocated an array per item and was slow on the indexing path.
  if (value.kind === 'scalar') {
    if (value.value !== null) splitList(String(value.value), into);
  } else if (value.kind === 'seq') for (const item of value.items) listTexts(item, into);
  return into;
}

/** `a, b; c` → its non-empty parts, trimmed, placeholders left out. */
function splitList(text: string, into: string[] = []): string[] {
  let from = 0;
  for (let at = 0; at <= text.length; at++) {
    const c = at === text.length ? 44 : text.charCodeAt(at);
    if (c !== 44 && c !== 59) continue; // , ;
    const part = text.slice(from, at).trim();
    if (part.length > 0 && !isPlaceholderText(part)) into.push(part);
    from = at + 1;
  }
  return into;
}

function readRelations(reader: Reader, entries: Map<string, YamlEntry>, headerFields: readonly HeaderField[], relations: Relation[]): void {
  for (const [key, kind] of RELATION_PAIRS) {
    const entry = entries.get(key);
    if (entry?.value) for (const item of relationItems(entry.value)) pushRelations(reader, relations, kind, item.text, item.start, item.end);
  }
  // Every bullet counts, not only the first of its key: `* Superseded by: …` may be written once per successor.
  for (const field of headerFields) {
    const kind = RELATION_KEYS[foldKey(field.key)];
    if (!kind || !field.value) continue;
    const lineStart = reader.lines.lineStart(field.line);
    pushRelations(reader, relations, kind, field.value, lineStart + field.valueStart, lineStart + field.valueEnd);
  }
}

function relationItems(value: YamlValue, into: { text: string; start: number; end: number }[] = []): { text: string; start: number; end: number }[] {
  if (value.kind === 'scalar') {
    if (value.value !== null && value.value !== '') into.push({ text: String(value.value), start: value.start, end: value.end });
  } else if (value.kind === 'seq') for (const item of value.items) relationItems(item, into);
  return into;
}

/** One written value may name several decisions: `ADR-0003, ADR-0004` or several markdown links. */
function pushRelations(reader: Reader, relations: Relation[], kind: string, text: string, start: number, end: number): void {
  const links = linksIn(text);
  const parts = links.length > 0 ? links.map((l) => l.text) : text.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  for (const part of parts) {
    // `Superseded by: N/A`, as metadata tables fill an empty cell.
    if (isPlaceholderText(part) || namesNoDecision(part)) continue;
    relations.push({ kind, target: readRef(part), range: reader.lines.range(start, end) });
  }
}

/** Link lines of the `## Status` section: `Supersedes [2. Use X](0002-use-x.md)`, `Superceded by …`. */
function readStatusLinks(reader: Reader, lines: StatusLine[], relations: Relation[]): void {
  let verbAbove: string | null = null;
  for (const line of lines) {
    const verb = LINK_LINE.exec(line.text);
    const stated = verb ? relationKind(verb[1] ?? '') : null;
    // `Supercedes` alone, its link on the next line, as a wrapped paragraph puts it.
    const kind =
      stated !== null && KNOWN_RELATION_KINDS.has(stated)
        ? stated
        : (proseRelationKind(line.text) ?? stated ?? (verbAbove !== null && line.text.startsWith('[') ? verbAbove : null));
    const lone = LONE_VERB.test(line.text) ? relationKind(line.text.replace(/:$/, '')) : null;
    verbAbove = lone !== null && KNOWN_RELATION_KINDS.has(lone) ? lone : null;
    if (kind === null) continue;
    const lineStart = reader.lines.lineStart(line.line);
    for (const link of linksIn(line.text)) {
      relations.push({ kind, target: readRef(link.text), range: reader.lines.range(lineStart + line.start + link.start, lineStart + line.start + link.end) });
    }
  }
}

/**
 * A relation said in a sentence before its link: `This decision supersedes decision: [8. X](…)`,
 * `Supersedes the package-manager portion of [ADR 0001](…)`, `This ADR is superseded by [ADR-9](…)`.
 * Only the text before the first link is read, and at most its first 200 characters: a verb
 * after a link (`[3. X](…) supersedes …`) says something about that decision, not this one.
 */
const PROSE_VERB = /\b(supersedes|supercedes|replaces|obsoletes|overrides|(?:superseded|superceded|replaced|obsoleted|overridden|overriden) by)\b/i;

function proseRelationKind(text: string): string | null {
  const link = text.indexOf('[');
  if (link <= 0) return null;
  const verb = PROSE_VERB.exec(text.slice(0, Math.min(link, 200)));
  if (!verb || /\b(?:not|never|no longer)\b/i.test(text.slice(0, verb.index))) return null;
  return relationKind((verb[1] ?? '').replace(/\s+/g, ' '));
}

/** A Status line that is only a relation verb, as `Supersedes` over its link on the next line. */
const LONE_VERB = /^[A-Za-z]+(?: [A-Za-z]+)?:?$/;

/** The kinds a lone verb line may start: the relations adr-tools and log4brains write. */
const KNOWN_RELATION_KINDS = new Set(['supersedes', 'superseded-by', 'overrides', 'overridden-by', 'amends', 'amended-by']);

/**
 * A Status line's verb without `by` before its link names the successor, as a status does:
 * `Superceded [13. AWS](0013-aws.md)`. Only there: as a frontmatter key, `superseded` is no relation.
 */
const LINK_LINE_VERBS: Readonly<Record<string, string>> = lookupTable({
  superseded: 'superseded-by',
  superceded: 'superseded-by',
  replaced: 'superseded-by',
  overridden: 'overridden-by',
  overriden: 'overridden-by',
});

/** `Superceded by` → `superseded-by`, `Amends` → `amends`: adr-tools lets teams invent verbs, so unknown ones are kept. */
export function relationKind(verb: string): string {
  const folded = foldKey(verb.trim());
  return RELATION_KEYS[folded] ?? LINK_LINE_VERBS[folded] ?? folded;
}

/**
 * log4brains knows no `overridden` status: an overridden decision says `superseded by [X](…)`, the
 * only successor log4brains reads, and its Links list `Overridden by [X](…)`. Together they mean
 * overridden by X, one relation, not two.
 */
function overriddenAsLog4brainsWritesIt(decision: Decision, relations: Relation[]): Relation[] {
  if (decision.status?.value !== 'superseded') return relations;
  // A set, not a search per successor: a file may name thousands.
  const overriders = new Set(relations.filter((r) => r.kind === 'overridden-by').map(refKey));
  const superseders = relations.filter((r) => r.kind === 'superseded-by');
  if (overriders.size === 0 || !superseders.every((s) => overriders.has(refKey(s)))) return relations;
  decision.status = { ...decision.status, value: 'overridden' };
  return relations.filter((r) => r.kind !== 'superseded-by');
}

function refKey(r: Relation): string {
  return String(r.target.number ?? r.target.fileName?.toLowerCase() ?? r.target.slug ?? r.target.raw);
}

/** The same relation often appears twice (a status line and a link line, or frontmatter and a bullet). */
function withoutRepeats(relations: Relation[]): Relation[] {
  const seen = new Set<string>();
  return relations.filter((r) => {
    const key = `${r.kind}|${refKey(r)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
