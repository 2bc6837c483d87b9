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
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADER_FIELD = /^ {0,3}(?:[*+-][ \t]+)?(\*\*|__)?([A-Za-z][A-Za-z -]{0,30}?)(?:\1)?[ \t]*:(?:\1)?[ \t]*(.*)$/;

/**
 * One pass over the markdown body, reading only what the index needs: headings, the fields under
 * the title, and the Status section. Fenced code is skipped so examples inside it are not read as
 * metadata. Building a full markdown tree here would cost ~20× reading the file.
 */
export function scanBody(lines: LineIndex, firstLine: number): BodyOutline {
  const outline: BodyOutline = { headings: [], headerFields: [], statusLines: [], statusHeadingLine: -1 };
  let fence: string | null = null;
  let section: 'top' | 'header' | 'status' | 'other' = 'top';
  let inComment = false;
  for (let line = firstLine; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (fence !== null) {
      if (text.trimStart().startsWith(fence)) fence = null;
      continue;
    }
    const fenceMatch = FENCE.exec(text);
    if (fenceMatch) {
      fence = fenceMatch[1] ?? '```';
      continue;
    }
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      continue;
    }
    if (/^\s*<!--/.test(text) && !text.includes('-->')) {
      inComment = true;
      continue;
    }
    const heading = text.charCodeAt(text.search(/\S/)) === 35 ? ATX_HEADING.exec(text) : null;
    if (heading) {
      const level = (heading[1] ?? '#').length;
      const headingText = (heading[2] ?? '').trim();
      outline.headings.push({ level, text: headingText, line, textStart: text.indexOf(headingText, text.indexOf('#') + level) });
      if (level >= 2 && /^status$/i.test(headingText.replace(/[*_:]/g, '').trim())) {
        section = 'status';
        outline.statusHeadingLine = line;
      } else section = level === 1 && outline.headings.length === 1 ? 'header' : 'other';
      continue;
    }
    if (section === 'status') {
      const trimmed = text.trim();
      if (trimmed && !/^<!--.*-->$/.test(trimmed)) {
        const start = text.indexOf(trimmed);
        outline.statusLines.push({ text: trimmed, line, start, end: start + trimmed.length });
      }
      continue;
    }
    if (section === 'header' || section === 'top') {
      const field = HEADER_FIELD.exec(text);
      if (field) {
        const value = field[3] ?? '';
        const valueStart = text.length - value.length;
        const cleaned = stripTrailingComment(value);
        outline.headerFields.push({
          key: (field[2] ?? '').trim().toLowerCase(),
          value: cleaned.trim().replace(/^(\*\*|__)|(\*\*|__)$/g, '').trim(),
          line,
          valueStart: valueStart + (cleaned.length - cleaned.trimStart().length),
          valueEnd: valueStart + cleaned.trimEnd().length,
        });
      }
    }
  }
  return outline;
}

function stripTrailingComment(value: string): string {
  const comment = value.indexOf('<!--');
  return comment === -1 ? value : value.slice(0, comment);
}
