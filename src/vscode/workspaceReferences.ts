import * as vscode from 'vscode';
import { mapBounded } from '../core/fileSystem';
import { LineIndex } from '../core/lineIndex';
import type { Decision } from '../core/model';
import { findReferences } from '../core/references';
import { toRange } from './convert';
import { currentText } from './decisionFiles';
import type { WorkspaceIndex } from './workspaceIndex';

/** Where decisions get mentioned: docs, and code comments in the common languages. */
const SEARCHED = '**/*.{md,markdown,txt,ts,tsx,js,jsx,mjs,cjs,py,go,java,kt,rb,rs,cs,c,cc,cpp,h,hpp,swift,php,scala,sh,yaml,yml,toml,tf}';
const EXCLUDED = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**,**/build/**,**/vendor/**}';
const READ_CONCURRENCY = 16;
/** Files larger than this are skipped: generated bundles do not cite decisions. */
const MAX_BYTES = 512 * 1024;

/**
 * Every place in the workspace that names a decision, built on first use and rebuilt only after
 * something changed. CodeLens counts and "Find All References" both read it.
 */
export class WorkspaceReferences implements vscode.Disposable {
  private scan: Promise<Map<string, vscode.Location[]>> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly index: WorkspaceIndex) {
    const watcher = vscode.workspace.createFileSystemWatcher(SEARCHED);
    const invalidate = (): void => {
      this.scan = undefined;
    };
    this.disposables = [
      watcher,
      watcher.onDidCreate(invalidate),
      watcher.onDidChange(invalidate),
      watcher.onDidDelete(invalidate),
      vscode.workspace.onDidChangeTextDocument(invalidate),
      index.onDidChange(invalidate),
    ];
  }

  async referencesTo(decision: Decision): Promise<vscode.Location[]> {
    this.scan ??= this.scanWorkspace();
    return (await this.scan).get(decision.file) ?? [];
  }

  private async scanWorkspace(): Promise<Map<string, vscode.Location[]>> {
    const found = new Map<string, vscode.Location[]>();
    const files = await vscode.workspace.findFiles(SEARCHED, EXCLUDED);
    await mapBounded(files, READ_CONCURRENCY, async (uri) => {
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
      if (!stat || stat.size > MAX_BYTES) return;
      const text = await currentText(uri);
      if (text === undefined) return;
      let lines: LineIndex | undefined;
      for (const ref of findReferences(text)) {
        const [target] = this.index.resolve(uri, ref);
        if (!target || target.file === uri.path) continue;
        lines ??= new LineIndex(text);
        const location = new vscode.Location(uri, toRange(lines.range(ref.start, ref.end)));
        found.set(target.file, [...(found.get(target.file) ?? []), location]);
      }
    });
    return found;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
