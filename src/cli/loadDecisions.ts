import { relative } from 'node:path';
import type { Catalog } from '../core/workspace/catalog';
import type { ReadLimits } from '../core/read/fileAdmission';
import { loadFolders } from '../core/workspace/load';
import { plainText } from '../core/views/plainText';
import { nodeFileSystem } from './nodeFileSystem';

/**
 * Every decision of the folders. Files left out (over the size limit, binary, unreadable) are named
 * on stderr, unless the caller reports them itself, as lint does among its problems.
 */
export async function loadDecisions(folders: readonly string[], limits: ReadLimits, options: { reportSkipped: boolean } = { reportSkipped: true }): Promise<Catalog> {
  const { catalog } = await loadFolders(nodeFileSystem, folders, undefined, limits);
  if (options.reportSkipped) {
    for (const { file, problem } of catalog.skipped()) process.stderr.write(`adr-roles: ${plainText(relative('.', file) || file)}: left out: ${plainText(problem.message)}\n`);
  }
  return catalog;
}
