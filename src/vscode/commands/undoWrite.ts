import * as vscode from 'vscode';
import { showInfo, showWarning } from '../notifications';
import { applyEdits, inverseEdits } from '../../core/edit/textEdit';
import { undoneText, undoRefusedText } from '../../core/views/lifecycleText';
import { currentText } from './decisionFiles';
import { applyPlannedWrite, type BasisFile, type PlannedWrite } from './plannedWrite';

export const UNDO = 'Undo';

function same(a: vscode.Uri, b: vscode.Uri): boolean {
  return a.toString() === b.toString();
}

/**
 * The write that takes back written plans, as one WorkspaceEdit: every edit inverted where the file
 * is now, the rename taken back, created files deleted. Its basis is each file as the plans left
 * it, so a file changed since is never overwritten. Plans touch distinct files (Add Owners writes
 * one plan per decision).
 */
export function undoPlan(command: string, plans: readonly PlannedWrite[]): PlannedWrite {
  const basis: BasisFile[] = [];
  const edits: { uri: vscode.Uri; edits: ReturnType<typeof inverseEdits> }[] = [];
  const creates = plans.flatMap((p) => p.creates ?? []);
  const renamed = plans.find((p) => p.rename)?.rename;
  for (const plan of plans) {
    for (const file of plan.basis) {
      const fileEdits = (plan.edits ?? []).filter((e) => same(e.uri, file.uri)).flatMap((e) => e.edits);
      const now = plan.rename && same(plan.rename.from, file.uri) ? plan.rename.to : file.uri;
      if (fileEdits.length === 0 && same(now, file.uri)) continue;
      basis.push({ uri: now, text: applyEdits(file.text, fileEdits), name: file.name });
      if (fileEdits.length > 0) edits.push({ uri: now, edits: inverseEdits(file.text, fileEdits) });
    }
  }
  for (const create of creates) basis.push({ uri: create.uri, text: create.text, name: vscode.workspace.asRelativePath(create.uri) });
  return {
    command: `Undo ${command}`,
    basis,
    edits,
    rename: renamed && { from: renamed.to, to: renamed.from },
    deletes: creates.map((c) => c.uri),
    unchanged: 'nothing was undone',
  };
}

/** The first file of the undo's basis that no longer reads as the command left it, or undefined. */
async function changedSince(plan: PlannedWrite): Promise<BasisFile | undefined> {
  for (const file of plan.basis) {
    const now = await currentText(file.uri);
    if (now === undefined || now.replace(/\r\n/g, '\n') !== file.text.replace(/\r\n/g, '\n')) return file;
  }
  if (plan.rename && (await Promise.resolve(vscode.workspace.fs.stat(plan.rename.to)).then(() => true, () => false))) {
    return { uri: plan.rename.to, text: '', name: vscode.workspace.asRelativePath(plan.rename.to) };
  }
  return undefined;
}

/**
 * Takes back what `command` wrote, one step, if nothing it wrote has changed since; otherwise
 * changes nothing and says which file changed. Resolves true when it was undone.
 */
export async function undoWritten(command: string, plans: readonly PlannedWrite[]): Promise<boolean> {
  const plan = undoPlan(command, plans);
  const changed = await changedSince(plan);
  if (changed) {
    void showWarning(undoRefusedText(command, changed.name));
    return false;
  }
  const outcome = await applyPlannedWrite(plan);
  if (outcome === 'written') {
    void showInfo(undoneText(command));
    return true;
  }
  // 'changed' was reported by the write, naming the file.
  if (outcome !== 'changed') void showWarning(undoRefusedText(command));
  return false;
}

/**
 * Tells what a command wrote, with an Undo button that takes it back (see `undoWritten`). Does not
 * wait for the answer: the command is done.
 */
export function notifyWritten(message: string, command: string, plans: readonly PlannedWrite[]): void {
  void Promise.resolve(showInfo(message, UNDO)).then(async (choice) => {
    if (choice === UNDO) await undoWritten(command, plans);
  });
}
