// Faults a real workspace has: files that are not text, too large, written in bulk, deleted while
// being read, links that loop, folders added and removed while the extension runs. None may crash
// the extension or leave a diagnostic behind.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AdrRolesApi } from '../../src/vscode/api';
import { DIAGNOSTIC_SOURCE, adrRolesExtension, codeOf, diagnosticGone, diagnosticOn, indexState, indexedApi, workspaceFile, writeText } from './helpers';

const FOLDER = 'docs/decisions';
const OWNED_DECISION = `${FOLDER}/0001-buy-analytics-platform-rather-than-build.md`;

const ours = (code: string) => (d: vscode.Diagnostic) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === code;
const indexed = (api: AdrRolesApi, uri: vscode.Uri) => api.decisions().some((d) => d.file === uri.path);

/** Measurements worth reading after a green run, which removes the workbench's logs: test-output/integration-measurements.txt. */
function record(line: string): void {
  const folder = join(adrRolesExtension().extensionPath, 'test-output');
  mkdirSync(folder, { recursive: true });
  appendFileSync(join(folder, 'integration-measurements.txt'), `${new Date().toISOString()} ${line}\n`);
}

async function remove(...uris: vscode.Uri[]): Promise<void> {
  for (const uri of uris) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
}

/** Refreshes and resolves once the new index is in use. */
async function refreshed(api: AdrRolesApi): Promise<void> {
  await vscode.commands.executeCommand('adrRoles.refresh');
  await api.whenIndexed();
}

