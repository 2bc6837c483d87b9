import { strict as assert } from 'node:assert';
import { matchFile, matchPattern, parse } from 'codeowners-utils';
import { CODEOWNERS_END, CODEOWNERS_START, updateCodeownersText } from '../../src/core/review/codeownersBlock';
import { codeownersPath, parseCodeowners, patternCovers, ruleFor } from '../../src/core/review/codeownersPattern';
import { planCodeowners, shadowedFiles } from '../../src/core/review/codeownersPlan';
import { readConfig, type Role } from '../../src/core/workspace/config';
import { isReviewer } from '../../src/core/workspace/reviewerSyntax';

const ROLES: Role[] = [
  { id: 'cto', label: 'CTO', kind: 'strategy', reviewers: ['@acme/cto'] },
  { id: 'hoe', label: 'Head of Engineering', kind: 'execution', reviewers: ['@acme/eng-leads', 'lead@acme.example'] },
  { id: 'cpo', label: 'CPO', kind: 'other' },
];

describe('reviewers in .adr-roles.yml', () => {
  it('reads reviewers as CODEOWNERS writes them, one or a list', () => {
    const { config, problems } = readConfig("roles:\n  - { id: cto, label: CTO, kind: strategy, reviewers: ['@acme/cto'] }\n  - id: hoe\n    kind: execution\n    reviewers: '@octocat'\n");
    assert.deepEqual(problems, []);
    assert.deepEqual(config.roles.map((r) => r.reviewers), [['@acme/cto'], ['@octocat']]);
  });

  it('refuses a reviewer that could add a line, an owner or a comment, at its line', () => {
    const text = 'roles:\n  - id: cto\n    reviewers:\n      - "@acme/cto\\n/** @attacker"\n      - "@a b"\n      - "@x#y"\n      - "@ok/team"\n      - "\\u001b[31m@red"\n';
    const { config, problems } = readConfig(text);
    assert.deepEqual(config.roles[0]?.reviewers, ['@ok/team']);
    assert.deepEqual(problems.map((p) => [p.code, p.range.start.line]), [['invalid-config', 3], ['invalid-config', 4], ['invalid-config', 5], ['invalid-config', 7]]);
  });

  it('accepts users, nested teams and emails, and nothing else', () => {
    for (const ok of ['@octocat', '@acme/cto', '@group/sub/team', 'lead@acme.example', '@a_b.c-d']) assert.ok(isReviewer(ok), ok);
    for (const bad of ['octocat', '@', '@a b', '@a\n@b', '@a#b', '', '@a/', `@${'a'.repeat(300)}`, 'a@b', '@a\u202e']) assert.ok(!isReviewer(bad), JSON.stringify(bad));
  });
});

