import { Catalog } from './catalog';
import { discover, isDecisionFileName, type Discovery } from './discovery';
import { mapBounded, type FileSystem } from './fileSystem';
import { isFresh, type CachedDecision } from './indexCache';
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

/**
 * Like loadFolders, but a file whose size and mtime match the cache is taken from it: a stat
 * instead of a read and a parse. Returns the cache to persist for next time.
 */
export async function loadFoldersCached(
  fs: FileSystem,
  folders: readonly string[],
  cache: ReadonlyMap<string, CachedDecision>,
  catalog = new Catalog(),
): Promise<{ catalog: Catalog; unreadable: string[]; cache: Map<string, CachedDecision>; reused: number }> {
  const unreadable: string[] = [];
  const fresh = new Map<string, CachedDecision>();
  let reused = 0;
  for (const folder of folders) {
    catalog.addFolder(folder);
    const files = await listDecisionFiles(fs, folder);
    const decisions = await mapBounded(files, READ_CONCURRENCY, async (file): Promise<Decision | undefined> => {
      const stamp = fs.stat ? await fs.stat(file) : undefined;
      const cached = cache.get(file);
      if (isFresh(cached, stamp)) {
        reused++;
        fresh.set(file, cached);
        return cached.decision;
      }
      const text = await fs.readText(file);
      if (text === undefined) {
        unreadable.push(file);
        return undefined;
      }
      const decision = parseDecision(file, text);
      // A file changed between the stat and the read keeps the older stamp: the next start re-reads it.
      if (stamp) fresh.set(file, { ...stamp, decision });
      return decision;
    });
    for (const d of decisions) if (d) catalog.upsert(d);
  }
  return { catalog, unreadable, cache: fresh, reused };
}

/** Discovers a repository's decision folders from its root and reads them. */
export async function loadWorkspace(fs: FileSystem, root: string): Promise<LoadedWorkspace> {
  const discovery = await discover(fs, root);
  const { catalog, unreadable } = await loadFolders(fs, discovery.folders);
  return { discovery, catalog, unreadable };
}
