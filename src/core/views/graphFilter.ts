import type { DecisionGraph, DecisionNode, FolderGraph } from './graph';
import { statusName, UNKNOWN_ROLE, UNOWNED } from './vocabulary';

/**
 * What the Decision Graph shows of a large log. Empty fields show everything: `owner` is
 * `unowned`, `unknown-role` or `role:<id>`; `status` is a status in lower case, `none` for none;
 * `relatedTo` is a decision's key, shown with every decision linked to it, however far.
 */
export interface GraphFilter {
  text: string;
  owner: string;
  status: string;
  relatedTo: string;
}

export const SHOW_ALL: GraphFilter = { text: '', owner: '', status: '', relatedTo: '' };

export interface FilterOption {
  value: string;
  label: string;
}

function decisionsOf(graph: DecisionGraph): DecisionNode[] {
  return graph.folders.flatMap((f) => f.nodes.filter((n): n is DecisionNode => n.type === 'decision'));
}

function statusValue(node: DecisionNode): string {
  return node.status ? node.status.trim().toLowerCase() : 'none';
}

/** The owners a decision of this graph has, as the owner filter offers them. */
export function ownerOptions(graph: DecisionGraph): FilterOption[] {
  const classes = new Set(decisionsOf(graph).map((d) => d.ownerClass));
  return [
    ...(classes.has('unowned') ? [{ value: 'unowned', label: UNOWNED }] : []),
    ...(classes.has('unknown-role') ? [{ value: 'unknown-role', label: UNKNOWN_ROLE }] : []),
    ...graph.roles.map((r) => ({ value: `role:${r.id}`, label: r.label })),
  ];
}

/** The statuses the graph's decisions have, in the order first met. */
export function statusOptions(graph: DecisionGraph): FilterOption[] {
  const seen = new Map<string, string>();
  for (const d of decisionsOf(graph)) if (!seen.has(statusValue(d))) seen.set(statusValue(d), statusName(d.status));
  return [...seen].map(([value, label]) => ({ value, label }));
}

/** Every decision, for "related to this decision only". */
export function decisionOptions(graph: DecisionGraph): FilterOption[] {
  return decisionsOf(graph).map((d) => ({ value: d.key, label: `${d.id} ${d.title}` }));
}

function matches(node: DecisionNode, filter: GraphFilter): boolean {
  if (filter.owner === 'unowned' || filter.owner === 'unknown-role') {
    if (node.ownerClass !== filter.owner) return false;
  } else if (filter.owner.startsWith('role:') && node.owner?.role?.id !== filter.owner.slice('role:'.length)) return false;
  if (filter.status && statusValue(node) !== filter.status) return false;
  const text = filter.text.trim().toLowerCase();
  if (!text) return true;
  return [node.id, node.fullTitle, node.owner?.written ?? '', node.owner?.role?.label ?? '', node.status ?? ''].some((field) => field.toLowerCase().includes(text));
}

/** The keys linked to `start` through the folder's edges, `start` too: one pass over nodes and edges. */
function related(folder: FolderGraph, start: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of folder.edges) {
    for (const [a, b] of [[e.from, e.to], [e.to, e.from]] as const) {
      const list = next.get(a);
      if (list) list.push(b);
      else next.set(a, [b]);
    }
  }
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const key of next.get(queue[i]!) ?? []) {
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push(key);
    }
  }
  return seen;
}

/**
 * The graph with only the decisions the filter keeps, the role and missing boxes their edges
 * reach, and the edges between what is kept. The counts stay the whole log's.
 */
export function filterGraph(graph: DecisionGraph, filter: GraphFilter): DecisionGraph {
  if (!filter.text.trim() && !filter.owner && !filter.status && !filter.relatedTo) return graph;
  const folders = graph.folders.map((folder) => {
    const around = filter.relatedTo ? related(folder, filter.relatedTo) : undefined;
    const kept = new Set(folder.nodes.filter((n) => n.type === 'decision' && matches(n, filter) && (!around || around.has(n.key))).map((n) => n.key));
    const decisions = new Set(folder.nodes.filter((n) => n.type === 'decision').map((n) => n.key));
    const reached = new Set(kept);
    for (const e of folder.edges) {
      if (kept.has(e.from) && !decisions.has(e.to)) reached.add(e.to);
      if (kept.has(e.to) && !decisions.has(e.from)) reached.add(e.from);
    }
    return { ...folder, nodes: folder.nodes.filter((n) => reached.has(n.key)), edges: folder.edges.filter((e) => reached.has(e.from) && reached.has(e.to)) };
  });
  return { ...graph, folders: folders.filter((f) => f.nodes.some((n) => n.type === 'decision')) };
}
