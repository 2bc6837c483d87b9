import * as vscode from 'vscode';
import { mapBounded } from '../../core/workspace/fileSystem';
import { LineIndex } from '../../core/read/lineIndex';
import type { Decision } from '../../core/model';
import { MatchBudget } from '../../core/workspace/matchBudget';
import { findReferences, type Reference } from '../../core/workspace/references';
import { SCAN_LIMITS, SEARCHED_FILES, looksGenerated, scanOrder } from '../../core/workspace/referenceScan';
import type { ReferenceScanStats, ScanLimit } from '../api';
import { toRange } from '../convert';
import { SETTINGS_SECTION } from '../settings';
import type { DocumentReferences } from './documentReferences';
import { folderScope, relativePath } from './scanScope';
import type { WorkspaceIndex } from './workspaceIndex';

const READ_CONCURRENCY = 16;
const MAX_FILES_SETTING = `${SETTINGS_SECTION}.references.maxFiles`;
/** Settings that change which files are listed. */
const LISTING_SETTINGS = ['files.exclude', 'search.exclude', 'search.useIgnoreFiles', MAX_FILES_SETTING];

/** The references of one file that name the same thing, resolved once per query. */
interface Group {
  ref: Reference;
  ranges: vscode.Range[];
}

interface FileEntry {
  uri: vscode.Uri;
  /** The version read: an open document's version, or the file's modification time and size. */
  stamp: string;
  /** Empty for a file that was not searched (see `skipped`). */
  groups: Group[];
  references: number;
  bytes: number;
  skipped: 'too-large' | 'generated' | 'linked' | null;
  /** Set when a scan-wide bound left this file out or kept only part of its references. */
  cut: 'bytes' | 'references' | null;
}

/** A file the listing kept, in scan order. */
interface Planned {
  uri: vscode.Uri;
  path: string;
}

/**
 * Every place in the workspace that names a decision, in the files VS Code would search: what
 * `files.exclude`, `search.exclude` and `.gitignore` leave, less dependencies, build output and
 * generated files (SCAN_LIMITS says how much at most). Files are read once; afterwards only a file
 * that changed (on disk or in an editor) is read again, and a created file first goes through the
 * same listing. Resolution happens at each query, so a renumbered decision needs no re-read.
 */
