import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers';
import { parseDecision } from '../../src/core/read/parse';
import { findReferences } from '../../src/core/workspace/references';
import { DecisionLog } from '../../src/core/workspace/catalog';
import { defaultConfig } from '../../src/core/workspace/config';
import { lintDecision } from '../../src/core/rules/lint';
import { allNodes, chainsOf } from '../../src/core/views/chains';
import type { Decision } from '../../src/core/model';
import { backstageProblems } from '../../src/core/rules/profiles';
import { buildGraph } from '../../src/core/views/graph';
import { renderGraph } from '../../src/core/views/graphFormats';
import { buildReport } from '../../src/core/views/report';
import { reportText } from '../../src/core/views/reportText';
import { renderIndexTable } from '../../src/core/views/indexTable';
import { groupByRole, groupByStatus, reviewGroups } from '../../src/core/views/grouping';
import { summarize } from '../../src/core/views/summary';
import { stylish, type FileProblem } from '../../src/core/views/lintFormats';
import { endsWithBareKey } from '../../src/core/edit/decisionEdits';
import { planRenumber } from '../../src/core/edit/renumber';
import { HOSTILE_SHAPES } from './hostileShapes';
import { CODEOWNERS_END, CODEOWNERS_START } from '../../src/core/review/codeownersBlock';
import { shadowedFiles } from '../../src/core/review/codeownersPlan';

/**
 * Work that grows with the input, not faster: each shape is timed at size n and 8n. Linear work
 * takes ~8× as long, quadratic ~64×; the bound of 24 leaves room for a loaded machine's noise.
 */
const MAX_RATIO = 24;

/** Milliseconds per call: repeated until 30 ms have passed, so a fast call is not lost in the clock's grain. */
function perCall(run: () => unknown): number {
  const started = performance.now();
  let calls = 0;
  do {
    run();
    calls++;
  } while (performance.now() - started < 30);
  return (performance.now() - started) / calls;
}

/** The median of three timings, after one warm-up call. */
function timeOf(run: () => unknown): number {
  run();
  const times = [perCall(run), perCall(run), perCall(run)].sort((a, b) => a - b);
  return times[1]!;
}

/** Measured twice when over the bound: another process's burst does not repeat, quadratic work does. */
function assertLinear(name: string, small: () => unknown, large: () => unknown): void {
  let ratio = timeOf(large) / timeOf(small);
  if (ratio >= MAX_RATIO) ratio = timeOf(large) / timeOf(small);
  assert.ok(ratio < MAX_RATIO, `${name}: 8× the input took ${ratio.toFixed(1)}× as long`);
}

function logOf(decisions: readonly Decision[]): DecisionLog {
  const log = new DecisionLog('d');
  for (const decision of decisions) log.upsert(decision);
  return log;
}

/** Lints every decision of a fresh log, so nothing computed for an earlier run is reused. */
function lintAll(decisions: readonly Decision[]): number {
  const log = logOf(decisions);
  let count = 0;
  for (const decision of log.decisions()) count += lintDecision(decision, log, defaultConfig()).length;
  return count;
}

/** The files of the log shape whose name starts so, at size n. */
function filesOf(prefix: string, n: number): Record<string, string> {
  const shape = HOSTILE_SHAPES.find((s) => s.name.startsWith(prefix));
  assert.ok(shape?.kind === 'log', prefix);
  return shape.files(n);
}

function readAll(files: Record<string, string>): Decision[] {
  return Object.entries(files).map(([file, text]) => parseDecision(file, text));
}

