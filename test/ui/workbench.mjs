// A code-server workbench in headless Chromium, set up the way a user would have it: the packaged
// extension installed, a copy of the demo workspace open. Shared by the UI specs.
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser } from '../../scripts/harness/browser.mjs';
import { onCleanup } from '../../scripts/harness/cleanup.mjs';
import { ensureHarness } from '../../scripts/harness/install.mjs';
import { log } from '../../scripts/harness/log.mjs';
import { demoWorkspace, testOutputDir, vsixPath } from '../../scripts/harness/paths.mjs';
import { createRunFolder } from '../../scripts/harness/runFolder.mjs';
import { recordErrorNotifications } from './page.mjs';
import { freePort, installExtension, startCodeServer } from '../../scripts/harness/server.mjs';

export const UI_OUTPUT_DIR = join(testOutputDir, 'ui');
/** Generous: the first workbench load on 2 cores compiles a lot of JavaScript. */
export const UI_TIMEOUT_MS = 60_000;

/** Starts code-server with the extension installed and the demo open; `close()` tears it all down. */
export async function openWorkbench({ vsix = process.env.ADR_ROLES_VSIX || vsixPath } = {}) {
  resetScreenshots();
  const harness = await ensureHarness();
  const runFolder = createRunFolder('ui');
  const teardown = [];
  // One teardown, however many callers (the after hook and a Ctrl+C) ask for it at once.
  let closing = null;
  const close = () => {
    closing ??= (async () => {
      while (teardown.length > 0) await teardown.pop()();
    })();
    return closing;
  };
  const unregister = onCleanup(close);
  teardown.push(async () => runFolder.remove());
  let page = null;
  try {
    const workspace = runFolder.copyWorkspace(demoWorkspace);
    await installExtension(harness, runFolder, vsix);
    const server = await startCodeServer(harness, runFolder, { port: await freePort() });
    teardown.push(async () => {
      await server.stop();
      // The server log is the first thing to read when a UI test fails; the run folder is deleted.
      cpSync(server.logFile, join(UI_OUTPUT_DIR, 'code-server.log'));
    });
    const opened = await openBrowser(runFolder);
    const browser = opened.browser;
    page = opened.page;
    teardown.push(async () => {
      await browser.close();
      log('closed Chromium');
    });
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    await recordErrorNotifications(page);
    log(`opening the workbench on ${workspace}`);
    await page.goto(server.urlFor(workspace));
    await page.locator('.monaco-workbench .part.statusbar').waitFor();
    return {
      page,
      workspace,
      async screenshot(name) {
        const path = join(UI_OUTPUT_DIR, `${name}.png`);
        await page.screenshot({ path });
        log(`screenshot: ${path}`);
        return path;
      },
      async close() {
        unregister();
        await close();
      },
    };
  } catch (error) {
    await page?.screenshot({ path: join(UI_OUTPUT_DIR, 'failed-startup.png') }).catch(() => {});
    unregister();
    await close();
    throw error;
  }
}

/** Old pictures would be mistaken for this run's. */
function resetScreenshots() {
  mkdirSync(UI_OUTPUT_DIR, { recursive: true });
  for (const name of readdirSync(UI_OUTPUT_DIR)) {
    if (name.endsWith('.png') || name.endsWith('.log')) rmSync(join(UI_OUTPUT_DIR, name));
  }
}
