import type { Heading as MdastHeading, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Heading, MarkdownStructure } from './bodyScan';

const processor = unified().use(remarkParse);

/**
 * The same structure as scanStructure, from a full CommonMark tree. It costs ~20× the line scan,
 * so it is used where exact positions matter (the open document), never on the indexing path.
 * Only the body is parsed: YAML frontmatter would otherwise read as a setext heading.
 */
export function treeStructure(text: string, bodyStart: number, firstLine: number): MarkdownStructure {
  const body = text.slice(bodyStart);
  const tree = processor.parse(body);
  const structure: MarkdownStructure = { headings: [], opaqueLines: new Set() };
  const lineOf = (line: number): number => firstLine + line - 1;
  const visit = (nodes: RootContent[], topLevel: boolean): void => {
    for (const node of nodes) {
      const start = node.position?.start;
      const end = node.position?.end;
      if (!start || !end) continue;
      if (node.type === 'code' || node.type === 'html') {
        for (let line = start.line; line <= end.line; line++) structure.opaqueLines.add(lineOf(line));
      } else if (node.type === 'heading' && topLevel) {
        structure.headings.push(headingOf(node, body, lineOf(start.line)));
        if (end.line > start.line) structure.opaqueLines.add(lineOf(end.line));
      } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
        // Only block containers: html inside a paragraph is an inline comment, not a block to skip.
        visit(node.children, false);
      }
    }
  };
  visit(tree.children, true);
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
