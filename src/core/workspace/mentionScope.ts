import { dirName } from './paths';

/**
 * Which of several decision folders a bare `ADR-0003` written in `fromPath` means, when each of
 * them has a decision of that number: the nearest. A folder holding the file, or one of its
 * ancestors (the file's own decision folder, `docs/adr` for `docs/adr/notes/x.md`), is nearest;
 * otherwise the folder sharing the deepest ancestor with the file: in a monorepo,
 * `services/a/README.md` means `services/a/docs/adr`'s decision, not `services/b/docs/adr`'s.
 * Folders equally near are all returned: the mention may mean any of them (the root README of
 * that monorepo, with both at the same remove).
 */
export function nearestFolders(fromPath: string, folders: readonly string[]): string[] {
  const from = segments(dirName(fromPath));
  let best: string[] = [];
  let bestScore = -1;
  for (const folder of new Set(folders)) {
    const score = nearness(from, folder);
    if (score > bestScore) {
      best = [folder];
      bestScore = score;
    } else if (score === bestScore) best.push(folder);
  }
  return best;
}

/** `items` nearest to `fromPath` first, by the rule `nearestFolders` applies; equally near ones keep their order. */
export function byNearness<T>(fromPath: string, items: readonly T[], folderOf: (item: T) => string): T[] {
  const from = segments(dirName(fromPath));
  return items
    .map((item, at) => ({ item, at, score: nearness(from, folderOf(item)) }))
    .sort((a, b) => b.score - a.score || a.at - b.at)
    .map((ranked) => ranked.item);
}

/** Whole path segments shared, not characters: `docs/adr-notes` shares `docs` with `docs/adr`, no more. */
function nearness(from: readonly string[], folder: string): number {
  const own = segments(folder);
  let shared = 0;
  while (shared < own.length && shared < from.length && own[shared] === from[shared]) shared++;
  // A folder the file is in beats one that merely shares as deep an ancestor with it.
  return shared * 2 + (shared === own.length ? 1 : 0);
}

function segments(path: string): string[] {
  return path === '.' ? [] : path.split('/').filter((s) => s !== '');
}
