import { basename } from 'node:path';
import type { ReadLimits } from '../core/read/fileAdmission';
import { checkBranchSides, type BranchCheck } from '../core/branch/branchCheck';
import type { RevisionDecision } from '../core/branch/pairing';
import type { AdrRolesConfig } from '../core/workspace/config';
import type { Catalog } from '../core/workspace/catalog';
import { folderInRepository, readBaseRevisions, type BaseNaming, type BaseRevisions } from '../git/baseRevisions';
import { GitError, GitMissing } from '../git/runGit';
import { nodeFileSystem } from './nodeFileSystem';
import { UsageError } from './targets';

export interface BranchRevisions extends BaseRevisions {
  head: RevisionDecision[];
}

const CLI_NAMING: BaseNaming = { option: '--base', noRepository: '--base needs a git repository, and the current folder is not inside one' };

/**
 * What lint --base compares: the decisions at the merge base of HEAD and `ref`, those of the working
 * tree, and the decision file names at `ref`'s tip, for the folders being linted.
 */
export async function readBranchRevisions(ref: string, catalog: Catalog, folders: readonly string[], limits: ReadLimits): Promise<BranchRevisions> {
  const revisions = await asUsage(readBaseRevisions({ gitPath: 'git', cwd: '.' }, ref, folders, limits, CLI_NAMING));
  const head: RevisionDecision[] = [];
  for (const log of catalog.folders()) {
    const named = folders.indexOf(log.folder);
    const folder = named === -1 ? await asUsage(folderInRepository(revisions.top, log.folder)) : (revisions.repoFolders[named] ?? '');
    for (const decision of log.decisions()) {
      const text = (await nodeFileSystem.readText(decision.file)) ?? '';
      head.push({ path: folder === '' ? basename(decision.file) : `${folder}/${basename(decision.file)}`, decision, text });
    }
  }
  return { ...revisions, head };
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
