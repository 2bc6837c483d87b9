import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { onlyComments, readFrontmatter } from '../../src/core/read/frontmatter';
import { decisionText } from '../../bench/corpus';
import { FIXTURES, fixtureFiles, fixtureText } from './helpers';
import { grayMatterReading } from './grayMatterReading';

const folders = readdirSync(FIXTURES).filter((name) => !name.includes('.'));

/** Pieces a frontmatter block and its surroundings are made of, odd ones included: lone `\r`, form feeds, look-alike delimiters. */
const PIECES = ['\n', '\r\n', '\r', ' ', '\t', '\f', '\u00a0', '#', '# note', '---', '----', '--- x', 'owner: cto', 'status: accepted', 'title: "a: b"', '- item', '  nested: 1', '[a, b]', '{ k: v }', '|', '>', "'", '"', ':', 'x', '\ufeff', '<!-- c -->'];
const openings = ['', '\ufeff', '\n', ' \n', '<!-- SPDX -->\n', '\ufeff<!-- a -->\r\n'];
const tags = ['', ' ', '\t', '\r', ' \r', '\u00a0'];
const text = fc
  .tuple(fc.constantFrom(...openings), fc.constantFrom(...tags), fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }))
  .map(([opening, tag, pieces]) => `${opening}---${tag}\n${pieces.join('')}`);
/** Language tags gray-matter has an engine for (ours or its own), in the cases people write them, and blanks around them. */
const LANGUAGE_TAGS = ['yaml', 'YAML', 'Yaml', 'yml', 'YML', 'json', 'JSON', 'Json', 'js', 'JS', 'javascript', 'JavaScript', 'coffee', 'Coffee', 'coffeescript', 'CoffeeScript', 'cson', 'CSON'];
const taggedText = fc
  .tuple(fc.constantFrom(...openings), fc.constantFrom('', ' ', '\t'), fc.constantFrom(...LANGUAGE_TAGS), fc.constantFrom('', ' ', '\r', ' \r'), fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }))
  .map(([opening, before, tag, after, pieces]) => `${opening}---${before}${tag}${after}\n${pieces.join('')}`);

describe('a frontmatter block reads the same without gray-matter', () => {
  it('on every fixture', () => {
    for (const file of folders.flatMap(fixtureFiles)) {
      const source = fixtureText(file);
      assert.deepEqual(readFrontmatter(source), readFrontmatter(source, grayMatterReading), file);
    }
  });

  it('on generated decisions', () => {
    for (let n = 1; n <= 200; n++) {
      const source = decisionText(n, 200);
      assert.deepEqual(readFrontmatter(source), readFrontmatter(source, grayMatterReading));
    }
  });

  it('on blocks of odd pieces: line breaks of every kind, comment-only blocks, look-alike delimiters', () => {
    fc.assert(
      fc.property(text, (source) => {
        assert.deepEqual(readFrontmatter(source), readFrontmatter(source, grayMatterReading));
      }),
      { numRuns: 5000 },
    );
  });

  it('on tagged blocks: every language in any case, comment-only blocks, code that is refused', () => {
    fc.assert(
      fc.property(taggedText, (source) => {
        assert.deepEqual(readFrontmatter(source), readFrontmatter(source, grayMatterReading));
      }),
      { numRuns: 5000 },
    );
  });

  it('on a tagged block of each language as written in the fixtures and the README', () => {
    for (const tag of [...LANGUAGE_TAGS, 'toml', 'yaml x']) {
      for (const block of ['owner: cto\n', '# only a comment\n', '\n\n', 'a: [\n', '#\n']) {
        const source = `---${tag}\n${block}---\n# Title\n`;
        assert.deepEqual(readFrontmatter(source), readFrontmatter(source, grayMatterReading), JSON.stringify(source));
      }
    }
  });

  it("takes a block for comments only exactly when gray-matter's expression leaves it blank", () => {
    const block = fc.array(fc.constantFrom('#', '# x', ' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u00a0', '\f', 'a', '##'), { maxLength: 24 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(block, (source) => {
        assert.equal(onlyComments(source), source.replace(/^\s*#[^\n]+/gm, '').trim() === '', JSON.stringify(source));
      }),
      { numRuns: 20000 },
    );
  });

  it('takes 200,000 blank lines before a comment for comments only in linear time', () => {
    const started = performance.now();
    assert.equal(onlyComments(`${'\n'.repeat(200_000)}# x`), true);
    assert.equal(onlyComments(`${' \n'.repeat(200_000)}x`), false);
    assert.ok(performance.now() - started < 500, 'well under a second');
  });

  it('can tell the readings apart when they differ', () => {
    // The comparison must be able to fail: a tagged block is not what an untagged one reads as.
    const plain = readFrontmatter('---\nowner: cto\n---\nbody');
    const tagged = readFrontmatter('---yaml\nowner: cto\n---\nbody');
    assert.notDeepEqual(plain, tagged);
    assert.equal(plain?.bodyStart, '---\nowner: cto\n---\n'.length);
  });
});
