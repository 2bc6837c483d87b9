import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AdrRolesApi, TreeRow } from '../../src/vscode/api';
import { isoDate } from '../../src/core/read/dates';
import { Scratch, indexState, indexedApi, panelDrawn } from './helpers';

/** A local date `offset` days from today, as the index counts today: the fixture never goes stale. */
function day(offset: number): string {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  return isoDate(date);
}

/**
 * Two decisions overdue, one due within 30 days, and a retired one long past its date, numbered
 * from `first`. A test that edits one takes its own numbers, so no other meets its document.
 */
async function createDecisions(scratch: Scratch, api: AdrRolesApi, first = 90): Promise<{ oldest: vscode.Uri; overdue: vscode.Uri; soon: vscode.Uri; retired: vscode.Uri }> {
  const file = (offset: number, slug: string): string => `docs/decisions/00${first + offset}-${slug}.md`;
  const uris = {
    oldest: await scratch.create(file(0, 'renew-the-cdn-contract'), `---\nstatus: accepted\nowner: cto\nreview-by: ${day(-40)}\nrevisit-when: a second CDN bids\n---\n# Renew the CDN &amp; DNS contract\n`),
    overdue: await scratch.create(file(1, 'rotate-on-call-weekly'), `---\nstatus: accepted\nowner: hoe\nreview-by: ${day(-10)}\n---\n# Rotate on-call weekly\n`),
    soon: await scratch.create(file(2, 'keep-the-monolith'), `---\nstatus: accepted\nowner: hoe\nreview-by: ${day(10)}\n---\n# Keep the monolith\n`),
    retired: await scratch.create(file(3, 'drop-the-queue'), `---\nstatus: deprecated\nowner: cto\nreview-by: ${day(-100)}\n---\n# Drop the queue\n`),
  };
  const written: Record<string, string> = { [`ADR-00${first}`]: day(-40), [`ADR-00${first + 1}`]: day(-10), [`ADR-00${first + 2}`]: day(10), [`ADR-00${first + 3}`]: day(-100) };
  const indexed = (): Record<string, string | undefined> => Object.fromEntries(Object.keys(written).map((id) => [id, api.decisions().find((d) => d.id === id)?.reviewBy?.value]));
  await indexState(api, () => JSON.stringify(indexed()) === JSON.stringify(written), () => `review-by indexed as ${JSON.stringify(indexed())}, written ${JSON.stringify(written)}`);
  return uris;
}

const labels = (row: TreeRow | undefined): string[] => row?.children.map((c) => c.label) ?? [];
const heads = (rows: TreeRow[]): string[] => rows.map((r) => `${r.label} (${r.description})`);

async function lenses(uri: vscode.Uri): Promise<vscode.Command[]> {
  // CodeLenses belong to an open document.
  await vscode.workspace.openTextDocument(uri);
  const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
  return found.flatMap((l) => (l.command ? [l.command] : []));
}

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  return (await lenses(uri)).map((c) => c.title);
}

async function reviewLens(uri: vscode.Uri): Promise<vscode.Command | undefined> {
  return (await lenses(uri)).find((c) => c.title.startsWith('Review '));
}


