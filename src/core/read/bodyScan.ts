import { normalizeDate } from './dates';
import type { LineIndex } from './lineIndex';

export interface Heading {
  level: number;
  text: string;
  line: number;
  /** Character where the heading text starts. */
  textStart: number;
}

/** A `Key: value` line under the title: a MADR 2 / log4brains bullet or an adr-tools `Date:` line. */
export interface HeaderField {
  key: string;
  value: string;
  line: number;
  valueStart: number;
  valueEnd: number;
  /** A cell of a metadata table laid out across (`| Status | Date |`), not a line of its own. */
  across?: true;
}

/** A non-empty line of the `## Status` section. */
export interface StatusLine {
  text: string;
  line: number;
  start: number;
  end: number;
}

export interface BodyOutline {
  headings: Heading[];
  headerFields: HeaderField[];
  statusLines: StatusLine[];
  /** The line of the `## Status` heading, when the file has one. */
  statusHeadingLine: number;
  /** Non-empty lines of a `## Links` section (MADR 2, log4brains): `- Supersedes [..](..)`. */
  linkLines: StatusLine[];
  /** The line of the `## Links` heading, or -1. */
  linksHeadingLine: number;
}

/**
 * What a markdown reader must tell apart before metadata can be read: headings, and lines that
 * are not prose (fenced or indented code, HTML comments and blocks) where look-alikes must be ignored.
 */
export interface MarkdownStructure {
  headings: Heading[];
  /** Lines that hold code or HTML, or underline a setext heading. */
  opaqueLines: Set<number>;
}

const ATX_OPENING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const HEADER_FIELD = /^ {0,3}(?:[*+-][ \t]+)?(\*\*|__)?(\p{L}[\p{L} -]{0,30}?)(?:\1)?[ \t]*:(?:\1)?[ \t]*(.*)$/u;

