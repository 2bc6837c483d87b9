import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MANY_UNOWNED } from '../../src/core/views/unownedOffer';
import { withPrompts } from './prompts';
import { escapeUntilSettled, indexedApi, indexState, readText, Scratch, UNOWNED_DECISION, workspaceFile } from './helpers';

/** An adr-tools decision without frontmatter. Each test writes its own number: a document an earlier test edited may still be held open with its old text. */
function nygard(number: number): { path: string; text: string; id: string } {
  return {
    path: `docs/decisions/${String(number).padStart(4, '0')}-record-architecture-decisions.md`,
    text: `# ${number}. Record architecture decisions\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record decisions.\n`,
    id: `ADR-${String(number).padStart(4, '0')}`,
  };
}

describe('ADR: Add Owners to Existing Decisions', () => {
  const scratch = new Scratch();
  afterEach(() => scratch.restore());

  async function withUnownedNygardDecision(number: number): Promise<vscode.Uri> {
    const api = await indexedApi();
    await scratch.keep(workspaceFile(UNOWNED_DECISION));
    const { path, text, id } = nygard(number);
    const uri = await scratch.create(path, text);
    await indexState(api, () => api.decisions().some((d) => d.id === id && d.owner === null), () => `${id}, unowned, in the index`);
    return uri;
  }

  it('answers in order: an owner for the first, stop before the second', async () => {
    const uri = await withUnownedNygardDecision(7);
    const flags = workspaceFile(UNOWNED_DECISION);
    const before = await readText(flags);
    const changed = await vscode.commands.executeCommand<string[]>('adrRoles.addOwners', { picks: ['hoe', 'stop'] });
    assert.deepEqual(changed, ['ADR-0006']);
    assert.equal(await readText(flags), before.replace('date: 2021-09-01\n', 'date: 2021-09-01\nowner: hoe\n'), 'one line added after the date');
    assert.equal(await readText(uri), nygard(7).text, 'stopped before ADR-0007');
  });

  it('with an owner and a filter, writes every matching decision; an adr-tools file gets an Owner line under its date', async () => {
    const api = await indexedApi();
    const uri = await withUnownedNygardDecision(8);
    const flags = workspaceFile(UNOWNED_DECISION);
    const before = await readText(flags);
    const changed = await vscode.commands.executeCommand<string[]>('adrRoles.addOwners', { owner: 'cto', where: 'status=accepted' });
    assert.deepEqual(changed, ['ADR-0008'], 'the proposed ADR-0006 is filtered out');
    assert.equal(await readText(uri), nygard(8).text.replace('Date: 2016-02-12\n', 'Date: 2016-02-12\n\nOwner: cto\n'));
    assert.equal(await readText(flags), before);
    await indexState(api, () => api.decisions().find((d) => d.id === 'ADR-0008')?.owner?.value === 'cto', () => 'ADR-0008 owned by cto in the index');
  });

  it('skip leaves a decision as it was; Escape at the pick writes nothing', async () => {
    const uri = await withUnownedNygardDecision(9);
    const flags = workspaceFile(UNOWNED_DECISION);
    const before = await readText(flags);
    assert.deepEqual(await vscode.commands.executeCommand<string[]>('adrRoles.addOwners', { picks: ['skip', 'cto'] }), ['ADR-0009']);
    assert.equal(await readText(flags), before);
    assert.match(await readText(uri), /^# 9\. .*\n\nDate: 2016-02-12\n\nOwner: cto\n/);
    const escaped = await escapeUntilSettled(vscode.commands.executeCommand<string[]>('adrRoles.addOwners'));
    assert.deepEqual(escaped, []);
    assert.equal(await readText(flags), before);
  });

  it('a decision whose frontmatter cannot take a field is not asked about and stays as written', async () => {
    const api = await indexedApi();
    await scratch.keep(workspaceFile(UNOWNED_DECISION));
    const coded = '---js\n{ title: "Coded" }\n---\n# 10. Coded\n\n## Status\n\nAccepted\n';
    const uri = await scratch.create('docs/decisions/0010-coded.md', coded);
    await indexState(api, () => api.decisions().some((d) => d.id === 'ADR-0010'), () => 'ADR-0010 in the index');
    const changed = await vscode.commands.executeCommand<string[]>('adrRoles.addOwners', { owner: 'cto', where: 'status=accepted' });
    assert.deepEqual(changed, [], 'the coded decision was counted as given an owner');
    assert.equal(await readText(uri), coded);
  });
});

describe('a log with many unowned decisions', () => {
  const scratch = new Scratch();
  afterEach(() => scratch.restore());

  it('is offered Add Owners once, in one notification, and the pick skips with its own icon', async () => {
    const api = await indexedApi();
    const unownedNow = (): number => api.decisions().filter((d) => d.owner === null).length;
    const wanted = MANY_UNOWNED - unownedNow();
    assert.ok(wanted > 0, `the demo already has ${unownedNow()} unowned decisions`);
    await withPrompts(['$(debug-stop) Stop'], [{ message: /decisions have no owner/, button: 'Add Owners…' }], async (ui) => {
      await Promise.all(Array.from({ length: wanted }, (_, i) => scratch.create(nygard(20 + i).path, nygard(20 + i).text)));
      const offer = await ui.next((c) => c.kind === 'information' && /decisions have no owner/.test(c.title), 'the offer');
      assert.equal(offer.title, `${MANY_UNOWNED} decisions have no owner: the record does not say which role decides and answers for them.`);
      assert.deepEqual(offer.items, ['Add Owners…', 'Not now']);
      const pick = await ui.next((c) => c.kind === 'pick', 'the Add Owners pick');
      assert.match(pick.title, new RegExp(`^Add Owners \\(1/${MANY_UNOWNED}\\): `));
      assert.ok(pick.items.includes('$(arrow-right) Skip'), JSON.stringify(pick.items));
      assert.ok(!pick.items.some((label) => label.includes('debug-step-over')), 'Skip does not wear the overridden icon');
      // The decision the pick names is open beside it, and the placeholder no longer holds its first lines.
      const askedId = /\): (\S+)/.exec(pick.title)?.[1] ?? '';
      const asked = api.decisions().find((d) => d.id === askedId);
      assert.ok(asked, `the decision ${askedId} named by the pick`);
      assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.fsPath === vscode.Uri.file(asked.file).fsPath), `${asked.file} open beside the pick`);
      assert.equal(pick.prompt, 'Who owns this decision? It is open beside this list.');
      // One more unowned decision, and no second offer.
      const extra = nygard(20 + wanted);
      await scratch.create(extra.path, extra.text);
      await indexState(api, () => api.decisions().some((d) => d.id === extra.id), () => `${extra.id} in the index`);
      assert.equal(ui.calls.filter((c) => /decisions have no owner/.test(c.title)).length, 1, ui.describe());
    });
  });
});
