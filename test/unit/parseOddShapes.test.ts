import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { parseDecision } from '../../src/core/parse';
import { fixtureText, parseFixture } from './helpers';

describe('parseDecision: odd shapes', () => {
  it('reads a file with a byte-order mark and CRLF line ends', () => {
    const d = parseFixture('odd/0001-bom-and-crlf.md');
    assert.equal(d.status?.value, 'accepted');
    assert.equal(d.owner?.value, 'cto');
    assert.equal(d.title?.value, 'BOM and CRLF');
    assert.deepEqual(d.owner?.valueRange, { start: { line: 3, character: 7 }, end: { line: 3, character: 10 } });
    assert.deepEqual(d.parseProblems, []);
  });

  it("lets the file name's number win over the heading's, and keeps links without numbers", () => {
    const d = parseFixture('odd/0002-heading-number-disagrees.md');
    assert.equal(d.number, 2);
    assert.equal(d.title?.value, 'Heading number disagrees with the file name');
    assert.equal(d.status?.value, 'accepted');
    const supersedes = d.relations.find((r) => r.kind === 'supersedes');
    assert.equal(supersedes?.target.fileName, 'bom-and-crlf.md');
    assert.equal(supersedes?.target.number, null);
    assert.ok(d.relations.some((r) => r.kind === 'relates-to'));
  });

  it('points a YAML error at its line', () => {
    const d = parseFixture('odd/0004-broken-yaml.md');
    const error = d.parseProblems.find((p) => p.code === 'invalid-frontmatter');
    assert.ok(error, 'an invalid-frontmatter problem');
    assert.equal(error.severity, 'error');
    assert.ok(error.range.start.line >= 3 && error.range.start.line <= 5, `line ${error.range.start.line}`);
    assert.equal(d.title?.value, 'Broken YAML');
  });

  it('reports an impossible date and keeps no date', () => {
    const d = parseFixture('odd/0005-impossible-date.md');
    assert.equal(d.date, null);
    const problem = d.parseProblems.find((p) => p.code === 'invalid-date');
    assert.deepEqual(problem?.range, { start: { line: 3, character: 6 }, end: { line: 3, character: 16 } });
  });

  it('reports frontmatter that is never closed and still reads the title', () => {
    const d = parseFixture('odd/0006-unclosed-frontmatter.md');
    assert.equal(d.parseProblems[0]?.code, 'invalid-frontmatter');
    assert.match(d.parseProblems[0]?.message ?? '', /never closed/);
    assert.equal(d.title?.value, 'Unclosed frontmatter');
  });

  it('reads a file with no metadata at all', () => {
    const d = parseFixture('odd/0007-no-metadata.md');
    assert.equal(d.id, 'ADR-0007');
    assert.equal(d.title, null);
    assert.equal(d.format, 'plain');
  });

  it('never throws on empty, whitespace-only or delimiter-only text', () => {
    for (const text of ['', '\n', '---', '---\n---', '---\n', '----\n# x', '\uFEFF', '# ', '## Status\n', '---\n: :\n---\n']) {
      assert.doesNotThrow(() => parseDecision('0001-x.md', text), JSON.stringify(text));
    }
  });
});

describe('parseDecision: frontmatter code is never run', () => {
  let folder: string;
  let marker: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'adr-roles-marker-'));
    marker = join(folder, 'ran');
    process.env.ADR_ROLES_MARKER = marker;
  });
  afterEach(() => {
    delete process.env.ADR_ROLES_MARKER;
    rmSync(folder, { recursive: true, force: true });
  });

  it('the payload is live: gray-matter with its default engines runs it', () => {
    // Proves the test below can fail: the same text, given to gray-matter's defaults, writes the marker.
    matter(fixtureText('odd/0003-javascript-frontmatter.md'), {});
    assert.ok(existsSync(marker));
  });

  for (const tag of ['js', 'javascript', 'JavaScript', 'coffee', 'coffeescript', 'cson', 'ruby', 'constructor', '__proto__']) {
    it(`refuses ---${tag} with invalid-frontmatter and writes no marker`, () => {
      const text = fixtureText('odd/0003-javascript-frontmatter.md').replace('---js', `---${tag}`);
      const d = parseDecision('0003-payload.md', text);
      assert.equal(existsSync(marker), false, 'the payload ran');
      assert.equal(d.parseProblems[0]?.code, 'invalid-frontmatter');
      assert.equal(d.parseProblems[0]?.range.start.line, 0);
      assert.equal(d.status, null);
      assert.equal(d.title?.value, 'JavaScript frontmatter is never run');
    });
    it(`reads nothing from a ---${tag} block even when its lines look like YAML`, () => {
      const d = parseDecision('0003-payload.md', `---${tag}\nowner: cto\nstatus: accepted\n---\n# T\n`);
      assert.equal(d.owner, null);
      assert.equal(d.status, null);
    });
  }
});

describe('parseDecision: recovery after a YAML error', () => {
  it('still reads `key: rest of line` values YAML rejects, and reports the error', () => {
    const d = parseDecision('docs/adrs-adr001-log.md', '---\nid: adrs-adr001\ntitle: ADR001: Decision log\nowner: cto\n---\n## Decision\n');
    assert.equal(d.title?.value, 'Decision log');
    assert.equal(d.owner?.value, 'cto');
    assert.equal(d.parseProblems[0]?.code, 'invalid-frontmatter');
    assert.equal(d.parseProblems[0]?.range.start.line, 2);
  });
});

describe('parseDecision: title prefixes seen in public logs', () => {
  const cases: [string, string][] = [
    ['# Architecture Decision Record: Use ADRs', 'Use ADRs'],
    ['# [Superseded by [ADR-0017](0017-persist-dex.md)] Do not persist Dex', 'Do not persist Dex'],
    ['# [superseded] Proper use of fetch', 'Proper use of fetch'],
    ['# [Draft guide] stays', '[Draft guide] stays'],
  ];
  for (const [heading, title] of cases) {
    it(heading, () => assert.equal(parseDecision('0001-x.md', `${heading}\n`).title?.value, title));
  }
});

describe('parseDecision: licence headers before the frontmatter', () => {
  it('reads frontmatter after an SPDX comment', () => {
    const text = '<!--\nSPDX-License-Identifier: CC-BY-SA-4.0\n-->\n\n---\nstatus: accepted\nowner: cto\n---\n# Title\n';
    for (const markdown of ['scan', 'tree'] as const) {
      const d = parseDecision('03-x.md', text, { markdown });
      assert.equal(d.status?.value, 'accepted');
      assert.deepEqual(d.owner?.valueRange.start, { line: 6, character: 7 });
      assert.equal(d.frontmatter?.range.start.line, 4);
      assert.equal(d.title?.value, 'Title');
    }
  });
});