/** A closing fence: up to 3 spaces, at least as many of the opening character, then only blanks. Without a RegExp per line. */
function closesFence(text: string, fence: string): boolean {
  const mark = fence.charCodeAt(0);
  let at = 0;
  while (at < 3 && text.charCodeAt(at) === 32) at++;
  const runStart = at;
  while (at < text.length && text.charCodeAt(at) === mark) at++;
  if (at - runStart < fence.length) return false;
  for (; at < text.length; at++) if (text.charCodeAt(at) !== 32 && text.charCodeAt(at) !== 9) return false;
  return true;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * An ATX heading's level and text, without its closing `#`s: what
 * `/^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/` matched, in one pass. That expression tried
 * its closing sequence from every character of a long run of blanks: `# x`, 60,000 spaces, `x` took 3 s.
 */
function atxHeading(text: string): { level: number; text: string } | null {
  const opening = ATX_OPENING.exec(text);
  if (!opening) return null;
  let from = opening[0].length;
  // `.` and `$` of the expression stopped at these: such a line was no heading.
  if (/[\r\u2028\u2029]/.test(text.slice(from))) return null;
  while (from < text.length && isBlank(text.charCodeAt(from))) from++;
  let to = text.length;
  while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
  // A closing sequence is a run of `#` with a blank before it, inside the text.
  let hashes = to;
  while (hashes > from && text.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < to && hashes > from && isBlank(text.charCodeAt(hashes - 1))) to = hashes;
  return { level: (opening[1] ?? '#').length, text: text.slice(from, to).trim() };
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * One pass over the lines, finding headings (ATX and setext) and the lines to ignore: fenced code
 * and HTML comments. Building a full markdown tree here would cost ~20× reading the file; the
 * open document uses the tree (markdownTree.ts) and the two must agree on every fixture.
 */
export function scanStructure(lines: LineIndex, firstLine: number): MarkdownStructure {
  const structure: MarkdownStructure = { headings: [], opaqueLines: new Set() };
  let fence: string | null = null;
  let inComment = false;
  let previousIsParagraph = false;
  // The paragraph above began in a list item (`- accepted`, then `trigger: accepted` lazily): an
  // underline below it is a thematic break, as CommonMark reads it, never a setext heading.
  let paragraphInList = false;
  // The first line of the paragraph above: a setext heading starts there, however many lines it has.
  let paragraphStart = firstLine;
  for (let line = firstLine; line < lines.lineCount; line++) {
    // A byte-order mark is not content: `\uFEFF# Title` is still a heading.
    const bom = line === 0 && lines.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    // Most lines are prose starting with a letter: no block construct starts so, and a paragraph
    // line only matters for a setext underline below it. Known without slicing or any regex.
    // (Only within the text: a read past its end, on a last empty line, deoptimized the scan.)
    const first = lines.lineStart(line) + bom;
    if (fence === null && !inComment && first < lines.text.length && isLetter(lines.text.charCodeAt(first))) {
      if (!previousIsParagraph) {
        paragraphInList = false;
        paragraphStart = line;
      }
      previousIsParagraph = true;
      continue;
    }
    // An empty line (a third of a decision's lines) ends a paragraph and opens nothing.
    if (fence === null && !inComment && !bom && lines.lineStart(line) === lines.lineEnd(line)) {
      previousIsParagraph = false;
      continue;
    }
    const text = bom ? lines.lineText(line).slice(1) : lines.lineText(line);
    if (fence !== null || inComment) {
      structure.opaqueLines.add(line);
      if (fence !== null && closesFence(text, fence)) fence = null;
      if (inComment && text.includes('-->')) inComment = false;
      previousIsParagraph = false;
      continue;
    }
    const fenceMatch = FENCE.exec(text);
    if (fenceMatch) {
      fence = fenceMatch[1] ?? '```';
      structure.opaqueLines.add(line);
      previousIsParagraph = false;
      continue;
    }
    if (/^ {0,3}<!--/.test(text)) {
      structure.opaqueLines.add(line);
      inComment = !text.includes('-->');
      previousIsParagraph = false;
      continue;
    }
    const atx = /^ {0,3}#/.test(text) ? atxHeading(text) : null;
    if (atx) {
      const { level, text: headingText } = atx;
      const textStart = headingText ? text.indexOf(headingText, text.indexOf('#') + level) : text.length;
      structure.headings.push({ level, text: headingText, line, textStart: textStart + bom });
      previousIsParagraph = false;
      continue;
    }
    // Only a paragraph line above makes an underline: the line above is not cut out otherwise.
    const underline = previousIsParagraph && !paragraphInList ? SETEXT_UNDERLINE.exec(text) : null;
    if (underline && !/^ {0,3}([*+-]|\d+[.)])[ \t]/.test(lineAbove(lines, line))) {
      // The whole paragraph is the heading, as CommonMark reads it (`Date: 2020-01-01`, `Status`,
      // `------` is one heading): it starts on the paragraph's first line, whose text names it, as
      // the markdown tree has it, and its other lines are heading text, not fields or section lines.
      const start = paragraphStart;
      // trim() takes a byte-order mark too, so textStart counts it.
      const firstText = lines.lineText(start);
      const trimmed = firstText.trim();
      structure.headings.push({ level: (underline[1] ?? '=').startsWith('=') ? 1 : 2, text: trimmed, line: start, textStart: firstText.indexOf(trimmed) });
      for (let opaque = start + 1; opaque <= line; opaque++) structure.opaqueLines.add(opaque);
      previousIsParagraph = false;
      continue;
    }
    // An indented line goes on with a paragraph above it (indented code cannot interrupt one).
    const paragraphLine: boolean = text.trim().length > 0 && !/^ {0,3}(>|\|)/.test(text) && (previousIsParagraph || !/^( {4}|\t)/.test(text));
    if (paragraphLine && !previousIsParagraph) paragraphStart = line;
    paragraphInList = paragraphLine && (/^ {0,3}([*+-]|\d+[.)])[ \t]/.test(text) || (previousIsParagraph && paragraphInList));
    previousIsParagraph = paragraphLine;
  }
  if (!inLineOrder(structure.headings)) structure.headings.sort((a, b) => a.line - b.line);
  return structure;
}

/** The line above, without a byte-order mark when it is the first: `\uFEFF* item` is a list item too. */
function lineAbove(lines: LineIndex, line: number): string {
  return line === 1 && lines.text.charCodeAt(0) === 0xfeff ? lines.lineText(0).slice(1) : lines.lineText(line - 1);
}

function inLineOrder(headings: readonly Heading[]): boolean {
  for (let i = 1; i < headings.length; i++) if ((headings[i - 1]?.line ?? 0) > (headings[i]?.line ?? 0)) return false;
  return true;
}

