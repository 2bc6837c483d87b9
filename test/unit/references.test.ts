import { strict as assert } from 'node:assert';
import { Catalog, DecisionLog } from '../../src/core/workspace/catalog';
import { completionAt, idCompletionAt } from '../../src/core/views/completion';
import { defaultConfig } from '../../src/core/workspace/config';
import { parseDecision } from '../../src/core/read/parse';
import { findReferences, renumberMention } from '../../src/core/workspace/references';
import { referenceAt, resolveReference } from '../../src/core/workspace/resolveReference';

function catalogOf(files: Record<string, string>): Catalog {
  const catalog = new Catalog();
  for (const [path, text] of Object.entries(files)) catalog.upsert(parseDecision(path, text));
  return catalog;
}

describe('findReferences', () => {
  it('finds links to markdown files and ADR mentions in any text, in order', () => {
    const text = '// See ADR-0007 and adr 12, [the log](../adr/0003-use-x.md#why) and <ADR#5>.\nNot: ADRS, 2ADR-1, [site](https://x.io).';
    assert.deepEqual(
      findReferences(text).map((r) => [r.kind, r.raw, r.number, r.fileName]),
      [
        ['mention', 'ADR-0007', 7, null],
        ['mention', 'adr 12', 12, null],
        ['link', '../adr/0003-use-x.md', 3, '0003-use-x.md'],
        ['mention', 'ADR#5', 5, null],
      ],
    );
  });

  it('locates the reference under a cursor', () => {
    const text = 'x ADR-0007 y';
    assert.equal(referenceAt(findReferences(text), 4)?.raw, 'ADR-0007');
    assert.equal(referenceAt(findReferences(text), 0), undefined);
  });

  it('rewrites mentions in their own style', () => {
    assert.equal(renumberMention('ADR-0012', 13), 'ADR-0013');
    assert.equal(renumberMention('adr 12', 13), 'adr 13');
    assert.equal(renumberMention('ADR-012', 1013), 'ADR-1013');
  });
});

describe('resolveReference', () => {
  const catalog = catalogOf({
    'repo/docs/adr/0003-use-x.md': '# Use X',
    'repo/docs/adr/0007-use-y.md': '# Use Y',
    'repo/services/pay/adr/0007-pay-y.md': '# Pay Y',
  });

  it('follows a relative link to its file', () => {
    const [ref] = findReferences('[x](../adr/0003-use-x.md)');
    assert.deepEqual(resolveReference(catalog, 'repo/docs/notes/plan.md', ref!).map((d) => d.file), ['repo/docs/adr/0003-use-x.md']);
  });

  it("prefers the referring file's own folder for a bare mention", () => {
    const [ref] = findReferences('ADR-0007');
    assert.deepEqual(resolveReference(catalog, 'repo/services/pay/adr/0001-z.md', ref!).map((d) => d.file), ['repo/services/pay/adr/0007-pay-y.md']);
  });

  it('from code, lists every folder’s decision of that number, nearest first', () => {
    const [ref] = findReferences('// ADR-0007');
    assert.deepEqual(resolveReference(catalog, 'repo/services/pay/src/api.ts', ref!).map((d) => d.file), ['repo/services/pay/adr/0007-pay-y.md', 'repo/docs/adr/0007-use-y.md']);
  });

  it('ranks folders by whole path segments shared, as Renumber does, not by shared characters', () => {
    const near = catalogOf({ 'repo/a/0002-q.md': '# Q', 'repo/a/bz/adr/0002-r.md': '# R' });
    const [ref] = findReferences('ADR-0002');
    assert.deepEqual(
      resolveReference(near, 'repo/a/b/plan.md', ref!).map((d) => d.file),
      ['repo/a/0002-q.md', 'repo/a/bz/adr/0002-r.md'],
      'the folder holding the file comes first, though the other shares the characters `repo/a/b`',
    );
  });

  it('resolves nothing for a number no folder has', () => {
    const [ref] = findReferences('ADR-0099');
    assert.deepEqual(resolveReference(catalog, 'repo/x.ts', ref!), []);
  });
});

describe('completion of decision ids', () => {
  const log = new DecisionLog('d');
  for (const [file, text] of Object.entries({ 'd/0001-a.md': '---\nowner: cto\n---\n# Alpha\n', 'd/0002-b.md': '---\nstatus: accepted\n---\n# Beta\n' })) log.upsert(parseDecision(file, text));

  it('after overrides: in the frontmatter, the folder’s other decisions', () => {
    const text = '---\noverrides: [ADR-0001, \n---\n';
    const self = parseDecision('d/0003-c.md', text);
    const found = completionAt(text, { line: 1, character: 22 }, self, defaultConfig(), log);
    assert.deepEqual(found?.items.map((i) => [i.label, i.detail]), [
      ['ADR-0001', 'Alpha · cto'],
      ['ADR-0002', 'Beta · accepted'],
    ]);
    assert.deepEqual(found?.range, { start: { line: 1, character: 22 }, end: { line: 1, character: 22 } });
  });

  it('after ADR- in the markdown body, replacing what is typed', () => {
    const found = idCompletionAt('See ADR-0', { line: 0, character: 9 }, log);
    assert.equal(found?.items.length, 2);
    assert.deepEqual(found?.range, { start: { line: 0, character: 4 }, end: { line: 0, character: 9 } });
    assert.equal(idCompletionAt('See AD', { line: 0, character: 6 }, log), null);
  });
});
