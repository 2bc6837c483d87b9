import { strict as assert } from 'node:assert';
import { combineGlobs, enabledGlobs, expandBraces, looksGenerated, scanOrder, SCAN_LIMITS } from '../../src/core/workspace/referenceScan';

describe('the workspace reference scan', () => {
  it('takes a file with a line over the limit, or a NUL, for generated', () => {
    assert.equal(looksGenerated('// see ADR-0001\nconst x = 1;\n', SCAN_LIMITS.maxLineLength), false);
    assert.equal(looksGenerated(`a\n${'x'.repeat(4_001)}\nb`, SCAN_LIMITS.maxLineLength), true);
    assert.equal(looksGenerated(`${'x'.repeat(4_000)}`, SCAN_LIMITS.maxLineLength), false);
    assert.equal(looksGenerated('ADR-1\u0000', SCAN_LIMITS.maxLineLength), true);
  });

  it('decides in time linear in the text', () => {
    const time = (text: string): number => {
      const started = performance.now();
      for (let i = 0; i < 5; i++) looksGenerated(text, SCAN_LIMITS.maxLineLength);
      return performance.now() - started;
    };
    const line = `${'ADR-1 '.repeat(100)}\n`;
    const small = time(line.repeat(1_000));
    const large = time(line.repeat(8_000));
    assert.ok(large / Math.max(small, 0.5) < 24, `n → 8n: ${small.toFixed(1)} → ${large.toFixed(1)} ms`);
  });

  it('searches docs first, then shallower files, so the cap keeps what cites decisions', () => {
    const order = scanOrder(['0/src/deep/a/b.ts', '0/README.md', '0/src/a.ts', '0/docs/decisions/0001-x.md', '0/a.py'], (p) => p);
    assert.deepEqual(order, ['0/README.md', '0/docs/decisions/0001-x.md', '0/a.py', '0/src/a.ts', '0/src/deep/a/b.ts']);
  });

  it('turns the search.exclude setting into globs: enabled entries only, a folder with what is inside it', () => {
    assert.deepEqual(enabledGlobs({ '**/node_modules': true, '**/*.code-search': true, 'off/**': false, '**/*.js': { when: '$(basename).ts' } }), [
      '**/node_modules',
      '**/node_modules/**',
      '**/*.code-search',
      '**/*.code-search/**',
    ]);
    assert.deepEqual(enabledGlobs({ '**/{gen,tmp}/**': true }), ['**/gen/**', '**/tmp/**']);
    assert.deepEqual(enabledGlobs(null), []);
    assert.deepEqual(enabledGlobs('**/x'), []);
  });

  it('expands brace groups, and refuses nested or unbalanced ones and too many alternatives', () => {
    assert.deepEqual(expandBraces('{a,b}/{c,d}'), ['a/c', 'a/d', 'b/c', 'b/d']);
    assert.equal(expandBraces('{a,{b,c}}'), undefined);
    assert.equal(expandBraces('a}b'), undefined);
    assert.equal(expandBraces('a,b'), undefined);
    assert.equal(expandBraces('{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}'), undefined);
  });

  it('joins globs into the one exclude pattern findFiles takes, dropping any that would break the group', () => {
    assert.equal(combineGlobs(['**/a/**', '**/b/**', '**/a/**']), '{**/a/**,**/b/**}');
    assert.equal(combineGlobs(['**/a/**', 'x,y', '{p,q}']), '**/a/**');
    assert.equal(combineGlobs([]), '');
  });
});
