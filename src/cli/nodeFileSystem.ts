import { readFileSync, readdirSync, statSync } from 'node:fs';
import type { DirectoryEntry, FileSystem } from '../core/workspace/fileSystem';
import type { FileStamp } from '../core/workspace/indexCache';

/**
 * The core's FileSystem over Node's fs; unreadable paths read as missing, so one bad file never
 * stops a run. The CLI reads synchronously: it has nothing else to do meanwhile, and each
 * `fs/promises` read costs an open, an fstat, a read and a close through the thread pool, which
 * made reading most of a whole run's time.
 */
export const nodeFileSystem: FileSystem = {
  readText: (path) => Promise.resolve(readTextSync(path)),
  stat: (path) => Promise.resolve(statStamp(path)),
  list: (path) => Promise.resolve(listEntries(path)),
};

function readTextSync(path: string): string | undefined {
  try {
    // Editors hide the byte-order mark; without it here, columns on line 1 agree with theirs.
    const text = readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
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
