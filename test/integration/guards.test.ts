// What the lifecycle commands refuse, route or ask before they write, and the files they leave:
// the prompts are answered by ScriptedPrompts, which also records what each one asked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { indexedApi, indexState, readText, Scratch, UNOWNED_DECISION, workspaceFile } from './helpers';
import { CONFIRM_RENUMBER, ESCAPE, withPrompts, type PromptCall } from './prompts';

const ON_CALL = 'docs/decisions/0002-run-a-weekly-on-call-rotation.md';
const ON_CALL_LABEL = 'ADR-0002 Run a weekly on-call rotation across all product engineers';
const ANALYTICS = 'docs/decisions/0001-buy-analytics-platform-rather-than-build.md';
const FOLDER = 'docs/decisions';

async function listing(): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(workspaceFile(FOLDER))).map(([name]) => name).sort();
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

const titled = (pattern: RegExp) => (call: PromptCall) => pattern.test(call.title);

describe('guards: Override Decision', () => {
  const scratch = new Scratch();
  afterEach(() => scratch.restore());

  it('from the palette: names the decision in every step, requires what emerged, offers its own role first, and opens at Context with the trigger; Undo takes it all back', async () => {
    const api = await indexedApi();
    const old = workspaceFile(ON_CALL);
    const before = await scratch.keep(old);
    const files = await listing();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    let created: vscode.Uri | undefined;
    await withPrompts(
      [
        (call) => (call.prompt === 'Which decision is overridden?' ? 'ADR-0002' : ESCAPE),
        'New requirement',
        (call) => {
          assert.match(call.validate?.('') ?? '', /^Say what emerged, or type unknown/, 'an empty answer is refused');
          assert.match(call.validate?.('   ') ?? '', /^Say what emerged/);
          assert.equal(call.validate?.('unknown'), undefined, 'unknown is an answer');
          return '24/7 support promised in the enterprise contract';
        },
        'Staff a follow-the-sun support rotation',
        (call) => call.items[0] ?? ESCAPE,
        (call) => call.items[0] ?? ESCAPE,
      ],
      [{ message: /^ADR-0007 overrides ADR-0002/, button: 'Undo' }],
      async (ui) => {
        created = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.overrideDecision');
        assert.ok(created, ui.describe());
        const steps = ui.calls.filter((c) => c.kind !== 'information' && c.prompt !== 'Which decision is overridden?');
        assert.deepEqual(
          steps.map((c) => c.title),
          [1, 2, 3, 4, 5].map((n) => `Override ${ON_CALL_LABEL} (${n}/5)`),
          'every step names the decision overridden',
        );
        const [, , , owner, status] = steps;
        assert.deepEqual(owner?.items, ['Head of Engineering (execution)', 'CTO (strategy)'], 'its own role first: execution overriding execution');
        assert.deepEqual(status?.items, ['accepted', 'proposed']);

        const text = await readText(created);
        assert.match(text, /^---\nstatus: accepted\noverrides: ADR-0002\ntrigger: new-requirement\ntrigger-detail: 24\/7 support promised in the enterprise contract\ndate: \d{4}-\d{2}-\d{2}\nowner: hoe\n/);
        const note = 'This decision overrides ADR-0002 (Run a weekly on-call rotation across all product engineers) because of a new requirement: 24/7 support promised in the enterprise contract.';
        assert.ok(text.includes(`## Context and Problem Statement\n\n${note}\n\n`), text);
        const editor = vscode.window.activeTextEditor;
        assert.equal(editor?.document.uri.toString(), created.toString());
        assert.equal(editor.document.lineAt(editor.selection.active.line - 2).text, note, 'the cursor is after the stated trigger');
        assert.equal(await readText(old), before.replace('status: accepted\n', 'status: overridden\noverridden-by: ADR-0007\n'));

        await ui.next(titled(/^Override undone\.$/), 'Override undone');
      },
    );
    assert.ok(created);
    assert.equal(await exists(created), false, 'Undo deleted the new decision');
    assert.equal(await readText(old), before, 'and restored the old one byte for byte');
    assert.deepEqual(await listing(), files);
    await indexState(api, () => api.decisions().some((d) => d.id === 'ADR-0002' && d.status?.value === 'accepted'), () => 'ADR-0002 accepted again');
  });

  it('refuses an empty "what emerged" given as an argument, and writes nothing', async () => {
    await indexedApi();
    const old = workspaceFile(ON_CALL);
    const before = await scratch.keep(old);
    const files = await listing();
    await withPrompts([], [], async (ui) => {
      const created = await vscode.commands.executeCommand('adrRoles.overrideDecision', old, { trigger: 'new-resource', triggerDetail: '  ', title: 'Never written', owner: 'cto', status: 'accepted' });
      assert.equal(created, undefined);
      assert.match(ui.of('error')[0]?.title ?? '', /^Say what emerged, or type unknown.*Override changed nothing\.$/);
    });
    assert.equal(await readText(old), before);
    assert.deepEqual(await listing(), files);
  });

  it('an execution role overriding a strategy decision is flagged and proposed: the old decision keeps its status and links forward', async () => {
    const old = workspaceFile(ANALYTICS);
    const before = await scratch.keep(old);
    await indexedApi();
    await withPrompts(
      ['Head of Engineering', (call) => call.items[0] ?? ESCAPE],
      [],
      async (ui) => {
        const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.overrideDecision', old, { trigger: 'new-resource', triggerDetail: 'unknown', title: 'Build our own event store' });
        assert.ok(created, ui.describe());
        scratch.remember(created);
        const [owner, status] = ui.of('pick');
        assert.deepEqual(owner?.items, ['CTO (strategy)', 'Head of Engineering (execution)']);
        assert.match(owner?.descriptions[1] ?? '', /Flagged: an execution role overriding a strategy decision/);
        assert.deepEqual(status?.items, ['proposed', 'accepted'], 'proposed is offered first');
        const text = await readText(created);
        assert.match(text, /^---\nstatus: proposed\noverrides: ADR-0001\ntrigger: new-resource\ntrigger-detail: unknown\n/);
        assert.ok(text.includes('because of a new resource, not yet named.'), text);
        assert.equal(await readText(old), before.replace('status: accepted\n', 'status: accepted\noverridden-by: ADR-0007\n'), 'still accepted, linked forward');
      },
    );
  });
});

