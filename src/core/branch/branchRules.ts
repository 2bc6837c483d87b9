import type { Problem, Range } from '../model';
import { PROBLEM_CODES } from '../problemCodes';
import { resolveRole, type AdrRolesConfig } from '../workspace/config';
import { nextFreeNumber } from '../workspace/numbering';
import { readFileName } from '../read/fileName';
import { decisionSectionText, titleText } from './decisionText';
import { cutTitle } from '../views/graph';
import type { Pairing, RevisionDecision, UnreadPair } from './pairing';

/** A problem of the branch, in the file it is about (from the repository root); a deleted one's file is gone. */
export interface BranchProblem {
  path: string;
  problem: Problem;
}

export interface BranchInput {
  pairing: Pairing;
  /** Every decision file name at the tip of the base ref, from the repository root. */
  tipPaths: readonly string[];
  /** Paths of the decisions at the merge base. */
  basePaths: ReadonlySet<string>;
  /** Every decision path of the branch (added or not), for the next free number. */
  headPaths: readonly string[];
  config: AdrRolesConfig;
  /** The base as the user named it, for messages: `main`, `origin/main`. */
  baseName: string;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function folderOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at === -1 ? '' : path.slice(0, at);
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function where(d: RevisionDecision): Range {
  return d.decision.title?.range ?? { start: { line: d.decision.headerLine, character: 0 }, end: { line: d.decision.headerLine, character: 0 } };
}

/** A decision in a message: its id, and its title shortened as the graph and the summary shorten it. */
function label(d: RevisionDecision): string {
  const title = d.decision.title?.value;
  return title ? `${d.decision.id} (${cutTitle(title)})` : d.decision.id;
}

/** The role an owner names, as one key: `CTO` and `cto` are one owner. */
function ownerKey(owner: string | undefined, config: AdrRolesConfig): string | undefined {
  if (owner === undefined || owner.trim() === '') return undefined;
  return resolveRole(owner, config.roles)?.id ?? owner.trim().toLowerCase();
}

function problem(code: keyof typeof PROBLEM_CODES, message: string, range: Range, data?: Record<string, unknown>): Problem {
  return { code, severity: PROBLEM_CODES[code].severity, message, range, ...(data ? { data } : {}) };
}

/** Decisions this branch adds whose number the base's tip gives to another decision, added there meanwhile. */
function numbersTaken(input: BranchInput): BranchProblem[] {
  const found: BranchProblem[] = [];
  const tipByFolderNumber = new Map<string, string>();
  for (const path of input.tipPaths) {
    if (input.basePaths.has(path)) continue;
    const { number } = readFileName(nameOf(path));
    if (number !== null) tipByFolderNumber.set(`${folderOf(path)}\0${number}`, path);
  }
  // The next free number per folder, counted once: over the branch's files and the tip's.
  const nextIn = new Map<string, number>();
  const nextFree = (folder: string): number => {
    let next = nextIn.get(folder);
    if (next === undefined) {
      next = nextFreeNumber([...input.headPaths, ...input.tipPaths].filter((p) => folderOf(p) === folder).map(nameOf));
      nextIn.set(folder, next);
    }
    return next;
  };
  for (const added of input.pairing.added) {
    const number = added.decision.number;
    if (number === null) continue;
    const other = tipByFolderNumber.get(`${folderOf(added.path)}\0${number}`);
    if (other === undefined || other === added.path) continue;
    const next = nextFree(folderOf(added.path));
    found.push({
      path: added.path,
      problem: problem('number-taken-on-base', `${added.decision.id} is taken on ${input.baseName} by ${nameOf(other)}, added there since this branch started: renumber this decision to ${next}`, where(added), { nextNumber: next, takenBy: other }),
    });
  }
  return found;
}

function rewrittenAccepted(input: BranchInput): BranchProblem[] {
  const found: BranchProblem[] = [];
  for (const { base, head } of input.pairing.pairs) {
    if (base.decision.status?.value !== 'accepted') continue;
    const changed: string[] = [];
    if (titleText(base.decision) !== titleText(head.decision)) changed.push('title');
    if (decisionSectionText(base.decision, base.text) !== decisionSectionText(head.decision, head.text)) changed.push('decision');
    if (changed.length === 0) continue;
    found.push({
      path: head.path,
      problem: problem('accepted-decision-rewritten', `${label(base)} was accepted on ${input.baseName}, and this branch changes its ${changed.join(' and ')}: override or supersede it with a new decision instead`, where(head), { changed }),
    });
  }
  return found;
}

function ownerChanges(input: BranchInput): BranchProblem[] {
  const found: BranchProblem[] = [];
  for (const { base, head } of input.pairing.pairs) {
    const before = ownerKey(base.decision.owner?.value, input.config);
    const after = ownerKey(head.decision.owner?.value, input.config);
    if (before === undefined || after === undefined || before === after) continue;
    // The Elevate command records where it came from and when; an elevation already at the base is not this one.
    const from = ownerKey(head.decision.elevatedFrom?.value, input.config);
    const recorded = from === before && head.decision.elevatedOn !== null && head.decision.elevatedOn.value !== base.decision.elevatedOn?.value;
    if (recorded) continue;
    found.push({
      path: head.path,
      problem: problem(
        'owner-changed-without-elevation',
        `${label(head)} changes owner from ${base.decision.owner?.value ?? ''} to ${head.decision.owner?.value ?? ''} with no elevated-from and elevated-on recording it: use Elevate, or record them`,
        head.decision.owner?.range ?? where(head),
        { from: before, to: after },
      ),
    });
  }
  return found;
}

function deletions(input: BranchInput): BranchProblem[] {
  return input.pairing.deleted.map((gone) => ({
    path: gone.path,
    problem: problem('decision-deleted', `${label(gone)} exists on ${input.baseName} and this branch deletes it: the history must stay, so mark it deprecated or superseded instead`, START),
  }));
}

/**
 * What the branch checks could not compare: a decision whose file at the base was not read (over
 * the size limit, binary) is neither added nor checked against its base, and says so, as the
 * working tree's files that are not read say so. A file the working tree did not read has that
 * problem already.
 */
export function unreadNotice(pair: UnreadPair, baseName: string): string {
  const why = pair.problem.message.replace(/^This file/, 'this file');
  return pair.side === 'base' ? `Not compared with ${baseName}: on ${baseName} ${why}` : `Not compared with ${baseName}: in this branch ${why}`;
}

function unreadAtBase(input: BranchInput): BranchProblem[] {
  return input.pairing.unread
    .filter((pair) => pair.side === 'base')
    .map((pair) => ({ path: pair.read.path, problem: { code: 'file-skipped', severity: PROBLEM_CODES['file-skipped'].severity, message: unreadNotice(pair, input.baseName), range: START } }));
}

/** Every problem the branch makes against its base, with the configured severities; codes set to off are left out. */
export function branchProblems(input: BranchInput): BranchProblem[] {
  const all = [...numbersTaken(input), ...rewrittenAccepted(input), ...ownerChanges(input), ...deletions(input), ...unreadAtBase(input)];
  const shown: BranchProblem[] = [];
  for (const found of all) {
    const severity = input.config.severities[found.problem.code] ?? found.problem.severity;
    if (severity !== 'off') shown.push({ path: found.path, problem: { ...found.problem, severity } });
  }
  return shown;
}
