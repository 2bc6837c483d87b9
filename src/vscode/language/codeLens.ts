import * as vscode from 'vscode';
import { resolveRole } from '../../core/workspace/config';
import type { Decision } from '../../core/model';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { WorkspaceReferences } from '../index/workspaceReferences';

class ReferencesLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly decision: Decision,
    readonly uri: vscode.Uri,
  ) {
    super(range);
  }
}

/**
 * Above a decision: its owner (with the role's kind), what it overrides or supersedes and what
 * overrode it, and how often it is referenced. Each lens opens its target.
 */
export class DecisionCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly references: WorkspaceReferences,
  ) {
    this.subscription = index.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const decision = this.index.updateFromDocumentIfStale(document);
    if (!decision) return [];
    const range = new vscode.Range(0, 0, 0, 0);
    const lenses: vscode.CodeLens[] = [];
    const config = this.index.configFor(decision);
    const role = decision.owner && config ? resolveRole(decision.owner.value, config.roles) : undefined;
    const ownerTitle = role ? `${role.label} — ${role.kind}` : decision.owner ? `owner ${decision.owner.value} (not a configured role)` : 'no owner';
    lenses.push(new vscode.CodeLens(range, { title: ownerTitle, command: 'adrRoles.decisions.focus', tooltip: 'Show the Decisions view' }));
    for (const relation of this.index.relationsOf(decision)) {
      const uri = relation.target && this.index.uriOf(relation.target);
      if (!uri || !relation.target) continue;
      const title = `${relation.kind.replace('-', ' ')} ${relation.target.id}`;
      lenses.push(new vscode.CodeLens(range, { title, command: 'vscode.open', arguments: [uri], tooltip: relation.target.title?.value ?? relation.target.id }));
    }
    lenses.push(new ReferencesLens(range, decision, document.uri));
    return lenses;
  }

  /** The reference count needs a workspace scan: done only for lenses on screen. */
  async resolveCodeLens(lens: vscode.CodeLens): Promise<vscode.CodeLens> {
    if (!(lens instanceof ReferencesLens)) return lens;
    const locations = await this.references.referencesTo(lens.decision);
    lens.command = {
      title: `${locations.length} reference${locations.length === 1 ? '' : 's'}`,
      command: 'editor.action.showReferences',
      arguments: [lens.uri, new vscode.Position(0, 0), locations],
    };
    return lens;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
