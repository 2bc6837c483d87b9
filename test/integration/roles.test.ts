import * as assert from 'node:assert/strict';
import { indexedApi, indexState, readText, workspaceFile, writeText } from './helpers';

describe('roles from the repository configuration', () => {
  it('a renamed and an added role appear in the tree without a code change', async () => {
    const api = await indexedApi();
    const config = workspaceFile('.adr-roles.yml');
    const original = await readText(config);
    const labels = (): string[] => api.tree().map((r) => r.label);
    try {
      await writeText(
        config,
        'folders: [docs/decisions]\nroles:\n  - { id: cto, label: Chief Technology Officer, kind: strategy }\n  - { id: hoe, label: Head of Engineering, kind: execution }\n  - { id: hop, label: Head of Product, kind: strategy }\n',
      );
      await indexState(api, () => labels().includes('Head of Product — strategy'), () => JSON.stringify(labels()));
      assert.deepEqual(labels(), ['Unowned', 'Chief Technology Officer — strategy', 'Head of Engineering — execution', 'Head of Product — strategy']);
    } finally {
      await writeText(config, original);
      await indexState(api, () => labels().includes('CTO — strategy'), () => JSON.stringify(labels()));
    }
  });
});
