import * as vscode from 'vscode';
import type { Decision, Problem } from '../../core/model';
import { baseName } from '../../core/read/fileName';
import { branchMarks, checkBranchSides, chooseBase, type BranchMark } from '../../core/branch/branchCheck';
import type { RevisionDecision, UnreadFile } from '../../core/branch/pairing';
import { mapBounded, type FileSystem } from '../../core/workspace/fileSystem';
import { INDEX_FILE_NAMES } from '../../core/views/indexTable';
import { BRANCH_CHECKS_NO_GIT, BRANCH_CHECKS_UNTRUSTED, branchComparedLine, branchDeletedUnshownLine, branchFailedLine, branchNoBaseLine } from '../../core/views/editorText';
import type { AdrRolesConfig } from '../../core/workspace/config';
import type { DecisionLog } from '../../core/workspace/catalog';
import { readBaseRevisions, type BaseCache, type BaseNaming } from '../../git/baseRevisions';
import { GitError, isAbort } from '../../git/runGit';
import { toDiagnostic } from '../convert';
import { localFileSystem } from '../index/localFileSystem';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { openDocumentKeys, problemsScope, PROBLEMS_SCOPE_SETTING, readLimits, SETTINGS_SECTION } from '../settings';
import { inProblemsScope } from '../../core/workspace/problemsScope';
import type { BranchRepository, RepositorySource } from './repositorySource';

/** Typing pauses this long before the branch is compared again. */
const DEBOUNCE_MS = 400;
/** Decision texts read at once for a comparison. */
const READ_CONCURRENCY = 16;
/** Output lines kept for the API. */
const MAX_KEPT_LINES = 1000;

export const REVIEW_BASE_SETTING = `${SETTINGS_SECTION}.review.base`;

const EDITOR_NAMING: BaseNaming = { option: 'base', noRepository: 'the folder is not inside a git repository' };

/** The decision folders of one repository, and the workspace folder whose settings apply. */
interface RepositoryFolders {
  repository: BranchRepository;
  workspaceFolder: vscode.WorkspaceFolder;
  config: AdrRolesConfig;
  folders: { uri: vscode.Uri; log: DecisionLog }[];
}

/** One comparison's result: problems by file, and the marks of the decisions the branch touched. */
interface Outcome {
  problems: Map<string, { uri: vscode.Uri; problems: Problem[] }>;
  marks: Map<string, { mark: BranchMark; base: string }>;
}

/**
 * The branch rules of `lint --base` in the editor: for each repository holding decision folders,
 * the working tree (open documents as typed) against the base the setting names or the branch's
 * upstream, read with the git the Git extension found. Runs are debounced and one at a time; a
 * run started while another is going cancels it (its git processes end), so a stale result never
 * lands. What stops a run (no base, an unknown ref, a shallow clone) is said once in the output
 * channel, never as a notification, since it stays true on every keystroke.
 */
