import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, UNOWNED_DECISION, codeOf, diagnosticOn, indexedApi, workspaceFile } from './helpers';

const OWNED_DECISION = 'docs/decisions/0001-buy-analytics-platform-rather-than-build.md';

describe('diagnostics', () => {
  it('warns that the opened unowned decision has no owner', async () => {
    await indexedApi();
    const uri = workspaceFile(UNOWNED_DECISION);
    // Listen before opening: the diagnostic may arrive while the editor opens.
    const missingOwner = diagnosticOn(
      uri,
      (d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === 'missing-owner',
      'missing-owner diagnostic',
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostic = await missingOwner;
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /has no owner/);
  });

  it('reports missing-owner through the API only for the unowned decision', async () => {
    const api = await indexedApi();
    const codes = (path: string) => api.problemsFor(workspaceFile(path).toString()).map((p) => p.code);
    assert.ok(codes(UNOWNED_DECISION).includes('missing-owner'), `${UNOWNED_DECISION} lacks missing-owner`);
    assert.ok(!codes(OWNED_DECISION).includes('missing-owner'), `${OWNED_DECISION} is owned by the CTO`);
  });
});
