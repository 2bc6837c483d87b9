// What the suites share: the extension under test, its API, the demo workspace's files, and
// waiting on diagnostics events (never on time).
import * as vscode from 'vscode';
import type { AdrRolesApi, PanelDrawing, WriteCancelled } from '../../src/vscode/api';

export const EXTENSION_ID = 'adr-roles.adr-roles';
export const DIAGNOSTIC_SOURCE = 'adr-roles';
/** The demo decision written without an owner (examples/demo). */
export const UNOWNED_DECISION = 'docs/decisions/0006-adopt-feature-flags-for-gradual-rollouts.md';

export function adrRolesExtension(): vscode.Extension<AdrRolesApi> {
  const extension = vscode.extensions.getExtension<AdrRolesApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  return extension;
}

/** The activated extension's API, after its first workspace index. */
export async function indexedApi(): Promise<AdrRolesApi> {
  const api = await adrRolesExtension().activate();
  await api.whenIndexed();
  return api;
}

/** A file of the opened demo workspace. */
export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the demo workspace open as the first folder');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** A diagnostic's code as a string, whether it was given plain or with a docs link. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const { code } = diagnostic;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * Resolves with the first diagnostic on `uri` that matches, as soon as VS Code reports it.
 * Rejects after `deadlineMs` with what the file did have, so a failure explains itself.
 */
export function diagnosticOn(
  uri: vscode.Uri,
  matches: (diagnostic: vscode.Diagnostic) => boolean,
  description: string,
  deadlineMs = 30_000,
): Promise<vscode.Diagnostic> {
  const find = () => vscode.languages.getDiagnostics(uri).find(matches);
  const present = find();
  if (present) return Promise.resolve(present);
  return new Promise((resolve, reject) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const found = find();
      if (!found) return;
      clearTimeout(deadline);
      subscription.dispose();
      resolve(found);
    });
    const deadline = setTimeout(() => {
      subscription.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.source}/${codeOf(d)}: ${d.message}`);
      reject(new Error(`no ${description} on ${uri.path} within ${deadlineMs / 1000} s; it has: ${JSON.stringify(seen)}`));
    }, deadlineMs);
  });
}

/**
 * Resolves once `holds()` is true: at once, or after one of `event`'s firings.
 * Rejects after `deadlineMs` with `describe()`, so a failure says what the state was.
 */
export function eventState(event: vscode.Event<unknown>, holds: () => boolean, describe: () => string, deadlineMs = 30_000): Promise<void> {
  if (holds()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const subscription = event(() => {
      if (!holds()) return;
      clearTimeout(deadline);
      subscription.dispose();
      resolve();
    });
    const deadline = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`not reached within ${deadlineMs / 1000} s: ${describe()}`));
    }, deadlineMs);
  });
}

/** Resolves once `holds()` is true: at once, or after one of the index's change events. */
export function indexState(api: AdrRolesApi, holds: () => boolean, describe: () => string, deadlineMs = 30_000): Promise<void> {
  return eventState(api.onDidChange, holds, describe, deadlineMs);
}

/**
 * Resolves with the next drawing of `panel` that satisfies `holds`, as the webview reports it.
 * Subscribe before acting, so a quick drawing is not missed; rejects with what was drawn instead.
 */
export function panelDrawn(api: AdrRolesApi, panel: PanelDrawing['panel'], holds: (summary: PanelDrawing['summary']) => boolean, what: string, deadlineMs = 30_000): Promise<PanelDrawing['summary']> {
  const seen: PanelDrawing['summary'][] = [];
  return new Promise((resolve, reject) => {
    const subscription = api.onDidRenderPanel((event) => {
      if (event.panel !== panel) return;
      seen.push(event.summary);
      if (!holds(event.summary)) return;
      clearTimeout(deadline);
      subscription.dispose();
      resolve(event.summary);
    });
    const deadline = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the ${panel} panel never drew ${what} within ${deadlineMs / 1000} s; it drew ${JSON.stringify(seen)}`));
    }, deadlineMs);
  });
}

/** Resolves when `uri` no longer has a diagnostic that matches. */
export function diagnosticGone(uri: vscode.Uri, matches: (diagnostic: vscode.Diagnostic) => boolean, description: string, deadlineMs = 30_000): Promise<void> {
  const present = () => vscode.languages.getDiagnostics(uri).some(matches);
  if (!present()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const subscription = vscode.languages.onDidChangeDiagnostics(() => {
      if (present()) return;
      clearTimeout(deadline);
      subscription.dispose();
      resolve();
    });
    const deadline = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`${description} still on ${uri.path} after ${deadlineMs / 1000} s`));
    }, deadlineMs);
  });
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/**
 * Dismisses the input box or quick pick a command is waiting on, as Escape would. Each attempt
 * waits for the workbench's answer, so this follows the UI rather than a clock.
 */
export async function escapeUntilSettled(pending: Thenable<unknown>, attempts = 200): Promise<unknown> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => {
    settled = true;
  });
  for (let i = 0; i < attempts && !settled; i++) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  return result;
}

/** Restores files to their text and removes created ones, so later suites see the demo as it was. */
export class Scratch {
  private readonly originals = new Map<string, string>();
  private readonly created: vscode.Uri[] = [];

  async keep(uri: vscode.Uri): Promise<string> {
    const text = await readText(uri);
    if (!this.originals.has(uri.toString())) this.originals.set(uri.toString(), text);
    return text;
  }

  async create(relative: string, text: string): Promise<vscode.Uri> {
    const uri = workspaceFile(relative);
    await writeText(uri, text);
    this.created.push(uri);
    return uri;
  }

  remember(uri: vscode.Uri): void {
    this.created.push(uri);
  }

  async restore(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of this.created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    // Through the document, as a person would revert: the extension may hold it open.
    for (const [uri, text] of this.originals) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      if (document.getText() === text) continue;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
      await vscode.workspace.applyEdit(edit);
      await document.save();
    }
    this.created.length = 0;
    this.originals.clear();
    // A full re-index, so the next test never meets a decision the watcher has not caught up with.
    await vscode.commands.executeCommand('adrRoles.refresh');
  }
}

/** Resolves at the next change of the workspace's folders. */
export function folderChange(): Promise<void> {
  return new Promise((resolve) => {
    const subscription = vscode.workspace.onDidChangeWorkspaceFolders(() => {
      subscription.dispose();
      resolve();
    });
  });
}

/** Removes the workspace folder a suite added after the first `count`, if it is still there, and waits for the change. */
export async function removeAddedFolder(count: number): Promise<void> {
  if ((vscode.workspace.workspaceFolders?.length ?? 0) <= count) return;
  const removed = folderChange();
  vscode.workspace.updateWorkspaceFolders(count, 1);
  await removed;
}

/** The next write `command` cancels, with the message the user saw. */
export function nextCancellation(api: AdrRolesApi, command: string, deadlineMs = 30_000): Promise<WriteCancelled> {
  return new Promise((resolve, reject) => {
    const subscription = api.onDidCancelWrite((event) => {
      if (event.command !== command) return;
      clearTimeout(deadline);
      subscription.dispose();
      resolve(event);
    });
    const deadline = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`${command} cancelled no write within ${deadlineMs / 1000} s`));
    }, deadlineMs);
  });
}
