// Starts and stops code-server (the real VS Code server and web workbench) for one run folder.
// It runs detached in its own process group: killing only its top process leaves file-watcher
// children behind, so stopping kills the whole group.
import { spawn } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { killGroup, trackProcessGroup } from './cleanup.mjs';
import { run } from './exec.mjs';
import { log } from './log.mjs';

const HOST = '127.0.0.1';
const QUIET_FLAGS = [
  '--disable-telemetry',
  '--disable-update-check',
  '--disable-getting-started-override',
  '--ignore-last-opened',
  '--disable-workspace-trust',
];

/** A port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolvePromise(port));
    });
  });
}

/** True when something already accepts connections on the port. */
export function isPortTaken(port) {
  return new Promise((resolvePromise) => {
    const probe = createServer();
    probe.once('error', () => resolvePromise(true));
    probe.listen(port, HOST, () => probe.close(() => resolvePromise(false)));
  });
}

function profileArgs(runFolder) {
  return ['--user-data-dir', runFolder.userDataDir, '--extensions-dir', runFolder.extensionsDir];
}

/** Installs a packaged extension into the run folder's extensions dir. */
export async function installExtension(harness, runFolder, vsix) {
  log(`installing ${vsix} into the run's extensions dir`);
  await run(harness.nodeBin, [harness.codeServerEntry, ...profileArgs(runFolder), '--install-extension', vsix], {
    env: runFolder.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * Starts code-server and waits until /healthz answers.
 * @param {object} options
 * @param {string[]} [options.extraArgs] e.g. the smoke-test-driver option for integration runs
 * @param {Record<string,string>} [options.env] extra environment for the server and its extension host
 */
export async function startCodeServer(harness, runFolder, { port, extraArgs = [], env = {}, readyTimeoutMs = 60_000 }) {
  const configFile = join(runFolder.root, 'code-server.yaml');
  writeFileSync(configFile, `bind-addr: ${HOST}:${port}\nauth: none\ncert: false\n`);
  const logFile = join(runFolder.logsDir, 'code-server.log');
  const output = openSync(logFile, 'a');
  const args = [harness.codeServerEntry, '--config', configFile, ...profileArgs(runFolder), ...QUIET_FLAGS, ...extraArgs];
  const child = spawn(harness.nodeBin, args, {
    detached: true,
    stdio: ['ignore', output, output],
    env: { ...runFolder.env, ...env },
  });
  closeSync(output); // the child has its own copy
  const untrack = trackProcessGroup(child.pid);
  let exited = null;
  const exitPromise = new Promise((resolvePromise) =>
    child.once('exit', (code, signal) => {
      exited = signal ?? code;
      resolvePromise();
    }),
  );
  const origin = `http://${HOST}:${port}`;
  const server = {
    port,
    origin,
    pid: child.pid,
    logFile,
    /** Resolves when the server's top process exits, however that happens. */
    exited: exitPromise,
    /** Set once stop() was called, to tell a requested stop from a crash. */
    stopRequested: false,
    /** The workbench URL with a folder open (slashes left readable: people copy this URL). */
    /** The workbench on a folder, or on a `.code-workspace` file (a multi-root workspace). */
    urlFor(folder, query = {}) {
      const extra = Object.keys(query).length > 0 ? `&${new URLSearchParams(query)}` : '';
      const kind = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
      return `${origin}/?${kind}=${encodeURIComponent(folder).replaceAll('%2F', '/')}${extra}`;
    },
    /** Terminates the whole process group; SIGKILL if it has not exited within a few seconds. */
    async stop() {
      server.stopRequested = true;
      const stopping = Date.now();
      if (exited === null) {
        killGroup(child.pid, 'SIGTERM');
        const exitedInTime = await exitsWithin(exitPromise, 5_000);
        if (!exitedInTime) log('code-server did not stop on SIGTERM; killing its process group');
      }
      // Children (file watchers, extension host) may outlive the top process: clear the group.
      killGroup(child.pid, 'SIGKILL');
      untrack();
      log(`stopped code-server in ${Date.now() - stopping} ms`);
    },
  };
  log(`starting code-server on ${origin} (log: ${logFile})`);
  try {
    await waitForHealthz(origin, readyTimeoutMs, () => exited);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitForHealthz(origin, timeoutMs, exitedWith) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitedWith() !== null) throw new Error(`code-server exited with ${exitedWith()} before it was ready`);
    if (await answersHealthz(origin)) return;
    await delay(200); // polling interval, not a wait for the result
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs / 1000} s`);
}

/** One GET on its own connection (agent: false), so no pooled keep-alive socket outlives the probe. */
function answersHealthz(origin) {
  return new Promise((resolvePromise) => {
    const request = httpGet(`${origin}/healthz`, { agent: false, timeout: 2_000 }, (response) => {
      response.resume();
      resolvePromise(response.statusCode === 200);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolvePromise(false));
  });
}

/** Whether the promise settles within `ms`; the timer is cleared so it cannot hold the process open. */
async function exitsWithin(promise, ms) {
  let timer;
  const timeout = new Promise((resolvePromise) => (timer = setTimeout(() => resolvePromise(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function delay(ms) {
  return new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
}
