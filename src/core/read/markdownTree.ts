import { parse, postprocess, preprocess } from 'micromark';
import type { Event, Point, Token } from 'micromark-util-types';
import type { Heading, MarkdownStructure } from './bodyScan';

/**
 * Inline constructs are switched off: only block structure is read here, and emphasis and link
 * resolution are where CommonMark's worst cases are (a 256 KB line of `*_[` took over a minute).
 */
const INLINE_CONSTRUCTS = ['attention', 'autolink', 'htmlText', 'labelStartLink', 'labelStartImage', 'labelEnd', 'codeText', 'characterReference', 'characterEscape', 'hardBreakEscape'];
const PARSE_OPTIONS = { extensions: [{ disable: { null: INLINE_CONSTRUCTS } }] };

/**
 * The same structure as scanStructure, from a full CommonMark parse. It costs ~20× the line scan,
 * so it is used where exact positions matter (the open document), never on the indexing path.
 * Only the body is parsed: YAML frontmatter would otherwise read as a setext heading.
 * Undefined when the body is too large or too nested for the tree to be built quickly.
 *
 * micromark's events are read as they come, as remark's mdast tree reported them (held equal to
 * it by test/unit/markdownTreeAgreement.test.ts): building that tree, a node per paragraph, line
 * of text and list item, was a third of the time, for the few positions read here.
 */
export function treeStructure(text: string, bodyStart: number, firstLine: number): MarkdownStructure | undefined {
  // CommonMark ends a line at a lone `\r` too; LineIndex (and the line scan) only at `\n`. A space
  // of the same length keeps every offset and keeps micromark's line numbers on LineIndex's lines.
  const raw = text.slice(bodyStart);
  if (!treeIsAffordable(raw)) return undefined;
  // micromark drops a leading U+FEFF without counting it in offsets or columns (`\uFEFF# Title` was
  // read as "Titl"). At the file's start it is a byte-order mark, not content, as the scan takes
  // it: left out here and added back to columns on that line. After frontmatter it is text: a
  // zero-width space keeps it counted, and content.
  const bom = bodyStart === 0 && raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = raw.slice(bom).replace(/\r(?!\n)/g, ' ').replace(/^\uFEFF/, '\u200B');
  // What mdast-util-from-markdown (remark-parse) does before it builds its tree.
  const events: Event[] = postprocess(parse(PARSE_OPTIONS).document().write(preprocess()(body, undefined, true)));
  const structure: MarkdownStructure = { headings: [], opaqueLines: new Set() };
  const lineOf = (line: number): number => firstLine + line - 1;
  // Block quotes and lists open around the current event: only headings outside them count.
  let containers = 0;
  let heading: OpenHeading | undefined;
  for (const [kind, token] of events) {
    const enter = kind === 'enter';
    switch (token.type) {
      case 'blockQuote':
      case 'listOrdered':
      case 'listUnordered':
        containers += enter ? 1 : -1;
        break;
      // Fenced and indented code and HTML blocks, at any depth of containers (they are never inside
      // anything else): their lines hold no structure.
      case 'codeFenced':
      case 'codeIndented':
      case 'htmlFlow':
        if (enter) for (let line = token.start.line; line <= token.end.line; line++) structure.opaqueLines.add(lineOf(line));
        break;
      case 'atxHeading':
      case 'setextHeading':
        if (containers > 0) break;
        if (enter) heading = { token, level: 0, first: undefined, last: undefined, slurp: false };
        else if (heading) {
          const read = headingOf(heading, body, lineOf(token.start.line));
          if (token.start.line === 1) read.textStart += bom;
          structure.headings.push(read);
          // A setext heading's lines after its first are heading text too, up to its underline.
          for (let line = token.start.line + 1; line <= token.end.line; line++) structure.opaqueLines.add(lineOf(line));
          heading = undefined;
        }
        break;
      default:
        if (heading) readInHeading(heading, enter, token, body);
    }
  }
  return structure;
}

