import type { Decision, Problem } from '../model';

/** A decision as one revision has it: its path from the repository root, and its text. */
export interface RevisionDecision {
  path: string;
  decision: Decision;
  text: string;
}

/** A decision file one side has but did not read (over the size limit, binary), and the problem that says why. */
export interface UnreadFile {
  path: string;
  problem: Problem;
}

/**
 * A decision in both revisions whose file one side did not read: it is there on both sides, so
 * neither added nor deleted, and it changed (the limit is the same on both sides, and one is over
 * it), but what changed cannot be told.
 */
export interface UnreadPair {
  /** The side whose file was not read: the base's, or the branch's (the working tree's). */
  side: 'base' | 'branch';
  /** The side that was read. */
  read: RevisionDecision;
  /** The other side's path, when it differs (a rename git found). */
  otherPath: string;
  problem: Problem;
}

export interface Pairing {
  /** Decisions in both revisions, renamed or not. */
  pairs: { base: RevisionDecision; head: RevisionDecision }[];
  /** In the branch only. */
  added: RevisionDecision[];
  /** At the base only, and not renamed. */
  deleted: RevisionDecision[];
  /** In both, with one side's file not read. */
  unread: UnreadPair[];
}

/** The files each side did not read, by path from the repository root. */
export interface UnreadSides {
  base?: readonly UnreadFile[];
  head?: readonly UnreadFile[];
}

function folderOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at === -1 ? '' : path.slice(0, at);
}

/**
 * Whether a rename git found is the same decision: it keeps its number or its title. git measures
 * similarity of text, and decisions written from one template share most of theirs, so deleting
 * one decision while adding another reads to git as a rename of the first into the second.
 */
function sameDecision(a: RevisionDecision, b: RevisionDecision): boolean {
  if (a.decision.number !== null && a.decision.number === b.decision.number) return true;
  const title = a.decision.title?.value.trim();
  return title !== undefined && title !== '' && title === b.decision.title?.value.trim();
}

/**
 * Which base decision each branch decision is: the same path, else the rename `git` found (when it
 * keeps the number or the title), else a file of the same folder and title that took a deleted
 * one's place (a rename `git` could not see, such as one not yet committed, or one whose text
 * changed too much). A file one side has but did not read pairs with the other side's decision at
 * its path, or where git renamed it.
 */
export function pairDecisions(base: readonly RevisionDecision[], head: readonly RevisionDecision[], renames: ReadonlyMap<string, string>, notRead: UnreadSides = {}): Pairing {
  const headByPath = new Map(head.map((h) => [h.path, h]));
  const paired = new Set<string>();
  const pairs: Pairing['pairs'] = [];
  const unpaired: RevisionDecision[] = [];
  const unread: UnreadPair[] = [];
  // A file one side did not read is still there: the other side's decision at its path (or where
  // git renamed it) is that file, neither added nor deleted.
  const headUnread = new Map((notRead.head ?? []).map((u) => [u.path, u]));
  for (const gone of notRead.base ?? []) {
    const match = headByPath.get(gone.path) ?? headByPath.get(renames.get(gone.path) ?? '');
    if (!match || paired.has(match.path)) continue;
    paired.add(match.path);
    unread.push({ side: 'base', read: match, otherPath: gone.path, problem: gone.problem });
  }
  for (const old of base) {
    const there = headUnread.get(old.path) ?? headUnread.get(renames.get(old.path) ?? '');
    if (there && !headByPath.has(old.path)) {
      headUnread.delete(there.path);
      unread.push({ side: 'branch', read: old, otherPath: there.path, problem: there.problem });
      continue;
    }
    const renamed = headByPath.get(renames.get(old.path) ?? '');
    const match = headByPath.get(old.path) ?? (renamed && sameDecision(old, renamed) ? renamed : undefined);
    if (match && !paired.has(match.path)) {
      paired.add(match.path);
      pairs.push({ base: old, head: match });
    } else unpaired.push(old);
  }
  // Keyed by folder and title, so a log of thousands is not searched once per deleted file.
  const keyOf = (d: RevisionDecision): string | undefined => {
    const title = d.decision.title?.value.trim();
    return title ? `${folderOf(d.path)}\0${title}` : undefined;
  };
  const byTitle = new Map<string, RevisionDecision[]>();
  for (const h of head) {
    const key = keyOf(h);
    if (key === undefined || paired.has(h.path)) continue;
    const list = byTitle.get(key);
    if (list) list.push(h);
    else byTitle.set(key, [h]);
  }
  const deleted: RevisionDecision[] = [];
  for (const old of unpaired) {
    const key = keyOf(old);
    const candidates = key === undefined ? undefined : byTitle.get(key);
    const match = candidates?.shift();
    if (match) {
      paired.add(match.path);
      pairs.push({ base: old, head: match });
    } else deleted.push(old);
  }
  return { pairs, added: head.filter((h) => !paired.has(h.path)), deleted, unread };
}
