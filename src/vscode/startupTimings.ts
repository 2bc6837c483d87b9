import * as vscode from 'vscode';

/** One batch of file events (a branch switch, a pull) as the index applied it. */
export interface BatchTiming {
  files: number;
  /** Epoch ms of the batch's first file event, and of the moment the index and its listeners had taken it in. */
  firstEventAt: number;
  appliedAt: number;
}

/**
 * What the user waits for after opening a workspace, measured inside the extension: milliseconds
 * since activate() began, each taken the first time it happens. Read by `npm run bench:editor`
 * through the API, and written to the "ADR Roles: Timings" output channel for anyone to look at.
 */
export interface StartupFigures {
  /** Epoch ms at which activate() began. */
  activatedAt: number;
  /** How long the extension host process had been running when activate() began. */
  hostUptimeMs: number;
  /** The last session's index shown (view and diagnostics) before any file was read; absent without one. */
  shownFromCacheMs?: number;
  /** The first full index done: every file stat'ed or read, the catalog in use. */
  indexedMs?: number;
  /** The Decisions view first handed rows to VS Code. */
  viewPopulatedMs?: number;
  /** Diagnostics first published for the indexed decisions. */
  diagnosticsPublishedMs?: number;
  /** Of the first full index: files taken from the persisted index, and files read. */
  reused?: number;
  read?: number;
  /** Extension host heap in use when the first index was done, in MB. */
  heapUsedMB?: number;
  batches: BatchTiming[];
}

type Milestone = 'shownFromCacheMs' | 'indexedMs' | 'viewPopulatedMs' | 'diagnosticsPublishedMs';

/** Records the startup milestones once each, and every applied batch. */
export class StartupTimings implements vscode.Disposable {
  private readonly figures: StartupFigures;
  private readonly started = performance.now();
  private channel: vscode.OutputChannel | undefined;

  constructor() {
    this.figures = { activatedAt: Date.now(), hostUptimeMs: Math.round(process.uptime() * 1000), batches: [] };
  }

  /** Whether the milestone has been recorded yet. */
  has(milestone: Milestone): boolean {
    return this.figures[milestone] !== undefined;
  }

  mark(milestone: Milestone): void {
    if (this.has(milestone)) return;
    const ms = Math.round(performance.now() - this.started);
    this.figures[milestone] = ms;
    this.log(`${milestone.replace(/Ms$/, '')}: ${ms} ms after activation`);
  }

  /** The first full index's counts and the heap it left. */
  indexed(counts: { reused: number; read: number }): void {
    if (this.has('indexedMs')) return;
    this.figures.reused = counts.reused;
    this.figures.read = counts.read;
    this.figures.heapUsedMB = Math.round(process.memoryUsage().heapUsed / 1048576);
    this.mark('indexedMs');
    this.log(`first index: ${counts.read} files read, ${counts.reused} from the last session; heap ${this.figures.heapUsedMB} MB`);
  }

  batch(timing: BatchTiming): void {
    // Bounded: a long session applies batches without end.
    if (this.figures.batches.length >= 100) this.figures.batches.shift();
    this.figures.batches.push(timing);
    this.log(`batch of ${timing.files} files applied ${timing.appliedAt - timing.firstEventAt} ms after its first event`);
  }

  snapshot(): StartupFigures {
    return { ...this.figures, batches: [...this.figures.batches] };
  }

  private log(line: string): void {
    // Created on first use: an output channel nobody needs costs nothing at activation.
    this.channel ??= vscode.window.createOutputChannel('ADR Roles: Timings');
    this.channel.appendLine(line);
  }

  dispose(): void {
    this.channel?.dispose();
  }
}
