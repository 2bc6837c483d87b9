import type { FileStamp } from './indexCache';

/** What the core needs from a file system; the CLI, the extension and tests each provide one. */
export interface DirectoryEntry {
  name: string;
  kind: 'file' | 'directory';
}

/** What is at a path itself, a link there not followed: `other` is a device, pipe or socket. */
export type PathKind = 'file' | 'directory' | 'link' | 'other';

export interface ReadOptions {
  /**
   * Read only a regular file of at most this many bytes, never through a link: a larger file, a
   * link, a device or a pipe reads as undefined, without blocking.
   */
  maxBytes?: number;
  /**
   * Read at most this many bytes, and one more to know the file is longer: a longer file reads as
   * undefined, and the caller asks `stat` why. Unlike `maxBytes`, what is at the path is not
   * checked first (a decision file its folder listed as a file). A file system may read the whole
   * file regardless: the caller measures the text it gets.
   */
  readLimit?: number;
}

export interface FileSystem {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readText(path: string, options?: ReadOptions): Promise<string | undefined>;
  /** The folder's entries, or undefined when it does not exist. */
  list(path: string): Promise<DirectoryEntry[] | undefined>;
  /** Size and modification time, or undefined when missing; optional: without it every file is read. */
  stat?(path: string): Promise<FileStamp | undefined>;
  /**
   * What is at the path, a link not followed, or undefined when nothing is. Optional: without it,
   * the paths a repository names are checked on their text alone (see containment.ts).
   */
  kind?(path: string): Promise<PathKind | undefined>;
  /** The path with every link resolved, or undefined when it cannot be resolved. Optional, as `kind`. */
  realPath?(path: string): Promise<string | undefined>;
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
