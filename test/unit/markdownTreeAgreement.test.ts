import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readFrontmatter } from '../../src/core/read/frontmatter';
import { LineIndex } from '../../src/core/read/lineIndex';
import { treeStructure } from '../../src/core/read/markdownTree';
import { decisionText as benchDecision } from '../../bench/corpus';
import { FIXTURE_TEXTS, decisionText, randomText } from './fuzz/arbitraries';
import { remarkTreeStructure } from './remarkTreeReading';

/**
 * Blocks and their look-alikes: ATX headings with closing sequences, empty ones and escapes,
 * setext underlines, trailing spaces (hard breaks), fences, indented code, HTML blocks, block
 * quotes, lists nested by indentation, lazy continuations, tabs and every kind of line end.
 */
const LINE_PIECES = [
  '# Title', '## Status', '###### six', '####### seven', '#', '##', '# #', '## x ##', '# x #  ', '#\tx', '#x', '\\# x', '# x \\#', '  # indented', '    # code',
  '===', '---', '- - -', '***', '=', 'Text', 'Two words', 'trailing  ', 'tab\t', 'a\\', '   ', '',
  '```', '```js', '~~~', '````', '<!-- c -->', '<!--', '-->', '<div>', '</div>', '<pre>', '<b>x</b>',
  '> ', '> # quoted', '>> deep', '>', '- ', '- # item heading', '* a', '+ b', '1. one', '2) two', '  - nested', '    - deeper', '   continued',
  '[ref]: /url "t"', '| a | b |', '&amp;', '*em*', '`code`', '\ufeff', '\u200b',
];
const LINE_ENDS = ['\n', '\n', '\n', '\r\n', '\r'];
const markdownBody = fc
  .array(fc.tuple(fc.constantFrom(...LINE_PIECES), fc.constantFrom('', '', ' ', '  ', '\t', ' x'), fc.constantFrom(...LINE_ENDS)), { maxLength: 40 })
  .map((lines) => lines.map(([piece, tail, end]) => piece + tail + end).join(''));

/** Both readings of one text: its body after the frontmatter as parse.ts passes it, and the whole text from its start. */
function assertAgree(text: string): void {
  assert.deepEqual(treeStructure(text, 0, 0), remarkTreeStructure(text, 0, 0));
  const fm = readFrontmatter(text);
  if (fm) {
    const line = new LineIndex(text).positionAt(fm.bodyStart).line;
    assert.deepEqual(treeStructure(text, fm.bodyStart, line), remarkTreeStructure(text, fm.bodyStart, line));
  }
}

describe('the CommonMark structure reads micromark’s events as remark’s tree reported them', () => {
  it('on every fixture and on the bench’s decisions', () => {
    for (const text of FIXTURE_TEXTS) assertAgree(text);
    for (const size of [0, 2300, 20_000]) assertAgree(benchDecision(500, 10000, size));
  });

  it('on generated blocks: headings, code, HTML, quotes and lists, with odd spacing and line ends', () => {
    fc.assert(fc.property(markdownBody, (body) => assertAgree(body)), { numRuns: 1500, seed: 20261204 });
  });

  it('on generated decisions and random text', () => {
    fc.assert(fc.property(fc.oneof(decisionText, randomText), (text) => assertAgree(text)), { numRuns: 500, seed: 20261204 });
  });

  it('reads what the tree says: top-level headings only, code and HTML lines opaque, the later lines and underline of a setext heading too', () => {
    const body = '# One #\n\n> # quoted\n\n- ## listed\n\n```\n# fenced\n```\n\nTwo  \nlines\n---\n\n<div>\n# html\n</div>\n\n    # indented\n';
    const structure = treeStructure(body, 0, 1);
    assert.deepEqual(structure, remarkTreeStructure(body, 0, 1));
    assert.deepEqual(structure?.headings, [
      { level: 1, text: 'One', line: 1, textStart: 2 },
      { level: 2, text: 'Two', line: 11, textStart: 0 },
    ]);
    assert.deepEqual([...(structure?.opaqueLines ?? [])].sort((a, b) => a - b), [7, 8, 9, 12, 13, 15, 16, 17, 19]);
  });
});
