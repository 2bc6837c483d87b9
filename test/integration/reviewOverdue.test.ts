import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, Scratch, codeOf, diagnosticGone, diagnosticOn, indexState, indexedApi } from './helpers';

/**
 * The quick fix offered on a range. Opening the document publishes its diagnostics again; a request
 * made while they are replaced sees none, so it is asked again after each change, until offered.
 */
async function reviewedTodayAction(uri: vscode.Uri, range: vscode.Range, attempts = 20): Promise<vscode.CodeAction | undefined> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const changed = new Promise<void>((resolve) => {
      const listener = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString())) {
          listener.dispose();
          resolve();
        }
      });
    });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
    const found = actions.find((a) => a.title.startsWith('Reviewed today: record '));
    if (found) return found;
    await changed;
  }
  return undefined;
}

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

    // The quick fix records today's review and the next one a year on, in place, and the warning goes.
    const reviewed = await reviewedTodayAction(uri, diagnostic.range);
    assert.ok(reviewed?.edit, 'a Reviewed today quick fix with an edit');
    const [, today, next] = /record (\d{4}-\d{2}-\d{2}), next review by (\d{4}-\d{2}-\d{2})/.exec(reviewed.title) ?? [];
    assert.ok(today && next && next > today, reviewed.title);
    const gone = diagnosticGone(uri, (d) => codeOf(d) === 'review-overdue', 'review-overdue');
    assert.ok(await vscode.workspace.applyEdit(reviewed.edit));
    await gone;
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.getText(), past.replace('review-by: 2001-01-01\n', `review-by: ${next}\nreviewed-on: ${today}\n`));
  });

  it('shows the review date, overdue or not, and what would reopen the decision in its hover', async () => {
    await indexedApi();
    await scratch.create('docs/decisions/0097-review-the-vendor.md', '---\nstatus: accepted\nowner: cto\nreview-by: 2001-01-01\nrevisit-when: a second vendor bids\n---\n# Review the vendor\n');
    const mention = await scratch.create('docs/decisions/0096-mention.md', '---\nstatus: accepted\nowner: cto\n---\n# Mention\n\nSee ADR-0097 for the vendor.\n');
    const api = await indexedApi();
    await indexState(api, () => api.decisions().some((d) => d.id === 'ADR-0097') && api.decisions().some((d) => d.id === 'ADR-0096'), () => 'both decisions indexed');
    const document = await vscode.workspace.openTextDocument(mention);
    const at = document.positionAt(document.getText().indexOf('ADR-0097') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', mention, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /\*\*ADR-0097\*\* Review the vendor/);
    assert.match(text, /Review by 2001-01-01 \(overdue\) · revisit when: a second vendor bids/);
  });
});
