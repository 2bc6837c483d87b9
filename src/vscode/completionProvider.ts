import * as vscode from 'vscode';
import { completionAt } from '../core/completion';
import { toRange } from './convert';
import type { WorkspaceIndex } from './workspaceIndex';

/** Values for `owner:`, `elevated-from:`, `status:` and `trigger:` in a decision's frontmatter. */
export class FrontmatterCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = [':', ' '];

  constructor(private readonly index: WorkspaceIndex) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const decision = this.index.updateFromDocumentIfStale(document);
    const config = decision && this.index.configFor(decision);
    if (!decision || !config) return [];
    const found = completionAt(document.getText(), position, decision, config);
    if (!found) return [];
    const range = toRange(found.range);
    return found.items.map((item, i) => {
      const completion = new vscode.CompletionItem(item.label, vscode.CompletionItemKind.EnumMember);
      completion.detail = item.detail;
      completion.range = range;
      completion.sortText = String(i).padStart(3, '0');
      return completion;
    });
  }
}
