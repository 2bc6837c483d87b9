import * as vscode from 'vscode';
import { showInfo } from '../notifications';
import type { Decision } from '../../core/model';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** What a command was invoked on: a tree row, a file URI, a path, or nothing (the active editor). */
export type DecisionArg = { type: 'decision'; decision: Decision } | vscode.Uri | string | undefined;

/** How the palette's pick is narrowed, and what is said when nothing fits. */
export interface PickOptions {
  /** Use the active editor's decision even when the filter leaves it out: the command then says why it will not act on it. */
  activeEvenIfFiltered?: boolean;
  /** The message when no decision passes the filter. */
  none?: string;
}

/**
 * The decision a command acts on: the tree row clicked, the file given, the decision in the active
 * editor, or, failing those, one the user picks.
 */
export async function resolveDecision(index: WorkspaceIndex, arg: unknown, placeHolder: string, filter: (d: Decision) => boolean = () => true, options: PickOptions = {}): Promise<Decision | undefined> {
  await index.whenIndexed();
  if (typeof arg === 'object' && arg !== null && 'decision' in arg) return (arg as { decision: Decision }).decision;
  if (arg instanceof vscode.Uri) return index.findByUri(arg);
  if (typeof arg === 'string') return index.decisions().find((d) => d.file === arg) ?? index.findByUri(vscode.Uri.parse(arg));
  const editor = vscode.window.activeTextEditor;
  const active = editor ? index.updateFromDocumentIfStale(editor.document) : undefined;
  if (active && (options.activeEvenIfFiltered || filter(active))) return active;
  const candidates = index.decisions().filter(filter);
  if (candidates.length === 0) {
    void showInfo(options.none ?? 'No decision to act on in this workspace.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((d) => ({ label: `${d.id} ${d.title?.value ?? ''}`.trim(), description: [d.owner?.value, d.status?.value].filter(Boolean).join(' · '), decision: d })),
    { placeHolder, matchOnDescription: true },
  );
  return picked?.decision;
}
