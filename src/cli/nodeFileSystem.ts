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
  readText: (path, options) => Promise.resolve(withoutByteOrderMark(readRegularText(path, options?.maxBytes, options?.readLimit))),
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
 * One buffer for every read: the CLI reads one file at a time, synchronously, and decodes it before
 * the next, so no read allocates beyond the text it returns. It grows, doubling, up to the largest
 * limit asked for plus one byte.
 */
let shared = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads an open file into the shared buffer until the end, and returns the number of bytes read,
 * or undefined as soon as more than `maxBytes` are there: never more than `maxBytes` + 1 bytes are
 * read, whatever the file's size (sizes under /proc say 0, so the size is not trusted).
 */
function readBounded(fd: number, maxBytes: number): number | undefined {
  const cap = maxBytes + 1;
  let total = 0;
  for (;;) {
    if (total === shared.length) {
      if (total >= cap) return undefined;
      const grown = Buffer.allocUnsafe(Math.min(shared.length * 2, cap));
      shared.copy(grown, 0, 0, total);
      shared = grown;
    }
    const bytesRead = readSync(fd, shared, total, Math.min(shared.length, cap) - total, null);
    if (bytesRead === 0) return total;
    total += bytesRead;
    if (total >= cap) return undefined;
  }
}

/**
 * A file's text as on disk (byte-order mark kept), never through a link at the last step and
 * never waiting on a pipe: undefined when it cannot be read or holds more than `maxBytes`. With
 * `maxBytes`, only a regular file is read. With `readLimit` instead (a decision file its folder
 * listed as regular), what is at the path is not checked first: the flags already keep a link out
 * and a pipe from blocking, and the read is bounded whatever it meets. Without either (a file the
 * run itself admitted), the whole file is read.
 */
export function readRegularText(path: string, maxBytes?: number, readLimit?: number): string | undefined {
  if (maxBytes === undefined && readLimit === undefined) {
    try {
      // Node takes open(2) flags as a number too (see "File system flags" in its fs docs); the types say string only.
      return readFileSync(path, { encoding: 'utf8', flag: (constants.O_RDONLY | NO_FOLLOW) as unknown as string });
    } catch {
      return undefined;
    }
  }
  let fd: number;
  if (maxBytes !== undefined) {
    const file = openRegular(path, constants.O_RDONLY);
    if (!file) return undefined;
    fd = file.fd;
  } else {
    try {
      fd = openSync(path, constants.O_RDONLY | NO_FOLLOW);
    } catch {
      return undefined;
    }
  }
  try {
    const bytes = readBounded(fd, Math.min(maxBytes ?? Infinity, readLimit ?? Infinity));
    return bytes === undefined ? undefined : shared.toString('utf8', 0, bytes);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
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
