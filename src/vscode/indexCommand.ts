import * as vscode from 'vscode';
import { INDEX_FILE_NAMES, renderIndexTable, updateIndexText } from '../core/indexTable';
import { applyEdit, currentText } from './decisionFiles';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * "ADR: Generate Index": the table of each decision folder in its README (or index.md), updated in
 * place between marker comments on later runs. One edit for all folders, undoable.
 */
export async function generateIndex(index: WorkspaceIndex): Promise<vscode.Uri[]> {
  await index.whenIndexed();
  const edit = new vscode.WorkspaceEdit();
  const written: vscode.Uri[] = [];
  for (const folder of index.decisionFolders()) {
    const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(folder.uri)).catch(() => [] as [string, vscode.FileType][]);
    const name = INDEX_FILE_NAMES.find((n) => entries.some(([entry]) => entry === n)) ?? 'README.md';
    const uri = vscode.Uri.joinPath(folder.uri, name);
    const existing = entries.some(([entry]) => entry === name) ? await currentText(uri) : undefined;
    const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
    const updated = updateIndexText(existing, renderIndexTable(folder.log, folder.config.roles, eol));
    if (updated === existing) continue;
    if (existing === undefined) edit.createFile(uri, { overwrite: false, contents: new TextEncoder().encode(updated) });
    else {
      const document = await vscode.workspace.openTextDocument(uri);
      edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), updated);
    }
    written.push(uri);
  }
  if (written.length === 0) {
    void vscode.window.showInformationMessage('The decision index is up to date.');
    return [];
  }
  if (!(await applyEdit(edit))) {
    void vscode.window.showErrorMessage('The decision index could not be written: nothing was changed.');
    return [];
  }
  void vscode.window.showInformationMessage(`Decision index written: ${written.map((u) => vscode.workspace.asRelativePath(u)).join(', ')}`);
  return written;
}
