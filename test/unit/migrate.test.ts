import { strict as assert } from 'node:assert';
import { addOwnerEdits, isUnowned, matchesFilter, parseWhere } from '../../src/core/edit/migrate';
import { nextFreeNumber } from '../../src/core/workspace/numbering';
import { parseDecision } from '../../src/core/read/parse';
import { applyEdits } from '../../src/core/edit/textEdit';
import { fixtureText, parseFixture } from './helpers';

function migrated(file: string, text: string, owner = 'cto'): string {
  return applyEdits(text, addOwnerEdits(text, parseDecision(file, text), owner));
}

describe('migrating existing decision logs', () => {
  it('writes the owner where adr-tools, MADR 2 and log4brains files keep their metadata and leaves the rest byte-for-byte', () => {
    const expected: Record<string, (text: string) => string> = {
      'nygard/0002-implement-as-shell-scripts.md': (text) => text.replace('Date: 2016-02-12\n', 'Date: 2016-02-12\n\nOwner: cto\n'),
      'madr2/0002-use-bold-keys.md': (text) => text.replace('* **Date:** 2018-01-20\n', '* **Date:** 2018-01-20\n* **Owner:** cto\n'),
      'log4brains/20201016-publish-the-site-on-every-merge.md': (text) => text.replace('- Deciders: Frank\n', '- Deciders: Frank\n- Owner: cto\n'),
    };
    for (const [file, expect] of Object.entries(expected)) {
      const text = fixtureText(file);
      const out = migrated(file, text);
      assert.equal(out, expect(text), file);
      assert.notEqual(out, text, file);
      const after = parseDecision(file, out);
      assert.equal(after.owner?.value, 'cto', file);
      assert.equal(after.status?.value, parseFixture(file).status?.value, `${file} keeps its status`);
    }
  });

  it('adds one line to existing frontmatter after the date, keeping CRLF and the byte-order mark', () => {
    const text = '\ufeff---\r\nstatus: accepted\r\ndate: 2020-01-02\r\n---\r\n# Use Postgres\r\n\r\nBecause.\r\n';
    assert.equal(migrated('0001-use-postgres.md', text, 'hoe'), '\ufeff---\r\nstatus: accepted\r\ndate: 2020-01-02\r\nowner: hoe\r\n---\r\n# Use Postgres\r\n\r\nBecause.\r\n');
    const bare = '\ufeff# Use Postgres\n';
    assert.equal(migrated('0001-use-postgres.md', bare), '\ufeff---\nowner: cto\n---\n# Use Postgres\n', 'a file with a title only gets frontmatter, unless its folder has another format');
    assert.equal(applyEdits(bare, addOwnerEdits(bare, parseDecision('0001-use-postgres.md', bare), 'cto', 'nygard')), '\ufeff# Use Postgres\n\nOwner: cto\n');
    assert.equal(applyEdits(bare, addOwnerEdits(bare, parseDecision('0001-use-postgres.md', bare), 'cto', 'log4brains')), '\ufeff# Use Postgres\n\n- Owner: cto\n');
  });

  it('filters by status and knows unowned decisions', () => {
    assert.deepEqual(parseWhere(undefined), { statuses: null });
    assert.deepEqual(parseWhere('status=Accepted,proposed'), { statuses: ['accepted', 'proposed'] });
    assert.match(parseWhere('status') as string, /KEY=VALUE/);
    assert.match(parseWhere('owner=cto') as string, /can filter on status/);
    const accepted = parseFixture('nygard/0001-record-architecture-decisions.md');
    const superseded = parseFixture('nygard/0002-implement-as-shell-scripts.md');
    const filter = { statuses: ['accepted'] };
    assert.deepEqual([matchesFilter(accepted, filter), matchesFilter(superseded, filter)], [true, false]);
    assert.equal(isUnowned(accepted), true);
    assert.equal(isUnowned(parseDecision('0001-a.md', '---\nowner: ceo\n---\n# A\n')), false, 'an unknown owner is not missing');
  });

  it('numbers after the highest number in the folder, never filling gaps', () => {
    assert.equal(nextFreeNumber([]), 1);
    assert.equal(nextFreeNumber(['0001-a.md', '0007-b.md', 'README.md', 'adr-009.md']), 10);
    assert.equal(nextFreeNumber(['0001-a.md'], 4), 5);
  });
});
