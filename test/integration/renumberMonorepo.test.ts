// Renumber in a workspace folder that holds several decision folders, each numbered from 1 (a
// monorepo): a mention of the old number is rewritten where it means the renumbered decision, left
// where it means the other folder's, and left and counted in the preview where it may mean either.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { AdrRolesApi } from '../../src/vscode/api';
import { indexedApi, indexState, readText, folderChange, removeAddedFolder } from './helpers';
import { CONFIRM_RENUMBER, withPrompts } from './prompts';

const A = 'services/a/docs/adr';
const B = 'services/b/docs/adr';

function decision(status: string, title: string): string {
  return `---\nstatus: ${status}\nowner: cto\n---\n# ${title}\n\n## Context and Problem Statement\n\nWhy.\n\n## Decision Outcome\n\nWhat.\n`;
}

const FILES: Record<string, string> = {
  '.adr-roles.yml': `folders: [${A}, ${B}]\n`,
  [`${A}/0001-use-kafka.md`]: decision('accepted', 'Use Kafka'),
  [`${A}/0002-use-postgres.md`]: decision('accepted', 'Use Postgres'),
  [`${B}/0001-use-redis.md`]: decision('accepted', 'Use Redis'),
  [`${B}/0002-use-grpc.md`]: decision('accepted', 'Use gRPC'),
  'services/a/README.md': 'Service A stores its data as ADR-0002 says.\n',
  'services/b/README.md': 'Service B talks gRPC, see ADR-0002.\n',
  'README.md': 'The services follow ADR-0002.\n',
};

describe('Renumber in a monorepo workspace folder', () => {
  let api: AdrRolesApi;
  let root: string;
  let count: number;
  const fileIn = (path: string): vscode.Uri => vscode.Uri.file(join(root, path));

  before(async function () {
    this.timeout(120_000);
    api = await indexedApi();
    root = realpathSync(mkdtempSync(join(tmpdir(), 'adr-roles-monorepo-')));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(root, dirname(path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    count = vscode.workspace.workspaceFolders?.length ?? 0;
    const added = folderChange();
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: vscode.Uri.file(root) }), 'the folder could not be added');
    await added;
    const expected = [`${A}/0002-use-postgres.md`, `${B}/0002-use-grpc.md`].map((p) => fileIn(p).path);
    await indexState(api, () => expected.every((path) => api.decisions().some((d) => d.file === path)), () => 'the two folders are not indexed');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeAddedFolder(count);
    rmSync(root, { recursive: true, force: true });
  });

  it("rewrites services/a's mention, leaves services/b's, and leaves the root README's, saying so in the preview", async () => {
    const renamed = fileIn(`${A}/0003-use-postgres.md`);
    const preview = await withPrompts([], [CONFIRM_RENUMBER, { message: /^ADR-0002 is now ADR-0003/, button: undefined }], async (ui) => {
      const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.renumber', fileIn(`${A}/0002-use-postgres.md`));
      assert.equal(result?.toString(), renamed.toString(), JSON.stringify(ui.calls.map((c) => [c.kind, c.title, c.prompt])));
      const confirm = ui.calls.find((c) => c.title === 'Renumber ADR-0002 to ADR-0003?');
      assert.ok(confirm, JSON.stringify(ui.calls.map((c) => c.title)));
      return confirm.prompt;
    });
    assert.equal(await readText(fileIn('services/a/README.md')), 'Service A stores its data as ADR-0003 says.\n');
    assert.equal(await readText(fileIn('services/b/README.md')), FILES['services/b/README.md'], "services/b's ADR-0002 is its own decision");
    assert.equal(await readText(fileIn('README.md')), FILES['README.md'], 'the root README may mean either ADR-0002');
    assert.equal(await readText(fileIn(`${B}/0002-use-grpc.md`)), FILES[`${B}/0002-use-grpc.md`]);
    assert.match(preview, /\bservices\/a\/README\.md: 1 mention rewritten\.$/m, preview);
    assert.doesNotMatch(preview, /services\/b\/README\.md/, preview);
    assert.match(preview, /^Leaves 1 mention of ADR-0002 as written: another decision has that number too, so it may mean either\.$/m, preview);
  });
});
