import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AdrRolesApi } from '../../src/vscode/api';
import { indexState, indexedApi, panelDrawn, workspaceFile, writeText } from './helpers';

const NEW_DECISION = 'docs/decisions/0042-page-the-platform-team-first.md';
const OVERRIDING_ON_CALL = `---
status: accepted
date: 2022-02-01
owner: cto
overrides: ADR-0002
trigger: new-resource
trigger-detail: A platform team was hired
---
# Page the platform team first
`;

function webviewTabs(title: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.label === title && tab.input instanceof vscode.TabInputWebview);
}

/** Resolves with the webview tabs titled `title` once there are any: the tab model follows the workbench a moment later. */
function webviewTabsOpen(title: string, deadlineMs = 30_000): Promise<vscode.Tab[]> {
  if (webviewTabs(title).length > 0) return Promise.resolve(webviewTabs(title));
  return new Promise((resolve, reject) => {
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (webviewTabs(title).length === 0) return;
      clearTimeout(deadline);
      subscription.dispose();
      resolve(webviewTabs(title));
    });
    const deadline = setTimeout(() => {
      subscription.dispose();
      const open = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
      reject(new Error(`no "${title}" webview tab within ${deadlineMs / 1000} s; the tabs are ${JSON.stringify(open)}`));
    }, deadlineMs);
  });
}

describe('decision graph and ownership report panels', () => {
  let api: AdrRolesApi;
  before(async () => {
    api = await indexedApi();
  });

  afterEach(async () => {
    await vscode.workspace.fs.delete(workspaceFile(NEW_DECISION)).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // A full re-index, so the next suite never meets a decision the watcher has not caught up with.
    await vscode.commands.executeCommand('adrRoles.refresh');
  });

  for (const { command, panel, title } of [
    { command: 'adrRoles.showGraph', panel: 'graph', title: 'Decision Graph' },
    { command: 'adrRoles.showReport', panel: 'report', title: 'Ownership Report' },
  ] as const) {
    it(`${title}: opens a webview tab that draws every decision, and follows a new override without reloading`, async () => {
      const decisions = api.decisions().length;
      const first = panelDrawn(api, panel, (s) => s.decisions === decisions, `${decisions} decisions`);
      await vscode.commands.executeCommand(command);
      const tabs = await webviewTabsOpen(title);
      assert.equal(tabs.length, 1, `one "${title}" webview tab`);
      assert.match((tabs[0]?.input as vscode.TabInputWebview).viewType, new RegExp(`adrRoles\\.${panel}$`));
      assert.equal(tabs[0]?.isActive, true);
      const before = await first;

      const update = panelDrawn(api, panel, (s) => s.decisions === decisions + 1, `${decisions + 1} decisions`);
      await writeText(workspaceFile(NEW_DECISION), OVERRIDING_ON_CALL);
      const after = await update;
      assert.equal(after.relations, before.relations + 1, 'the new override is drawn (an edge, or a counted override)');
      assert.ok(after.renders > before.renders, `drawn in the same page, not by reloading it (renders ${before.renders} → ${after.renders})`);

      // Hidden behind an editor while the decision goes away, then brought back by the same command.
      await vscode.window.showTextDocument(workspaceFile('README.md'), { preview: false });
      await vscode.workspace.fs.delete(workspaceFile(NEW_DECISION));
      await indexState(api, () => api.decisions().length === decisions, () => `${api.decisions().length} decisions indexed, not ${decisions}`);
      const back = panelDrawn(api, panel, (s) => s.decisions === decisions, `${decisions} decisions again`);
      await vscode.commands.executeCommand(command);
      await back;
      assert.equal(webviewTabs(title).length, 1, 'the command brings the open panel forward rather than opening a second');
      assert.equal(webviewTabs(title)[0]?.isActive, true);
    });
  }
});
