import * as vscode from 'vscode';
import { completionAt, idCompletionAt } from '../../core/views/completion';
import { toRange } from '../convert';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** Values for `owner:`, `elevated-from:`, `status:`, `trigger:` and relation fields in a decision's frontmatter, and `ADR-` ids in markdown. */
export class FrontmatterCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = [':', ' ', '-', ',', '['];

  constructor(private readonly index: WorkspaceIndex) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const decision = this.index.updateFromDocumentIfStale(document);
    const config = decision && this.index.configFor(decision);
    const log = this.index.logForDocument(document.uri);
    const inFrontmatter = decision && config ? completionAt(document.getText(), position, decision, config, log) : null;
    // Outside the frontmatter, in any markdown file: `ADR-` completes to the folder's decision ids.
    const found = inFrontmatter ?? idCompletionAt(document.getText(), position, log, decision);
    if (!found) return [];
    const range = toRange(found.range);
    return found.items.map((item, i) => {
      const completion = new vscode.CompletionItem(item.label, found.field === 'id' || item.label.startsWith('ADR-') ? vscode.CompletionItemKind.Reference : vscode.CompletionItemKind.EnumMember);
      completion.detail = item.detail;
      completion.range = range;
      completion.sortText = String(i).padStart(3, '0');
      return completion;
    });
  }
}
