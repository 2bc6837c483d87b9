import { strict as assert } from 'node:assert';
import { parseFixture } from './helpers';

function relationsOf(file: string): string[] {
  return parseFixture(file).relations.map((r) => `${r.kind} ${r.target.number ?? r.target.fileName ?? r.target.slug ?? r.target.raw}`);
}

describe('parseDecision: MADR 4 with role fields', () => {
  it('reads every field of an override', () => {
    const d = parseFixture('madr4/0009-send-product-events-through-an-analytics-pipeline.md');
    assert.equal(d.id, 'ADR-0009');
    assert.equal(d.number, 9);
    assert.equal(d.format, 'frontmatter');
    assert.equal(d.title?.value, 'Send product events through an analytics pipeline');
    assert.equal(d.status?.value, 'accepted');
    assert.equal(d.date?.value, '2021-08-10');
    assert.equal(d.owner?.value, 'cto');
    assert.deepEqual(d.decisionMakers, ['CTO']);
    assert.deepEqual(d.consulted, ['Head of Engineering', 'Data team lead']);
    assert.deepEqual(d.informed, ['Product managers']);
    assert.equal(d.trigger?.value, 'new-resource');
    assert.equal(d.triggerDetail?.value, 'Data team hired; analytics vendor contract signed');
    assert.deepEqual(relationsOf('madr4/0009-send-product-events-through-an-analytics-pipeline.md'), ['overrides 3']);
    assert.deepEqual(d.parseProblems, []);
  });

  it('locates fields: the owner line and its value', () => {
    const d = parseFixture('madr4/0009-send-product-events-through-an-analytics-pipeline.md');
    assert.deepEqual(d.owner?.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 10 } });
    assert.deepEqual(d.owner?.valueRange, { start: { line: 3, character: 7 }, end: { line: 3, character: 10 } });
    assert.deepEqual(d.title?.valueRange.start, { line: 11, character: 2 });
    assert.deepEqual(d.frontmatter?.range, { start: { line: 0, character: 0 }, end: { line: 10, character: 3 } });
  });

  it('reads elevation and block lists', () => {
    const d = parseFixture('madr4/0004-elevated-managed-database.md');
    assert.equal(d.elevatedFrom?.value, 'hoe');
    assert.equal(d.elevatedOn?.value, '2021-04-20');
    assert.deepEqual(d.decisionMakers, ['CTO']);
  });
});

describe('parseDecision: MADR 3', () => {
  it('reads a superseded status with its link and comma-separated deciders', () => {
    const d = parseFixture('madr3/0002-use-plain-json-for-config.md');
    assert.equal(d.status?.value, 'superseded');
    assert.deepEqual(relationsOf('madr3/0002-use-plain-json-for-config.md'), ['superseded-by 5']);
    assert.deepEqual(d.decisionMakers, ['Alice', 'Bob']);
    assert.deepEqual(d.consulted, ['Carol']);
  });

  it('reads relation lists of ids', () => {
    assert.deepEqual(relationsOf('madr3/0005-use-yaml-for-config.md'), ['supersedes 2']);
  });

  it('reports unfilled template placeholders instead of reading them as values', () => {
    const d = parseFixture('madr3/0006-unfilled-template.md');
    assert.equal(d.status, null);
    assert.equal(d.date, null);
    assert.deepEqual(d.decisionMakers, []);
    assert.deepEqual(
      d.parseProblems.map((p) => [p.code, p.range.start.line]),
      [
        ['unfilled-placeholder', 1],
        ['unfilled-placeholder', 2],
        ['unfilled-placeholder', 3],
        ['unfilled-placeholder', 5],
      ],
    );
  });
});

