// Where boxes and arrows go. dagre lays out each connected group of decisions (the layered layout
// suits chains of overrides); the groups are then set side by side in rows no wider than the
// panel, chains first, so a log of fifty mostly unrelated decisions does not become one endless row.
// Pure: sizes come in measured, coordinates go out, so it runs under the unit tests too.
import { graphlib, layout } from '@dagrejs/dagre';

export interface Box {
  key: string;
  width: number;
  height: number;
}

export interface Link {
  key: string;
  from: string;
  to: string;
  labelWidth: number;
  labelHeight: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A box with its top-left corner. */
export interface PlacedBox extends Box, Point {}

export interface PlacedLink {
  key: string;
  from: string;
  to: string;
  points: Point[];
  /** Centre of the label. */
  label: Point;
}

export interface Layout {
  boxes: Map<string, PlacedBox>;
  links: PlacedLink[];
  width: number;
  height: number;
}

export const GROUP_GAP = 28;
const RANK_GAP = 56;
const NODE_GAP = 36;

interface Group {
  boxes: PlacedBox[];
  links: PlacedLink[];
  width: number;
  height: number;
}

export function layoutGraph(boxes: readonly Box[], links: readonly Link[], maxWidth: number): Layout {
  const known = new Set(boxes.map((b) => b.key));
  const usable = links.filter((l) => known.has(l.from) && known.has(l.to));
  const groups = connectedGroups(boxes, usable).map(({ boxes: members, links: joining }) => layoutGroup(members, joining));
  // Chains first, in the order of their earliest decision; lone decisions after them, in order.
  const ordered = [...groups.filter((g) => g.links.length > 0), ...groups.filter((g) => g.links.length === 0)];
  return pack(ordered, maxWidth);
}

/** Groups of boxes joined by links, each with its boxes in the order given and the links among them. */
function connectedGroups(boxes: readonly Box[], links: readonly Link[]): { boxes: Box[]; links: Link[] }[] {
  const parent = new Map(boxes.map((b) => [b.key, b.key]));
  const root = (key: string): string => {
    let r = key;
    while (parent.get(r) !== r) r = parent.get(r)!;
    // Path compression: every box on the way points at the root, so later lookups are short.
    for (let k = key; k !== r; ) {
      const next = parent.get(k)!;
      parent.set(k, r);
      k = next;
    }
    return r;
  };
  for (const link of links) parent.set(root(link.from), root(link.to));
  const groups = new Map<string, { boxes: Box[]; links: Link[] }>();
  for (const box of boxes) {
    const key = root(box.key);
    const group = groups.get(key);
    if (group) group.boxes.push(box);
    else groups.set(key, { boxes: [box], links: [] });
  }
  for (const link of links) groups.get(root(link.from))!.links.push(link);
  return [...groups.values()];
}

function layoutGroup(boxes: readonly Box[], links: readonly Link[]): Group {
  if (links.length === 0 && boxes.length === 1) {
    const only = boxes[0]!;
    return { boxes: [{ ...only, x: 0, y: 0 }], links: [], width: only.width, height: only.height };
  }
  const graph = new graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: NODE_GAP, ranksep: RANK_GAP, edgesep: 16, marginx: 0, marginy: 0 });
  for (const box of boxes) graph.setNode(box.key, { width: box.width, height: box.height });
  for (const link of links) graph.setEdge(link.from, link.to, { width: link.labelWidth, height: link.labelHeight, labelpos: 'c' }, link.key);
  layout(graph);
  const placed = boxes.map((box): PlacedBox => {
    const node = graph.node(box.key) as { x: number; y: number };
    return { ...box, x: node.x - box.width / 2, y: node.y - box.height / 2 };
  });
  const placedLinks = links.map((link): PlacedLink => {
    const edge = graph.edge({ v: link.from, w: link.to, name: link.key }) as { points?: Point[]; x?: number; y?: number };
    const points = edge.points ?? [];
    const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return { key: link.key, from: link.from, to: link.to, points, label: { x: edge.x ?? middle.x, y: edge.y ?? middle.y } };
  });
  const { width = 0, height = 0 } = graph.graph() as { width?: number; height?: number };
  return { boxes: placed, links: placedLinks, width, height };
}

/** Rows of groups, left to right, wrapping before a group that would cross maxWidth. */
function pack(groups: readonly Group[], maxWidth: number): Layout {
  const boxes = new Map<string, PlacedBox>();
  const links: PlacedLink[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  let previousChained: boolean | undefined;
  for (const group of groups) {
    const chained = group.links.length > 0;
    // Lone decisions start on a row of their own, below the chains.
    const newRow = x > 0 && (x + group.width > maxWidth || (previousChained === true && !chained));
    if (newRow) {
      x = 0;
      y += rowHeight + GROUP_GAP;
      rowHeight = 0;
    }
    for (const box of group.boxes) boxes.set(box.key, { ...box, x: box.x + x, y: box.y + y });
    for (const link of group.links) {
      links.push({ ...link, points: link.points.map((p) => ({ x: p.x + x, y: p.y + y })), label: { x: link.label.x + x, y: link.label.y + y } });
    }
    width = Math.max(width, x + group.width);
    rowHeight = Math.max(rowHeight, group.height);
    x += group.width + GROUP_GAP;
    previousChained = chained;
  }
  return { boxes, links, width, height: groups.length > 0 ? y + rowHeight : 0 };
}
