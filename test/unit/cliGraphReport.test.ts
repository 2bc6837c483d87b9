import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers';

const run = runCli;

describe('adr-roles graph and report', () => {
  let repo: string;
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'adr-roles-insights-'));
    mkdirSync(join(repo, 'docs', 'decisions'), { recursive: true });
    writeFileSync(join(repo, 'docs/decisions/0001-graphql-events.md'), '---\nstatus: overridden\ndate: 2021-04-06\nowner: hoe\noverridden-by: ADR-0002\n---\n# GraphQL "events"\n');
    writeFileSync(
      join(repo, 'docs/decisions/0002-segment-events.md'),
      '---\nstatus: accepted\ndate: 2021-08-10\nowner: cto\noverrides: ADR-0001\ntrigger: new-resource\ntrigger-detail: Data team hired\n---\n# Segment events\n',
    );
    writeFileSync(join(repo, 'docs/decisions/0003-managed-postgres.md'), '---\nstatus: accepted\nowner: cto\nelevated-from: hoe\nelevated-on: 2021-05-24\n---\n# Managed Postgres\n');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('graph prints Mermaid by default, with paths relative to the current directory', () => {
    const { code, stdout, stderr } = run(['graph'], repo);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^flowchart TB\n/);
    assert.match(stdout, /\n {2}n0\["ADR-0001: GraphQL #34;events#34;<br\/>Head of Engineering \(execution\) · overridden · 2021-04-06"\]\n/);
    assert.match(stdout, /\n {2}n1 ==>\|"overrides \(new resource: Data team hired\)"\| n0\n/);
    assert.match(stdout, /\n {2}r3 -.->\|"elevated 2021-05-24"\| n2\n/);
  });

  it('graph --format dot prints Graphviz, linking each node to its file', () => {
    const { code, stdout } = run(['graph', 'docs/decisions', '--format', 'dot'], repo);
    assert.equal(code, 0);
    assert.match(stdout, /^digraph decisions \{\n/);
    assert.match(stdout, /label="ADR-0001: GraphQL \\"events\\"\\nHead of Engineering \(execution\) · overridden · 2021-04-06"/);
    assert.match(stdout, /URL="docs\/decisions\/0002-segment-events.md"/);
  });

  it('report prints the figures as text, and as JSON with --json', () => {
    const text = run(['report'], repo);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^Ownership of 3 decisions in docs\/decisions\n/);
    assert.match(text.stdout, /\nExecution decisions later overridden: 1 of 1 \(100%\)\n/);
    const json = run(['report', '--json'], repo);
    assert.equal(json.code, 0);
    const report = JSON.parse(json.stdout) as { total: number; overrides: { periods: unknown[] }; elevated: { decision: { path: string } }[] };
    assert.equal(report.total, 3);
    assert.deepEqual(report.overrides.periods, [{ period: '2021-Q3', newResource: 1, newRequirement: 0, other: 0 }]);
    assert.equal(report.elevated[0]?.decision.path, 'docs/decisions/0003-managed-postgres.md');
  });

  it('report and index cut a 100,000-character title as summary does; report --json keeps it whole', () => {
    const long = mkdtempSync(join(tmpdir(), 'adr-roles-long-title-'));
    try {
      mkdirSync(join(long, 'docs', 'decisions'), { recursive: true });
      const title = 'Long '.repeat(20_000).trimEnd();
      writeFileSync(join(long, 'docs/decisions/0001-long.md'), `---\nstatus: accepted\nowner: cto\nelevated-from: hoe\nelevated-on: 2021-05-24\n---\n# ${title}\n`);
      const cut = `${title.slice(0, 299).trimEnd()}…`;
      const report = run(['report'], long);
      assert.equal(report.code, 0, report.stderr);
      assert.ok(report.stdout.includes(`ADR-0001  ${cut}`), 'the elevation lists the cut title');
      assert.ok(Math.max(...report.stdout.split('\n').map((l) => l.length)) < 400);
      const json = JSON.parse(run(['report', '--json'], long).stdout) as { elevated: { decision: { title: string } }[] };
      assert.equal(json.elevated[0]?.decision.title, title);
      assert.equal(run(['index'], long).code, 0);
      const readme = readFileSync(join(long, 'docs/decisions/README.md'), 'utf8');
      assert.ok(readme.includes(`[${cut}](0001-long.md)`), 'the index cell holds the cut title');
      assert.ok(Math.max(...readme.split('\n').map((l) => l.length)) < 400);
      assert.match(run(['index', '--check'], long).stdout, /up to date/, 'indexing again changes nothing');
    } finally {
      rmSync(long, { recursive: true, force: true });
    }
  });

  it('refuses unknown formats and options of other commands with exit 2 and one line', () => {
    const cases: [string[], RegExp][] = [
      [['graph', '--format', 'svg'], /unknown format 'svg': use mermaid or dot/],
      [['graph', '--format'], /--format needs a value: mermaid or dot/],
      [['graph', '--json'], /--json is not an option of graph: graph takes --format mermaid or dot/],
      [['report', '--format', 'json'], /--format is not an option of report: report takes --json/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = run(args, repo);
      assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
      assert.equal(stdout, '');
      assert.match(stderr, /^adr-roles: .+\n$/);
      assert.match(stderr, message);
    }
    assert.match(run(['--help'], repo).stdout, /adr-roles graph \[DIR\.\.\.\] \[--format mermaid\|dot\][^\n]*\n {2}adr-roles report \[DIR\.\.\.\] \[--json\]/);
  });
});
