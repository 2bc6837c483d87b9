// The branch checks in the editor: a real git repository, added as a workspace folder, read by the
// built-in Git extension and compared with its base by the same core rules as `lint --base`.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AdrRolesApi } from '../../src/vscode/api';
import { codeOf, diagnosticGone, diagnosticOn, DIAGNOSTIC_SOURCE, eventState, indexedApi, indexState, readText, workspaceFile, writeText, folderChange, removeAddedFolder } from './helpers';
import { CONFIRM_RENUMBER, withPrompts } from './prompts';

const FOLDER = 'docs/decisions';

function decision(fields: Record<string, string>, title: string, decided: string): string {
  const front = Object.entries(fields).map(([k, v]) => `${k}: ${v}\n`).join('');
  return `---\n${front}---\n# ${title}\n\n## Context and Problem Statement\n\nWe need events.\n\n## Decision Outcome\n\n${decided}\n\n## Consequences\n\nSome.\n`;
}

/** git with a fixed identity and no user or system configuration, as a person's repository would be made. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

/** Resolves once `holds()` is true: at once, or after a comparison of the branch completes. */
function branchState(api: AdrRolesApi, holds: () => boolean, describe: () => string, deadlineMs = 30_000): Promise<void> {
  return eventState(api.onDidCheckBranch, holds, describe, deadlineMs);
}

/**
 * The quick fixes at a range, asked again while the one titled `title` is missing: the workbench
 * cancels a request when the document it just opened settles, as Ctrl+. would be pressed again.
 * Each attempt waits for the workbench's answer, so this follows the editor rather than a clock.
 */
async function quickFixes(uri: vscode.Uri, range: vscode.Range, title: string, attempts = 50): Promise<vscode.CodeAction[]> {
  let actions: vscode.CodeAction[] = [];
  for (let i = 0; i < attempts && !actions.some((a) => a.title === title); i++) {
    try {
      actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'Canceled') throw error;
    }
  }
  return actions;
}

const isCode = (code: string) => (d: vscode.Diagnostic) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === code;

