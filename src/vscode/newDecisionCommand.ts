import * as vscode from 'vscode';
import type { AdrRolesConfig, Role } from '../core/config';
import { isoDate } from '../core/dates';
import { readFileName } from '../core/fileName';
import { BUILT_IN_TEMPLATES, decisionFileName, renderTemplate, type BuiltInTemplate } from '../core/scaffold';
import type { WorkspaceIndex } from './workspaceIndex';

/** Arguments for running the command without prompts (other extensions, keybindings, tests). */
export interface NewDecisionArgs {
  title?: string;
  owner?: string;
  /** A decision folder's URI string. */
  folder?: string;
}

/** Where a new decision goes when the workspace has no decision folder yet. */
const DEFAULT_FOLDER = 'docs/decisions';
/** Numbers handed out but perhaps not yet on disk, so two "New ADR" at once get two numbers. */
const reserved = new Map<string, Set<number>>();

interface Target {
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
    void vscode.window.showErrorMessage('Open a folder first: a new decision is written into the workspace.');
    return undefined;
  }
  const owner = args.owner ?? (await askOwner(targets[0]?.config.roles ?? []));
  if (owner === undefined) return undefined;
  const target = args.folder ? targets.find((t) => t.uri.toString() === args.folder) : targets.length === 1 ? targets[0] : await askFolder(targets);
  if (!target) return undefined;

  const template = await templateText(target);
  const date = isoDate(new Date());
  const existing = await numbersOnDisk(target.uri);
  const taken = reserved.get(target.uri.toString()) ?? new Set<number>();
  reserved.set(target.uri.toString(), taken);
  let number = Math.max(0, ...existing, ...taken) + 1;
  for (let attempt = 0; attempt < 50; attempt++, number++) {
    if (taken.has(number) || existing.includes(number)) continue;
    taken.add(number);
    const { text, cursorOffset } = renderTemplate(template, { number, title: title.trim(), date, owner });
    const uri = vscode.Uri.joinPath(target.uri, decisionFileName(number, title.trim()));
    if (await createExclusively(uri, text)) {
      const document = await vscode.workspace.openTextDocument(uri);
      const cursor = document.positionAt(cursorOffset);
      await vscode.window.showTextDocument(document, { selection: new vscode.Range(cursor, cursor), preview: false });
      if (!index.isDecisionUri(uri)) void index.reindex();
      return uri;
    }
  }
  void vscode.window.showErrorMessage(`No free decision number found in ${target.uri.fsPath}: nothing was written.`);
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
function targetsOf(index: WorkspaceIndex): Target[] {
  const found = index.decisionFolders().map((f) => ({ uri: f.uri, config: f.config, root: f.workspaceFolder.uri }));
  if (found.length > 0) return found;
  return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
    const config = index.configForWorkspaceFolder(folder);
    return config ? [{ uri: vscode.Uri.joinPath(folder.uri, DEFAULT_FOLDER), config, root: folder.uri }] : [];
  });
}

/** A repository template file wins; a name it does not have falls back to the built-in MADR template. */
async function templateText(target: Target): Promise<string> {
  const name = target.config.template;
  if (name in BUILT_IN_TEMPLATES) return BUILT_IN_TEMPLATES[name as BuiltInTemplate];
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(target.root, name)));
  } catch {
    void vscode.window.showWarningMessage(`The template '${name}' named in the configuration cannot be read; the MADR template is used.`);
    return BUILT_IN_TEMPLATES.madr;
  }
}

async function numbersOnDisk(folder: vscode.Uri): Promise<number[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.map(([name]) => readFileName(name).number).filter((n): n is number => n !== null);
  } catch {
    return [];
  }
}

/** One undoable edit that fails when the file exists: a decision is never overwritten. */
async function createExclusively(uri: vscode.Uri, text: string): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  try {
    return await vscode.workspace.applyEdit(edit);
  } catch {
    return false;
  }
}
