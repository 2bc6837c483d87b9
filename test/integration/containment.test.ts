// A cloned repository whose template, README and a folder of notes are symbolic links out of it:
// New ADR, Generate Index and Renumber write nothing outside, read no secret into a decision,
// and say why.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { AdrRolesApi } from '../../src/vscode/api';
import { DIAGNOSTIC_SOURCE, codeOf, diagnosticOn, indexState, indexedApi, readText, workspaceFile, folderChange, removeAddedFolder, nextCancellation } from './helpers';

const SECRET = 'SECRET-4b2e9a-NEVER-COPIED';
const DECISION = 'docs/decisions/0001-use-kafka.md';

/** Every file's bytes under a folder of the disk, to show nothing there changed. */
function bytesOf(paths: readonly string[]): string[] {
  return paths.map((path) => readFileSync(path, 'latin1'));
}

describe('paths a cloned repository links out of itself', () => {
  let api: AdrRolesApi;
  let root: string;
  let outside: string;
  let count: number;
  let outsideFiles: string[];
  let original: string[];
  const fileIn = (relative: string) => vscode.Uri.file(join(root, relative));

  before(async function () {
    this.timeout(120_000);
    api = await indexedApi();
    root = mkdtempSync(join(tmpdir(), 'adr-roles-links-'));
    outside = mkdtempSync(join(tmpdir(), 'adr-roles-outside-'));
    const files: Record<string, string> = {
      '.adr-roles.yml': 'template: templates/adr.md\n',
      [DECISION]: '---\nstatus: accepted\nowner: cto\n---\n# Use Kafka\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    mkdirSync(join(outside, 'templates'));
    mkdirSync(join(outside, 'notes'));
    writeFileSync(join(outside, 'templates', 'adr.md'), `# {{title}}\n\n${SECRET}\n`);
    writeFileSync(join(outside, 'victim.md'), '# Notes kept outside the workspace\n');
    writeFileSync(join(outside, 'notes', 'mention.md'), 'We chose Kafka in ADR-0001.\n');
    symlinkSync(join(outside, 'templates'), join(root, 'templates'));
    symlinkSync(join(outside, 'victim.md'), join(root, 'docs', 'decisions', 'README.md'));
    symlinkSync(join(outside, 'notes'), join(root, 'notes'));
    outsideFiles = [join(outside, 'templates', 'adr.md'), join(outside, 'victim.md'), join(outside, 'notes', 'mention.md')];
    original = bytesOf(outsideFiles);
    count = vscode.workspace.workspaceFolders?.length ?? 0;
    const added = folderChange();
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: vscode.Uri.file(root) }), 'the folder could not be added');
    await added;
    await indexState(api, () => api.decisions().some((d) => d.file === fileIn(DECISION).path), () => `${DECISION} is not indexed`);
  });

  afterEach(() => {
    assert.deepEqual(bytesOf(outsideFiles), original, 'a file outside the workspace was written');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeAddedFolder(count);
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('New ADR does not copy a template linked out of the workspace: the built-in one is used, and the template line says why', async () => {
    const config = fileIn('.adr-roles.yml');
    const diagnostic = await diagnosticOn(config, (d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === 'invalid-config', 'invalid-config on the template line');
    assert.equal(diagnostic.range.start.line, 0);
    assert.match(diagnostic.message, /^Template 'templates\/adr\.md' goes through the symbolic link 'templates': the built-in template/);
    const folder = vscode.Uri.file(join(root, 'docs', 'decisions')).toString();
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.newDecision', { title: 'Leak nothing', owner: 'cto', folder });
    assert.ok(uri, 'no decision was created');
    assert.equal(dirname(uri.fsPath), join(root, 'docs', 'decisions'));
    const text = await readText(uri);
    assert.ok(!text.includes(SECRET), 'the linked template was copied');
    assert.match(text, /^---\nstatus: proposed\n/);
  });

  it('Generate Index refuses a README linked out of the workspace before reading it, and writes no index anywhere', async () => {
    const demoReadme = workspaceFile('docs/decisions/README.md');
    const demoBefore = await readText(demoReadme).catch(() => undefined);
    const cancelled = nextCancellation(api, 'Generate Index');
    const written = await vscode.commands.executeCommand<vscode.Uri[]>('adrRoles.generateIndex');
    assert.deepEqual(written, []);
    const { message } = await cancelled;
    assert.match(message, /^Generate Index writes nothing through symbolic links or outside the workspace: .*docs\/decisions\/README\.md is a symbolic link\. Nothing was changed\.$/);
    assert.equal(await readText(demoReadme).catch(() => undefined), demoBefore);
  });

  it('Renumber refuses to edit a mention reached through a linked folder, and renames nothing', async () => {
    const decision = fileIn(DECISION);
    const cancelled = nextCancellation(api, 'Renumber');
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.renumber', decision);
    assert.equal(result, undefined);
    const { message, file } = await cancelled;
    assert.match(message, /^Renumber writes nothing through symbolic links or outside the workspace: .*notes\/mention\.md goes through the symbolic link 'notes'\. Nothing was changed\.$/);
    assert.equal(file, fileIn('notes/mention.md').toString());
    assert.equal(await readText(decision), '---\nstatus: accepted\nowner: cto\n---\n# Use Kafka\n');
  });
});