describe('guards: Elevate to CTO', () => {
  const scratch = new Scratch();
  afterEach(() => scratch.restore());

  it('refuses an unowned decision rather than record "elevated from none", and offers Set Owner instead', async () => {
    await indexedApi();
    const unowned = workspaceFile(UNOWNED_DECISION);
    const before = await scratch.keep(unowned);
    await withPrompts(['Head of Engineering'], [{ message: /names no owner/, button: 'Set Owner…' }], async (ui) => {
      assert.equal(await vscode.commands.executeCommand('adrRoles.elevateDecision', unowned), false);
      const [refusal] = ui.of('warning');
      assert.equal(refusal?.title, 'ADR-0006 names no owner, so there is no role to elevate it from. Elevation hands a decision from an execution role to a strategy role: set its owner first.');
      assert.deepEqual(ui.of('pick')[0]?.items, ['CTO (strategy)', 'Head of Engineering (execution)']);
    });
    const after = await readText(unowned);
    assert.equal(after, before.replace('date: 2021-09-01\n', 'date: 2021-09-01\nowner: hoe\n'), 'the owner is set, and nothing is elevated');
    assert.doesNotMatch(after, /elevated/);
  });

  it('from the palette with an unowned decision open, refuses that one rather than offer another', async () => {
    await indexedApi();
    const unowned = workspaceFile(UNOWNED_DECISION);
    const before = await scratch.keep(unowned);
    await vscode.window.showTextDocument(unowned);
    await withPrompts([], [], async (ui) => {
      assert.equal(await vscode.commands.executeCommand('adrRoles.elevateDecision'), false);
      assert.equal(ui.of('pick').length, 0, ui.describe());
      assert.match(ui.of('warning')[0]?.title ?? '', /^ADR-0006 names no owner/);
    });
    assert.equal(await readText(unowned), before);
  });

  it('refuses a strategy decision, saying elevation goes from execution to strategy; writes nothing', async () => {
    await indexedApi();
    const strategy = workspaceFile(ANALYTICS);
    const before = await scratch.keep(strategy);
    await withPrompts([], [], async (ui) => {
      assert.equal(await vscode.commands.executeCommand('adrRoles.elevateDecision', strategy), false);
      assert.equal(ui.of('information')[0]?.title, 'ADR-0001 is already owned by CTO (strategy), a strategy role. Elevation hands a decision from an execution role to a strategy role.');
    });
    assert.equal(await readText(strategy), before);
  });

  it('elevates an execution decision, and its notification offers Undo; Undo refuses once the file changed after', async () => {
    await indexedApi();
    const old = workspaceFile(ON_CALL);
    const before = await scratch.keep(old);
    await withPrompts([], [{ message: /^ADR-0002 elevated/, button: 'Undo' }], async (ui) => {
      assert.equal(await vscode.commands.executeCommand('adrRoles.elevateDecision', old), true);
      await ui.next(titled(/^Elevate undone\.$/), 'Elevate undone');
      assert.equal(ui.of('information')[0]?.title, "ADR-0002 elevated from Head of Engineering (execution) to CTO (strategy), with today's date.");
    });
    assert.equal(await readText(old), before, 'Undo restored it byte for byte');

    // Someone types in the decision and saves before pressing Undo.
    const typeAndSave = async (): Promise<void> => {
      const document = await vscode.workspace.openTextDocument(old);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(old, document.positionAt(document.getText().length), '\nA line written after the elevation.\n');
      await vscode.workspace.applyEdit(edit);
      await document.save();
    };
    let edited = '';
    await withPrompts([], [{ message: /^ADR-0002 elevated/, button: 'Undo', before: async () => { await typeAndSave(); edited = await readText(old); } }], async (ui) => {
      assert.equal(await vscode.commands.executeCommand('adrRoles.elevateDecision', old), true);
      const refused = await ui.next((c) => c.kind === 'warning', 'a refused Undo');
      assert.equal(refused.title, 'ADR-0002 changed after Elevate: Undo changed nothing. Use Edit › Undo in its editor, or Git, to take the change back.');
    });
    assert.match(edited, /\nA line written after the elevation\.\n$/);
    assert.equal(await readText(old), edited, 'what was written after stays');
  });
});

