import type { Rule } from './rule';

export const brokenRelation: Rule = {
  code: 'broken-relation',
  check({ decision, log }) {
    return decision.relations
      .filter((r) => (r.target.number !== null || r.target.fileName !== null || r.target.slug !== null) && !log.resolve(r.target))
      .map((r) => ({
        code: 'broken-relation',
        message: `'${r.kind}' names ${r.target.fileName ?? r.target.raw}, which is not a decision in this folder`,
        range: r.range,
        data: { kind: r.kind, ref: r.target.raw },
      }));
  },
};
