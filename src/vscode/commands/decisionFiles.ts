import * as vscode from 'vscode';
import { showWarning } from '../notifications';
import type { AdrRolesConfig } from '../../core/workspace/config';
import type { FolderFormat } from '../../core/workspace/folderFormat';
import { readFileName } from '../../core/read/fileName';
import { templateText as coreTemplateText } from '../../core/edit/scaffold';
import { workspaceFileSystem } from '../index/vscodeFileSystem';

/** Numbers handed out but perhaps not yet on disk, so two commands at once get two numbers. */
const reserved = new Map<string, Set<number>>();

async function numbersOnDisk(folder: vscode.Uri): Promise<number[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.map(([name]) => readFileName(name).number).filter((n): n is number => n !== null);
  } catch {
    return [];
  }
}

/**
 * The next number free on disk and not handed out in this window. The caller owns it until it
 * calls `release`, once the file exists (or its creation failed).
 */
export async function reserveNextNumber(folder: vscode.Uri, after = 0): Promise<number> {
  const existing = await numbersOnDisk(folder);
  const taken = reserved.get(folder.toString()) ?? new Set<number>();
  reserved.set(folder.toString(), taken);
  let number = Math.max(after, ...existing) + 1;
  while (taken.has(number)) number++;
  taken.add(number);
  return number;
}

export function releaseNumber(folder: vscode.Uri, number: number): void {
  reserved.get(folder.toString())?.delete(number);
}

/** A decision's text as the user sees it: an open document's unsaved text, else the file's. */
export async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  // Unsaved work lives only in the document. A saved document can lag behind a file deleted and
  // written again meanwhile, so then the disk is the truth.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * The configured template, else the built-in one of the folder's format; a template file that is
 * refused by the containment rule (outside the workspace folder, a link, not a regular file, over
 * 256 KB) or cannot be read is not used: the built-in one is, and the user is told why.
 */
export async function templateText(config: AdrRolesConfig, root: vscode.Uri, format: FolderFormat): Promise<string> {
  const { text, notUsed } = await coreTemplateText(workspaceFileSystem(root).fs, root.path, config, format);
  if (notUsed) void showWarning(`${notUsed.message}; the built-in ${format} template is used.`);
  return text;
}

/** Adds a file creation that fails when the file exists: a decision is never overwritten. */
export function createExclusively(edit: vscode.WorkspaceEdit, uri: vscode.Uri, text: string): void {
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
}

export async function openAt(uri: vscode.Uri, offset: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const cursor = document.positionAt(offset);
  // Another editor opening at the same moment can cancel this one; the file exists either way.
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(cursor, cursor), preview: false }).then(undefined, () => undefined);
}
