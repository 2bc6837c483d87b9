import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import type { DirectoryEntry, FileSystem, PathKind } from '../core/workspace/fileSystem';
import type { FileStamp } from '../core/workspace/indexCache';

/**
 * The core's FileSystem over Node's fs; unreadable paths read as missing, so one bad file never
 * stops a run. The CLI reads synchronously: it has nothing else to do meanwhile, and each
 * `fs/promises` read costs an open, an fstat, a read and a close through the thread pool, which
 * made reading most of a whole run's time.
 *
 * Reads never follow a link at the path's last step and never wait on a pipe or a device;
 * `kind` and `realPath` let the core's containment rule check the steps before it.
 */
export const nodeFileSystem: FileSystem = {
  readText: (path, options) => Promise.resolve(withoutByteOrderMark(readRegularText(path, options?.maxBytes))),
  stat: (path) => Promise.resolve(statStamp(path)),
  list: (path) => Promise.resolve(listEntries(path)),
  kind: (path) => Promise.resolve(kindOf(path)),
  realPath: (path) => Promise.resolve(realPathOf(path)),
};

/**
 * Opening flags that never follow a link at the path's last step and never wait on a pipe or a
 * device. Windows has neither flag: there the containment rule's lstat checks stand alone.
 */
export const NO_FOLLOW = (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Editors hide the byte-order mark; without it here, columns on line 1 agree with theirs. */
function withoutByteOrderMark(text: string | undefined): string | undefined {
  return text?.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The file at `path` opened with `flags` (plus NO_FOLLOW) when it is a regular file, with its size; else undefined and nothing held open. */
export function openRegular(path: string, flags: number): { fd: number; size: number; links: number } | undefined {
  let fd: number;
  try {
    fd = openSync(path, flags | NO_FOLLOW);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isFile()) return { fd, size: stats.size, links: stats.nlink };
  } catch {
    // Closed below, as for any file that is not regular.
  }
  closeSync(fd);
  return undefined;
}

/**
 * The bytes of an open file, at most `maxBytes` (undefined past that). Read until the end rather
 * than for `size` bytes, since sizes under /proc say 0: a regular file takes one read, and one
 * more that finds the end.
 */
function readBounded(fd: number, size: number, maxBytes: number): Buffer | undefined {
  const cap = maxBytes + 1;
  const chunks: Buffer[] = [];
  let total = 0;
  let next = Math.min(Math.max(size + 1, 4096), cap);
  for (;;) {
    const chunk = Buffer.allocUnsafe(next);
    const bytesRead = readSync(fd, chunk, 0, next, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total >= cap) return undefined;
    next = Math.min(64 * 1024, cap - total);
  }
  return Buffer.concat(chunks);
}

/**
 * A file's text as on disk (byte-order mark kept), never through a link at the last step and
 * never waiting on a pipe. With `maxBytes`, only a regular file is read, and at most that much;
 * without it (a decision file its folder listed as regular) Node's own fast read is used: one call
 * that opens with the same flags, reads and closes in C++, where a separate open, read and close
 * from JavaScript cost a quarter of reading 10,000 files.
 */
export function readRegularText(path: string, maxBytes?: number): string | undefined {
  if (maxBytes === undefined) {
    try {
      // Node takes open(2) flags as a number too (see "File system flags" in its fs docs); the types say string only.
      return readFileSync(path, { encoding: 'utf8', flag: (constants.O_RDONLY | NO_FOLLOW) as unknown as string });
    } catch {
      return undefined;
    }
  }
  const file = openRegular(path, constants.O_RDONLY);
  if (!file) return undefined;
  try {
    return readBounded(file.fd, file.size, maxBytes)?.toString('utf8');
  } catch {
    return undefined;
  } finally {
    closeSync(file.fd);
  }
}

function statStamp(path: string): FileStamp | undefined {
  try {
    const s = statSync(path);
    return { size: s.size, mtime: s.mtimeMs };
  } catch {
    return undefined;
  }
}

function listEntries(path: string): DirectoryEntry[] | undefined {
  try {
    return readdirSync(path, { withFileTypes: true })
      .filter((e) => e.isFile() || e.isDirectory())
      .map((e): DirectoryEntry => ({ name: e.name, kind: e.isDirectory() ? 'directory' : 'file' }));
  } catch {
    return undefined;
  }
}

function kindOf(path: string): PathKind | undefined {
  try {
    const s = lstatSync(path);
    if (s.isSymbolicLink()) return 'link';
    if (s.isFile()) return 'file';
    return s.isDirectory() ? 'directory' : 'other';
  } catch {
    return undefined;
  }
}

function realPathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
