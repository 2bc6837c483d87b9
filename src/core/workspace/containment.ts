import type { FileSystem, PathKind } from './fileSystem';
import { joinPath, normalizePath } from './paths';

/**
 * The one rule for every path a repository names (decision folders, templates, its configuration
 * files) and every file the product writes into it: the path is relative, stays inside the root,
 * no step of it from the root down is a symbolic link, and what it resolves to is inside the
 * root's real path. A cloned repository is not trusted: a link could point a read at
 * `/proc/self/environ` or `~/.ssh`, and a write anywhere on the machine.
 */

/** Configuration files and templates are read up to this size, and only when they are regular files. */
export const NAMED_FILE_MAX_BYTES = 256 * 1024;

/** Why a refused path cannot be used, as a phrase after its name: `Folder 'x' is a symbolic link`. */
export type Refusal = string;

export const OUTSIDE = 'is outside the repository';

/**
 * Judged on the text alone: a path outside the root whatever the disk holds. Absolute (`/x`, `\x`),
 * a drive (`C:/x`, `C:\x`, `C:x`), a network share (`\\server\share`, `//server/share`) or any `..`
 * step is refused, on every platform, since the repository may be opened on any of them.
 */
export function lexicalRefusal(relative: string): Refusal | undefined {
  if (relative.includes('\0')) return 'is not a path';
  if (/^[\\/]/.test(relative) || /^[A-Za-z]:/.test(relative)) return OUTSIDE;
  if (relative.split(/[\\/]/).includes('..')) return OUTSIDE;
  return undefined;
}

/** `path` relative to `root` when it is the root or below it, on the text alone; else undefined. */
export function relativeBelow(root: string, path: string): string | undefined {
  const base = normalizePath(root);
  const full = normalizePath(path);
  if (base === '.') return full.startsWith('/') || full === '..' || full.startsWith('../') || /^[A-Za-z]:/.test(full) ? undefined : full;
  if (full === base) return '.';
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return full.startsWith(prefix) ? full.slice(prefix.length) : undefined;
}

/** Whether a real path is the real root or below it; separators compared as `/`. */
export function isBelow(realPath: string, realRoot: string): boolean {
  const path = realPath.replaceAll('\\', '/');
  const root = realRoot.replaceAll('\\', '/').replace(/\/+$/, '');
  return path === root || path.startsWith(`${root}/`) || root === '';
}

/** The paths from the first step below the root down to `relative` itself. */
function stepsOf(root: string, relative: string): string[] {
  const parts = normalizePath(relative).split('/').filter((p) => p !== '.' && p !== '');
  return parts.map((_, i) => joinPath(root, ...parts.slice(0, i + 1)));
}

function stepName(root: string, step: string): string {
  return relativeBelow(root, step) ?? step;
}

function kindRefusal(kind: PathKind, want: 'file' | 'directory'): Refusal | undefined {
  if (kind === want) return undefined;
  if (kind === 'link') return 'is a symbolic link';
  if (kind === 'other') return 'is not a regular file (a device, pipe or socket)';
  return want === 'directory' ? 'is a file, not a folder' : 'is a folder, not a file';
}

/** Whether `path` resolves inside the root's real path: `missing` when either cannot be resolved, `inside` without `realPath`. */
async function realPlace(fs: FileSystem, root: string, path: string): Promise<'inside' | 'outside' | 'missing'> {
  if (!fs.realPath) return 'inside';
  const [real, realRoot] = await Promise.all([fs.realPath(path), fs.realPath(root)]);
  if (real === undefined || realRoot === undefined) return 'missing';
  return isBelow(real, realRoot) ? 'inside' : 'outside';
}

const RESOLVES_OUTSIDE = 'resolves outside the repository';

export type Resolution = { path: string } | { missing: true } | { refused: Refusal };

