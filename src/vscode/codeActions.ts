import * as vscode from 'vscode';
import { isoDate } from '../core/dates';
import { fixesFor } from '../core/fixes';
import { DIAGNOSTIC_SOURCE, toRange } from './convert';
import type { WorkspaceIndex } from './workspaceIndex';

/** Quick fixes for the core rules' diagnostics, through Ctrl+. and the lightbulb. */
export class FixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly index: WorkspaceIndex) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const decision = this.index.updateFromDocumentIfStale(document);
    const config = decision && this.index.configFor(decision);
    if (!decision || !config) return [];
    const problems = this.index.problemsFor(decision);
    const text = document.getText();
    const today = isoDate(new Date());
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const problem = problems.find((p) => p.code === code && toRange(p.range).isEqual(diagnostic.range));
      if (!problem) continue;
      for (const fix of fixesFor(problem, { text, decision, config, today })) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        if (fix.edits.length > 0) {
          action.edit = new vscode.WorkspaceEdit();
          for (const edit of fix.edits) action.edit.replace(document.uri, toRange(edit.range), edit.newText);
        }
        if (fix.command) action.command = { command: fix.command.id, title: fix.title, arguments: fix.command.args };
        actions.push(action);
      }
    }
    return actions;
  }
}
