// The extension as a person meets it in VS Code: the command palette, the Decisions view, a
// squiggle under the unowned decision and its row in the Problems panel. Screenshots of each step
// go to test-output/ui/.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorNotifications, quickOpen, runFromCommandPalette, treeRows, visibleWebview, waitForTreeRow } from './page.mjs';
import { openWorkbench } from './workbench.mjs';

const UNOWNED_FILE = '0006-adopt-feature-flags-for-gradual-rollouts.md';
/** The demo's decisions (examples/demo/docs/decisions) by the group the view should put them in. */
const GROUPS = {
  Unowned: ['ADR-0006 Adopt feature flags for gradual rollouts'],
  'CTO (strategy)': [
    'ADR-0001 Buy an analytics platform rather than build one',
    'ADR-0004 Move our Postgres databases to a managed cloud service',
    'ADR-0005 Send product events through Segment',
  ],
  'Head of Engineering (execution)': [
    'ADR-0002 Run a weekly on-call rotation across all product engineers',
    'ADR-0003 Aggregate product events through GraphQL mutations',
  ],
};

describe('adr-roles in the VS Code workbench', function () {
  this.timeout(120_000);
  let workbench;
  let page;

  before(async function () {
    this.timeout(15 * 60_000); // a first run on a fresh machine installs code-server here
    workbench = await openWorkbench();
    page = workbench.page;
    // The activity-bar entry appears once the extension's contributions are registered;
    // before that the command palette would not list its commands yet.
    try {
      await decisionsActivity().waitFor({ state: 'visible' });
    } catch (error) {
      await workbench.screenshot('failed-startup').catch(() => {});
      throw new Error(`no "Decisions" entry in the activity bar: is the extension installed and its view container contributed? (${error.message.split('\n')[0]})`);
    }
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      await workbench.screenshot(`failed-${slug(this.currentTest.title)}`).catch(() => {});
    }
  });

  after(async () => {
    await workbench?.close();
  });

  function decisionsActivity() {
    return page.locator('.part.activitybar .action-item a.action-label[aria-label^="Decisions"]');
  }

  async function openDecisionsView() {
    const sideBar = page.locator('.part.sidebar');
    if (!(await sideBar.locator('.composite.title', { hasText: /^Decisions/i }).isVisible())) {
      // The unowned-count badge sits over the icon; a click there is a click on the icon.
      await decisionsActivity().click({ force: true });
    }
    await sideBar.locator('.composite.title', { hasText: /^Decisions/i }).waitFor({ state: 'visible' });
    return sideBar;
  }

  it('runs "ADR: Refresh Decisions" from the command palette', async () => {
    await runFromCommandPalette(page, 'ADR: Refresh Decisions', {
      beforeEnter: () => workbench.screenshot('01-command-palette'),
    });
  });

  it('shows the Decisions view with a group per owner and their counts', async () => {
    const sideBar = await openDecisionsView();
    for (const [group, decisions] of Object.entries(GROUPS)) {
      // The count may first show the state before the refresh: wait for the right one.
      await waitForTreeRow(sideBar, group, { level: 1, description: new RegExp(`\\b${decisions.length}\\b`) });
    }
  });

  it('lists each decision as "ADR-NNNN Title" under its owner', async () => {
    const sideBar = await openDecisionsView();
    // Expand any group the view shows collapsed, as a person would to see its decisions.
    for (const twistie of await sideBar.locator('.monaco-list-row[aria-level="1"][aria-expanded="false"] .monaco-tl-twistie').all()) {
      await twistie.click();
    }
    for (const decision of Object.values(GROUPS).flat()) await waitForTreeRow(sideBar, decision);
    await workbench.screenshot('02-decisions-view');
    const grouped = groupRows(await treeRows(sideBar));
    for (const [group, decisions] of Object.entries(GROUPS)) {
      for (const decision of decisions) {
        assert.ok(grouped[group]?.includes(decision), `"${decision}" is not under "${group}"; the view shows ${JSON.stringify(grouped)}`);
      }
    }
  });

  it('underlines the missing owner in the unowned decision', async () => {
    await quickOpen(page, UNOWNED_FILE);
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'visible' });
    await workbench.screenshot('03-unowned-decision-squiggle');
  });

  it('lists the missing owner in the Problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'has no owner' }).first();
    await row.waitFor({ state: 'visible' });
    assert.equal((await row.locator('.marker-source').textContent())?.trim(), 'adr-roles');
    assert.equal((await row.locator('.marker-code').textContent())?.trim(), 'missing-owner');
    await workbench.screenshot('04-problems-panel');
  });

  it('fixes the missing owner from the lightbulb menu (Ctrl+.)', async () => {
    await quickOpen(page, UNOWNED_FILE);
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'visible' });
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Period');
    const menu = page.locator('.action-widget');
    const fix = menu.locator('.monaco-list-row', { hasText: 'Set owner: CTO (strategy)' });
    await fix.waitFor({ state: 'visible' }).catch(async () => {
      const offered = await menu.locator('.monaco-list-row').allTextContents();
      throw new Error(`the quick-fix menu does not offer "Set owner: CTO (strategy)"; it offers ${JSON.stringify(offered)}`);
    });
    await menu.locator('.monaco-list-row', { hasText: 'Set owner: Head of Engineering (execution)' }).waitFor({ state: 'visible' });
    await workbench.screenshot('05-quick-fix-menu');
    await fix.click();
    await editor.locator('.view-line', { hasText: /^owner:\s+cto$/ }).waitFor({ state: 'visible' });
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'detached' });
    const sideBar = await openDecisionsView();
    await waitForTreeRow(sideBar, 'CTO (strategy)', { level: 1, description: /\b4\b/ });
    await page.keyboard.press('Control+S');
  });

  it('shows a role added to .adr-roles.yml in the view, without a reload', async () => {
    await quickOpen(page, '.adr-roles.yml');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'kind: execution' }).click();
    await editor.locator('.monaco-editor.focused, .focused').first().waitFor({ state: 'attached' });
    await page.keyboard.press('Control+End');
    // insertText types like a paste: no auto-closed brackets or auto-indent in the way.
    await page.keyboard.insertText('  - { id: hop, label: Head of Product, kind: strategy }\n');
    await page.keyboard.press('Control+S');
    const sideBar = await openDecisionsView();
    await waitForTreeRow(sideBar, 'Head of Product (strategy)', { level: 1, description: /^none$/ });
  });

  it('creates a decision with "ADR: New ADR": title, then owner', async () => {
    await runFromCommandPalette(page, 'ADR: New ADR', { opensPrompt: true });
    const input = page.locator('.quick-input-widget');
    await input.locator('.quick-input-title', { hasText: 'New ADR (1/2)' }).waitFor({ state: 'visible' });
    await page.keyboard.type('Record who owns each decision');
    await page.keyboard.press('Enter');
    await input.locator('.quick-input-title', { hasText: 'New ADR (2/2)' }).waitFor({ state: 'visible' });
    for (const role of ['CTO', 'Head of Engineering', 'Head of Product']) await input.locator('.monaco-list-row', { hasText: role }).first().waitFor({ state: 'visible' });
    await workbench.screenshot('06-new-adr-owner-pick');
    await page.keyboard.type('Head of Eng');
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active[aria-label^="0007-record-who-owns-each-decision.md"]').waitFor({ state: 'visible' });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: /^owner:\s+hoe$/ }).waitFor({ state: 'visible' });
    const sideBar = await openDecisionsView();
    await waitForTreeRow(sideBar, 'ADR-0007 Record who owns each decision');
    await workbench.screenshot('07-new-decision');
  });

  it('overrides a decision from the palette, and one undo restores both files byte for byte', async () => {
    const decisions = join(workbench.workspace, 'docs', 'decisions');
    const oldPath = join(decisions, '0002-run-a-weekly-on-call-rotation.md');
    const before = readFileSync(oldPath);
    await quickOpen(page, '0002-run-a-weekly-on-call-rotation.md');
    await runFromCommandPalette(page, 'ADR: Override Decision…', { opensPrompt: true });
    const input = page.locator('.quick-input-widget');
    // Every step names the decision overridden.
    const step = (n) => input.locator('.quick-input-title', { hasText: `Override ADR-0002 Run a weekly on-call rotation across all product engineers (${n}/5)` });
    await step(1).waitFor({ state: 'visible' });
    await page.keyboard.type('New requirement');
    await page.keyboard.press('Enter');
    await step(2).waitFor({ state: 'visible' });
    await page.keyboard.type('24/7 support promised to enterprise customers');
    await page.keyboard.press('Enter');
    await step(3).waitFor({ state: 'visible' });
    await page.keyboard.type('Staff a follow-the-sun support rotation');
    await page.keyboard.press('Enter');
    // The owner: the overridden decision's own role comes first; then the status, accepted first.
    await step(4).waitFor({ state: 'visible' });
    await input.locator('.monaco-list-row.focused', { hasText: 'Head of Engineering (execution)' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await step(5).waitFor({ state: 'visible' });
    await input.locator('.monaco-list-row.focused', { hasText: 'accepted' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    const newName = '0008-staff-a-follow-the-sun-support-rotation.md';
    await page.locator(`.tabs-container .tab.active[aria-label^="${newName}"]`).waitFor({ state: 'visible' });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    // It opens at its Context section, where the trigger is stated.
    await editor.locator('.view-line', { hasText: /^This\sdecision\soverrides\sADR-0002\s/ }).waitFor({ state: 'visible' });
    assert.match(readFileSync(join(decisions, newName), 'utf8'), /\ntrigger: new-requirement\ntrigger-detail: 24\/7 support promised to enterprise customers\n/);
    assert.match(readFileSync(oldPath, 'utf8'), /\nstatus: overridden\noverridden-by: ADR-0008\n/);
    await workbench.screenshot('08-override-created');

    await page.keyboard.press('Control+Z');
    // One undo takes back the whole override; some VS Code versions first ask to undo across files.
    const newTab = page.locator(`.tabs-container .tab[aria-label^="${newName}"]`);
    const dialog = page.locator('.monaco-dialog-box');
    const asked = await Promise.race([newTab.waitFor({ state: 'detached' }).then(() => false), dialog.waitFor({ state: 'visible' }).then(() => true)]);
    if (asked) {
      await dialog.locator('.monaco-button', { hasText: /undo/i }).first().click();
      await newTab.waitFor({ state: 'detached' });
    }
    await editor.locator('.view-line', { hasText: /^status:\s+accepted$/ }).waitFor({ state: 'visible' });
    await workbench.screenshot('09-override-undone');
    // VS Code saves what the undo restored when the override had saved it; if it left the file
    // unsaved, save it as a person would.
    if ((await page.locator('.tabs-container .tab.dirty').count()) > 0) {
      await page.keyboard.press('Control+K');
      await page.keyboard.press('S');
    }
    await fileContent(oldPath, before.toString('utf8'));
    assert.equal(existsSync(join(decisions, newName)), false, 'the new decision is gone');
    assert.equal(readFileSync(oldPath, 'utf8'), before.toString('utf8'), 'the old decision is back');
    assert.ok(readFileSync(oldPath).equals(before), 'the old decision is back byte for byte');
  });

  it('shows "ADR: Show Decision Graph": decisions by owner, the override with its trigger, the elevation', async () => {
    // The Problems panel from the earlier tests would take half the height the graph is drawn in.
    await runFromCommandPalette(page, 'View: Hide Panel');
    await runFromCommandPalette(page, 'ADR: Show Decision Graph');
    await page.locator('.tabs-container .tab.active[aria-label^="Decision Graph"]').waitFor({ state: 'visible' });
    const graph = visibleWebview(page);
    const node = (id) => graph.locator(`svg.graph .node.decision[data-id="${id}"]`);
    await node('ADR-0005').waitFor({ state: 'visible' });
    for (const [id, owner] of [['ADR-0001', 'strategy'], ['ADR-0002', 'execution'], ['ADR-0004', 'strategy'], ['ADR-0007', 'execution']]) {
      assert.match(await node(id).getAttribute('class'), new RegExp(`\\b${owner}\\b`), `${id} is drawn as ${owner}`);
    }
    assert.match(await node('ADR-0003').getAttribute('class'), /\breplaced\b/, 'the overridden decision is drawn as history');
    await graph.locator('.edge-group.overrides', { hasText: 'overrides · new resource' }).waitFor({ state: 'visible' });
    await graph.locator('.edge-group.elevated', { hasText: 'elevated 2021-05-24' }).waitFor({ state: 'visible' });
    await graph.locator('.node.role', { hasText: 'Head of Engineering' }).waitFor({ state: 'visible' });
    await graph.locator('.legend', { hasText: 'Strategy — CTO, Head of Product' }).waitFor({ state: 'visible' });
  });

  it('opens a decision from its box in the graph, and the graph follows an edit to it live', async () => {
    const graph = visibleWebview(page);
    await graph.locator('svg.graph .node.decision[data-id="ADR-0006"]').click();
    await page.locator(`.tabs-container .tab.active[aria-label^="${UNOWNED_FILE}"]`).waitFor({ state: 'visible' });
    // Take the owner the quick fix gave it away again: the box turns unowned without a reload.
    const editor = page.locator('.editor-instance .monaco-editor', { has: page.locator('.view-line', { hasText: /^owner:\s+cto$/ }) });
    await editor.locator('.view-line', { hasText: /^owner:\s+cto$/ }).click();
    await page.keyboard.press('Control+Shift+K');
    await page.keyboard.press('Control+S');
    await graph.locator('svg.graph .node.decision.unowned[data-id="ADR-0006"]').waitFor({ state: 'visible' });
    // The decision opened beside the graph: closing it closes that group, and the graph has the width again.
    await page.keyboard.press('Control+W');
    await page.locator('.editor-group-container').nth(1).waitFor({ state: 'detached' });
    // A click settles the focus in the graph as a person's would; the workbench would otherwise hand
    // it to the webview a moment later, under the command palette the next test opens.
    await graph.locator('.summary').click();
    await workbench.screenshot('10-decision-graph');
  });

  it('shows "ADR: Ownership Report": owners by status, overrides by trigger, elevations, each decision a link', async () => {
    await runFromCommandPalette(page, 'ADR: Ownership Report');
    await page.locator('.tabs-container .tab.active[aria-label^="Ownership Report"]').waitFor({ state: 'visible' });
    const report = visibleWebview(page);
    await report.locator('h1', { hasText: 'Ownership Report' }).waitFor({ state: 'visible' });
    await report.locator('svg.chart .segment').first().waitFor({ state: 'visible' });
    await report.locator('table.matrix tr', { hasText: 'Head of Engineering' }).waitFor({ state: 'visible' });
    await report.locator('svg.chart .axis-label', { hasText: 'Head of Engineering (execution)' }).waitFor({ state: 'visible' });
    await report.locator('[data-list="unowned"] .decision-link', { hasText: 'ADR-0006 Adopt feature flags for gradual rollouts' }).waitFor({ state: 'visible' });
    await report.locator('[data-list="overrides"] li', { hasText: 'new resource' }).waitFor({ state: 'attached' });
    await report.locator('[data-list="elevated"] li', { hasText: 'elevated from Head of Engineering (execution) on 2021-05-24' }).waitFor({ state: 'attached' });
    await report.locator('.share', { hasText: '1 of 3' }).waitFor({ state: 'attached' });
    await workbench.screenshot('11-ownership-report');
    await report.locator('[data-list="elevated"] .decision-link').first().click();
    await page.locator('.tabs-container .tab.active[aria-label^="0004-move-to-managed-postgres.md"]').waitFor({ state: 'visible' });
  });

  it('opens the "Get started with adr-roles" walkthrough from "Welcome: Open Walkthrough..."', async () => {
    // Alone in the editor area, the walkthrough has the width to show each step's markdown beside it.
    // Its palette entry's label carries the keybinding, so it is picked here rather than by exact label.
    await page.keyboard.press('F1');
    await page.keyboard.type('View: Close All Editors');
    await page.locator('.quick-input-widget .monaco-list-row.focused[aria-label^="View: Close All Editors,"]').waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    await runFromCommandPalette(page, 'Welcome: Open Walkthrough...', { opensPrompt: true });
    const picker = page.locator('.quick-input-widget');
    const entry = picker.locator('.monaco-list-row', { hasText: 'Get started with adr-roles' });
    await entry.waitFor({ state: 'visible' });
    await entry.click();
    await picker.waitFor({ state: 'hidden' });
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.locator('.getting-started-category .category-title', { hasText: 'Get started with adr-roles' }).first().waitFor({ state: 'visible' });
    for (const step of ['Create your first decision', 'Set owners', 'See the decisions by role', 'Override a decision']) {
      await walkthrough.locator('.getting-started-step .step-title', { hasText: step }).waitFor({ state: 'visible' });
    }
    // The first step is open, with its button and its markdown beside it.
    await walkthrough.locator('.getting-started-step.expanded').getByRole('button', { name: 'New ADR' }).waitFor({ state: 'visible' });
    await visibleWebview(page).locator('h1', { hasText: 'Create your first decision' }).waitFor({ state: 'visible' });
    await visibleWebview(page).locator('code', { hasText: 'npx adr-roles new' }).waitFor({ state: 'visible' });
    await workbench.screenshot('12-walkthrough');
  });

  it('lists a decision past its review date first, under "Due for review" with its due date, and counts it on the badge', async () => {
    const sideBar = await openDecisionsView();
    const badge = page.locator('.part.activitybar .action-item').filter({ has: page.locator('a.action-label[aria-label^="Decisions"]') }).locator('.badge-content');
    const shown = async () => Number((await badge.count()) > 0 && (await badge.first().isVisible()) ? await badge.first().textContent() : 0);
    // No badge is a count of none.
    const badgeShows = (count) => (count === 0 ? badge.first().waitFor({ state: 'hidden' }) : badge.first().filter({ hasText: new RegExp(`^${count}$`) }).waitFor({ state: 'visible' }));
    const before = await shown();
    // Two months ago, as the extension counts today: the machine's local date.
    const due = new Date();
    due.setMonth(due.getMonth() - 2);
    const dueDate = `${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, '0')}-${String(due.getDate()).padStart(2, '0')}`;
    const file = join(workbench.workspace, 'docs', 'decisions', '0090-renew-the-cdn-contract.md');
    writeFileSync(file, `---\nstatus: accepted\nowner: cto\nreview-by: ${dueDate}\n---\n# Renew the CDN contract\n`);
    try {
      await waitForTreeRow(sideBar, 'Due for review', { level: 1, description: /^1$/ });
      await waitForTreeRow(sideBar, 'ADR-0090 Renew the CDN contract', { level: 2, description: new RegExp(`^due ${dueDate} · CTO \\(strategy\\) · accepted`) });
      const rows = await treeRows(sideBar);
      assert.equal(rows[0]?.label, 'Due for review', `the first row; the tree shows ${JSON.stringify(rows.map((r) => r.label))}`);
      assert.ok(groupRows(rows)['CTO (strategy)']?.includes('ADR-0090 Renew the CDN contract'), 'still under its owner');
      await badgeShows(before + 1);
      await workbench.screenshot('19-due-for-review');
    } finally {
      rmSync(file, { force: true });
    }
    await sideBar.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Due for review' }).waitFor({ state: 'detached' });
    await badgeShows(before);
  });

  it('filters the graph of a 77-decision log by text, owner and relation, and zooms it to fit', async () => {
    // Seventy more decisions in the demo's folder: topics, owners and supersession chains of a real log.
    const folder = join(workbench.workspace, 'docs', 'decisions');
    const topics = ['billing', 'search', 'identity', 'payments', 'notifications'];
    const owners = ['cto', 'hoe', null];
    const added = [];
    for (let n = 8; n <= 77; n++) {
      const topic = topics[n % topics.length];
      // Chains of three: ADR-0021 superseded by ADR-0022, superseded by ADR-0023, and so on every seven.
      const replaces = [1, 2].includes(n % 7) && n > 8 ? n - 1 : null;
      const replaced = [1, 2].includes((n + 1) % 7) && n + 1 > 8 && n + 1 <= 77;
      const fields = [
        `status: ${replaced ? 'superseded' : n % 3 === 0 ? 'proposed' : 'accepted'}`,
        `date: 2022-${String((n % 12) + 1).padStart(2, '0')}-01`,
        owners[n % owners.length] ? `owner: ${owners[n % owners.length]}` : '',
        replaces ? `supersedes: ADR-${String(replaces).padStart(4, '0')}` : '',
        replaced ? `superseded-by: ADR-${String(n + 1).padStart(4, '0')}` : '',
      ].filter(Boolean);
      const file = join(folder, `${String(n).padStart(4, '0')}-${topic}-decision-${n}.md`);
      writeFileSync(file, `---\n${fields.join('\n')}\n---\n# ${topic[0].toUpperCase()}${topic.slice(1)} decision ${n}\n`);
      added.push({ n, topic, file });
    }
    try {
      await page.keyboard.press('F1');
      await page.keyboard.type('View: Close All Editors');
      await page.locator('.quick-input-widget .monaco-list-row.focused[aria-label^="View: Close All Editors,"]').waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      await runFromCommandPalette(page, 'ADR: Show Decision Graph');
      await page.locator('.tabs-container .tab.active[aria-label^="Decision Graph"]').waitFor({ state: 'visible' });
      const graph = visibleWebview(page);
      const count = graph.locator('.graph-count');
      await count.filter({ hasText: /^77 decisions$/ }).waitFor({ state: 'visible' });
      // Many unowned decisions at once: one notification offers Add Owners, rather than only a wall of warnings.
      const offer = page.locator('.notification-toast', { hasText: 'decisions have no owner' });
      await offer.waitFor({ state: 'visible' });
      await offer.getByRole('button', { name: 'Not now' }).click();
      await offer.waitFor({ state: 'hidden' });
      await workbench.screenshot('13-graph-77-decisions');

      await graph.locator('input[data-tool="text"]').fill('billing');
      const billing = added.filter((d) => d.topic === 'billing').length;
      await count.filter({ hasText: new RegExp(`^${billing} of 77 decisions$`) }).waitFor({ state: 'visible' });
      assert.equal(await graph.locator('svg.graph .node.decision').count(), billing);
      for (const title of await graph.locator('svg.graph .node.decision .title').allTextContents()) assert.match(title, /billing/i);
      await workbench.screenshot('14-graph-filtered-billing');

      await graph.locator('select[data-tool="owner"]').selectOption({ label: 'CTO' });
      const ctoBilling = added.filter((d) => d.topic === 'billing' && owners[d.n % owners.length] === 'cto').length;
      await count.filter({ hasText: new RegExp(`^${ctoBilling} of 77 decisions$`) }).waitFor({ state: 'visible' });
      await workbench.screenshot('15-graph-filtered-billing-cto');

      await graph.getByRole('button', { name: 'Show all' }).click();
      await count.filter({ hasText: /^77 decisions$/ }).waitFor({ state: 'visible' });
      // ADR-0022 supersedes ADR-0021 and is superseded by ADR-0023: related to it, the three of them.
      await graph.locator('select[data-tool="related"]').selectOption({ label: 'ADR-0022 Identity decision 22' });
      await count.filter({ hasText: /^3 of 77 decisions$/ }).waitFor({ state: 'visible' });
      assert.deepEqual((await graph.locator('svg.graph .node.decision').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')))).sort(), ['ADR-0021', 'ADR-0022', 'ADR-0023']);
      await workbench.screenshot('16-graph-related-to-adr-0022');

      await graph.getByRole('button', { name: 'Show all' }).click();
      await count.filter({ hasText: /^77 decisions$/ }).waitFor({ state: 'visible' });
      const svg = graph.locator('svg.graph').first();
      const before = Number(await svg.getAttribute('width'));
      await graph.locator('button[data-tool="zoom-out"]').click();
      assert.ok(Number(await svg.getAttribute('width')) < before, 'zoomed out');
      await graph.locator('button[data-tool="fit"]').click();
      const fitted = Number(await svg.getAttribute('width'));
      const room = await graph.locator('body').evaluate(() => document.documentElement.clientWidth);
      assert.ok(fitted <= room, `fitted width ${fitted} within the panel's ${room}`);
      await workbench.screenshot('17-graph-77-fitted');

      // The report of the same log in an editor about 1,000 px wide: no table or chart scrolls sideways.
      await runFromCommandPalette(page, 'ADR: Ownership Report');
      const report = visibleWebview(page);
      await report.locator('h1', { hasText: 'Ownership Report' }).waitFor({ state: 'visible' });
      await report.locator('table.matrix tr', { hasText: 'Head of Engineering' }).waitFor({ state: 'visible' });
      const width = await report.locator('body').evaluate(() => document.documentElement.clientWidth);
      assert.ok(width <= 1100, `the report is ${width} px wide`);
      const overflowing = await report.locator('.matrix-box, .chart-box').evaluateAll((boxes) => boxes.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => `${b.className}: ${b.scrollWidth} > ${b.clientWidth}`));
      assert.deepEqual(overflowing, []);
      await workbench.screenshot('18-report-77-decisions');
    } finally {
      for (const { file } of added) rmSync(file, { force: true });
    }
  });

  it('raised no error notifications', async () => {
    assert.deepEqual(await errorNotifications(page), []);
  });
});

/** Decision rows by the group row above them. */
function groupRows(rows) {
  const grouped = {};
  let group = null;
  for (const row of rows) {
    if (row.level === 1) grouped[(group = row.label)] = [];
    else if (group) grouped[group].push(row.label);
  }
  return grouped;
}

function slug(title) {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Resolves when the file on disk reads `expected`, watching it rather than polling; rejects after a minute. */
function fileContent(path, expected) {
  const matches = () => existsSync(path) && readFileSync(path, 'utf8') === expected;
  if (matches()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const watcher = watch(path, () => {
      if (!matches()) return;
      clearTimeout(deadline);
      watcher.close();
      resolve();
    });
    const deadline = setTimeout(() => {
      watcher.close();
      reject(new Error(`${path} never read as expected; it reads:\n${readFileSync(path, 'utf8').slice(0, 200)}`));
    }, 60_000);
  });
}
