import * as assert from 'node:assert/strict';
import type { Decision } from '../../src/core/model';
import { indexedApi } from './helpers';

/** The demo's decisions (examples/demo/docs/decisions) as the catalog should read them. */
const DEMO = [
  { id: 'ADR-0001', owner: 'cto', status: 'accepted' },
  { id: 'ADR-0002', owner: 'hoe', status: 'accepted' },
  { id: 'ADR-0003', owner: 'hoe', status: 'overridden' },
  { id: 'ADR-0004', owner: 'cto', status: 'accepted' },
  { id: 'ADR-0005', owner: 'cto', status: 'accepted' },
  { id: 'ADR-0006', owner: undefined, status: 'proposed' },
];

async function decisionsById(): Promise<Map<string, Decision>> {
  const api = await indexedApi();
  return new Map(api.decisions().map((decision) => [decision.id, decision]));
}

function demoDecision(byId: Map<string, Decision>, id: string): Decision {
  const decision = byId.get(id);
  assert.ok(decision, `${id} is in the catalog; it has ${[...byId.keys()].join(', ') || 'nothing'}`);
  return decision;
}

describe('catalog of the demo workspace', () => {
  it('holds every demo decision by id', async () => {
    const byId = await decisionsById();
    for (const { id } of DEMO) demoDecision(byId, id);
  });

  it('reads each decision owner', async () => {
    const byId = await decisionsById();
    for (const { id, owner } of DEMO) assert.equal(demoDecision(byId, id).owner?.value, owner, `owner of ${id}`);
  });

  it('reads each decision status', async () => {
    const byId = await decisionsById();
    for (const { id, status } of DEMO) assert.equal(demoDecision(byId, id).status?.value, status, `status of ${id}`);
  });

  it('reads the override of ADR-0003 by ADR-0005 and its trigger', async () => {
    const byId = await decisionsById();
    const override = demoDecision(byId, 'ADR-0005');
    const overridden = demoDecision(byId, 'ADR-0003');
    assert.ok(
      override.relations.some((r) => r.kind === 'overrides' && r.target.number === 3),
      'ADR-0005 says it overrides ADR-0003',
    );
    assert.ok(
      overridden.relations.some((r) => r.kind === 'overridden-by' && r.target.number === 5),
      'ADR-0003 says it is overridden by ADR-0005',
    );
    assert.equal(override.trigger?.value, 'new-resource');
  });

  it('reads that ADR-0004 was elevated from the Head of Engineering', async () => {
    const byId = await decisionsById();
    const elevated = demoDecision(byId, 'ADR-0004');
    assert.equal(elevated.elevatedFrom?.value, 'hoe');
    assert.match(elevated.elevatedOn?.value ?? '', /^\d{4}-\d{2}-\d{2}$/);
  });
});