/** Reads the fields under the title and the Status section, given where the headings and opaque lines are. */
export function readOutline(lines: LineIndex, firstLine: number, structure: MarkdownStructure): BodyOutline {
  const outline: BodyOutline = { headings: structure.headings, headerFields: [], statusLines: [], statusHeadingLine: -1, linkLines: [], linksHeadingLine: -1 };
  const headingAt = new Map(structure.headings.map((h, i) => [h.line, i]));
  let section: 'top' | 'header' | 'status' | 'links' | 'other' = 'top';
  for (let line = firstLine; line < lines.lineCount; line++) {
    const index = headingAt.get(line);
    if (index !== undefined) {
      const heading = structure.headings[index];
      const name = heading && heading.level >= 2 ? sectionName(heading.text) : '';
      if (STATUS_SECTION_NAMES.has(name)) {
        section = 'status';
        // A second Status heading adds its lines to the first: edits anchor on the first heading.
        if (outline.statusHeadingLine < 0) outline.statusHeadingLine = line;
      } else if (name === 'links') {
        section = 'links';
        if (outline.linksHeadingLine < 0) outline.linksHeadingLine = line;
      } else section = heading?.level === 1 && index === 0 ? 'header' : 'other';
      continue;
    }
    if (structure.opaqueLines.has(line) || section === 'other') continue;
    const text = lines.lineText(line);
    if (section === 'status' || section === 'links') {
      const trimmed = text.trim();
      if (trimmed && !/^<!--.*-->$/.test(trimmed)) {
        const start = text.indexOf(trimmed);
        (section === 'status' ? outline.statusLines : outline.linkLines).push({ text: trimmed, line, start, end: start + trimmed.length });
      }
    } else if (section === 'header' || section === 'top') {
      // A byte-order mark is not content: `\uFEFF* Status: accepted` is a field too.
      const bom = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
      const own = bom ? text.slice(1) : text;
      // `| Created | Status |` over `| --- | --- |` over the values: one field per column.
      const columns = line + 2 < lines.lineCount ? columnFields(own, lines.lineText(line + 1), lines.lineText(line + 2), line + 2) : [];
      if (columns.length > 0) {
        outline.headerFields.push(...columns);
        continue;
      }
      const field = HEADER_FIELD.exec(own);
      const found = field ? headerField(field, own, line) : (tableField(own, line) ?? bareDate(own, line));
      if (found) outline.headerFields.push({ ...found, valueStart: found.valueStart + bom, valueEnd: found.valueEnd + bom });
    }
  }
  return outline;
}

/** What a Status section is called: adr-tools' own, and as teams and translated templates write it. */
const STATUS_SECTION_NAMES = new Set(['status', 'decision status', 'état', 'etat', 'statut', 'estado', 'stato', 'stand']);

/** `Status`, `**Links:**`, `Links <!-- optional -->` → `status`, `links`: the section a heading opens. */
function sectionName(text: string): string {
  if (!/[*_:<]/.test(text)) return text.trim().toLowerCase();
  const comment = text.indexOf('<!--');
  return (comment === -1 ? text : text.slice(0, comment)).replace(/[*_:]/g, '').trim().toLowerCase();
}

/** `| Status | Accepted |`: a two-column table of metadata under the title, read as fields. */
function tableField(text: string, line: number): HeaderField | null {
  const first = text.search(/\S/);
  if (first === -1 || text.charCodeAt(first) !== 124) return null;
  const cells = text.split('|');
  // `| Key | Value |` splits into '', key, value and '' (or no last one without the closing bar).
  if (cells.length < 3 || cells.length > 4 || cells[0]?.trim() !== '' || (cells.length === 4 && cells[3]?.trim() !== '')) return null;
  const key = (cells[1] ?? '').trim().replace(/:$/, '').replace(/^(\*\*|__)(.*)\1$/, '$2').trim();
  if (!/^[A-Za-z][A-Za-z -]{0,30}$/.test(key)) return null;
  const raw = cells[2] ?? '';
  const value = raw.trim();
  // The value cell starts after the second bar.
  const secondBar = text.indexOf('|', text.indexOf('|') + 1);
  const valueStart = secondBar + 1 + (raw.length - raw.trimStart().length);
  return { key: key.toLowerCase(), value, line, valueStart, valueEnd: valueStart + value.length };
}

