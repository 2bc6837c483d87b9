import * as vscode from 'vscode';
import { notificationText } from '../core/views/editorText';

/*
 * Every notification the extension shows goes through here: messages quote file names, ids,
 * titles and roles from the repository, and notificationText keeps them from becoming links.
 */

export function showError<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showErrorMessage(notificationText(message), ...items);
}

export function showWarning<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(notificationText(message), ...items);
}

export function showInfo<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showInformationMessage(notificationText(message), ...items);
}

/** A modal question; its message and each line of its detail are quoted as plain text like any notification's. */
export function confirmModal<T extends string>(message: string, detail: string, ...items: T[]): Thenable<T | undefined> {
  const lines = detail.split('\n').map(notificationText).join('\n');
  return vscode.window.showWarningMessage(notificationText(message), { modal: true, detail: lines }, ...items);
}
