import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { indexedApi, readText, Scratch, workspaceFile } from './helpers';
import { ScriptedPrompts } from './prompts';

const ON_CALL = 'docs/decisions/0002-run-a-weekly-on-call-rotation.md';

describe('guards on what the commands write', () => {
  const scratch = new Scratch();
  afterEach(() => scratch.restore());

  it('probe: the prompts are scripted', async () => {
    await indexedApi();
    const old = workspaceFile(ON_CALL);
    const before = await scratch.keep(old);
    const ui = new ScriptedPrompts(['deprecated']);
    try {
      assert.equal(await vscode.commands.executeCommand('adrRoles.setStatus', old), true);
    } finally {
      ui.restore();
    }
    assert.equal(ui.of('pick').length, 1, ui.describe());
    assert.equal(await readText(old), before.replace('status: accepted', 'status: deprecated'));
  });
});
