import { strict as assert } from 'node:assert';
import { inProblemsScope } from '../../src/core/workspace/problemsScope';

describe('inProblemsScope', () => {
  const entries: [string, string][] = [
    ['file:///w/docs/adr/0001-a.md', 'number-taken-on-base'],
    ['file:///w/docs/adr/0002-b.md', 'accepted-decision-rewritten'],
    ['file:///w/docs/adr/README.md', 'decision-deleted'],
  ];

  it('shows every file with the workspace scope, open or not', () => {
    assert.deepEqual(inProblemsScope(entries, 'workspace', new Set()), entries);
  });

  it('shows only the open files with the openFiles scope', () => {
    const open = new Set(['file:///w/docs/adr/0002-b.md', 'file:///w/docs/adr/README.md', 'file:///w/elsewhere.md']);
    assert.deepEqual(inProblemsScope(entries, 'openFiles', open), entries.slice(1));
    assert.deepEqual(inProblemsScope(entries, 'openFiles', new Set()), []);
  });
});
