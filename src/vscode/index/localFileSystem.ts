import * as vscode from 'vscode';
import { nodeFileSystem } from '../../cli/nodeFileSystem';
import type { FileSystem } from '../../core/workspace/fileSystem';
import { timeSlices } from '../../core/workspace/timeSlices';

/**
 * Milliseconds of reading between two turns of the extension host's event loop, in which the
 * workbench's requests (the Decisions view asking for its rows) and other extensions are answered.
 * The reads are synchronous and the core makes 16 at a time: a turn every 64 reads, taken by one
 * of the 16 while the other 15 read on, turned the loop once per thousand files (0.1 to 0.5 s),
 * and every message to and from the workbench waited for it.
 */
const SLICE_MS = 8;

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
  const slice = timeSlices(SLICE_MS, () => performance.now(), () => new Promise((resolve) => setImmediate(resolve)));
  const turn = async (): Promise<void> => {
    const turning = slice();
    if (turning) await turning;
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
