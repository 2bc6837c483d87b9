// `npm run bench:editor [-- --sizes 1000,10000] [--runs N]`: the extension in the same real VS Code
// (code-server) the integration tests run in, on the demo and on generated corpora. Per workspace:
// a fresh profile, a cold window load (no persisted index), then a reload (warm) that also switches
// 1,000 files on disk. The figures are the extension's own (its startup timings through its API,
// read by bench/editor/probe.ts), next to the CLI's whole-process cold index of the same files in
// the same run. A benchmark, not a test: it prints a table and writes bench/results-editor.json.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser } from '../../scripts/harness/browser.mjs';
import { onCleanup, runCleanups } from '../../scripts/harness/cleanup.mjs';
import { ensureHarness } from '../../scripts/harness/install.mjs';
import { log } from '../../scripts/harness/log.mjs';
import { demoWorkspace, repoRoot } from '../../scripts/harness/paths.mjs';
import { createRunFolder } from '../../scripts/harness/runFolder.mjs';
import { freePort, startCodeServer } from '../../scripts/harness/server.mjs';

const RESULTS_ENV = 'ADR_ROLES_BENCH_EDITOR_RESULTS';
const LOAD_TIMEOUT_MS = 5 * 60_000;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const sizes = option('--sizes', '1000,10000').split(',').map(Number).filter((n) => n > 0);
const cliRuns = Number(option('--runs', '3'));
const resultsPath = join(repoRoot, 'bench', 'results-editor.json');

/** The production extension (as packaged) in a folder of its own, the probe, and the CLI. */
async function build(out) {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', conditions: ['production'], logLevel: 'warning', legalComments: 'none' };
  const extensionDir = join(out, 'extension');
  mkdirSync(join(extensionDir, 'dist'), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(extensionDir, 'package.json'));
  cpSync(join(repoRoot, 'media'), join(extensionDir, 'media'), { recursive: true });
  await Promise.all([
    esbuild.build({ ...common, minify: true, entryPoints: [join(repoRoot, 'src/vscode/extension.ts')], outfile: join(extensionDir, 'dist', 'extension.js'), external: ['vscode'] }),
    esbuild.build({ ...common, minify: true, entryPoints: [join(repoRoot, 'src/cli/main.ts')], outfile: join(out, 'cli.js'), define: { PACKAGE_VERSION: '"bench"' } }),
    esbuild.build({ ...common, entryPoints: [join(repoRoot, 'bench/editor/probe.ts')], outfile: join(out, 'probe.js'), external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: [join(repoRoot, 'bench/editor/support.ts')], outfile: join(out, 'support.js') }),
  ]);
  return { extensionDir, cli: join(out, 'cli.js'), probe: join(out, 'probe.js'), support: createRequire(import.meta.url)(join(out, 'support.js')) };
}

/** One workspace: a fresh profile, a cold window load, then a reload (warm, with the branch switch). */
async function measureInEditor(harness, built, label, fillWorkspace) {
  const runFolder = createRunFolder(`bench-editor-${label}`);
  const resources = [];
  const release = async () => {
    while (resources.length > 0) await resources.pop()();
  };
  const unregister = onCleanup(async () => {
    await release();
    runFolder.remove();
  });
  try {
    const workspace = join(runFolder.root, 'workspace');
    fillWorkspace(workspace);
    const resultsFile = join(runFolder.root, 'probe-results.jsonl');
    const server = await startCodeServer(harness, runFolder, {
      port: await freePort(),
      extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
      env: { [RESULTS_ENV]: resultsFile },
    });
    resources.push(() => server.stop());
    const { browser, page } = await openBrowser(runFolder);
    resources.push(() => browser.close());
    let loadEnded;
    await page.exposeFunction('codeAutomationExit', (code) => loadEnded?.(code));
    const remote = (path) => `vscode-remote://${new URL(server.origin).host}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(built.extensionDir)],
      ['extensionTestsPath', remote(built.probe)],
    ];
    const loads = [];
    for (const phase of ['cold', 'warm']) {
      const ended = new Promise((resolvePromise, reject) => {
        loadEnded = resolvePromise;
        setTimeout(() => reject(new Error(`${label} ${phase}: the window did not finish within ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS).unref();
      });
      const navigatedAt = Date.now();
      log(`${label}: ${phase} window load`);
      if (phase === 'cold') await page.goto(server.urlFor(workspace, { payload: JSON.stringify(payload) }));
      else await page.reload();
      const code = await ended;
      const lines = readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean);
      if (code !== 0 || lines.length !== loads.length + 1) throw new Error(`${label} ${phase}: the probe failed (exit code ${code}); see ${server.logFile}`);
      const record = JSON.parse(lines.at(-1));
      loads.push({ ...record, workbenchToActivationMs: record.activatedAt - navigatedAt });
    }
    return loads;
  } finally {
    await release();
    unregister();
    runFolder.remove();
  }
}

function corpusWorkspace(support, count) {
  const corpus = support.ensureCorpus(count);
  return (workspace) => cpSync(corpus, join(workspace, 'docs', 'decisions'), { recursive: true });
}

const round = (ms) => (ms === undefined ? undefined : Math.round(ms));
const ratio = (ms, base) => (ms === undefined || !base ? undefined : Math.round((ms / base) * 100) / 100);