describe('files that are not read as decisions', () => {
  it('a binary file with a .md name gets an info diagnostic, is not a decision, and leaves no trace once deleted', async () => {
    const api = await indexedApi();
    const uri = workspaceFile(`${FOLDER}/0090-screenshot.md`);
    const skipped = diagnosticOn(uri, ours('file-skipped'), 'file-skipped diagnostic');
    await vscode.workspace.fs.writeFile(uri, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    try {
      const diagnostic = await skipped;
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
      assert.match(diagnostic.message, /binary/);
      assert.ok(!indexed(api, uri), 'the binary file was indexed as a decision');
    } finally {
      await remove(uri);
    }
    await diagnosticGone(uri, (d) => d.source === DIAGNOSTIC_SOURCE, 'a diagnostic of the deleted binary file');
  });

  it('a file over adrRoles.maxFileSizeKB is skipped with an info diagnostic, and read again when the limit is raised', async () => {
    const api = await indexedApi();
    const uri = workspaceFile(OWNED_DECISION);
    const settings = vscode.workspace.getConfiguration('adrRoles');
    const skipped = diagnosticOn(uri, ours('file-skipped'), 'file-skipped diagnostic');
    // The demo's decisions are 1–2 KB: a 1 KB limit skips most of them.
    await settings.update('maxFileSizeKB', 1, vscode.ConfigurationTarget.Global);
    try {
      const diagnostic = await skipped;
      assert.match(diagnostic.message, /over the 1 KB limit/);
      assert.match(diagnostic.message, /adrRoles\.maxFileSizeKB/);
      await indexState(api, () => !indexed(api, uri), () => `${uri.path} is still indexed`);
    } finally {
      await settings.update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticGone(uri, ours('file-skipped'), 'file-skipped after the limit was raised');
    await indexState(api, () => indexed(api, uri), () => `${uri.path} is not indexed again`);
  });

  it('a decision saved in Latin-1 is read, with a warning that it is not UTF-8', async () => {
    const api = await indexedApi();
    const uri = workspaceFile(`${FOLDER}/0091-cafe.md`);
    const latin1 = Uint8Array.from('---\nowner: cto\nstatus: accepted\n---\n# 91. Caf\u00e9 menu\n', (c) => c.charCodeAt(0));
    const warning = diagnosticOn(uri, ours('invalid-encoding'), 'invalid-encoding diagnostic');
    await vscode.workspace.fs.writeFile(uri, latin1);
    try {
      const diagnostic = await warning;
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(diagnostic.range.start.line, 4);
      await indexState(api, () => api.decisions().find((d) => d.file === uri.path)?.owner?.value === 'cto', () => `${uri.path} is not indexed with its owner`);
    } finally {
      await remove(uri);
    }
    await diagnosticGone(uri, (d) => d.source === DIAGNOSTIC_SOURCE, 'a diagnostic of the deleted Latin-1 file');
  });
});

describe('faults in the workspace', () => {
  it('1,000 decisions written at once arrive in one batch, and leave no diagnostic when deleted at once', async function () {
    this.timeout(180_000);
    const api = await indexedApi();
    const uris = Array.from({ length: 1000 }, (_, i) => workspaceFile(`${FOLDER}/${String(1000 + i).padStart(4, '0')}-bulk-decision.md`));
    let changes = 0;
    const counting = api.onDidChange(() => changes++);
    try {
      const started = Date.now();
      await Promise.all(uris.map((uri, i) => writeText(uri, `---\nstatus: proposed\n---\n# ${1000 + i}. Bulk decision\n`)));
      const written = Date.now();
      await indexState(api, () => uris.every((uri) => indexed(api, uri)), () => `${uris.filter((uri) => indexed(api, uri)).length} of 1000 indexed`, 120_000);
      record(`1,000 decisions: written in ${written - started} ms, indexed ${Date.now() - written} ms later, in ${changes} index change(s)`);
      assert.equal(changes, 1, 'the 1,000 files were applied in more than one batch');
      // Every one of them is unowned: each shows missing-owner until it is deleted.
      await diagnosticOn(uris[999]!, ours('missing-owner'), 'missing-owner on the last bulk decision');

      changes = 0;
      const deleting = Date.now();
      await Promise.all(uris.map((uri) => vscode.workspace.fs.delete(uri)));
      const deleted = Date.now();
      await indexState(api, () => uris.every((uri) => !indexed(api, uri)), () => `${uris.filter((uri) => indexed(api, uri)).length} of 1000 still indexed`, 120_000);
      record(`1,000 decisions deleted in ${deleted - deleting} ms, out of the index ${Date.now() - deleted} ms later, in ${changes} index change(s)`);
      assert.equal(changes, 1, 'the 1,000 deletions were applied in more than one batch');
      const stale = uris.filter((uri) => vscode.languages.getDiagnostics(uri).some((d) => d.source === DIAGNOSTIC_SOURCE));
      assert.deepEqual(stale.map((uri) => uri.path), []);
    } finally {
      counting.dispose();
      await Promise.all(uris.map((uri) => remove(uri)));
    }
  });

  it('a decision deleted right after it was written leaves neither a decision nor a diagnostic', async () => {
    const api = await indexedApi();
    const uri = workspaceFile(`${FOLDER}/0092-fleeting.md`);
    const survivor = workspaceFile(`${FOLDER}/0093-survivor.md`);
    await writeText(uri, '# 92. Fleeting\n');
    await remove(uri);
    // The survivor's arrival proves the batch holding the fleeting file has been applied.
    await writeText(survivor, '---\nowner: cto\n---\n# 93. Survivor\n');
    try {
      await indexState(api, () => indexed(api, survivor), () => 'the survivor is not indexed');
      assert.ok(!indexed(api, uri), 'the deleted file is indexed');
      assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
    } finally {
      await remove(survivor);
    }
  });

  it('a decision changed by an edit no tab shows leaves the index once its file is deleted', async () => {
    const api = await indexedApi();
    const uri = workspaceFile(`${FOLDER}/0094-background.md`);
    await writeText(uri, '---\nowner: cto\n---\n# 94. Background\n');
    try {
      await indexState(api, () => indexed(api, uri), () => 'the new decision is not indexed');
      // A WorkspaceEdit on a closed file, as a quick fix or Renumber's mentions make: unsaved, in no tab.
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(3, 6, 3, 16), 'Edited in the background');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      assert.ok(document?.isDirty, 'the edit left no unsaved document');
      await remove(uri);
      await indexState(api, () => !indexed(api, uri), () => 'the deleted decision is still indexed');
    } finally {
      await remove(uri);
    }
  });

  it('a decision closed without saving reads as its file again', async () => {
    const api = await indexedApi();
    const uri = workspaceFile(`${FOLDER}/0095-reverted.md`);
    await writeText(uri, '---\nowner: cto\n---\n# 95. As saved\n');
    const title = () => api.decisions().find((d) => d.file === uri.path)?.title?.value;
    try {
      await indexState(api, () => title() === 'As saved', () => `the title is ${title()}`);
      const editor = await vscode.window.showTextDocument(uri);
      await editor.edit((b) => b.replace(new vscode.Range(3, 6, 3, 14), 'Never saved'));
      await vscode.commands.executeCommand('adrRoles.refresh');
      await indexState(api, () => title() === 'Never saved', () => `the unsaved title is not read: ${title()}`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await indexState(api, () => title() === 'As saved', () => `the closed decision still reads as unsaved: ${title()}`);
    } finally {
      await remove(uri);
    }
  });

  it('a renamed decision moves its diagnostic to the new name', async () => {
    const api = await indexedApi();
    const before = workspaceFile(`${FOLDER}/0094-before.md`);
    const after = workspaceFile(`${FOLDER}/0094-after.md`);
    const first = diagnosticOn(before, ours('missing-owner'), 'missing-owner before the rename');
    await writeText(before, '# 94. Renamed\n');
    try {
      await first;
      const moved = diagnosticOn(after, ours('missing-owner'), 'missing-owner after the rename');
      await vscode.workspace.fs.rename(before, after);
      await moved;
      await diagnosticGone(before, (d) => d.source === DIAGNOSTIC_SOURCE, 'the diagnostic of the old name');
      assert.ok(!indexed(api, before));
    } finally {
      await remove(before, after);
    }
  });

  it('links that loop, a folder and a named pipe with .md names are not read, and the index still completes', async () => {
    const api = await indexedApi();
    const folder = workspaceFile(FOLDER).fsPath;
    const loop = join(folder, 'loop');
    const selfLink = join(folder, '0095-self.md');
    const pipe = join(folder, '0096-pipe.md');
    const directory = join(folder, '0097-folder.md');
    symlinkSync('.', loop);
    symlinkSync('0095-self.md', selfLink);
    // Reading a named pipe blocks until something writes to it: it must never be opened.
    execFileSync('mkfifo', [pipe]);
    mkdirSync(directory);
    try {
      await refreshed(api);
      const files = api.decisions().map((d) => d.file);
      for (const path of [loop, selfLink, pipe, directory]) assert.ok(!files.some((f) => f.startsWith(vscode.Uri.file(path).path)), `${path} was indexed`);
      assert.ok(indexed(api, workspaceFile(OWNED_DECISION)), 'the real decisions went missing');
      for (const path of [selfLink, pipe, directory]) assert.deepEqual(vscode.languages.getDiagnostics(vscode.Uri.file(path)), []);
    } finally {
      for (const path of [loop, selfLink, pipe, directory]) rmSync(path, { recursive: true, force: true });
      await refreshed(api);
    }
  });

  it('a workspace folder added at run time is indexed, and once removed leaves nothing behind', async function () {
    this.timeout(120_000);
    const api = await indexedApi();
    const root = mkdtempSync(join(tmpdir(), 'adr-roles-added-folder-'));
    mkdirSync(join(root, 'docs', 'decisions'), { recursive: true });
    writeFileSync(join(root, 'docs', 'decisions', '0001-use-kafka.md'), '# 1. Use Kafka\n');
    const added = vscode.Uri.file(join(root, 'docs', 'decisions', '0001-use-kafka.md'));
    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    const folderEvent = () => new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidChangeWorkspaceFolders(() => {
        subscription.dispose();
        resolve();
      });
    });
    try {
      const warned = diagnosticOn(added, ours('missing-owner'), 'missing-owner in the added folder');
      const adding = folderEvent();
      assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: vscode.Uri.file(root) }), 'the folder could not be added');
      await adding;
      await warned;
      await indexState(api, () => indexed(api, added), () => 'the added folder is not indexed');

      const removing = folderEvent();
      assert.ok(vscode.workspace.updateWorkspaceFolders(count, 1), 'the folder could not be removed');
      await removing;
      await indexState(api, () => !indexed(api, added), () => 'the removed folder is still indexed');
      await diagnosticGone(added, (d) => d.source === DIAGNOSTIC_SOURCE, 'a diagnostic of the removed folder');

      // Nothing watches it any more: a change there neither indexes it nor brings a diagnostic back.
      const survivor = workspaceFile(`${FOLDER}/0098-after-removal.md`);
      writeFileSync(added.fsPath, '# 1. Use Kafka, edited\n');
      await writeText(survivor, '---\nowner: cto\n---\n# 98. After removal\n');
      try {
        await indexState(api, () => indexed(api, survivor), () => 'the later decision is not indexed');
        assert.ok(!indexed(api, added), 'a file of the removed folder came back');
        assert.deepEqual(vscode.languages.getDiagnostics(added), []);
      } finally {
        await remove(survivor);
      }
    } finally {
      if ((vscode.workspace.workspaceFolders?.length ?? 0) > count) vscode.workspace.updateWorkspaceFolders(count, 1);
      rmSync(root, { recursive: true, force: true });
    }
  });
});
