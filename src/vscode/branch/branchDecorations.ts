import * as vscode from 'vscode';
import { branchMarkText } from '../../core/views/vocabulary';
import type { BranchChecks } from './branchChecks';

/**
 * Badges on the decisions the branch adds, changes or renames against the base, in the Decisions
 * view and the Explorer alike: `+` added, `~` changed or renamed, with the base in the tooltip.
 * Its own provider, so VS Code shows it beside the O/S/E badge of a decision's relations.
 */
export class BranchDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly checks: BranchChecks) {
    this.subscription = checks.onDidChangeMarks((uris) => this.changed.fire(uris));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const found = this.checks.markOf(uri);
    if (!found) return undefined;
    const { badge, tooltip } = branchMarkText(found.mark, found.base);
    return new vscode.FileDecoration(badge, tooltip);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
