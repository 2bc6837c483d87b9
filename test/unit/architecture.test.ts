import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/**
 * The core's folders from the bottom up: each may import only from itself and the ones before it.
 * `''` is the shared vocabulary at the top of src/core (model, problem codes).
 */
const CORE_LAYERS = ['', 'read', 'workspace', 'rules', 'edit', 'views', 'review', 'branch'];

function sourcesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...sourcesUnder(path));
    else if (name.endsWith('.ts')) found.push(path);
  }
  return found.sort();
}

/** The files `file` imports by relative path (types included: a type cycle is still a tangle). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\bfrom '(\.\.?\/[^']+)'/g)].map((m) => resolve(dirname(file), `${m[1] ?? ''}.ts`));
}

function layerOf(coreRoot: string, file: string): string {
  const parts = relative(coreRoot, file).split(/[\\/]/);
  return parts.length === 1 ? '' : (parts[0] ?? '');
}

/** A cycle in the import graph, as relative paths, or null. */
function findCycle(graph: Map<string, string[]>, base: string): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next].map((f) => relative(base, f));
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of graph.keys()) {
    if (state.has(file)) continue;
    const found = visit(file);
    if (found) return found;
  }
  return null;
}

describe('architecture', () => {
  const coreRoot = join(ROOT, 'src', 'core');
  const coreFiles = sourcesUnder(coreRoot);

  it('keeps src/core grouped: at most six files at its top, at most 20 in a folder, every folder a known layer', () => {
    const top = readdirSync(coreRoot).filter((name) => statSync(join(coreRoot, name)).isFile());
    assert.ok(top.length <= 6, `src/core has ${top.length} files at its top: ${top.join(', ')}; put a new capability in its folder`);
    const folders = readdirSync(coreRoot).filter((name) => statSync(join(coreRoot, name)).isDirectory());
    assert.deepEqual(folders.filter((f) => !CORE_LAYERS.includes(f)), [], 'a new core folder needs its place in CORE_LAYERS and docs/architecture.md');
    for (const folder of ['vscode', 'cli', 'git', 'webview', ...folders.map((f) => `core/${f}`)]) {
      const files = readdirSync(join(ROOT, 'src', folder)).filter((name) => name.endsWith('.ts'));
      assert.ok(files.length <= 20, `src/${folder} has ${files.length} files: split it by purpose`);
    }
  });

  it('imports in src/core only from its own layer or the layers below', () => {
    const against: string[] = [];
    for (const file of coreFiles) {
      const from = CORE_LAYERS.indexOf(layerOf(coreRoot, file));
      for (const target of importsOf(file)) {
        const to = CORE_LAYERS.indexOf(layerOf(coreRoot, target));
        if (to > from) against.push(`${relative(coreRoot, file)} → ${relative(coreRoot, target)}`);
      }
    }
    assert.deepEqual(against, []);
  });

  it('keeps src/core pure of the faces and src/git, and src/git shared: it imports only the core and Node, never vscode or a face', () => {
    const outside: string[] = [];
    for (const file of coreFiles) for (const target of importsOf(file)) if (!target.startsWith(`${coreRoot}/`)) outside.push(`${relative(ROOT, file)} → ${relative(ROOT, target)}`);
    const gitRoot = join(ROOT, 'src', 'git');
    for (const file of sourcesUnder(gitRoot)) {
      for (const target of importsOf(file)) if (!target.startsWith(`${coreRoot}/`) && !target.startsWith(`${gitRoot}/`)) outside.push(`${relative(ROOT, file)} → ${relative(ROOT, target)}`);
      if (/\bfrom 'vscode'/.test(readFileSync(file, 'utf8'))) outside.push(`${relative(ROOT, file)} → vscode`);
    }
    assert.deepEqual(outside, []);
  });

  it('has no import cycle in src', () => {
    const all = sourcesUnder(join(ROOT, 'src'));
    const graph = new Map(all.map((file) => [file, importsOf(file).filter((t) => all.includes(t))]));
    assert.equal(findCycle(graph, join(ROOT, 'src'))?.join(' → ') ?? null, null);
  });

  it('finds a cycle and an import against the layers when there is one', () => {
    // The checks above must be able to fail: a two-file cycle, and a rule importing an edit.
    const graph = new Map([
      ['/a.ts', ['/b.ts']],
      ['/b.ts', ['/a.ts']],
    ]);
    assert.deepEqual(findCycle(graph, '/'), ['a.ts', 'b.ts', 'a.ts']);
    assert.ok(CORE_LAYERS.indexOf(layerOf(coreRoot, join(coreRoot, 'edit', 'x.ts'))) > CORE_LAYERS.indexOf(layerOf(coreRoot, join(coreRoot, 'rules', 'y.ts'))));
  });
});
