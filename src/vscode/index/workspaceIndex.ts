import { folderFormat, formatOfLog, type FolderFormat } from '../../core/workspace/folderFormat';
import * as vscode from 'vscode';
import { Catalog, type DecisionLog, type ResolvedRelation } from '../../core/workspace/catalog';
import { isoDate } from '../../core/read/dates';
import { CONFIG_FILE_NAME, mergeConfig, type AdrRolesConfig } from '../../core/workspace/config';
import { discover, isDecisionFileName, type Discovery } from '../../core/workspace/discovery';
import { baseName } from '../../core/read/fileName';
import { admitDecision, type SkippedFile } from '../../core/read/fileAdmission';
import { mapBounded } from '../../core/workspace/fileSystem';
import { lintDecision, lintSkipped } from '../../core/rules/lint';
import type { Decision, Problem } from '../../core/model';
import { dirName } from '../../core/workspace/paths';
import type { Reference } from '../../core/workspace/references';
import { resolveReference } from '../../core/workspace/resolveReference';
import type { CachedDecision } from '../../core/workspace/indexCache';
import { loadFoldersCached, loadFoldersFromCache, readDecisionFile } from '../../core/workspace/load';
import { PersistedIndex, withStat } from './persistedIndex';
import { MAX_FILE_SIZE_SETTING, readLimits, readOverrides, SETTINGS_SECTION } from '../settings';
import { workspaceFileSystem } from './vscodeFileSystem';
import type { StartupTimings } from '../startupTimings';

/**
 * Watcher events are applied as one batch once none has arrived for this long (a branch switch
 * touches hundreds of files), and at the latest BATCH_MAX_WAIT_MS after the first. VS Code hands
 * file events over in chunks of 500, 200 ms apart, so a shorter quiet time splits a large change.
 */
const BATCH_QUIET_MS = 400;
const BATCH_MAX_WAIT_MS = 3000;
/** Files read at once when applying a batch. */
const BATCH_READ_CONCURRENCY = 16;

interface FolderState {
  folder: vscode.WorkspaceFolder;
  discovery: Discovery;
  uriOf: (path: string) => vscode.Uri;
}

