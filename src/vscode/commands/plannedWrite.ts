import * as vscode from 'vscode';
import { showError, showWarning } from '../notifications';
import { applyEdits, type TextEdit } from '../../core/edit/textEdit';
import type { WillWriteEvent, WriteCancelled } from '../api';
import { toRange } from '../convert';
import { createExclusively } from './decisionFiles';
import { writeRefusal } from '../../core/workspace/containment';
import { workspaceFileSystem } from '../index/vscodeFileSystem';

/** An existing file a command's plan was computed from, with the text the plan used. */
export interface BasisFile {
  uri: vscode.Uri;
  /** What `currentText` gave when the command started: the open document's unsaved text, else the file's. */
  text: string;
  /** How messages name the file: the decision's id, or its path in the workspace. */
  name: string;
}

/**
 * Everything one command changes, written as one WorkspaceEdit so that one undo restores every
 * file. Edits address basis files by their names before the rename, against their basis texts.
 */
export interface PlannedWrite {
  /** The command as messages name it: 'Override', 'Renumber'… */
  command: string;
  basis: readonly BasisFile[];
  /** New files; a file that exists is never written over. */
  creates?: readonly { uri: vscode.Uri; text: string }[];
  edits?: readonly { uri: vscode.Uri; edits: readonly TextEdit[] }[];
  /** A basis file's new name, taken after its edits. */
  rename?: { from: vscode.Uri; to: vscode.Uri };
  /** Basis files to delete, last (Undo of a command that created them). */
  deletes?: readonly vscode.Uri[];
  /**
   * The new files are written to disk rather than created by the edit, so that VS Code's undo in
   * a new file's editor stops at its first text instead of deleting it (New ADR). Only for a plan
   * that creates and edits nothing else.
   */
  createOutsideUndo?: boolean;
  /** What the refusal message says was left as it was; 'nothing was changed' unless given. */
  unchanged?: string;
}

/**
 * - `written`: every change is in the documents, and on disk for files that had no unsaved work;
 * - `taken`: a file to create, or the new name, exists: nothing was written, another name may do;
 * - `changed`: a basis file was deleted or changed since the command read it: nothing was
 *   written, and the user was told which file;
 * - `failed`: VS Code refused the edit for another reason: nothing was written;
 * - `refused`: a file it would write is outside the workspace folders, or is or goes through a
 *   symbolic link, or is not a regular file: nothing was written, and the user was told which.
 */
export type WriteOutcome = 'written' | 'taken' | 'changed' | 'failed' | 'refused';

const willWrite = new vscode.EventEmitter<WillWriteEvent>();
const didCancelWrite = new vscode.EventEmitter<WriteCancelled>();
/** See `AdrRolesApi.onWillWrite`. */
export const onWillWrite = willWrite.event;
/** See `AdrRolesApi.onDidCancelWrite`. */
export const onDidCancelWrite = didCancelWrite.event;

async function announce(plan: PlannedWrite, phase: WillWriteEvent['phase']): Promise<void> {
  const pending: Thenable<unknown>[] = [];
  willWrite.fire({
    command: plan.command,
    phase,
    files: plan.basis.map((b) => b.uri.toString()),
    creates: [...(plan.creates ?? []).map((c) => c.uri.toString()), ...(plan.rename ? [plan.rename.to.toString()] : [])],
    waitUntil: (thenable) => {
      pending.push(thenable);
    },
  });
  await Promise.allSettled(pending);
}

async function diskText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

/**
 * Why the containment rule refuses writing `uri`, or undefined when it may be written: it must be
 * in a workspace folder, no step from that folder down may be a symbolic link, an existing file
 * must be a regular one, and it must resolve inside the folder's real path.
 */
export async function writeRefusalOf(uri: vscode.Uri): Promise<string | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return 'is outside the workspace folders';
  return writeRefusal(workspaceFileSystem(folder.uri).fs, folder.uri.path, uri.path);
}