describe('work stays linear in the input', function () {
  this.timeout(60_000);

  for (const shape of HOSTILE_SHAPES.filter((s) => s.kind === 'text')) {
    it(`${shape.name}: parse`, () => {
      const [small, large] = [shape.text(shape.n), shape.text(8 * shape.n)];
      const options = shape.markdown === 'tree' ? { markdown: 'tree' as const } : {};
      assertLinear(shape.name, () => parseDecision('d/0001-a.md', small, options), () => parseDecision('d/0001-a.md', large, options));
    });
  }

  for (const shape of HOSTILE_SHAPES.filter((s) => s.kind === 'references')) {
    it(`${shape.name}: reference scan`, () => {
      const [small, large] = [shape.text(shape.n), shape.text(8 * shape.n)];
      assertLinear(shape.name, () => findReferences(small), () => findReferences(large));
    });
  }

  for (const shape of HOSTILE_SHAPES.filter((s) => s.kind === 'log')) {
    it(`${shape.name}: lint over the log`, () => {
      const [small, large] = [readAll(shape.files(shape.n)), readAll(shape.files(8 * shape.n))];
      assertLinear(shape.name, () => lintAll(small), () => lintAll(large));
    });
  }

  for (const shape of HOSTILE_SHAPES.filter((s) => s.kind === 'log')) {
    it(`${shape.name}: chains, graph, report, index table, groups, list and lint output`, () => {
      const [small, large] = [logOf(readAll(shape.files(shape.n))), logOf(readAll(shape.files(8 * shape.n)))];
      const roles = defaultConfig().roles;
      const views: [string, (log: DecisionLog) => unknown][] = [
        ['chains', (log) => allNodes(chainsOf(log)).length],
        ['graph', (log) => renderGraph(buildGraph([log], roles), 'mermaid')],
        ['report', (log) => reportText(buildReport([log], roles, { review: { today: '2030-01-01', policyOf: () => ({ afterMonths: 12, statuses: ['accepted', 'proposed', ''] }) } }))],
        ['index table', (log) => renderIndexTable(log, roles)],
        ['groups', (log) => [groupByStatus(log.decisions()), groupByRole(log.decisions(), roles), reviewGroups(log.decisions(), () => ({ afterMonths: 1, statuses: ['accepted'] }), '2030-01-01')]],
        ['list', (log) => log.decisions().map((d) => summarize(d, log))],
        ['stylish', (log) => stylish(log.decisions().flatMap((d) => lintDecision(d, log, defaultConfig()).map((p) => ({ ...p, file: 'one.md' }))), false)],
      ];
      // All views in one timing: each is linear alone, and the sum would show any one that is not.
      const all = (log: DecisionLog): unknown => views.map(([, run]) => run(log));
      assertLinear(`${views.map(([view]) => view).join(', ')} of ${shape.name}`, () => all(small), () => all(large));
    });
  }

  it('stylish lint output for one file of many broken relations', () => {
    const shape = HOSTILE_SHAPES.find((s) => s.name.startsWith('broken relations'));
    assert.ok(shape?.kind === 'text');
    const problems = (n: number): FileProblem[] => {
      const log = logOf(readAll({ 'd/0001-x.md': shape.text(n) }));
      return lintDecision(log.decisions()[0]!, log, defaultConfig()).map((p) => ({ ...p, file: 'd/0001-x.md' }));
    };
    const [small, large] = [problems(2_000), problems(16_000)];
    assertLinear('stylish', () => stylish(small, false), () => stylish(large, false));
  });

  it('Backstage profile of list items with blanks before a lone \\r', () => {
    const text = (n: number): string => `# 1. T\n\n* Status: accepted\n-${' '.repeat(n)}\rx\n`;
    const decision = parseDecision('d/0001-t.md', text(1));
    assertLinear('Backstage', () => backstageProblems(decision, text(4000)), () => backstageProblems(decision, text(32_000)));
  });

  it('a frontmatter key line of `:#` repeated before a lone \\r', () => {
    assertLinear('endsWithBareKey', () => endsWithBareKey(`${':#'.repeat(20_000)}\r`), () => endsWithBareKey(`${':#'.repeat(160_000)}\r`));
  });

  it('renumbering a decision whose heading is a long run of zeros', () => {
    const plan = (n: number): (() => unknown) => {
      const texts = [{ path: 'd/0001-a.md', text: `# ${'0'.repeat(n)}x\n\n* Owner: cto\n` }];
      const log = logOf(readAll({ [texts[0]!.path]: texts[0]!.text }));
      return () => planRenumber({ log, decision: log.decisions()[0]!, newNumber: 2, files: texts });
    };
    assertLinear('planRenumber', plan(5000), plan(40_000));
  });

  it('missing-owner and unknown-owner messages with 1,200 configured roles', () => {
    const config = defaultConfig();
    config.roles = Array.from({ length: 1200 }, (_, i) => ({ id: `r${i}`, label: `Role ${i}`, kind: 'other' }));
    const lint = (n: number): (() => number) => {
      const log = logOf(readAll(Object.fromEntries(Array.from({ length: n }, (_, i) => [`d/${String(i + 1).padStart(5, '0')}-x.md`, `---\nowner: ${i % 2 ? 'nobody' : ''}\n---\n# X\n`]))));
      return () => log.decisions().reduce((total, d) => total + lintDecision(d, log, config).reduce((n, p) => n + p.message.length, 0), 0);
    };
    const [small, large] = [lint(100), lint(800)];
    assertLinear('owner rules', small, large);
    assert.ok(large() < 8 * 100 * 400, `${large()} characters of messages for 800 decisions`);
  });

  it('a log where each pair of decisions supersedes both of the next pair: chains', () => {
    const log = (n: number): DecisionLog => logOf(readAll(filesOf('pairs', n)));
    const [small, large] = [log(10), log(80)];
    const nodes = allNodes(chainsOf(large));
    assert.equal(nodes.filter((n) => !n.reference).length, large.size, 'each decision once with its chain');
    assert.ok(nodes.length <= large.size + large.decisions().reduce((n, d) => n + d.relations.length, 0), 'and each relation at most once as a reference');
    assertLinear('pairs', () => chainsOf(small), () => chainsOf(large));
  });

  it('CODEOWNERS rules of hundreds of stars after the block, against long decision paths', () => {
    // 60 rules of `*a` × k that never match (no path has a `b`), and decisions named with 2k `a`s:
    // every star can cover every run of `a`s, so the matcher's table is full.
    const input = (k: number): { text: string; paths: string[] } => ({
      text: [CODEOWNERS_START, CODEOWNERS_END, ...Array.from({ length: 60 }, (_, i) => `${'*a'.repeat(k)}*b${i} @evil`)].join('\n'),
      paths: Array.from({ length: 10 }, (_, i) => `docs/decisions/${String(i + 1).padStart(4, '0')}-${'a'.repeat(2 * k)}.md`),
    });
    const [small, large] = [input(50), input(400)];
    const check = ({ text, paths }: { text: string; paths: string[] }) => () => shadowedFiles(text, paths, 1);
    assertLinear('shadowed files', check(small), check(large));
    assert.deepEqual(check(small)(), { shadowed: [], unchecked: [] }, 'the small one is checked in full');
    assert.ok(check(large)().unchecked.length > 0, 'the large one says what it left unchecked');
    // Rules that need more characters than a path has are passed over at once, however long.
    const literal = { text: [CODEOWNERS_START, CODEOWNERS_END, ...Array.from({ length: 60 }, (_, i) => `${'*a'.repeat(2000)}${i} @evil`)].join('\n'), paths: input(100).paths };
    assert.deepEqual(check(literal)(), { shadowed: [], unchecked: [] });
  });

  it('duplicate-number messages grow with the log, not with its square', () => {
    const size = (n: number): number => {
      const log = logOf(readAll(filesOf('files sharing', n)));
      return JSON.stringify(log.decisions().flatMap((d) => lintDecision(d, log, defaultConfig()))).length;
    };
    const ratio = size(800) / size(100);
    assert.ok(ratio < 9, `8× the files gave ${ratio.toFixed(1)}× the output`);
  });

  it('a supersedes chain of 10,000 is linted without exhausting the stack, a loop of 10,000 named in a few ids', () => {
    const log = logOf(readAll(filesOf('a supersedes chain', 10_000)));
    assert.deepEqual(lintDecision(log.decisions()[9_999]!, log, defaultConfig()).filter((p) => p.code === 'relation-cycle'), []);
    const ringLog = logOf(readAll(filesOf('a loop', 10_000)));
    const [problem] = lintDecision(ringLog.decisions()[0]!, ringLog, defaultConfig()).filter((p) => p.code === 'relation-cycle');
    assert.match(problem?.message ?? '', /^The override\/supersede chain loops: ADR-0001 → ADR-0002 → .* → … → ADR-0001 \(10,000 decisions\)/);
    assert.ok((problem?.message.length ?? 0) < 300);
  });
});

describe('the CLI on large logs', function () {
  this.timeout(120_000);
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'adr-roles-large-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function write(files: Record<string, string>): string {
    const folder = join(root, 'docs', 'decisions');
    mkdirSync(folder, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file.replace(/^d\//, '')), text);
    return folder;
  }

  it('lints a supersedes chain of 10,000 decisions, reporting and exiting as usual', () => {
    const folder = write(filesOf('a supersedes chain', 10_000));
    const { code, stdout, stderr } = runCli(['lint', folder, '--format', 'json'], root);
    assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr.slice(0, 500)}`);
    assert.ok(Array.isArray(JSON.parse(stdout)), 'JSON on stdout');
    assert.doesNotMatch(stderr, /call stack/i);
  });

  it('5,000 files sharing a number give less than 2 MB of JSON, each naming a few and counting the rest', () => {
    const folder = write(filesOf('files sharing', 5_000));
    const { code, stdout } = runCli(['lint', folder, '--format', 'json'], root);
    assert.equal(code, 1);
    assert.ok(stdout.length < 2 * 1024 * 1024, `${(stdout.length / 1024 / 1024).toFixed(1)} MB`);
    assert.match(stdout, /and 4,996 more/);
  });
});
