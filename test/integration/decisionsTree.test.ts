import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeRow } from '../../src/vscode/api';
import { Scratch, UNOWNED_DECISION, indexedApi, indexState, readText, workspaceFile, writeText } from './helpers';

const groups = (rows: TreeRow[]): string[] => rows.map((r) => `${r.label} (${r.description})`);

describe('the Decisions view', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('adrRoles.groupByRole');
    await vscode.commands.executeCommand('adrRoles.clearFilter');
  });

  it('groups by owning role, unowned first, with counts', async () => {
    const api = await indexedApi();
    const rows = api.tree();
    assert.deepEqual(groups(rows).slice(0, 3), ['Unowned (1)', 'CTO (strategy) (3)', 'Head of Engineering (execution) (2)']);
    assert.deepEqual(rows[0]?.children.map((c) => c.label), ['ADR-0006 Adopt feature flags for gradual rollouts']);
    assert.match(rows[1]?.children[0]?.description ?? '', /^accepted · \d{4}-\d{2}-\d{2}$/);
  });

  it('follows an edit on disk: a decision given an owner leaves Unowned', async () => {
    const api = await indexedApi();
    const uri = workspaceFile(UNOWNED_DECISION);
    const original = await readText(uri);
    try {
      await writeText(uri, original.replace('status: proposed\n', 'status: proposed\nowner: cto\n'));
      await indexState(api, () => groups(api.tree())[0] === 'CTO (strategy) (4)', () => JSON.stringify(groups(api.tree())));
    } finally {
      await writeText(uri, original);
      await indexState(api, () => groups(api.tree())[0] === 'Unowned (1)', () => JSON.stringify(groups(api.tree())));
    }
  });

  it('switches to grouping by status and to a flat list', async () => {
    const api = await indexedApi();
    await vscode.commands.executeCommand('adrRoles.groupByStatus');
    assert.deepEqual(groups(api.tree()), ['Proposed (1)', 'Accepted (4)', 'Overridden (1)']);
    await vscode.commands.executeCommand('adrRoles.showFlat');
    assert.deepEqual(api.tree().map((r) => r.label.slice(0, 8)), ['ADR-0001', 'ADR-0002', 'ADR-0003', 'ADR-0004', 'ADR-0005', 'ADR-0006']);
  });

  it('groups by chain: a decision two others replaced has its chain under the first, and is a reference under the other', async () => {
    const api = await indexedApi();
    const scratch = new Scratch();
    try {
      await scratch.create('docs/decisions/0008-also-replace-graphql-mutations.md', '---\nstatus: accepted\nowner: cto\nsupersedes: ADR-0003\n---\n# Also replace the GraphQL mutations\n');
      await indexState(api, () => api.decisions().some((d) => d.id === 'ADR-0008'), () => 'ADR-0008 not indexed');
      await vscode.commands.executeCommand('adrRoles.groupByChain');
      const root = (id: string): TreeRow | undefined => api.tree().find((r) => r.label.startsWith(id));
      assert.deepEqual(root('ADR-0005')?.children.map((c) => [c.label.slice(0, 8), c.description.split(' · ')[0]]), [['ADR-0003', 'overridden']]);
      const reference = root('ADR-0008')?.children[0];
      assert.equal(reference?.label.slice(0, 8), 'ADR-0003');
      assert.match(reference?.description ?? '', /^superseded · shown in full under ADR-0005 · /);
      assert.deepEqual(reference?.children, []);
    } finally {
      await scratch.restore();
    }
  });

  it('says its grouping and filter next to its title, and Show All goes back to every decision by owner role', async () => {
    const api = await indexedApi();
    assert.equal(api.treeDescription(), 'by owner role');
    await vscode.commands.executeCommand('adrRoles.groupByStatus');
    assert.equal(api.treeDescription(), 'by status');
    await vscode.commands.executeCommand('adrRoles.filter', 'events');
    assert.equal(api.treeDescription(), 'by status · filter: events');
    assert.deepEqual(groups(api.tree()), ['Accepted (1)', 'Overridden (1)']);
    await vscode.commands.executeCommand('adrRoles.groupByChain');
    assert.equal(api.treeDescription(), 'by override chain · filter: events');
    await vscode.commands.executeCommand('adrRoles.resetView');
    assert.equal(api.treeDescription(), 'by owner role');
    assert.deepEqual(groups(api.tree()).slice(0, 3), ['Unowned (1)', 'CTO (strategy) (3)', 'Head of Engineering (execution) (2)']);
  });

  it('puts owners that name no configured role next to Unowned, before the roles; a role no decision names says none', async () => {
    const api = await indexedApi();
    const scratch = new Scratch();
    const config = workspaceFile('.adr-roles.yml');
    await scratch.keep(config);
    try {
      await scratch.create('docs/decisions/0008-move-billing-to-its-own-service.md', '---\nstatus: proposed\nowner: cxo\n---\n# Move billing to its own service\n');
      await writeText(config, 'folders: [docs/decisions]\nroles:\n  - { id: cto, label: CTO, kind: strategy }\n  - { id: hoe, label: Head of Engineering, kind: execution }\n  - { id: hop, label: Head of Product, kind: strategy }\n');
      await indexState(api, () => groups(api.tree()).length === 5, () => JSON.stringify(groups(api.tree())));
      assert.deepEqual(groups(api.tree()), ['Unowned (1)', 'Owner names no configured role (1)', 'CTO (strategy) (3)', 'Head of Engineering (execution) (2)', 'Head of Product (strategy) (none)']);
      assert.deepEqual(api.tree()[4]?.children, []);
    } finally {
      await scratch.restore();
    }
  });

  it("selects the active editor's decision, in whichever group shows it, and leaves the focus in the editor", async () => {
    const api = await indexedApi();
    // Opening a decision must change the active editor: none is open to start with.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('adrRoles.decisions.focus');
    const revealed = (id: string) =>
      new Promise<void>((resolve) => {
        const listener = api.onDidRevealInTree((shown) => {
          if (shown !== id) return;
          listener.dispose();
          resolve();
        });
      });
    const first = revealed('ADR-0006');
    const editor = await vscode.window.showTextDocument(workspaceFile(UNOWNED_DECISION));
    await first;
    assert.deepEqual(api.treeSelection(), ['ADR-0006']);
    assert.equal(vscode.window.activeTextEditor, editor, 'the editor keeps the focus');
    await vscode.commands.executeCommand('adrRoles.groupByStatus');
    const second = revealed('ADR-0003');
    await vscode.window.showTextDocument(workspaceFile('docs/decisions/0003-aggregate-product-events-through-graphql-mutations.md'));
    await second;
    assert.deepEqual(api.treeSelection(), ['ADR-0003']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('filters by text', async () => {
    const api = await indexedApi();
    await vscode.commands.executeCommand('adrRoles.filter', 'events');
    const labels = api.tree().flatMap((g) => g.children.map((c) => c.label.slice(0, 8)));
    assert.deepEqual(labels, ['ADR-0005', 'ADR-0003']);
  });
});
