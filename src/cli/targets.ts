import { discover, type Discovery } from '../core/workspace/discovery';
import { listDecisionFiles } from '../core/workspace/load';
import { nodeFileSystem } from './nodeFileSystem';

export class UsageError extends Error {}

export interface Targets {
  folders: string[];
  discovery: Discovery;
}

/**
 * Turns the command line's DIR arguments into decision folders. A DIR is a repository root to
 * discover from, or, when nothing is discovered there, a decision folder itself.
 */
export async function resolveTargets(dirs: readonly string[]): Promise<Targets> {
  const here = await discover(nodeFileSystem, '.');
  if (dirs.length === 0) {
    if (here.folders.length === 0) {
      throw new UsageError(
        'no decision folders found here (looked for .adr-roles.yml, .adr-dir, .log4brains.yml, docs/adr, docs/decisions, …): name the folder, e.g. adr-roles list docs/decisions',
      );
    }
    return { folders: here.folders, discovery: here };
  }
  const folders: string[] = [];
  let discovery = here;
  for (const dir of dirs) {
    if ((await nodeFileSystem.list(dir)) === undefined) {
      const isFile = (await nodeFileSystem.readText(dir)) !== undefined;
      throw new UsageError(isFile ? `'${dir}' is a file: name the folder that holds it` : `cannot read folder '${dir}'`);
    }
    const found = await discover(nodeFileSystem, dir);
    if (found.folders.length > 0) {
      folders.push(...found.folders);
      if (found.configFile) discovery = found;
    } else if ((await listDecisionFiles(nodeFileSystem, dir)).length > 0) folders.push(dir);
    else throw new UsageError(`no decisions found in '${dir}'`);
  }
  return { folders: [...new Set(folders)], discovery };
}
