import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDecision } from '../../src/core/read/parse';
import { FIXTURES, fixtureFiles, fixtureText } from './helpers';

const folders = readdirSync(FIXTURES).filter((name) => !name.includes('.'));

describe('the line scan and the full markdown tree agree', () => {
  for (const file of folders.flatMap(fixtureFiles)) {
    it(file, () => {
      const text = fixtureText(file);
      assert.deepEqual(parseDecision(file, text, { markdown: 'scan' }), parseDecision(file, text, { markdown: 'tree' }));
    });
  }

  it('reads a setext title and ignores look-alikes in code and comments', () => {
    const d = parseDecision('odd/0008-setext-title-and-code.md', fixtureText(join('odd', '0008-setext-title-and-code.md')), { markdown: 'scan' });
    assert.equal(d.title?.value, 'Setext title with fenced look-alikes');
    assert.equal(d.status?.value, 'proposed');
    assert.equal(d.date?.value, '2023-04-05');
    assert.deepEqual(d.relations.map((r) => [r.kind, r.target.number]), [['supersedes', 1]]);
  });
});
