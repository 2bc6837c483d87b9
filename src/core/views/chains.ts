import type { DecisionLog } from '../workspace/catalog';
import type { Decision } from '../model';

/** A decision with the decisions it replaced beneath it, and how it replaced each. */
export interface ChainNode {
  decision: Decision;
  /** How this node replaced its parent's decision: `overrides` or `supersedes`; null for a root. */
  via: 'overrides' | 'supersedes' | null;
  replaced: ChainNode[];
}

const REPLACES = ['overrides', 'supersedes'] as const;

/**
 * Override and supersede chains: each decision still in force is a root, with what it overrode or
 * superseded beneath it, and so on back in time. Decisions caught in a loop have no current end;
 * they are listed as roots of their own so nothing disappears from view.
 *
 * Each decision appears once, under the first decision found to replace it: a log where each
 * decision replaces both of the next pair would otherwise show every path (2^22 for 44 decisions).
 * Built with an explicit stack, so a chain of 10,000 does not recurse 10,000 deep.
 */
export function chainsOf(log: DecisionLog): ChainNode[] {
  const placed = new Set<Decision>();
  const build = (root: Decision): ChainNode => {
    placed.add(root);
    const top: ChainNode = { decision: root, via: null, replaced: [] };
    const pending: { node: ChainNode; relations: ReturnType<DecisionLog['relationsOf']>; next: number }[] = [{ node: top, relations: log.relationsOf(root), next: 0 }];
    while (pending.length > 0) {
      const frame = pending[pending.length - 1]!;
      if (frame.next >= frame.relations.length) {
        pending.pop();
        continue;
      }
      const relation = frame.relations[frame.next++]!;
      const target = relation.target;
      if (!target || placed.has(target) || !(REPLACES as readonly string[]).includes(relation.kind)) continue;
      placed.add(target);
      const child: ChainNode = { decision: target, via: relation.kind as 'overrides' | 'supersedes', replaced: [] };
      frame.node.replaced.push(child);
      pending.push({ node: child, relations: log.relationsOf(target), next: 0 });
    }
    return top;
  };
  const isReplaced = (d: Decision): boolean => log.relationsOf(d).some((r) => (r.kind === 'overridden-by' || r.kind === 'superseded-by') && r.target);
  const roots = log.decisions().filter((d) => !isReplaced(d)).map((d) => build(d));
  for (const d of log.decisions()) if (!placed.has(d)) roots.push(build(d));
  return roots;
}
