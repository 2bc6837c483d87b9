import { strict as assert } from 'node:assert';
import { DecisionLog } from '../../src/core/workspace/catalog';
import { DEFAULT_ROLES, type Role } from '../../src/core/workspace/config';
import { buildGraph, MAX_LAYOUT_TITLE, type DecisionNode, type FolderGraph, type GraphEdge } from '../../src/core/views/graph';
import { parseDecision } from '../../src/core/read/parse';
import { logOf } from './decisionSets';

function only(logs: DecisionLog[], roles: readonly Role[] = DEFAULT_ROLES): FolderGraph {
  const graph = buildGraph(logs, roles);
  assert.equal(graph.folders.length, 1);
  return graph.folders[0]!;
}

function decision(graph: FolderGraph, id: string): DecisionNode {
  const node = graph.nodes.find((n): n is DecisionNode => n.type === 'decision' && n.id === id);
  assert.ok(node, `no node ${id}`);
  return node;
}

/** Edges as `kind from→to`, by decision id (role and missing nodes by their key). */
function edgeNames(graph: FolderGraph): string[] {
  const name = (key: string): string => {
    const node = graph.nodes.find((n) => n.key === key);
    return node?.type === 'decision' ? node.id : key;
  };
  return graph.edges.map((e) => `${e.kind} ${name(e.from)}→${name(e.to)}`).sort();
}

