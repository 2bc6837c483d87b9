import { strict as assert } from 'node:assert';
import { readConfig } from '../../src/core/workspace/config';
import { normalizeDate } from '../../src/core/read/dates';
import { readFileName } from '../../src/core/read/fileName';
import { LineIndex } from '../../src/core/read/lineIndex';
import { linksIn, readRef } from '../../src/core/read/decisionRef';
import { readStatus } from '../../src/core/read/status';
import { parseDecision } from '../../src/core/read/parse';

describe('readFileName', () => {
  const cases: [string, number | null, string, string | null][] = [
    ['docs/adr/0009-send-events.md', 9, 'send-events', null],
    ['adr-003.md', 3, '', null],
    ['ADR-7-use-flags.md', 7, 'use-flags', null],
    ['adr013-record.md', 13, 'record', null],
    ['20200925-use-log4brains.md', null, 'use-log4brains', '2020-09-25'],
    ['2021-05-03-use-segment.md', null, 'use-segment', '2021-05-03'],
    ['20201350-not-a-date.md', null, '20201350-not-a-date', null],
    ['use-kafka.md', null, 'use-kafka', null],
  ];
  for (const [path, number, slug, date] of cases) {
    it(path, () => {
      const info = readFileName(path);
      assert.deepEqual([info.number, info.slug, info.date], [number, slug, date]);
    });
  }
});

describe('readRef', () => {
  const cases: [string, number | null, string | null, string | null][] = [
    ['ADR-0003', 3, null, null],
    ['adr 12', 12, null, null],
    ['7', 7, null, null],
    ['0003-use-x.md', 3, '0003-use-x.md', null],
    ['../adr/0003-use-x.md#decision', 3, '0003-use-x.md', null],
    ['[3. Use X](0003-use-x.md)', 3, '0003-use-x.md', null],
    ['[ADR-0005](0005-example.md)', 5, '0005-example.md', null],
    ['[Use X](use-x.md)', null, 'use-x.md', 'use-x'],
    ['[5. Use X](https://example.com/x)', 5, null, null],
    ['20210301-publish-nightly', null, null, '20210301-publish-nightly'],
    ['[ADR-0003]({{< ref "0003-external-users.md" >}})', 3, '0003-external-users.md', null],
    ['[ADR-0016]({{< relref "../adr/0016-files-metadata.md#why" >}})', 16, '0016-files-metadata.md', null],
    ['[Site]({{% ref "use-x.md" %}})', null, 'use-x.md', 'use-x'],
    ['', null, null, null],
  ];
  for (const [raw, number, fileName, slug] of cases) {
    it(JSON.stringify(raw), () => {
      const ref = readRef(raw);
      assert.deepEqual([ref.number, ref.fileName, ref.slug], [number, fileName, slug]);
    });
  }
});

describe('normalizeDate', () => {
  const cases: [string, string | null][] = [
    ['2021-08-10', '2021-08-10'],
    ['2021-8-1', '2021-08-01'],
    ['2021/08/10', '2021/08/10'.replaceAll('/', '-')],
    ['2021-08-10T09:30:00Z', '2021-08-10'],
    ['10 August 2021', '2021-08-10'],
    ['August 10, 2021', '2021-08-10'],
    ['Aug 10th 2021', '2021-08-10'],
    ['2021-02-29', null],
    ['2024-02-29', '2024-02-29'],
    ['03/04/2021', '2021-04-03'],
    ['05/04/2017', '2017-04-05'],
    ['11 / 12 / 22', '2022-11-12'],
    ['11/16/22', '2022-11-16'],
    ['16/11/2022', '2022-11-16'],
    ['13/13/2022', null],
    ['11-April-2023', '2023-04-11'],
    ['[2023-01-17]', '2023-01-17'],
    ['`2021-04-29`', '2021-04-29'],
    ['2018-08-30; Last update date: 2019-04-09', '2018-08-30'],
    ['soon', null],
    ['{YYYY-MM-DD}', null],
    ['2020-Dec-02', '2020-12-02'],
    ['2020 Dec 2', '2020-12-02'],
    ['2020-Foo-02', null],
    ['21-02-2023', '2023-02-21'],
    ['02-21-2023', '2023-02-21'],
    ['[2023-03-15](https://example.com/decided)', '2023-03-15'],
  ];
  for (const [raw, iso] of cases) it(JSON.stringify(raw), () => assert.equal(normalizeDate(raw), iso));

  it('reads a two-digit-year date day first where the date is written under a key in another language', () => {
    assert.equal(normalizeDate('12/02/26'), '2026-12-02');
    assert.equal(normalizeDate('12/02/26', true), '2026-02-12');
    // A day over 12 decides whatever the language.
    assert.equal(normalizeDate('02/21/26', true), '2026-02-21');
  });
});

