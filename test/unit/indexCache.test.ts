import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { deserializeIndex, INDEX_CACHE_VERSION, isFresh, serializeIndex, type CachedDecision } from '../../src/core/workspace/indexCache';
import { loadFoldersCached, loadFoldersFromCache } from '../../src/core/workspace/load';
import { readLimitsOf } from '../../src/core/read/fileAdmission';
import { parseDecision } from '../../src/core/read/parse';
import { FIXTURES, fixtureFiles, fixtureText, memoryFileSystem } from './helpers';

const folders = readdirSync(FIXTURES).filter((name) => !name.includes('.'));
const allFixtures = folders.flatMap(fixtureFiles);

function cacheOf(files: string[]): Map<string, CachedDecision> {
  return new Map(files.map((file, i) => [file, { size: i, mtime: 1000 + i, decision: parseDecision(file, fixtureText(file)) }]));
}

describe('the persisted index', () => {
  it('gives back every fixture decision exactly as parsed, field by field', () => {
    const cache = cacheOf(allFixtures);
    const restored = deserializeIndex(serializeIndex(cache));
    assert.ok(restored);
    assert.equal(restored.size, allFixtures.length);
    for (const file of allFixtures) assert.deepStrictEqual(restored.get(file), cache.get(file), file);
  });

  it('is refused when corrupt, truncated, of another version or of another shape', () => {
    const text = serializeIndex(cacheOf(allFixtures.slice(0, 3)));
    assert.equal(deserializeIndex(text.slice(0, text.length / 2)), undefined);
    assert.equal(deserializeIndex(''), undefined);
    assert.equal(deserializeIndex('null'), undefined);
    assert.equal(deserializeIndex(text.replace(`"version":${INDEX_CACHE_VERSION}`, `"version":${INDEX_CACHE_VERSION + 1}`)), undefined);
    assert.equal(deserializeIndex(JSON.stringify({ version: INDEX_CACHE_VERSION, producer: '', entries: [['a.md', 1, 2, ['ADR-0001']]] })), undefined);
    assert.equal(deserializeIndex(JSON.stringify({ version: INDEX_CACHE_VERSION, producer: '', entries: [['a.md', '1', 2, []]] })), undefined);
    assert.deepEqual(deserializeIndex(JSON.stringify({ version: INDEX_CACHE_VERSION, producer: '', entries: [] })), new Map());
    const built = serializeIndex(cacheOf(allFixtures.slice(0, 1)), 'adr-roles 0.1.0 @1');
    assert.equal(deserializeIndex(built, 'adr-roles 0.1.0 @2'), undefined, 'another build of the parser');
    assert.equal(deserializeIndex(built, 'adr-roles 0.1.0 @1')?.size, 1);
  });

  it('is fresh only for the same size and mtime', () => {
    const cached = cacheOf(allFixtures.slice(0, 1)).get(allFixtures[0]!);
    assert.ok(isFresh(cached, { size: 0, mtime: 1000 }));
    assert.ok(!isFresh(cached, { size: 1, mtime: 1000 }));
    assert.ok(!isFresh(cached, { size: 0, mtime: 1001 }));
    assert.ok(!isFresh(cached, undefined));
    assert.ok(!isFresh(undefined, { size: 0, mtime: 1000 }));
  });

  it('reads only the files whose stamp changed, and drops the ones that are gone', async () => {
    const texts: Record<string, string> = {
      'd/0001-a.md': '---\nstatus: accepted\nowner: cto\n---\n# A\n',
      'd/0002-b.md': '---\nstatus: proposed\n---\n# B\n',
    };
    const stamps: Record<string, { size: number; mtime: number }> = { 'd/0001-a.md': { size: 1, mtime: 1 }, 'd/0002-b.md': { size: 2, mtime: 2 } };
    const reads: string[] = [];
    const base = memoryFileSystem(texts);
    const fs = {
      ...base,
      readText: (path: string) => {
        reads.push(path);
        return base.readText(path);
      },
      stat: (path: string) => Promise.resolve(stamps[path]),
    };
    const first = await loadFoldersCached(fs, ['d'], new Map([['d/0009-gone.md', { size: 1, mtime: 1, decision: parseDecision('d/0009-gone.md', '# Gone') }]]));
    assert.deepEqual(reads.sort(), ['d/0001-a.md', 'd/0002-b.md']);
    assert.deepEqual([...first.cache.keys()].sort(), ['d/0001-a.md', 'd/0002-b.md']);

    reads.length = 0;
    texts['d/0002-b.md'] = '---\nstatus: accepted\n---\n# B\n';
    stamps['d/0002-b.md'] = { size: 2, mtime: 3 };
    const second = await loadFoldersCached(fs, ['d'], deserializeIndex(serializeIndex(first.cache))!);
    assert.deepEqual(reads, ['d/0002-b.md']);
    assert.equal(second.reused, 1);
    assert.equal(second.catalog.get('d/0002-b.md')?.status?.value, 'accepted');
    assert.equal(second.catalog.get('d/0001-a.md')?.owner?.value, 'cto');
  });

  it('shows the cached decisions of the files listed now, without a stat or a read, and leaves the rest for the check', async () => {
    const base = memoryFileSystem({ 'd/0001-a.md': '# A\n', 'd/0002-b.md': '# B\n', 'd/0003-new.md': '# New\n' });
    const touched: string[] = [];
    const fs = {
      ...base,
      readText: (path: string) => (touched.push(`read ${path}`), base.readText(path)),
      stat: (path: string) => (touched.push(`stat ${path}`), Promise.resolve({ size: 1, mtime: 1 })),
    };
    const cache = new Map<string, CachedDecision>([
      ['d/0001-a.md', { size: 10, mtime: 1, decision: parseDecision('d/0001-a.md', '---\nowner: cto\n---\n# A (cached)\n') }],
      ['d/0002-b.md', { size: 5000, mtime: 1, decision: parseDecision('d/0002-b.md', '# B (cached)\n') }],
      ['d/0009-gone.md', { size: 1, mtime: 1, decision: parseDecision('d/0009-gone.md', '# Gone\n') }],
    ]);
    const { catalog, shown } = await loadFoldersFromCache(fs, ['d'], cache, undefined, readLimitsOf(2));
    assert.deepEqual(touched, []);
    // 0002 is over the 2 KB limit now, 0003 is not in the cache, 0009 is no longer listed.
    assert.equal(shown, 1);
    assert.deepEqual(catalog.decisions().map((d) => [d.file, d.title?.value]), [['d/0001-a.md', 'A (cached)']]);
  });
});
