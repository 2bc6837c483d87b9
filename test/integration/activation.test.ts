import * as assert from 'node:assert/strict';
import { adrRolesExtension } from './helpers';

describe('activation', () => {
  it('activates in a workspace that holds decisions', async () => {
    const extension = adrRolesExtension();
    const api = await extension.activate();
    assert.equal(extension.isActive, true);
    assert.equal(typeof api.whenIndexed, 'function', 'activate() returns the AdrRolesApi');
  });

  it('finishes its first index of the workspace', async () => {
    const api = await adrRolesExtension().activate();
    await api.whenIndexed();
    assert.ok(api.decisions().length > 0, 'the demo workspace has decisions');
  });

  it('reports how long its first index, view and diagnostics took, with every file of the index counted once', async () => {
    const api = await adrRolesExtension().activate();
    await api.whenIndexed();
    const timings = api.startupTimings();
    assert.ok(timings.indexedMs !== undefined && timings.indexedMs >= 0, 'the first index is timed');
    assert.ok(timings.diagnosticsPublishedMs !== undefined, 'diagnostics are published once the index is in use');
    // Every decision of the first index was either read or taken from the last session's index.
    assert.equal((timings.read ?? 0) + (timings.reused ?? 0), api.decisions().length);
    assert.ok(timings.activatedAt <= Date.now() && timings.hostUptimeMs >= 0);
  });
});