describe('CODEOWNERS paths', () => {
  it('escapes what CODEOWNERS reads as a separator, a comment or a wildcard, and a gitignore matcher finds the file', () => {
    for (const name of ['0001-plain.md', '0002-with space.md', '0003-hash#tag.md', '0004-star*.md', '0005-what?.md', '0006-!bang.md', '0007-back\\slash.md']) {
      const file = `docs/decisions/${name}`;
      const pattern = codeownersPath(file) ?? '';
      assert.ok(pattern.startsWith('/docs/decisions/'), pattern);
      assert.ok(!/(?<!\\)[ #]/.test(pattern), `unescaped space or # in ${pattern}`);
      assert.ok(matchPattern(file, pattern), `${pattern} matches ${file}`);
      assert.ok(patternCovers(pattern, file), `our matcher: ${pattern} covers ${file}`);
    }
    // An escaped star is a star, not a wildcard.
    assert.ok(!matchPattern('docs/decisions/0004-starX.md', codeownersPath('docs/decisions/0004-star*.md') ?? ''));
    assert.ok(!patternCovers(codeownersPath('docs/decisions/0004-star*.md') ?? '', 'docs/decisions/0004-starX.md'));
  });

  it('refuses names that no escape makes safe: line breaks, controls and brackets', () => {
    for (const name of ['a\nb.md', 'a\rb.md', 'a\u0000.md', 'a\u001b[31m.md', 'a[1].md', 'a\u2028.md']) assert.equal(codeownersPath(`docs/${name}`), undefined, JSON.stringify(name));
  });

  it('covers files as the npm CODEOWNERS parser does, pattern by pattern', () => {
    const patterns = ['*', '*.md', '/docs/', 'docs/', 'docs', '/docs/*', '/docs/**', 'docs/**/x.md', '**/decisions/', '/src/', 'decisions/0001-a.md', '0001-a.md', '/docs/decisions/0001-?.md', '/x*/'];
    const files = ['docs/decisions/0001-a.md', 'docs/decisions/x.md', 'docs/x.md', 'src/docs/y.md', 'README.md', 'xdocs/a.md', 'docs/decisions/sub/0001-a.md'];
    for (const pattern of patterns) {
      for (const file of files) assert.equal(patternCovers(pattern, file), matchPattern(file, pattern), `${pattern} on ${file}`);
    }
  });

  it('matches a hostile pattern of many stars in time linear in its length', () => {
    const pattern = `/${'*a'.repeat(2000)}`;
    const file = `${'a'.repeat(3000)}b`;
    const started = Date.now();
    assert.equal(patternCovers(pattern, file), false);
    assert.ok(Date.now() - started < 2000, 'no backtracking');
  });
});

describe('the CODEOWNERS block', () => {
  const files = [
    { path: 'docs/decisions/0002-b.md', id: 'ADR-0002', owner: 'Head of Engineering' },
    { path: 'docs/decisions/0001-a.md', id: 'ADR-0001', owner: 'cto' },
    { path: 'docs/decisions/0003-c.md', id: 'ADR-0003', owner: undefined },
    { path: 'docs/decisions/0004-d.md', id: 'ADR-0004', owner: 'cpo' },
    { path: 'docs/decisions/0005-e.md', id: 'ADR-0005', owner: 'vp' },
  ];

  it('gives each owned decision its role reviewers, and notes the unowned, unknown and reviewer-less', () => {
    const plan = planCodeowners(files, ROLES);
    assert.deepEqual(plan.lines, ['/docs/decisions/0001-a.md @acme/cto', '/docs/decisions/0002-b.md @acme/eng-leads lead@acme.example']);
    assert.deepEqual(plan.notes.map((n) => n.kind), ['unowned', 'unknown-owner', 'role-without-reviewers']);
  });

  it('resolves every decision to its role reviewers through the npm CODEOWNERS parser, after the rules of the team', () => {
    const existing = '# team rules\n* @acme/everyone\n/docs/ @acme/writers\n';
    const plan = planCodeowners(files, ROLES);
    const update = updateCodeownersText(existing, plan.lines);
    assert.ok('text' in update);
    assert.ok(update.text.startsWith(existing), 'the team rules stay byte for byte');
    const entries = parse(update.text);
    assert.deepEqual(matchFile('docs/decisions/0001-a.md', entries)?.owners, ['@acme/cto']);
    assert.deepEqual(matchFile('docs/decisions/0002-b.md', entries)?.owners, ['@acme/eng-leads', 'lead@acme.example']);
    assert.deepEqual(matchFile('docs/decisions/0003-c.md', entries)?.owners, ['@acme/writers']);
    assert.deepEqual(matchFile('src/x.ts', entries)?.owners, ['@acme/everyone']);
    assert.deepEqual(shadowedFiles(update.text, plan.paths, update.blockEndLine), { shadowed: [], unchecked: [] });
  });

  it('replaces only its own block, keeping every byte around it, CRLF included', () => {
    const before = '# top\r\n*.js @js  # trailing comment\r\n\r\n';
    const after = '\r\n# bottom\r\n/build/ @ops';
    const existing = `${before}${CODEOWNERS_START}\r\n/old @gone\r\n${CODEOWNERS_END}${after}`;
    const update = updateCodeownersText(existing, ['/docs/decisions/0001-a.md @acme/cto']);
    assert.ok('text' in update);
    assert.equal(update.text, `${before}${CODEOWNERS_START}\r\n/docs/decisions/0001-a.md @acme/cto\r\n${CODEOWNERS_END}${after}`);
    const again = updateCodeownersText(update.text, ['/docs/decisions/0001-a.md @acme/cto']);
    assert.ok('text' in again && again.text === update.text, 'a rerun changes nothing');
  });

  it('appends the block to a file without one, and writes a new file', () => {
    const appended = updateCodeownersText('* @all', ['/a @b']);
    assert.ok('text' in appended);
    assert.equal(appended.text, `* @all\n\n${CODEOWNERS_START}\n/a @b\n${CODEOWNERS_END}\n`);
    assert.equal(appended.blockStartLine, 2);
    const created = updateCodeownersText(undefined, ['/a @b']);
    assert.ok('text' in created && created.text === `${CODEOWNERS_START}\n/a @b\n${CODEOWNERS_END}\n`);
  });

  it('refuses markers that do not pair up', () => {
    for (const text of [`${CODEOWNERS_START}\n/a @b\n`, `${CODEOWNERS_END}\n${CODEOWNERS_START}\n`, `${CODEOWNERS_START}\n${CODEOWNERS_END}\n${CODEOWNERS_START}\n${CODEOWNERS_END}\n`]) {
      assert.ok('refused' in updateCodeownersText(text, []), text);
    }
  });

  it('finds a later rule of the team that decides a decision file instead, and only a later one', () => {
    const plan = planCodeowners(files, ROLES);
    const update = updateCodeownersText('* @all\n', plan.lines);
    assert.ok('text' in update);
    const text = `${update.text}/docs/decisions/ @acme/writers\n`;
    const { shadowed } = shadowedFiles(text, plan.paths, update.blockEndLine);
    assert.deepEqual(shadowed.map((s) => [s.path, s.rule.pattern]), [['docs/decisions/0001-a.md', '/docs/decisions/'], ['docs/decisions/0002-b.md', '/docs/decisions/']]);
    // The npm parser agrees: the later rule wins.
    assert.deepEqual(matchFile('docs/decisions/0001-a.md', parse(text))?.owners, ['@acme/writers']);
    assert.equal(ruleFor(parseCodeowners(text), 'docs/decisions/0001-a.md')?.pattern, '/docs/decisions/');
  });

  it('reads a pattern with escaped spaces as one pattern, and owners up to a comment', () => {
    const [rule] = parseCodeowners('/docs/a\\ b.md @x @y # why\n');
    assert.deepEqual([rule?.pattern, rule?.owners], ['/docs/a\\ b.md', ['@x', '@y']]);
  });
});
