import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import { md, summaryMarkdown } from '../../src/core/branch/summaryMarkdown';
import type { BranchSummary } from '../../src/core/branch/branchSummary';

const load = createRequire(__filename);
const { marked } = load('marked') as { marked: { parse: (s: string, o: { gfm: boolean; async: false }) => string } };

/** How GitHub-flavoured markdown renders the text: the summary lands in a PR comment or step summary. */
const rendered = (markdown: string): string => marked.parse(markdown, { gfm: true, async: false });

const HOSTILE_TITLES = [
  'Move to https://evil.example/login now',
  'See www.evil.example for details',
  'Mail ceo@evil.example today',
  'Open http://127.0.0.1:8080/x',
  'Ask @acme/everyone',
  '<img src=x onerror=alert(1)> [now](https://evil.example)',
  'ftp://files.evil.example/a and mailto:x@evil.example',
];

function summaryWith(title: string): BranchSummary {
  return {
    base: 'main',
    counts: { added: 1, changed: 0, renamed: 0, deleted: 0, problems: 0 },
    groups: [{ role: null, decisions: [{ id: 'ADR-0001', title, path: 'docs/0001-x.md', previousPath: null, change: 'added', status: null, owner: null, replaces: [], elevation: null, problems: [] }] }],
  };
}

describe('summary markdown', () => {
  for (const title of HOSTILE_TITLES) {
    it(`renders no link, image or HTML from the title ${JSON.stringify(title)}`, () => {
      const html = rendered(summaryMarkdown(summaryWith(title)));
      assert.doesNotMatch(html, /<a |<img |href=/, html);
    });
  }

  it('keeps the text as it reads, apart from invisible word joiners', () => {
    const shown = md('Move to https://evil.example and www.x.example, mail a@b.example').replaceAll('\u2060', '');
    assert.equal(shown, 'Move to https://evil.example and www.x.example, mail a@b.example');
  });

  it('leaves words that merely contain a scheme alone', () => {
    assert.equal(md('Use the webhttps: adapter'), 'Use the webhttps: adapter');
  });

  it('a plain link of the product would render as a link (the check above can fail)', () => {
    assert.match(rendered('See https://example.com'), /<a href="https:\/\/example.com"/);
  });
});
