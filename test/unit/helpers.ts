import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DirectoryEntry, FileSystem } from '../../src/core/workspace/fileSystem';
import type { Decision } from '../../src/core/model';
import { parseDecision } from '../../src/core/read/parse';

export const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures');
export const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');

export function fixtureText(relative: string): string {
  return readFileSync(join(FIXTURES, relative), 'utf8');
}

/** Parses a fixture under the same relative path the CLI would show. */
export function parseFixture(relative: string): Decision {
  return parseDecision(relative, fixtureText(relative));
}

export function fixtureFiles(folder: string): string[] {
  return readdirSync(join(FIXTURES, folder)).sort().map((name) => `${folder}/${name}`);
}

/** An in-memory FileSystem: paths to texts; folders are implied by the paths. */
export function memoryFileSystem(files: Record<string, string>): FileSystem {
  return {
    readText: (path) => Promise.resolve(Object.hasOwn(files, path) ? files[path] : undefined),
    list(path) {
      const prefix = path === '.' ? '' : `${path}/`;
      const entries = new Map<string, DirectoryEntry>();
      for (const file of Object.keys(files)) {
        if (!file.startsWith(prefix)) continue;
        const [name, ...rest] = file.slice(prefix.length).split('/');
        if (name) entries.set(name, { name, kind: rest.length > 0 ? 'directory' : 'file' });
      }
      return Promise.resolve(entries.size > 0 ? [...entries.values()] : undefined);
    },
  };
}

/** Runs the built CLI (dist/cli.js) as a user would, in `cwd`. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  // The tests' own GitHub checkout, when they run in Actions, is not the one a test sets up.
  const inherited = { ...process.env };
  delete inherited['GITHUB_WORKSPACE'];
  // Output of large logs runs to megabytes: more than spawnSync keeps by default (1 MB).
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...inherited, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What a linked file system holds besides files: links (path → target path) and special files (pipes, devices). */
export interface LinkedTree {
  files: Record<string, string>;
  links?: Record<string, string>;
  /** Devices and pipes: reading one never returns, as /dev/stdin on an open pipe. */
  others?: string[];
}

/**
 * An in-memory FileSystem with symbolic links and special files, as a disk has them: `kind`
 * does not follow a link at the last step, everything else follows links. Every read is
 * recorded in `reads`, so a test can show a refused path was never opened.
 */
export function linkedFileSystem(tree: LinkedTree): FileSystem & { reads: string[] } {
  const links = tree.links ?? {};
  const others = new Set(tree.others ?? []);
  const norm = (path: string): string => path.split('/').filter((p) => p !== '' && p !== '.').join('/');
  /** The path with every link resolved, its last step too unless `followLast` is false. */
  const resolve = (path: string, followLast = true): string => {
    let parts = norm(path).split('/').filter(Boolean);
    for (let hops = 0; hops < 40; hops++) {
      const at = parts.findIndex((_, i) => (i < parts.length - 1 || followLast) && parts.slice(0, i + 1).join('/') in links);
      if (at === -1) return parts.join('/');
      const target = links[parts.slice(0, at + 1).join('/')] ?? '';
      parts = [...norm(target).split('/').filter(Boolean), ...parts.slice(at + 1)];
    }
    return parts.join('/');
  };
  const isDirectory = (path: string): boolean => path === '' || [...Object.keys(tree.files), ...Object.keys(links), ...others].some((p) => p.startsWith(`${path}/`));
  const kindAt = (path: string) => {
    if (path in links) return 'link' as const;
    if (others.has(path)) return 'other' as const;
    if (path in tree.files) return 'file' as const;
    return isDirectory(path) ? ('directory' as const) : undefined;
  };
  const reads: string[] = [];
  return {
    reads,
    readText(path, options) {
      reads.push(path);
      const real = resolve(path);
      if (others.has(real)) return new Promise<string | undefined>(() => undefined);
      const text = tree.files[real];
      if (text === undefined || (options?.maxBytes !== undefined && (path in links || new TextEncoder().encode(text).length > options.maxBytes))) return Promise.resolve(undefined);
      return Promise.resolve(text);
    },
    list(path) {
      const real = resolve(path);
      if (!isDirectory(real)) return Promise.resolve(undefined);
      const prefix = real === '' ? '' : `${real}/`;
      const entries = new Map<string, DirectoryEntry>();
      for (const p of [...Object.keys(tree.files), ...Object.keys(links), ...others]) {
        if (!p.startsWith(prefix)) continue;
        const name = p.slice(prefix.length).split('/')[0] ?? '';
        const kind = kindAt(prefix + name);
        // As the real adapters do: links and special files are not listed.
        if (kind === 'file' || kind === 'directory') entries.set(name, { name, kind });
      }
      return Promise.resolve([...entries.values()]);
    },
    stat(path) {
      const text = tree.files[resolve(path)];
      return Promise.resolve(text === undefined ? undefined : { size: new TextEncoder().encode(text).length, mtime: 0 });
    },
    kind(path) {
      const parent = resolve(norm(path), false);
      return Promise.resolve(kindAt(parent));
    },
    realPath(path) {
      const real = resolve(path);
      return Promise.resolve(kindAt(real) === undefined ? undefined : `/${real}`);
    },
  };
}
