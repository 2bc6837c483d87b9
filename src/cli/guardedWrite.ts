import { plainLine } from '../core/views/plainText';
import { closeSync, constants, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { relative } from 'node:path';
import { writeRefusal } from '../core/workspace/containment';
import { NO_FOLLOW, nodeFileSystem, openRegular } from './nodeFileSystem';
import { PathRefused } from './targets';

/** How the CLI names a path in a message: relative to where it was run. */
export function shown(path: string): string {
  // A file name is the repository's text too: it reaches the terminal only as plain text.
  return plainLine(relative('.', path) || path);
}

/** Throws (exit 2, one line) when the core's containment rule refuses writing `path` under `root`. */
export async function assertWritable(root: string, path: string, want: 'file' | 'directory' = 'file'): Promise<void> {
  const refusal = await writeRefusal(nodeFileSystem, root, path, want);
  if (refusal) throw new PathRefused(`${shown(path)} ${refusal}: nothing is written through links or outside the repository, and nothing was written there`);
}

/**
 * Every write of the CLI goes through here. `path` is a file below `root`; the steps between
 * are checked with lstat (no link, folders only, inside the root's real path) and the file is
 * opened without following a link: `create` makes a new file and never opens an existing one
 * (false when it exists, which a link, even a dangling one, does), `replace` rewrites an existing
 * regular file in place, unless it is a hard link.
 */
export async function writeInside(root: string, path: string, text: string, mode: 'create' | 'replace'): Promise<boolean> {
  await assertWritable(root, path);
  if (mode === 'create') {
    let fd: number;
    try {
      // O_EXCL: fails on anything there, a link included, so nothing is created at a link's target.
      fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, 0o666);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    writeAll(fd, text);
    return true;
  }
  // Not O_TRUNC: the file is truncated only once it has proved a regular file.
  const file = openRegular(path, constants.O_WRONLY);
  if (!file) throw new PathRefused(`${shown(path)} is not a regular file any more: nothing was written to it`);
  // A hard link shares its bytes with another path, which may be outside the repository (an
  // unpacked archive can hold one): rewriting it in place would change that file too.
  if (file.links > 1) {
    closeSync(file.fd);
    throw new PathRefused(`${shown(path)} is a hard link, so its bytes are shared with another path that may be outside the repository: nothing was written to it`);
  }
  writeAll(file.fd, text, true);
  return true;
}

/** Writes the whole text at the start of an open file (emptied first when `truncate`), and closes it. */
function writeAll(fd: number, text: string, truncate = false): void {
  try {
    if (truncate) ftruncateSync(fd, 0);
    const bytes = Buffer.from(text, 'utf8');
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written, written);
  } finally {
    closeSync(fd);
  }
}

/** Creates `folder` (below `root`) and the folders above it that are missing, after the same checks. */
export async function makeFolderInside(root: string, folder: string): Promise<void> {
  await assertWritable(root, folder, 'directory');
  mkdirSync(folder, { recursive: true });
}
