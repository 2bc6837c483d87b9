import type { AdrRolesConfig } from '../workspace/config';
import { branchProblems, type BranchProblem } from './branchRules';
import { pairDecisions, type Pairing, type RevisionDecision, type UnreadFile } from './pairing';

/** The two sides of a comparison, as a face read them: the base from git, the branch from the working tree. */
export interface BranchSides {
  base: readonly RevisionDecision[];
  head: readonly RevisionDecision[];
  /** Every decision file name at the tip of the base ref, from the repository root. */
  tipPaths: readonly string[];
  /** git's renames since the merge base: old path → new path. */
  renames: ReadonlyMap<string, string>;
  /** Decision files at the base that were not read (over the size limit, binary). */
  baseUnread?: readonly UnreadFile[];
  /** Decision files of the working tree that were not read. */
  headUnread?: readonly UnreadFile[];
}

export interface BranchCheck {
  pairing: Pairing;
  problems: BranchProblem[];
}

/** The branch rules over two sides, as `lint --base`, `summary --base` and the editor run them. */
export function checkBranchSides(sides: BranchSides, config: AdrRolesConfig, baseName: string): BranchCheck {
  const pairing = pairDecisions(sides.base, sides.head, sides.renames, { base: sides.baseUnread ?? [], head: sides.headUnread ?? [] });
  const problems = branchProblems({
    pairing,
    tipPaths: sides.tipPaths,
    basePaths: new Set(sides.base.map((b) => b.path)),
    headPaths: sides.head.map((h) => h.path),
    config,
    baseName,
  });
  return { pairing, problems };
}

/** How a decision of the working tree stands against the base. */
export type BranchMark = 'added' | 'changed' | 'renamed';

/**
 * The decisions the branch adds, changes or renames, by their path from the repository root: what
 * the editor marks. A renamed decision whose text changed too is `renamed` (the summary's word).
 */
export function branchMarks(pairing: Pairing): Map<string, BranchMark> {
  const marks = new Map<string, BranchMark>();
  for (const added of pairing.added) marks.set(added.path, 'added');
  for (const { base, head } of pairing.pairs) {
    if (base.path !== head.path) marks.set(head.path, 'renamed');
    else if (base.text !== head.text) marks.set(head.path, 'changed');
  }
  // Over the limit at the base and not now: changed, though what changed is not known.
  for (const { side, read, otherPath } of pairing.unread) if (side === 'base') marks.set(read.path, otherPath !== read.path ? 'renamed' : 'changed');
  return marks;
}

/**
 * The base the editor compares with: the one the setting names, else the current branch's
 * upstream (`origin/main`; a local upstream, remote `.`, is the branch itself), else none.
 */
export function chooseBase(setting: string | undefined, upstream: { remote: string; name: string } | undefined): { ref: string; from: 'setting' | 'upstream' } | undefined {
  const named = setting?.trim();
  if (named) return { ref: named, from: 'setting' };
  if (!upstream || upstream.name === '') return undefined;
  return { ref: upstream.remote === '' || upstream.remote === '.' ? upstream.name : `${upstream.remote}/${upstream.name}`, from: 'upstream' };
}
