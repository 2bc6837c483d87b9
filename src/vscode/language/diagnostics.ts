import * as vscode from 'vscode';
import type { Decision } from '../../core/model';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from '../convert';
import { openDocumentKeys, problemsScope, SETTINGS_SECTION } from '../settings';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { StartupTimings } from '../startupTimings';

/** Typing pauses shorter than this do not re-run the rules. */
const TYPING_DEBOUNCE_MS = 200;
/**
 * Milliseconds of linting between two turns of the extension host's event loop. Linting 10,000
 * decisions takes 0.2 s (a second on a busy machine); in one piece it held up the workbench's
 * requests, the Decisions view's rows first among them, just after a warm start showed the index.
 */
const LINT_SLICE_MS = 8;

/**
 * One DiagnosticCollection for every decision: open documents are re-read as the user types
 * (debounced per document, a version guard drops stale results); the rest follow the index,
 * unless the `adrRoles.problems.scope` setting limits the Problems panel to open files.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[];
  /** Bumped by every publishAll: a run still linting when a newer one starts stops. */
  private run = 0;
  /** While a run is linting: what publishOne set meanwhile, newer than the run's reading of those files. */
  private ownTextDuringRun: Map<string, [vscode.Uri, vscode.Diagnostic[]]> | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly timings?: StartupTimings,
  ) {
    this.disposables = [
      this.collection,
      index.onDidChange(() => this.publishAll()),
      index.onDidChangeOwnText((decision) => this.publishOne(decision)),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, TYPING_DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.forgetTimer(d.uri);
        if (problemsScope() === 'openFiles') this.publishAll();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION)) this.publishAll();
      }),
    ];
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    const key = document.uri.toString();
    this.forgetTimer(document.uri);
    const version = document.version;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // The document changed again or closed meanwhile: a newer run is already scheduled.
        if (document.isClosed || document.version !== version) return;
        this.index.updateFromDocument(document);
      }, delay),
    );
  }

  private forgetTimer(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  private publishOne(decision: Decision): void {
    const uri = this.index.uriOf(decision);
    if (!uri) return;
    const diagnostics = this.index.problemsFor(decision).map(toDiagnostic);
    this.collection.set(uri, diagnostics);
    this.ownTextDuringRun?.set(uri.toString(), [uri, diagnostics]);
  }

  /**
   * Lints every decision and publishes the lot at once. A small workspace is linted and published
   * within the call; a large one in slices of LINT_SLICE_MS with a turn of the event loop between,
   * published when the last slice is done (a newer change starts a newer run, and this one stops).
   */
  private publishAll(): void {
    const run = ++this.run;
    this.ownTextDuringRun = new Map();
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    // With the `openFiles` scope, closed decisions leave the Problems panel.
    const open = problemsScope() === 'openFiles' ? openDocumentKeys() : undefined;
    const decisions = this.index.decisions();
    let at = 0;
    const lintSlice = (): void => {
      if (run !== this.run) return;
      const started = performance.now();
      // After clear() a file without problems has none: only files with problems are sent, so a
      // workspace of 10,000 mostly clean decisions costs the workbench hundreds of entries, not 10,000.
      while (at < decisions.length) {
        const decision = decisions[at++]!;
        // The scope first: with `openFiles`, a closed decision is not linted at all.
        const uri = this.index.uriOf(decision);
        if (uri && (!open || open.has(uri.toString()))) {
          const problems = this.index.problemsFor(decision);
          if (problems.length > 0) entries.push([uri, problems.map(toDiagnostic)]);
        }
        if (at % 32 === 0 && at < decisions.length && performance.now() - started > LINT_SLICE_MS) {
          setImmediate(lintSlice);
          return;
        }
      }
      this.finishPublish(entries, open);
    };
    lintSlice();
  }

  private finishPublish(entries: [vscode.Uri, vscode.Diagnostic[]][], open: ReadonlySet<string> | undefined): void {
    const ownText = this.ownTextDuringRun ?? new Map<string, [vscode.Uri, vscode.Diagnostic[]]>();
    this.ownTextDuringRun = undefined;
    // Skipped files say why they were not read, under the same scope as decisions.
    for (const { uri, problems } of this.index.skippedFiles()) if (!open || open.has(uri.toString())) entries.push([uri, problems.map(toDiagnostic)]);
    // Configuration mistakes are shown in the configuration file, wherever the scope setting says.
    for (const { uri, problems } of this.index.configProblems()) if (problems.length > 0) entries.push([uri, problems.map(toDiagnostic)]);
    this.collection.clear();
    this.collection.set(entries);
    // Typing re-linted these files while the run went on: their newer problems stand.
    for (const [uri, diagnostics] of ownText.values()) this.collection.set(uri, diagnostics);
    // Published for an index: the last session's, shown at once, or the first one read.
    if (this.timings?.has('indexedMs') || this.timings?.has('shownFromCacheMs')) this.timings.mark('diagnosticsPublishedMs');
  }

  dispose(): void {
    // A run still linting stops at its next slice.
    this.run++;
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