describe('guards: Set Status and Supersede', () => {
  const scratch = new Scratch();
  afterEach(() => scratch.restore());

  it('Set Status offers the documented statuses, and routes overridden into Override: both ends written', async () => {
    await indexedApi();
    const old = workspaceFile(ON_CALL);
    const before = await scratch.keep(old);
    await withPrompts(['overridden', 'New resource', 'An operations team joined', 'Hand on-call to the operations team', 'CTO', 'accepted'], [], async (ui) => {
      assert.equal(await vscode.commands.executeCommand('adrRoles.setStatus', old), true, ui.describe());
      const [statusPick, ...override] = ui.of('pick');
      assert.deepEqual(statusPick?.items, ['proposed', 'rejected', 'deprecated', 'superseded', 'overridden'], 'no draft, not the current status');
      assert.match(statusPick?.descriptions[4] ?? '', /Opens Override Decision/);
      assert.ok(override.every((c) => c.title.startsWith(`Override ${ON_CALL_LABEL} (`)), ui.describe());
    });
    const created = workspaceFile(`${FOLDER}/0007-hand-on-call-to-the-operations-team.md`);
    scratch.remember(created);
    assert.match(await readText(created), /^---\nstatus: accepted\noverrides: ADR-0002\ntrigger: new-resource\ntrigger-detail: An operations team joined\n/);
    assert.equal(await readText(old), before.replace('status: accepted\n', 'status: overridden\noverridden-by: ADR-0007\n'), 'never overridden with no successor');
  });

  it('Set Status superseded, escaped in Supersede, writes nothing', async () => {
    await indexedApi();
    const old = workspaceFile(ON_CALL);
    const before = await scratch.keep(old);
    const files = await listing();
    await withPrompts([ESCAPE], [], async (ui) => {
      assert.equal(await vscode.commands.executeCommand('adrRoles.setStatus', old, 'superseded'), false);
      assert.equal(ui.of('input')[0]?.title, `Supersede ${ON_CALL_LABEL}`, 'the superseded status went to Supersede');
    });
    assert.equal(await readText(old), before);
    assert.deepEqual(await listing(), files);
  });

  it('Supersede on an unowned decision asks who owns the new one', async () => {
    await indexedApi();
    const unowned = workspaceFile(UNOWNED_DECISION);
    await scratch.keep(unowned);
    await withPrompts(['Head of Engineering'], [], async (ui) => {
      const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.supersedeDecision', unowned, { title: 'Adopt a feature-flag service' });
      assert.ok(created, ui.describe());
      scratch.remember(created);
      const [owner] = ui.of('pick');
      assert.equal(owner?.prompt, 'ADR-0006 names no owner: who owns the new decision?');
      assert.deepEqual(owner?.items, ['CTO (strategy)', 'Head of Engineering (execution)']);
      assert.match(await readText(created), /\nowner: hoe\n/);
    });
  });
});