describe('decision graph', () => {
  it('has a node per decision with its owner role, status, file and folder', () => {
    const graph = only([
      logOf('docs/decisions', {
        '0001-buy-analytics.md': ['status: accepted', 'owner: cto', 'date: 2021-03-02'],
        '0002-on-call.md': ['status: accepted', 'owner: Head of Engineering'],
        '0003-feature-flags.md': ['status: proposed'],
        '0004-roadmap.md': ['status: accepted', 'owner: vp-product'],
      }),
    ]);
    const one = decision(graph, 'ADR-0001');
    assert.deepEqual(
      [one.title, one.owner?.role?.label, one.ownerClass, one.status, one.date, one.file, one.folder],
      ['buy analytics', 'CTO', 'strategy', 'accepted', '2021-03-02', 'docs/decisions/0001-buy-analytics.md', 'docs/decisions'],
    );
    assert.equal(decision(graph, 'ADR-0002').ownerClass, 'execution', 'an owner may name the role by its label');
    assert.equal(decision(graph, 'ADR-0003').ownerClass, 'unowned');
    assert.equal(decision(graph, 'ADR-0004').ownerClass, 'unknown-role');
    assert.deepEqual(decision(graph, 'ADR-0004').owner, { written: 'vp-product', role: null });
  });

  it('draws an override written at either end, once, with the overriding decision’s trigger', () => {
    const both = only([
      logOf('d', {
        '0003-graphql-events.md': ['status: overridden', 'owner: hoe', 'overridden-by: ADR-0005'],
        '0005-segment-events.md': ['status: accepted', 'owner: cto', 'overrides: ADR-0003', 'trigger: new-resource', 'trigger-detail: Data team hired'],
      }),
    ]);
    assert.deepEqual(edgeNames(both), ['overrides ADR-0005→ADR-0003']);
    assert.deepEqual(
      pick(both.edges[0]!),
      { trigger: 'new-resource', triggerDetail: 'Data team hired', declaredBy: 'both' },
    );
    assert.equal(decision(both, 'ADR-0003').replaced, true);
    assert.equal(decision(both, 'ADR-0005').replaced, false);

    const newerOnly = only([logOf('d', { '0001-old.md': ['status: accepted'], '0002-new.md': ['overrides: ADR-0001', 'trigger: new-requirement'] })]);
    assert.deepEqual(edgeNames(newerOnly), ['overrides ADR-0002→ADR-0001']);
    assert.deepEqual(pick(newerOnly.edges[0]!), { trigger: 'new-requirement', triggerDetail: null, declaredBy: 'newer' });

    // Only the old decision says so: the edge still points from the newer one, and its trigger is still read there.
    const olderOnly = only([logOf('d', { '0001-old.md': ['status: overridden', 'overridden-by: ADR-0002'], '0002-new.md': ['trigger: new-resource'] })]);
    assert.deepEqual(edgeNames(olderOnly), ['overrides ADR-0002→ADR-0001']);
    assert.deepEqual(pick(olderOnly.edges[0]!), { trigger: 'new-resource', triggerDetail: null, declaredBy: 'older' });
  });

  it('draws supersedes from either end, and a decision named but missing as a node of its own', () => {
    const graph = only([
      logOf('d', {
        '0001-first.md': ['status: superseded', 'superseded-by: ADR-0002'],
        '0002-second.md': ['status: accepted', 'supersedes: ADR-0009'],
        '0003-third.md': ['status: accepted', 'supersedes: ADR-0002'],
      }),
    ]);
    assert.deepEqual(edgeNames(graph), ['supersedes ADR-0002→ADR-0001', 'supersedes ADR-0002→missing:ADR-0009', 'supersedes ADR-0003→ADR-0002']);
    assert.deepEqual(graph.nodes.filter((n) => n.type === 'missing'), [{ type: 'missing', key: 'missing:ADR-0009', id: 'ADR-0009' }]);
    assert.equal(graph.edges.find((e) => e.to === 'missing:ADR-0009')?.trigger, null);
    assert.deepEqual(
      graph.nodes.flatMap((n) => (n.type === 'decision' && n.replaced ? [n.id] : [])),
      ['ADR-0001', 'ADR-0002'],
    );
  });

  it('shows an elevated decision as such, with an edge from the role it was elevated from', () => {
    const graph = only([
      logOf('d', {
        '0004-managed-postgres.md': ['status: accepted', 'owner: cto', 'elevated-from: hoe', 'elevated-on: 2021-05-24'],
        '0007-observability.md': ['status: accepted', 'owner: cto', 'elevated-from: HOE'],
      }),
    ]);
    assert.deepEqual(decision(graph, 'ADR-0004').elevated, { from: 'hoe', fromLabel: 'Head of Engineering (execution)', on: '2021-05-24' });
    assert.deepEqual(decision(graph, 'ADR-0007').elevated, { from: 'HOE', fromLabel: 'Head of Engineering (execution)', on: null });
    const roles = graph.nodes.filter((n) => n.type === 'role');
    assert.deepEqual(roles, [{ type: 'role', key: 'role:hoe', label: 'Head of Engineering (execution)', ownerClass: 'execution' }], 'one node per role, however it is spelt');
    assert.deepEqual(edgeNames(graph), ['elevated role:hoe→ADR-0004', 'elevated role:hoe→ADR-0007']);
    assert.equal(graph.edges.find((e) => e.to.endsWith('0004-managed-postgres.md'))?.on, '2021-05-24');
    assert.equal(decision(graph, 'ADR-0004').replaced, false, 'an elevation does not replace a decision');
  });

  it('keeps each folder apart, skips empty folders, and lists the configured roles for the legend', () => {
    const roles: Role[] = [
      { id: 'founder', label: 'Founder', kind: 'strategy' },
      { id: 'hop', label: 'Head of Product', kind: 'other' },
    ];
    const graph = buildGraph(
      [logOf('a', { '0001-x.md': ['owner: founder'] }), new DecisionLog('empty'), logOf('b', { '0002-y.md': ['owner: hop', 'supersedes: ADR-0001'] })],
      roles,
      { pathOf: (path) => `./${path}` },
    );
    assert.deepEqual(graph.folders.map((f) => f.folder), ['./a', './b']);
    assert.deepEqual(graph.folders[1]?.edges.map((e) => e.to), ['missing:ADR-0001'], 'relations never cross folders: each numbers from 1');
    assert.deepEqual(graph.roles.map((r) => [r.id, r.ownerClass]), [['founder', 'strategy'], ['hop', 'other']]);
    const y = graph.folders[1]?.nodes[0];
    assert.ok(y?.type === 'decision');
    assert.deepEqual([y.ownerClass, y.file, y.path, y.folder], ['other', 'b/0002-y.md', './b/0002-y.md', './b']);
  });

  it('cuts a title over 300 characters for layout with an ellipsis, and keeps the whole title for the tooltip', () => {
    const log = new DecisionLog('d');
    const long = `Use ${'very '.repeat(4_000)}long names 😀`;
    log.upsert(parseDecision('d/0001-long.md', `# ${long}\n`));
    log.upsert(parseDecision('d/0002-emoji.md', `# ${'😀'.repeat(400)}\n`));
    log.upsert(parseDecision('d/0003-short.md', '# Use Kafka\n'));
    const graph = only([log]);
    const cut = decision(graph, 'ADR-0001');
    assert.equal(cut.fullTitle, long);
    assert.ok(cut.title.length <= MAX_LAYOUT_TITLE && cut.title.endsWith('…') && long.startsWith(cut.title.slice(0, -1)), cut.title);
    assert.ok(!/[\ud800-\udbff]…$/.test(decision(graph, 'ADR-0002').title), 'half an emoji before the ellipsis');
    assert.deepEqual([decision(graph, 'ADR-0003').title, decision(graph, 'ADR-0003').fullTitle], ['Use Kafka', 'Use Kafka']);
  });

  it('keeps both decisions of a duplicated number apart', () => {
    const graph = only([logOf('d', { '0012-from-branch-a.md': ['owner: cto'], '0012-from-branch-b.md': ['owner: hoe'] })]);
    assert.deepEqual(graph.nodes.map((n) => n.key), ['d/0012-from-branch-a.md', 'd/0012-from-branch-b.md']);
  });
});

function pick(edge: GraphEdge): Pick<GraphEdge, 'trigger' | 'triggerDetail' | 'declaredBy'> {
  return { trigger: edge.trigger, triggerDetail: edge.triggerDetail, declaredBy: edge.declaredBy };
}
