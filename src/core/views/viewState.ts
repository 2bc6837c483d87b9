import { plainText } from './plainText';
import { decisionCount } from './vocabulary';

/** How the Decisions view arranges its decisions. */
export type Grouping = 'role' | 'status' | 'chain' | 'flat';

export const GROUPINGS: readonly Grouping[] = ['role', 'status', 'chain', 'flat'];

/** What the view opens with, and what Reset View goes back to. */
export const DEFAULT_GROUPING: Grouping = 'role';

const GROUPING_NAMES: Record<Grouping, string> = {
  role: 'by owner role',
  status: 'by status',
  chain: 'by override chain',
  flat: 'as a list',
};

/** A filter longer than this is cut in the description: the view's title bar has one short line. */
const FILTER_SHOWN = 40;

/**
 * The view's description, next to its title: VS Code shows no checkmark for the active grouping in
 * a view's `…` menu, so the view says how it is arranged and what it is filtered on.
 */
export function viewDescription(grouping: Grouping, filter: string): string {
  const shown = plainText(filter);
  const cut = shown.length > FILTER_SHOWN ? `${shown.slice(0, FILTER_SHOWN - 1)}…` : shown;
  return cut ? `${GROUPING_NAMES[grouping]} · filter: ${cut}` : GROUPING_NAMES[grouping];
}

/** Whether the view shows everything the way it opens: Reset View has nothing to do then. */
export function isDefaultView(grouping: Grouping, filter: string): boolean {
  return grouping === DEFAULT_GROUPING && filter === '';
}

/**
 * The view's badge: what needs someone — decisions without an owner, and decisions past their
 * review date — with the tooltip saying which; none when nothing does. A view has one badge, so
 * both counts share it, and the tooltip's parts add up to its number.
 */
export function viewBadge(unowned: number, overdue: number): { value: number; tooltip: string } | undefined {
  const parts = [unowned > 0 ? `${decisionCount(unowned)} without an owner` : '', overdue > 0 ? `${decisionCount(overdue)} due for review` : ''].filter(Boolean);
  return parts.length > 0 ? { value: unowned + overdue, tooltip: parts.join(', ') } : undefined;
}

/** The key of a tree's top level among the parents: no node's key is empty. */
const TOP = '';

/**
 * The nodes a tree view has handed out, by key, and their parents. VS Code finds an element to
 * reveal by identity and walks up with getParent, so a key keeps one object across refreshes
 * (`update` refreshes it in place): an index change between finding a node and revealing it must
 * not make it a stranger. What a parent no longer shows is forgotten with everything beneath it,
 * so the maps hold what the tree shows, not every row it ever showed.
 */
export class TreeNodes<N extends object> {
  private readonly nodes = new Map<string, N>();
  private readonly parents = new Map<N, N>();
  /** The keys each parent's children had when last asked (TOP for the top level). */
  private readonly childKeys = new Map<string, string[]>();
  /** Bumped by changed(): a node handed out in the current generation is where the tree has it now. */
  private generation = 0;
  private readonly handedOutIn = new WeakMap<N, number>();

  constructor(
    private readonly keyOf: (node: N) => string,
    private readonly update: (known: N, fresh: N) => N,
  ) {}

  /** What the tree shows may have changed: nodes handed out before are no longer known to be current. */
  changed(): void {
    this.generation++;
  }

  /**
   * The objects to hand out for what `parent` (undefined: the top level) shows now: the known
   * object of each key, updated, or the fresh one. A parent the tree no longer holds (asked about
   * by a caller that had it before a refresh) gets its children built, not kept.
   */
  children(parent: N | undefined, fresh: readonly N[]): N[] {
    const parentKey = parent ? this.keyOf(parent) : TOP;
    if (parent && this.nodes.get(parentKey) !== parent) return [...fresh];
    const children = fresh.map((child) => {
      const key = this.keyOf(child);
      const known = this.nodes.get(key);
      const current = known ? this.update(known, child) : child;
      this.nodes.set(key, current);
      if (parent) this.parents.set(current, parent);
      else this.parents.delete(current);
      this.handedOutIn.set(current, this.generation);
      return current;
    });
    this.forgetGone(parentKey, parent, children.map(this.keyOf));
    return children;
  }

  parentOf(node: N): N | undefined {
    return this.parents.get(node);
  }

  /** The node with this key if it was handed out since the last change: where the tree shows it now. */
  current(key: string): N | undefined {
    const node = this.nodes.get(key);
    return node && this.handedOutIn.get(node) === this.generation ? node : undefined;
  }

  /** Nodes held: what the tree showed when each parent was last asked. */
  get size(): number {
    return this.nodes.size;
  }

  /**
   * Forgets the children `parent` had and has no more, and what was beneath them: only those still
   * recorded under this parent, since a row that moved to another parent keeps its object.
   */
  private forgetGone(parentKey: string, parent: N | undefined, keys: string[]): void {
    const kept = new Set(keys);
    const gone = (this.childKeys.get(parentKey) ?? []).filter((key) => !kept.has(key) && this.isChildOf(key, parent));
    this.childKeys.set(parentKey, keys);
    // A stack, not recursion: a chain may be 10,000 decisions deep.
    while (gone.length > 0) {
      const key = gone.pop()!;
      const node = this.nodes.get(key);
      if (!node) continue;
      this.nodes.delete(key);
      this.parents.delete(node);
      for (const child of this.childKeys.get(key) ?? []) if (this.isChildOf(child, node)) gone.push(child);
      this.childKeys.delete(key);
    }
  }

  private isChildOf(key: string, parent: N | undefined): boolean {
    const node = this.nodes.get(key);
    return node !== undefined && this.parents.get(node) === parent;
  }
}
