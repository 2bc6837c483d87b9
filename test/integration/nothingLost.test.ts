// "Nothing lost": every edit is one undoable WorkspaceEdit, creation never overwrites, a command
// whose files changed between its start and its write writes nothing, and a file with unsaved
// work is edited in its document. Files are changed "midway" through the API's onWillWrite event,
// which holds the write until the change is done: no sleeps, no racing a prompt.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AdrRolesApi, WillWriteEvent } from '../../src/vscode/api';
import { indexedApi, indexState, nextCancellation, readText, Scratch, workspaceFile, writeText } from './helpers';
import { CONFIRM_RENUMBER, withPrompts } from './prompts';

const ON_CALL = 'docs/decisions/0002-run-a-weekly-on-call-rotation.md';
const FOLDER = 'docs/decisions';
const OVERRIDE_ARGS = { trigger: 'new-resource', triggerDetail: 'An operations team joined', title: 'Hand on-call to the operations team', owner: 'cto', status: 'accepted' };

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

async function listing(): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(workspaceFile(FOLDER))).map(([name]) => name).sort();
}

function documentOf(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Runs `change` when `command` reaches `phase`, once, and holds the command's write until it is done. */
function interrupt(api: AdrRolesApi, command: string, phase: WillWriteEvent['phase'], change: (event: WillWriteEvent) => Promise<unknown>): vscode.Disposable {
  const subscription = api.onWillWrite((event) => {
    if (event.command !== command || event.phase !== phase) return;
    subscription.dispose();
    event.waitUntil(change(event));
  });
  return subscription;
}

/**
 * Resolves once VS Code's document for `uri`, if one is open, reads `text`: after a file is
 * written behind VS Code's back, its document follows on the watcher's event, not at once.
 */
function documentSettled(uri: vscode.Uri, text: string, deadlineMs = 30_000): Promise<void> {
  const settled = () => {
    const document = documentOf(uri);
    return !document || (!document.isDirty && document.getText() === text);
  };
  if (settled()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const subscriptions = [vscode.workspace.onDidChangeTextDocument(check), vscode.workspace.onDidCloseTextDocument(check), vscode.workspace.onDidSaveTextDocument(check)];
    const deadline = setTimeout(() => {
      for (const s of subscriptions) s.dispose();
      reject(new Error(`the document of ${uri.path} did not come to read as its file within ${deadlineMs / 1000} s; it reads ${JSON.stringify(documentOf(uri)?.getText())}`));
    }, deadlineMs);
    function check(): void {
      if (!settled()) return;
      clearTimeout(deadline);
      for (const s of subscriptions) s.dispose();
      resolve();
    }
  });
}

/** Writes a file behind VS Code's back, as git or another program would, and waits for its document to follow. */
async function writeBehind(uri: vscode.Uri, text: string): Promise<void> {
  await writeText(uri, text);
  await documentSettled(uri, text);
}

/**
 * Undoes once in the editor of `uri`, as Ctrl+Z there would, and waits until `undone` holds. The
 * command can return before VS Code has undone the rest of a multi-file edit's group (when the
 * editor's text area, rather than the editor, has the focus, the undo runs through the DOM and is
 * not awaited), so the test follows the documents, files and index until they read as before.
 */
async function undoIn(api: AdrRolesApi, uri: vscode.Uri, undone: () => Promise<boolean>, describe: string, deadlineMs = 30_000): Promise<void> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await vscode.commands.executeCommand('undo');
  if (await undone()) return;
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
  await new Promise<void>((resolve, reject) => {
    let checking = false;
    let again = false;
    const check = async (): Promise<void> => {
      if (checking) {
        again = true;
        return;
      }
      checking = true;
      do {
        again = false;
        if (await undone()) {
          finish();
          resolve();
          return;
        }
      } while (again);
      checking = false;
    };
    const listen = (event: vscode.Event<unknown>): vscode.Disposable => event(() => {
      void check();
    });
    const subscriptions = [
      listen(vscode.workspace.onDidChangeTextDocument),
      listen(vscode.workspace.onDidOpenTextDocument),
      listen(vscode.workspace.onDidCloseTextDocument),
      listen(vscode.workspace.onDidDeleteFiles),
      listen(vscode.workspace.onDidRenameFiles),
      listen(watcher.onDidCreate),
      listen(watcher.onDidDelete),
      listen(api.onDidChange),
    ];
    const deadline = setTimeout(() => {
      finish();
      reject(new Error(`one undo did not restore ${describe} within ${deadlineMs / 1000} s`));
    }, deadlineMs);
    function finish(): void {
      clearTimeout(deadline);
      for (const s of subscriptions) s.dispose();
    }
    void check();
  }).finally(() => {
    watcher.dispose();
  });
}

