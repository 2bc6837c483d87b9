import type { Event } from 'vscode';
import type { Decision, Problem } from '../core/model';
import type { StartupFigures } from './startupTimings';

/** A row of the Decisions view as the user sees it. */
export interface TreeRow {
  label: string;
  description: string;
  children: TreeRow[];
}

/** What a Decision Graph or Ownership Report panel reports having drawn. */
export interface PanelDrawing {
  panel: 'graph' | 'report';
  /** Decisions drawn; relations are the graph's edges or the report's overrides. */
  summary: { decisions: number; relations: number; renders: number; lists?: Record<string, string[]> };
}

/**
 * The bound that cut a workspace reference scan short: the file cap, the listing (more files than
 * the editor's search is asked for, before .gitignore rules only the extension can apply), bytes
 * read, references kept, or the .gitignore matcher's budget.
 */
export type ScanLimit = 'files' | 'listing' | 'bytes' | 'references' | 'ignore-rules';

/** What the workspace reference scan (CodeLens counts, find all references) searched and left out. */
export interface ReferenceScanStats {
  /** Files listed after files.exclude, search.exclude and .gitignore, before the cap. */
  listed: number;
  /** Files whose references are counted. */
  searched: number;
  /** Files listed and within the cap but not searched: over the size limit, generated or minified, or behind a symbolic link. */
  skipped: { tooLarge: number; generated: number; linked: number };
  limitedBy: ScanLimit | null;
  /** The file cap in force (adrRoles.references.maxFiles). */
  maxFiles: number;
  /** Files read from disk and scanned for references, and open documents scanned, since activation. */
  fileScans: number;
  documentScans: number;
}

/**
 * A command about to write what it planned. Listeners may delay the write with `waitUntil`,
 * called synchronously from the listener, as with `onWillSaveTextDocument`.
 */
export interface WillWriteEvent {
  /** The command as its messages name it: 'Override', 'Renumber'… */
  readonly command: string;
  /**
   * `planned`: the command has read its files, asked its questions and planned its edit; next it
   * checks the files against what it read and writes. `applied`: the edit is in the documents but
   * not yet saved; next it checks the disk again and saves, or takes the edit back.
   */
  readonly phase: 'planned' | 'applied';
  /** URI strings of the existing files the plan was computed from (the files it edits or renames). */
  readonly files: readonly string[];
  /** URI strings of the files it creates, and of a renamed file's new name. */
  readonly creates: readonly string[];
  waitUntil(thenable: Thenable<unknown>): void;
}

/**
 * A command that wrote nothing: a file it had read changed or went away before it wrote, or the
 * containment rule refused a file it would write (outside the workspace, or through a symbolic link).
 */
export interface WriteCancelled {
  command: string;
  /** The URI string of the file that changed, or that was refused. */
  file: string;
  /** The error message shown to the user. */
  message: string;
}

/**
 * What `activate` returns. Other extensions and the integration tests read the index through it
 * instead of reaching into module state.
 */
export interface AdrRolesApi {
  /** Resolves once the current workspace index is complete (it runs in the background after activation). */
  whenIndexed(): Promise<void>;
  /** Fires after the index changed: a file created, edited, renamed or deleted, or settings changed. */
  onDidChange: Event<void>;
  /**
   * Fires when an open Decision Graph or Ownership Report panel has drawn the index: once it loads
   * and after each change. `renders` counts the drawings since the page loaded, so an update drawn
   * in place (rather than by reloading the page) shows as a count above 1.
   */
  onDidRenderPanel: Event<PanelDrawing>;
  /** Every decision currently indexed, across all decision folders. */
  decisions(): readonly Decision[];
  /** Problems the core rules report for one decision file, by its URI string. */
  problemsFor(uri: string): readonly Problem[];
  /** Fires after each comparison of the branch with its base (the branch checks) completes. */
  onDidCheckBranch: Event<void>;
  /** The lines the branch checks wrote to the ADR Roles output channel (what stopped them, what they compare with). */
  branchCheckOutput(): readonly string[];
  /** The badge and tooltip a decision file gets for what the branch did to it (added, changed, renamed), by its URI string. */
  branchMark(uri: string): { badge: string; tooltip: string } | undefined;
  /** The rows the Decisions view shows now, with the current grouping and filter. */
  tree(): TreeRow[];
  /** The Decisions view's badge as shown: decisions without an owner plus those due for review, and a tooltip saying which; undefined when none. */
  treeBadge(): { value: number; tooltip: string } | undefined;
  /** What the Decisions view's title bar says next to its name: its grouping and filter. */
  treeDescription(): string | undefined;
  /** The ids of the decisions selected in the Decisions view. */
  treeSelection(): string[];
  /** Fires with a decision's id once the Decisions view has selected the active editor's decision. */
  onDidRevealInTree: Event<string>;
  /**
   * Fires when a command that edits files is about to check them and write (and again after the
   * edit is applied, before it is saved). For tests that must change a file at an exact point of
   * a command: Renumber asks nothing between reading and writing, and an extension cannot see
   * when the workbench shows a prompt, so this is the only deterministic point, without sleeps.
   */
  onWillWrite: Event<WillWriteEvent>;
  /** Fires when a command wrote nothing because a file it had read changed meanwhile, or a file it would write was refused, with the message shown. */
  onDidCancelWrite: Event<WriteCancelled>;
  /** The workspace reference scan as it stands (it runs on the first reference query, then follows changes). */
  referenceScan(): ReferenceScanStats;
  /** How long this window's start took to index, show and diagnose the decisions, and each batch of file events since. */
  startupTimings(): StartupFigures;
}