describe('guards: Renumber', () => {
  const scratch = new Scratch();
  afterEach(() => scratch.restore());

  async function duplicateWithNote(): Promise<{ duplicate: vscode.Uri; note: vscode.Uri; noteText: string; duplicateText: string }> {
    const api = await indexedApi();
    const duplicateText = '---\nstatus: proposed\nowner: hoe\n---\n# 5. Decision from another branch\n';
    const noteText = 'See [the other branch](decisions/0005-from-another-branch.md) and ADR-0005.\n';
    const duplicate = await scratch.create(`${FOLDER}/0005-from-another-branch.md`, duplicateText);
    const note = await scratch.create('docs/notes-renumber.md', noteText);
    await indexState(api, () => api.decisions().filter((d) => d.id === 'ADR-0005').length === 2, () => 'two ADR-0005');
    return { duplicate, note, noteText, duplicateText };
  }

  it('shows what will change and renames nothing when the confirmation is cancelled', async () => {
    const { duplicate, note, noteText, duplicateText } = await duplicateWithNote();
    await withPrompts([], [{ message: /^Renumber ADR-0005 to ADR-0007\?$/, button: undefined }], async (ui) => {
      assert.equal(await vscode.commands.executeCommand('adrRoles.renumber', duplicate), undefined);
      const [confirm] = ui.of('warning');
      assert.equal(confirm?.modal, true);
      assert.deepEqual(confirm?.items, ['Renumber']);
      const lines = confirm?.prompt.split('\n') ?? [];
      assert.deepEqual(lines.slice(0, 3), [
        'Renames 0005-from-another-branch.md to 0007-from-another-branch.md.',
        'In the decision itself: 1 number in its heading or fields rewritten.',
        'docs/notes-renumber.md: 1 link rewritten.',
      ]);
      assert.match(lines[3] ?? '', /^Leaves \d+ mentions? of ADR-0005 as written: another decision has that number too, so (it|they) may mean either\.$/);
      assert.equal(lines.length, 4, confirm?.prompt);
    });
    assert.equal(await readText(duplicate), duplicateText);
    assert.equal(await readText(note), noteText);
    assert.equal(await exists(workspaceFile(`${FOLDER}/0007-from-another-branch.md`)), false);
  });

  it('confirmed, renames and rewrites; the notification offers Undo, which takes the rename and the links back', async () => {
    const { duplicate, note, noteText, duplicateText } = await duplicateWithNote();
    const renamedUri = workspaceFile(`${FOLDER}/0007-from-another-branch.md`);
    scratch.remember(renamedUri);
    await withPrompts([], [CONFIRM_RENUMBER, { message: /^ADR-0005 is now ADR-0007/, button: 'Undo' }], async (ui) => {
      const renamed = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.renumber', duplicate);
      assert.equal(renamed?.toString(), renamedUri.toString());
      assert.equal(await readText(note), noteText.replace('0005-from-another-branch.md', '0007-from-another-branch.md'));
      const done = ui.of('information')[0];
      assert.match(done?.title ?? '', /^ADR-0005 is now ADR-0007 \(0007-from-another-branch\.md\); 1 reference updated\. \d+ mentions? of ADR-0005 elsewhere may mean either decision with that number and (was|were) left as written\.$/);
      assert.deepEqual(done?.items, ['Undo']);
      await ui.next(titled(/^Renumber undone\.$/), 'Renumber undone');
    });
    assert.equal(await readText(duplicate), duplicateText, 'the old name is back, with its text');
    assert.equal(await exists(renamedUri), false);
    assert.equal(await readText(note), noteText);
  });
});

describe('guards: New ADR', () => {
  const scratch = new Scratch();
  afterEach(() => scratch.restore());

  it('undoing in the new file takes back the typing, never the file', async () => {
    await indexedApi();
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.newDecision', { title: 'Keep the file on undo', owner: 'hoe' });
    assert.ok(created);
    scratch.remember(created);
    const text = await readText(created);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), created.toString());
    assert.ok(await editor.edit((edit) => edit.insert(editor.selection.active, 'We keep shipping big releases.')));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), text, 'the typing is undone');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    assert.equal(await exists(created), true, 'the file is still there');
    assert.equal(editor.document.getText(), text);
    assert.equal(await readText(created), text);
  });
});

