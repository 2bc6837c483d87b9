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
});