/** The cells of a table row, each with where its text starts in the line; null when the line is no row. */
function rowCells(text: string): { text: string; start: number }[] | null {
  const first = text.search(/\S/);
  if (first === -1 || text.charCodeAt(first) !== 124) return null;
  const cells: { text: string; start: number }[] = [];
  let at = first + 1;
  while (at <= text.length) {
    const bar = text.indexOf('|', at);
    const end = bar === -1 ? text.length : bar;
    const raw = text.slice(at, end);
    const value = raw.trim();
    if (bar !== -1 || value !== '') cells.push({ text: value, start: at + (raw.length - raw.trimStart().length) });
    if (bar === -1) break;
    at = bar + 1;
  }
  return cells;
}

/** At most this many columns are read as fields: a metadata table is narrow. */
const MAX_TABLE_COLUMNS = 12;

/**
 * The columns read from a table laid out across: its date and its status. Where the log also has a
 * Status section, that section says the status (`| Status |` says `Open` where the section says
 * `Proposed`: see parse.ts). A `| Field | Value |` table's first row names no date, so it stays a
 * table of rows.
 */
const ACROSS_KEYS = new Set(['date', 'created', 'status']);
/** A table laid out across is a metadata table when one of its columns is a date. */
const ACROSS_DATE_KEYS = new Set(['date', 'created']);

/**
 * A metadata table laid out across: a row of keys naming a date, a delimiter row, a row of values;
 * the date column gives a field on the values' line.
 */
function columnFields(keys: string, delimiter: string, values: string, line: number): HeaderField[] {
  const names = rowCells(keys);
  if (!names || names.length < 2 || names.length > MAX_TABLE_COLUMNS) return [];
  if (!names.some((name) => ACROSS_DATE_KEYS.has(name.text.toLowerCase()))) return [];
  const marks = rowCells(delimiter);
  if (!marks || marks.length !== names.length || !marks.every((m) => /^:?-+:?$/.test(m.text))) return [];
  const cells = rowCells(values);
  if (!cells) return [];
  const fields: HeaderField[] = [];
  names.forEach((name, i) => {
    const key = name.text.replace(/^(\*\*|__)(.*)\1$/, '$2').trim();
    const cell = cells[i];
    if (cell && cell.text !== '' && ACROSS_KEYS.has(key.toLowerCase())) fields.push({ key: key.toLowerCase(), value: cell.text, line, valueStart: cell.start, valueEnd: cell.start + cell.text.length, across: true });
  });
  return fields;
}

/**
 * A line under the title that is only a date (`` `2021-04-29` ``, `*2021-04-29*`, `July 3, 2018`):
 * the decision's date. A date in words must read as one whole (dates.ts), so a sentence never does.
 */
function bareDate(text: string, line: number): HeaderField | null {
  const m = /^[ \t]*([`*_]*)(\d{4}-\d{2}-\d{2})\1[ \t]*$/.exec(text);
  if (m) {
    const valueStart = text.indexOf(m[2] ?? '');
    return { key: 'date', value: m[2] ?? '', line, valueStart, valueEnd: valueStart + 10 };
  }
  const words = /^[ \t]*([`*_]*)([A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?, \d{4}|\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9}\.? \d{4})\1[ \t]*$/.exec(text);
  if (!words || normalizeDate(words[2] ?? '') === null) return null;
  const valueStart = text.indexOf(words[2] ?? '');
  return { key: 'date', value: words[2] ?? '', line, valueStart, valueEnd: valueStart + (words[2] ?? '').length };
}

/** Where an HTML comment starts in a value: the first `<!--` not escaped as `\\<!--`. */
function commentStart(value: string): number {
  for (let at = value.indexOf('<!--'); at !== -1; at = value.indexOf('<!--', at + 1)) {
    let backslashes = 0;
    while (at - backslashes > 0 && value.charCodeAt(at - backslashes - 1) === 92) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

function headerField(field: RegExpExecArray, text: string, line: number): HeaderField {
  const value = field[3] ?? '';
  const valueStart = text.length - value.length;
  const comment = commentStart(value);
  const cleaned = comment === -1 ? value : value.slice(0, comment);
  return {
    key: (field[2] ?? '').trim().toLowerCase(),
    // `\_` is `_` to a markdown reader: punctuation written escaped reads as itself.
    value: cleaned.trim().replace(/^(\*\*|__)|(\*\*|__)$/g, '').trim().replace(/\\([!-/:-@[-`{-~])/g, '$1'),
    line,
    valueStart: valueStart + (cleaned.length - cleaned.trimStart().length),
    valueEnd: valueStart + cleaned.trimEnd().length,
  };
}
