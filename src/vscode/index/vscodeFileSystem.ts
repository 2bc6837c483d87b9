import { realpath } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { DirectoryEntry, FileSystem, PathKind } from '../../core/workspace/fileSystem';
import { localFileSystem } from './localFileSystem';

/** What `stat` says is at a URI: VS Code sets the SymbolicLink bit beside the target's type (Unknown for a dangling link). */
export async function kindOf(uri: vscode.Uri): Promise<PathKind | undefined> {
  try {
    const { type } = await vscode.workspace.fs.stat(uri);
    if ((type & vscode.FileType.SymbolicLink) !== 0) return 'link';
    if (type === vscode.FileType.File) return 'file';
    return type === vscode.FileType.Directory ? 'directory' : 'other';
  } catch {
    return undefined;
  }
}

/** A local file's real path as a URI path; other schemes have no links VS Code can resolve, so their path stands. */
export async function realPathOf(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme !== 'file') return uri.path;
  return realpath(uri.fsPath).then(
    (real) => vscode.Uri.file(real).path,
    () => undefined,
  );
}

/**
 * Reads a regular file, not a link, of at most `maxBytes`: stat first, so a pipe or device is never
 * opened (VS Code's readFile would wait on one, or read /dev/zero until memory ran out).
 */
async function readBounded(uri: vscode.Uri, maxBytes: number): Promise<Uint8Array | undefined> {
  const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
  if (!stat || stat.type !== vscode.FileType.File || stat.size > maxBytes) return undefined;
  const bytes = await vscode.workspace.fs.readFile(uri);
  return bytes.byteLength > maxBytes ? undefined : bytes;
}

/**
 * The core's FileSystem for a workspace folder: Node's fs for a local folder (the fast path), else
 * `vscode.workspace.fs`, so decisions in remote and virtual workspaces are read the same way.
 * Core paths are the URI's posix path; scheme and authority come from the root.
 */
export function workspaceFileSystem(root: vscode.Uri): { fs: FileSystem; uriOf: (path: string) => vscode.Uri } {
  const uriOf = (path: string): vscode.Uri => root.with({ path });
  return { fs: root.scheme === 'file' ? localFileSystem(root) : editorFileSystem(uriOf), uriOf };
}

/** The core's FileSystem over `vscode.workspace.fs`, for every scheme. */
export function editorFileSystem(uriOf: (path: string) => vscode.Uri): FileSystem {
  return {
    async readText(path, options) {
      try {
        const bytes = options?.maxBytes === undefined ? await vscode.workspace.fs.readFile(uriOf(path)) : await readBounded(uriOf(path), options.maxBytes);
        // TextDecoder drops a UTF-8 byte-order mark, as the editor does: positions agree with open documents.
        return bytes && new TextDecoder().decode(bytes);
      } catch {
        return undefined;
      }
    },
    async list(path) {
      try {
        const entries = await vscode.workspace.fs.readDirectory(uriOf(path));
        return entries
          // Links are not followed: a cloned repository could point one at any file on the machine.
          .filter(([, type]) => (type & vscode.FileType.SymbolicLink) === 0 && (type & (vscode.FileType.File | vscode.FileType.Directory)) !== 0)
          .map(([name, type]): DirectoryEntry => ({ name, kind: type & vscode.FileType.Directory ? 'directory' : 'file' }));
      } catch {
        return undefined;
      }
    },
    kind: (path) => kindOf(uriOf(path)),
    realPath: (path) => realPathOf(uriOf(path)),
  };
}
