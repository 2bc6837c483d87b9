// Loaded by the workbench as the extension tests' entry point (extensionTestsPath), once per window
// load: it reads the extension's own startup figures through its API, and on the second load (after
// a window reload, so the last session's index is on disk) it also switches a branch's worth of
// files on disk and times until the index and the diagnostics show every one. It writes one JSON
// line per window load to the file the harness names; the harness prints the tables.
import { appendFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AdrRolesApi } from '../../src/vscode/api';

const RESULTS_ENV = 'ADR_ROLES_BENCH_EDITOR_RESULTS';
const SWITCH_FILES = 1000;
const DEADLINE_MS = 180_000;
/** How often the probe looks at the extension's figures; the figures are the extension's own clock, not this one's. */
const LOOK_EVERY_MS = 20;

export async function run(): Promise<void> {
  const resultsFile = process.env[RESULTS_ENV];
  if (!resultsFile) throw new Error(`${RESULTS_ENV} is not set`);
  const loads = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean).length : 0;
  const phase = loads === 0 ? 'cold' : 'warm';
  // The Decisions view must be visible for VS Code to ask it for rows, as a user opening it would.
  await vscode.commands.executeCommand('adrRoles.decisions.focus');
  const extension = vscode.extensions.getExtension<AdrRolesApi>('adr-roles.adr-roles');
  if (!extension) throw new Error('the extension is not loaded');
  const api = await extension.activate();
  await api.whenIndexed();
  await lookUntil(() => {
    const t = api.startupTimings();
    return t.viewPopulatedMs !== undefined && t.diagnosticsPublishedMs !== undefined;
  }, 'the view and the diagnostics to show the index');
  const record: Record<string, unknown> = { phase, decisions: api.decisions().length, ...api.startupTimings() };
  if (phase === 'warm') record.branchSwitch = await switchBranch(api);
  appendFileSync(resultsFile, `${JSON.stringify(record)}\n`);
}

/** Rewrites up to SWITCH_FILES decisions on disk, as a checkout would, and times until the index holds them all. */
async function switchBranch(api: AdrRolesApi): Promise<Record<string, unknown>> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  const dir = join(folder.uri.fsPath, 'docs', 'decisions');
  const files = readdirSync(dir).filter((name) => name.endsWith('.md')).sort().slice(0, SWITCH_FILES);
  const marker = `switched ${Date.now()}`;
  const changed = new Set(files.map((name) => vscode.Uri.file(join(dir, name)).path));
  const batchesBefore = api.startupTimings().batches.length;
  const allSwitched = (): boolean => api.decisions().filter((d) => changed.has(d.file) && d.title?.value.endsWith(marker)).length === changed.size;
  const done = new Promise<number>((resolve) => {
    const subscription = api.onDidChange(() => {
      if (!allSwitched()) return;
      subscription.dispose();
      resolve(Date.now());
    });
  });
  const start = Date.now();
  for (const name of files) {
    const path = join(dir, name);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^# (.*)$/m, (_line, title: string) => `# ${title} ${marker}`));
  }
  const written = Date.now();
  const appliedAt = await withDeadline(done, 'the branch switch to reach the index');
  const batches = api.startupTimings().batches.slice(batchesBefore);
  return {
    files: files.length,
    writeMs: written - start,
    appliedMs: appliedAt - start,
    batches: batches.map((b) => ({ files: b.files, applyMs: b.appliedAt - b.firstEventAt })),
    heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1048576),
  };
}

async function lookUntil(holds: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!holds()) {
    if (Date.now() - started > DEADLINE_MS) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, LOOK_EVERY_MS));
  }
}

function withDeadline<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), DEADLINE_MS).unref()),
  ]);
}
