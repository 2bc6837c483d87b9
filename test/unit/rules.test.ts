import { strict as assert } from 'node:assert';
import { DecisionLog } from '../../src/core/workspace/catalog';
import { defaultConfig, readConfig, type AdrRolesConfig } from '../../src/core/workspace/config';
import { groupByRole, groupByStatus, matchesFilter } from '../../src/core/views/grouping';
import { lintDecision } from '../../src/core/rules/lint';
import type { Problem } from '../../src/core/model';
import { parseDecision } from '../../src/core/read/parse';

/** The files here are written without a title heading for brevity: the hint about that is left out. */
function lint(files: Record<string, string>, file: string, config: AdrRolesConfig = defaultConfig()): Problem[] {
  const log = new DecisionLog('d');
  for (const [path, text] of Object.entries(files)) log.upsert(parseDecision(path, text));
  return lintDecision(log.get(file)!, log, { ...config, severities: { 'title-from-file-name': 'off', ...config.severities } });
}

const codes = (problems: Problem[]): string[] => problems.map((p) => p.code);

describe('rules', () => {
  it('missing-owner: on the frontmatter line, naming the configured roles', () => {
    const [p] = lint({ 'd/0001-x.md': '---\nstatus: proposed\n---\n# X\n' }, 'd/0001-x.md');
    assert.equal(p?.code, 'missing-owner');
    assert.equal(p?.severity, 'warning');
    assert.deepEqual(p?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    assert.match(p?.message ?? '', /cto \(CTO, strategy\), hoe \(Head of Engineering, execution\)/);
  });

  it('missing-owner: on the title line when there is no frontmatter', () => {
    const [p] = lint({ 'd/0001-x.md': 'intro\n\n# 1. X\n' }, 'd/0001-x.md');
    assert.deepEqual(p?.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
  });

  it('unknown-owner: on the value, accepting ids and labels in any case', () => {
    assert.deepEqual(codes(lint({ 'd/0001-x.md': '---\nowner: CTO\n---\n' }, 'd/0001-x.md')), []);
    assert.deepEqual(codes(lint({ 'd/0001-x.md': '---\nowner: head of engineering\n---\n' }, 'd/0001-x.md')), []);
    const [p] = lint({ 'd/0001-x.md': '---\nowner: cfo\n---\n' }, 'd/0001-x.md');
    assert.equal(p?.code, 'unknown-owner');
    assert.deepEqual(p?.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 10 } });
  });

  it('invalid-frontmatter and invalid-date surface the parser findings', () => {
    const problems = lint({ 'd/0001-x.md': '---\nowner: cto\ndate: 2021-13-01\nfoo: [\n---\n' }, 'd/0001-x.md');
    assert.deepEqual(codes(problems).sort(), ['invalid-date', 'invalid-frontmatter']);
    assert.equal(problems.find((p) => p.code === 'invalid-frontmatter')?.severity, 'error');
  });

  it('duplicate-number: on both files, with the next free number', () => {
    const files = { 'd/0012-a.md': '---\nowner: cto\n---\n', 'd/0012-b.md': '---\nowner: cto\n---\n' };
    for (const file of Object.keys(files)) {
      const [p] = lint(files, file);
      assert.equal(p?.code, 'duplicate-number');
      assert.equal(p?.severity, 'error');
      assert.equal(p?.data?.nextNumber, 13);
      assert.match(p?.message ?? '', /\(next free: ADR-0013\)$/, 'the number told as an id');
    }
  });

  it('missing-owner and unknown-owner name ten roles of a long configuration and count the rest', () => {
    const config = defaultConfig();
    config.roles = Array.from({ length: 1200 }, (_, i) => ({ id: `r${i}`, label: `Role ${i}`, kind: 'other' }));
    const [missing] = lint({ 'd/0001-x.md': '---\nstatus: proposed\n---\n# X\n' }, 'd/0001-x.md', config);
    assert.match(missing?.message ?? '', /r9 \(Role 9, other\) and 1,190 more$/);
    assert.deepEqual(codes(lint({ 'd/0001-x.md': '---\nowner: role 1199\n---\n' }, 'd/0001-x.md', config)), []);
    const [unknown] = lint({ 'd/0001-x.md': '---\nowner: nobody\n---\n' }, 'd/0001-x.md', config);
    assert.match(unknown?.message ?? '', /'nobody' is not a configured role: use one of r0 \(Role 0, other\), .* and 1,190 more$/);
  });

  it('broken-relation: a relation naming no decision, at the relation', () => {
    const files = { 'd/0001-a.md': '---\nowner: cto\n---\n', 'd/0002-b.md': '---\nowner: cto\nsupersedes: [ADR-0001, ADR-0009]\n---\n' };
    const problems = lint(files, 'd/0002-b.md');
    assert.deepEqual(codes(problems), ['broken-relation']);
    assert.match(problems[0]?.message ?? '', /ADR-0009/);
    assert.equal(problems[0]?.range.start.line, 2);
  });

  it('severities come from the configuration, and off silences a rule', () => {
    const { config } = readConfig('rules:\n  missing-owner: error\n  broken-relation: off\n');
    const problems = lint({ 'd/0001-x.md': '---\nsupersedes: ADR-0042\n---\n' }, 'd/0001-x.md', config);
    assert.deepEqual(problems.map((p) => [p.code, p.severity]), [['missing-owner', 'error']]);
  });

  it('a team with one merged role or renamed roles needs no code change', () => {
    const { config } = readConfig('roles:\n  - id: founder\n    label: Founder\n    kind: strategy and execution\n');
    assert.deepEqual(codes(lint({ 'd/0001-x.md': '---\nowner: Founder\n---\n' }, 'd/0001-x.md', config)), []);
    assert.deepEqual(codes(lint({ 'd/0001-x.md': '---\nowner: cto\n---\n' }, 'd/0001-x.md', config)), ['unknown-owner']);
  });
});

