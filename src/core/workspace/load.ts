import { Catalog } from './catalog';
import { discover, isDecisionFileName, type Discovery } from './discovery';
import { admitDecision, DEFAULT_READ_LIMITS, mayExceed, skipBySize, unreadableFile, type Admission, type ReadLimits } from '../read/fileAdmission';
import { mapBounded, type FileSystem } from './fileSystem';
import { isFresh, type CachedDecision } from './indexCache';
import { childPath, normalizePath } from './paths';

/** Reads at most this many files at once: enough to hide latency, few enough to bound memory. */
const READ_CONCURRENCY = 16;

export interface LoadedWorkspace {
  discovery: Discovery;
  /** Its `skipped()` files are those too large, binary, or unreadable by the time they were read. */
  catalog: Catalog;
}

export async function listDecisionFiles(fs: FileSystem, folder: string): Promise<string[]> {
  const entries = (await fs.list(folder)) ?? [];
  const base = normalizePath(folder);
  return entries
    .filter((e) => e.kind === 'file' && isDecisionFileName(e.name))
    .map((e) => childPath(folder, e.name, base))
    .sort();
}

/**
 * One file's admission: skipped by its size on disk when known (never read), or found over the
 * limit while reading (no more than the limit read), unreadable when it vanished or cannot be read
 * between listing and reading, else its text admitted as a decision.
 */
export async function readDecisionFile(fs: FileSystem, file: string, limits: ReadLimits, size?: number): Promise<Admission> {
  const tooLarge = skipBySize(file, size, limits);
  if (tooLarge) return { skipped: tooLarge };
  // Never more than the limit is read: a file of gigabytes costs as much as one just over it.
  const text = await fs.readText(file, { readLimit: limits.maxFileBytes });
  if (text === undefined) {
    // Too long to read, or not readable: its size on disk now tells which.
    const onDisk = fs.stat ? (await fs.stat(file))?.size : size;
    return { skipped: skipBySize(file, onDisk, limits) ?? unreadableFile(file) };
  }
  // A long text is measured on disk, where a file system can tell: decoding changes its length.
  const onDisk = size ?? (mayExceed(text, limits) && fs.stat ? (await fs.stat(file))?.size : undefined);
  return admitDecision(file, text, limits, {}, onDisk);
}

/** Reads every decision of the given folders into a catalog. */
export async function loadFolders(fs: FileSystem, folders: readonly string[], catalog = new Catalog(), limits = DEFAULT_READ_LIMITS): Promise<{ catalog: Catalog }> {
  for (const folder of folders) {
    catalog.addFolder(folder);
    const files = await listDecisionFiles(fs, folder);
    const admissions = await mapBounded(files, READ_CONCURRENCY, (file) => readDecisionFile(fs, file, limits));
    for (const admission of admissions) catalog.admit(admission);
  }
  return { catalog };
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
  limits = DEFAULT_READ_LIMITS,
): Promise<{ catalog: Catalog; cache: Map<string, CachedDecision>; reused: number }> {
  const fresh = new Map<string, CachedDecision>();
  let reused = 0;
  for (const folder of folders) {
    catalog.addFolder(folder);
    const files = await listDecisionFiles(fs, folder);
    const admissions = await mapBounded(files, READ_CONCURRENCY, async (file): Promise<Admission> => {
      const stamp = fs.stat ? await fs.stat(file) : undefined;
      const cached = cache.get(file);
      // The limit may have been lowered since the cache was written: it applies to cached files too.
      if (isFresh(cached, stamp) && !skipBySize(file, cached.size, limits)) {
        reused++;
        fresh.set(file, cached);
        return { decision: cached.decision };
      }
      const admission = await readDecisionFile(fs, file, limits, stamp?.size);
      // A file changed between the stat and the read keeps the older stamp: the next start re-reads it.
      if (stamp && 'decision' in admission) fresh.set(file, { ...stamp, decision: admission.decision });
      return admission;
    });
    for (const admission of admissions) catalog.admit(admission);
  }
  return { catalog, cache: fresh, reused };
}

/**
 * What the last session read of the folders' files as they are listed now, without a stat or a
 * read: shown at once on a start, while loadFoldersCached checks every file behind it. Files the
 * cache does not hold, or holds over the size limit, are left for that check.
 */
export async function loadFoldersFromCache(
  fs: FileSystem,
  folders: readonly string[],
  cache: ReadonlyMap<string, CachedDecision>,
  catalog = new Catalog(),
  limits = DEFAULT_READ_LIMITS,
): Promise<{ catalog: Catalog; shown: number }> {
  let shown = 0;
  for (const folder of folders) {
    catalog.addFolder(folder);
    for (const file of await listDecisionFiles(fs, folder)) {
      const cached = cache.get(file);
      if (!cached || skipBySize(file, cached.size, limits)) continue;
      catalog.admit({ decision: cached.decision });
      shown++;
    }
  }
  return { catalog, shown };
}

/** Discovers a repository's decision folders from its root and reads them. */
export async function loadWorkspace(fs: FileSystem, root: string): Promise<LoadedWorkspace> {
  const discovery = await discover(fs, root);
  const { catalog } = await loadFolders(fs, discovery.folders);
  return { discovery, catalog };
}