describe('branch checks in the editor', () => {
  let api: AdrRolesApi;
  let root: string;
  let count: number;
  const fileIn = (path: string): vscode.Uri => vscode.Uri.file(join(root, path));
  const marks = (): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const name of ['0001-use-segment.md', '0002-ship-weekly.md', '0031-feature-flags.md']) {
      const mark = api.branchMark(fileIn(`${FOLDER}/${name}`).toString());
      if (mark) found[name] = `${mark.badge} ${mark.tooltip}`;
    }
    return found;
  };

  before(async function () {
    this.timeout(120_000);
    api = await indexedApi();
    root = realpathSync(mkdtempSync(join(tmpdir(), 'adr-roles-branch-')));
    git(root, 'init', '-q');
    mkdirSync(join(root, FOLDER), { recursive: true });
    const write = (name: string, text: string): void => writeFileSync(join(root, FOLDER, name), text);
    write('README.md', '# Decisions\n\nThe log.\n');
    write('0001-use-segment.md', decision({ status: 'accepted', date: '2024-01-02', owner: 'cto' }, 'Use Segment for events', 'Chosen option: Segment, because it is bought.'));
    write('0002-ship-weekly.md', decision({ status: 'accepted', date: '2024-01-03', owner: 'hoe' }, 'Ship weekly', 'Chosen option: weekly releases.'));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'decisions');
    git(root, 'tag', 'started');
    git(root, 'checkout', '-q', '-b', 'feature');
    write('0001-use-segment.md', decision({ status: 'accepted', date: '2024-01-02', owner: 'cto' }, 'Use Segment for events', 'Chosen option: RudderStack, because it is cheaper.'));
    write('0031-feature-flags.md', decision({ status: 'proposed', owner: 'hoe' }, 'Feature flags', 'Use flags.'));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'branch work');
    // Meanwhile main takes 0031 and 0032: the next number free on both is 33, not the folder's 32.
    git(root, 'checkout', '-q', 'main');
    write('0031-data-retention.md', decision({ status: 'accepted', owner: 'cto' }, 'Data retention', 'Keep a year.'));
    write('0032-backups.md', decision({ status: 'accepted', owner: 'hoe' }, 'Backups', 'Nightly.'));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'meanwhile on main');
    git(root, 'checkout', '-q', 'feature');
    // The base comes from the branch's upstream (a local one) until the setting names another.
    git(root, 'branch', '-q', '--set-upstream-to=main', 'feature');
    count = vscode.workspace.workspaceFolders?.length ?? 0;
    const added = folderChange();
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: vscode.Uri.file(root) }), 'the folder could not be added');
    await added;
    await indexState(api, () => api.decisions().some((d) => d.file === fileIn(`${FOLDER}/0031-feature-flags.md`).path), () => '0031-feature-flags.md is not indexed');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('adrRoles', vscode.Uri.file(root)).update('review.base', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await removeAddedFolder(count);
    rmSync(root, { recursive: true, force: true });
  });

  it('runs where the built-in Git extension is: it is installed and active', () => {
    const extension = vscode.extensions.getExtension('vscode.git');
    assert.ok(extension, 'vscode.git is not installed in this VS Code');
    assert.equal(extension.isActive, true);
  });

  it('shows number-taken-on-base on a decision whose number the upstream took, with Renumber to the number free on both', async () => {
    const uri = fileIn(`${FOLDER}/0031-feature-flags.md`);
    const taken = await diagnosticOn(uri, isCode('number-taken-on-base'), 'number-taken-on-base');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.equal(taken.severity, vscode.DiagnosticSeverity.Error);
    assert.match(taken.message, /^ADR-0031 is taken on main by 0031-data-retention\.md, added there since this branch started: renumber this decision to 33$/);
    assert.equal(taken.range.start.line, 4, 'at the title');
    const actions = await quickFixes(uri, taken.range, 'Renumber ADR-0031 to ADR-0033…');
    const renumber = actions.find((a) => a.title === 'Renumber ADR-0031 to ADR-0033…');
    assert.ok(renumber, `no Renumber fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(renumber.isPreferred, true);
    assert.equal(renumber.command?.command, 'adrRoles.renumber');
    assert.deepEqual(renumber.command.arguments?.[1], { to: 33 });
  });

  it('warns on an accepted decision whose outcome the branch rewrote', async () => {
    const rewritten = await diagnosticOn(fileIn(`${FOLDER}/0001-use-segment.md`), isCode('accepted-decision-rewritten'), 'accepted-decision-rewritten');
    assert.equal(rewritten.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(rewritten.message, /^ADR-0001 \(Use Segment for events\) was accepted on main, and this branch changes its decision: override or supersede it/);
    assert.deepEqual(vscode.languages.getDiagnostics(fileIn(`${FOLDER}/0002-ship-weekly.md`)).filter((d) => codeOf(d) === 'accepted-decision-rewritten'), []);
  });

  it('marks the decisions the branch added and changed, and not the one it left alone', async () => {
    const expected = { '0001-use-segment.md': '~ Changed on this branch (against main)', '0031-feature-flags.md': '+ Added on this branch (against main)' };
    await branchState(api, () => JSON.stringify(marks()) === JSON.stringify(expected), () => JSON.stringify(marks()));
  });

  it('re-runs as a decision is typed: rewriting an accepted outcome in the editor, unsaved, warns at once', async () => {
    const uri = fileIn(`${FOLDER}/0002-ship-weekly.md`);
    // Unsaved means no auto save: VS Code for the Web (code-server) saves a second after typing by
    // default, and the revert below would then read the typed text back from disk.
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      await typedAndReverted(uri);
    } finally {
      await files.update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  async function typedAndReverted(uri: vscode.Uri): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const at = document.getText().indexOf('weekly releases');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'weekly releases'.length)), 'daily releases');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(document.isDirty, true);
    await diagnosticOn(uri, isCode('accepted-decision-rewritten'), 'accepted-decision-rewritten after typing');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty), false, 'the edit was not reverted');
    await diagnosticGone(uri, isCode('accepted-decision-rewritten'), 'accepted-decision-rewritten after the revert');
  }

  it('shows a deleted decision on its folder’s README', async () => {
    const readme = fileIn(`${FOLDER}/README.md`);
    // An open document stays in the index as typed: the file is deleted with no editor on it.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const gone = fileIn(`${FOLDER}/0002-ship-weekly.md`).path;
    unlinkSync(join(root, FOLDER, '0002-ship-weekly.md'));
    try {
      await indexState(api, () => !api.decisions().some((d) => d.file === gone), () => '0002-ship-weekly.md is still indexed');
      const deleted = await diagnosticOn(readme, isCode('decision-deleted'), 'decision-deleted on the README').catch((e: Error) => {
        throw new Error(`${e.message} ${api.branchCheckOutput().join('\n')}`);
      });
      assert.match(deleted.message, /^ADR-0002 \(Ship weekly\) exists on main and this branch deletes it/);
    } finally {
      git(root, 'checkout', '-q', '--', `${FOLDER}/0002-ship-weekly.md`);
    }
    await diagnosticGone(readme, isCode('decision-deleted'), 'decision-deleted once the file is back');
  });

  it('compares with adrRoles.review.base once it is set, and again with the upstream once it is cleared', async () => {
    const taken = fileIn(`${FOLDER}/0031-feature-flags.md`);
    const settings = vscode.workspace.getConfiguration('adrRoles', vscode.Uri.file(root));
    // At the tag the branch started from, nobody took 0031 yet; the rewrite of 0001 is still one.
    await settings.update('review.base', 'started', vscode.ConfigurationTarget.WorkspaceFolder);
    await diagnosticGone(taken, isCode('number-taken-on-base'), 'number-taken-on-base against the tag');
    const rewritten = await diagnosticOn(fileIn(`${FOLDER}/0001-use-segment.md`), isCode('accepted-decision-rewritten'), 'accepted-decision-rewritten against the tag');
    assert.match(rewritten.message, /was accepted on started,/, `${api.branchCheckOutput().join('\n')}; the setting reads ${String(settings.get('review.base'))}, ${String(vscode.workspace.getConfiguration('adrRoles', vscode.Uri.file(root)).get('review.base'))}`);
    await branchState(api, () => marks()['0031-feature-flags.md'] === '+ Added on this branch (against started)', () => JSON.stringify(marks()));
    await settings.update('review.base', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await diagnosticOn(taken, isCode('number-taken-on-base'), 'number-taken-on-base against the upstream again');
  });

  it('a base git does not know clears the branch problems and marks, and shows no notification', async () => {
    const settings = vscode.workspace.getConfiguration('adrRoles', vscode.Uri.file(root));
    await withPrompts([], [], async (ui) => {
      await settings.update('review.base', 'no-such-branch', vscode.ConfigurationTarget.WorkspaceFolder);
      await diagnosticGone(fileIn(`${FOLDER}/0031-feature-flags.md`), isCode('number-taken-on-base'), 'number-taken-on-base against an unknown base');
      await branchState(api, () => Object.keys(marks()).length === 0, () => JSON.stringify(marks()));
      assert.deepEqual(ui.calls, [], 'a notification was shown');
      const said = api.branchCheckOutput().filter((line) => line.includes('no-such-branch') && line.includes(root));
      assert.deepEqual(said, [`Branch checks in ${root} stopped: unknown base 'no-such-branch': git knows no branch, tag or commit of that name (fetch it first, e.g. git fetch origin no-such-branch)`], 'said once, in the output channel');
      await settings.update('review.base', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await diagnosticOn(fileIn(`${FOLDER}/0031-feature-flags.md`), isCode('number-taken-on-base'), 'number-taken-on-base against the upstream again');
    });
  });

  it('follows the repository: when the branch tracks another upstream, it compares with that one', async () => {
    const taken = fileIn(`${FOLDER}/0031-feature-flags.md`);
    await diagnosticOn(taken, isCode('number-taken-on-base'), 'number-taken-on-base against main');
    // old-main stops where the branch started: it never took 0031.
    git(root, 'branch', '-q', 'old-main', 'started');
    git(root, 'branch', '-q', '--set-upstream-to=old-main', 'feature');
    await diagnosticGone(taken, isCode('number-taken-on-base'), 'number-taken-on-base against old-main');
    await branchState(api, () => marks()['0031-feature-flags.md'] === '+ Added on this branch (against old-main)', () => JSON.stringify(marks()));
    git(root, 'branch', '-q', '--set-upstream-to=main', 'feature');
    await diagnosticOn(taken, isCode('number-taken-on-base'), 'number-taken-on-base against main again');
  });

  it('with no setting and no upstream there are no branch checks, and the output channel says so once', async () => {
    const taken = fileIn(`${FOLDER}/0031-feature-flags.md`);
    await diagnosticOn(taken, isCode('number-taken-on-base'), 'number-taken-on-base against main');
    await withPrompts([], [], async (ui) => {
      git(root, 'branch', '-q', '--unset-upstream', 'feature');
      await diagnosticGone(taken, isCode('number-taken-on-base'), 'number-taken-on-base without a base');
      await branchState(api, () => Object.keys(marks()).length === 0, () => JSON.stringify(marks()));
      assert.deepEqual(api.branchCheckOutput().filter((line) => line.includes('no base to compare with') && line.includes(root)), [
        `Branch checks in ${root}: no base to compare with. Set adrRoles.review.base (e.g. origin/main), or give the current branch an upstream.`,
      ]);
      assert.deepEqual(ui.calls, [], 'a notification was shown');
    });
    git(root, 'branch', '-q', '--set-upstream-to=main', 'feature');
    await diagnosticOn(taken, isCode('number-taken-on-base'), 'number-taken-on-base with the upstream back');
  });

  it('with adrRoles.problems.scope openFiles, branch problems show on open files only, and on a file once it opens', async () => {
    const uri = fileIn(`${FOLDER}/0001-use-segment.md`);
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), false, 'the test needs 0001-use-segment.md never opened');
    await diagnosticOn(uri, isCode('accepted-decision-rewritten'), 'accepted-decision-rewritten with the workspace scope');
    const settings = vscode.workspace.getConfiguration('adrRoles');
    await settings.update('problems.scope', 'openFiles', vscode.ConfigurationTarget.Global);
    try {
      await diagnosticGone(uri, isCode('accepted-decision-rewritten'), 'accepted-decision-rewritten on a closed file with the openFiles scope');
      await vscode.workspace.openTextDocument(uri);
      await diagnosticOn(uri, isCode('accepted-decision-rewritten'), 'accepted-decision-rewritten once the file is open');
    } finally {
      await settings.update('problems.scope', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('the Renumber fix renumbers to the preselected number, and the problem is gone', async () => {
    const uri = fileIn(`${FOLDER}/0031-feature-flags.md`);
    const taken = await diagnosticOn(uri, isCode('number-taken-on-base'), 'number-taken-on-base');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const actions = await quickFixes(uri, taken.range, 'Renumber ADR-0031 to ADR-0033…');
    const renumber = actions.find((a) => a.title === 'Renumber ADR-0031 to ADR-0033…');
    assert.ok(renumber?.command);
    const renamed = fileIn(`${FOLDER}/0033-feature-flags.md`);
    // The first workspace folder is another repository: its ADR-0031 is its own, and stays.
    const elsewhere = workspaceFile('docs/notes-on-adr-0031.md');
    const elsewhereText = 'Our ADR-0031 and [its file](decisions/0031-other.md) are not the branch repository\'s.\n';
    await writeText(elsewhere, elsewhereText);
    await withPrompts([], [{ ...CONFIRM_RENUMBER, message: /^Renumber ADR-0031 to ADR-0033\?$/ }, { message: /^ADR-0031 is now ADR-0033/, button: undefined }], async (ui) => {
      const args = (renumber.command?.arguments ?? []) as unknown[];
      const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(renumber.command?.command ?? '', ...args);
      assert.equal(result?.toString(), renamed.toString(), JSON.stringify(ui.calls.map((c) => [c.kind, c.title, c.prompt])));
    });
    assert.match(await readText(renamed), /^# Feature flags$/m);
    assert.equal(await readText(elsewhere), elsewhereText, 'Renumber rewrote a mention in another workspace folder');
    await vscode.workspace.fs.delete(elsewhere);
    await branchState(api, () => marks()['0031-feature-flags.md'] === undefined && api.branchMark(renamed.toString())?.badge === '+', () => JSON.stringify(marks()));
    assert.deepEqual(vscode.languages.getDiagnostics(renamed).filter(isCode('number-taken-on-base')), []);
  });
});
