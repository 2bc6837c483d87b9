import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { escapeUntilSettled, indexedApi, indexState, readText, workspaceFile } from './helpers';

const FOLDER = 'docs/decisions';

async function decisionFiles(): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(workspaceFile(FOLDER))).map(([name]) => name).sort();
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

describe('ADR: New ADR', () => {
  const created: vscode.Uri[] = [];
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri);
    await vscode.commands.executeCommand('adrRoles.refresh');
  });

  it('writes the next number with the chosen owner and opens it at the first section', async () => {
    const api = await indexedApi();
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.newDecision', { title: 'Adopt trunk-based development', owner: 'hoe' });
    assert.ok(uri, 'the command returned the new file');
    created.push(uri);
    assert.equal(uri.path.split('/').pop(), '0007-adopt-trunk-based-development.md');
    const text = await readText(uri);
    assert.match(text, /^---\nstatus: proposed\ndate: (\d{4}-\d{2}-\d{2})\nowner: hoe\n/);
    assert.equal(/date: (\S+)/.exec(text)?.[1], today());
    assert.match(text, /\n# Adopt trunk-based development\n/);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    const cursorLine = editor.selection.active.line;
    assert.equal(editor.document.lineAt(cursorLine - 2).text, '## Context and Problem Statement');
    await indexState(api, () => api.decisions().some((d) => d.id === 'ADR-0007' && d.owner?.value === 'hoe'), () => 'ADR-0007 owned by hoe in the index');
  });

  it('gives two decisions created at once two numbers', async () => {
    const [first, second] = await Promise.all([
      vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.newDecision', { title: 'Same moment', owner: 'cto' }),
      vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.newDecision', { title: 'Same moment', owner: 'cto' }),
    ]);
    assert.ok(first && second);
    created.push(first, second);
    assert.deepEqual([first.path, second.path].map((p) => p.split('/').pop()).sort(), ['0008-same-moment.md', '0009-same-moment.md']);
  });

  it('writes nothing when the title prompt is escaped', async () => {
    const before = await decisionFiles();
    const result = await escapeUntilSettled(vscode.commands.executeCommand('adrRoles.newDecision'));
    assert.equal(result, undefined);
    assert.deepEqual(await decisionFiles(), before);
  });

  it('writes nothing when the owner prompt is escaped', async () => {
    const before = await decisionFiles();
    const result = await escapeUntilSettled(vscode.commands.executeCommand('adrRoles.newDecision', { title: 'Never written' }));
    assert.equal(result, undefined);
    assert.deepEqual(await decisionFiles(), before);
  });
});
