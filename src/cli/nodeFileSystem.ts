import { readFile, readdir, stat } from 'node:fs/promises';
import type { DirectoryEntry, FileSystem } from '../core/workspace/fileSystem';

/** The core's FileSystem over Node's fs; unreadable paths read as missing, so one bad file never stops a run. */
export const nodeFileSystem: FileSystem = {
  async readText(path) {
    try {
      // Editors hide the byte-order mark; without it here, columns on line 1 agree with theirs.
      const text = await readFile(path, 'utf8');
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
      return undefined;
    }
  },
  async stat(path) {
    try {
      const s = await stat(path);
      return { size: s.size, mtime: s.mtimeMs };
    } catch {
      return undefined;
    }
  },
  async list(path) {
    try {
      const entries = await readdir(path, { withFileTypes: true });
      return entries
        .filter((e) => e.isFile() || e.isDirectory())
        .map((e): DirectoryEntry => ({ name: e.name, kind: e.isDirectory() ? 'directory' : 'file' }));
    } catch {
      return undefined;
    }
  },
};
