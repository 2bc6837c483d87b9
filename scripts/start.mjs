// `npm start [-- FOLDER]`: the real VS Code (code-server) on 127.0.0.1 with the packaged
// extension installed and a folder open (default: a fresh copy of examples/demo). Prints the URL to open
// in a browser; Ctrl+C stops the server and everything it started. `PORT` sets the port (8080);
// `ADR_ROLES_VSIX=path.vsix` serves that package instead of packaging this clone.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { exitCleanlyOnSignals, onCleanup, runCleanups } from './harness/cleanup.mjs';
import { run } from './harness/exec.mjs';
import { ensureHarness } from './harness/install.mjs';
import { log } from './harness/log.mjs';
import { demoWorkspace, repoRoot, vsixPath } from './harness/paths.mjs';
import { createRunFolder } from './harness/runFolder.mjs';
import { installExtension, isPortTaken, startCodeServer } from './harness/server.mjs';

// The demo opens as a fresh copy, so trying it out never changes the files the tests rely on;
// a folder named on the command line opens in place.
const opensDemo = process.argv[2] === undefined;
const requested = resolve(process.argv[2] ?? demoWorkspace);
const port = Number(process.env.PORT || 8080);

if (!existsSync(requested) || !statSync(requested).isDirectory()) fail(`${requested} is not a folder`);
if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`PORT must be a port number, not ${process.env.PORT}`);
if (await isPortTaken(port)) fail(`port ${port} is already in use; choose another with PORT=…`);

exitCleanlyOnSignals();
try {
  await serve();
} finally {
  await runCleanups();
}

async function serve() {
  const vsix = process.env.ADR_ROLES_VSIX || vsixPath;
  if (!process.env.ADR_ROLES_VSIX) {
    log('packaging the extension (npm run package -> dist/adr-roles.vsix)');
    await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'package'], { cwd: repoRoot });
  }
  const harness = await ensureHarness();

  // The profile and extensions live in a fresh run folder, and so does the demo's copy.
  const runFolder = createRunFolder('start');
  onCleanup(async () => runFolder.remove());
  await installExtension(harness, runFolder, vsix);
  const folder = opensDemo ? runFolder.copyWorkspace(requested) : requested;
  const server = await startCodeServer(harness, runFolder, { port });
  onCleanup(() => server.stop());

  const note = opensDemo ? `\nThis is a copy of examples/demo; edits are discarded when you stop. (npm start -- examples/demo edits it in place.)\n` : '';
  console.log(`\nVS Code with adr-roles is running. Open in a browser:\n\n  ${server.urlFor(folder)}\n${note}\nPress Ctrl+C to stop.\n`);
  await server.exited;
  if (!server.stopRequested) {
    log(`code-server exited on its own; see ${server.logFile}`);
    process.exitCode = 1;
  }
}

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(2);
}