describe('guards: Undo from the notification of the commands that write several files', () => {
  const scratch = new Scratch();
  afterEach(() => scratch.restore());

  it('Add Owners: Undo takes back every answer at once', async () => {
    const api = await indexedApi();
    const flags = workspaceFile(UNOWNED_DECISION);
    const flagsBefore = await scratch.keep(flags);
    const nygardText = '# 7. Record architecture decisions\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n';
    const nygard = await scratch.create(`${FOLDER}/0007-record-architecture-decisions.md`, nygardText);
    await indexState(api, () => api.decisions().some((d) => d.id === 'ADR-0007' && d.owner === null), () => 'ADR-0007, unowned, in the index');
    await withPrompts([], [{ message: /^2 decisions given an owner: ADR-0006, ADR-0007\.$/, button: 'Undo' }], async (ui) => {
      assert.deepEqual(await vscode.commands.executeCommand('adrRoles.addOwners', { picks: ['hoe', 'cto'] }), ['ADR-0006', 'ADR-0007']);
      assert.notEqual(await readText(flags), flagsBefore);
      await ui.next(titled(/^Add Owners undone\.$/), 'Add Owners undone');
    });
    assert.equal(await readText(flags), flagsBefore);
    assert.equal(await readText(nygard), nygardText);
  });

  it('Generate Index: Undo deletes the README it created', async () => {
    await indexedApi();
    const readme = workspaceFile(`${FOLDER}/README.md`);
    scratch.remember(readme);
    assert.equal(await exists(readme), false);
    await withPrompts([], [{ message: /^Decision index written: /, button: 'Undo' }], async (ui) => {
      assert.equal((await vscode.commands.executeCommand<vscode.Uri[]>('adrRoles.generateIndex')).length, 1);
      assert.equal(await exists(readme), true);
      await ui.next(titled(/^Generate Index undone\.$/), 'Generate Index undone');
    });
    assert.equal(await exists(readme), false);
  });
});

describe('guards: the owner CodeLens', () => {
  const scratch = new Scratch();
  afterEach(() => scratch.restore());

  async function ownerLens(uri: vscode.Uri, title: string): Promise<vscode.Command> {
    // CodeLenses belong to an open document.
    await vscode.workspace.openTextDocument(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
    const lens = lenses.find((l) => l.command?.title === title)?.command;
    assert.ok(lens, JSON.stringify(lenses.map((l) => l.command?.title)));
    return lens;
  }

  it('"no owner" asks for the owner and writes it where the file keeps its fields', async () => {
    await indexedApi();
    const unowned = workspaceFile(UNOWNED_DECISION);
    const before = await scratch.keep(unowned);
    const lens = await ownerLens(unowned, 'no owner');
    assert.equal(lens.command, 'adrRoles.setOwner');
    await withPrompts(['Head of Engineering'], [{ message: /^ADR-0006 is now owned by/, button: undefined }], async (ui) => {
      assert.equal(await vscode.commands.executeCommand(lens.command, ...((lens.arguments ?? []) as unknown[])), true);
      const [question] = ui.of('pick');
      assert.equal(question?.title, 'Set owner of ADR-0006 Adopt feature flags for gradual rollouts');
      assert.equal(question?.prompt, 'The role that decides and answers for it (now no owner)');
      assert.deepEqual(question?.items, ['CTO (strategy)', 'Head of Engineering (execution)']);
      assert.equal(ui.of('information')[0]?.title, 'ADR-0006 is now owned by Head of Engineering (execution).');
    });
    assert.equal(await readText(unowned), before.replace('date: 2021-09-01\n', 'date: 2021-09-01\nowner: hoe\n'));
  });

  it('"not a configured role" replaces the owner in place; Escape writes nothing', async () => {
    const api = await indexedApi();
    const text = '---\nstatus: proposed\nowner: cxo\ndate: 2021-10-01\n---\n# Move billing to its own service\n';
    const uri = await scratch.create(`${FOLDER}/0008-move-billing-to-its-own-service.md`, text);
    await indexState(api, () => api.decisions().some((d) => d.id === 'ADR-0008'), () => 'ADR-0008 not indexed');
    const lens = await ownerLens(uri, 'cxo (not a configured role)');
    await withPrompts([ESCAPE], [], async () => {
      assert.equal(await vscode.commands.executeCommand(lens.command, ...((lens.arguments ?? []) as unknown[])), false);
    });
    assert.equal(await readText(uri), text);
    await withPrompts(['CTO'], [{ message: /^ADR-0008 is now owned by/, button: undefined }], async () => {
      assert.equal(await vscode.commands.executeCommand(lens.command, ...((lens.arguments ?? []) as unknown[])), true);
    });
    assert.equal(await readText(uri), text.replace('owner: cxo', 'owner: cto'));
  });

  it('a configured owner still shows the Decisions view', async () => {
    await indexedApi();
    const lens = await ownerLens(workspaceFile(ANALYTICS), 'CTO (strategy)');
    assert.equal(lens.command, 'adrRoles.decisions.focus');
  });
});