export class BranchChecks implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('adr-roles-branch');
  private outcome: Outcome = { problems: new Map(), marks: new Map() };
  private readonly marksChanged = new vscode.EventEmitter<vscode.Uri[]>();
  /** Fires with the URIs whose mark changed after a comparison. */
  readonly onDidChangeMarks = this.marksChanged.event;
  private readonly checked = new vscode.EventEmitter<void>();
  /** Fires after every completed comparison (not a cancelled one), whether or not anything changed. */
  readonly onDidCheck = this.checked.event;
  private readonly subscriptions: vscode.Disposable[];
  private source: Promise<RepositorySource | undefined> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: AbortController | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly caches = new Map<string, BaseCache>();
  /** The file text each decision of the index was read from, by the Decision object: see textOf. */
  private readonly texts = new WeakMap<Decision, string>();
  /** The last line said on each topic: a line is written when it differs. */
  private readonly said = new Map<string, string>();
  private output: vscode.OutputChannel | undefined;
  private readonly written: string[] = [];

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly findRepositories: () => Promise<RepositorySource | undefined>,
  ) {
    const schedule = (): void => this.schedule();
    this.subscriptions = [
      this.collection,
      this.marksChanged,
      this.checked,
      index.onDidChange(schedule),
      index.onDidChangeOwnText(schedule),
      vscode.workspace.onDidGrantWorkspaceTrust(schedule),
      // Closing a decision with unsaved changes puts the file's own text back.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (index.isDecisionUri(document.uri)) schedule();
        if (problemsScope() === 'openFiles') this.show();
      }),
      // With the `openFiles` scope, a file's branch problems appear as it opens: no new comparison.
      vscode.workspace.onDidOpenTextDocument(() => {
        if (problemsScope() === 'openFiles') this.show();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(REVIEW_BASE_SETTING)) schedule();
        if (e.affectsConfiguration(PROBLEMS_SCOPE_SETTING)) this.show();
      }),
    ];
  }

  /** Compares soon (debounced): after the index changed, a setting changed, or HEAD moved. */
  schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.checkNow();
    }, DEBOUNCE_MS);
  }

  /** Compares now: the run in flight is cancelled and awaited first, so runs never overlap. */
  checkNow(): Promise<void> {
    this.current?.abort();
    const mine = new AbortController();
    this.current = mine;
    const previous = this.running;
    this.running = (async () => {
      await previous;
      if (mine.signal.aborted) return;
      try {
        const outcome = await this.compare(mine.signal);
        if (outcome && !mine.signal.aborted) this.publish(outcome);
      } catch (error) {
        // Whatever went wrong is said once; the editor goes on without branch checks.
        if (!isAbort(error)) this.say('error', branchFailedLine('the workspace', error instanceof Error ? error.message : String(error)));
      }
    })();
    return this.running;
  }

  /** The mark of a decision file: added, changed or renamed on this branch, and the base it is measured against. */
  markOf(uri: vscode.Uri): { mark: BranchMark; base: string } | undefined {
    return this.outcome.marks.get(uri.toString());
  }

  /** The branch diagnostics published on a file. */
  diagnosticsOf(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  /** The branch problems published on a file, for its quick fixes. */
  problemsOf(uri: vscode.Uri): readonly Problem[] {
    return this.outcome.problems.get(uri.toString())?.problems ?? [];
  }

  private async compare(signal: AbortSignal): Promise<Outcome | undefined> {
    const outcome: Outcome = { problems: new Map(), marks: new Map() };
    // The checks run git in the workspace: only where the user trusts it.
    if (!vscode.workspace.isTrusted) {
      this.say('setup', BRANCH_CHECKS_UNTRUSTED);
      return outcome;
    }
    await this.index.whenIndexed();
    this.source ??= this.findRepositories().then((source) => {
      if (source) this.subscriptions.push(source, source.onDidChange(() => this.schedule()));
      return source;
    });
    const source = await this.source;
    if (!source) {
      this.say('setup', BRANCH_CHECKS_NO_GIT);
      return outcome;
    }
    this.said.delete('setup');
    for (const group of this.repositoryFolders(source)) {
      if (signal.aborted) return undefined;
      await this.compareRepository(group, source.gitPath, signal, outcome);
    }
    return signal.aborted ? undefined : outcome;
  }

  /** Decision folders on this machine's disk, grouped by the repository that holds them. */
  private repositoryFolders(source: RepositorySource): RepositoryFolders[] {
    const groups = new Map<string, RepositoryFolders>();
    for (const folder of this.index.decisionFolders()) {
      if (folder.uri.scheme !== 'file') continue;
      const repository = source.repositoryFor(folder.uri);
      if (!repository) continue;
      const key = repository.root.toString();
      const group = groups.get(key) ?? { repository, workspaceFolder: folder.workspaceFolder, config: folder.config, folders: [] };
      group.folders.push({ uri: folder.uri, log: folder.log });
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  private async compareRepository(group: RepositoryFolders, gitPath: string, signal: AbortSignal, outcome: Outcome): Promise<void> {
    const root = group.repository.root;
    const name = root.fsPath;
    const topic = `base:${root.toString()}`;
    const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION, group.workspaceFolder.uri).get<unknown>('review.base');
    const base = chooseBase(typeof setting === 'string' ? setting : undefined, group.repository.upstream());
    if (!base) {
      this.say(topic, branchNoBaseLine(name));
      return;
    }
    const cache = this.caches.get(root.toString()) ?? {};
    this.caches.set(root.toString(), cache);
    try {
      const limits = readLimits();
      const dirty = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => [d.uri.toString(), d]));
      const revisions = await readBaseRevisions({ gitPath, cwd: root.fsPath }, base.ref, group.folders.map((f) => f.uri.fsPath), limits, EDITOR_NAMING, { signal }, cache);
      const uriOf = new Map<string, vscode.Uri>();
      const folderUriOf = new Map<string, vscode.Uri>();
      const head: RevisionDecision[] = [];
      for (const [i, folder] of group.folders.entries()) {
        const inRepository = revisions.repoFolders[i] ?? '';
        folderUriOf.set(inRepository, folder.uri);
        const files = localFileSystem(folder.uri);
        const read = await mapBounded(folder.log.decisions(), READ_CONCURRENCY, async (decision) => {
          const uri = this.index.uriOf(decision);
          const text = uri && (await this.textOf(decision, uri, files, dirty, limits.maxFileBytes));
          return uri && text !== undefined ? { uri, decision, text } : undefined;
        });
        for (const found of read) {
          if (!found) continue;
          // git's paths are POSIX: the name is joined as it is, a `\` in it included.
          const path = inRepository === '' ? baseName(found.decision.file) : `${inRepository}/${baseName(found.decision.file)}`;
          uriOf.set(path, found.uri);
          head.push({ path, decision: found.decision, text: found.text });
        }
      }
      // A decision file the workspace does not read (over the size limit, binary) is still there:
      // the base's decision at its path is not deleted, and is not compared.
      const headUnread: UnreadFile[] = [];
      const repoFolderOf = new Map(group.folders.map((f, i) => [f.uri.toString(), revisions.repoFolders[i] ?? '']));
      for (const { uri, skipped } of this.index.unreadFiles()) {
        const at = uri.path.lastIndexOf('/');
        const inRepository = repoFolderOf.get(uri.with({ path: uri.path.slice(0, at) }).toString());
        if (inRepository === undefined || skipped.problem.code !== 'file-skipped') continue;
        const name = uri.path.slice(at + 1);
        headUnread.push({ path: inRepository === '' ? name : `${inRepository}/${name}`, problem: skipped.problem });
      }
      if (signal.aborted) return;
      const { pairing, problems } = checkBranchSides({ ...revisions, head, headUnread }, group.config, base.ref);
      for (const [path, mark] of branchMarks(pairing)) {
        const uri = uriOf.get(path);
        if (uri) outcome.marks.set(uri.toString(), { mark, base: base.ref });
      }
      for (const { path, problem } of problems) {
        const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
        // A deleted decision's file is gone: its problem goes on the folder's index, if there is one.
        const uri = uriOf.get(path) ?? (await this.deletedHome(folderUriOf.get(folder)));
        if (!uri) {
          this.say(`deleted:${root.toString()}:${path}`, branchDeletedUnshownLine(name, problem.message, folder));
          continue;
        }
        const entry = outcome.problems.get(uri.toString()) ?? { uri, problems: [] };
        entry.problems.push(problem);
        outcome.problems.set(uri.toString(), entry);
      }
      this.say(topic, branchComparedLine(name, base.ref, base.from));
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      this.say(topic, branchFailedLine(name, error instanceof GitError ? error.message : String(error)));
    }
  }

  /**
   * The text a decision was read from: an unsaved document's as typed; otherwise the file's, read
   * once per reading of the decision (the index parses a changed file into a new Decision), so a
   * pause in typing does not read every decision of the workspace again.
   */
  private async textOf(decision: Decision, uri: vscode.Uri, files: FileSystem, dirty: ReadonlyMap<string, vscode.TextDocument>, maxBytes: number): Promise<string | undefined> {
    const unsaved = dirty.get(uri.toString());
    if (unsaved) return unsaved.getText();
    const known = this.texts.get(decision);
    if (known !== undefined) return known;
    const text = await files.readText(decision.file, { maxBytes });
    if (text !== undefined) this.texts.set(decision, text);
    return text;
  }

  /**
   * Where a deleted decision's problem is shown: its folder's README.md or index.md (the folder's
   * index, which lists it), when that is a regular file; else nowhere, and the output channel says it.
   */
  private async deletedHome(folder: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    if (!folder) return undefined;
    for (const name of INDEX_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(folder, name);
      try {
        if ((await vscode.workspace.fs.stat(uri)).type === vscode.FileType.File) return uri;
      } catch {
        // Not there: the next name, or nowhere.
      }
    }
    return undefined;
  }

  private publish(outcome: Outcome): void {
    const before = this.outcome;
    this.outcome = outcome;
    this.show();
    const changed: vscode.Uri[] = [];
    for (const key of new Set([...before.marks.keys(), ...outcome.marks.keys()])) {
      const was = before.marks.get(key);
      const is = outcome.marks.get(key);
      if (was?.mark !== is?.mark || was?.base !== is?.base) changed.push(vscode.Uri.parse(key));
    }
    if (changed.length > 0) this.marksChanged.fire(changed);
    this.checked.fire();
  }

  /**
   * Puts the last comparison's problems in the Problems panel, under `adrRoles.problems.scope` as
   * the other diagnostics are: with `openFiles`, only on files open in the editor. The problems of
   * closed files are kept (quick fixes, marks) and shown when they open.
   */
  private show(): void {
    const entries = inProblemsScope([...this.outcome.problems], problemsScope(), openDocumentKeys());
    this.collection.clear();
    this.collection.set(entries.map(([, { uri, problems }]) => [uri, problems.map(toDiagnostic)]));
  }

  /** Every line written to the output channel since activation. */
  outputLines(): readonly string[] {
    return this.written;
  }

  private say(topic: string, line: string): void {
    if (this.said.get(topic) === line) return;
    this.said.set(topic, line);
    this.output ??= vscode.window.createOutputChannel('ADR Roles');
    this.output.appendLine(line);
    // Kept for the API (the output channel cannot be read back); lines are few, one per change of state.
    if (this.written.length < MAX_KEPT_LINES) this.written.push(line);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.current?.abort();
    this.output?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
