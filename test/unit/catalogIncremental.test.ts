import { strict as assert } from 'node:assert';
import { DecisionLog } from '../../src/core/workspace/catalog';
import { defaultConfig } from '../../src/core/workspace/config';
import { lintDecision } from '../../src/core/rules/lint';
import type { Decision } from '../../src/core/model';
import { parseDecision } from '../../src/core/read/parse';
import { fixtureFiles, parseFixture } from './helpers';

/** Everything a log answers, in a form deepEqual compares: ids instead of object identity. */
function snapshot(log: DecisionLog): unknown {
  const config = defaultConfig();
  return log.decisions().map((d) => ({
    file: d.file,
    status: d.status?.value,
    byId: log.byId(d.id).map((x) => x.file),
    withNumber: d.number === null ? [] : log.withNumber(d.number).map((x) => x.file),
    relations: log.relationsOf(d).map((r) => [r.kind, r.target?.file, r.declared, r.ref]),
    problems: lintDecision(d, log, config).map((p) => [p.code, p.message]),
    next: log.nextNumber(),
  }));
}

function rebuilt(log: DecisionLog): DecisionLog {
  const fresh = new DecisionLog(log.folder);
  for (const d of log.decisions()) fresh.upsert(d);
  return fresh;
}

const EDITS: [string, string][] = [
  ['d/0001-old.md', '---\nstatus: accepted\nowner: hoe\n---\n# Old\n'],
  ['d/0002-new.md', '---\nstatus: accepted\nowner: hoe\noverrides: ADR-0001\ntrigger: new-requirement\n---\n# New\n'],
  ['d/0001-old.md', '---\nstatus: overridden\nowner: hoe\noverridden-by: ADR-0002\n---\n# Old\n'],
  ['d/0003-third.md', '---\nstatus: accepted\nowner: cto\nsupersedes: ADR-0001\noverrides: ADR-0002\n---\n# Third\n'],
  ['d/0002-new.md', '---\nstatus: proposed\nowner: cto\noverrides: ADR-0001\nsupersedes: ADR-0003\n---\n# New\n'],
  ['d/0003-duplicate.md', '---\nstatus: accepted\noverrides: ADR-0001\n---\n# Duplicate three\n'],
  ['d/0003-third.md', '---\nstatus: accepted\nowner: cto\noverrides: ADR-0003\n---\n# Third\n'],
  ['d/0001-old.md', '---\nstatus: accepted\noverrides: ADR-0003\nsupersedes: ADR-0001\n---\n# Old\n'],
];

describe('DecisionLog kept up to date edit by edit', () => {
  it('answers as a log rebuilt from scratch after every edit', () => {
    const log = new DecisionLog('d');
    log.decisions(); // an index exists from the start, so each edit below patches it
    for (const [file, text] of EDITS) {
      const before = log.decisions();
      log.upsert(parseDecision(file, text));
      assert.deepEqual(snapshot(log), snapshot(rebuilt(log)), `after editing ${file}`);
      assert.ok(before.every((d) => d.file.startsWith('d/')), 'arrays handed out earlier are not mutated');
    }
  });

  it('answers as a rebuilt log when each fixture decision is read again', () => {
    for (const folder of ['madr3', 'madr4', 'nygard', 'log4brains', 'madr2']) {
      const log = new DecisionLog(folder);
      for (const file of fixtureFiles(folder)) log.upsert(parseFixture(file));
      log.decisions();
      for (const file of fixtureFiles(folder)) {
        const again: Decision = parseFixture(file);
        log.upsert(again);
        assert.equal(log.get(file), again);
        assert.ok(log.decisions().includes(again));
        assert.deepEqual(snapshot(log), snapshot(rebuilt(log)), file);
      }
    }
  });

  it('hands out the new reading, not the old object, after an edit', () => {
    const log = new DecisionLog('d');
    log.upsert(parseDecision('d/0001-a.md', '---\nstatus: proposed\n---\n# A\n'));
    const old = log.decisions();
    log.upsert(parseDecision('d/0001-a.md', '---\nstatus: accepted\n---\n# A\n'));
    assert.equal(old[0]?.status?.value, 'proposed');
    assert.equal(log.byId('ADR-0001')[0]?.status?.value, 'accepted');
    assert.equal(log.withNumber(1)[0]?.status?.value, 'accepted');
    assert.equal(log.resolve({ raw: 'ADR-0001', number: 1, fileName: null, slug: null })?.status?.value, 'accepted');
  });
});
