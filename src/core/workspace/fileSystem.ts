import type { FileStamp } from './indexCache';

/** What the core needs from a file system; the CLI, the extension and tests each provide one. */
export interface DirectoryEntry {
  name: string;
  kind: 'file' | 'directory';
}

export interface FileSystem {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readText(path: string): Promise<string | undefined>;
  /** The folder's entries, or undefined when it does not exist. */
  list(path: string): Promise<DirectoryEntry[] | undefined>;
  /** Size and modification time, or undefined when missing; optional: without it every file is read. */
  stat?(path: string): Promise<FileStamp | undefined>;
}

/** Runs `work` over `items` with at most `limit` in flight: reading thousands of files at once costs memory and time. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
