import * as vscode from 'vscode';

// The part of VS Code's built-in Git extension API (extensions/git/src/api/git.d.ts, version 1)
// the branch checks read, copied as types so the extension takes no dependency on it.

export interface UpstreamRef {
  readonly remote: string;
  readonly name: string;
}

export interface Branch {
  readonly name?: string;
  readonly commit?: string;
  readonly upstream?: UpstreamRef;
}

export interface RepositoryState {
  readonly HEAD: Branch | undefined;
  readonly onDidChange: vscode.Event<void>;
}

export interface Repository {
  readonly rootUri: vscode.Uri;
  readonly state: RepositoryState;
}

export type APIState = 'uninitialized' | 'initialized';

export interface GitApi {
  readonly state: APIState;
  readonly onDidChangeState: vscode.Event<APIState>;
  readonly git: { readonly path: string };
  readonly repositories: Repository[];
  readonly onDidOpenRepository: vscode.Event<Repository>;
  readonly onDidCloseRepository: vscode.Event<Repository>;
  getRepository(uri: vscode.Uri): Repository | null;
}

export interface GitExtension {
  readonly enabled: boolean;
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(version: 1): GitApi;
}

export const GIT_EXTENSION_ID = 'vscode.git';

/**
 * The Git extension's API, activated if it was not yet; undefined when it is not installed, is
 * disabled (`git.enabled: false`), or fails to start.
 */
export async function gitExtensionApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>(GIT_EXTENSION_ID);
  if (!extension) return undefined;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports.enabled ? exports.getAPI(1) : undefined;
  } catch {
    return undefined;
  }
}
