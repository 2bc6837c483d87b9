import { readFile } from 'node:fs/promises';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import Module from 'node:module';
import { nodeFileSystem } from '../src/cli/nodeFileSystem';
import { Catalog } from '../src/core/workspace/catalog';
import { defaultConfig } from '../src/core/workspace/config';
import { mapBounded } from '../src/core/workspace/fileSystem';
import { deserializeIndex, serializeIndex, type CachedDecision } from '../src/core/workspace/indexCache';
import { lintDecision } from '../src/core/rules/lint';
import { parseDecision } from '../src/core/read/parse';
import { listDecisionFiles, loadFolders, loadFoldersCached } from '../src/core/workspace/load';
import { decisionText, ensureCorpus, fileName } from './corpus';
import { admit, HOSTILE_INPUTS } from './hostileInputs';
import { spawnSync } from 'node:child_process';
import { fakeVscode, vscodeApiNames } from './fakeVscode';
import { median, processFigures, type ProcessFigures } from './processFloor';

/** The index reads with this concurrency (src/core/workspace/load.ts); its read path is timed the same way. */
const READ_CONCURRENCY = 16;
const config = defaultConfig();

async function timeAsync(runs: number, body: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Median per call in ms, over `runs` batches of `inner` calls: sub-millisecond work needs batches to be measurable. */
function timeSync(runs: number, inner: number, body: (i: number) => unknown): number {
  const times: number[] = [];
  let k = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    for (let j = 0; j < inner; j++) body(k++);
    times.push((performance.now() - start) / inner);
  }
  return median(times);
}

/** The product's own read path alone: every file read through the CLI's file system, nothing parsed. */
async function readPath(dir: string): Promise<void> {
  const files = await listDecisionFiles(nodeFileSystem, dir);
  await mapBounded(files, READ_CONCURRENCY, (file) => nodeFileSystem.readText(file));
}

async function coldIndex(dir: string): Promise<Catalog> {
  const { catalog } = await loadFolders(nodeFileSystem, [dir]);
  lintAll(catalog);
  return catalog;
}

function lintAll(catalog: Catalog): number {
  let problems = 0;
  for (const log of catalog.folders()) for (const d of log.decisions()) problems += lintDecision(d, log, config).length;
  return problems;
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run the bench with node --expose-gc (npm run bench does)');
  collect();
  collect();
}

/** Loads the production bundle with a fake `vscode` and times activate()'s synchronous part. */
function activateTime(bundle: string, runs: number): number {
  // Module._load is where Node resolves every require: the one place to hand out a fake `vscode`.
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const load = Module.createRequire(__filename);
  const names = vscodeApiNames(readFileSync('node_modules/@types/vscode/index.d.ts', 'utf8'));
  const original = loader._load;
  loader._load = (request, parent, isMain) => (request === 'vscode' ? fakeVscode(names) : original(request, parent, isMain));
  // The background index starts after activate returns and talks to stubs: its failures are not the bench's.
  process.on('unhandledRejection', () => {});
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const resolved = load.resolve(bundle);
      delete load.cache[resolved];
      const extension = load(resolved) as { activate(context: unknown): unknown };
      const context = fakeVscode(['subscriptions', 'workspaceState', 'globalState', 'extensionUri', 'storageUri', 'globalStorageUri', 'logUri']);
      const start = performance.now();
      extension.activate(context);
      times.push(performance.now() - start);
    }
    return median(times);
  } finally {
    loader._load = original;
  }
}

/**
 * One hostile input, in this process alone so its peak memory is its own: the median time of three
 * admissions and the process's peak resident memory (Node itself, the text and the work).
 */
function hostileOne(index: number): void {
  const input = HOSTILE_INPUTS[index];
  if (!input) throw new Error(`no hostile input ${index}`);
  const text = input.text();
  gc();
  const times: number[] = [];
  let outcome = '';
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const admission = admit(input, text);
    times.push(performance.now() - started);
    outcome = 'skipped' in admission ? `skipped (${admission.skipped.problem.code})` : `read${admission.decision.parseProblems.length ? ` (${[...new Set(admission.decision.parseProblems.map((p) => p.code))].join(', ')})` : ''}`;
  }
  console.log(JSON.stringify({ name: input.name, ms: median(times), peakRssMB: process.resourceUsage().maxRSS / 1024, outcome }));
}

