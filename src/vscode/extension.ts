import * as vscode from 'vscode';
import type { AdrRolesApi } from './api';
import { FixProvider } from './codeActions';
import { FrontmatterCompletionProvider } from './completionProvider';
import { DecisionDecorations } from './decisionDecorations';
import { DecisionsView } from './decisionsView';
import { DiagnosticsController } from './diagnostics';
import { elevateDecision, overrideDecision, setStatus, supersedeDecision, type OverrideArgs } from './lifecycleCommands';
import { newDecision, type NewDecisionArgs } from './newDecisionCommand';
import { renumberDecision } from './renumberCommand';
import { WorkspaceIndex } from './workspaceIndex';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** Composition root: builds the services, registers them, and starts indexing in the background. */
export function activate(context: vscode.ExtensionContext): AdrRolesApi {
  const index = new WorkspaceIndex();
  const view = new DecisionsView(index, context.workspaceState);
  context.subscriptions.push(
    index,
    view,
    new DiagnosticsController(index),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new FixProvider(index), FixProvider.metadata),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new FrontmatterCompletionProvider(index), ...FrontmatterCompletionProvider.triggerCharacters),
    vscode.commands.registerCommand('adrRoles.refresh', () => view.indexWithProgress()),
    vscode.commands.registerCommand('adrRoles.newDecision', (args?: NewDecisionArgs) => newDecision(index, isArgs(args) ? args : {})),
    vscode.commands.registerCommand('adrRoles.overrideDecision', (target?: unknown, args?: OverrideArgs) => overrideDecision(index, target, args)),
    vscode.commands.registerCommand('adrRoles.supersedeDecision', (target?: unknown, args?: { title?: string; owner?: string }) => supersedeDecision(index, target, args)),
    vscode.commands.registerCommand('adrRoles.elevateDecision', (target?: unknown) => elevateDecision(index, target)),
    vscode.commands.registerCommand('adrRoles.setStatus', (target?: unknown, status?: string) => setStatus(index, target, status)),
    vscode.commands.registerCommand('adrRoles.renumber', (target?: unknown) => renumberDecision(index, target)),
    vscode.window.registerFileDecorationProvider(new DecisionDecorations(index)),
  );
  // Indexing reads every decision file: never inside activate's synchronous part.
  void view.indexWithProgress();
  return {
    whenIndexed: () => index.whenIndexed(),
    onDidChange: index.onDidChange,
    tree: () => view.rows(),
    decisions: () => index.decisions(),
    problemsFor(uri) {
      const decision = index.findByUri(vscode.Uri.parse(uri));
      return decision ? index.problemsFor(decision) : [];
    },
  };
}

/** Menus pass the clicked tree item as the first argument; only plain objects of our shape are arguments. */
function isArgs(value: unknown): value is NewDecisionArgs {
  return typeof value === 'object' && value !== null && !('type' in value) && ['title', 'owner', 'folder'].some((k) => k in value);
}

export function deactivate(): void {}
