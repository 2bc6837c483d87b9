import type { Decision } from '../model';

/** A decision as one revision has it: its path from the repository root, and its text. */
export interface RevisionDecision {
  path: string;
  decision: Decision;
  text: string;
}

export interface Pairing {
  /** Decisions in both revisions, renamed or not. */
  pairs: { base: RevisionDecision; head: RevisionDecision }[];
  /** In the branch only. */
  added: RevisionDecision[];
  /** At the base only, and not renamed. */
  deleted: RevisionDecision[];
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
 * changed too much).
 */
export function pairDecisions(base: readonly RevisionDecision[], head: readonly RevisionDecision[], renames: ReadonlyMap<string, string>): Pairing {
  const headByPath = new Map(head.map((h) => [h.path, h]));
  const paired = new Set<string>();
  const pairs: Pairing['pairs'] = [];
  const unpaired: RevisionDecision[] = [];
  for (const old of base) {
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
  return { pairs, added: head.filter((h) => !paired.has(h.path)), deleted };
}
