// The CommonMark tree as src/core/read/markdownTree.ts built it until it read micromark's events
// itself: through unified and remark-parse, into an mdast tree. Kept as the reference the reading
// must agree with (test/unit/markdownTreeAgreement.test.ts), as grayMatterReading.ts is for frontmatter.
import type { Heading as MdastHeading, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Heading, MarkdownStructure } from '../../src/core/read/bodyScan';
import { treeIsAffordable } from '../../src/core/read/markdownTree';

/**
 * Inline constructs are switched off: only block structure is read here, and emphasis and link
 * resolution are where CommonMark's worst cases are (a 256 KB line of `*_[` took over a minute).
 */
const INLINE_CONSTRUCTS = ['attention', 'autolink', 'htmlText', 'labelStartLink', 'labelStartImage', 'labelEnd', 'codeText', 'characterReference', 'characterEscape', 'hardBreakEscape'];
const processor = unified()
  .use(remarkParse)
  .data('micromarkExtensions', [{ disable: { null: INLINE_CONSTRUCTS } }]);

/**
 * The same structure as scanStructure, from the mdast tree. It costs ~20× the line scan,
 * so it is used where exact positions matter (the open document), never on the indexing path.
 * Only the body is parsed: YAML frontmatter would otherwise read as a setext heading.
 * Undefined when the body is too large or too nested for the tree to be built quickly.
 */
export function remarkTreeStructure(text: string, bodyStart: number, firstLine: number): MarkdownStructure | undefined {
  // CommonMark ends a line at a lone `\r` too; LineIndex (and the line scan) only at `\n`. A space
  // of the same length keeps every offset and keeps remark's line numbers on LineIndex's lines.
  const raw = text.slice(bodyStart);
  if (!treeIsAffordable(raw)) return undefined;
  // remark drops a leading U+FEFF without counting it in offsets or columns (`\uFEFF# Title` was
  // read as "Titl"). At the file's start it is a byte-order mark, not content, as the scan takes
  // it: left out here and added back to columns on that line. After frontmatter it is text: a
  // zero-width space keeps it counted, and content.
  const bom = bodyStart === 0 && raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = raw.slice(bom).replace(/\r(?!\n)/g, ' ').replace(/^\uFEFF/, '\u200B');
  const tree = processor.parse(body);
  const structure: MarkdownStructure = { headings: [], opaqueLines: new Set() };
  const lineOf = (line: number): number => firstLine + line - 1;
  // An explicit stack, not recursion: a file of thousands of nested `>` must not exhaust the call stack.
  const pending: { node: RootContent; topLevel: boolean }[] = tree.children.map((node) => ({ node, topLevel: true })).reverse();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, topLevel } = next;
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || !end) continue;
    if (node.type === 'code' || node.type === 'html') {
      for (let line = start.line; line <= end.line; line++) structure.opaqueLines.add(lineOf(line));
    } else if (node.type === 'heading' && topLevel) {
      const heading = headingOf(node, body, lineOf(start.line));
      if (start.line === 1) heading.textStart += bom;
      structure.headings.push(heading);
      // A setext heading's lines after its first are heading text too, up to its underline.
      for (let line = start.line + 1; line <= end.line; line++) structure.opaqueLines.add(lineOf(line));
    } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
      // Only block containers: html inside a paragraph is an inline comment, not a block to skip.
      for (let i = node.children.length - 1; i >= 0; i--) pending.push({ node: node.children[i] as RootContent, topLevel: false });
    }
  }
  return structure;
}

function headingOf(node: MdastHeading, body: string, line: number): Heading {
  const first = node.children[0]?.position;
  const last = node.children[node.children.length - 1]?.position;
  if (!first || !last) {
    const lineText = body.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
    return { level: node.depth, text: '', line, textStart: lineText.length };
  }
  const raw = body.slice(first.start.offset ?? 0, last.end.offset ?? 0);
  return { level: node.depth, text: raw.split(/\r?\n/)[0]?.trim() ?? '', line, textStart: first.start.column - 1 };
}
