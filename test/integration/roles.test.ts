import * as assert from 'node:assert/strict';
import { DIAGNOSTIC_SOURCE, codeOf, diagnosticGone, diagnosticOn, indexedApi, indexState, readText, workspaceFile, writeText } from './helpers';

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
      await indexState(api, () => labels().includes('Head of Product (strategy)'), () => JSON.stringify(labels()));
      assert.deepEqual(labels(), ['Unowned', 'Chief Technology Officer (strategy)', 'Head of Engineering (execution)', 'Head of Product (strategy)']);
    } finally {
      await writeText(config, original);
      await indexState(api, () => labels().includes('CTO (strategy)'), () => JSON.stringify(labels()));
    }
  });
});

describe('mistakes in .adr-roles.yml', () => {
  it('show as diagnostics in the configuration file, at the line', async () => {
    await indexedApi();
    const config = workspaceFile('.adr-roles.yml');
    const original = await readText(config);
    const isConfigProblem = (d: { source?: string; code?: unknown }): boolean => d.source === DIAGNOSTIC_SOURCE && codeOf(d as never) === 'invalid-config';
    try {
      const reported = diagnosticOn(config, (d) => isConfigProblem(d) && /does not exist/.test(d.message), 'invalid-config for a missing folder');
      await writeText(config, original.replace('  - docs/decisions', '  - docs/decisions\n  - docs/decsions'));
      const diagnostic = await reported;
      assert.equal(diagnostic.message, "Folder 'docs/decsions' does not exist");
      assert.equal(diagnostic.range.start.line, original.split('\n').findIndex((l) => l === '  - docs/decisions') + 1);
    } finally {
      const gone = diagnosticGone(config, isConfigProblem, 'invalid-config');
      await writeText(config, original);
      await gone;
    }
  });
});