/**
 * Resolves a path the repository wrote, relative to `root`, and checks it on disk: no step is a
 * link, every step but the last is a folder, the last is a `want`, and its real path is inside the
 * root's. A file system without `kind` or `realPath` is judged on the text alone, and a missing
 * path is then left to its reader to find.
 */
export async function resolveInside(fs: FileSystem, root: string, relative: string, want: 'file' | 'directory'): Promise<Resolution> {
  const lexical = lexicalRefusal(relative);
  if (lexical) return { refused: lexical };
  const path = joinPath(root, relative);
  if (fs.kind) {
    const steps = stepsOf(root, relative);
    for (const [at, step] of steps.entries()) {
      const kind = await fs.kind(step);
      if (kind === undefined) return { missing: true };
      const last = at === steps.length - 1;
      if (kind === 'link') return { refused: last ? 'is a symbolic link' : `goes through the symbolic link '${stepName(root, step)}'` };
      if (!last && kind !== 'directory') return { missing: true };
      const wrongKind = last ? kindRefusal(kind, want) : undefined;
      if (wrongKind) return { refused: wrongKind };
    }
  }
  const place = await realPlace(fs, root, path);
  if (place === 'missing') return { missing: true };
  return place === 'outside' ? { refused: RESOLVES_OUTSIDE } : { path };
}

export type NamedRead = { text: string } | { missing: true } | { refused: Refusal };

/**
 * Reads a configuration file or template the repository names: resolved inside the root as
 * `resolveInside` checks, a regular file, at most `maxBytes`. Never blocks on a pipe or a device
 * and never reads more than the bound: the size is checked before reading, and the read itself
 * is bounded too, for files (as under /proc) whose size says 0.
 */
export async function readInside(fs: FileSystem, root: string, relative: string, maxBytes = NAMED_FILE_MAX_BYTES): Promise<NamedRead> {
  const resolved = await resolveInside(fs, root, relative, 'file');
  if (!('path' in resolved)) return resolved;
  const tooLarge = `is larger than ${Math.round(maxBytes / 1024)} KB`;
  const size = fs.stat ? (await fs.stat(resolved.path))?.size : undefined;
  if (size !== undefined && size > maxBytes) return { refused: tooLarge };
  const text = await fs.readText(resolved.path, { maxBytes });
  if (text !== undefined) return { text };
  // It was there a moment ago: what stops the read now is its size or kind, else it went away.
  const kind = fs.kind ? await fs.kind(resolved.path) : undefined;
  if (kind === undefined) return { missing: true };
  return { refused: kindRefusal(kind, 'file') ?? `${tooLarge}, or cannot be read` };
}

/**
 * Why the product may not write the file at `path` (a path below `root`, as the face joined it),
 * or create the folder there (`want: 'directory'`), or undefined when it may: every step from the
 * root down that exists must be a folder, not a link; the file itself, if it exists, a regular
 * file, not a link; and the deepest existing step must resolve inside the root's real path.
 * Missing folders and a missing file may be created.
 */
export async function writeRefusal(fs: FileSystem, root: string, path: string, want: 'file' | 'directory' = 'file'): Promise<Refusal | undefined> {
  const relative = relativeBelow(root, path);
  if (relative === undefined || (relative === '.' && want === 'file')) return OUTSIDE;
  const steps = stepsOf(root, relative);
  let deepest = root;
  if (fs.kind) {
    for (const [at, step] of steps.entries()) {
      const kind = await fs.kind(step);
      if (kind === undefined) break;
      const last = at === steps.length - 1;
      if (kind === 'link') return last ? 'is a symbolic link' : `goes through the symbolic link '${stepName(root, step)}'`;
      const wrongKind = kindRefusal(kind, last ? want : 'directory');
      if (wrongKind) return last ? wrongKind : `goes through '${stepName(root, step)}', which ${wrongKind}`;
      deepest = step;
    }
  }
  const place = await realPlace(fs, root, deepest);
  if (place === 'missing') return 'cannot be resolved';
  return place === 'outside' ? RESOLVES_OUTSIDE : undefined;
}
