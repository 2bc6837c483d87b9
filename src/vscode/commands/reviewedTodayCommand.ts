import * as vscode from 'vscode';
import { reviewStateOf } from '../../core/views/decisionText';
import { reviewedTodayFor } from '../../core/views/quickFixes';
import { dirName } from '../../core/workspace/paths';
import { toRange } from '../convert';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/**
 * *Reviewed today* from the review CodeLens: the quick fix's edit — today's `reviewed-on` and the
 * next `review-by` — applied to the document, unsaved and undoable as a quick fix is. Returns
 * whether it was applied; a decision no longer overdue (reviewed meanwhile) is left as it is.
 */
export async function reviewedToday(index: WorkspaceIndex, target: unknown): Promise<boolean> {
  if (typeof target !== 'string') return false;
  const uri = vscode.Uri.parse(target);
  // Only a decision the index knows is opened: the argument may come from anywhere a command link can.
  if (!index.findByUri(uri)) return false;
  const document = await vscode.workspace.openTextDocument(uri);
  const decision = index.updateFromDocumentIfStale(document);
  const config = decision && index.configFor(decision);
  if (!decision || !config) return false;
  const today = index.today();
  if (!reviewStateOf(decision, config.review, today)?.overdue) return false;
  const fix = reviewedTodayFor({ text: document.getText(), decision, config, today, folder: index.formatOf(dirName(decision.file)) });
  if (!fix) {
    void vscode.window.showWarningMessage(`${decision.id}: its metadata block cannot be edited safely, so the review dates were not written.`);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const change of fix.edits) edit.replace(uri, toRange(change.range), change.newText);
  return vscode.workspace.applyEdit(edit);
}
