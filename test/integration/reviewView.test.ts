import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AdrRolesApi, PanelDrawing, TreeRow } from '../../src/vscode/api';
import { isoDate } from '../../src/core/read/dates';
import { Scratch, indexState, indexedApi } from './helpers';

/** A local date `offset` days from today, as the index counts today: the fixture never goes stale. */
function day(offset: number): string {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  return isoDate(date);
}

const OLDEST = 'docs/decisions/0090-renew-the-cdn-contract.md';
const OVERDUE = 'docs/decisions/0091-rotate-on-call-weekly.md';
const SOON = 'docs/decisions/0092-keep-the-monolith.md';
const RETIRED = 'docs/decisions/0093-drop-the-queue.md';

/** Two decisions overdue, one due within 30 days, and a retired one long past its date. */
async function createDecisions(scratch: Scratch, api: AdrRolesApi): Promise<{ oldest: vscode.Uri; overdue: vscode.Uri; soon: vscode.Uri; retired: vscode.Uri }> {
  const uris = {
    oldest: await scratch.create(OLDEST, `---\nstatus: accepted\nowner: cto\nreview-by: ${day(-40)}\nrevisit-when: a second CDN bids\n---\n# Renew the <b>CDN</b> contract\n`),
    overdue: await scratch.create(OVERDUE, `---\nstatus: accepted\nowner: hoe\nreview-by: ${day(-10)}\n---\n# Rotate on-call weekly\n`),
    soon: await scratch.create(SOON, `---\nstatus: accepted\nowner: hoe\nreview-by: ${day(10)}\n---\n# Keep the monolith\n`),
    retired: await scratch.create(RETIRED, `---\nstatus: deprecated\nowner: cto\nreview-by: ${day(-100)}\n---\n# Drop the queue\n`),
  };
  const ids = ['ADR-0090', 'ADR-0091', 'ADR-0092', 'ADR-0093'];
  await indexState(api, () => ids.every((id) => api.decisions().some((d) => d.id === id)), () => 'the four review decisions indexed');
  return uris;
}

const labels = (row: TreeRow | undefined): string[] => row?.children.map((c) => c.label) ?? [];
const heads = (rows: TreeRow[]): string[] => rows.map((r) => `${r.label} (${r.description})`);

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
  return lenses.flatMap((l) => (l.command ? [l.command.title] : []));
}

async function reviewLens(uri: vscode.Uri): Promise<vscode.Command | undefined> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
  return lenses.find((l) => l.command?.title.startsWith('Review '))?.command;
}

/** The next drawing of the report that satisfies `holds`; rejects with what was drawn instead. */
function reportDrawn(api: AdrRolesApi, holds: (summary: PanelDrawing['summary']) => boolean, deadlineMs = 30_000): Promise<PanelDrawing['summary']> {
  const seen: PanelDrawing['summary'][] = [];
  return new Promise((resolve, reject) => {
    const subscription = api.onDidRenderPanel((event) => {
      if (event.panel !== 'report') return;
      seen.push(event.summary);
      if (!holds(event.summary)) return;
      clearTimeout(deadline);
      subscription.dispose();
      resolve(event.summary);
    });
    const deadline = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the report never drew the expected lists within ${deadlineMs / 1000} s; it drew ${JSON.stringify(seen.map((s) => s.lists))}`));
    }, deadlineMs);
  });
}

describe('decisions due for review in the Decisions view, CodeLens and the report', () => {
  const scratch = new Scratch();
  afterEach(async () => {
    await vscode.commands.executeCommand('adrRoles.resetView');
    await scratch.restore();
  });

  it('lists the overdue decisions first in every grouping, oldest first with their due dates, and keeps them in their own groups', async () => {
    const api = await indexedApi();
    await createDecisions(scratch, api);
    const overdueRows = ['ADR-0090 Renew the <b>CDN</b> contract', 'ADR-0091 Rotate on-call weekly'];

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

    // The filter applies to the review groups too.
    await vscode.commands.executeCommand('adrRoles.groupByRole');
    await vscode.commands.executeCommand('adrRoles.filter', 'rotate on-call');
    const filtered = api.tree();
    assert.deepEqual(heads(filtered), ['Due for review (1)', 'Head of Engineering (execution) (1)']);
    assert.deepEqual(labels(filtered[0]), ['ADR-0091 Rotate on-call weekly']);
  });

  it('badges the view with the decisions due for review, and the review CodeLens records a review: the badge goes down', async () => {
    const api = await indexedApi();
    const uris = await createDecisions(scratch, api);
    // The demo's one unowned decision shares the badge.
    assert.deepEqual(api.treeBadge(), { value: 3, tooltip: '1 decision without an owner, 2 decisions due for review' });

    assert.ok((await lensTitles(uris.overdue)).includes(`Review overdue since ${day(-10)}`), JSON.stringify(await lensTitles(uris.overdue)));
    assert.ok((await lensTitles(uris.soon)).includes(`Review due ${day(10)}`), JSON.stringify(await lensTitles(uris.soon)));
    assert.ok(!(await lensTitles(uris.retired)).some((t) => t.startsWith('Review ')), 'nothing for a retired decision');

    // A review not yet due: the lens goes to its review-by line.
    const goTo = await reviewLens(uris.soon);
    assert.ok(goTo);
    await vscode.commands.executeCommand(goTo.command, ...((goTo.arguments ?? []) as unknown[]));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uris.soon.toString());
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, 3);

    const record = await reviewLens(uris.overdue);
    assert.ok(record?.command && record.tooltip, 'an overdue review lens with a command');
    const [, next] = /next review by (\d{4}-\d{2}-\d{2})/.exec(record.tooltip) ?? [];
    assert.ok(next && next > day(0), record.tooltip);
    assert.equal(await vscode.commands.executeCommand(record.command, ...((record.arguments ?? []) as unknown[])), true);
    await indexState(api, () => api.treeBadge()?.value === 2, () => JSON.stringify(api.treeBadge()));
    assert.deepEqual(api.treeBadge(), { value: 2, tooltip: '1 decision without an owner, 1 decision due for review' });
    const document = await vscode.workspace.openTextDocument(uris.overdue);
    assert.equal(document.getText(), `---\nstatus: accepted\nowner: hoe\nreview-by: ${next}\nreviewed-on: ${day(0)}\n---\n# Rotate on-call weekly\n`);
    assert.deepEqual(labels(api.tree()[0]), ['ADR-0090 Renew the <b>CDN</b> contract']);
    assert.ok((await lensTitles(uris.overdue)).includes(`Review due ${next}`));
    // Run again once reviewed, it changes nothing.
    assert.equal(await vscode.commands.executeCommand(record.command, ...((record.arguments ?? []) as unknown[])), false);
  });

  it('lists the decisions due for review in the Ownership Report panel, oldest first, titles as plain text', async () => {
    const api = await indexedApi();
    await createDecisions(scratch, api);
    const drawn = reportDrawn(api, (s) => s.lists?.['due-for-review'] !== undefined);
    await vscode.commands.executeCommand('adrRoles.showReport');
    const summary = await drawn;
    // `<b>` would have been parsed away had the title gone in as markup.
    assert.deepEqual(summary.lists?.['due-for-review'], ['ADR-0090 Renew the <b>CDN</b> contract', 'ADR-0091 Rotate on-call weekly']);
  });
});
