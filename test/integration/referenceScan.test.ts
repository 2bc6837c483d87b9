// The workspace reference scan behind CodeLens counts and Find All References: it searches what
// VS Code's own search would (files.exclude, search.exclude, .gitignore), never dependencies,
// generated or minified files, files over the size limit or behind a link, and at most a capped
// number of files. Each open document is scanned once per version, however often it is asked.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { AdrRolesApi } from '../../src/vscode/api';
import { adrRolesExtension, indexState, indexedApi, folderChange, removeAddedFolder } from './helpers';

const DECISION = 'docs/decisions/0001-use-kafka.md';
const MENTION = '// Events go through Kafka, see ADR-0001.\n';

/** Every file of the scanned folder, and whether its mention of ADR-0001 should be found. */
const FILES: Record<string, { text: string; found: boolean }> = {
  [DECISION]: { text: '---\nowner: cto\nstatus: accepted\n---\n# 1. Use Kafka\n', found: false },
  'README.md': { text: 'Decisions: ADR-0001.\n', found: true },
  'src/a.ts': { text: MENTION, found: true },
  'lib/keep.ts': { text: MENTION, found: true },
  'lib/drop.ts': { text: MENTION, found: false },
  'node_modules/x/b.js': { text: MENTION, found: false },
  '.venv/lib/m.py': { text: '# ADR-0001\n', found: false },
  'generated/c.ts': { text: MENTION, found: false },
  'searchExcluded/d.ts': { text: MENTION, found: false },
  'ignored/e.ts': { text: MENTION, found: false },
  'src/f.gen.ts': { text: MENTION, found: false },
  'src/bundle.js': { text: `${'var a=1;'.repeat(1_200)}/* ADR-0001 */\n`, found: false },
  'src/huge.ts': { text: `${MENTION}${'// filler line of a large file\n'.repeat(20_000)}`, found: false },
  '.vscode/settings.json': { text: JSON.stringify({ 'files.exclude': { '**/generated': true }, 'search.exclude': { '**/searchExcluded': true } }), found: false },
  '.gitignore': { text: 'ignored/\n*.gen.ts\n', found: false },
  // A negation: left to the extension's own matcher rather than the search's globs.
  'lib/.gitignore': { text: '*.ts\n!keep.ts\n', found: false },
};

function record(line: string): void {
  const folder = join(adrRolesExtension().extensionPath, 'test-output');
  mkdirSync(folder, { recursive: true });
  appendFileSync(join(folder, 'integration-measurements.txt'), `${new Date().toISOString()} ${line}\n`);
}

function settingChange(section: string): Promise<void> {
  return new Promise((resolve) => {
    const subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(section)) return;
      subscription.dispose();
      resolve();
    });
  });
}

async function referencesTo(uri: vscode.Uri): Promise<vscode.Location[]> {
  return vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, new vscode.Position(0, 0));
}

async function referenceLensTitle(uri: vscode.Uri): Promise<string> {
  await vscode.workspace.openTextDocument(uri);
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
  const titles = lenses.map((l) => l.command?.title ?? '');
  const title = titles.find((t) => /^\d+ references?\b/.test(t));
  assert.ok(title, JSON.stringify(titles));
  return title;
}

