// `npm test`: the unit tests, the integration suites inside a real VS Code, and the UI test that
// drives the workbench through Chromium. Each runner prints `label: N passed, N failed`; the last
// line is the total over all runners. Exits non-zero if a test failed or a runner could not run.
//
//   npm test                      all runners
//   npm test -- integration ui    only those runners
//   ADR_ROLES_VSCODE=electron     integration suites in desktop VS Code (@vscode/test-electron)
//   ADR_ROLES_VSIX=path.vsix      UI test on that package instead of packaging this clone
import { join } from 'node:path';
import { runCleanups } from './harness/cleanup.mjs';
import { run, runCapturing } from './harness/exec.mjs';
import { ensureHarness, ensurePeerTools } from './harness/install.mjs';
import { runIntegrationInCodeServer } from './harness/integration.mjs';
import { log } from './harness/log.mjs';
import { repoRoot } from './harness/paths.mjs';
import { didNotRun, formatCounts, parseSummaryLine, reportLines, summaryLine } from './harness/results.mjs';

const RUNNERS = ['unit', 'integration', 'ui'];
const selected = process.argv.slice(2).length > 0 ? process.argv.slice(2) : RUNNERS;
const unknown = selected.filter((name) => !RUNNERS.includes(name));
if (unknown.length > 0) {
  console.error(`unknown runner(s): ${unknown.join(', ')}; choose from ${RUNNERS.join(', ')}`);
  process.exit(2);
}
const vscodeFlavour = process.env.ADR_ROLES_VSCODE || 'code-server';
if (!['code-server', 'electron'].includes(vscodeFlavour)) {
  console.error(`ADR_ROLES_VSCODE must be code-server or electron, not ${vscodeFlavour}`);
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const mochaBin = join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const summaryReporter = join(repoRoot, 'scripts', 'summaryReporter.cjs');
const results = [];

/** Times a runner and turns an exception into a did-not-run result, so one broken runner never hides the others. */
async function runner(label, body) {
  const started = Date.now();
  log(`${label}: starting`);
  let result;
  try {
    result = await body();
  } catch (error) {
    result = didNotRun(label, error?.message ?? String(error));
  }
  log(`${label}: finished in ${Math.round((Date.now() - started) / 1000)} s`);
  results.push(result);
  return result;
}

/** A child runner that prints its own summary line; we only read it back (and report if it is missing). */
async function childRunner(label, command, args) {
  const { code, stdout } = await runCapturing(command, args, { cwd: repoRoot });
  const result = parseSummaryLine(label, stdout);
  if (!result) {
    const missing = didNotRun(label, `it exited with code ${code} without a summary line`);
    printResult(missing);
    return missing;
  }
  if (code !== 0 && result.failed === 0) {
    // Tests passed but the process still failed (an error after the run): count it.
    console.log(`${label} runner exited with code ${code} although no test failed`);
    return { ...result, failed: 1 };
  }
  return result;
}

function printResult(result) {
  for (const line of reportLines(result)) console.log(line);
  console.log(summaryLine(result));
}

async function main() {
  const started = Date.now();
  let built = true;
  try {
    log('building the extension and the test bundles (node esbuild.mjs --tests)');
    await run(process.execPath, ['esbuild.mjs', '--tests'], { cwd: repoRoot });
  } catch (error) {
    built = false;
    log(`build failed: ${error.message}`);
  }

  if (selected.includes('unit')) {
    // A missing tool is reported by the tests that need it, with the command that installs it.
    await ensurePeerTools().catch((error) => log(`adr-tools and git could not be installed: ${error.message}`));
    await runner('unit', () => (built ? childRunner('unit', npm, ['run', '--silent', 'test:unit']) : printed(didNotRun('unit', 'the build failed'))));
  }

  // code-server and Chromium are installed on first use, into a cache outside the clone.
  let harness = null;
  let harnessError = null;
  const needsHarness = selected.includes('ui') || (selected.includes('integration') && vscodeFlavour === 'code-server');
  if (needsHarness) {
    try {
      harness = await ensureHarness();
    } catch (error) {
      harnessError = `the real VS Code could not be installed: ${error.message}`;
      log(harnessError);
    }
  }

  if (selected.includes('integration')) {
    const result = await runner('integration', async () => {
      if (!built) return didNotRun('integration', 'the build failed');
      if (vscodeFlavour === 'electron') {
        const { runIntegrationInElectron } = await import('./harness/runElectron.mjs');
        return runIntegrationInElectron();
      }
      return harness ? runIntegrationInCodeServer(harness) : didNotRun('integration', harnessError);
    });
    printResult(result);
  }

  if (selected.includes('ui')) {
    await runner('ui', async () => {
      if (!harness) return printed(didNotRun('ui', harnessError));
      if (process.env.ADR_ROLES_VSIX) {
        log(`ui: testing the given package ${process.env.ADR_ROLES_VSIX}`);
      } else {
        try {
          log('packaging the extension (npm run package -> dist/adr-roles.vsix)');
          await run(npm, ['run', '--silent', 'package'], { cwd: repoRoot });
        } catch (error) {
          return printed(didNotRun('ui', `packaging failed: ${error.message}`));
        }
      }
      return childRunner('ui', process.execPath, [
        mochaBin,
        '--reporter', summaryReporter,
        '--reporter-option', 'label=ui',
        'test/ui/**/*.ui.mjs',
      ]);
    });
  }

  const total = results.reduce(
    (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, pending: sum.pending + r.pending }),
    { passed: 0, failed: 0, pending: 0 },
  );
  log(`all runners finished in ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(formatCounts(total));
  process.exitCode = total.failed > 0 || !built ? 1 : 0;
}

function printed(result) {
  printResult(result);
  return result;
}

try {
  await main();
} finally {
  await runCleanups();
}
