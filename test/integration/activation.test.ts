import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { UNOWNED_DECISION, adrRolesExtension, indexedApi, workspaceFile } from './helpers';

/**
 * Whether the extension host has loaded one of the chunks dist/extension.js requires on first use
 * (scripts/lazyChunks.mjs). A chunk that failed to load is not in the cache.
 */
function chunkLoaded(name: string): boolean {
  return Object.keys(require.cache).some((path) => path.replaceAll('\\', '/').endsWith(`/dist/lazy/${name}.js`));
}

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

  it('reads with the YAML parser and the CommonMark tree loaded from their chunks', async () => {
    await indexedApi();
    // The demo's .adr-roles.yml lists its roles as maps: only the full YAML parser reads that.
    assert.ok(chunkLoaded('yaml'), 'dist/lazy/yaml.js is loaded once .adr-roles.yml is read');
    // An open document is read with the CommonMark structure: asking for its CodeLens reads it, at
    // once if no earlier reading of this version did. No editor and no edit: nothing is left behind.
    const uri = workspaceFile(UNOWNED_DECISION);
    await vscode.workspace.openTextDocument(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
    assert.ok(lenses.some((lens) => lens.command?.command === 'adrRoles.setOwner'), `the unowned decision's lens asks for an owner: ${JSON.stringify(lenses.map((l) => l.command?.title))}`);
    assert.ok(chunkLoaded('markdownTree'), 'dist/lazy/markdownTree.js is loaded once a decision document is read');
  });
});
