import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { FileSystem } from '../../core/workspace/fileSystem';
import { deserializeIndex, serializeIndex, type CachedDecision } from '../../core/workspace/indexCache';

const CACHE_FILE = 'decision-index.json';
const EXTENSION_ID = 'adr-roles.adr-roles';

/**
 * The index of the last session, in the workspace's storage: on the next start a file whose size
 * and mtime are unchanged costs a stat, not a read and a parse. Only ever a shortcut: a missing,
 * unreadable or foreign cache means a full index, and a failed write is ignored.
 */
export class PersistedIndex {
  constructor(private readonly storageUri: vscode.Uri | undefined) {}

  async read(): Promise<Map<string, CachedDecision>> {
    if (!this.storageUri) return new Map();
    try {
      const bytes = await readBytes(vscode.Uri.joinPath(this.storageUri, CACHE_FILE));
      return deserializeIndex(new TextDecoder().decode(bytes), await producer()) ?? new Map();
    } catch {
      return new Map();
    }
  }

  async write(cache: ReadonlyMap<string, CachedDecision>): Promise<void> {
    if (!this.storageUri) return;
    try {
      await writeBytes(this.storageUri, CACHE_FILE, new TextEncoder().encode(serializeIndex(cache, await producer())));
    } catch {
      // Read-only or full storage: the next start indexes in full, as it would without a cache.
    }
  }
}

/**
 * Which build wrote a cache: the version and the bundle's mtime. An update, or a rebuild while
 * developing, may read files differently, so its predecessor's readings are not reused.
 */
async function producer(): Promise<string> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) return 'unknown';
  const version = String((extension.packageJSON as { version?: unknown }).version);
  try {
    return `${version}@${await mtimeOf(vscode.Uri.joinPath(extension.extensionUri, 'dist', 'extension.js'))}`;
  } catch {
    return version;
  }
}

// Storage and the extension's own folder are local files on most machines: Node reads them without
// a round trip through the workbench; other schemes go through vscode.workspace.fs.

async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return uri.scheme === 'file' ? readFile(uri.fsPath) : vscode.workspace.fs.readFile(uri);
}

async function writeBytes(folder: vscode.Uri, name: string, bytes: Uint8Array): Promise<void> {
  const file = vscode.Uri.joinPath(folder, name);
  if (folder.scheme === 'file') {
    await mkdir(folder.fsPath, { recursive: true });
    await writeFile(file.fsPath, bytes);
    return;
  }
  await vscode.workspace.fs.createDirectory(folder);
  await vscode.workspace.fs.writeFile(file, bytes);
}

/** Milliseconds, whole: a cache written through either path names the same producer. */
async function mtimeOf(uri: vscode.Uri): Promise<number> {
  return uri.scheme === 'file' ? Math.trunc((await stat(uri.fsPath)).mtimeMs) : (await vscode.workspace.fs.stat(uri)).mtime;
}

/** The workspace file system with stat, which the cached load needs to tell unchanged files apart (the local one has its own). */
export function withStat(fs: FileSystem, uriOf: (path: string) => vscode.Uri): FileSystem {
  if (fs.stat) return fs;
  return {
    ...fs,
    async stat(path) {
      try {
        const stat = await vscode.workspace.fs.stat(uriOf(path));
        return { size: stat.size, mtime: stat.mtime };
      } catch {
        return undefined;
      }
    },
  };
}
