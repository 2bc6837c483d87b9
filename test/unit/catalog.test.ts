import { strict as assert } from 'node:assert';
import { Catalog, DecisionLog } from '../../src/core/workspace/catalog';
import { parseDecision } from '../../src/core/read/parse';
import { summarize } from '../../src/core/views/summary';
import { fixtureFiles, parseFixture } from './helpers';

function logOf(folder: string): DecisionLog {
  const log = new DecisionLog(folder);
  for (const file of fixtureFiles(folder)) log.upsert(parseFixture(file));
  return log;
}

describe('DecisionLog', () => {
  it('sorts by number and resolves relations both ways', () => {
    const log = logOf('nygard');
    assert.deepEqual(log.decisions().map((d) => d.id), ['ADR-0001', 'ADR-0002', 'ADR-0003', 'ADR-0004']);
    const two = summarize(log.byId('ADR-0002')[0]!, log);
    assert.deepEqual(two.supersededBy, ['ADR-0004']);
    const four = summarize(log.byId('ADR-0004')[0]!, log);
    assert.deepEqual(four.supersedes, ['ADR-0002']);
  });

  it('infers the missing end of a one-sided relation', () => {
    const log = new DecisionLog('d');
    log.upsert(parseDecision('d/0001-old.md', '---\nstatus: accepted\n---\n# Old\n'));
    log.upsert(parseDecision('d/0002-new.md', '---\noverrides: ADR-0001\ntrigger: new-requirement\n---\n# New\n'));
    const old = log.relationsOf(log.byId('ADR-0001')[0]!);
    assert.deepEqual(old.map((r) => [r.kind, r.target?.id, r.declared]), [['overridden-by', 'ADR-0002', false]]);
  });

  it('resolves log4brains slugs by file name', () => {
    const log = logOf('log4brains');
    const merge = summarize(log.byId('20201016-publish-the-site-on-every-merge')[0]!, log);
    assert.deepEqual(merge.supersededBy, ['20210301-publish-nightly']);
    const nightly = summarize(log.byId('20210301-publish-nightly')[0]!, log);
    assert.deepEqual(nightly.supersedes, ['20201016-publish-the-site-on-every-merge']);
  });

  it('finds duplicate numbers and the next free number', () => {
    const log = new DecisionLog('d');
    log.upsert(parseDecision('d/0012-from-branch-a.md', '# A'));
    log.upsert(parseDecision('d/0012-from-branch-b.md', '# B'));
    log.upsert(parseDecision('d/0003-older.md', '# C'));
    assert.equal(log.withNumber(12).length, 2);
    assert.equal(log.nextNumber(), 13);
  });

  it('updates incrementally when one file is added, changed or removed', () => {
    const log = logOf('madr3');
    assert.equal(log.nextNumber(), 7);
    log.upsert(parseDecision('madr3/0007-new.md', '---\nstatus: proposed\n---\n# New\n'));
    assert.equal(log.nextNumber(), 8);
    log.upsert(parseDecision('madr3/0007-new.md', '---\nstatus: accepted\n---\n# New, accepted\n'));
    assert.equal(log.byId('ADR-0007')[0]?.status?.value, 'accepted');
    assert.equal(log.size, 4);
    assert.ok(log.remove('madr3/0007-new.md'));
    assert.equal(log.nextNumber(), 7);
    assert.equal(log.remove('madr3/0007-new.md'), false);
  });
});

describe('Catalog', () => {
  it('keeps one log per folder so each folder numbers from 1', () => {
    const catalog = new Catalog();
    catalog.upsert(parseDecision('services/a/adr/0001-x.md', '# X'));
    catalog.upsert(parseDecision('services/b/adr/0001-y.md', '# Y'));
    assert.equal(catalog.folders().length, 2);
    assert.equal(catalog.logFor('services/a/adr/0002-z.md').withNumber(1).length, 1);
    assert.equal(catalog.decisions().length, 2);
    assert.ok(catalog.remove('services/b/adr/0001-y.md'));
    assert.equal(catalog.get('services/b/adr/0001-y.md'), undefined);
  });

  it('counts its decisions as decisions() lists them, across folders, updates, removals and skipped files', () => {
    const catalog = new Catalog();
    const count = (): number => {
      const counted = catalog.decisionCount();
      assert.equal(counted, catalog.decisions().length);
      return counted;
    };
    assert.equal(count(), 0);
    catalog.addFolder('empty/adr');
    catalog.upsert(parseDecision('a/adr/0001-x.md', '# X'));
    catalog.upsert(parseDecision('a/adr/0002-y.md', '# Y'));
    catalog.upsert(parseDecision('b/adr/0001-z.md', '# Z'));
    assert.equal(count(), 3);
    // The same file read again is one decision, not two.
    catalog.upsert(parseDecision('a/adr/0001-x.md', '# X, retitled'));
    assert.equal(count(), 3);
    catalog.skip({ file: 'a/adr/0002-y.md', problem: { code: 'unreadable-file', severity: 'info', message: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } });
    assert.equal(count(), 2);
    assert.ok(catalog.remove('b/adr/0001-z.md'));
    assert.equal(count(), 1);
  });
});
