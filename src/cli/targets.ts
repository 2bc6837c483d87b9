import { relative } from 'node:path';
import { lexicalRefusal, resolveInside } from '../core/workspace/containment';
import { discover, type Discovery, type RefusedPath } from '../core/workspace/discovery';
import { listDecisionFiles } from '../core/workspace/load';
import { nodeFileSystem } from './nodeFileSystem';

export class UsageError extends Error {}

/** A path refused by the containment rule: like a usage error, one line and exit 2. */
export class PathRefused extends UsageError {}

export interface Targets {
  folders: string[];
  discovery: Discovery;
  /** The root each folder was found from: its writes stay inside it. */
  rootOf: (folder: string) => string;
  /** Paths the repositories named that were refused, from every discovery whose folders are used. */
  refused: RefusedPath[];
}

/** Stops the run on the first refused path (the others are counted), before anything was written. */
export function failOnRefusals(refused: readonly RefusedPath[]): void {
  const [first] = refused;
  if (!first) return;
  const at = relative('.', first.file) || first.file;
  const more = refused.length > 1 ? ` (and ${refused.length - 1} more refused path${refused.length === 2 ? '' : 's'})` : '';
  throw new PathRefused(`${at}:${first.problem.range.start.line + 1}: ${first.what}: refused, and nothing was written${more}`);
}

/**
 * A DIR typed on the command line is the user's choice, but one inside the current folder is
 * still checked like the repository's own paths: a cloned repository may have made it a link.
 */
async function checkTyped(dir: string): Promise<void> {
  if (lexicalRefusal(dir)) return;
  const resolved = await resolveInside(nodeFileSystem, '.', dir, 'directory');
  if ('refused' in resolved) throw new PathRefused(`'${dir}' ${resolved.refused}: name the folder itself, inside the repository`);
}

/**
 * Turns the command line's DIR arguments into decision folders. A DIR is a repository root to
 * discover from, or, when nothing is discovered there, a decision folder itself. A path the
 * repository named that the containment rule refused stops the run (exit 2), unless the caller
 * reports refusals itself (`refusals: 'report'`, as lint does among its problems).
 */
export async function resolveTargets(dirs: readonly string[], options: { refusals: 'fail' | 'report' } = { refusals: 'fail' }): Promise<Targets> {
  const roots = new Map<string, string>();
  const refused: RefusedPath[] = [];
  const targets = (folders: string[], discovery: Discovery): Targets => {
    if (folders.length === 0 || options.refusals === 'fail') failOnRefusals(refused);
    return { folders, discovery, rootOf: (folder) => roots.get(folder) ?? folder, refused };
  };
  const here = await discover(nodeFileSystem, '.');
  if (dirs.length === 0) {
    refused.push(...here.refused);
    for (const folder of here.folders) roots.set(folder, '.');
    if (here.folders.length === 0 && refused.length === 0) {
      throw new UsageError(
        'no decision folders found here (looked for .adr-roles.yml, .adr-dir, .log4brains.yml, docs/adr, docs/decisions, …): name the folder, e.g. adr-roles list docs/decisions',
      );
    }
    return targets(here.folders, here);
  }
  const folders: string[] = [];
  let discovery = here;
  for (const dir of dirs) {
    if ((await nodeFileSystem.list(dir)) === undefined) {
      const isFile = (await nodeFileSystem.kind?.(dir)) === 'file';
      throw new UsageError(isFile ? `'${dir}' is a file: name the folder that holds it` : `cannot read folder '${dir}'`);
    }
    await checkTyped(dir);
    const found = await discover(nodeFileSystem, dir);
    refused.push(...found.refused);
    if (found.folders.length > 0) {
      for (const folder of found.folders) if (!roots.has(folder)) roots.set(folder, dir);
      folders.push(...found.folders);
      if (found.configFile) discovery = found;
    } else if (found.refused.length > 0) continue;
    else if ((await listDecisionFiles(nodeFileSystem, dir)).length > 0) {
      if (!roots.has(dir)) roots.set(dir, dir);
      folders.push(dir);
    } else throw new UsageError(`no decisions found in '${dir}'`);
  }
  return targets([...new Set(folders)], discovery);
}
