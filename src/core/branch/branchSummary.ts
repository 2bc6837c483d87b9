import type { Decision, Problem, Relation } from '../model';
import { formatId } from '../read/fileName';
import { resolveRole, type AdrRolesConfig } from '../workspace/config';
import type { Pairing, RevisionDecision, UnreadPair } from './pairing';
import { unreadNotice } from './branchRules';

export type ChangeKind = 'added' | 'changed' | 'renamed' | 'deleted';

export interface RelationChange {
  kind: 'overrides' | 'supersedes';
  target: string;
  trigger: string | null;
  triggerDetail: string | null;
}

/** One decision the branch adds, changes, renames or deletes, and what changed in it. */
export interface ChangedDecision {
  id: string;
  title: string | null;
  /** From the repository root; the base's path for a deleted decision. */
  path: string;
  previousPath: string | null;
  change: ChangeKind;
  status: { from: string | null; to: string | null } | null;
  owner: { from: string | null; to: string | null } | null;
  /** Overrides and supersedes the branch records. */
  replaces: RelationChange[];
  elevation: { from: string | null; on: string | null } | null;
  /** Why the decision could not be compared (one side's file is over the size limit): then status, owner and the rest are null. */
  notice: string | null;
  problems: { code: string; severity: string; message: string }[];
}

export interface RoleGroup {
  /** null: decisions whose owner is not a configured role, or that have none. */
  role: { id: string; label: string } | null;
  decisions: ChangedDecision[];
}

export interface BranchSummary {
  base: string;
  counts: { added: number; changed: number; renamed: number; deleted: number; problems: number };
  groups: RoleGroup[];
}

function targetOf(relation: Relation): string {
  return relation.target.number !== null ? formatId(relation.target.number) : relation.target.raw;
}

/** Overrides and supersedes the head declares that the base did not. */
function newReplacements(base: Decision | undefined, head: Decision): RelationChange[] {
  const before = new Set((base?.relations ?? []).map((r) => `${r.kind}\0${targetOf(r)}`));
  return head.relations
    .filter((r): r is Relation & { kind: 'overrides' | 'supersedes' } => (r.kind === 'overrides' || r.kind === 'supersedes') && !before.has(`${r.kind}\0${targetOf(r)}`))
    .map((r) => ({ kind: r.kind, target: targetOf(r), trigger: head.trigger?.value ?? null, triggerDetail: head.triggerDetail?.value ?? null }));
}

const valueOf = (located: { value: string } | null): string | null => located?.value ?? null;

function changeOf(base: RevisionDecision | undefined, head: RevisionDecision | undefined, problems: ChangedDecision['problems']): ChangedDecision {
  const now = (head ?? base) as RevisionDecision;
  const was = base?.decision;
  const is = head?.decision;
  const statusFrom = was ? valueOf(was.status) : null;
  const statusTo = is ? valueOf(is.status) : null;
  const ownerFrom = was ? valueOf(was.owner) : null;
  const ownerTo = is ? valueOf(is.owner) : null;
  const elevated = is?.elevatedOn && is.elevatedOn.value !== was?.elevatedOn?.value;
  return {
    id: now.decision.id,
    title: valueOf(now.decision.title),
    path: now.path,
    previousPath: base && head && base.path !== head.path ? base.path : null,
    change: !base ? 'added' : !head ? 'deleted' : base.path !== head.path ? 'renamed' : 'changed',
    status: base && head && statusFrom !== statusTo ? { from: statusFrom, to: statusTo } : null,
    owner: base && head && (ownerFrom ?? '').toLowerCase() !== (ownerTo ?? '').toLowerCase() ? { from: ownerFrom, to: ownerTo } : null,
    replaces: is ? newReplacements(was, is) : [],
    elevation: elevated && is ? { from: valueOf(is.elevatedFrom), on: valueOf(is.elevatedOn) } : null,
    notice: null,
    problems,
  };
}

/** A decision one side did not read: changed (or renamed), and what changed is not known. */
function unreadChangeOf(pair: UnreadPair, baseName: string, problems: ChangedDecision['problems']): ChangedDecision {
  const [basePath, headPath] = pair.side === 'base' ? [pair.otherPath, pair.read.path] : [pair.read.path, pair.otherPath];
  return {
    id: pair.read.decision.id,
    title: valueOf(pair.read.decision.title),
    path: headPath,
    previousPath: basePath !== headPath ? basePath : null,
    change: basePath !== headPath ? 'renamed' : 'changed',
    status: null,
    owner: null,
    replaces: [],
    elevation: null,
    notice: unreadNotice(pair, baseName),
    problems,
  };
}

/**
 * What the branch does to the decisions, grouped by the role that owns each (as the branch has it;
 * a deleted decision by its owner at the base): for the pull request, so each role sees its own.
 * `problemsOf` gives the problems to show with a decision, by its path from the root.
 */
export function summarizeBranch(pairing: Pairing, problemsOf: (path: string) => Problem[], config: AdrRolesConfig, base: string): BranchSummary {
  const shown = (path: string): ChangedDecision['problems'] => problemsOf(path).map((p) => ({ code: p.code, severity: p.severity, message: p.message }));
  // Each change with the owner it is grouped by: the branch's, or the base's for a deleted decision.
  const changes: { change: ChangedDecision; owner: string | undefined }[] = [
    ...pairing.added.map((h) => ({ change: changeOf(undefined, h, shown(h.path)), owner: h.decision.owner?.value })),
    ...pairing.pairs
      .filter(({ base: b, head: h }) => b.text !== h.text || b.path !== h.path)
      .map(({ base: b, head: h }) => ({ change: changeOf(b, h, shown(h.path)), owner: h.decision.owner?.value })),
    ...pairing.deleted.map((b) => ({ change: changeOf(b, undefined, shown(b.path)), owner: b.decision.owner?.value })),
    // The notice says what could not be compared; a problem repeating it would say it twice.
    ...pairing.unread.map((u) => {
      const path = u.side === 'base' ? u.read.path : u.otherPath;
      return { change: unreadChangeOf(u, base, shown(path).filter((p) => p.code !== 'file-skipped')), owner: u.read.decision.owner?.value };
    }),
  ].sort((a, b) => (a.change.path < b.change.path ? -1 : a.change.path > b.change.path ? 1 : 0));
  const groups = new Map<string, RoleGroup>();
  for (const { change, owner } of changes) {
    const role = owner === undefined ? undefined : resolveRole(owner, config.roles);
    const key = role?.id ?? '';
    const group = groups.get(key) ?? { role: role ? { id: role.id, label: role.label } : null, decisions: [] };
    group.decisions.push(change);
    groups.set(key, group);
  }
  // Roles in their configured order, the decisions no role owns last.
  const order = config.roles.map((r) => r.id);
  const sorted = [...groups.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : order.indexOf(a) - order.indexOf(b))).map(([, g]) => g);
  const count = (kind: ChangeKind): number => changes.filter((c) => c.change.change === kind).length;
  return {
    base,
    counts: { added: count('added'), changed: count('changed'), renamed: count('renamed'), deleted: count('deleted'), problems: changes.reduce((n, c) => n + c.change.problems.length, 0) },
    groups: sorted,
  };
}
