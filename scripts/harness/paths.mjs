// Where the harness keeps things. The real VS Code (code-server) and its Node live in a cache
// outside the clone, keyed by version, so a fresh clone reuses them and `git clean` never
// throws away a 600 MB install.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const demoWorkspace = join(repoRoot, 'examples', 'demo');
export const vsixPath = join(repoRoot, 'dist', 'adr-roles.vsix');
export const integrationBundle = join(repoRoot, 'out', 'test', 'integration', 'index.js');
export const testOutputDir = join(repoRoot, 'test-output');

export function harnessCacheRoot() {
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheHome, 'adr-roles-harness');
}

export function harnessInstallDir() {
  return join(harnessCacheRoot(), `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
}
