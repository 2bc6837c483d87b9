// `npm run bench [-- --json]`: bundles bench/bench.ts the way the tests are bundled (production
// conditions), builds the minified extension and CLI into a temp folder (dist/ is left as the tests
// expect it), then runs the bench with --expose-gc so heap figures are measured after collection.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkChunks, chunkBuilds, lazyChunksPlugin } from '../scripts/lazyChunks.mjs';

const out = mkdtempSync(join(tmpdir(), 'adr-roles-bench-build-'));
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', conditions: ['production'], logLevel: 'warning', legalComments: 'none' };
try {
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['bench/bench.ts'], outfile: join(out, 'bench.js') }),
    // The same options as `node esbuild.mjs --production`.
    esbuild.build({ ...common, minify: true, entryPoints: ['src/vscode/extension.ts'], outfile: join(out, 'extension.js'), external: ['vscode'], plugins: [lazyChunksPlugin()] }),
    ...chunkBuilds({ ...common, minify: true }, out).map((options) => esbuild.build(options)),
    esbuild.build({ ...common, minify: true, entryPoints: ['src/cli/main.ts'], outfile: join(out, 'cli.js'), define: { PACKAGE_VERSION: '"bench"' } }),
  ]);
  checkChunks(out);
  const run = spawnSync(process.execPath, ['--expose-gc', join(out, 'bench.js'), '--bundles', out, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
