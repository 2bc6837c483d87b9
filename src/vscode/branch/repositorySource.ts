import * as vscode from 'vscode';
import { gitExtensionApi, type GitApi, type Repository, type UpstreamRef } from './gitExtensionApi';

/** A git repository as the branch checks need it: where it is, and what its current branch tracks. */
export interface BranchRepository {
  /** The repository's top folder (a `file:` URI). */
  readonly root: vscode.Uri;
  upstream(): UpstreamRef | undefined;
}

/** Where the repositories come from, and the git executable to run in them. */
export interface RepositorySource extends vscode.Disposable {
  readonly gitPath: string;
  /** The repository holding a folder, once the source has found it. */
  repositoryFor(folder: vscode.Uri): BranchRepository | undefined;
  /** Fires when a repository opens or closes, or its HEAD moves or tracks another upstream. */
  readonly onDidChange: vscode.Event<void>;
}

/** HEAD and its upstream, as one string: the state changes that move the base or the branch. */
function headKey(repository: Repository): string {
  const head = repository.state.HEAD;
  return [head?.name ?? '', head?.commit ?? '', head?.upstream?.remote ?? '', head?.upstream?.name ?? ''].join('\0');
}

/**
 * Repositories as VS Code's Git extension finds and follows them. Its state changes on every
 * status refresh (a file saved, a fetch); only a change of HEAD or upstream is passed on, since
 * edits to decisions reach the checks through the index.
 */
class GitExtensionSource implements RepositorySource {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly watched = new Map<string, { key: string; subscription: vscode.Disposable }>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly api: GitApi) {
    this.subscriptions = [
      this.changed,
      api.onDidChangeState(() => this.follow()),
      api.onDidOpenRepository(() => this.follow()),
      api.onDidCloseRepository(() => this.follow()),
    ];
    this.follow();
  }

  get gitPath(): string {
    return this.api.git.path;
  }

  repositoryFor(folder: vscode.Uri): BranchRepository | undefined {
    const repository = this.api.getRepository(folder);
    if (!repository) return undefined;
    return { root: repository.rootUri, upstream: () => repository.state.HEAD?.upstream };
  }

  /** Watches every open repository's HEAD, and says so when the set of repositories changed. */
  private follow(): void {
    const open = new Map(this.api.repositories.map((r) => [r.rootUri.toString(), r]));
    for (const [root, watch] of this.watched) {
      if (open.has(root)) continue;
      watch.subscription.dispose();
      this.watched.delete(root);
    }
    for (const [root, repository] of open) {
      if (this.watched.has(root)) continue;
      const watch = {
        key: headKey(repository),
        subscription: repository.state.onDidChange(() => {
          const key = headKey(repository);
          if (key === watch.key) return;
          watch.key = key;
          this.changed.fire();
        }),
      };
      this.watched.set(root, watch);
    }
    this.changed.fire();
  }

  dispose(): void {
    for (const watch of this.watched.values()) watch.subscription.dispose();
    this.watched.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** The Git extension's repositories, or undefined when the extension is absent or disabled. */
export async function gitExtensionSource(): Promise<RepositorySource | undefined> {
  const api = await gitExtensionApi();
  return api ? new GitExtensionSource(api) : undefined;
}
