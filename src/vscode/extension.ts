import * as vscode from 'vscode';
import type { AdrRolesApi } from './api';
import { DecisionsTree } from './decisionsTree';
import { DiagnosticsController } from './diagnostics';
import { WorkspaceIndex } from './workspaceIndex';

/** Composition root: builds the services, registers them, and starts indexing in the background. */
export function activate(context: vscode.ExtensionContext): AdrRolesApi {
  const index = new WorkspaceIndex();
  const tree = new DecisionsTree(index);
  const view = vscode.window.createTreeView('adrRoles.decisions', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(
    index,
    tree,
    view,
    new DiagnosticsController(index),
    vscode.commands.registerCommand('adrRoles.refresh', () => index.reindex()),
  );
  // Indexing reads every decision file: never inside activate's synchronous part.
  void index.reindex();
  return {
    whenIndexed: () => index.whenIndexed(),
    decisions: () => index.decisions(),
    problemsFor(uri) {
      const decision = index.findByUri(vscode.Uri.parse(uri));
      return decision ? index.problemsFor(decision) : [];
    },
  };
}

export function deactivate(): void {}
