import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, runCli } from './helpers';

const run = runCli;

describe('adr-roles CLI', () => {
  let repo: string;
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'adr-roles-cli-'));
    mkdirSync(join(repo, 'docs', 'decisions'), { recursive: true });
    writeFileSync(join(repo, 'docs/decisions/0001-buy-analytics.md'), '---\nstatus: accepted\ndate: 2021-03-01\nowner: cto\n---\n# Buy analytics\n');
    writeFileSync(join(repo, 'docs/decisions/0002-graphql-events.md'), '---\nstatus: overridden\nowner: hoe\noverridden-by: ADR-0003\n---\n# GraphQL events\n');
    writeFileSync(
      join(repo, 'docs/decisions/0003-segment-events.md'),
      '---\nstatus: accepted\nowner: cto\noverrides: ADR-0002\ntrigger: new-resource\n---\n# Segment events\n',
    );
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('list --json discovers the folder and prints one object per decision', () => {
    const { code, stdout } = run(['list', '--json'], repo);
    assert.equal(code, 0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    assert.deepEqual(
      rows.map((r) => [r.file, r.id, r.number, r.title, r.status, r.owner, r.overrides, r.overriddenBy, r.trigger]),
      [
        ['docs/decisions/0001-buy-analytics.md', 'ADR-0001', 1, 'Buy analytics', 'accepted', 'cto', [], [], null],
        ['docs/decisions/0002-graphql-events.md', 'ADR-0002', 2, 'GraphQL events', 'overridden', 'hoe', [], ['ADR-0003'], null],
        ['docs/decisions/0003-segment-events.md', 'ADR-0003', 3, 'Segment events', 'accepted', 'cto', ['ADR-0002'], [], 'new-resource'],
      ],
    );
    for (const key of ['date', 'supersedes', 'supersededBy']) assert.ok(key in (rows[0] ?? {}), key);
  });

  it('list prints a readable table for a named folder', () => {
    const { code, stdout } = run(['list', 'nygard'], FIXTURES);
    assert.equal(code, 0);
    assert.match(stdout, /^ID\s+STATUS\s+OWNER\s+DATE\s+TITLE/);
    assert.match(stdout, /ADR-0002\s+superseded\s+no owner\s+2016-02-12\s+Implement as shell scripts\s+superseded by ADR-0004/);
    assert.match(stdout, /4 decisions\n$/);
  });

  it('list shows each folder apart, and --json gives the resolved role and the folder', () => {
    const { stdout } = run(['list', 'madr2', 'nygard'], FIXTURES);
    assert.match(stdout, /\nmadr2\/\nADR-0001 .*\n.*\n.*\nnygard\/\nADR-0001 /);
    assert.match(stdout, /7 decisions in 2 folders\n$/);
    const [row] = JSON.parse(run(['list', 'custom', '--json'], FIXTURES).stdout) as Record<string, unknown>[];
    assert.deepEqual([row?.owner, row?.role, row?.folder], ['vp-product', null, 'custom']);
    const rows = JSON.parse(run(['list', 'custom', '--json'], FIXTURES).stdout) as Record<string, unknown>[];
    assert.deepEqual(rows.find((r) => r.id === 'ADR-0012')?.role, 'hoe', "'Head of Engineering' is the hoe role");
  });

  it('lint exits 0 when only warnings are found', () => {
    const { code, stdout } = run(['lint', 'nygard'], FIXTURES);
    assert.equal(code, 0);
    assert.match(stdout, /nygard\/0001-record-architecture-decisions.md\n {2}1:1 +warning +ADR-0001 has no owner/);
  });

  it('lint exits 1 on errors and reports file, line, column, code, severity and message as JSON', () => {
    const { code, stdout, stderr } = run(['lint', 'odd', '--format', 'json'], FIXTURES);
    assert.equal(code, 1);
    assert.equal(stderr, '');
    const problems = JSON.parse(stdout) as { file: string; line: number; column: number; code: string; severity: string }[];
    const yaml = problems.find((p) => p.file === 'odd/0004-broken-yaml.md' && p.code === 'invalid-frontmatter');
    assert.ok(yaml && yaml.severity === 'error' && yaml.line >= 4, JSON.stringify(yaml));
    assert.ok(problems.some((p) => p.file === 'odd/0003-javascript-frontmatter.md' && p.code === 'invalid-frontmatter' && p.line === 1 && p.column === 1));
  });

  it('exits 2 with one line on usage errors and unreadable paths, never a stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command 'frobnicate'/],
      [['list', '--bogus'], /unknown option '--bogus'/],
      [['lint', '--format', 'xml', 'nygard'], /unknown format 'xml'/],
      [['lint', '--json', 'nygard'], /--json is not an option of lint: lint takes --format json/],
      [['list', '--format', 'json', 'nygard'], /--format is not an option of list: list takes --json/],
      [['list', 'no/such/folder'], /cannot read folder 'no\/such\/folder'/],
      [['list', 'nygard/0001-record-architecture-decisions.md'], /is a file: name the folder that holds it/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr, stdout } = run(args, FIXTURES);
      assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
      assert.equal(stdout, '');
      assert.match(stderr, /^adr-roles: .+\n$/);
      assert.match(stderr, message);
    }
    const bare = run([], FIXTURES);
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /Usage:/, 'usage goes to stderr when it answers a mistake');
  });

  it('index writes the table into the README, --check passes when current and fails when stale', () => {
    const readme = join(repo, 'docs/decisions/README.md');
    writeFileSync(readme, '# Decisions\n\nKept as written.\n');
    assert.equal(run(['index', '--check'], repo).code, 1, 'stale before the first run');
    const first = run(['index'], repo);
    assert.equal(first.code, 0);
    assert.equal(first.stdout, 'docs/decisions/README.md: updated\n');
    const text = readFileSync(readme, 'utf8');
    assert.match(text, /^# Decisions\n\nKept as written\.\n\n<!-- adr-roles:index:start -->\n/);
    assert.match(text, /\| 3 \| \[Segment events\]\(0003-segment-events\.md\) \| CTO \(strategy\) \| accepted \| — \| \[ADR-0002\]\(0002-graphql-events\.md\) \|/);
    const check = run(['index', '--check'], repo);
    assert.deepEqual([check.code, check.stdout], [0, 'docs/decisions/README.md: up to date\n']);
    assert.equal(run(['list', '--json'], repo).stdout.includes('README'), false, 'the README is not a decision');
    rmSync(readme);
  });

  it('--version and --help', () => {
    assert.match(run(['--version'], repo).stdout, /^\d+\.\d+\.\d+\n$/);
    const help = run(['--help'], repo);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /adr-roles list/);
  });
});
