import * as vscode from 'vscode';
import type { DirectoryEntry, FileSystem } from '../../core/workspace/fileSystem';

/**
 * The core's FileSystem over `vscode.workspace.fs`, so decisions in remote and virtual workspaces
 * are read the same way. Core paths are the URI's posix path; scheme and authority come from the root.
 */
export function workspaceFileSystem(root: vscode.Uri): { fs: FileSystem; uriOf: (path: string) => vscode.Uri } {
  const uriOf = (path: string): vscode.Uri => root.with({ path });
  const fs: FileSystem = {
    async readText(path) {
      try {
        // TextDecoder drops a UTF-8 byte-order mark, as the editor does: positions agree with open documents.
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(path)));
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
  };
  return { fs, uriOf };
}