function hostileAll(): { name: string; ms: number; peakRssMB: number; outcome: string }[] {
  return HOSTILE_INPUTS.map((_, index) => {
    const child = spawnSync(process.execPath, ['--expose-gc', process.argv[1] ?? '', '--hostile-one', String(index)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`hostile input ${index} failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as { name: string; ms: number; peakRssMB: number; outcome: string };
  });
}

async function main(): Promise<void> {
  const one = process.argv.indexOf('--hostile-one');
  if (one !== -1) return hostileOne(Number(process.argv[one + 1]));
  const json = process.argv.includes('--json');
  const bundleDir = process.argv[process.argv.indexOf('--bundles') + 1] ?? '';
  const small = ensureCorpus(1000);
  const large = ensureCorpus(10000);
  await readPath(large); // warm the OS page cache: every figure below reads from memory
  await coldIndex(small); // and the JIT: the first thousand parses run unoptimised code

  const readPath1k = await timeAsync(7, () => readPath(small));
  const readPath10k = await timeAsync(5, () => readPath(large));
  const cold1k = await timeAsync(5, () => coldIndex(small));
  const cold10k = await timeAsync(3, () => coldIndex(large));

  // Warm start: the persisted cache is read, every file is stat'ed, and unchanged ones are taken from it.
  const first = await loadFoldersCached(nodeFileSystem, [large], new Map());
  const cacheText = serializeIndex(first.cache);
  const warm10k = await timeAsync(5, async () => {
    const cache = deserializeIndex(cacheText) ?? new Map<string, CachedDecision>();
    const { catalog, reused } = await loadFoldersCached(nodeFileSystem, [large], cache);
    if (reused !== 10000) throw new Error(`warm start reused ${reused} of 10000`);
    catalog.folders()[0]?.decisions();
  });

  // One file edited in a 10k catalog: parse it, update the catalog, lint it and the decisions it relates to.
  const catalog = await coldIndex(large);
  const log = catalog.folders()[0]!;
  const edited = 500; // overridden by ADR-0507: a decision with relations both ways
  const path = `${large}/${fileName(edited)}`;
  const original = await readFile(path, 'utf8');
  const variants = [original, original.replace('owner: hoe', 'owner: cto').replace('owner: cto\n', 'owner: hoe\n')];
  const incremental = timeSync(7, 200, (i) => {
    const decision = parseDecision(path, variants[i % 2] ?? original);
    catalog.upsert(decision);
    lintDecision(decision, log, config);
    for (const r of log.relationsOf(decision)) if (r.target) lintDecision(r.target, log, config);
  });

  // The open document: a full markdown tree and lint of that one decision, in its 10k folder.
  const text3k = decisionText(edited, 10000, 2300);
  const text200k = decisionText(edited, 10000, 200_000);
  const diagnose = (text: string) => () => {
    const decision = parseDecision(path, text, { markdown: 'tree' });
    catalog.upsert(decision);
    return lintDecision(decision, log, config);
  };
  const diag3k = timeSync(7, 100, diagnose(text3k));
  const diag200k = timeSync(5, 3, diagnose(text200k));
  catalog.upsert(parseDecision(path, original));

  const heapDelta = await heapOfCatalog(large);

  const activate = bundleDir ? activateTime(`${bundleDir}/extension.js`, 5) : NaN;
  const sizes = bundleDir
    ? {
        extension: statSync(`${bundleDir}/extension.js`).size,
        // The chunks dist/extension.js requires when first used (scripts/lazyChunks.mjs).
        lazy: readdirSync(`${bundleDir}/lazy`).filter((n) => n.endsWith('.js')).reduce((sum, n) => sum + statSync(`${bundleDir}/lazy/${n}`).size, 0),
        cli: statSync(`${bundleDir}/cli.js`).size,
      }
    : { extension: NaN, lazy: NaN, cli: NaN };

  const results = {
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length, platform: `${process.platform} ${process.arch}` },
    corpus: { small, large, decisions: [1000, 10000], bytes: [text3k.length, text200k.length] },
    readPathMs: { '1k': readPath1k, '10k': readPath10k },
    coldIndexMs: { '1k': cold1k, '10k': cold10k },
    coldToReadPath: { '1k': cold1k / readPath1k, '10k': cold10k / readPath10k },
    process: bundleDir ? { '1k': processFigures(`${bundleDir}/cli.js`, small, 5), '10k': processFigures(`${bundleDir}/cli.js`, large, 3) } : undefined,
    warmStart10kMs: warm10k,
    warmCacheBytes: cacheText.length,
    incrementalUpdateMs: incremental,
    diagnosticsMs: { '3KB': diag3k, '200KB': diag200k },
    activateMs: activate,
    bundleBytes: sizes,
    heap10kMB: heapDelta / 1024 / 1024,
    hostile: hostileAll(),
  };
  if (json) console.log(JSON.stringify(results, null, 2));
  else printTable(results);
}

/** Heap a 10k catalog keeps alive, after gc: measured with the catalog held, then dropped. */
async function heapOfCatalog(dir: string): Promise<number> {
  gc();
  const before = process.memoryUsage().heapUsed;
  let catalog: Catalog | undefined = (await loadFolders(nodeFileSystem, [dir])).catalog;
  catalog.decisions();
  gc();
  const after = process.memoryUsage().heapUsed;
  catalog = undefined;
  void catalog;
  return after - before;
}

function printTable(r: {
  readPathMs: Record<string, number>;
  coldIndexMs: Record<string, number>;
  coldToReadPath: Record<string, number>;
  process: Record<string, ProcessFigures> | undefined;
  warmStart10kMs: number;
  incrementalUpdateMs: number;
  diagnosticsMs: Record<string, number>;
  activateMs: number;
  bundleBytes: { extension: number; lazy: number; cli: number };
  heap10kMB: number;
  machine: { node: string; cpus: number };
  hostile: { name: string; ms: number; peakRssMB: number; outcome: string }[];
}): void {
  const ms = (n: number | undefined) => `${(n ?? NaN).toFixed(n !== undefined && n < 10 ? 3 : 1)} ms`;
  const rows: [string, string, string][] = [
    ['read path: read 1k files (in process)', ms(r.readPathMs['1k']), ''],
    ['read path: read 10k files (in process)', ms(r.readPathMs['10k']), ''],
    ['cold index 1k (in process)', ms(r.coldIndexMs['1k']), `${(r.coldToReadPath['1k'] ?? NaN).toFixed(2)}× read path`],
    ['cold index 10k (in process)', ms(r.coldIndexMs['10k']), `${(r.coldToReadPath['10k'] ?? NaN).toFixed(2)}× read path`],
    ['warm start 10k', ms(r.warmStart10kMs), 'target ≤ 200 ms'],
    ['incremental update (10k)', ms(r.incrementalUpdateMs), 'target ≤ 2 ms'],
    ['diagnostics, 3 KB', ms(r.diagnosticsMs['3KB']), 'target ≤ 1 ms'],
    ['diagnostics, 200 KB', ms(r.diagnosticsMs['200KB']), 'target ≤ 30 ms'],
    ['activate (synchronous)', ms(r.activateMs), 'target ≤ 20 ms'],
    ['dist/extension.js (minified)', `${(r.bundleBytes.extension / 1024).toFixed(0)} KB`, 'target ≤ 400 KB'],
    ['dist/lazy/*.js (minified, loaded on first use)', `${(r.bundleBytes.lazy / 1024).toFixed(0)} KB`, ''],
    ['dist/cli.js (minified)', `${(r.bundleBytes.cli / 1024).toFixed(0)} KB`, ''],
    ['heap, 10k catalog', `${r.heap10kMB.toFixed(1)} MB`, 'target ≤ 60 MB'],
  ];
  console.log(`adr-roles bench: medians, Node ${r.machine.node}, ${r.machine.cpus} cores\n`);
  console.log('| measure | median | |\n|---|---:|---|');
  for (const [name, value, note] of rows) console.log(`| ${name} | ${value} | ${note} |`);
  if (r.process) printProcessTable(r.process);
  console.log('\nHostile inputs (each in its own process; bound: 2 s and 300 MB peak):\n');
  console.log('| input | time | peak memory (process) | outcome |\n|---|---:|---:|---|');
  for (const h of r.hostile) console.log(`| ${h.name} | ${ms(h.ms)} | ${h.peakRssMB.toFixed(0)} MB | ${h.outcome} |`);
}

/** Whole-process figures against the floor: a fresh process that reads every file with `readFileSync`. */
function printProcessTable(figures: Record<string, ProcessFigures>): void {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log('\nWhole process, from spawn to exit (floor: a fresh Node process reading every file with readFileSync):\n');
  console.log('| decisions | floor | floor\'s read loop | `lint --format json` | `list --json` | lint peak memory |\n|---|---:|---:|---:|---:|---:|');
  for (const [size, f] of Object.entries(figures)) {
    const ratio = (n: number) => `${ms(n)} (${(n / f.floorMs).toFixed(1)}×)`;
    console.log(`| ${size} | ${ms(f.floorMs)} | ${ms(f.floorLoopMs)} | ${ratio(f.lintMs)} | ${ratio(f.listMs)} | ${f.lintPeakRssMB.toFixed(0)} MB |`);
  }
  console.log('\nTargets: lint within 3× the floor at 1k and 10k; peak memory under 200 MB at 10k.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
