import * as vscode from 'vscode';
import { mapBounded } from '../../core/workspace/fileSystem';
import { LineIndex } from '../../core/read/lineIndex';
import type { Decision } from '../../core/model';
import { findReferences, type Reference } from '../../core/workspace/references';
import { toRange } from '../convert';
import { currentText } from '../commands/decisionFiles';
import type { WorkspaceIndex } from './workspaceIndex';

/** Where decisions get mentioned: docs, and code comments in the common languages. */
const SEARCHED = '**/*.{md,markdown,txt,ts,tsx,js,jsx,mjs,cjs,py,go,java,kt,rb,rs,cs,c,cc,cpp,h,hpp,swift,php,scala,sh,yaml,yml,toml,tf}';
const EXCLUDED = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**,**/build/**,**/vendor/**}';
const READ_CONCURRENCY = 16;
/** Files larger than this are skipped: generated bundles do not cite decisions. */
const MAX_BYTES = 512 * 1024;

/** The references one file holds, as written; what they resolve to is decided when asked. */
interface FileReferences {
  uri: vscode.Uri;
  found: { ref: Reference; range: vscode.Range }[];
}

/**
 * Every place in the workspace that names a decision. Files are read once; afterwards only a file
 * that changed (on disk or in an editor) is read again, so CodeLens counts stay cheap while
 * someone types. Resolution happens at each query, so a renumbered decision needs no re-read.
 */
export class WorkspaceReferences implements vscode.Disposable {
  private files: Map<string, FileReferences> | undefined;
  private readonly stale = new Map<string, vscode.Uri>();
  private refreshing: Promise<Map<string, FileReferences>> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly index: WorkspaceIndex) {
    const watcher = vscode.workspace.createFileSystemWatcher(SEARCHED);
    const markStale = (uri: vscode.Uri): void => {
      this.stale.set(uri.toString(), uri);
    };
    this.disposables = [
      watcher,
      watcher.onDidCreate(markStale),
      watcher.onDidChange(markStale),
      watcher.onDidDelete((uri) => {
        this.stale.delete(uri.toString());
        this.files?.delete(uri.toString());
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.files?.has(e.document.uri.toString())) markStale(e.document.uri);
      }),
    ];
  }

  async referencesTo(decision: Decision): Promise<vscode.Location[]> {
    const files = await this.current();
    const locations: vscode.Location[] = [];
    for (const file of files.values()) {
      if (file.uri.path === decision.file) continue;
      for (const { ref, range } of file.found) if (this.index.resolve(file.uri, ref)[0]?.file === decision.file) locations.push(new vscode.Location(file.uri, range));
    }
    return locations;
  }

  /** The whole workspace on first use; afterwards only what changed since. */
  private current(): Promise<Map<string, FileReferences>> {
    this.refreshing ??= (async () => {
      if (!this.files) {
        const all = await vscode.workspace.findFiles(SEARCHED, EXCLUDED);
        this.stale.clear();
        this.files = await this.read(all);
      } else if (this.stale.size > 0) {
        const changed = [...this.stale.values()];
        this.stale.clear();
        for (const [key, file] of await this.read(changed)) this.files.set(key, file);
        for (const uri of changed) if (!(await this.exists(uri))) this.files.delete(uri.toString());
      }
      return this.files;
    })().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async read(uris: readonly vscode.Uri[]): Promise<Map<string, FileReferences>> {
    const read = new Map<string, FileReferences>();
    await mapBounded(uris, READ_CONCURRENCY, async (uri) => {
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
      if (!stat || stat.size > MAX_BYTES) return;
      const text = await currentText(uri);
      if (text === undefined) return;
      const refs = findReferences(text);
      const lines = refs.length > 0 ? new LineIndex(text) : undefined;
      read.set(uri.toString(), { uri, found: refs.map((ref) => ({ ref, range: toRange(lines!.range(ref.start, ref.end)) })) });
    });
    return read;
  }

  private async exists(uri: vscode.Uri): Promise<boolean> {
    return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
      () => true,
      () => false,
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