/** One workspace's figures, each as a time, a ratio to the CLI's cold index and its excess over the demo's. */
function summarise(label, loads, cli, demo) {
  const [cold, warm] = loads;
  const row = (phase, load) => {
    const figures = {
      indexedMs: load.indexedMs,
      viewPopulatedMs: load.viewPopulatedMs,
      diagnosticsPublishedMs: load.diagnosticsPublishedMs,
      shownFromCacheMs: load.shownFromCacheMs,
    };
    const demoLoad = demo?.[phase === 'cold' ? 0 : 1];
    return {
      phase,
      decisions: load.decisions,
      hostUptimeMs: load.hostUptimeMs,
      workbenchToActivationMs: load.workbenchToActivationMs,
      ...figures,
      reused: load.reused,
      read: load.read,
      heapUsedMB: load.heapUsedMB,
      viewVsCliLint: ratio(load.viewPopulatedMs, cli?.lintMs),
      diagnosticsVsCliLint: ratio(load.diagnosticsPublishedMs, cli?.lintMs),
      viewOverDemoMs: demoLoad ? round(load.viewPopulatedMs - demoLoad.viewPopulatedMs) : undefined,
    };
  };
  const branchSwitch = warm.branchSwitch ? { ...warm.branchSwitch, vsCliLint: ratio(warm.branchSwitch.appliedMs, cli?.lintMs) } : undefined;
  return { label, cli, cold: row('cold', cold), warm: row('warm', warm), branchSwitch };
}

function printTables(results) {
  const cell = (v, width = 9) => String(v ?? '–').padStart(width);
  console.log('\nIn the real VS Code (code-server), ms after activate(); ×CLI = ratio to `adr-roles lint --format json` whole-process on the same files:\n');
  console.log(`${'workspace'.padEnd(12)}${'load'.padEnd(6)}${cell('cached')}${cell('indexed')}${cell('view')}${cell('diags')}${cell('view×CLI')}${cell('diag×CLI')}${cell('view−demo')}${cell('heap MB')}${cell('host→act')}`);
  for (const r of results) {
    for (const load of [r.cold, r.warm]) {
      console.log(`${r.label.padEnd(12)}${load.phase.padEnd(6)}${cell(load.shownFromCacheMs)}${cell(load.indexedMs)}${cell(load.viewPopulatedMs)}${cell(load.diagnosticsPublishedMs)}${cell(load.viewVsCliLint)}${cell(load.diagnosticsVsCliLint)}${cell(load.viewOverDemoMs)}${cell(load.heapUsedMB)}${cell(load.hostUptimeMs)}`);
    }
  }
  console.log('\nBranch switch (files rewritten on disk, warm window) until the index and the diagnostics hold every one:\n');
  console.log(`${'workspace'.padEnd(12)}${cell('files')}${cell('write')}${cell('applied')}${cell('×CLI')}${cell('batches', 12)}${cell('heap MB')}`);
  for (const r of results) {
    const s = r.branchSwitch;
    if (s) console.log(`${r.label.padEnd(12)}${cell(s.files)}${cell(s.writeMs)}${cell(s.appliedMs)}${cell(s.vsCliLint)}${cell(s.batches.map((b) => b.files).join('+'), 12)}${cell(s.heapUsedMB)}`);
  }
  console.log('\nCLI in the same run, whole process (floor: a fresh Node process reading every file with readFileSync):\n');
  console.log(`${'workspace'.padEnd(12)}${cell('floor')}${cell('lint')}${cell('lint×fl')}${cell('list')}${cell('list×fl')}${cell('RSS MB')}`);
  for (const r of results) {
    const c = r.cli;
    if (c) console.log(`${r.label.padEnd(12)}${cell(round(c.floorMs))}${cell(round(c.lintMs))}${cell(ratio(c.lintMs, c.floorMs))}${cell(round(c.listMs))}${cell(ratio(c.listMs, c.floorMs))}${cell(round(c.lintPeakRssMB))}`);
  }
}

async function main() {
  const harness = await ensureHarness();
  const out = mkdtempSync(join(tmpdir(), 'adr-roles-bench-editor-build-'));
  onCleanup(async () => rmSync(out, { recursive: true, force: true }));
  const built = await build(out);
  const workspaces = [
    { label: 'demo', fill: (workspace) => cpSync(demoWorkspace, workspace, { recursive: true }), cliDir: join(demoWorkspace, 'docs', 'decisions') },
    ...sizes.map((count) => ({ label: `${count / 1000}k`, fill: corpusWorkspace(built.support, count), cliDir: built.support.ensureCorpus(count) })),
  ];
  const results = [];
  let demoLoads;
  for (const { label, fill, cliDir } of workspaces) {
    log(`${label}: CLI figures (${cliRuns} runs each)`);
    const cli = built.support.processFigures(built.cli, cliDir, cliRuns);
    const loads = await measureInEditor(harness, built, label, fill);
    if (label === 'demo') demoLoads = loads;
    results.push(summarise(label, loads, cli, demoLoads));
  }
  printTables(results);
  writeFileSync(resultsPath, `${JSON.stringify({ measuredAt: new Date().toISOString(), results }, null, 2)}\n`);
  console.log(`\nJSON: ${resultsPath}`);
}

try {
  await main();
} catch (error) {
  console.error(error?.stack ?? String(error));
  process.exitCode = 1;
} finally {
  await runCleanups();
}