describe('decisions due for review in the Decisions view, CodeLens and the report', () => {
  const scratch = new Scratch();
  afterEach(async () => {
    await vscode.commands.executeCommand('adrRoles.resetView');
    await scratch.restore();
  });

  it('lists the overdue decisions first in every grouping, oldest first with their due dates, and keeps them in their own groups', async () => {
    const api = await indexedApi();
    const uris = await createDecisions(scratch, api);
    const overdueRows = ['ADR-0090 Renew the CDN &amp; DNS contract', 'ADR-0091 Rotate on-call weekly'];

    const byRole = api.tree();
    assert.deepEqual(heads(byRole).slice(0, 3), ['Due for review (2)', 'Review due within 30 days (1)', 'Unowned (1)']);
    assert.deepEqual(labels(byRole[0]), overdueRows);
    assert.deepEqual(
      byRole[0]?.children.map((c) => c.description),
      [`due ${day(-40)} · CTO (strategy) · accepted`, `due ${day(-10)} · Head of Engineering (execution) · accepted`],
    );
    assert.deepEqual(labels(byRole[1]), ['ADR-0092 Keep the monolith']);
    assert.match(byRole[1]?.children[0]?.description ?? '', new RegExp(`^due ${day(10)} · `));
    // Still in their own groups; the retired decision there only.
    const cto = byRole.find((r) => r.label === 'CTO (strategy)');
    assert.ok(labels(cto).includes(overdueRows[0]!) && labels(cto).includes('ADR-0093 Drop the queue'), JSON.stringify(labels(cto)));
    assert.ok(!byRole.slice(0, 2).some((g) => labels(g).includes('ADR-0093 Drop the queue')));

    for (const grouping of ['adrRoles.groupByStatus', 'adrRoles.groupByChain', 'adrRoles.showFlat']) {
      await vscode.commands.executeCommand(grouping);
      const rows = api.tree();
      assert.equal(heads(rows)[0], 'Due for review (2)', grouping);
      assert.deepEqual(labels(rows[0]), overdueRows, grouping);
      assert.ok(rows.slice(2).some((r) => r.label === overdueRows[1] || labels(r).includes(overdueRows[1]!) || r.children.some((c) => labels(c).includes(overdueRows[1]!))), `${grouping}: ADR-0091 in its own place too`);
    }

    // The active editor's decision is still selected in the view, with the review group above it.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('adrRoles.groupByRole');
    await vscode.commands.executeCommand('adrRoles.decisions.focus');
    const revealed = new Promise<void>((resolve) => {
      const listener = api.onDidRevealInTree((id) => {
        if (id !== 'ADR-0091') return;
        listener.dispose();
        resolve();
      });
    });
    await vscode.window.showTextDocument(uris.overdue);
    await revealed;
    assert.deepEqual(api.treeSelection(), ['ADR-0091']);

    // The filter applies to the review groups too.
    await vscode.commands.executeCommand('adrRoles.groupByRole');
    await vscode.commands.executeCommand('adrRoles.filter', 'rotate on-call');
    const filtered = api.tree();
    assert.deepEqual(heads(filtered), ['Due for review (1)', 'Head of Engineering (execution) (1)']);
    assert.deepEqual(labels(filtered[0]), ['ADR-0091 Rotate on-call weekly']);
  });

  it('badges the view with the decisions due for review, and the review CodeLens records a review: the badge goes down', async () => {
    const api = await indexedApi();
    const uris = await createDecisions(scratch, api, 80);
    // The demo's one unowned decision shares the badge.
    assert.deepEqual(api.treeBadge(), { value: 3, tooltip: '1 decision without an owner, 2 decisions due for review' });

    assert.ok((await lensTitles(uris.overdue)).includes(`Review overdue since ${day(-10)}`), JSON.stringify(await lensTitles(uris.overdue)));
    assert.ok((await lensTitles(uris.soon)).includes(`Review due ${day(10)}`), JSON.stringify(await lensTitles(uris.soon)));
    assert.ok(!(await lensTitles(uris.retired)).some((t) => t.startsWith('Review ')), 'nothing for a retired decision');

    // A review not yet due: the lens goes to its review-by line.
    const goTo = await reviewLens(uris.soon);
    assert.ok(goTo?.command);
    await vscode.commands.executeCommand(goTo.command, ...((goTo.arguments ?? []) as unknown[]));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uris.soon.toString());
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, 3);

    // A lens is clicked in the decision's editor.
    await vscode.window.showTextDocument(uris.overdue);
    const record = await reviewLens(uris.overdue);
    assert.ok(record?.command && record.tooltip, 'an overdue review lens with a command');
    const [, next] = /next review by (\d{4}-\d{2}-\d{2})/.exec(record.tooltip) ?? [];
    assert.ok(next && next > day(0), record.tooltip);
    assert.equal(await vscode.commands.executeCommand(record.command, ...((record.arguments ?? []) as unknown[])), true);
    await indexState(api, () => api.treeBadge()?.value === 2, () => JSON.stringify(api.treeBadge()));
    assert.deepEqual(api.treeBadge(), { value: 2, tooltip: '1 decision without an owner, 1 decision due for review' });
    const document = await vscode.workspace.openTextDocument(uris.overdue);
    assert.equal(document.getText(), `---\nstatus: accepted\nowner: hoe\nreview-by: ${next}\nreviewed-on: ${day(0)}\n---\n# Rotate on-call weekly\n`);
    assert.deepEqual(labels(api.tree()[0]), ['ADR-0080 Renew the CDN &amp; DNS contract']);
    assert.ok((await lensTitles(uris.overdue)).includes(`Review due ${next}`));
    // Run again once reviewed, it changes nothing.
    assert.equal(await vscode.commands.executeCommand(record.command, ...((record.arguments ?? []) as unknown[])), false);
    // Saved, as a person would: a document left unsaved outlives its file in the index.
    assert.ok(await document.save());
  });

  it('lists the decisions due for review in the Ownership Report panel, oldest first, titles as plain text', async () => {
    const api = await indexedApi();
    await createDecisions(scratch, api);
    const drawn = panelDrawn(api, 'report', (s) => s.lists?.['due-for-review']?.length === 2, 'two decisions due for review');
    await vscode.commands.executeCommand('adrRoles.showReport');
    const summary = await drawn;
    // Had the title gone in as markup, `&amp;` would read `&`.
    assert.deepEqual(summary.lists?.['due-for-review'], ['ADR-0090 Renew the CDN &amp; DNS contract', 'ADR-0091 Rotate on-call weekly']);
  });
});
