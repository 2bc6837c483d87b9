import type { Role } from '../workspace/config';
import { resolveRole } from '../workspace/config';
import { MatchBudget } from '../workspace/matchBudget';
import { codeownersPath, parseCodeowners, ruleFor, type CodeownersRule } from './codeownersPattern';

/** A decision as CODEOWNERS needs it: its path relative to the repository root, and what `owner:` says. */
export interface OwnedFile {
  path: string;
  id: string;
  owner: string | undefined;
}

export type CodeownersNote =
  | { kind: 'unowned'; path: string; id: string }
  | { kind: 'unknown-owner'; path: string; id: string; owner: string }
  | { kind: 'unwritable-path'; path: string; id: string }
  | { kind: 'role-without-reviewers'; role: string; decisions: number };

export interface CodeownersPlan {
  /** The block's lines, one per decision whose role has reviewers, in path order. */
  lines: string[];
  /** Which file each line is for, in the same order. */
  paths: string[];
  notes: CodeownersNote[];
}

/** One line per decision: its escaped path and its role's reviewers. What cannot get one is noted instead. */
export function planCodeowners(files: readonly OwnedFile[], roles: readonly Role[]): CodeownersPlan {
  const lines: string[] = [];
  const paths: string[] = [];
  const notes: CodeownersNote[] = [];
  const withoutReviewers = new Map<string, number>();
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (!file.owner) {
      notes.push({ kind: 'unowned', path: file.path, id: file.id });
      continue;
    }
    const role = resolveRole(file.owner, roles);
    if (!role) {
      notes.push({ kind: 'unknown-owner', path: file.path, id: file.id, owner: file.owner });
      continue;
    }
    if (!role.reviewers || role.reviewers.length === 0) {
      withoutReviewers.set(role.id, (withoutReviewers.get(role.id) ?? 0) + 1);
      continue;
    }
    const pattern = codeownersPath(file.path);
    if (pattern === undefined) {
      notes.push({ kind: 'unwritable-path', path: file.path, id: file.id });
      continue;
    }
    lines.push(`${pattern} ${role.reviewers.join(' ')}`);
    paths.push(file.path);
  }
  for (const [role, decisions] of withoutReviewers) notes.push({ kind: 'role-without-reviewers', role, decisions });
  return { lines, paths, notes };
}

export interface Shadowed {
  path: string;
  rule: CodeownersRule;
}

/**
 * Steps the shadowing check may take in one run (a fifth of a second at most): a rule naming a
 * path is a comparison and a wildcard rule costs its length × the path's, so ordinary rules after
 * the block fit for thousands of decisions; a CODEOWNERS written to be slow stops here instead of
 * costing its size × decisions × path length.
 */
export const SHADOW_CHECK_STEPS = 20_000_000;

export interface ShadowCheck {
  shadowed: Shadowed[];
  /** Files not checked because the step budget ran out: a later rule may decide their owners. */
  unchecked: string[];
}

/**
 * Files of the block whose owners a rule after the block decides instead (last match wins): the
 * block's line is then dead, and the decision's owner role does not review its changes. Matching
 * is held to a step budget; the files left when it is spent are returned as unchecked.
 */
export function shadowedFiles(text: string, paths: readonly string[], blockEndLine: number, steps = SHADOW_CHECK_STEPS): ShadowCheck {
  const rules = parseCodeowners(text);
  const after = rules.filter((r) => r.line > blockEndLine);
  if (after.length === 0) return { shadowed: [], unchecked: [] };
  const budget = new MatchBudget(steps);
  const shadowed: Shadowed[] = [];
  for (const [at, path] of paths.entries()) {
    const rule = ruleFor(after, path, budget);
    if (rule) shadowed.push({ path, rule });
    else if (budget.exhausted) return { shadowed, unchecked: paths.slice(at) };
  }
  return { shadowed, unchecked: [] };
}
