import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AdrRolesApi } from '../../src/vscode/api';
import { indexedApi, nextCancellation, readText, workspaceFile } from './helpers';

const SEGMENT = 'docs/decisions/0005-send-product-events-through-segment.md';
const GRAPHQL = 'docs/decisions/0003-aggregate-product-events-through-graphql-mutations.md';
const CODE = 'src/analytics/track.ts';

/** The position of the first `needle` in a workspace file. */
async function positionOf(relative: string, needle: string): Promise<vscode.Position> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} in ${relative}`);
  return document.positionAt(offset + 1);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

describe('navigation between decisions', () => {
  let api: AdrRolesApi;
  before(async () => {
    api = await indexedApi();
  });

  it('hovering ADR-0003 in a decision shows its title, owner role, status and what overrode it', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceFile(SEGMENT), await positionOf(SEGMENT, 'ADR-0003 collected'));
    const text = hoverText(hovers);
    assert.match(text, /\*\*ADR-0003\*\* Aggregate product events through GraphQL mutations/);
    assert.match(text, /Owner: Head of Engineering \(execution\) · Status: overridden · Date: 2021-04-06/);
    assert.match(text, /overridden by ADR-0005 because of a new resource: Data team hired; analytics vendor contract signed/);
    assert.doesNotMatch(text, /new-resource|overridden-by/, 'words, not keys');
    assert.match(text, /\[Open ADR-0003\]\(file:/);
  });

  it('hovering a mention in a code comment works the same', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceFile(CODE), await positionOf(CODE, 'ADR-0005'));
    assert.match(hoverText(hovers), /\*\*ADR-0005\*\* Send product events through Segment/);
  });

  it('goes to the definition of a mention', async () => {
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', workspaceFile(CODE), await positionOf(CODE, 'ADR-0003'));
    const uris = locations.map((l) => ('uri' in l ? l.uri : l.targetUri).toString());
    assert.deepEqual(uris, [workspaceFile(GRAPHQL).toString()]);
  });

  it('makes mentions into document links', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', workspaceFile(SEGMENT));
    const targets = links.map((l) => l.target?.path.split('/').pop());
    assert.ok(targets.includes('0003-aggregate-product-events-through-graphql-mutations.md'), JSON.stringify(targets));
    assert.ok(targets.includes('0001-buy-analytics-platform-rather-than-build.md'), JSON.stringify(targets));
  });

  it('finds every reference to a decision, in docs and code', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', workspaceFile(GRAPHQL), new vscode.Position(0, 0));
    const files = [...new Set(locations.map((l) => vscode.workspace.asRelativePath(l.uri)))].sort();
    assert.deepEqual(files, ['README.md', CODE, SEGMENT].sort());
  });

  it('puts owner, relations and the reference count above a decision', async () => {
    // CodeLenses belong to an open document.
    await vscode.workspace.openTextDocument(workspaceFile(GRAPHQL));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', workspaceFile(GRAPHQL), 10);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.includes('Head of Engineering (execution)'), JSON.stringify(titles));
    assert.ok(titles.includes('overridden by ADR-0005'), JSON.stringify(titles));
    assert.ok(titles.some((t) => /^[1-9]\d* references?$/.test(t)), JSON.stringify(titles));
    const toSegment = lenses.find((l) => l.command?.title === 'overridden by ADR-0005');
    // The workbench hands back its own id for vscode.open.
    assert.match(toSegment?.command?.command ?? '', /^(vscode|_workbench)\.open$/);
    assert.equal((toSegment?.command?.arguments?.[0] as { path?: string } | undefined)?.path, workspaceFile(SEGMENT).path);
  });

  it('completes ADR- in markdown with the decisions of the folder', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', workspaceFile(SEGMENT), await positionOf(SEGMENT, 'ADR-0003 collected').then((p) => p.translate(0, 3)));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const id of ['ADR-0001', 'ADR-0003', 'ADR-0006']) assert.ok(labels.includes(id), `${id} in ${JSON.stringify(labels.slice(0, 12))}`);
  });

  it('Generate Index writes the table into the folder README, and a second run changes nothing', async () => {
    const readme = workspaceFile('docs/decisions/README.md');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri[]>('adrRoles.generateIndex');
      assert.deepEqual(written.map((u) => u.toString()), [readme.toString()]);
      const text = await readText(readme);
      assert.match(text, /<!-- adr-roles:index:start -->\n\| # \| Decision \| Owner \| Status \| Date \| Overrides \|/);
      assert.match(text, /\| 5 \| \[Send product events through Segment\]\(0005-send-product-events-through-segment\.md\) \| CTO \(strategy\) \| accepted \| 2021-08-10 \| \[ADR-0003\]\(0003-aggregate-product-events-through-graphql-mutations\.md\) \|/);
      assert.deepEqual(await vscode.commands.executeCommand<vscode.Uri[]>('adrRoles.generateIndex'), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(readme).then(undefined, () => undefined);
    }
  });

  it('Generate Index reads no README larger than a decision may be, and writes nothing', async () => {
    const readme = workspaceFile('docs/decisions/README.md');
    const huge = `# Decisions\n\n${'x'.repeat(1100 * 1024)}\n`;
    await vscode.workspace.fs.writeFile(readme, new TextEncoder().encode(huge));
    try {
      const stopped = nextCancellation(api, 'Generate Index');
      assert.deepEqual(await vscode.commands.executeCommand<vscode.Uri[]>('adrRoles.generateIndex'), []);
      assert.match((await stopped).message, /^Generate Index: docs\/decisions\/README\.md is larger than 1024 KB \(adrRoles\.maxFileSizeKB\): nothing was read or written\.$/);
      assert.equal(await readText(readme), huge);
    } finally {
      await vscode.workspace.fs.delete(readme).then(undefined, () => undefined);
    }
  });
});
