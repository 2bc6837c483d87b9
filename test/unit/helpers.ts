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
    readText: (path) => Promise.resolve(files[path]),
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
export function runCli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  // Output of large logs runs to megabytes: more than spawnSync keeps by default (1 MB).
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
