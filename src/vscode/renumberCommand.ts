import * as vscode from 'vscode';
import { baseName } from '../core/fileName';
import { mapBounded } from '../core/fileSystem';
import { formatId } from '../core/fileName';
import { parseDecision } from '../core/parse';
import { planRenumber } from '../core/renumber';
import { toRange } from './convert';
import { applyEdit, currentText, releaseNumber, reserveNextNumber } from './decisionFiles';
import { resolveDecision } from './decisionTarget';
import type { WorkspaceIndex } from './workspaceIndex';

/** Markdown files read at once while looking for references. */
const READ_CONCURRENCY = 16;

/**
 * "ADR: Renumber…": gives a decision the folder's next free number, renames its file and rewrites
 * every reference to it in the workspace, all in one undoable WorkspaceEdit.
 */
export async function renumberDecision(index: WorkspaceIndex, arg: unknown): Promise<vscode.Uri | undefined> {
  const decision = await resolveDecision(index, arg, 'Which decision gets a new number?', (d) => d.number !== null);
  const uri = decision && index.uriOf(decision);
  if (!decision || !uri || decision.number === null) return undefined;
  const folder = vscode.Uri.joinPath(uri, '..');
  const log = index.logs().find((l) => decision.file.startsWith(`${l.folder}/`) && l.get(decision.file));
  if (!log) return undefined;
  const newNumber = await reserveNextNumber(folder);

  const markdown = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**');
  const files = (
    await mapBounded(markdown, READ_CONCURRENCY, async (file) => {
      const text = await currentText(file);
      return text === undefined ? undefined : { uri: file, path: file.path, text };
    })
  ).filter((f) => f !== undefined);
  const own = files.find((f) => f.path === decision.file);
  if (!own) {
    void vscode.window.showErrorMessage(`${baseName(decision.file)} cannot be read any more: nothing was changed.`);
    return undefined;
  }
  const fresh = parseDecision(decision.file, own.text);
  const plan = planRenumber({ log, decision: fresh, newNumber, files });

  const edit = new vscode.WorkspaceEdit();
  const newUri = vscode.Uri.joinPath(folder, plan.newFileName);
  // The decision's own edits first, then the rename: later edits address the file by its old name.
  for (const e of plan.edits.get(decision.file) ?? []) edit.replace(uri, toRange(e.range), e.newText);
  edit.renameFile(uri, newUri, { overwrite: false });
  let updated = 0;
  for (const file of files) {
    if (file.path === decision.file) continue;
    for (const e of plan.edits.get(file.path) ?? []) {
      edit.replace(file.uri, toRange(e.range), e.newText);
      updated++;
    }
  }
  const applied = await applyEdit(edit);
  releaseNumber(folder, newNumber);
  if (!applied) {
    void vscode.window.showErrorMessage(`Renumbering ${decision.id} failed (did ${plan.newFileName} appear meanwhile?): nothing was changed.`);
    return undefined;
  }
  const left = plan.ambiguous > 0 ? ` ${plan.ambiguous} mention${plan.ambiguous === 1 ? '' : 's'} of ${decision.id} elsewhere may mean either decision with that number and were left as written.` : '';
  void vscode.window.showInformationMessage(`${decision.id} is now ${formatId(newNumber)} (${plan.newFileName}); ${updated} reference${updated === 1 ? '' : 's'} updated.${left}`);
  return newUri;
}
