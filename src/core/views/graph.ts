import type { DecisionLog } from '../workspace/catalog';
import { resolveRole, type Role } from '../workspace/config';
import { formatId } from '../read/fileName';
import type { Decision, DecisionRef } from '../model';
import { dirName } from '../workspace/paths';
import { lifecycleCounts, standingOf, type LifecycleCounts } from './standing';
import { roleName } from './vocabulary';
import { lookupTable } from '../read/lookup';

/**
 * How a node is coloured: by the kind of its owning role. An owner that names no configured role
 * and a missing owner are kept apart from each other, since each is a different mistake.
 */
export type OwnerClass = 'strategy' | 'execution' | 'other' | 'unknown-role' | 'unowned';

export interface OwnerInfo {
  /** What `owner:` says. */
  written: string;
  /** The configured role it names, or null when it names none. */
  role: { id: string; label: string; kind: string } | null;
}

export interface DecisionNode {
  type: 'decision';
  /** Unique within its folder graph: the decision's file, since two branches can leave two ADR-0012. */
  key: string;
  id: string;
  /** The title to lay out: at most MAX_LAYOUT_TITLE characters, cut with an ellipsis. */
  title: string;
  /** The whole title, for the tooltip and the accessible name. */
  fullTitle: string;
  owner: OwnerInfo | null;
  ownerClass: OwnerClass;
  status: string | null;
  date: string | null;
  /** The file as read, so an adapter can open it. */
  file: string;
  /** The file as shown (see GraphOptions.pathOf). */
  path: string;
  folder: string;
  /** True when the decision is no longer in force (see `standingOf`): it is history. */
  replaced: boolean;
  elevated: { from: string; fromLabel: string; on: string | null } | null;
}

/** The role an elevated decision came from, drawn so the elevation reads as a hand-over. */
export interface RoleNode {
  type: 'role';
  key: string;
  label: string;
  ownerClass: OwnerClass;
}

/** A decision named by a relation that is not in the folder: drawn so the broken link is seen. */
export interface MissingNode {
  type: 'missing';
  key: string;
  id: string;
}

export type GraphNode = DecisionNode | RoleNode | MissingNode;

export interface GraphEdge {
  kind: 'overrides' | 'supersedes' | 'elevated';
  /** The newer decision (or, for an elevation, the role it came from). */
  from: string;
  /** The decision replaced (or elevated). */
  to: string;
  /** Overrides only: `new-resource` or `new-requirement`, null when the overriding decision gives none. */
  trigger: string | null;
  triggerDetail: string | null;
  /** Elevations only: the date of the hand-over. */
  on: string | null;
  /** Which ends write the relation down; one-sided relations are drawn but can be told apart. */
  declaredBy: 'both' | 'newer' | 'older';
}

