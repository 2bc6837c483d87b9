import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { childPath, joinPath, normalizePath } from '../../src/core/workspace/paths';

describe('childPath', () => {
  const segment = fc.constantFrom('', '.', '..', 'docs', 'adr', 'a b', '0001-x.md', 'x\\y.md', 'a/b.md', '/', '\\', '..md');
  const folder = fc.array(segment, { maxLength: 5 }).chain((parts) => fc.constantFrom(parts.join('/'), `/${parts.join('/')}`, parts.join('\\')));

  it('is joinPath of the folder and the name, for any folder and any name without a backslash', () => {
    fc.assert(
      fc.property(folder, segment.filter((name) => !name.includes('\\')), (dir, name) => {
        assert.equal(childPath(dir, name, normalizePath(dir)), joinPath(dir, name), JSON.stringify([dir, name]));
      }),
      { numRuns: 5000 },
    );
  });

  it('appends a plain name to the folder, and reads `.` and `/` as folders', () => {
    assert.equal(childPath('docs/adr/', '0001-x.md'), 'docs/adr/0001-x.md');
    assert.equal(childPath('./', '0001-x.md'), '0001-x.md');
    assert.equal(childPath('/', '0001-x.md'), '/0001-x.md');
    assert.equal(childPath('docs', '..'), '.');
  });

  it('keeps a backslash in a name: it is a character of the name, not a separator', () => {
    assert.equal(childPath('docs/adr', '0003-a\\b.md'), 'docs/adr/0003-a\\b.md');
    assert.equal(childPath('docs\\adr', '0003-a\\b.md'), 'docs/adr/0003-a\\b.md', 'the folder is a path, normalised');
  });
});
