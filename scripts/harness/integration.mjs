// Runs the integration suites (out/test/integration/index.js) inside code-server's real
// extension host. The workbench only honours test payloads with the smoke-test driver enabled;
// when the suites end it calls window.codeAutomationExit(code), which Playwright exposes to us.
import { createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { openBrowser } from './browser.mjs';
import { onCleanup } from './cleanup.mjs';
import { log } from './log.mjs';
import { demoWorkspace, integrationBundle, repoRoot } from './paths.mjs';
import { didNotRun, readResultsFile } from './results.mjs';
import { createRunFolder } from './runFolder.mjs';
import { freePort, startCodeServer } from './server.mjs';

const LABEL = 'integration';
/** Read by test/integration/index.ts (RESULTS_FILE_ENV); the extension host inherits the server's environment. */
const RESULTS_FILE_ENV = 'ADR_ROLES_TEST_RESULTS';
/** Passed through to test/integration/index.ts: only tests whose full title matches run. */
const GREP_ENV = 'ADR_ROLES_TEST_GREP';
const SUITE_TIMEOUT_MS = 10 * 60_000;

/**
 * Runs the suites in code-server and returns their counts (or a did-not-run result).
 * `extensionDir` is the extension under test, loaded in development mode (default: this repository).
 */
export async function runIntegrationInCodeServer(harness, { extensionDir = repoRoot } = {}) {
  if (!existsSync(integrationBundle)) return didNotRun(LABEL, `${integrationBundle} is missing: run node esbuild.mjs --tests`);
  const runFolder = createRunFolder(LABEL);
  const resources = [];
  // One teardown, however many callers (the finally below and a Ctrl+C) ask for it at once.
  let releasing = null;
  const release = () => {
    releasing ??= (async () => {
      while (resources.length > 0) await resources.pop()();
    })();
    return releasing;
  };
  // Interrupted (Ctrl+C): stop everything and leave nothing behind.
  const unregister = onCleanup(async () => {
    await release();
    runFolder.remove();
  });
  const resultsFile = join(runFolder.root, 'results.json');
  const consoleLog = join(runFolder.logsDir, 'workbench-console.log');
  let result;
  try {
    const workspace = runFolder.copyWorkspace(demoWorkspace);
    const server = await startCodeServer(harness, runFolder, {
      port: await freePort(),
      extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
      env: { [RESULTS_FILE_ENV]: resultsFile, ...(process.env[GREP_ENV] ? { [GREP_ENV]: process.env[GREP_ENV] } : {}) },
    });
    resources.push(() => server.stop());
    // The console log closes after the browser (teardown runs in reverse), once pending lines are written.
    const consoleStream = createWriteStream(consoleLog);
    let consoleOrder = Promise.resolve();
    const writeConsole = (line) => {
      consoleOrder = consoleOrder.then(async () => consoleStream.write(`${await line}\n`)).catch(() => {});
    };
    resources.push(() => consoleOrder.then(() => new Promise((done) => consoleStream.end(done))));
    const { browser, page } = await openBrowser(runFolder);
    resources.push(() => browser.close());
    page.on('console', (message) => writeConsole(consoleText(message).then((text) => `[${message.type()}] ${text}`)));
    page.on('pageerror', (error) => writeConsole(`[pageerror] ${error.stack ?? error}`));

    let reportExit;
    const exitCode = new Promise((resolvePromise) => (reportExit = resolvePromise));
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));

    const remote = (path) => `vscode-remote://${new URL(server.origin).host}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionDir)],
      ['extensionTestsPath', remote(integrationBundle)],
    ];
    log(`running integration suites in code-server (workbench console: ${consoleLog})`);
    const started = Date.now();
    // A workspace file, not the bare folder: the suites add and remove folders at run time, which a
    // single-folder window can only do by reloading (and so ending the run).
    const workspaceFile = join(runFolder.root, 'integration.code-workspace');
    writeFileSync(workspaceFile, `${JSON.stringify({ folders: [{ path: workspace }] }, null, 2)}\n`);
    await page.goto(server.urlFor(workspaceFile, { payload: JSON.stringify(payload) }));
    const code = await Promise.race([exitCode, deadline(SUITE_TIMEOUT_MS)]);
    log(`integration suites ended with exit code ${code} after ${Math.round((Date.now() - started) / 1000)} s`);

    result =
      readResultsFile(LABEL, resultsFile) ??
      didNotRun(LABEL, `the suites wrote no results (exit code ${code}); see ${consoleLog} and ${server.logFile}`);
    if (code !== 0 && result.failed === 0) {
      result = didNotRun(LABEL, `the workbench reported exit code ${code} although no test failed; see ${consoleLog}`);
    }
  } catch (error) {
    result = didNotRun(LABEL, error?.message ?? String(error));
  } finally {
    await release();
    unregister();
  }
  if (result.failed === 0) runFolder.remove();
  else log(`kept the run folder for inspection: ${runFolder.root}`);
  return result;
}

function deadline(ms) {
  return new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`the integration suites did not finish within ${ms / 60_000} minutes`)), ms).unref(),
  );
}

/**
 * The workbench logs printf-style: `'%c INFO', 'color: …', '%d passing (%s)', 8, '563ms'`.
 * Format the workbench's own prefix, then the logged message with its arguments.
 */
async function consoleText(message) {
  try {
    const values = await Promise.all(message.args().map((arg) => arg.jsonValue()));
    const [prefix, ...rest] = values;
    if (typeof prefix !== 'string') return format(...values);
    const prefixArgCount = (prefix.match(/%[sdifjoOc]/g) ?? []).length;
    const logged = rest.slice(prefixArgCount);
    const head = format(prefix, ...rest.slice(0, prefixArgCount));
    return logged.length > 0 ? `${head} ${format(...logged)}` : head;
  } catch {
    return message.text(); // the page navigated away and its arguments are gone
  }
}
