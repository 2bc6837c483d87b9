import * as vscode from 'vscode';
import { reviewDateRange, reviewStateOf } from '../../core/views/decisionText';
import { reviewedTodayFor } from '../../core/views/quickFixes';
import { dirName } from '../../core/workspace/paths';
import { toRange } from '../convert';
import type { WorkspaceIndex } from '../index/workspaceIndex';

// What the review CodeLens runs. Internal commands: a lens passes the decision's URI string.

/**
 * *Reviewed today* from the review CodeLens: the quick fix's edit — today's `reviewed-on` and the
 * next `review-by` — applied to the document, unsaved and undoable as a quick fix is. Returns
 * whether it was applied; a decision no longer overdue (reviewed meanwhile) is left as it is.
 */
export async function reviewedToday(index: WorkspaceIndex, target: unknown): Promise<boolean> {
  const found = await openDecision(index, target);
  if (!found) return false;
  const { uri, document, decision, config } = found;
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

/**
 * From the review CodeLens of a decision not yet due: the editor, with the line its due date is
 * counted from selected (`review-by`, else `reviewed-on` or `date` under the review policy).
 */
export async function goToReviewDate(index: WorkspaceIndex, target: unknown): Promise<boolean> {
  const found = await openDecision(index, target);
  if (!found) return false;
  const at = reviewDateRange(found.decision);
  await vscode.window.showTextDocument(found.document, at ? { selection: toRange(at) } : {});
  return true;
}

/** The decision a lens names by its URI string, read from its document; only one the index knows is opened. */
async function openDecision(index: WorkspaceIndex, target: unknown) {
  if (typeof target !== 'string') return undefined;
  const uri = vscode.Uri.parse(target);
  // The argument may come from anywhere a command link can: nothing else is opened.
  if (!index.findByUri(uri)) return undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  const decision = index.updateFromDocumentIfStale(document);
  const config = decision && index.configFor(decision);
  return decision && config ? { uri, document, decision, config } : undefined;
}
