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
 */
export function chainsOf(log: DecisionLog): ChainNode[] {
  const seen = new Set<Decision>();
  const build = (decision: Decision, via: ChainNode['via'], path: Set<Decision>): ChainNode => {
    seen.add(decision);
    const next = new Set(path).add(decision);
    const replaced = log
      .relationsOf(decision)
      .filter((r) => (REPLACES as readonly string[]).includes(r.kind) && r.target && !next.has(r.target))
      .map((r) => build(r.target!, r.kind as 'overrides' | 'supersedes', next));
    return { decision, via, replaced };
  };
  const isReplaced = (d: Decision): boolean => log.relationsOf(d).some((r) => (r.kind === 'overridden-by' || r.kind === 'superseded-by') && r.target);
  const roots = log.decisions().filter((d) => !isReplaced(d)).map((d) => build(d, null, new Set()));
  for (const d of log.decisions()) if (!seen.has(d)) roots.push(build(d, null, new Set()));
  return roots;
}
