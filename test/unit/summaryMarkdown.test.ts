import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import { md, summaryMarkdown } from '../../src/core/branch/summaryMarkdown';
import { summarizeBranch, type BranchSummary } from '../../src/core/branch/branchSummary';
import { checkBranchSides } from '../../src/core/branch/branchCheck';
import type { RevisionDecision } from '../../src/core/branch/pairing';
import { parseDecision } from '../../src/core/read/parse';
import { MAX_LAYOUT_TITLE } from '../../src/core/views/graph';
import { defaultConfig } from '../../src/core/workspace/config';

function at(path: string, text: string): RevisionDecision {
  return { path, decision: parseDecision(path, text), text };
}

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
    groups: [{ role: null, decisions: [{ id: 'ADR-0001', title, path: 'docs/0001-x.md', previousPath: null, change: 'added', status: null, owner: null, replaces: [], elevation: null, notice: null, problems: [] }] }],
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

  it('shortens a 100,000-character title as the graph does, in the line and in the problems; the JSON keeps it whole', () => {
    const long = `Use ${'x'.repeat(100_000)}`;
    const accepted = (title: string): string => `---\nstatus: accepted\nowner: cto\n---\n# ${title}\n\n## Decision\n\nWe use ${title.length}.\n`;
    const base = [at('d/0001-long.md', accepted(long)), at('d/0002-gone.md', accepted(long))];
    const head = [at('d/0001-long.md', accepted(`${long}y`)), at('d/0003-new.md', accepted(`${long}z`))];
    const { pairing, problems } = checkBranchSides({ base, head, tipPaths: [], renames: new Map() }, defaultConfig(), 'main');
    assert.deepEqual(problems.map((p) => p.problem.code).sort(), ['accepted-decision-rewritten', 'decision-deleted']);
    for (const { problem } of problems) assert.ok(problem.message.length < MAX_LAYOUT_TITLE + 300, `${problem.code}: ${problem.message.length} characters`);
    const summary = summarizeBranch(pairing, (path) => problems.filter((p) => p.path === path).map((p) => p.problem), defaultConfig(), 'main');
    const titles = summary.groups.flatMap((g) => g.decisions.map((d) => d.title));
    assert.deepEqual(titles, [`${long}y`, long, `${long}z`], 'the JSON gives the title whole, as list --json and report --json do');
    const markdown = summaryMarkdown(summary);
    const lines = markdown.split('\n');
    assert.equal(lines.filter((l) => l.startsWith('- **ADR-')).length, 3);
    for (const line of lines) assert.ok(line.length < MAX_LAYOUT_TITLE + 300, `a line of ${line.length} characters: ${line.slice(0, 80)}…`);
    assert.ok(lines.includes(`- **ADR-0003 Use ${'x'.repeat(MAX_LAYOUT_TITLE - 5)}…**: added (d/0003-new.md)`), markdown.slice(0, 2000));
  });

  it('a plain link of the product would render as a link (the check above can fail)', () => {
    assert.match(rendered('See https://example.com'), /<a href="https:\/\/example.com"/);
  });
});
