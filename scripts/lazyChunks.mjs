// Parts of the extension that most sessions never run, or run only after activation, are bundled
// on their own and loaded with require() when first called: the extension host then reads and
// compiles a smaller dist/extension.js at every start. esbuild.mjs and bench/run.mjs build with this.
//
// In dist/extension.js each chunk's module is replaced by a stub that exports the same functions;
// the first call to any of them requires the chunk (synchronously, from the extension's own folder)
// and forwards to it. The source is unchanged: the CLI and the tests bundle the real modules.
// An import of a name a stub does not export fails the build, so the lists below cannot go stale.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/** The folder of the chunks, beside dist/extension.js (listed in .vscodeignore). */
export const CHUNK_DIR = 'lazy';

export const LAZY_CHUNKS = [
  {
    // The full YAML parser: only for frontmatter and configuration files that the plain
    // `key: value` reader (src/core/read/simpleYaml.ts) leaves to it. 112 KB minified.
    name: 'yaml',
    filter: /^yaml$/,
    matches: (args) => args.path === 'yaml',
    contents: "export { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';",
    exports: ['isAlias', 'isMap', 'isPair', 'isScalar', 'isSeq', 'parseDocument'],
  },
  {
    // The CommonMark parser (micromark) that reads an open decision document, never on the
    // indexing path. 82 KB minified.
    name: 'markdownTree',
    filter: /(^|\/)markdownTree$/,
    matches: (args) => resolve(args.resolveDir, args.path) === resolve('src/core/read/markdownTree'),
    contents: "export { treeStructure } from './src/core/read/markdownTree';",
    exports: ['treeStructure'],
  },
];

/** The stub that stands for a chunk in the main bundle. */
function stubSource(chunk) {
  const lines = [
    '/* Loaded on first use: see scripts/lazyChunks.mjs. */',
    'let loaded;',
    `const chunk = () => (loaded ??= require(${JSON.stringify(`./${CHUNK_DIR}/${chunk.name}.js`)}));`,
  ];
  for (const name of chunk.exports) lines.push(`export function ${name}(...args) { return chunk().${name}(...args); }`);
  return lines.join('\n');
}

/** Replaces each chunk's module with its stub, and leaves the require of the chunk to Node. */
export function lazyChunksPlugin() {
  return {
    name: 'lazy-chunks',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^\\./${CHUNK_DIR}/`) }, (args) => (args.namespace === 'lazy-chunk' ? { path: args.path, external: true } : undefined));
      for (const chunk of LAZY_CHUNKS) {
        build.onResolve({ filter: chunk.filter }, (args) => (args.namespace !== 'lazy-chunk' && chunk.matches(args) ? { path: chunk.name, namespace: 'lazy-chunk' } : undefined));
      }
      build.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => {
        const chunk = LAZY_CHUNKS.find((c) => c.name === args.path);
        return { contents: stubSource(chunk), loader: 'js', resolveDir: process.cwd() };
      });
    },
  };
}

/** esbuild options for the chunks, written to `${outdir}/lazy/NAME.js`. */
export function chunkBuilds(common, outdir) {
  return LAZY_CHUNKS.map((chunk) => ({
    ...common,
    stdin: { contents: chunk.contents, resolveDir: process.cwd(), sourcefile: `${chunk.name}-chunk.ts`, loader: 'ts' },
    outfile: join(outdir, CHUNK_DIR, `${chunk.name}.js`),
  }));
}

/** Throws unless every chunk under `outdir` loads and exports the functions its stub forwards to. */
export function checkChunks(outdir) {
  const load = createRequire(resolve(outdir, 'extension.js'));
  for (const chunk of LAZY_CHUNKS) {
    const path = `./${CHUNK_DIR}/${chunk.name}.js`;
    const module = load(path);
    const missing = chunk.exports.filter((name) => typeof module[name] !== 'function');
    if (missing.length > 0) throw new Error(`${join(outdir, path)} does not export ${missing.join(', ')}`);
  }
}
