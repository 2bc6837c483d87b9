import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/**
 * Badges on decision files, in the Decisions view and the Explorer alike: O for overridden, S for
 * superseded, E for elevated, with what and when in the tooltip.
 */
export class DecisionDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: WorkspaceIndex) {
    this.subscription = index.onDidChange(() => this.changed.fire(undefined));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const decision = this.index.findByUri(uri);
    if (!decision) return undefined;
    const relations = this.index.relationsOf(decision);
    const overriddenBy = relations.find((r) => r.kind === 'overridden-by' && r.target);
    if (overriddenBy?.target) {
      const trigger = overriddenBy.target.trigger ? ` (${overriddenBy.target.trigger.value}${overriddenBy.target.triggerDetail ? `: ${overriddenBy.target.triggerDetail.value}` : ''})` : '';
      return new vscode.FileDecoration('O', `Overridden by ${overriddenBy.target.id}${trigger}`, new vscode.ThemeColor('list.deemphasizedForeground'));
    }
    const supersededBy = relations.find((r) => r.kind === 'superseded-by' && r.target);
    if (supersededBy?.target) return new vscode.FileDecoration('S', `Superseded by ${supersededBy.target.id}`, new vscode.ThemeColor('list.deemphasizedForeground'));
    if (decision.elevatedFrom) {
      return new vscode.FileDecoration('E', `Elevated from ${decision.elevatedFrom.value}${decision.elevatedOn ? ` on ${decision.elevatedOn.value}` : ''}`);
    }
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
