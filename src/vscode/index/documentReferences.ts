import type * as vscode from 'vscode';
import { findReferences, type Reference } from '../../core/workspace/references';

/**
 * The decision references of each open document, found once per document version: hovers,
 * definitions, document links and the workspace scan all ask, typing asks again, and a large file
 * must not be scanned for every request.
 */
export class DocumentReferences {
  private readonly found = new WeakMap<vscode.TextDocument, { version: number; references: Reference[] }>();
  /** How many times a document was scanned: for the tests that hold this to once per version. */
  scans = 0;

  of(document: vscode.TextDocument): readonly Reference[] {
    const cached = this.found.get(document);
    if (cached?.version === document.version) return cached.references;
    this.scans++;
    const references = findReferences(document.getText());
    this.found.set(document, { version: document.version, references });
    return references;
  }

  /** The reference whose text covers `offset` (references are sorted and do not overlap). */
  at(document: vscode.TextDocument, offset: number): Reference | undefined {
    const references = this.of(document);
    let low = 0;
    let high = references.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (references[mid]!.start <= offset) low = mid;
      else high = mid - 1;
    }
    const candidate = references[low];
    return candidate && offset >= candidate.start && offset <= candidate.end ? candidate : undefined;
  }
}