describe('parseDecision: MADR 2 bullets', () => {
  it('reads plain bullets under the title and ignores look-alikes in later sections', () => {
    const d = parseFixture('madr2/0001-use-markdown-architectural-decision-records.md');
    assert.equal(d.format, 'bullets');
    assert.equal(d.title?.value, 'Use Markdown Architectural Decision Records');
    assert.equal(d.status?.value, 'accepted');
    assert.equal(d.date?.value, '2017-12-01');
    assert.deepEqual(d.decisionMakers, ['Dana', 'Eli']);
  });

  it('reads bold keys and a superseded-by link', () => {
    const d = parseFixture('madr2/0002-use-bold-keys.md');
    assert.equal(d.status?.value, 'superseded');
    assert.equal(d.date?.value, '2018-01-20');
    assert.deepEqual(relationsOf('madr2/0002-use-bold-keys.md'), ['superseded-by 3']);
  });

  it('drops trailing HTML comments from values', () => {
    assert.equal(parseFixture('madr2/0003-plain-keys-again.md').status?.value, 'accepted');
  });
});

describe('parseDecision: adr-tools (Nygard)', () => {
  it('reads the numbered title, Date line and Status section', () => {
    const d = parseFixture('nygard/0001-record-architecture-decisions.md');
    assert.equal(d.format, 'nygard');
    assert.equal(d.title?.value, 'Record architecture decisions');
    assert.equal(d.status?.value, 'accepted');
    assert.equal(d.date?.value, '2016-02-12');
    assert.deepEqual(d.status?.valueRange, { start: { line: 6, character: 0 }, end: { line: 6, character: 8 } });
  });

  it('reads the historic spelling "Superceded by" as superseded', () => {
    const d = parseFixture('nygard/0002-implement-as-shell-scripts.md');
    assert.equal(d.status?.value, 'superseded');
    assert.deepEqual(relationsOf('nygard/0002-implement-as-shell-scripts.md'), ['superseded-by 4']);
  });

  it('reads link lines after the status', () => {
    assert.deepEqual(relationsOf('nygard/0004-rewrite-in-python.md'), ['supersedes 2', 'amends 3']);
    assert.deepEqual(relationsOf('nygard/0003-single-command-with-subcommands.md'), ['amended-by 4']);
    assert.equal(parseFixture('nygard/0003-single-command-with-subcommands.md').status?.value, 'accepted');
  });
});

describe('parseDecision: log4brains', () => {
  it('reads dash bullets and uses the slug as id for date-slug names', () => {
    const d = parseFixture('log4brains/20200925-use-log4brains-to-manage-decisions.md');
    assert.equal(d.number, null);
    assert.equal(d.id, '20200925-use-log4brains-to-manage-decisions');
    assert.equal(d.status?.value, 'accepted');
    assert.equal(d.date?.value, '2020-09-25');
  });

  it('takes the date from the file name when no Date bullet is written', () => {
    const d = parseFixture('log4brains/20201016-publish-the-site-on-every-merge.md');
    assert.equal(d.date?.value, '2020-10-16');
    assert.equal(d.status?.value, 'superseded');
    assert.deepEqual(relationsOf('log4brains/20201016-publish-the-site-on-every-merge.md'), ['superseded-by 20210301-publish-nightly.md']);
  });
});

describe('parseDecision: custom frontmatter', () => {
  it('reads adr:, title:, authors: and a role label as owner', () => {
    const d = parseFixture('custom/adr-012.md');
    assert.equal(d.id, 'ADR-0012');
    assert.equal(d.title?.value, 'Adopt trunk-based development');
    assert.deepEqual(d.decisionMakers, ['Grace', 'Heidi']);
    assert.equal(d.status?.value, 'accepted', 'Approved is read as accepted');
    assert.equal(d.owner?.value, 'Head of Engineering');
  });

  it('strips "ADR 7:" and "ADR-013 -" title prefixes and reads ADR-N file names', () => {
    const seven = parseFixture('custom/ADR-7-use-feature-flags.md');
    assert.equal(seven.id, 'ADR-0007');
    assert.equal(seven.title?.value, 'Use feature flags');
    const thirteen = parseFixture('custom/adr013-record-ownership.md');
    assert.equal(thirteen.id, 'ADR-0013');
    assert.equal(thirteen.title?.value, 'Record who owns each decision');
    assert.equal(thirteen.status?.value, 'accepted');
    assert.equal(thirteen.date?.value, '2023-03-14');
  });
});