/** A top-level heading being read: what remark's heading node and its children would say. */
interface OpenHeading {
  token: Token;
  /** Its depth; 0 until the first `#` sequence or the setext underline is read. */
  level: number;
  /** Where its first child (text or break) starts and its last one ends. */
  first: Point | undefined;
  last: Point | undefined;
  /** After a setext heading's text: the line ending before the underline is not content. */
  slurp: boolean;
}

/**
 * One event inside a top-level heading. With the inline constructs off, remark's heading children
 * are text (from `data`, and from the line endings between a setext heading's lines) and breaks
 * (from `hardBreakTrailing`); other tokens make no node.
 */
function readInHeading(heading: OpenHeading, enter: boolean, token: Token, body: string): void {
  switch (token.type) {
    case 'atxHeadingSequence':
      // remark takes the depth from the opening sequence; the closing one leaves it.
      if (!enter && heading.level === 0) heading.level = token.end.offset - token.start.offset;
      return;
    case 'setextHeadingLineSequence':
      if (!enter) heading.level = body.charCodeAt(token.start.offset) === 61 /* = */ ? 1 : 2;
      return;
    case 'setextHeadingText':
      if (!enter) heading.slurp = true;
      return;
    case 'lineEnding':
      if (heading.slurp) return;
      break;
    case 'data':
    case 'hardBreakTrailing':
      break;
    default:
      return;
  }
  if (enter) heading.first ??= token.start;
  else heading.last = token.end;
}

function headingOf(open: OpenHeading, body: string, line: number): Heading {
  const { first, last, token, level } = open;
  if (!first || !last) {
    const lineText = body.slice(token.start.offset, token.end.offset);
    return { level, text: '', line, textStart: lineText.length };
  }
  const raw = body.slice(first.offset, last.offset);
  return { level, text: raw.split(/\r?\n/)[0]?.trim() ?? '', line, textStart: first.column - 1 };
}

/** Bodies above this size are left to the line scan: the tree costs about 2 ms per KB even for plain prose. */
const TREE_MAX_CHARS = 64 * 1024;
/**
 * The CommonMark parser's time grows with the square of some block counts: 2,000 list items nested
 * four deep take over a second, 8,000 setext headings over two. Each line opening with a block
 * mark counts one, and each further `>` or list marker in its prefix one more.
 */
const TREE_MAX_BLOCK_MARKS = 400;
/**
 * Lines, whatever they hold: a paragraph's or list item's lines cost the parser more the more there
 * are of them (31,000 lazy continuation lines under `* Status: x`, one block mark, took 24 s).
 */
const TREE_MAX_LINES = 1000;
/** `# = ` ~ < [ | _` open headings, setext underlines, fences, html, definitions, tables, rules. */
const OTHER_BLOCK_MARKS = new Set([35, 61, 96, 126, 60, 91, 124, 95]);

/** Whether the full tree of this body can be built in bounded time (about 100 ms at the limits). */
export function treeIsAffordable(body: string): boolean {
  if (body.length > TREE_MAX_CHARS) return false;
  let marks = 0;
  let lines = 1;
  let lineStart = true;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 10) {
      if (++lines > TREE_MAX_LINES) return false;
      lineStart = true;
      continue;
    }
    if (!lineStart || c === 32 || c === 9) continue;
    if (c === 62 /* > */) marks++;
    else if ((c === 45 || c === 42 || c === 43) /* - * + */ && isSpace(body.charCodeAt(i + 1))) marks++;
    else if (isDigit(c)) {
      // An ordered item, `12.` or `12)`, counts like a bullet.
      let end = i + 1;
      while (isDigit(body.charCodeAt(end))) end++;
      const delimiter = body.charCodeAt(end);
      if ((delimiter === 46 || delimiter === 41) && isSpace(body.charCodeAt(end + 1))) {
        marks++;
        i = end;
      } else lineStart = false;
    } else {
      if (c === 45 || c === 42 || c === 43 || OTHER_BLOCK_MARKS.has(c)) marks++;
      lineStart = false;
    }
    if (marks > TREE_MAX_BLOCK_MARKS) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}