describe('the workspace reference scan', function () {
  this.timeout(180_000);
  let api: AdrRolesApi;
  let root: string;
  let outside: string;
  let decision: vscode.Uri;
  let count: number;
  const fileIn = (relative: string) => vscode.Uri.file(join(root, relative));
  const relativeFiles = (locations: vscode.Location[]) => [...new Set(locations.map((l) => l.uri.path.slice(vscode.Uri.file(root).path.length + 1)))].sort();

  before(async () => {
    api = await indexedApi();
    root = mkdtempSync(join(tmpdir(), 'adr-roles-scan-'));
    outside = mkdtempSync(join(tmpdir(), 'adr-roles-outside-'));
    for (const [path, { text }] of Object.entries(FILES)) {
      mkdirSync(join(root, dirname(path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    execFileSync('git', ['init', '-q'], { cwd: root });
    writeFileSync(join(outside, 'x.ts'), MENTION);
    symlinkSync(outside, join(root, 'linked'));
    decision = fileIn(DECISION);
    count = vscode.workspace.workspaceFolders?.length ?? 0;
    const added = folderChange();
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: vscode.Uri.file(root) }), 'the folder could not be added');
    await added;
    await indexState(api, () => api.decisions().some((d) => d.file === decision.path), () => `${DECISION} is not indexed`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeAddedFolder(count);
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('finds the mentions in real files only: not in node_modules, files.exclude, search.exclude, .gitignore, minified, oversized or linked files', async () => {
    const started = Date.now();
    const locations = await referencesTo(decision);
    record(`reference scan of the demo and a folder of every excluded kind: first query ${Date.now() - started} ms`);
    const expected = Object.entries(FILES).filter(([, f]) => f.found).map(([path]) => path).sort();
    assert.deepEqual(relativeFiles(locations), expected);
    const stats = api.referenceScan();
    assert.ok(stats.skipped.generated >= 1, `the minified file was searched: ${JSON.stringify(stats)}`);
    assert.ok(stats.skipped.tooLarge >= 1, `the large file was read: ${JSON.stringify(stats)}`);
    assert.equal(stats.limitedBy, null);
    assert.equal(await referenceLensTitle(decision), `${expected.length} references`);
  });

  it('caps how many files it searches, docs first, and says so in the count', async () => {
    const settings = vscode.workspace.getConfiguration('adrRoles');
    const changed = settingChange('adrRoles.references.maxFiles');
    await settings.update('references.maxFiles', 2, vscode.ConfigurationTarget.Global);
    try {
      await changed;
      const locations = await referencesTo(decision);
      const stats = api.referenceScan();
      assert.equal(stats.limitedBy, 'files');
      assert.equal(stats.maxFiles, 2);
      assert.ok(stats.searched + stats.skipped.tooLarge + stats.skipped.generated + stats.skipped.linked <= 2, JSON.stringify(stats));
      assert.ok(stats.listed > 2, JSON.stringify(stats));
      // The two shallowest docs of the two folders are the READMEs; only this folder's mentions ADR-0001 here.
      assert.deepEqual(relativeFiles(locations), ['README.md']);
      assert.equal(await referenceLensTitle(decision), '1 reference in the first 2 files');
    } finally {
      const restored = settingChange('adrRoles.references.maxFiles');
      await settings.update('references.maxFiles', undefined, vscode.ConfigurationTarget.Global);
      await restored;
    }
    assert.equal((await referencesTo(decision)).length, 3);
    assert.equal(api.referenceScan().limitedBy, null);
  });

  it('scans an open document once per version, however many hovers, links and queries ask', async () => {
    const code = fileIn('src/a.ts');
    const document = await vscode.workspace.openTextDocument(code);
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf('ADR-0001') + 2);
    const ask = async () => {
      await vscode.commands.executeCommand('vscode.executeHoverProvider', code, position);
      await vscode.commands.executeCommand('vscode.executeDefinitionProvider', code, position);
      await vscode.commands.executeCommand('vscode.executeLinkProvider', code);
      await referencesTo(code);
    };
    await ask();
    const before = api.referenceScan();
    await ask();
    await ask();
    assert.equal(api.referenceScan().documentScans, before.documentScans, 'the same version was scanned again');
    assert.equal(api.referenceScan().fileScans, before.fileScans, 'an unchanged file was read again');

    const edit = new vscode.WorkspaceEdit();
    edit.insert(code, new vscode.Position(0, 0), '// ADR-0001 again\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await ask();
    await ask();
    assert.equal(api.referenceScan().documentScans, before.documentScans + 1, 'the edited version was not scanned exactly once');
    assert.equal(relativeFiles(await referencesTo(decision)).length, 3);
    assert.equal((await referencesTo(decision)).filter((l) => l.uri.path === code.path).length, 2, 'the unsaved mention is not counted');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('leaves out a large folder named in .gitignore', async () => {
    appendFileSync(join(root, '.gitignore'), 'cache/\n');
    const cache = join(root, 'cache');
    for (let d = 0; d < 50; d++) {
      mkdirSync(join(cache, `p${d}`), { recursive: true });
      for (let f = 0; f < 100; f++) writeFileSync(join(cache, `p${d}`, `m${f}.py`), '# ADR-0001\n');
    }
    // Refresh Decisions reads everything again, the reference scan included.
    await vscode.commands.executeCommand('adrRoles.refresh');
    await api.whenIndexed();
    const started = Date.now();
    const locations = await referencesTo(decision);
    const stats = api.referenceScan();
    record(`reference scan with 5,000 files in a .gitignore'd folder: ${Date.now() - started} ms, ${stats.listed} files listed, ${stats.fileScans} read since activation`);
    assert.ok(stats.listed < 1_000, JSON.stringify(stats));
    assert.deepEqual(relativeFiles(locations), Object.entries(FILES).filter(([, f]) => f.found).map(([path]) => path).sort());
  });
});
