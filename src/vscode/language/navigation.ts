import * as vscode from 'vscode';
import { elevationOf, ownerLineOf, relationLine, reviewLineOf } from '../../core/views/decisionText';
import { isoDate } from '../../core/read/dates';
import { statusLine } from '../../core/views/vocabulary';
import type { Decision } from '../../core/model';
import type { Reference } from '../../core/workspace/references';
import { markdownText } from '../../core/views/editorText';
import type { DocumentReferences } from '../index/documentReferences';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { WorkspaceReferences } from '../index/workspaceReferences';

/** Links made per document at most: a file of nothing but `ADR-1` mentions must not flood the editor. */
export const MAX_DOCUMENT_LINKS = 2_000;

/** The decision reference under a position, and what it may mean. */
function lookup(index: WorkspaceIndex, documents: DocumentReferences, document: vscode.TextDocument, position: vscode.Position): { ref: Reference; range: vscode.Range; targets: Decision[] } | undefined {
  const ref = documents.at(document, document.offsetAt(position));
  if (!ref) return undefined;
  const targets = index.resolve(document.uri, ref);
  if (targets.length === 0) return undefined;
  return { ref, range: new vscode.Range(document.positionAt(ref.start), document.positionAt(ref.end)), targets };
}

function describe(index: WorkspaceIndex, decision: Decision): vscode.MarkdownString {
  // Not trusted and without theme icons: a title can run no command and draw no icon.
  const md = new vscode.MarkdownString();
  const uri = index.uriOf(decision);
  const roles = index.configFor(decision)?.roles ?? [];
  md.appendMarkdown(`**${markdownText(decision.id)}** ${markdownText(decision.title?.value ?? '')}\n\n`);
  md.appendMarkdown(markdownText(`${ownerLineOf(decision, roles)} · ${statusLine(decision.status?.value)} · Date: ${decision.date?.value ?? 'none'}`));
  for (const relation of index.relationsOf(decision)) {
    if (relation.target) md.appendMarkdown(`  \n${markdownText(relationLine(decision, relation))}`);
  }
  const elevation = elevationOf(decision, roles);
  if (elevation) md.appendMarkdown(`  \n${markdownText(elevation)}`);
  const review = reviewLineOf(decision, index.configFor(decision)?.review ?? null, isoDate(new Date()));
  if (review) md.appendMarkdown(`  \n${markdownText(review)}`);
  if (uri) md.appendMarkdown(`\n\n[Open ${markdownText(decision.id)}](${uri.toString()})`);
  return md;
}

/** Hover, go to definition and document links for `ADR-0007`, `ADR 7` and links to decision files, in any file. */
export class DecisionReferenceProvider implements vscode.HoverProvider, vscode.DefinitionProvider, vscode.DocumentLinkProvider, vscode.ReferenceProvider {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly references: WorkspaceReferences,
    private readonly documents: DocumentReferences,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = lookup(this.index, this.documents, document, position);
    if (!found) return undefined;
    const contents = found.targets.map((d) => describe(this.index, d));
    if (found.targets.length > 1) contents.unshift(new vscode.MarkdownString(`${markdownText(found.ref.raw)} names ${found.targets.length} decisions, in different folders:`));
    return new vscode.Hover(contents, found.range);
  }

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] {
    const found = lookup(this.index, this.documents, document, position);
    return (found?.targets ?? []).flatMap((d) => {
      const uri = this.index.uriOf(d);
      return uri ? [new vscode.Location(uri, new vscode.Position(0, 0))] : [];
    });
  }

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    // Markdown links are already links; the mentions are what this adds.
    return this.documents
      .of(document)
      .filter((ref) => ref.kind === 'mention')
      .slice(0, MAX_DOCUMENT_LINKS)
      .flatMap((ref) => {
        const [target] = this.index.resolve(document.uri, ref);
        const uri = target && this.index.uriOf(target);
        if (!uri) return [];
        const link = new vscode.DocumentLink(new vscode.Range(document.positionAt(ref.start), document.positionAt(ref.end)), uri);
        link.tooltip = `${target.id} ${target.title?.value ?? ''}`.trim();
        return [link];
      });
  }

  async provideReferences(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[]> {
    // On a mention: that decision's references; anywhere in a decision file: its own.
    const target = lookup(this.index, this.documents, document, position)?.targets[0] ?? this.index.findByUri(document.uri);
    return target ? this.references.referencesTo(target) : [];
  }
}
