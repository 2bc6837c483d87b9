import * as vscode from 'vscode';
import { nodeFileSystem } from '../../cli/nodeFileSystem';
import type { FileSystem } from '../../core/workspace/fileSystem';

/** Reads between two turns of the extension host's event loop: other extensions' requests are answered meanwhile. */
const READS_PER_TURN = 64;

/**
 * The core's FileSystem for a local (`file:`) workspace folder, over Node's fs, the CLI's own
 * reading: `vscode.workspace.fs` costs each stat and read a round trip through the workbench
 * (in a remote or web window, two), which made a 10,000-decision index take seconds of waiting.
 * Its reads never follow a link at the last step and never wait on a pipe or a device, and it
 * answers `kind` and `realPath`, so the core's containment rule applies exactly as on the other path.
 * Core paths are URI paths; Node is handed the file system path of the same URI.
 */
export function localFileSystem(root: vscode.Uri): FileSystem {
  const fsPath = (path: string): string => root.with({ path }).fsPath;
  let reads = 0;
  const turn = async (): Promise<void> => {
    if (++reads % READS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    async readText(path, options) {
      await turn();
      return nodeFileSystem.readText(fsPath(path), options);
    },
    async stat(path) {
      await turn();
      return nodeFileSystem.stat?.(fsPath(path));
    },
    list: (path) => nodeFileSystem.list(fsPath(path)),
    kind: (path) => nodeFileSystem.kind?.(fsPath(path)) ?? Promise.resolve(undefined),
    async realPath(path) {
      const real = await nodeFileSystem.realPath?.(fsPath(path));
      return real === undefined ? undefined : vscode.Uri.file(real).path;
    },
  };
}