export class WorkspaceReferences implements vscode.Disposable {
  private readonly files = new Map<string, FileEntry>();
  private relist = true;
  private readonly stale = new Map<string, vscode.Uri>();
  private refreshing: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[];
  private listed = 0;
  private listingLimit: ScanLimit | null = null;
  private maxFiles = SCAN_LIMITS.maxFiles;
  private fileScans = 0;
  private bytesKept = 0;
  private referencesKept = 0;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly documents: DocumentReferences,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(SEARCHED_FILES);
    const ignoreWatcher = vscode.workspace.createFileSystemWatcher('**/.gitignore');
    const known = (uri: vscode.Uri): boolean => this.files.has(uri.toString());
    const markStale = (uri: vscode.Uri): void => {
      if (known(uri)) this.stale.set(uri.toString(), uri);
    };
    const markRelist = (): void => {
      this.relist = true;
    };
    this.disposables = [
      watcher,
      ignoreWatcher,
      // A new file may be excluded, ignored or past the cap: the next query lists again.
      watcher.onDidCreate(markRelist),
      watcher.onDidChange(markStale),
      watcher.onDidDelete((uri) => {
        this.stale.delete(uri.toString());
        this.delete(uri.toString());
      }),
      ignoreWatcher.onDidCreate(markRelist),
      ignoreWatcher.onDidChange(markRelist),
      ignoreWatcher.onDidDelete(markRelist),
      vscode.workspace.onDidChangeTextDocument((e) => markStale(e.document.uri)),
      // Closing a document with unsaved changes puts the file's own text back.
      vscode.workspace.onDidCloseTextDocument((document) => markStale(document.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(markRelist),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (LISTING_SETTINGS.some((s) => e.affectsConfiguration(s))) markRelist();
      }),
    ];
  }

  async referencesTo(decision: Decision): Promise<vscode.Location[]> {
    await this.current();
    const locations: vscode.Location[] = [];
    for (const file of this.files.values()) {
      if (file.uri.path === decision.file) continue;
      for (const { ref, ranges } of file.groups) {
        if (this.index.resolve(file.uri, ref)[0]?.file !== decision.file) continue;
        for (const range of ranges) locations.push(new vscode.Location(file.uri, range));
      }
    }
    return locations;
  }

  /** Forgets every file read: the next query lists and reads the workspace again (Refresh Decisions). */
  reset(): void {
    for (const key of [...this.files.keys()]) this.delete(key);
    this.stale.clear();
    this.relist = true;
  }

  /** What the scan searched and left out so far; `limitedBy` says which bound, if any, cut it short. */
  stats(): ReferenceScanStats {
    const entries = [...this.files.values()];
    const count = (reason: FileEntry['skipped']) => entries.filter((e) => e.skipped === reason).length;
    const cut = (bound: FileEntry['cut']) => entries.some((e) => e.cut === bound);
    return {
      listed: this.listed,
      searched: count(null),
      skipped: { tooLarge: count('too-large'), generated: count('generated'), linked: count('linked') },
      limitedBy: this.listingLimit ?? (cut('bytes') ? 'bytes' : cut('references') ? 'references' : null),
      maxFiles: this.maxFiles,
      fileScans: this.fileScans,
      documentScans: this.documents.scans,
    };
  }

  /** The whole workspace on first use; afterwards what changed since. */
  private current(): Promise<void> {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<void> {
    const changed = [...this.stale.values()];
    this.stale.clear();
    if (!this.relist) {
      await this.read(changed);
      return;
    }
    this.relist = false;
    const plan = await this.list();
    const keep = new Set(plan.map((p) => p.uri.toString()));
    for (const key of [...this.files.keys()]) if (!keep.has(key)) this.delete(key);
    await this.read(plan.map((p) => p.uri));
  }

  /** Every workspace folder's searchable files, in scan order, up to the file cap. */
  private async list(): Promise<Planned[]> {
    this.maxFiles = this.maxFilesSetting();
    this.listingLimit = null;
    const budget = new MatchBudget(SCAN_LIMITS.ignoreSteps);
    const listed: Planned[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const scope = await folderScope(folder, budget);
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, SEARCHED_FILES), scope.exclude, SCAN_LIMITS.maxListed);
      if (uris.length >= SCAN_LIMITS.maxListed) this.listingLimit = 'listing';
      for (const uri of uris) {
        const path = relativePath(folder, uri);
        if (path !== undefined && !scope.ignore?.isIgnored(path)) listed.push({ uri, path: `${folder.index}/${path}` });
      }
    }
    if (budget.exhausted) this.listingLimit = 'ignore-rules';
    this.listed = listed.length;
    if (listed.length > this.maxFiles) this.listingLimit ??= 'files';
    return scanOrder(listed, (p) => p.path).slice(0, this.maxFiles);
  }

  private maxFilesSetting(): number {
    const value = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('references.maxFiles');
    return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : SCAN_LIMITS.maxFiles;
  }

  private async read(uris: readonly vscode.Uri[]): Promise<void> {
    const linked = new Map<string, Promise<boolean>>();
    await mapBounded(uris, READ_CONCURRENCY, async (uri) => {
      const entry = await this.entryFor(uri, linked);
      if (entry === 'unchanged') return;
      if (entry) this.set(uri.toString(), entry);
      else this.delete(uri.toString());
    });
  }

  /** The file's references as of now, 'unchanged' when its version was already read, undefined once it is gone. */
  private async entryFor(uri: vscode.Uri, linked: Map<string, Promise<boolean>>): Promise<FileEntry | 'unchanged' | undefined> {
    const previous = this.files.get(uri.toString());
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document) {
      const stamp = `v${document.version}`;
      if (previous?.stamp === stamp) return 'unchanged';
      const text = document.getText();
      const refused = this.refusal(previous, text.length);
      if (refused) return skipped(uri, stamp, refused);
      if (looksGenerated(text, SCAN_LIMITS.maxLineLength)) return skipped(uri, stamp, 'generated', text.length);
      return this.entry(uri, stamp, text.length, previous, this.documents.of(document), (offset) => document.positionAt(offset));
    }
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (!stat || (stat.type & vscode.FileType.File) === 0) return undefined;
    const stamp = `${stat.mtime}:${stat.size}`;
    if (previous?.stamp === stamp) return 'unchanged';
    if ((stat.type & vscode.FileType.SymbolicLink) !== 0 || (await this.inLinkedFolder(uri, linked))) return skipped(uri, stamp, 'linked');
    // Decided from the size on disk: such a file is never opened.
    const refused = this.refusal(previous, stat.size);
    if (refused) return skipped(uri, stamp, refused);
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
    if (looksGenerated(text, SCAN_LIMITS.maxLineLength)) return skipped(uri, stamp, 'generated', stat.size);
    this.fileScans++;
    const lines = new LineIndex(text);
    return this.entry(uri, stamp, stat.size, previous, findReferences(text), (offset) => lines.positionAt(offset));
  }

  /** Why a file of `size` may not be read (over the file limit, or past the scan's byte budget), or undefined. */
  private refusal(previous: FileEntry | undefined, size: number): 'too-large' | 'bytes' | undefined {
    if (size > SCAN_LIMITS.maxFileBytes) return 'too-large';
    return this.bytesKept - (previous?.bytes ?? 0) + size > SCAN_LIMITS.maxTotalBytes ? 'bytes' : undefined;
  }

  private entry(uri: vscode.Uri, stamp: string, bytes: number, previous: FileEntry | undefined, found: readonly Reference[], positionAt: (offset: number) => { line: number; character: number }): FileEntry {
    const room = Math.max(0, SCAN_LIMITS.maxReferences - (this.referencesKept - (previous?.references ?? 0)));
    const groups = new Map<string, Group>();
    for (const ref of found.slice(0, room)) {
      // A mention means the same decision wherever it is in the file; a link, the file it names.
      const key = ref.kind === 'mention' ? `m${ref.number ?? ''}` : `l${ref.raw}`;
      const range = toRange({ start: positionAt(ref.start), end: positionAt(ref.end) });
      const group = groups.get(key);
      if (group) group.ranges.push(range);
      else groups.set(key, { ref, ranges: [range] });
    }
    const references = Math.min(found.length, room);
    return { uri, stamp, groups: [...groups.values()], references, bytes, skipped: null, cut: references < found.length ? 'references' : null };
  }

  private set(key: string, entry: FileEntry): void {
    this.delete(key);
    this.files.set(key, entry);
    this.bytesKept += entry.bytes;
    this.referencesKept += entry.references;
  }

  private delete(key: string): void {
    const entry = this.files.get(key);
    if (!entry) return;
    this.files.delete(key);
    this.bytesKept -= entry.bytes;
    this.referencesKept -= entry.references;
  }

  /** Whether a folder between the workspace folder and the file is a symbolic link: links are not followed. */
  private async inLinkedFolder(uri: vscode.Uri, linked: Map<string, Promise<boolean>>): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const path = folder && relativePath(folder, uri);
    if (!folder || path === undefined) return true;
    const parts = path.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      const directory = vscode.Uri.joinPath(folder.uri, ...parts.slice(0, i));
      const key = directory.toString();
      let isLink = linked.get(key);
      if (!isLink) {
        isLink = Promise.resolve(vscode.workspace.fs.stat(directory)).then(
          (s) => (s.type & vscode.FileType.SymbolicLink) !== 0,
          () => true,
        );
        linked.set(key, isLink);
      }
      if (await isLink) return true;
    }
    return false;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function skipped(uri: vscode.Uri, stamp: string, reason: 'too-large' | 'bytes' | 'generated' | 'linked', bytes = 0): FileEntry {
  const cut = reason === 'bytes' ? 'bytes' : null;
  return { uri, stamp, groups: [], references: 0, bytes, skipped: reason === 'bytes' ? 'too-large' : reason, cut };
}
