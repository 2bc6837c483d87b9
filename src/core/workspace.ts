import { Catalog } from './catalog';
import { discover, isDecisionFileName, type Discovery } from './discovery';
import { mapBounded, type FileSystem } from './fileSystem';
import type { Decision } from './model';
import { joinPath } from './paths';
import { parseDecision } from './parse';

/** Reads at most this many files at once: enough to hide latency, few enough to bound memory. */
const READ_CONCURRENCY = 16;

export interface LoadedWorkspace {
  discovery: Discovery;
  catalog: Catalog;
  /** Files listed but unreadable by the time they were read (deleted, permissions). */
  unreadable: string[];
}

export async function listDecisionFiles(fs: FileSystem, folder: string): Promise<string[]> {
  const entries = (await fs.list(folder)) ?? [];
  return entries
    .filter((e) => e.kind === 'file' && isDecisionFileName(e.name))
    .map((e) => joinPath(folder, e.name))
    .sort();
}

/** Reads every decision of the given folders into a catalog. */
export async function loadFolders(fs: FileSystem, folders: readonly string[], catalog = new Catalog()): Promise<{ catalog: Catalog; unreadable: string[] }> {
  const unreadable: string[] = [];
  for (const folder of folders) {
    catalog.addFolder(folder);
    const files = await listDecisionFiles(fs, folder);
    const decisions = await mapBounded(files, READ_CONCURRENCY, async (file): Promise<Decision | undefined> => {
      const text = await fs.readText(file);
      if (text === undefined) unreadable.push(file);
      return text === undefined ? undefined : parseDecision(file, text);
    });
    for (const d of decisions) if (d) catalog.upsert(d);
  }
  return { catalog, unreadable };
}

/** Discovers a repository's decision folders from its root and reads them. */
export async function loadWorkspace(fs: FileSystem, root: string): Promise<LoadedWorkspace> {
  const discovery = await discover(fs, root);
  const { catalog, unreadable } = await loadFolders(fs, discovery.folders);
  return { discovery, catalog, unreadable };
}