/** Saves the documents of `uris` that have unsaved changes. (File: Save All saves only documents shown in editors.) */
async function save(...uris: vscode.Uri[]): Promise<void> {
  for (const uri of uris) {
    const document = documentOf(uri);
    if (document?.isDirty) assert.ok(await document.save(), `${uri.path} saved`);
  }
}

describe('nothing lost: a command whose files change midway writes nothing', () => {
  const scratch = new Scratch();
  const subscriptions: vscode.Disposable[] = [];
  afterEach(async () => {
    for (const s of subscriptions.splice(0)) s.dispose();
    await scratch.restore();
  });

  /** Runs `body`, then puts ON_CALL back on disk (and in its document) if the test deleted or changed it. */
  async function withOnCall(body: (old: vscode.Uri, before: string) => Promise<void>): Promise<void> {
    const old = workspaceFile(ON_CALL);
    const before = await scratch.keep(old);
    try {
      await body(old, before);
    } finally {
      if ((await Promise.resolve(vscode.workspace.fs.readFile(old)).then((b) => new TextDecoder().decode(b), () => undefined)) !== before) await writeBehind(old, before);
    }
  }

  /** Runs Override on `old` with `change` made at `phase`; resolves with what it returned and the message it gave. */
  async function overrideInterrupted(api: AdrRolesApi, old: vscode.Uri, phase: WillWriteEvent['phase'], change: () => Promise<unknown>): Promise<{ created: vscode.Uri | undefined; message: string }> {
    subscriptions.push(interrupt(api, 'Override', phase, change));
    const cancelled = nextCancellation(api, 'Override');
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.overrideDecision', old, OVERRIDE_ARGS);
    return { created, message: (await cancelled).message };
  }

  it('Override: the decision deleted on disk before the write: an error naming it, no new decision, the file not recreated', async () => {
    const api = await indexedApi();
    await withOnCall(async (old) => {
      const files = await listing();
      const { created, message } = await overrideInterrupted(api, old, 'planned', () => Promise.resolve(vscode.workspace.fs.delete(old)));
      assert.equal(created, undefined);
      assert.equal(message, 'ADR-0002 was deleted while Override was running: nothing was changed. Run it again.');
      assert.equal(await exists(old), false, 'the deleted decision is not recreated');
      assert.deepEqual(await listing(), files.filter((f) => !ON_CALL.endsWith(f)), 'no new decision');
    });
  });

  it('Override: the decision changed on disk before the write: an error, the new text kept, no new decision', async () => {
    const api = await indexedApi();
    await withOnCall(async (old, before) => {
      const files = await listing();
      const theirs = before.replace('status: accepted\n', 'status: deprecated\n');
      const { created, message } = await overrideInterrupted(api, old, 'planned', () => writeText(old, theirs));
      assert.equal(created, undefined);
      assert.equal(message, 'ADR-0002 changed on disk while Override was running: nothing was changed. Run it again.');
      assert.equal(await readText(old), theirs);
      assert.deepEqual(await listing(), files);
    });
  });

  it('Override: the decision deleted while the edit was being applied: the edit is taken back, nothing recreated or left', async () => {
    const api = await indexedApi();
    await withOnCall(async (old) => {
      const files = await listing();
      const { created, message } = await overrideInterrupted(api, old, 'applied', () => Promise.resolve(vscode.workspace.fs.delete(old)));
      assert.equal(created, undefined);
      assert.equal(message, 'ADR-0002 was deleted while Override was running: nothing was changed. Run it again.');
      assert.equal(await exists(old), false, 'the deleted decision is not recreated');
      assert.deepEqual(await listing(), files.filter((f) => !ON_CALL.endsWith(f)), 'the new decision was removed');
      assert.notEqual(documentOf(old)?.isDirty, true, 'no unsaved edit is left in its document');
    });
  });

  it('Override: the decision deleted while the edit was being applied, with a save of it under way (auto save): the file stays deleted', async () => {
    // VS Code for the Web (code-server) saves a dirty document a second after an edit by default
    // (files.autoSave: afterDelay): that save can begin while the edit is in place and write after
    // the rollback. Here the save begins at that moment and is held until Override has refused.
    const api = await indexedApi();
    await withOnCall(async (old) => {
      const files = await listing();
      const cancelled = nextCancellation(api, 'Override');
      let saving: Thenable<boolean> | undefined;
      const { created, message } = await overrideInterrupted(api, old, 'applied', async () => {
        await vscode.workspace.fs.delete(old);
        const document = documentOf(old);
        assert.ok(document?.isDirty, 'the edit is in the document');
        const began = new Promise<void>((resolve) => {
          const subscription = vscode.workspace.onWillSaveTextDocument((e) => {
            if (e.document.uri.toString() !== old.toString()) return;
            subscription.dispose();
            resolve();
            e.waitUntil(cancelled.then(() => undefined));
          });
          subscriptions.push(subscription);
        });
        saving = document.save();
        await began;
      });
      assert.equal(created, undefined);
      assert.equal(message, 'ADR-0002 was deleted while Override was running: nothing was changed. Run it again.');
      await saving;
      assert.equal(await exists(old), false, 'the save under way did not recreate the deleted decision');
      assert.deepEqual(await listing(), files.filter((f) => !ON_CALL.endsWith(f)), 'the new decision was removed');
      assert.notEqual(documentOf(old)?.isDirty, true, 'no unsaved edit is left in its document');
    });
  });

  it('Override: the decision changed on disk while the edit was being applied: taken back, the new text kept', async () => {
    const api = await indexedApi();
    await withOnCall(async (old, before) => {
      const files = await listing();
      const theirs = `${before}\nA note someone else added.\n`;
      const { created, message } = await overrideInterrupted(api, old, 'applied', () => writeText(old, theirs));
      assert.equal(created, undefined);
      assert.equal(message, 'ADR-0002 changed on disk while Override was running: nothing was changed. Run it again.');
      assert.equal(await readText(old), theirs);
      assert.deepEqual(await listing(), files);
      await documentSettled(old, theirs);
    });
  });

  /** A duplicate ADR-0005 and a note linking to it, indexed. */
  async function duplicateWithNote(slug: string): Promise<{ duplicate: vscode.Uri; note: vscode.Uri; duplicateText: string; noteText: string; renamed: vscode.Uri }> {
    const api = await indexedApi();
    const duplicateText = `---\nstatus: proposed\nowner: hoe\n---\n# ${slug}\n`;
    const noteText = `See [the other branch](decisions/0005-${slug}.md).\n`;
    const duplicate = await scratch.create(`${FOLDER}/0005-${slug}.md`, duplicateText);
    const note = await scratch.create(`docs/notes-${slug}.md`, noteText);
    await indexState(api, () => api.decisions().filter((d) => d.id === 'ADR-0005').length === 2, () => 'two ADR-0005');
    const renamed = workspaceFile(`${FOLDER}/0007-${slug}.md`);
    scratch.remember(renamed);
    return { duplicate, note, duplicateText, noteText, renamed };
  }

  it('Renumber: a file linking to the decision changed on disk before the write: an error naming it, nothing renamed or rewritten', async () => {
    const api = await indexedApi();
    const { duplicate, note, duplicateText, renamed } = await duplicateWithNote('nothing-lost-note');
    const theirs = 'Rewritten by someone else: see decisions/0005-nothing-lost-note.md.\n';
    subscriptions.push(interrupt(api, 'Renumber', 'planned', () => writeText(note, theirs)));
    const cancelled = nextCancellation(api, 'Renumber');
    assert.equal(await withPrompts([], [CONFIRM_RENUMBER], () => Promise.resolve(vscode.commands.executeCommand('adrRoles.renumber', duplicate))), undefined);
    assert.equal((await cancelled).message, 'docs/notes-nothing-lost-note.md changed on disk while Renumber was running: nothing was changed. Run it again.');
    assert.equal(await readText(duplicate), duplicateText);
    assert.equal(await readText(note), theirs);
    assert.equal(await exists(renamed), false);
  });

  it('Renumber: the renumbered decision changed on disk before the write: an error, nothing renamed or rewritten', async () => {
    const api = await indexedApi();
    const { duplicate, note, noteText, duplicateText, renamed } = await duplicateWithNote('nothing-lost-own');
    const theirs = duplicateText.replace('status: proposed', 'status: accepted');
    subscriptions.push(interrupt(api, 'Renumber', 'planned', () => writeText(duplicate, theirs)));
    const cancelled = nextCancellation(api, 'Renumber');
    assert.equal(await withPrompts([], [CONFIRM_RENUMBER], () => Promise.resolve(vscode.commands.executeCommand('adrRoles.renumber', duplicate))), undefined);
    assert.equal((await cancelled).message, 'ADR-0005 changed on disk while Renumber was running: nothing was changed. Run it again.');
    assert.equal(await readText(duplicate), theirs);
    assert.equal(await readText(note), noteText);
    assert.equal(await exists(renamed), false);
  });

  it('Renumber: a linking file changed on disk while the edit was being applied: the rename and every edit are taken back', async () => {
    const api = await indexedApi();
    const { duplicate, note, duplicateText, renamed } = await duplicateWithNote('nothing-lost-late');
    const theirs = 'Rewritten by someone else, late.\n';
    subscriptions.push(interrupt(api, 'Renumber', 'applied', () => writeText(note, theirs)));
    const cancelled = nextCancellation(api, 'Renumber');
    assert.equal(await withPrompts([], [CONFIRM_RENUMBER], () => Promise.resolve(vscode.commands.executeCommand('adrRoles.renumber', duplicate))), undefined);
    assert.equal((await cancelled).message, 'docs/notes-nothing-lost-late.md changed on disk while Renumber was running: nothing was changed. Run it again.');
    assert.equal(await exists(renamed), false, 'the new name is gone');
    assert.equal(await readText(duplicate), duplicateText, 'the old name is back, with its text');
    assert.equal(await readText(note), theirs);
    assert.notEqual(documentOf(duplicate)?.isDirty, true);
    await documentSettled(note, theirs);
  });

  it('New ADR: a file that appears at the new number before the write is kept, and the decision takes the next number', async () => {
    const api = await indexedApi();
    let squatter: vscode.Uri | undefined;
    subscriptions.push(
      interrupt(api, 'New ADR', 'planned', async (event) => {
        squatter = vscode.Uri.parse(event.creates[0] ?? '');
        scratch.remember(squatter);
        await writeText(squatter, 'Written by someone else.\n');
      }),
    );
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.newDecision', { title: 'Never over another file', owner: 'hoe' });
    assert.ok(created && squatter);
    scratch.remember(created);
    assert.equal(squatter.path.split('/').pop(), '0007-never-over-another-file.md');
    assert.equal(created.path.split('/').pop(), '0008-never-over-another-file.md');
    assert.equal(await readText(squatter), 'Written by someone else.\n');
  });
});