describe('groupByRole', () => {
  it('puts the unowned first, unknown owners next to them, then every role (even empty)', () => {
    const decisions = ['---\nowner: cto\n---\n', '---\n---\n', '---\nowner: HOE\n---\n', '---\nowner: cfo\n---\n'].map((t, i) => parseDecision(`d/000${i + 1}-x.md`, t));
    const roles = [...defaultConfig().roles, { id: 'hop', label: 'Head of Product', kind: 'strategy' }];
    const groups = groupByRole(decisions, roles);
    assert.deepEqual(
      groups.map((g) => [g.label, g.decisions.map((d) => d.id)]),
      [
        ['Unowned', ['ADR-0002']],
        ['Owner names no configured role', ['ADR-0004']],
        ['CTO (strategy)', ['ADR-0001']],
        ['Head of Engineering (execution)', ['ADR-0003']],
        ['Head of Product (strategy)', []],
      ],
    );
  });
});

describe('groupByStatus and matchesFilter', () => {
  it('groups by status in lifecycle order, unknown statuses after, no status last', () => {
    const decisions = ['accepted', 'on hold', '', 'proposed', 'accepted'].map((s, i) => parseDecision(`d/000${i + 1}-x.md`, s ? `---\nstatus: ${s}\n---\n# Title ${i}\n` : '# Untitled\n'));
    assert.deepEqual(
      groupByStatus(decisions).map((g) => [g.label, g.decisions.length]),
      [['Proposed', 1], ['Accepted', 2], ['On hold', 1], ['No status', 1]],
    );
  });

  it('filters on id, title, owner and status, ignoring case', () => {
    const d = parseDecision('d/0007-x.md', '---\nstatus: accepted\nowner: cto\n---\n# Send events through Segment\n');
    for (const text of ['adr-0007', 'SEGMENT', 'cto', 'accept', '']) assert.ok(matchesFilter(d, text), text);
    assert.equal(matchesFilter(d, 'kafka'), false);
  });
});
