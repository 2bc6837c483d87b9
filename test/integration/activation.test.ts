import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { UNOWNED_DECISION, adrRolesExtension, indexState, indexedApi, workspaceFile } from './helpers';

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
    const api = await indexedApi();
    // The demo's .adr-roles.yml lists its roles as maps: only the full YAML parser reads that.
    assert.ok(chunkLoaded('yaml'), 'dist/lazy/yaml.js is loaded once .adr-roles.yml is read');
    // An open decision is read with the CommonMark tree: a title typed in it reaches the index through it.
    const uri = workspaceFile(UNOWNED_DECISION);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const heading = document.getText().indexOf('# Adopt feature flags');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, document.positionAt(heading + 2), 'Typed: ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await indexState(api, () => api.decisions().some((d) => d.file === uri.path && d.title?.value.startsWith('Typed: ')), () => 'the typed title is not in the index');
      assert.ok(chunkLoaded('markdownTree'), 'dist/lazy/markdownTree.js is loaded once a decision is open');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
