import type { DecisionLog } from '../workspace/catalog';
import type { Decision } from '../model';
import { decisionHeadRange, type Rule } from './rule';

/**
 * Edges from a newer decision to the one it replaced, whichever end declared them, each once: the
 * targets of relationsOf's ends of these kinds, in its order, without building its list (the whole
 * log's walk asks this of every decision).
 */
function replacedBy(log: DecisionLog, decision: Decision): Decision[] {
  const targets = new Set<Decision>();
  for (const r of decision.relations) {
    if (r.kind !== 'overrides' && r.kind !== 'supersedes') continue;
    const target = log.resolve(r.target);
    if (target) targets.add(target);
  }
  for (const r of log.inferredOf(decision)) if ((r.kind === 'overrides' || r.kind === 'supersedes') && r.target) targets.add(r.target);
  return [...targets];
}

/** A loop through a decision: the decisions in order (the first is the decision), at most MAX_SHOWN of them. */
interface Loop {
  shown: Decision[];
  /** How many decisions the loop passes through; more than `shown` when it is cut. */
  length: number;
}

/** Loops longer than this are shown by their first decisions and a count: 10,000 ids per message is no help to anyone. */
const MAX_SHOWN = 8;
/** Components up to this size get each member's shortest loop; larger ones one walk through a root (linear). */
const SMALL_COMPONENT = 64;

/**
 * The strongly connected components of the replaced-by graph: Tarjan's algorithm with an explicit
 * stack, so a chain of 10,000 supersedes neither recurses 10,000 deep nor walks the chain per decision.
 */
function components(nodes: readonly Decision[], edges: Map<Decision, Decision[]>): Decision[][] {
  const index = new Map<Decision, number>();
  const low = new Map<Decision, number>();
  const onStack = new Set<Decision>();
  const stack: Decision[] = [];
  const found: Decision[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: Decision; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = edges.get(frame.node) ?? [];
      if (frame.next < out.length) {
        const next = out[frame.next++]!;
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ node: next, next: 0 });
        } else if (onStack.has(next)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: Decision[] = [];
        for (let member = stack.pop(); member; member = stack.pop()) {
          onStack.delete(member);
          component.push(member);
          if (member === frame.node) break;
        }
        found.push(component);
      }
    }
  }
  return found;
}

/** Why a bounded search stopped before it knew: the caller computes every loop of the log instead. */
const TOO_FAR = Symbol('too far');

/**
 * The shortest loop from `start` back to it, by breadth-first search over `successors`, or null;
 * TOO_FAR once more than `limit` decisions were reached.
 */
function shortestLoop(start: Decision, successors: (d: Decision) => readonly Decision[], limit = Infinity): Loop | null | typeof TOO_FAR {
  const cameFrom = new Map<Decision, Decision>();
  const queue: Decision[] = [start];
  for (let head = 0; head < queue.length; head++) {
    if (queue.length > limit) return TOO_FAR;
    const at = queue[head]!;
    for (const next of successors(at)) {
      if (next === start) {
        const path: Decision[] = [];
        for (let step: Decision | undefined = at; step && step !== start; step = cameFrom.get(step)) path.push(step);
        const loop = [start, ...path.reverse()];
        return { shown: loop.slice(0, MAX_SHOWN), length: loop.length };
      }
      if (next !== start && !cameFrom.has(next)) {
        cameFrom.set(next, at);
        queue.push(next);
      }
    }
  }
  return null;
}

/**
 * A loop through every member of a large component in linear time: from each member along the
 * breadth-first tree back to a root, then from the root along its forward tree to the member.
 */
