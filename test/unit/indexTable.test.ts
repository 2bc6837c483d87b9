import { strict as assert } from 'node:assert';
import { DecisionLog } from '../../src/core/workspace/catalog';
import { defaultConfig } from '../../src/core/workspace/config';
import { INDEX_END, INDEX_START, renderIndexTable, updateIndexText } from '../../src/core/views/indexTable';
import { parseDecision } from '../../src/core/read/parse';

function demoLog(): DecisionLog {
  const log = new DecisionLog('d');
  log.upsert(parseDecision('d/0003-graphql-events.md', '---\nstatus: overridden\ndate: 2020-02-03\nowner: hoe\n---\n# GraphQL | events\n'));
  log.upsert(parseDecision('d/0005-segment events.md', '---\nstatus: accepted\ndate: 2021-08-10\nowner: cto\noverrides: ADR-0003\ntrigger: new-resource\n---\n# Segment events\n'));
  log.upsert(parseDecision('d/0006-flags.md', '---\nstatus: proposed\n---\n# Flags\n'));
  return log;
}

describe('decision index', () => {
  it('renders number, linked title, owner role, status, date and overrides', () => {
    assert.equal(
      renderIndexTable(demoLog(), defaultConfig().roles),
      [
        INDEX_START,
        '| # | Decision | Owner | Status | Date | Overrides |',
        '|---|---|---|---|---|---|',
        '| 3 | [GraphQL \\| events](0003-graphql-events.md) | Head of Engineering (execution) | overridden | 2020-02-03 | — |',
        '| 5 | [Segment events](0005-segment%20events.md) | CTO (strategy) | accepted | 2021-08-10 | [ADR-0003](0003-graphql-events.md) |',
        '| 6 | [Flags](0006-flags.md) | — | proposed | — | — |',
        INDEX_END,
      ].join('\n'),
    );
  });

  it('links a file name with a colon as ./…, so no renderer reads it as a scheme, and escapes backslashes in cells', () => {
    const log = new DecisionLog('d');
    log.upsert(parseDecision('d/javascript:alert(3).md', '---\nstatus: accepted\n---\n# T3\n'));
    log.upsert(parseDecision('d/0018-t.md', '---\nstatus: accepted\ntitle: "\\\\"\n---\n'));
    log.upsert(parseDecision('d/0019-u.md', '---\nstatus: accepted\ntitle: \'a\\b|c\\\'\noverrides: "javascript:alert(3)"\n---\n'));
    const rows = renderIndexTable(log, defaultConfig().roles).split('\n');
    assert.ok(rows.includes('| — | [T3](./javascript:alert%283%29.md) | — | accepted | — | — |'), rows.join('\n'));
    assert.ok(rows.includes('| 18 | [\\\\](0018-t.md) | — | accepted | — | — |'), rows.join('\n'));
    assert.ok(rows.some((r) => r.startsWith('| 19 | [a\\\\b\\|c\\\\](0019-u.md) |')), rows.join('\n'));
    for (const row of rows) assert.doesNotMatch(row, /\]\((?!\.\/)[^)/]*:/, `no link target read as a scheme: ${row}`);
  });

  it('updates in place between the markers, touching nothing else', () => {
    const before = `# Our decisions\n\nIntro stays.\n\n${INDEX_START}\nold table\n${INDEX_END}\n\n## Footer stays\n`;
    const after = updateIndexText(before, `${INDEX_START}\nnew\n${INDEX_END}`);
    assert.equal(after, `# Our decisions\n\nIntro stays.\n\n${INDEX_START}\nnew\n${INDEX_END}\n\n## Footer stays\n`);
    assert.equal(updateIndexText(after, `${INDEX_START}\nnew\n${INDEX_END}`), after, 'a second run changes nothing');
  });

  it('appends to a README without markers and creates a missing one', () => {
    assert.equal(updateIndexText('# Decisions\n\nWritten by hand.\n', 'T'), '# Decisions\n\nWritten by hand.\n\nT\n');
    assert.equal(updateIndexText('# Decisions\r\n', 'T'), '# Decisions\r\n\r\nT\r\n');
    assert.equal(updateIndexText(undefined, 'T'), '# Decisions\n\nT\n');
  });
});
