import { strict as assert } from 'node:assert';
import { DEFAULT_ROLES } from '../../src/core/workspace/config';
import { buildGraph, type DecisionGraph } from '../../src/core/views/graph';
import { decisionOptions, filterGraph, ownerOptions, SHOW_ALL, statusOptions } from '../../src/core/views/graphFilter';
import { demoLog, logOf } from './decisionSets';

const ids = (graph: DecisionGraph): string[] => graph.folders.flatMap((f) => f.nodes.map((n) => (n.type === 'decision' ? n.id : n.key)));
const edges = (graph: DecisionGraph): number => graph.folders.reduce((n, f) => n + f.edges.length, 0);

describe('the Decision Graph filter', () => {
  const graph = buildGraph([demoLog()], DEFAULT_ROLES);
  const keyOf = (id: string): string => graph.folders[0]!.nodes.find((n) => n.type === 'decision' && n.id === id)!.key;

  it('shows everything when empty', () => {
    assert.equal(filterGraph(graph, SHOW_ALL), graph);
  });

  it('keeps decisions whose id, title, owner or status has the text, and the edges between them', () => {
    const shown = filterGraph(graph, { ...SHOW_ALL, text: 'EVENTS' });
    assert.deepEqual(ids(shown), ['ADR-0003', 'ADR-0005']);
    assert.equal(edges(shown), 1);
  });

  it('by owner: unowned, or a role, with the role box an elevation reaches', () => {
    assert.deepEqual(ids(filterGraph(graph, { ...SHOW_ALL, owner: 'unowned' })), ['ADR-0006']);
    const cto = filterGraph(graph, { ...SHOW_ALL, owner: 'role:cto' });
    assert.deepEqual(ids(cto).filter((k) => k.startsWith('ADR')), ['ADR-0001', 'ADR-0004', 'ADR-0005']);
    assert.ok(ids(cto).some((k) => k.startsWith('role:')), 'the role it was elevated from');
  });

  it('by status, and everything linked to one decision however far', () => {
    assert.deepEqual(ids(filterGraph(graph, { ...SHOW_ALL, status: 'overridden' })), ['ADR-0003']);
    const chain = logOf('d', {
      '0001-a.md': ['status: superseded', 'superseded-by: ADR-0002'],
      '0002-b.md': ['status: superseded', 'supersedes: ADR-0001', 'superseded-by: ADR-0003'],
      '0003-c.md': ['status: accepted', 'supersedes: ADR-0002'],
      '0004-d.md': ['status: accepted'],
    });
    const chained = buildGraph([chain], DEFAULT_ROLES);
    const first = chained.folders[0]!.nodes.find((n) => n.type === 'decision' && n.id === 'ADR-0001')!.key;
    assert.deepEqual(ids(filterGraph(chained, { ...SHOW_ALL, relatedTo: first })), ['ADR-0001', 'ADR-0002', 'ADR-0003']);
    assert.deepEqual(ids(filterGraph(graph, { ...SHOW_ALL, relatedTo: keyOf('ADR-0005'), status: 'accepted' })), ['ADR-0005']);
  });

  it('offers the owners, statuses and decisions the graph has', () => {
    assert.deepEqual(ownerOptions(graph).map((o) => o.value), ['unowned', 'role:cto', 'role:hoe']);
    assert.deepEqual(statusOptions(graph).map((o) => o.value), ['accepted', 'overridden', 'proposed']);
    assert.equal(decisionOptions(graph).length, 6);
  });
});
