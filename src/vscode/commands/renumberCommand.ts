import * as vscode from 'vscode';
import { confirmModal, showError } from '../notifications';
import { baseName } from '../../core/read/fileName';
import { mapBounded } from '../../core/workspace/fileSystem';
import { parseDecision } from '../../core/read/parse';
import { planRenumber } from '../../core/edit/renumber';
import { currentText, releaseNumber, reserveNextNumber } from './decisionFiles';
import { applyPlannedWrite, refusedTarget, type BasisFile, type PlannedWrite } from './plannedWrite';
import { resolveDecision } from './decisionTarget';
import { RENUMBER, renumberedText, renumberPreview, WHICH_DECISION } from '../../core/views/lifecycleText';
import { notifyWritten } from './undoWrite';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Decision } from '../../core/model';
import type { DecisionLog } from '../../core/workspace/catalog';

/** Markdown files read at once while looking for references. */
const READ_CONCURRENCY = 16;

/**
 * "ADR: Renumber…": gives a decision the folder's next free number, renames its file and rewrites
 * every reference to it in the workspace, all in one undoable WorkspaceEdit, once the user has
 * seen what will change and confirmed it.
 */
/** `to`: the number to give, preselected by a quick fix (the one free on the base too); a number the folder took meanwhile moves on to the next free after it. */
export interface RenumberOptions {
  to?: number;
}

/** The options as a command argument gives them: anything else is no option. */
export function renumberOptions(value: unknown): RenumberOptions {
  const to = typeof value === 'object' && value !== null ? (value as { to?: unknown }).to : undefined;
  return typeof to === 'number' && Number.isSafeInteger(to) && to > 0 ? { to } : {};
}

export async function renumberDecision(index: WorkspaceIndex, arg: unknown, options: RenumberOptions = {}): Promise<vscode.Uri | undefined> {
  const decision = await resolveDecision(index, arg, WHICH_DECISION.Renumber, (d) => d.number !== null);
  const uri = decision && index.uriOf(decision);
  if (!decision || !uri || decision.number === null) return undefined;
  const folder = vscode.Uri.joinPath(uri, '..');
  const log = index.logs().find((l) => decision.file.startsWith(`${l.folder}/`) && l.get(decision.file));
  if (!log) return undefined;
  // A monorepo's workspace folder holds several decision folders, each numbered from 1: a mention
  // means the nearest one's decision (planRenumber). Another workspace folder is not looked in.
  const own = vscode.workspace.getWorkspaceFolder(uri);
  const folders = own ? index.decisionFolders().filter((f) => f.workspaceFolder.uri.toString() === own.uri.toString()).map((f) => f.log) : [log];
  const newNumber = await reserveNextNumber(folder, options.to === undefined ? 0 : options.to - 1);
  try {
    return await renumberTo(decision, uri, folder, log, folders, newNumber);
  } finally {
    releaseNumber(folder, newNumber);
  }
}

/** Plans the renumbering to a reserved number, shows it, and writes it once confirmed. */
async function renumberTo(decision: Decision, uri: vscode.Uri, folder: vscode.Uri, log: DecisionLog, folders: readonly DecisionLog[], newNumber: number): Promise<vscode.Uri | undefined> {
  // Mentions are looked for in the decision's own workspace folder: another folder is another
  // repository, whose `ADR-0003` is its own decision.
  const own = vscode.workspace.getWorkspaceFolder(uri);
  const markdown = await vscode.workspace.findFiles(own ? new vscode.RelativePattern(own, '**/*.{md,markdown}') : '**/*.{md,markdown}', '**/node_modules/**');
  const files = (
    await mapBounded(markdown, READ_CONCURRENCY, async (file) => {
      const text = await currentText(file);
      return text === undefined ? undefined : { uri: file, path: file.path, text };
    })
  ).filter((f) => f !== undefined);
  const renumbered = files.find((f) => f.path === decision.file);
  if (!renumbered) {
    void showError(`${baseName(decision.file)} cannot be read any more: nothing was changed.`);
    return undefined;
  }
  const fresh = parseDecision(decision.file, renumbered.text);
  const plan = planRenumber({ log, decision: fresh, newNumber, files, folders });

  const newUri = vscode.Uri.joinPath(folder, plan.newFileName);
  // Every file it edits or renames is checked against the text the plan was computed from.
  const basis: BasisFile[] = [{ uri, text: renumbered.text, name: decision.id }];
  const edits = [{ uri, edits: plan.edits.get(decision.file) ?? [] }];
  for (const file of files) {
    const fileEdits = file.path === decision.file ? undefined : plan.edits.get(file.path);
    if (!fileEdits || fileEdits.length === 0) continue;
    basis.push({ uri: file.uri, text: file.text, name: vscode.workspace.asRelativePath(file.uri) });
    edits.push({ uri: file.uri, edits: fileEdits });
  }
  const write: PlannedWrite = { command: 'Renumber', basis, edits, rename: { from: uri, to: newUri } };
  // A write the containment rule refuses is told before, not after, the user confirms it.
  if (await refusedTarget(write)) return undefined;
  // A tracked file is renamed and other files rewritten: the user sees what, and confirms.
  const uriOf = new Map(files.map((f) => [f.path, f.uri]));
  const preview = renumberPreview(fresh, newNumber, plan, (path) => vscode.workspace.asRelativePath(uriOf.get(path) ?? path));
  const confirmed = await confirmModal(preview.message, preview.detail, RENUMBER);
  if (confirmed !== RENUMBER) return undefined;
  const outcome = await applyPlannedWrite(write);
  if (outcome !== 'written') {
    if (outcome === 'taken') void showError(`Renumbering ${decision.id} failed: ${plan.newFileName} appeared meanwhile. Nothing was changed.`);
    else if (outcome === 'failed') void showError(`Renumbering ${decision.id} failed: nothing was changed.`);
    return undefined;
  }
  notifyWritten(renumberedText(fresh, newNumber, plan), 'Renumber', [write]);
  return newUri;
}
