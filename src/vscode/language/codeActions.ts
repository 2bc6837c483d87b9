import { dirName } from '../../core/workspace/paths';
import * as vscode from 'vscode';
import { isoDate } from '../../core/read/dates';
import { quickFixesFor } from '../../core/views/quickFixes';
import { DIAGNOSTIC_SOURCE, toRange } from '../convert';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** Quick fixes for the core rules' diagnostics, through Ctrl+. and the lightbulb. */
export class FixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly index: WorkspaceIndex) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const decision = this.index.updateFromDocumentIfStale(document);
    const config = decision && this.index.configFor(decision);
    if (!decision || !config) return [];
    const problems = this.index.problemsFor(decision);
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    // The missing owner is squiggled on the first line only, but it is the whole frontmatter's
    // problem: Ctrl+. on any of its lines offers the fix.
    const block = decision.frontmatter ? toRange(decision.frontmatter.range) : undefined;
    if (block?.contains(range.start) && !ours.some((d) => codeOf(d) === 'missing-owner')) {
      const missing = problems.find((p) => p.code === 'missing-owner');
      const published = missing && vscode.languages.getDiagnostics(document.uri).find((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === 'missing-owner');
      if (published) ours.push(published);
    }
    if (ours.length === 0) return [];
    const text = document.getText();
    const today = isoDate(new Date());
    const folder = this.index.formatOf(dirName(decision.file));
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const problem = problems.find((p) => p.code === codeOf(diagnostic) && toRange(p.range).isEqual(diagnostic.range));
      if (!problem) continue;
      for (const fix of quickFixesFor(problem, { text, decision, config, today, folder })) {
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

function codeOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}