describe('nothing lost: one undo restores every file byte for byte', () => {
  const scratch = new Scratch();
  afterEach(() => scratch.restore());

  it('Supersede: one undo removes the new decision and restores the old one', async () => {
    const api = await indexedApi();
    const text = '# 8. Undo me\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n\nPortable.\n';
    const old = await scratch.create(`${FOLDER}/0008-undo-supersede.md`, text);
    await indexState(api, () => api.decisions().some((d) => d.file === old.path), () => `${old.path} indexed`);
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.supersedeDecision', old, { title: 'Undone', owner: 'hoe' });
    assert.ok(created);
    scratch.remember(created);
    assert.notEqual(await readText(old), text);
    await undoIn(api, created, async () => documentOf(old)?.getText() === text && !(await exists(created)), 'the old decision and removed the new one');
    await save(old);
    assert.equal(await readText(old), text);
  });

  for (const [name, command, args] of [
    ['Elevate to CTO', 'adrRoles.elevateDecision', []],
    ['Set Status', 'adrRoles.setStatus', ['deprecated']],
  ] as const) {
    it(`${name}: one undo restores the decision`, async () => {
      const api = await indexedApi();
      const old = workspaceFile(ON_CALL);
      const before = await scratch.keep(old);
      assert.equal(await vscode.commands.executeCommand(command, old, ...args), true);
      assert.notEqual(await readText(old), before);
      await undoIn(api, old, () => Promise.resolve(documentOf(old)?.getText() === before), 'the decision');
      await save(old);
      assert.equal(await readText(old), before);
    });
  }

  it('Renumber: one undo takes back the rename and the rewritten links', async () => {
    const api = await indexedApi();
    const duplicateText = '---\nstatus: proposed\nowner: hoe\n---\n# Undo renumber\n';
    const noteText = 'See [it](decisions/0005-undo-renumber.md).\n';
    const duplicate = await scratch.create(`${FOLDER}/0005-undo-renumber.md`, duplicateText);
    const note = await scratch.create('docs/notes-undo-renumber.md', noteText);
    await indexState(api, () => api.decisions().filter((d) => d.id === 'ADR-0005').length === 2, () => 'two ADR-0005');
    const renamed = await withPrompts([], [CONFIRM_RENUMBER], () => Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.renumber', duplicate)));
    assert.ok(renamed);
    scratch.remember(renamed);
    assert.equal(await readText(note), 'See [it](decisions/0007-undo-renumber.md).\n');
    await undoIn(
      api,
      renamed,
      async () => !(await exists(renamed)) && (await exists(duplicate)) && documentOf(note)?.getText() === noteText && (documentOf(duplicate)?.getText() ?? duplicateText) === duplicateText,
      'the old name and the links',
    );
    await save(duplicate, note);
    assert.equal(await readText(duplicate), duplicateText);
    assert.equal(await readText(note), noteText);
  });

  it('Add Owners: one undo per answer restores the decision', async () => {
    const api = await indexedApi();
    const text = '# 7. Record architecture decisions\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n\nUndo me.\n';
    const uri = await scratch.create(`${FOLDER}/0007-undo-add-owners.md`, text);
    await indexState(api, () => api.decisions().some((d) => d.id === 'ADR-0007' && d.owner === null), () => 'ADR-0007, unowned, in the index');
    assert.deepEqual(await vscode.commands.executeCommand('adrRoles.addOwners', { owner: 'cto', where: 'status=accepted' }), ['ADR-0007']);
    assert.equal(await readText(uri), text.replace('Date: 2016-02-12\n', 'Date: 2016-02-12\n\nOwner: cto\n'));
    await undoIn(api, uri, () => Promise.resolve(documentOf(uri)?.getText() === text), 'the decision');
    await save(uri);
    assert.equal(await readText(uri), text);
  });
});

describe('nothing lost: a decision with unsaved changes is edited in its editor', () => {
  const scratch = new Scratch();
  afterEach(() => scratch.restore());

  async function withUnsavedWork(): Promise<{ old: vscode.Uri; before: string; editor: vscode.TextEditor; unsaved: string }> {
    await indexedApi();
    const old = workspaceFile(ON_CALL);
    const before = await scratch.keep(old);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(old));
    const end = editor.document.positionAt(editor.document.getText().length);
    assert.ok(await editor.edit((edit) => edit.insert(end, '\nA paragraph not saved yet.\n')));
    const unsaved = editor.document.getText();
    assert.ok(editor.document.isDirty);
    return { old, before, editor, unsaved };
  }

  async function discard(editor: vscode.TextEditor): Promise<void> {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }

  it('Override keeps the unsaved text, puts its edit in the document and leaves the disk alone', async () => {
    const { old, before, editor, unsaved } = await withUnsavedWork();
    try {
      const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('adrRoles.overrideDecision', old, OVERRIDE_ARGS);
      assert.ok(created);
      scratch.remember(created);
      assert.equal(editor.document.getText(), unsaved.replace('status: accepted\n', 'status: overridden\noverridden-by: ADR-0007\n'));
      assert.ok(editor.document.isDirty, 'still unsaved');
      assert.equal(await readText(old), before, 'the disk is untouched until the user saves');
    } finally {
      await discard(editor);
    }
  });

  it('Set Status keeps the unsaved text, puts its edit in the document and leaves the disk alone', async () => {
    const { old, before, editor, unsaved } = await withUnsavedWork();
    try {
      assert.equal(await vscode.commands.executeCommand('adrRoles.setStatus', old, 'deprecated'), true);
      assert.equal(editor.document.getText(), unsaved.replace('status: accepted\n', 'status: deprecated\n'));
      assert.ok(editor.document.isDirty, 'still unsaved');
      assert.equal(await readText(old), before, 'the disk is untouched until the user saves');
    } finally {
      await discard(editor);
    }
  });
});
