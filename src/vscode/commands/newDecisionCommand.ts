import * as vscode from 'vscode';
import { showError } from '../notifications';
import type { AdrRolesConfig, Role } from '../../core/workspace/config';
import { isoDate } from '../../core/read/dates';
import { newDecisionFileName, renderDecision } from '../../core/edit/scaffold';
import { openAt, releaseNumber, reserveNextNumber, templateText } from './decisionFiles';
import { applyPlannedWrite } from './plannedWrite';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** Arguments for running the command without prompts (other extensions, keybindings, tests). */
export interface NewDecisionArgs {
  title?: string;
  owner?: string;
  /** A decision folder's URI string. */
  folder?: string;
}

/** Where a new decision goes when the workspace has no decision folder yet. */
const DEFAULT_FOLDER = 'docs/decisions';

export interface Target {
  uri: vscode.Uri;
  config: AdrRolesConfig;
  root: vscode.Uri;
}

/** "ADR: New ADR": title, then owner role, then (with several folders) where; Escape at any step writes nothing. */
export async function newDecision(index: WorkspaceIndex, args: NewDecisionArgs = {}): Promise<vscode.Uri | undefined> {
  await index.whenIndexed();
  const title = args.title ?? (await askTitle());
  if (title === undefined) return undefined;
  const targets = targetsOf(index);
  if (targets.length === 0) {
    void showError('Open a folder first: a new decision is written into the workspace.');
    return undefined;
  }
  const owner = args.owner ?? (await askOwner(targets[0]?.config.roles ?? []));
  if (owner === undefined) return undefined;
  const target = args.folder ? targets.find((t) => t.uri.toString() === args.folder) : targets.length === 1 ? targets[0] : await askFolder(targets);
  if (!target) return undefined;

  const format = index.formatOf(target.uri.path);
  const template = await templateText(target.config, target.root, format);
  const date = isoDate(new Date());
  // A file that appears meanwhile (another window, a git pull) makes the create fail: try the next number.
  let number = 0;
  for (let attempt = 0; attempt < 20; attempt++) {
    number = await reserveNextNumber(target.uri, number);
    const { text, cursorOffset } = renderDecision(template, { number, title: title.trim(), date, owner });
    const fileName = newDecisionFileName(format, { number, title: title.trim(), date, attempt });
    const uri = vscode.Uri.joinPath(target.uri, fileName);
    // Written to disk, not created by the edit: undoing the first typing in the new file never deletes it.
    const outcome = await applyPlannedWrite({ command: 'New ADR', basis: [], creates: [{ uri, text }], createOutsideUndo: true });
    releaseNumber(target.uri, number);
    if (outcome === 'written') {
      await openAt(uri, cursorOffset);
      if (!index.isDecisionUri(uri)) void index.reindex();
      return uri;
    }
    if (outcome !== 'taken') {
      if (outcome !== 'refused') void showError(`${fileName} could not be written: nothing was written.`);
      return undefined;
    }
  }
  void showError(`No free decision number found in ${target.uri.fsPath}: nothing was written.`);
  return undefined;
}

async function askTitle(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'New ADR (1/2)',
    prompt: 'What was decided? This becomes the title and the file name.',
    placeHolder: 'e.g. Send product events through an analytics pipeline',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'A decision needs a title.'),
  });
}

async function askOwner(roles: readonly Role[]): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    roles.map((role) => ({ label: role.label, description: role.kind !== 'other' ? role.kind : undefined, detail: role.description, id: role.id })),
    { title: 'New ADR (2/2): who owns this decision?', placeHolder: 'The role that decides and answers for it', ignoreFocusOut: true },
  );
  return picked?.id;
}

async function askFolder(targets: Target[]): Promise<Target | undefined> {
  const picked = await vscode.window.showQuickPick(
    targets.map((target) => ({ label: vscode.workspace.asRelativePath(target.uri, true), target })),
    { title: 'New ADR: which decision folder?', ignoreFocusOut: true },
  );
  return picked?.target;
}

/** The decision folders of the workspace; for a workspace without one, docs/decisions in each folder. */
export function targetsOf(index: WorkspaceIndex): Target[] {
  const found = index.decisionFolders().map((f) => ({ uri: f.uri, config: f.config, root: f.workspaceFolder.uri }));
  if (found.length > 0) return found;
  return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
    const config = index.configForWorkspaceFolder(folder);
    return config ? [{ uri: vscode.Uri.joinPath(folder.uri, DEFAULT_FOLDER), config, root: folder.uri }] : [];
  });
}