export interface FolderGraph {
  folder: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface DecisionGraph {
  folders: FolderGraph[];
  /** The configured roles, for the legend, in configuration order. */
  roles: { id: string; label: string; kind: string; ownerClass: OwnerClass }[];
  /** What the summary line counts: the same definition as the Ownership Report's. */
  counts: LifecycleCounts;
}

export interface GraphOptions {
  /** How files and folders are shown (the CLI shows them relative to the current directory). */
  pathOf?: (path: string) => string;
}

/** A box shows three lines of a title; a longer one only costs layout time, so it is cut before. */
export const MAX_LAYOUT_TITLE = 300;

const REPLACING_KINDS = ['overrides', 'supersedes'] as const;
const REPLACED_KINDS: Readonly<Record<string, 'overrides' | 'supersedes'>> = lookupTable({ 'overridden-by': 'overrides', 'superseded-by': 'supersedes' });

export function ownerClassOf(decision: Decision, roles: readonly Role[]): OwnerClass {
  if (!decision.owner) return 'unowned';
  const role = resolveRole(decision.owner.value, roles);
  return role ? roleClass(role) : 'unknown-role';
}

export function roleClass(role: Role): OwnerClass {
  if (role.kind === 'strategy') return 'strategy';
  return role.kind === 'execution' ? 'execution' : 'other';
}

/**
 * One graph per decision folder (each folder numbers from 1, so relations never cross folders):
 * decisions, what overrode or superseded what, and elevations as an edge from the role the
 * decision was taken from. A relation written at either end makes an edge.
 */
export function buildGraph(logs: readonly DecisionLog[], roles: readonly Role[], options: GraphOptions = {}): DecisionGraph {
  const pathOf = options.pathOf ?? ((path: string) => path);
  return {
    folders: logs.filter((log) => log.size > 0).map((log) => folderGraph(log, roles, pathOf)),
    roles: roles.map((r) => ({ id: r.id, label: r.label, kind: r.kind, ownerClass: roleClass(r) })),
    counts: lifecycleCounts(logs),
  };
}

function folderGraph(log: DecisionLog, roles: readonly Role[], pathOf: (path: string) => string): FolderGraph {
  const nodes: GraphNode[] = [];
  const edges = new Map<string, GraphEdge>();
  const missing = new Map<string, MissingNode>();
  const roleNodes = new Map<string, RoleNode>();

  const addEdge = (kind: 'overrides' | 'supersedes', newer: Decision | string, older: Decision | string, declaredAtNewer: boolean): void => {
    const from = typeof newer === 'string' ? newer : newer.file;
    const to = typeof older === 'string' ? older : older.file;
    const key = `${kind}\n${from}\n${to}`;
    const found = edges.get(key);
    const declaredBy = declaredAtNewer ? 'newer' : 'older';
    if (found) {
      if (found.declaredBy !== declaredBy) found.declaredBy = 'both';
      return;
    }
    const overriding = kind === 'overrides' && typeof newer !== 'string' ? newer : undefined;
    edges.set(key, {
      kind,
      from,
      to,
      trigger: overriding?.trigger?.value ?? null,
      triggerDetail: overriding?.triggerDetail?.value ?? null,
      on: null,
      declaredBy,
    });
  };
  const missingKey = (raw: string): string => {
    const key = `missing:${raw}`;
    if (!missing.has(key)) missing.set(key, { type: 'missing', key, id: raw });
    return key;
  };

  for (const decision of log.decisions()) {
    const node = decisionNode(decision, roles, pathOf);
    node.replaced = !standingOf(decision, log).inForce;
    nodes.push(node);
    for (const relation of log.relationsOf(decision)) {
      if (!relation.declared || relation.target === decision) continue;
      const target = relation.target ?? missingKey(refLabel(relation.ref));
      if ((REPLACING_KINDS as readonly string[]).includes(relation.kind)) addEdge(relation.kind as 'overrides' | 'supersedes', decision, target, true);
      const replacedBy = REPLACED_KINDS[relation.kind];
      if (replacedBy) addEdge(replacedBy, target, decision, false);
    }
    if (node.elevated) {
      const roleKey = `role:${node.elevated.from.toLowerCase()}`;
      const role = resolveRole(node.elevated.from, roles);
      if (!roleNodes.has(roleKey)) roleNodes.set(roleKey, { type: 'role', key: roleKey, label: node.elevated.fromLabel, ownerClass: role ? roleClass(role) : 'unknown-role' });
      edges.set(`elevated\n${roleKey}\n${decision.file}`, {
        kind: 'elevated',
        from: roleKey,
        to: decision.file,
        trigger: null,
        triggerDetail: null,
        on: node.elevated.on,
        declaredBy: 'newer',
      });
    }
  }
  return { folder: pathOf(log.folder), nodes: [...nodes, ...roleNodes.values(), ...missing.values()], edges: [...edges.values()] };
}

function decisionNode(decision: Decision, roles: readonly Role[], pathOf: (path: string) => string): DecisionNode {
  const role = decision.owner ? resolveRole(decision.owner.value, roles) : undefined;
  const from = decision.elevatedFrom?.value.trim();
  const title = decision.title?.value ?? decision.slug;
  return {
    type: 'decision',
    key: decision.file,
    id: decision.id,
    title: cutTitle(title),
    fullTitle: title,
    owner: decision.owner ? { written: decision.owner.value, role: role ? { id: role.id, label: role.label, kind: role.kind } : null } : null,
    ownerClass: ownerClassOf(decision, roles),
    status: decision.status?.value ?? null,
    date: decision.date?.value ?? null,
    file: decision.file,
    path: pathOf(decision.file),
    folder: pathOf(dirName(decision.file)),
    replaced: false,
    elevated: from ? { from, fromLabel: elevatedFromName(from, roles), on: decision.elevatedOn?.value ?? null } : null,
  };
}

/** The role an elevated decision was taken from, named as every face names a role; as written when it names none. */
function elevatedFromName(from: string, roles: readonly Role[]): string {
  const role = resolveRole(from, roles);
  return role ? roleName(role) : from;
}

/** A name for a decision that is not there: its id when the reference has a number. */
function refLabel(ref: DecisionRef): string {
  return ref.number !== null ? formatId(ref.number) : (ref.slug ?? ref.fileName ?? ref.raw);
}

/** At most MAX_LAYOUT_TITLE characters, the last one an ellipsis, never half a surrogate pair. */
export function cutTitle(title: string): string {
  if (title.length <= MAX_LAYOUT_TITLE) return title;
  let cut = MAX_LAYOUT_TITLE - 1;
  const code = title.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${title.slice(0, cut).trimEnd()}…`;
}
