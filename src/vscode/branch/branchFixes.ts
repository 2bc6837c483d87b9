import * as vscode from 'vscode';
import { dirName } from '../../core/workspace/paths';
import { isoDate } from '../../core/read/dates';
import { quickFixesFor } from '../../core/views/quickFixes';
import { DIAGNOSTIC_SOURCE, toRange } from '../convert';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { BranchChecks } from './branchChecks';

/** Quick fixes for the branch checks' diagnostics: Renumber to the number free here and on the base. */
export class BranchFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly checks: BranchChecks,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const problems = this.checks.problemsOf(document.uri);
    if (problems.length === 0) return [];
    const decision = this.index.findByUri(document.uri);
    const config = decision && this.index.configFor(decision);
    if (!decision || !config) return [];
    const actions: vscode.CodeAction[] = [];
    // The context holds the markers the workbench knows; on a document opened a moment ago they
    // can lag behind, so the branch diagnostics published on the file at the range count too.
    const diagnostics = [...context.diagnostics];
    for (const published of this.checks.diagnosticsOf(document.uri)) {
      if (published.range.intersection(range) && !diagnostics.some((d) => d.range.isEqual(published.range) && d.message === published.message)) diagnostics.push(published);
    }
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const problem = problems.find((p) => p.code === code && toRange(p.range).isEqual(diagnostic.range));
      if (!problem) continue;
      const fixes = quickFixesFor(problem, { text: document.getText(), decision, config, today: isoDate(new Date()), folder: this.index.formatOf(dirName(decision.file)) });
      for (const fix of fixes) {
        if (!fix.command) continue;
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        action.command = { command: fix.command.id, title: fix.title, arguments: fix.command.args };
        actions.push(action);
      }
    }
    return actions;
  }
}
