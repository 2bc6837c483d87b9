import { basename, dirname } from 'node:path';
import type { ReadLimits } from '../core/read/fileAdmission';
import { checkBranchSides, type BranchCheck } from '../core/branch/branchCheck';
import type { RevisionDecision, UnreadFile } from '../core/branch/pairing';
import type { AdrRolesConfig } from '../core/workspace/config';
import type { Catalog } from '../core/workspace/catalog';
import { folderInRepository, readBaseRevisions, type BaseNaming, type BaseRevisions } from '../git/baseRevisions';
import { GitError, GitMissing } from '../git/runGit';
import { nodeFileSystem } from './nodeFileSystem';
import { UsageError } from './targets';

export interface BranchRevisions extends BaseRevisions {
  head: RevisionDecision[];
  /** Decision files of the working tree that were not read (over the size limit, binary). */
  headUnread: UnreadFile[];
}

const CLI_NAMING: BaseNaming = { option: '--base', noRepository: '--base needs a git repository, and the current folder is not inside one' };

/**
 * What lint --base compares: the decisions at the merge base of HEAD and `ref`, those of the working
 * tree, and the decision file names at `ref`'s tip, for the folders being linted.
 */
export async function readBranchRevisions(ref: string, catalog: Catalog, folders: readonly string[], limits: ReadLimits): Promise<BranchRevisions> {
  const revisions = await asUsage(readBaseRevisions({ gitPath: 'git', cwd: '.' }, ref, folders, limits, CLI_NAMING));
  const head: RevisionDecision[] = [];
  const inRepository = new Map<string, string>();
  const repoPath = async (folder: string, file: string): Promise<string> => {
    let inside = inRepository.get(folder);
    if (inside === undefined) {
      const named = folders.indexOf(folder);
      inside = named === -1 ? await asUsage(folderInRepository(revisions.top, folder)) : (revisions.repoFolders[named] ?? '');
      inRepository.set(folder, inside);
    }
    return inside === '' ? basename(file) : `${inside}/${basename(file)}`;
  };
  for (const log of catalog.folders()) {
    for (const decision of log.decisions()) {
      const text = (await nodeFileSystem.readText(decision.file)) ?? '';
      head.push({ path: await repoPath(log.folder, decision.file), decision, text });
    }
  }
  // A file the working tree did not read is still there: the base's decision at its path is not deleted.
  const headUnread: UnreadFile[] = [];
  for (const skipped of catalog.skipped()) if (skipped.problem.code === 'file-skipped') headUnread.push({ path: await repoPath(dirname(skipped.file), skipped.file), problem: skipped.problem });
  return { ...revisions, head, headUnread };
}

/** git's failures are the user's to fix (a ref to fetch, a folder outside the repository): one line, exit 2. */
async function asUsage<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof GitMissing) throw new UsageError('--base needs the git command, and it is not installed');
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
}

export interface BranchCheckOnDisk extends BranchCheck {
  revisions: BranchRevisions;
}

/** The branch rules over the folders being read, against `ref`. */
export async function checkBranch(ref: string, catalog: Catalog, folders: readonly string[], limits: ReadLimits, config: AdrRolesConfig): Promise<BranchCheckOnDisk> {
  const revisions = await readBranchRevisions(ref, catalog, folders, limits);
  return { revisions, ...checkBranchSides(revisions, config, ref) };
}