/** Every file a plan writes: created, edited, renamed and its new name. */
function targetsOf(plan: PlannedWrite): vscode.Uri[] {
  return [...(plan.creates ?? []).map((c) => c.uri), ...(plan.edits ?? []).map((e) => e.uri), ...(plan.rename ? [plan.rename.from, plan.rename.to] : [])];
}

/** Tells the user that `command` wrote nothing because the containment rule refused `uri`; `refused`. */
export function reportRefusal(command: string, uri: vscode.Uri, refusal: string, unchanged = 'nothing was changed'): 'refused' {
  return reportStopped(command, uri, `${command} writes nothing through symbolic links or outside the workspace: ${vscode.workspace.asRelativePath(uri)} ${refusal}. ${capitalised(unchanged)}.`);
}

/** A command stopped before reading a file, for a reason of its own: told to the user and to the API's listeners. */
export function reportStopped(command: string, uri: vscode.Uri, message: string): 'refused' {
  void showError(message);
  didCancelWrite.fire({ command, file: uri.toString(), message });
  return 'refused';
}

/** The first file of the plan the containment rule refuses, told to the user; undefined when none is. */
export async function refusedTarget(plan: PlannedWrite): Promise<'refused' | undefined> {
  for (const uri of targetsOf(plan)) {
    const refusal = await writeRefusalOf(uri);
    if (refusal) return reportRefusal(plan.command, uri, refusal, plan.unchanged);
  }
  return undefined;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** VS Code keeps one line break per document: a file with mixed ones reads differently, but is the same. */
function sameText(a: string, b: string): boolean {
  return a === b || a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');
}

/** A basis file as the guard found it just before writing. */
interface Checked {
  basis: BasisFile;
  document: vscode.TextDocument | undefined;
  version: number | undefined;
  /** It had unsaved work: the edit goes into the document only, and the disk is not ours to check or write. */
  dirty: boolean;
}

type Change = { basis: BasisFile; what: string };

/** How long a refused write waits for a save VS Code began meanwhile to end, before it looks at the file again. */
const SAVE_END_WAIT_MS = 5_000;

/**
 * Saves of a plan's files that VS Code began while the plan was being written, and when each
 * ended. With `files.autoSave: afterDelay` (VS Code for the Web's default, code-server's) the
 * document our edit made dirty is saved a second later, whatever else happens: while a check or a
 * rollback is still running, that save can write the edit to disk, and to a file deleted meanwhile
 * it recreates it. A save announces itself (onWillSaveTextDocument) before it writes, and one that
 * began before a revert announced itself before the revert returned.
 */
class SavesDuring implements vscode.Disposable {
  private readonly ends = new Map<string, { ended: Promise<void>; end: () => void }>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(uris: readonly vscode.Uri[]) {
    const watched = new Set(uris.map((u) => u.toString()));
    this.subscriptions = [
      vscode.workspace.onWillSaveTextDocument((e) => {
        const key = e.document.uri.toString();
        if (!watched.has(key)) return;
        let end = (): void => {};
        const ended = new Promise<void>((resolve) => (end = resolve));
        this.ends.set(key, { ended, end });
      }),
      vscode.workspace.onDidSaveTextDocument((document) => this.ends.get(document.uri.toString())?.end()),
    ];
  }

  /** A save of `uri` began since the plan started writing. */
  began(uri: vscode.Uri): boolean {
    return this.ends.has(uri.toString());
  }

  /** Resolves when the last save of `uri` that began has ended (a failed save is waited for a while). */
  async ended(uri: vscode.Uri): Promise<void> {
    const save = this.ends.get(uri.toString());
    if (!save) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([save.ended, new Promise<void>((resolve) => (timer = setTimeout(resolve, SAVE_END_WAIT_MS)))]);
    clearTimeout(timer);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** What the plan's edits make of a basis file's text. */
function resultOf(plan: PlannedWrite, basis: BasisFile): string {
  const edits = (plan.edits ?? []).filter((e) => e.uri.toString() === basis.uri.toString()).flatMap((e) => e.edits);
  return edits.length === 0 ? basis.text : applyEdits(basis.text, edits);
}

/**
 * Each basis file as it reads now, or the first that no longer reads as the plan read it: an
 * unsaved document against its text, any other against the disk, and its document against the
 * disk too, in case VS Code has not yet reloaded it after a change on disk.
 */
async function inspect(basis: readonly BasisFile[]): Promise<Checked[] | Change> {
  const checked: Checked[] = [];
  for (const b of basis) {
    const document = openDocument(b.uri);
    // Text, version and dirty state are read together, before the disk: the version check before writing covers the rest.
    const version = document?.version;
    const dirty = document?.isDirty ?? false;
    const documentText = document?.getText();
    const now = dirty ? documentText : await diskText(b.uri);
    if (now === undefined) return { basis: b, what: 'was deleted' };
    if (now !== b.text) return { basis: b, what: dirty ? 'changed in its editor' : 'changed on disk' };
    if (documentText !== undefined && !sameText(documentText, now)) return { basis: b, what: 'changed on disk' };
    checked.push({ basis: b, document, version, dirty });
  }
  return checked;
}

/**
 * Writes a command's plan only while every file it was computed from still reads as the plan
 * read it; otherwise writes nothing and says which file changed.
 *
 * The files are checked after the command's last await, and the documents' versions once more
 * synchronously before `applyEdit`, which passes those versions on: VS Code itself refuses the
 * text edits if a document moved after that. What no check sees is a file deleted or rewritten on
 * disk while `applyEdit` runs: the edit then lands in a document VS Code has not reloaded yet,
 * and saving would recreate or overwrite the file. So the disk is checked again before saving,
 * and a failed or overtaken write is rolled back, since VS Code applies a WorkspaceEdit group by
 * group (creations, text edits, the rename) and leaves earlier groups in place when a later one
 * fails.
 */
export async function applyPlannedWrite(plan: PlannedWrite): Promise<WriteOutcome> {
  for (const uri of [...(plan.edits ?? []).map((e) => e.uri), ...(plan.deletes ?? [])]) {
    if (!plan.basis.some((b) => b.uri.toString() === uri.toString())) throw new Error(`${uri.toString()} is edited but is not in the basis`);
  }
  // Before anything is opened: a document opened through a link would read its target.
  const refused = await refusedTarget(plan);
  if (refused) return refused;
  await announce(plan, 'planned');
  // Held open, an edited file keeps its undo history: one undo restores every file.
  await Promise.all(plan.basis.map((b) => vscode.workspace.openTextDocument(b.uri).then(undefined, () => undefined)));
  for (const create of plan.creates ?? []) if (await exists(create.uri)) return 'taken';
  if (plan.rename && (await exists(plan.rename.to))) return 'taken';
  const checked = await inspect(plan.basis);
  if (!Array.isArray(checked)) return refuse(plan, checked);
  if (plan.createOutsideUndo && plan.basis.length === 0) return createOnDisk(plan.creates ?? []);
  // Watched from before the edit makes any document dirty: an auto save can only begin after that.
  const saves = new SavesDuring(plan.basis.flatMap((b) => [b.uri, movedTo(plan, b.uri)]));
  try {
    return await writeChecked(plan, checked, saves);
  } finally {
    saves.dispose();
  }
}

/** applyPlannedWrite from the last check on: the edit, the check of the disk after it, and the saves or the rollback. */
async function writeChecked(plan: PlannedWrite, checked: readonly Checked[], saves: SavesDuring): Promise<WriteOutcome> {
  // No await from here to applyEdit: the versions checked are the versions VS Code verifies.
  for (const c of checked) {
    const document = openDocument(c.basis.uri);
    if (document !== c.document || document?.version !== c.version) return refuse(plan, { basis: c.basis, what: c.dirty ? 'changed in its editor' : 'changed on disk' });
  }
  const edit = new vscode.WorkspaceEdit();
  for (const create of plan.creates ?? []) createExclusively(edit, create.uri, create.text);
  for (const { uri, edits } of plan.edits ?? []) for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  if (plan.rename) edit.renameFile(plan.rename.from, plan.rename.to, { overwrite: false });
  for (const uri of plan.deletes ?? []) edit.deleteFile(uri, { ignoreIfNotExists: false });
  // Not `isRefactoring`: VS Code would then save every document of a multi-file edit, the user's unsaved work too.
  const applied = await Promise.resolve(vscode.workspace.applyEdit(edit)).then(
    (ok) => ok,
    () => false,
  );

  if (!applied) {
    const problems = await rollBack(plan, checked);
    const change = await inspect(plan.basis);
    if (!Array.isArray(change)) return refuse(plan, change, problems);
    if (problems.length > 0) {
      void showError(`${plan.command} could not write its change, and taking back the part VS Code had written failed: ${problems.join('; ')}.`);
      return 'failed';
    }
    const taken = (await Promise.all((plan.creates ?? []).map((c) => exists(c.uri)))).some(Boolean) || (plan.rename !== undefined && (await exists(plan.rename.to)));
    return taken ? 'taken' : 'failed';
  }
  await announce(plan, 'applied');
  for (const c of checked) {
    if (c.dirty || deleted(plan, c.basis.uri)) continue;
    const target = movedTo(plan, c.basis.uri);
    const disk = await diskText(target);
    if (disk === c.basis.text) continue;
    // An auto save got there first and wrote our edit: the file reads as the plan makes it.
    if (disk !== undefined && saves.began(target) && sameText(disk, resultOf(plan, c.basis))) continue;
    const problems = await rollBack(plan, checked);
    const outcome = refuse(plan, { basis: c.basis, what: disk === undefined ? 'was deleted' : 'changed on disk' }, problems);
    if (disk === undefined) await deleteAgainIfSaved(plan, c.basis, saves);
    return outcome;
  }
  // Files the user had not been editing are saved, like any refactoring; documents with unsaved work stay unsaved, with the edit in them.
  for (const c of checked) {
    if (c.dirty || deleted(plan, c.basis.uri)) continue;
    const document = openDocument(movedTo(plan, c.basis.uri));
    if (document?.isDirty && !(await document.save())) {
      void showWarning(`${c.basis.name} could not be saved after ${plan.command}: the change is in its editor, unsaved.`);
    }
  }
  return 'written';
}

function deleted(plan: PlannedWrite, uri: vscode.Uri): boolean {
  return (plan.deletes ?? []).some((d) => d.toString() === uri.toString());
}

/**
 * A basis file deleted while the edit was in its document: a save VS Code began meanwhile (an auto
 * save) writes the document after our rollback, recreating the file with our text. Once that save
 * has ended, a file reading as our edit or as the text we read is deleted again; anything else is
 * someone's and stays.
 */
async function deleteAgainIfSaved(plan: PlannedWrite, basis: BasisFile, saves: SavesDuring): Promise<void> {
  for (const uri of new Set([basis.uri.toString(), movedTo(plan, basis.uri).toString()])) {
    const file = vscode.Uri.parse(uri);
    if (!saves.began(file)) continue;
    await saves.ended(file);
    const disk = await diskText(file);
    if (disk === undefined || !(sameText(disk, resultOf(plan, basis)) || sameText(disk, basis.text))) continue;
    const removed = await Promise.resolve(vscode.workspace.fs.delete(file)).then(
      () => true,
      () => false,
    );
    if (!removed) void showError(`${basis.name} was deleted while ${plan.command} was running, and a save recreated it: delete ${vscode.workspace.asRelativePath(file)} again.`);
  }
}

/** Each new file written to disk, none over a file that exists (checked just before, as a WorkspaceEdit's creation checks). */
async function createOnDisk(creates: readonly { uri: vscode.Uri; text: string }[]): Promise<WriteOutcome> {
  for (const create of creates) {
    if (await exists(create.uri)) return 'taken';
    const written = await Promise.resolve(vscode.workspace.fs.writeFile(create.uri, new TextEncoder().encode(create.text))).then(
      () => true,
      () => false,
    );
    if (!written) return 'failed';
  }
  return 'written';
}

function movedTo(plan: PlannedWrite, uri: vscode.Uri): vscode.Uri {
  return plan.rename && plan.rename.from.toString() === uri.toString() ? plan.rename.to : uri;
}

/** Tells the user which file changed under the command and that nothing was written; `changed`. */
function refuse(plan: PlannedWrite, change: Change, problems: readonly string[] = []): 'changed' {
  const message =
    problems.length === 0
      ? `${change.basis.name} ${change.what} while ${plan.command} was running: ${plan.unchanged ?? 'nothing was changed'}. Run it again.`
      : `${change.basis.name} ${change.what} while ${plan.command} was running, and taking back its partial change failed: ${problems.join('; ')}.`;
  void showError(message);
  didCancelWrite.fire({ command: plan.command, file: change.basis.uri.toString(), message });
  return 'changed';
}

/**
 * Takes back whatever part of a plan's edit is in place, whichever group VS Code stopped at:
 * documents that read as the edit left them are reverted (those that had unsaved work get that
 * text back), the rename is undone, and created files that still hold what was written are
 * deleted. Returns what could not be taken back.
 */
async function rollBack(plan: PlannedWrite, checked: readonly Checked[]): Promise<string[]> {
  const problems: string[] = [];
  for (const c of checked) {
    const document = openDocument(movedTo(plan, c.basis.uri)) ?? openDocument(c.basis.uri);
    if (!document || !document.isDirty) continue;
    // Only a document that reads as the plan's result holds our edit: anything else is the user's typing, and stays.
    const edits = (plan.edits ?? []).filter((e) => e.uri.toString() === c.basis.uri.toString()).flatMap((e) => e.edits);
    if (edits.length === 0 || !sameText(document.getText(), applyEdits(c.basis.text, edits))) continue;
    if (!c.dirty) {
      if (!(await revert(document))) problems.push(`${c.basis.name} has the change in its editor, unsaved`);
    } else {
      const restore = new vscode.WorkspaceEdit();
      restore.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), c.basis.text);
      if (!(await Promise.resolve(vscode.workspace.applyEdit(restore)).then(undefined, () => false))) problems.push(`${c.basis.name} has the change in its editor`);
    }
  }
  if (plan.rename && !(await exists(plan.rename.from)) && (await exists(plan.rename.to))) {
    const back = new vscode.WorkspaceEdit();
    back.renameFile(plan.rename.to, plan.rename.from, { overwrite: false });
    if (!(await Promise.resolve(vscode.workspace.applyEdit(back)).then(undefined, () => false))) problems.push(`${vscode.workspace.asRelativePath(plan.rename.to)} keeps its new name`);
  }
  for (const create of plan.creates ?? []) {
    if ((await diskText(create.uri)) !== create.text) continue;
    await Promise.resolve(vscode.workspace.fs.delete(create.uri)).then(undefined, () => problems.push(`${vscode.workspace.asRelativePath(create.uri)} was left`));
  }
  for (const c of checked) {
    if (!deleted(plan, c.basis.uri) || (await exists(c.basis.uri))) continue;
    await Promise.resolve(vscode.workspace.fs.writeFile(c.basis.uri, new TextEncoder().encode(c.basis.text))).then(undefined, () => problems.push(`${c.basis.name} stays deleted`));
  }
  return problems;
}

/**
 * Discards a document's unsaved change and reloads what the disk has (nothing, for a file deleted
 * meanwhile). The API has no revert, so this goes through the editor's File: Revert File and
 * closes the editor again if it was not showing.
 */
async function revert(document: vscode.TextDocument): Promise<boolean> {
  const showing = vscode.window.visibleTextEditors.some((e) => e.document === document);
  // Not a preview: that would take the place of the user's preview editor.
  await vscode.window.showTextDocument(document, { preview: false, preserveFocus: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  if (!showing && !document.isDirty) await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  return !document.isDirty;
}
