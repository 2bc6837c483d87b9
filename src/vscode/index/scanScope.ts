import * as vscode from 'vscode';
import { IgnoreMatcher, ignoreGlobs, parseIgnoreFile, type IgnoreFile } from '../../core/workspace/ignoreFile';
import type { MatchBudget } from '../../core/workspace/matchBudget';
import { ALWAYS_EXCLUDED, combineGlobs, enabledGlobs } from '../../core/workspace/referenceScan';

/** Ignore files larger than this are not read; a repository's own is a few KB. */
const MAX_IGNORE_FILE_BYTES = 64 * 1024;
const MAX_IGNORE_FILES = 200;
/** Globs from ignore files handed to the editor's search at most; the matcher decides the rest. */
const MAX_IGNORE_GLOBS = 400;

/** What one workspace folder's scan leaves out: one exclude pattern for findFiles, and the rules only the matcher can apply. */
export interface FolderScope {
  folder: vscode.WorkspaceFolder;
  exclude: string;
  /** Present when some .gitignore rule could not be expressed as a glob (a negation, a character class…). */
  ignore: IgnoreMatcher | undefined;
}

/**
 * `findFiles` applies `files.exclude` to a string exclude but neither `search.exclude` nor
 * `.gitignore` (only with the experimental `search.experimental.useIgnoreFilesInFindFiles`;
 * `findFiles2`, which takes `useIgnoreFiles`, is a proposed API). So `search.exclude` and the
 * ignore files are read here and joined into its exclude pattern, honouring `search.useIgnoreFiles`.
 */
export async function folderScope(folder: vscode.WorkspaceFolder, budget: MatchBudget): Promise<FolderScope> {
  const search = vscode.workspace.getConfiguration('search', folder.uri);
  const base = [...ALWAYS_EXCLUDED, ...enabledGlobs(search.get<unknown>('exclude'))];
  if (search.get<boolean>('useIgnoreFiles') === false) return { folder, exclude: combineGlobs(base), ignore: undefined };

  const rootFiles = (await Promise.all([readIgnoreFile(folder.uri, '.gitignore', ''), readIgnoreFile(folder.uri, '.git/info/exclude', '')])).filter((f): f is IgnoreFile => f !== undefined);
  // The root's own rules already keep the search for nested ignore files out of ignored folders.
  const nestedSearchExclude = combineGlobs([...base, ...ignoreGlobs(rootFiles, MAX_IGNORE_GLOBS).globs]);
  const nestedUris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), nestedSearchExclude, MAX_IGNORE_FILES + 1);
  const nested = await Promise.all(
    nestedUris
      .map((uri) => relativePath(folder, uri))
      .filter((path): path is string => path !== undefined && path !== '.gitignore')
      .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))
      .slice(0, MAX_IGNORE_FILES)
      .map((path) => readIgnoreFile(folder.uri, path, path.slice(0, path.lastIndexOf('/')))),
  );
  const files = [...rootFiles, ...nested.filter((f): f is IgnoreFile => f !== undefined)];
  const { globs, complete } = ignoreGlobs(files, MAX_IGNORE_GLOBS);
  return { folder, exclude: combineGlobs([...base, ...globs]), ignore: complete ? undefined : new IgnoreMatcher(files, budget) };
}

/** A path inside the folder, with `/` separators, or undefined for one outside it. */
export function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  const root = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  if (uri.scheme !== folder.uri.scheme || uri.authority !== folder.uri.authority || !uri.path.startsWith(root)) return undefined;
  return uri.path.slice(root.length);
}

/** A regular file (not a link, not a special file) of bounded size, or undefined. */
async function readIgnoreFile(root: vscode.Uri, path: string, base: string): Promise<IgnoreFile | undefined> {
  const uri = vscode.Uri.joinPath(root, path);
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type !== vscode.FileType.File || stat.size > MAX_IGNORE_FILE_BYTES) return undefined;
    return parseIgnoreFile(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), base);
  } catch {
    return undefined;
  }
}