/**
 * Every decision of the workspace, kept current from the file system and from open editors.
 * Open documents win over disk, so warnings follow what the user is typing.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private catalog = new Catalog();
  private folders: FolderState[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly bodyChanged = new vscode.EventEmitter<Decision>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.bodyChanged];
  private pending = new Map<string, vscode.Uri>();
  private batchTimer: ReturnType<typeof setTimeout> | undefined;
  private dayTimer: ReturnType<typeof setTimeout> | undefined;
  private batchStarted = 0;
  private indexed: Promise<void> = Promise.resolve();
  private generation = 0;
  /** The document version each open decision was last read at. */
  private readonly versions = new Map<string, number>();
  private readonly persisted: PersistedIndex;
  /** Only the first index after activation trusts the last session's cache; Refresh re-reads everything. */
  private useCache = true;
  private configs = new WeakMap<FolderState, AdrRolesConfig>();

  readonly onDidChange = this.changed.event;
  /**
   * Fires instead of onDidChange when typing changed a decision but nothing other files, the tree
   * or the panels show of it: only that decision's own problems need a new look.
   */
  readonly onDidChangeOwnText = this.bodyChanged.event;

  /** `storageUri`: the workspace's storage, where the index is kept between sessions (none without a workspace). */
  constructor(
    storageUri?: vscode.Uri,
    private readonly timings?: StartupTimings,
  ) {
    this.persisted = new PersistedIndex(storageUri);
    this.changeAtMidnight();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    const configWatcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAME},.adr-dir,.log4brains.yml}`);
    this.disposables.push(
      watcher,
      configWatcher,
      watcher.onDidCreate((uri) => this.queue(uri)),
      watcher.onDidChange((uri) => this.queue(uri)),
      watcher.onDidDelete((uri) => this.queue(uri)),
      configWatcher.onDidCreate(() => this.reindex()),
      configWatcher.onDidChange(() => this.reindex()),
      configWatcher.onDidDelete(() => this.reindex()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reindex()),
      // Trust changes which of the workspace's settings apply (adrRoles.template is restricted).
      vscode.workspace.onDidGrantWorkspaceTrust(() => (this.configs = new WeakMap())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Registered before any other listener of the extension: they all read the new settings.
        this.configs = new WeakMap();
        // A new size limit changes which files are read at all; other settings only how they are linted.
        if (e.affectsConfiguration(MAX_FILE_SIZE_SETTING)) void this.reindex();
        else if (e.affectsConfiguration(SETTINGS_SECTION)) this.changed.fire();
      }),
    );
  }

  /** Starts (or restarts) a full index in the background; the returned promise settles when it is done. */
  reindex(): Promise<void> {
    const generation = ++this.generation;
    this.indexed = this.loadAll(generation);
    return this.indexed;
  }

  whenIndexed(): Promise<void> {
    return this.indexed;
  }

  decisions(): Decision[] {
    return this.catalog.decisions();
  }

  logs(): readonly DecisionLog[] {
    return this.catalog.folders();
  }

  /** The repository's configuration with the user's settings over it. */
  configFor(decision: Decision): AdrRolesConfig | undefined {
    return this.configOfFolder(this.folderOf(decision.file));
  }

  private configOfFolder(state: FolderState | undefined): AdrRolesConfig | undefined {
    if (!state) return undefined;
    // Asked once per decision when diagnostics or the badge are computed: merged once per folder
    // until a setting changes (a new index has new folder states, so a new cache).
    let config = this.configs.get(state);
    if (!config) {
      config = mergeConfig(state.discovery.config, readOverrides(state.folder.uri));
      this.configs.set(state, config);
    }
    return config;
  }

  /** The format a decision folder's files are written in: where fields and new decisions go. */
  formatOf(folderPath: string): FolderFormat {
    const state = this.folderOf(`${folderPath}/x.md`);
    const log = this.catalog.addFolder(folderPath);
    return state ? formatOfLog(state.discovery, log) : folderFormat(log.decisions());
  }

  /** Decision folders with the workspace folder each belongs to: where "New ADR" may write. */
  decisionFolders(): { workspaceFolder: vscode.WorkspaceFolder; path: string; uri: vscode.Uri; config: AdrRolesConfig; log: DecisionLog }[] {
    return this.folders.flatMap((state) =>
      state.discovery.folders.map((path) => ({
        workspaceFolder: state.folder,
        path,
        uri: state.uriOf(path),
        config: this.configOfFolder(state) ?? state.discovery.config,
        log: this.catalog.addFolder(path),
      })),
    );
  }

  /** The configuration for a workspace folder that has no decision folder yet. */
  configForWorkspaceFolder(folder: vscode.WorkspaceFolder): AdrRolesConfig | undefined {
    return this.configOfFolder(this.folders.find((f) => f.folder.uri.toString() === folder.uri.toString()));
  }

  uriOf(decision: Decision): vscode.Uri | undefined {
    return this.folderOf(decision.file)?.uriOf(decision.file);
  }

  /** Roles of the first folder with a configuration: what the tree groups by. */
  roles(): AdrRolesConfig['roles'] {
    return this.configOfFolder(this.folders.find((f) => f.discovery.configFile) ?? this.folders[0])?.roles ?? [];
  }

  /** Files in decision folders that are not read (too large, binary, unreadable), each with its problem. */
  skippedFiles(): { uri: vscode.Uri; problems: Problem[] }[] {
    return this.catalog.skipped().flatMap((skipped: SkippedFile) => {
      const state = this.folderOf(skipped.file);
      const config = this.configOfFolder(state);
      return state && config ? [{ uri: state.uriOf(skipped.file), problems: lintSkipped(skipped, config) }] : [];
    });
  }

  /** Files in decision folders that are not read, each with why (as read, before any configured severity). */
  unreadFiles(): { uri: vscode.Uri; skipped: SkippedFile }[] {
    return this.catalog.skipped().flatMap((skipped: SkippedFile) => {
      const state = this.folderOf(skipped.file);
      return state ? [{ uri: state.uriOf(skipped.file), skipped }] : [];
    });
  }

  problemsFor(decision: Decision): Problem[] {
    const config = this.configFor(decision);
    return config ? lintDecision(decision, this.catalog.logFor(decision.file), config, this.today()) : [];
  }

  /** Today's local date (ISO): what review dates are measured against, by the rules and every view alike. */
  today(): string {
    return isoDate(new Date());
  }

  /**
   * A new day makes decisions overdue with no file changing: at local midnight the index says it
   * changed, so the warnings, the view's review group and badge, CodeLens and panels follow.
   */
  private changeAtMidnight(): void {
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    // A second past midnight, so today() has turned when the listeners ask.
    this.dayTimer = setTimeout(() => {
      this.changed.fire();
      this.changeAtMidnight();
    }, next.getTime() - now.getTime() + 1000);
    // Only a notice: it never keeps a process alive (a host shutting down, the bench loading the bundle).
    (this.dayTimer as { unref?: () => void }).unref?.();
  }

  /** The decisions a reference written in `from` may mean, nearest first. */
  resolve(from: vscode.Uri, ref: Reference): Decision[] {
    return resolveReference(this.catalog, from.path, ref);
  }

  /** The folder log a document belongs to, or the only one of the workspace: where `ADR-` completes from. */
  logForDocument(uri: vscode.Uri): DecisionLog | undefined {
    const logs = this.catalog.folders();
    return logs.find((l) => l.folder === dirName(uri.path)) ?? (logs.length === 1 ? logs[0] : undefined);
  }

  /**
   * Problems in each workspace folder's `.adr-roles.yml`, located in that file, and the paths the
   * containment rule refused, in the file that named them (`.adr-dir`, `.log4brains.yml`, a link).
   */
  configProblems(): { uri: vscode.Uri; problems: Problem[] }[] {
    return this.folders.flatMap(({ discovery, uriOf }) => {
      const byFile = new Map<string, Problem[]>();
      if (discovery.configFile) byFile.set(discovery.configFile, [...discovery.configProblems]);
      for (const { file, problem } of discovery.refused) {
        if (!discovery.configProblems.includes(problem)) byFile.set(file, [...(byFile.get(file) ?? []), problem]);
      }
      return [...byFile].map(([file, problems]) => ({ uri: uriOf(file), problems }));
    });
  }

  /** Relations both ways: those the decision declares and those others declare about it. */
  relationsOf(decision: Decision): ResolvedRelation[] {
    return this.catalog.logFor(decision.file).relationsOf(decision);
  }

  findByUri(uri: vscode.Uri): Decision | undefined {
    return this.catalog.get(uri.path);
  }

  /** Re-reads one open document's text into the index; ignored when it is not in a decision folder. */
  updateFromDocument(document: vscode.TextDocument): Decision | undefined {
    if (!this.isDecisionUri(document.uri)) return undefined;
    // The open document gets the full markdown tree: exact positions matter where the user is typing.
    const admission = admitDecision(document.uri.path, document.getText(), readLimits(), { markdown: 'tree' });
    this.versions.set(document.uri.toString(), document.version);
    if ('skipped' in admission) {
      this.catalog.skip(admission.skipped);
      this.changed.fire();
      return undefined;
    }
    const { decision } = admission;
    const before = this.catalog.get(decision.file);
    this.catalog.upsert(decision);
    // Most keystrokes land in the body: re-linting the whole workspace for them would lag typing.
    if (before && visibleSignature(before) === visibleSignature(decision)) this.bodyChanged.fire(decision);
    else this.changed.fire();
    return decision;
  }

  /**
   * The decision as the document reads now. Code actions and completion can run before the
   * debounced re-read, and a stale parse would put fixes at the wrong place.
   */
  updateFromDocumentIfStale(document: vscode.TextDocument): Decision | undefined {
    if (!this.isDecisionUri(document.uri)) return undefined;
    const key = document.uri.toString();
    if (this.versions.get(key) === document.version) return this.findByUri(document.uri);
    return this.updateFromDocument(document);
  }

  isDecisionUri(uri: vscode.Uri): boolean {
    return isDecisionFileName(baseName(uri.path)) && this.folders.some((f) => f.discovery.folders.includes(dirName(uri.path)));
  }

  private async loadAll(generation: number): Promise<void> {
    const previous = this.useCache ? await this.persisted.read() : new Map<string, CachedDecision>();
    this.useCache = false;
    const states: FolderState[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const { fs, uriOf } = workspaceFileSystem(folder.uri);
      states.push({ folder, discovery: await discover(fs, folder.uri.path), uriOf });
    }
    if (generation !== this.generation) return;
    // The last session's index is shown at once; every file's stat is checked behind it.
    const shown = previous.size > 0 ? await this.showCached(generation, states, previous) : undefined;
    const catalog = new Catalog();
    const next = new Map<string, CachedDecision>();
    let reused = 0;
    for (const { folder, discovery, uriOf } of states) {
      const loaded = await loadFoldersCached(withStat(workspaceFileSystem(folder.uri).fs, uriOf), discovery.folders, previous, catalog, readLimits());
      for (const [file, entry] of loaded.cache) next.set(file, entry);
      reused += loaded.reused;
    }
    // A newer reindex started while this one read files: its result wins.
    if (generation !== this.generation) return;
    // Counted, not listed: listing sorts and resolves the new catalog, which a warm start with nothing changed throws away.
    const files = catalog.decisionCount() + catalog.skipped().length;
    this.timings?.indexed({ reused, read: files - reused });
    // Nothing changed since the last session: what is shown is the index, and so is the cache on disk.
    if (shown !== undefined && reused === shown && files === shown) return;
    this.folders = states;
    this.catalog = catalog;
    for (const document of vscode.workspace.textDocuments) if (document.isDirty) this.updateFromDocument(document);
    this.changed.fire();
    // Written after the index is in use: the next session's start, not this one, pays for it.
    await this.persisted.write(next);
  }

  /** Puts the last session's decisions of the listed files in use; returns how many, or undefined when a newer index began. */
  private async showCached(generation: number, states: FolderState[], previous: ReadonlyMap<string, CachedDecision>): Promise<number | undefined> {
    const catalog = new Catalog();
    let shown = 0;
    for (const { folder, discovery } of states) {
      shown += (await loadFoldersFromCache(workspaceFileSystem(folder.uri).fs, discovery.folders, previous, catalog, readLimits())).shown;
    }
    if (generation !== this.generation) return undefined;
    this.folders = states;
    this.catalog = catalog;
    for (const document of vscode.workspace.textDocuments) if (document.isDirty) this.updateFromDocument(document);
    this.timings?.mark('shownFromCacheMs');
    this.changed.fire();
    return shown;
  }

  private folderOf(path: string): FolderState | undefined {
    return this.folders.find((f) => path === f.folder.uri.path || path.startsWith(`${f.folder.uri.path}/`));
  }

  private queue(uri: vscode.Uri): void {
    if (!this.isDecisionUri(uri)) return;
    if (this.pending.size === 0) this.batchStarted = Date.now();
    this.pending.set(uri.toString(), uri);
    if (this.batchTimer) clearTimeout(this.batchTimer);
    const wait = Math.min(BATCH_QUIET_MS, Math.max(0, this.batchStarted + BATCH_MAX_WAIT_MS - Date.now()));
    this.batchTimer = setTimeout(() => void this.applyBatch(), wait);
  }

  private async applyBatch(): Promise<void> {
    this.batchTimer = undefined;
    // Events arriving while this batch is read start the next one.
    const firstEventAt = this.batchStarted;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    const dirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
    // Unsaved work wins over the disk while an editor tab holds it. A change applied to a closed
    // file (a quick fix, Renumber's mentions) leaves an unsaved document no tab shows: once its file
    // is deleted, nothing the user can see keeps the decision, so the disk decides.
    const shown = openTabUris();
    const onDisk = batch.filter((uri) => !dirty.has(uri.toString()) || !shown.has(uri.toString()));
    const limits = readLimits();
    const admissions = await mapBounded(onDisk, BATCH_READ_CONCURRENCY, async (uri) => {
      const { fs } = workspaceFileSystem(uri);
      const stamp = await withStat(fs, (path) => uri.with({ path })).stat?.(uri.path);
      const admission = stamp && (await readDecisionFile(fs, uri.path, limits, stamp.size));
      // A file gone between the event and the read is a deletion (its own event follows), not an unreadable file.
      return admission && 'skipped' in admission && admission.skipped.problem.code === 'unreadable-file' ? undefined : admission;
    });
    onDisk.forEach((uri, i) => {
      const admission = admissions[i];
      // The folder may have left the workspace while the batch was read: nothing of it may come back.
      if (!admission || !this.isDecisionUri(uri)) this.catalog.remove(uri.path);
      else this.catalog.admit(admission);
    });
    if (batch.length === 0) return;
    this.changed.fire();
    this.timings?.batch({ files: batch.length, firstEventAt, appliedAt: Date.now() });
  }

  dispose(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    if (this.dayTimer) clearTimeout(this.dayTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** The documents an editor tab shows (a diff shows both sides). */
function openTabUris(): Set<string> {
  const uris = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText) uris.add(tab.input.uri.toString());
      else if (tab.input instanceof vscode.TabInputTextDiff) {
        uris.add(tab.input.original.toString());
        uris.add(tab.input.modified.toString());
      }
    }
  }
  return uris;
}

/** What other decisions' rules, the tree, the badges and the panels read of a decision. */
function visibleSignature(d: Decision): string {
  return JSON.stringify([
    d.id,
    d.number,
    d.title?.value,
    d.status?.value,
    d.date?.value,
    d.owner?.value,
    d.trigger?.value,
    d.triggerDetail?.value,
    d.elevatedFrom?.value,
    d.elevatedOn?.value,
    // The Decisions view's review groups and badge, and the report's section, show these.
    d.reviewBy?.value,
    d.reviewedOn?.value,
    d.revisitWhen?.value,
    d.relations.map((r) => [r.kind, r.target.raw]),
  ]);
}
