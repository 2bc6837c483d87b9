import * as vscode from 'vscode';
import { showError, showInfo } from '../notifications';
import { baseName } from '../../core/read/fileName';
import { mapBounded } from '../../core/workspace/fileSystem';
import { formatId } from '../../core/read/fileName';
import { parseDecision } from '../../core/read/parse';
import { planRenumber } from '../../core/edit/renumber';
import { currentText, releaseNumber, reserveNextNumber } from './decisionFiles';
import { applyPlannedWrite, type BasisFile } from './plannedWrite';
import { resolveDecision } from './decisionTarget';
import type { WorkspaceIndex } from '../index/workspaceIndex';

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
    void showError(`${baseName(decision.file)} cannot be read any more: nothing was changed.`);
    return undefined;
  }
  const fresh = parseDecision(decision.file, own.text);
  const plan = planRenumber({ log, decision: fresh, newNumber, files });

  const newUri = vscode.Uri.joinPath(folder, plan.newFileName);
  // Every file it edits or renames is checked against the text the plan was computed from.
  const basis: BasisFile[] = [{ uri, text: own.text, name: decision.id }];
  const edits = [{ uri, edits: plan.edits.get(decision.file) ?? [] }];
  let updated = 0;
  for (const file of files) {
    const fileEdits = file.path === decision.file ? undefined : plan.edits.get(file.path);
    if (!fileEdits || fileEdits.length === 0) continue;
    basis.push({ uri: file.uri, text: file.text, name: vscode.workspace.asRelativePath(file.uri) });
    edits.push({ uri: file.uri, edits: fileEdits });
    updated += fileEdits.length;
  }
  const outcome = await applyPlannedWrite({ command: 'Renumber', basis, edits, rename: { from: uri, to: newUri } });
  releaseNumber(folder, newNumber);
  if (outcome !== 'written') {
    if (outcome === 'taken') void showError(`Renumbering ${decision.id} failed: ${plan.newFileName} appeared meanwhile. Nothing was changed.`);
    else if (outcome === 'failed') void showError(`Renumbering ${decision.id} failed: nothing was changed.`);
    return undefined;
  }
  const left = plan.ambiguous > 0 ? ` ${plan.ambiguous} mention${plan.ambiguous === 1 ? '' : 's'} of ${decision.id} elsewhere may mean either decision with that number and were left as written.` : '';
  void showInfo(`${decision.id} is now ${formatId(newNumber)} (${plan.newFileName}); ${updated} reference${updated === 1 ? '' : 's'} updated.${left}`);
  return newUri;
}