function walksThrough(component: Decision[], edges: Map<Decision, Decision[]>, loops: Map<Decision, Loop>): void {
  const members = new Set(component);
  const root = component[0]!;
  const inbound = new Map<Decision, Decision[]>();
  for (const from of component) for (const to of edges.get(from) ?? []) if (members.has(to)) (inbound.get(to) ?? inbound.set(to, []).get(to)!).push(from);
  // toward: the next decision on a shortest path to the root; back: that path's length.
  const toward = new Map<Decision, Decision>();
  const back = new Map<Decision, number>([[root, 0]]);
  const queue = [root];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    for (const from of inbound.get(at) ?? []) {
      if (back.has(from)) continue;
      back.set(from, back.get(at)! + 1);
      toward.set(from, at);
      queue.push(from);
    }
  }
  const depth = new Map<Decision, number>([[root, 0]]);
  const forward = [root];
  for (let head = 0; head < forward.length; head++) {
    const at = forward[head]!;
    for (const to of edges.get(at) ?? []) {
      if (!members.has(to) || depth.has(to)) continue;
      depth.set(to, depth.get(at)! + 1);
      forward.push(to);
    }
  }
  const firstStep = (edges.get(root) ?? []).find((d) => members.has(d))!;
  for (const member of component) {
    const start = member === root ? firstStep : member;
    const length = member === root ? 1 + back.get(firstStep)! : back.get(member)! + depth.get(member)!;
    const shown: Decision[] = member === root ? [root] : [];
    // Back to the root (where the root's own walk ends, the loop closes: it is not shown twice).
    for (let step: Decision | undefined = start; step && shown.length < MAX_SHOWN && !(member === root && step === root); step = toward.get(step)) {
      shown.push(step);
      if (step === root) break;
    }
    loops.set(member, { shown, length });
  }
}

/** Every decision on a loop, with one loop through it; computed once per state of the log. */
const loopsByLog = new WeakMap<readonly Decision[], Map<Decision, Loop>>();
/** How many decisions were checked on their own since the log changed. */
const walksByLog = new WeakMap<readonly Decision[], number>();
/**
 * After an edit, the decisions being linted (the edited one and its relations) are checked on their
 * own while what they reach stays small: the same loop the whole log's search gives them, without
 * its cost on every keystroke (70 ms in a 10,000-decision log). Past these bounds, or after this
 * many checks in one state of the log (a full lint), the whole log is searched once.
 */
const OWN_WALKS = 64;

function loopThrough(log: DecisionLog, decision: Decision): Loop | null {
  const nodes = log.decisions();
  const cached = loopsByLog.get(nodes);
  if (cached) return cached.get(decision) ?? null;
  const walks = walksByLog.get(nodes) ?? 0;
  if (walks < OWN_WALKS) {
    walksByLog.set(nodes, walks + 1);
    const loop = shortestLoop(decision, (d) => replacedBy(log, d), SMALL_COMPONENT);
    if (loop !== TOO_FAR) return loop;
  }
  return loopsOf(log).get(decision) ?? null;
}

function loopsOf(log: DecisionLog): Map<Decision, Loop> {
  const nodes = log.decisions();
  const cached = loopsByLog.get(nodes);
  if (cached) return cached;
  const edges = new Map(nodes.map((d) => [d, replacedBy(log, d)]));
  const loops = new Map<Decision, Loop>();
  for (const component of components(nodes, edges)) {
    const only = component[0]!;
    if (component.length === 1 && !(edges.get(only) ?? []).includes(only)) continue;
    if (component.length > SMALL_COMPONENT) walksThrough(component, edges, loops);
    else {
      const members = new Set(component);
      const inside = (d: Decision): Decision[] => (edges.get(d) ?? []).filter((next) => members.has(next));
      for (const member of component) {
        const loop = shortestLoop(member, inside);
        if (loop && loop !== TOO_FAR) loops.set(member, loop);
      }
    }
  }
  loopsByLog.set(nodes, loops);
  return loops;
}

/** `ADR-1 → ADR-3 → ADR-2 → ADR-1`, or `ADR-1 → … → ADR-1 (10,000 decisions)` for a long one. */
function loopIds(loop: Loop): string[] {
  const ids = loop.shown.map((d) => d.id);
  const first = ids[0] ?? '';
  return loop.length > loop.shown.length ? [...ids, '…', first] : [...ids, first];
}

export const relationCycle: Rule = {
  code: 'relation-cycle',
  check({ decision, log }) {
    // A decision the log does not hold (a reading not yet stored) is walked on its own.
    const loop = log.get(decision.file) === decision ? loopThrough(log, decision) : shortestLoop(decision, (d) => replacedBy(log, d));
    if (!loop || loop === TOO_FAR) return [];
    const ids = loopIds(loop);
    const count = loop.length > loop.shown.length ? ` (${loop.length.toLocaleString('en-US')} decisions)` : '';
    return [
      {
        code: 'relation-cycle',
        message: `The override/supersede chain loops: ${ids.join(' → ')}${count}. A decision cannot replace one that replaces it.`,
        range: decisionHeadRange(decision),
        data: { loop: ids, loopLength: loop.length },
      },
    ];
  },
};
