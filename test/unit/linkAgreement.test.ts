import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { markdownLinks } from '../../src/core/read/linkScan';
import { findReferences, type Reference } from '../../src/core/workspace/references';
import { readFileName } from '../../src/core/read/fileName';

// The expressions linkScan.ts and references.ts replaced: they define what a link is, and agreement on
// every short text keeps what adr-roles reads unchanged.
const FORMER_MARKDOWN_LINK = /\[((?:[^[\]\\]|\\.|\[[^[\]]*\]){0,1000})\]\(\s*(?:(?:<([^>)]*)>|<?([^\s)>]+(?:\s+[^\s)>"][^\s)>]*)*))(?:\s+"[^"]*")?\s*|"[^"]*"\s*)?\)/g;
const FORMER_LINK_TARGET = /\]\(\s*<?([^)\s>]+\.(?:md|markdown))(#[^)\s>]*)?>?(?:\s+"[^"]*")?\s*\)/gi;
const FORMER_MENTION = /\bADR[-_ #]?(\d{1,6})\b/gi;

function formerLinks(text: string): { text: string; start: number; end: number; label: string; target: string }[] {
  const found = [];
  FORMER_MARKDOWN_LINK.lastIndex = 0;
  for (let m = FORMER_MARKDOWN_LINK.exec(text); m; m = FORMER_MARKDOWN_LINK.exec(text)) {
    found.push({ text: m[0], start: m.index, end: m.index + m[0].length, label: m[1] ?? '', target: m[2] ?? m[3] ?? '' });
  }
  return found;
}

function formerReferences(text: string): Reference[] {
  const found: Reference[] = [];
  FORMER_LINK_TARGET.lastIndex = 0;
  for (let m = FORMER_LINK_TARGET.exec(text); m; m = FORMER_LINK_TARGET.exec(text)) {
    const target = m[1] ?? '';
    const start = m.index + m[0].indexOf(target);
    const fileName = target.slice(Math.max(target.lastIndexOf('/'), target.lastIndexOf('\\')) + 1);
    found.push({ kind: 'link', start, end: start + target.length, number: readFileName(fileName).number, fileName, raw: target });
  }
  FORMER_MENTION.lastIndex = 0;
  for (let m = FORMER_MENTION.exec(text); m; m = FORMER_MENTION.exec(text)) {
    const inLink = found.some((r) => r.kind === 'link' && m !== null && m.index >= r.start && m.index < r.end);
    if (!inLink) found.push({ kind: 'mention', start: m.index, end: m.index + m[0].length, number: Number(m[1]), fileName: null, raw: m[0] });
  }
  return found.sort((a, b) => a.start - b.start);
}

function inlineLinks(text: string): { text: string; start: number; end: number; label: string; target: string }[] {
  return markdownLinks(text).map((l) => ({ text: text.slice(l.start, l.end), start: l.start, end: l.end, label: l.label, target: l.target ?? '' }));
}

function firstInlineLink(text: string): { target: string } | null {
  return inlineLinks(text)[0] ?? null;
}

/** Texts made of the pieces links are made of, where the expressions' alternatives differ. */
const pieces = fc.constantFrom(
  '[', ']', '(', ')', '<', '>', '"', '\\', ' ', '\t', '\n', '\r', '\u2028', '\u00a0', '#', 'x', '/',
  '[a]', '](', '](<', '>)', '"t"', ' "t")', '\\]', '\\[', '[b]', 'x.md', '.md', '.MD', 'y.markdown', '#f', '0003-a.md', 'ADR-1', ' ADR 12',
);
const linkish = fc.array(pieces, { maxLength: 14 }).map((parts) => parts.join(''));
/** One link as people write it, with a piece of noise somewhere: the near misses. */
const nearLink = fc
  .tuple(
    fc.array(pieces, { maxLength: 3 }),
    fc.constantFrom('', 'a', '3. Use X', '\\[x\\]', '[y]', 'a [b] c'),
    fc.constantFrom('', ' ', '  ', '\t'),
    fc.constantFrom('', '<', '"'),
    fc.constantFrom('', '0003-a.md', 'my file.md', 'x.md#top', '"q"', 'a>b', 'x y z'),
    fc.constantFrom('', '>', '"', ' "t"', ' "t', ' t"'),
    fc.constantFrom('', ' ', '\n'),
    fc.constantFrom(')', '', '))', ' )'),
    fc.array(pieces, { maxLength: 3 }),
  )
  .map(([before, label, space, open, target, title, after, close, rest]) => `${before.join('')}[${label}](${space}${open}${target}${title}${after}${close}${rest.join('')}`);
const texts = fc.oneof(linkish, nearLink, fc.array(nearLink, { maxLength: 4 }).map((links) => links.join('')));

describe('markdown link scanning agrees with the expressions it replaced', () => {
  it('reads labels, destinations, titles and spaces as written', () => {
    const text = 'Supersedes [3. Use \\[X\\] and [Y]](0003-use-x.md "why") and [b](<my file.md>) and [c](2022-02-revisit framework.md).';
    assert.deepEqual(
      inlineLinks(text).map((l) => [l.label, l.target]),
      [
        ['3. Use \\[X\\] and [Y]', '0003-use-x.md'],
        ['b', 'my file.md'],
        ['c', '2022-02-revisit framework.md'],
      ],
    );
    assert.equal(firstInlineLink('x [a](b) [c](d)')?.target, 'b');
    assert.equal(firstInlineLink('no link here'), null);
  });

  it('finds what the former expression found, link for link', () => {
    fc.assert(
      fc.property(texts, (text) => {
        assert.deepEqual(inlineLinks(text), formerLinks(text));
      }),
      { numRuns: 20_000, seed: 20261203 },
    );
  });

  it('keeps the former limit of 1,000 pieces in a label', () => {
    for (const count of [999, 1000, 1001]) {
      const text = `[${'\\['.repeat(count)}](0001-a.md)`;
      assert.deepEqual(inlineLinks(text), formerLinks(text), `${count} pieces`);
    }
  });

  it('finds the references the former expressions found, in the same order', () => {
    fc.assert(
      fc.property(texts, (text) => {
        assert.deepEqual(findReferences(text), formerReferences(text));
      }),
      { numRuns: 20_000, seed: 20261203 },
    );
  });
});
