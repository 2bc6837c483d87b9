// Reading and driving the workbench the way a person does: keys, clicks and what is on screen.
// Every wait is for an element; none is for a fixed time.

/**
 * Runs a command through the palette: F1, type its title, check it is the highlighted entry, Enter.
 * With `opensPrompt`, the command asks something next in the same widget, so it stays open.
 */
export async function runFromCommandPalette(page, title, { beforeEnter, opensPrompt = false } = {}) {
  await page.keyboard.press('F1');
  const palette = page.locator('.quick-input-widget');
  await palette.waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  // A command run before is labelled as recently used.
  const labels = [title, `${title}, recently used`];
  const entry = palette.locator(labels.map((label) => `.monaco-list-row[aria-label="${label}"]`).join(', ')).first();
  await entry.waitFor({ state: 'visible' }).catch(async () => {
    const offered = await palette.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => r.ariaLabel));
    throw new Error(`the command palette does not offer "${title}"; it offers ${JSON.stringify(offered)}`);
  });
  const focused = await palette.locator('.monaco-list-row.focused').getAttribute('aria-label');
  if (!labels.includes(focused)) throw new Error(`typing "${title}" highlights "${focused}" first, so Enter would run that`);
  await beforeEnter?.();
  await page.keyboard.press('Enter');
  if (!opensPrompt) await palette.waitFor({ state: 'hidden' });
}

/** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor tab. */
export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  const picker = page.locator('.quick-input-widget');
  await picker.waitFor({ state: 'visible' });
  await page.keyboard.type(fileName);
  await picker.locator('.monaco-list-row', { hasText: fileName }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${fileName}"]`).waitFor({ state: 'visible' });
}

/**
 * Waits for a tree row with exactly this label (and, if given, a description matching), and
 * explains what the tree shows instead when it does not come.
 */
export async function waitForTreeRow(tree, label, { level, description } = {}) {
  let row = tree.locator(level ? `.monaco-list-row[aria-level="${level}"]` : '.monaco-list-row');
  row = row.filter({ has: tree.page().locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) });
  if (description) row = row.filter({ has: tree.page().locator('.label-description', { hasText: description }) });
  try {
    await row.first().waitFor({ state: 'visible' });
  } catch (error) {
    const shown = (await treeRows(tree)).map((r) => `${'  '.repeat(r.level - 1)}${r.label} [${r.description}]`);
    const wanted = description ? `"${label}" with description ${description}` : `"${label}"`;
    throw new Error(`no tree row ${wanted}; the tree shows:\n${shown.join('\n')}\n(${error.message.split('\n')[0]})`);
  }
  return row.first();
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Rows of the tree in the visible side bar: label, description, depth, expansion. */
export function treeRows(sideBar) {
  return sideBar.locator('.monaco-list-row[role="treeitem"]').evaluateAll((rows) =>
    rows.map((row) => ({
      level: Number(row.getAttribute('aria-level')),
      expanded: row.getAttribute('aria-expanded'),
      label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
    })),
  );
}

/**
 * Records every error notification the workbench shows, from page load on, so a test can ask
 * later even if the toast has since been hidden.
 */
export async function recordErrorNotifications(page) {
  await page.addInitScript(() => {
    const seen = [];
    Object.defineProperty(window, '__errorNotifications', { value: seen });
    new MutationObserver(() => {
      for (const item of document.querySelectorAll('.notification-list-item')) {
        if (!item.querySelector('.codicon-error')) continue;
        const text = item.querySelector('.notification-list-item-message')?.textContent?.trim() ?? '';
        if (text && !seen.includes(text)) seen.push(text);
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

export function errorNotifications(page) {
  return page.evaluate(() => [...(window.__errorNotifications ?? [])]);
}

/**
 * The document inside the visible webview panel. VS Code nests it twice: the workbench's
 * `iframe.webview` hosts an `iframe#active-frame` that holds the extension's page.
 */
export function visibleWebview(page) {
  return page.locator('iframe.webview').filter({ visible: true }).contentFrame().locator('iframe#active-frame').contentFrame();
}
