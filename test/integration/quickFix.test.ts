import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, codeOf, diagnosticGone, diagnosticOn, indexedApi, workspaceFile } from './helpers';

const FILE = 'docs/decisions/0010-typing-test.md';
const OWNED = '---\nstatus: proposed\ndate: 2026-01-05\nowner: cto\nconsulted: [Team leads]\n---\n# Typing test\n\nBody text stays as it is.\n';

const isMissingOwner = (d: vscode.Diagnostic): boolean => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === 'missing-owner';

describe('missing-owner while typing, and its quick fix', () => {
  const uri = workspaceFile(FILE);
  before(async () => {
    await indexedApi();
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(OWNED));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  it('warns as soon as the owner line is deleted, and the fix adds only that line back', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const warned = diagnosticOn(uri, isMissingOwner, 'missing-owner while typing');
    await editor.edit((edit) => edit.delete(new vscode.Range(3, 0, 4, 0)));
    const diagnostic = await warned;
    assert.equal(diagnostic.range.start.line, 0, 'on the frontmatter line');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Set owner: CTO (strategy)') && titles.includes('Set owner: Head of Engineering (execution)'), JSON.stringify(titles));
    const setHoe = actions.find((a) => a.title === 'Set owner: Head of Engineering (execution)');
    assert.ok(setHoe?.edit);
    const gone = diagnosticGone(uri, isMissingOwner, 'missing-owner');
    assert.ok(await vscode.workspace.applyEdit(setHoe.edit));
    await gone;
    assert.equal(editor.document.getText(), OWNED.replace('owner: cto\n', '').replace('date: 2026-01-05\n', 'date: 2026-01-05\nowner: hoe\n'));
  });

  it('offers the missing-owner fixes on any line of the frontmatter, not only the squiggled one', async () => {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    await editor.edit((edit) => edit.delete(new vscode.Range(3, 0, 4, 0)));
    await diagnosticOn(uri, isMissingOwner, 'missing-owner again');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(2, 3, 2, 3), vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((a) => a.title === 'Set owner: CTO (strategy)'), JSON.stringify(actions.map((a) => a.title)));
    await vscode.commands.executeCommand('undo');
    await diagnosticGone(uri, isMissingOwner, 'missing-owner');
  });

  it('offers no quick fix when only source actions are asked for', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 3), vscode.CodeActionKind.Source.value);
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Set owner')), []);
  });

  it('completes owner values with the configured roles', async () => {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const ownerLine = editor.document.getText().split('\n').findIndex((l) => l.startsWith('owner:'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(ownerLine, 7));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('cto') && labels.includes('hoe'), JSON.stringify(labels.slice(0, 20)));
  });
});