describe('readStatus', () => {
  const cases: [string, string, string | null][] = [
    ['Accepted', 'accepted', null],
    ['**accepted**', 'accepted', null],
    ['Superceded by [4. X](0004-x.md)', 'superseded', 'superseded-by'],
    ['superseded by ADR-0005', 'superseded', 'superseded-by'],
    ['Overridden by ADR-0009', 'overridden', 'overridden-by'],
    ['Approved', 'accepted', null],
    ['Accepté', 'accepted', null],
    ['Depreciated.', 'deprecated', null],
    ['- Proposed', 'proposed', null],
    ['- [x] Decided (2023-12-27)', 'decided', null],
    ['in progress', 'in progress', null],
    ['Accepted (2021-03-01)', 'accepted', null],
    // A status of the team's own is one status however it is capitalised.
    ['On hold', 'on hold', null],
    ['Implemented', 'implemented', null],
    ['__Implemented__', 'implemented', null],
    ['Принято', 'accepted', null],
    // Linked to where it was decided.
    ['[Accepted](https://example.com/pull/541)', 'accepted', null],
    // Without `by`, a link or an id right after the verb names the successor.
    ['Superceded [13. AWS as hosting environment](0013-aws-as-hosting-environment.md)', 'superseded', 'superseded-by'],
    ['Superseded ADR 7', 'superseded', 'superseded-by'],
    ['Superseded (see the notes)', 'superseded', null],
    // The key written again under `## Status`.
    ['Status: Accepted on 2022-07-08', 'accepted', null],
    ['**Status:** Proposed', 'proposed', null],
    ['Aceito', 'accepted', null],
    ['提案', 'proposed', null],
  ];
  for (const [raw, status, kind] of cases) {
    it(JSON.stringify(raw), () => {
      const reading = readStatus(raw);
      assert.equal(reading?.status, status);
      assert.equal(reading?.relation?.kind ?? null, kind);
    });
  }
  it('reads nothing from an empty status', () => assert.equal(readStatus('  '), null));
});

describe('readers: shapes seen in public decision logs', () => {
  it('reads year-month file names as dated, not numbered', () => {
    assert.deepEqual(readFileName('2022-02-revisit-js-framework.md').number, null);
  });
  it('reads six-digit date prefixes as dated, and zero-padded or impossible ones as numbers', () => {
    assert.deepEqual(readFileName('111622-e2etesting-puppeteer.md'), { number: null, slug: 'e2etesting-puppeteer', date: null, stem: '111622-e2etesting-puppeteer' });
    assert.equal(readFileName('120222-serviceworker.md').number, null);
    assert.equal(readFileName('000123-use-x.md').number, 123);
    assert.equal(readFileName('100000-use-x.md').number, 100000);
    assert.equal(readFileName('113399-use-x.md').number, 113399);
    assert.equal(readFileName('111622.md').number, 111622);
  });
  it('reads link targets with spaces', () => {
    assert.equal(readRef('[Revisit](2022-02-revisit js framework.md)').fileName, '2022-02-revisit js framework.md');
  });
  it('reads day-first dotted dates and bracketed statuses', () => {
    assert.equal(normalizeDate('21.07.2017'), '2017-07-21');
    assert.equal(readStatus('[approved]')?.status, 'accepted');
  });
});

// Counterexamples from the fuzzing of test/unit/fuzz (shrunk by fast-check), kept as plain cases.
describe('readers: shapes found by fuzzing', () => {
  it('reads link labels with escaped or balanced brackets, as adr-tools writes titles', () => {
    assert.deepEqual(linksIn('Supersedes [3. Use [MADR] here](0003-use-madr.md)').map((l) => l.text), ['[3. Use [MADR] here](0003-use-madr.md)']);
    assert.equal(readRef('[a\\]b](0001-a.md)').fileName, '0001-a.md');
    assert.equal(readRef('[\\]](%5D.md)').fileName, '].md');
  });

  it('keeps a position at the line break of a CRLF line inside the line', () => {
    const lines = new LineIndex('ab\r\ncd');
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
    for (const p of readConfig('folders:\r\nfolders: [a, b, ""]').problems) assert.ok(p.range.end.line > 0 || p.range.end.character <= 8, JSON.stringify(p.range));
  });
});

// What a catalog keeps per decision, as the indexing of 10,000 files measured it (docs/performance.md).
describe('readers: what a decision keeps', () => {
  it('gives every position of the same line and character as one object, across texts, with the right values', () => {
    const a = new LineIndex('status: accepted\ndate: 2024-01-02\n');
    const b = new LineIndex('owner: cto\r\ndate: 2023-05-06\n');
    assert.equal(a.positionAt(17), b.positionAt(12));
    assert.deepEqual(a.positionAt(17), { line: 1, character: 0 });
    assert.equal(a.range(0, 16).start, b.range(0, 3).start);
    // Past the shared lines and columns, positions are still right, each its own.
    const long = new LineIndex(`${'\n'.repeat(300)}${'x'.repeat(200)}`);
    assert.deepEqual(long.positionAt(300 + 150), { line: 300, character: 150 });
    assert.notEqual(long.positionAt(300 + 150), long.positionAt(300 + 150));
    assert.deepEqual(new LineIndex('x'.repeat(200)).positionAt(199), { line: 0, character: 199 });
  });

  it('keeps lists of just their items, with the values read', () => {
    const text = ['---', 'status: accepted', 'decision-makers: [CTO]', 'consulted: [Head of Engineering, Data team lead]', 'informed: Product team, Engineering team', 'supersedes: ADR-0002', '---', '# Use X', ''].join('\n');
    const d = parseDecision('docs/adr/0003-use-x.md', text);
    assert.deepEqual(d.decisionMakers, ['CTO']);
    assert.deepEqual(d.consulted, ['Head of Engineering', 'Data team lead']);
    assert.deepEqual(d.informed, ['Product team', 'Engineering team']);
    assert.deepEqual(d.relations.map((r) => [r.kind, r.target.number]), [['supersedes', 2]]);
    // Still arrays of their own: a caller may add to one without touching another decision's.
    const other = parseDecision('docs/adr/0004-use-y.md', text);
    other.consulted.push('Security');
    assert.deepEqual(d.consulted, ['Head of Engineering', 'Data team lead']);
  });
});
