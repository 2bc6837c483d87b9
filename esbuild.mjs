// Bundles the extension, the CLI and the test suites.
// Production conditions matter: micromark/mdast resolve slower `development` builds otherwise.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkChunks, chunkBuilds, lazyChunksPlugin } from './scripts/lazyChunks.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = args.has('--tests') || watch;
// `--analyze`: print what each module adds to dist/extension.js and its chunks.
const analyze = args.has('--analyze');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  conditions: ['production'],
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

function filesUnder(dir, suffix) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found.sort();
}

const builds = [
  // The YAML parser and the CommonMark tree are chunks of their own, required when first used.
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [lazyChunksPlugin()] },
  ...chunkBuilds(common, 'dist'),
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, define: { PACKAGE_VERSION: JSON.stringify(version) } },
  // The webview panels run in the browser sandbox of a webview: one script each, no module loader.
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
    entryPoints: ['src/webview/graph.ts', 'src/webview/report.ts'],
    outdir: 'dist/webview',
  },
];

if (withTests) {
  // All unit tests in one bundle: remark and unified are ESM-only, so tests must not require them unbundled.
  builds.push({
    ...common,
    sourcemap: 'inline',
    minify: false,
    stdin: {
      contents: filesUnder('test/unit', '.test.ts').map((f) => `import './${f.replaceAll('\\', '/')}';`).join('\n'),
      resolveDir: '.',
      sourcefile: 'unit-tests.ts',
      loader: 'ts',
    },
    outfile: 'out/test/unit.js',
    external: ['mocha'],
  });
  if (existsSync('test/integration/index.ts')) builds.push({
    ...common,
    sourcemap: 'inline',
    minify: false,
    entryPoints: ['test/integration/index.ts'],
    outfile: 'out/test/integration/index.js',
    external: ['vscode', 'mocha'],
  });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build({ ...b, metafile: analyze })));
  checkChunks('dist');
  if (analyze) {
    for (const [i, build] of builds.entries()) {
      const file = build.outfile ?? '';
      if (file === 'dist/extension.js' || file.startsWith('dist/lazy/')) console.log(await esbuild.analyzeMetafile(results[i].metafile));
    }
  }
}
