import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, Scratch, codeOf, diagnosticOn, indexedApi } from './helpers';

describe('review-overdue in the editor', () => {
  const scratch = new Scratch();
  afterEach(() => scratch.restore());

  it('warns on a decision past its review-by date, at that line, and not on one due later', async () => {
    await indexedApi();
    const past = '---\nstatus: accepted\nowner: cto\nreview-by: 2001-01-01\nrevisit-when: a second vendor bids\n---\n# Review the vendor\n';
    const future = '---\nstatus: accepted\nowner: cto\nreview-by: 2999-01-01\n---\n# Review later\n';
    const later = await scratch.create('docs/decisions/0098-review-later.md', future);
    const uri = await scratch.create('docs/decisions/0099-review-the-vendor.md', past);
    const overdue = diagnosticOn(uri, (d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === 'review-overdue', 'review-overdue diagnostic');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostic = await overdue;
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic.range.start.line, 3);
    assert.match(diagnostic.message, /due for review on 2001-01-01 \(revisit when: a second vendor bids\)/);
    const api = await indexedApi();
    assert.ok(!api.problemsFor(later.toString()).some((p) => p.code === 'review-overdue'), 'due in 2999');
  });
});
