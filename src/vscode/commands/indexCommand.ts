import * as vscode from 'vscode';
import { showError, showInfo } from '../notifications';
import { INDEX_FILE_NAMES, renderIndexTable, updateIndexText } from '../../core/views/indexTable';
import { LineIndex } from '../../core/read/lineIndex';
import type { TextEdit } from '../../core/edit/textEdit';
import { currentText } from './decisionFiles';
import { applyPlannedWrite, reportRefusal, reportStopped, writeRefusalOf, type BasisFile, type PlannedWrite } from './plannedWrite';
import { notifyWritten } from './undoWrite';
import { readLimits } from '../settings';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/**
 * "ADR: Generate Index": the table of each decision folder in its README (or index.md), updated in
 * place between marker comments on later runs. One edit for all folders, undoable. A README that
 * is a symbolic link (or not a regular file) stops the command before anything is read or written.
 */
export async function generateIndex(index: WorkspaceIndex): Promise<vscode.Uri[]> {
  await index.whenIndexed();
  const basis: BasisFile[] = [];
  const creates: { uri: vscode.Uri; text: string }[] = [];
  const edits: { uri: vscode.Uri; edits: TextEdit[] }[] = [];
  const written: vscode.Uri[] = [];
  for (const folder of index.decisionFolders()) {
    const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(folder.uri)).catch(() => [] as [string, vscode.FileType][]);
    const name = INDEX_FILE_NAMES.find((n) => entries.some(([entry]) => entry === n)) ?? 'README.md';
    const uri = vscode.Uri.joinPath(folder.uri, name);
    // Checked before it is read: a README linked to /dev/stdin would never answer, one linked outside would be read.
    const refusal = await writeRefusalOf(uri);
    if (refusal) {
      reportRefusal('Generate Index', uri, refusal);
      return [];
    }
    const exists = entries.some(([entry]) => entry === name);
    // Read no further than a decision would be: a README of gigabytes is no index to update.
    const maxBytes = readLimits().maxFileBytes;
    const size = exists ? (await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined))?.size : undefined;
    if (size !== undefined && size > maxBytes) {
      reportStopped('Generate Index', uri, `Generate Index: ${vscode.workspace.asRelativePath(uri)} is larger than ${Math.round(maxBytes / 1024)} KB (adrRoles.maxFileSizeKB): nothing was read or written.`);
      return [];
    }
    const existing = exists ? await currentText(uri) : undefined;
    const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
    const updated = updateIndexText(existing, renderIndexTable(folder.log, folder.config.roles, eol));
    if (updated === existing) continue;
    if (existing === undefined) creates.push({ uri, text: updated });
    else {
      // The whole text, as read: the write is checked against it.
      basis.push({ uri, text: existing, name: vscode.workspace.asRelativePath(uri) });
      edits.push({ uri, edits: [{ range: new LineIndex(existing).range(0, existing.length), newText: updated }] });
    }
    written.push(uri);
  }
  if (written.length === 0) {
    void showInfo('The decision index is up to date.');
    return [];
  }
  const write: PlannedWrite = { command: 'Generate Index', basis, creates, edits };
  const outcome = await applyPlannedWrite(write);
  if (outcome !== 'written') {
    if (outcome !== 'changed' && outcome !== 'refused') void showError('The decision index could not be written: nothing was changed.');
    return [];
  }
  notifyWritten(`Decision index written: ${written.map((u) => vscode.workspace.asRelativePath(u)).join(', ')}`, 'Generate Index', [write]);
  return written;
}
