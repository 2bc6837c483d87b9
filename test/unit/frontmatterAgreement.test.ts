import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { readFrontmatter } from '../../src/core/read/frontmatter';
import { decisionText } from '../../bench/corpus';
import { FIXTURES, fixtureFiles, fixtureText } from './helpers';

const folders = readdirSync(FIXTURES).filter((name) => !name.includes('.'));

/** Pieces a frontmatter block and its surroundings are made of, odd ones included: lone `\r`, form feeds, look-alike delimiters. */
const PIECES = ['\n', '\r\n', '\r', ' ', '\t', '\f', '\u00a0', '#', '# note', '---', '----', '--- x', 'owner: cto', 'status: accepted', 'title: "a: b"', '- item', '  nested: 1', '[a, b]', '{ k: v }', '|', '>', "'", '"', ':', 'x', '\ufeff', '<!-- c -->'];
const openings = ['', '\ufeff', '\n', ' \n', '<!-- SPDX -->\n', '\ufeff<!-- a -->\r\n'];
const tags = ['', ' ', '\t', '\r', ' \r', '\u00a0'];
const text = fc
  .tuple(fc.constantFrom(...openings), fc.constantFrom(...tags), fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }))
  .map(([opening, tag, pieces]) => `${opening}---${tag}\n${pieces.join('')}`);

describe('an untagged frontmatter block reads the same without gray-matter', () => {
  it('on every fixture', () => {
    for (const file of folders.flatMap(fixtureFiles)) {
      const source = fixtureText(file);
      assert.deepEqual(readFrontmatter(source), readFrontmatter(source, true), file);
    }
  });

  it('on generated decisions', () => {
    for (let n = 1; n <= 200; n++) {
      const source = decisionText(n, 200);
      assert.deepEqual(readFrontmatter(source), readFrontmatter(source, true));
    }
  });

  it('on blocks of odd pieces: line breaks of every kind, comment-only blocks, look-alike delimiters', () => {
    fc.assert(
      fc.property(text, (source) => {
        assert.deepEqual(readFrontmatter(source), readFrontmatter(source, true));
      }),
      { numRuns: 5000 },
    );
  });

  it('can tell the readings apart when they differ', () => {
    // The comparison must be able to fail: a tagged block is not what an untagged one reads as.
    const plain = readFrontmatter('---\nowner: cto\n---\nbody');
    const tagged = readFrontmatter('---yaml\nowner: cto\n---\nbody');
    assert.notDeepEqual(plain, tagged);
    assert.equal(plain?.bodyStart, '---\nowner: cto\n---\n'.length);
  });
});
