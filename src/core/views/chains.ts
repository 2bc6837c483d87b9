import type { DecisionLog } from '../workspace/catalog';
import type { Decision } from '../model';

/** A decision with the decisions it replaced beneath it, and how it replaced each. */
export interface ChainNode {
  decision: Decision;
  /** How this node replaced its parent's decision: `overrides` or `supersedes`; null for a root. */
  via: 'overrides' | 'supersedes' | null;
  replaced: ChainNode[];
  /**
   * True when the decision's own chain is shown elsewhere: a decision that several replaced has its
   * chain beneath one of them and stands beneath each other one as a reference, with nothing under it.
   */
  reference: boolean;
  /** For a reference, the decision its chain is beneath, or null when its chain is a root. */
  shownUnder: Decision | null;
}

const REPLACES = ['overrides', 'supersedes'] as const;

/**
 * Override and supersede chains: each decision still in force is a root, with what it overrode or
 * superseded beneath it, and so on back in time. Decisions caught in a loop have no current end;
 * they are listed as roots of their own so nothing disappears from view.
 *
 * Each decision's chain appears once, under the first decision found to replace it; under any
 * other that replaced it, it is a reference. A log where each decision replaces both of the next
 * pair would otherwise show every path (2^22 for 44 decisions): this way the tree has one node per
 * decision and one per relation at most. Built with an explicit stack, so a chain of 10,000 does
 * not recurse 10,000 deep.
 */
export function chainsOf(log: DecisionLog): ChainNode[] {
  // Where each decision's chain was put: beneath this decision, or null for a root.
  const placed = new Map<Decision, Decision | null>();
  const references: ChainNode[] = [];
  const build = (root: Decision): ChainNode => {
    placed.set(root, null);
    const top: ChainNode = { decision: root, via: null, replaced: [], reference: false, shownUnder: null };
    const frameOf = (node: ChainNode) => ({ node, relations: log.relationsOf(node.decision), next: 0, named: new Set<Decision>([node.decision]) });
    const pending = [frameOf(top)];
    while (pending.length > 0) {
      const frame = pending[pending.length - 1]!;
      if (frame.next >= frame.relations.length) {
        pending.pop();
        continue;
      }
      const relation = frame.relations[frame.next++]!;
      const target = relation.target;
      if (!target || frame.named.has(target) || !(REPLACES as readonly string[]).includes(relation.kind)) continue;
      frame.named.add(target);
      const via = relation.kind as 'overrides' | 'supersedes';
      const reference = placed.has(target);
      const child: ChainNode = { decision: target, via, replaced: [], reference, shownUnder: null };
      frame.node.replaced.push(child);
      if (reference) references.push(child);
      else {
        placed.set(target, frame.node.decision);
        pending.push(frameOf(child));
      }
    }
    return top;
  };
  const isReplaced = (d: Decision): boolean => log.relationsOf(d).some((r) => (r.kind === 'overridden-by' || r.kind === 'superseded-by') && r.target);
  const roots = log.decisions().filter((d) => !isReplaced(d)).map((d) => build(d));
  for (const d of log.decisions()) if (!placed.has(d)) roots.push(build(d));
  for (const reference of references) reference.shownUnder = placed.get(reference.decision) ?? null;
  return roots;
}

/** Every node of the chains, parents before their children, without recursion. */
export function allNodes(chains: readonly ChainNode[]): ChainNode[] {
  const found: ChainNode[] = [];
  const pending = [...chains].reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    found.push(node);
    for (let i = node.replaced.length - 1; i >= 0; i--) pending.push(node.replaced[i]!);
  }
  return found;
}

/** The chains with a decision that `keep` accepts anywhere in them, in order, without recursion. */
export function chainsWhere(chains: readonly ChainNode[], keep: (decision: Decision) => boolean): ChainNode[] {
  return chains.filter((chain) => allNodes([chain]).some((node) => keep(node.decision)));
}
