import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeRow } from '../../src/vscode/api';
import { indexedApi, indexState, readText, Scratch, workspaceFile } from './helpers';
import { CONFIRM_RENUMBER, withPrompts } from './prompts';

const ON_CALL = 'docs/decisions/0002-run-a-weekly-on-call-rotation.md';

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

describe('decision lifecycle commands', () => {
  const scratch = new Scratch();
  afterEach(() => scratch.restore());

  it('Override Decision: creates the overriding decision and marks the old one, in one edit', async () => {
    const api = await indexedApi();
    const old = workspaceFile(ON_CALL);
    const before = await scratch.keep(old);
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.overrideDecision', old, {
      trigger: 'new-requirement',
      triggerDetail: '24/7 support promised in the enterprise contract',
      title: 'Staff a follow-the-sun support rotation',
      owner: 'cto',
      status: 'accepted',
    });
    assert.ok(created);
    scratch.remember(created);
    assert.equal(created.path.split('/').pop(), '0007-staff-a-follow-the-sun-support-rotation.md');
    const text = await readText(created);
    assert.match(text, /^---\nstatus: accepted\noverrides: ADR-0002\ntrigger: new-requirement\ntrigger-detail: 24\/7 support promised in the enterprise contract\ndate: \d{4}-\d{2}-\d{2}\nowner: cto\n/);
    assert.equal(await readText(old), before.replace('status: accepted\n', 'status: overridden\noverridden-by: ADR-0007\n'), 'the old decision is saved with two changed lines');
    await indexState(api, () => api.decisions().some((d) => d.id === 'ADR-0002' && d.status?.value === 'overridden'), () => 'ADR-0002 overridden in the index');
    const problems = api.problemsFor(old.toString()).map((p) => p.code);
    assert.ok(!problems.includes('relation-not-reciprocated') && !problems.includes('status-out-of-sync'), JSON.stringify(problems));
  });

  it('Elevate to CTO: hands an execution decision to the CTO with a record', async () => {
    const old = workspaceFile(ON_CALL);
    const before = await scratch.keep(old);
    assert.equal(await vscode.commands.executeCommand('adrRoles.elevateDecision', old), true);
    assert.equal(await readText(old), before.replace('owner: hoe\n', `owner: cto\nelevated-from: hoe\nelevated-on: ${today()}\n`));
  });

  it('Supersede Decision on an adr-tools file writes its Status section as adr-tools does', async () => {
    const nygard = await scratch.create('docs/decisions/0008-shell-scripts.md', '# 8. Shell scripts\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n\nPortable.\n');
    const api = await indexedApi();
    await indexState(api, () => api.decisions().some((d) => d.file === nygard.path), () => `${nygard.path} indexed`);
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.supersedeDecision', nygard, { title: 'Rewrite in Python', owner: 'hoe' });
    assert.ok(created);
    scratch.remember(created);
    assert.equal(await readText(nygard), '# 8. Shell scripts\n\nDate: 2016-02-12\n\n## Status\n\nSuperseded by [9. Rewrite in Python](0009-rewrite-in-python.md)\n\n## Context\n\nPortable.\n');
    assert.match(await readText(created), /\nsupersedes: ADR-0008\n/);
  });

  it('Set Status on a MADR 2 file changes its Status bullet only', async () => {
    const madr2 = await scratch.create('docs/decisions/0008-bullets.md', '# Bullets\n\n* Status: proposed\n* Date: 2018-01-20\n\n## Context and Problem Statement\n');
    const api = await indexedApi();
    await indexState(api, () => api.decisions().some((d) => d.file === madr2.path), () => `${madr2.path} indexed`);
    assert.equal(await vscode.commands.executeCommand('adrRoles.setStatus', madr2, 'accepted'), true);
    assert.equal(await readText(madr2), '# Bullets\n\n* Status: accepted\n* Date: 2018-01-20\n\n## Context and Problem Statement\n');
  });

  it('Renumber: a duplicate gets the next number, its file is renamed and links elsewhere follow', async () => {
    const api = await indexedApi();
    const duplicate = await scratch.create('docs/decisions/0005-from-another-branch.md', '---\nstatus: proposed\nowner: hoe\n---\n# Decision from another branch\n');
    const note = await scratch.create('docs/notes.md', 'See [the other branch](decisions/0005-from-another-branch.md) and ADR-0005.\n');
    await indexState(api, () => api.decisions().filter((d) => d.id === 'ADR-0005').length === 2, () => 'two ADR-0005');
    assert.ok(api.problemsFor(duplicate.toString()).some((p) => p.code === 'duplicate-number'));
    const renamed = await withPrompts([], [CONFIRM_RENUMBER], () => Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.renumber', duplicate)));
    assert.ok(renamed);
    scratch.remember(renamed);
    assert.equal(renamed.path.split('/').pop(), '0007-from-another-branch.md');
    assert.equal(await readText(note), 'See [the other branch](decisions/0007-from-another-branch.md) and ADR-0005.\n', 'the ambiguous ADR-0005 stays');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(duplicate)), 'the old name is gone');
    await indexState(api, () => api.decisions().filter((d) => d.id === 'ADR-0005').length === 1, () => 'one ADR-0005 left');
  });

  it('groups by override chain: the Segment decision with the GraphQL one beneath it', async () => {
    const api = await indexedApi();
    await vscode.commands.executeCommand('adrRoles.groupByChain');
    try {
      const segment = api.tree().find((r: TreeRow) => r.label.startsWith('ADR-0005'));
      assert.deepEqual(segment?.children.map((c) => [c.label, c.description.split(' · ')[0]]), [['ADR-0003 Aggregate product events through GraphQL mutations', 'overridden']]);
      assert.ok(!api.tree().some((r) => r.label.startsWith('ADR-0003')), 'an overridden decision is not a root');
    } finally {
      await vscode.commands.executeCommand('adrRoles.groupByRole');
    }
  });
});

describe('undoing an override', () => {
  it('one undo removes the new decision and restores the old one byte for byte', async () => {
    const api = await indexedApi();
    const old = workspaceFile(ON_CALL);
    const before = await readText(old);
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.overrideDecision', old, {
      trigger: 'new-resource',
      triggerDetail: 'An operations team joined',
      title: 'Hand on-call to the operations team',
      owner: 'hoe',
      status: 'accepted',
    });
    assert.ok(created);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString());
    await vscode.commands.executeCommand('undo');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(created)), 'the new decision is gone');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === old.toString());
    assert.equal(document?.getText(), before);
    assert.ok(await document.save());
    assert.equal(await readText(old), before);
    await indexState(api, () => api.decisions().some((d) => d.id === 'ADR-0002' && d.status?.value === 'accepted'), () => 'ADR-0002 accepted again');
  });
});
