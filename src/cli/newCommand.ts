import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describeRoles, isBuiltInTemplate, resolveRole, type AdrRolesConfig } from '../core/workspace/config';
import { lexicalRefusal } from '../core/workspace/containment';
import { isoDate } from '../core/read/dates';
import { discover } from '../core/workspace/discovery';
import { nextFreeNumber } from '../core/workspace/numbering';
import { BUILT_IN_TEMPLATES, newDecisionFileName, renderDecision, templateText } from '../core/edit/scaffold';
import { formatOfLog, type FolderFormat } from '../core/workspace/folderFormat';
import { makeFolderInside, shown, writeInside } from './guardedWrite';
import { loadFolders } from '../core/workspace/load';
import { nodeFileSystem } from './nodeFileSystem';
import { failOnRefusals, PathRefused, UsageError } from './targets';

export interface NewOptions {
  owner: string | undefined;
  dir: string | undefined;
  template: string | undefined;
}

/** Where a new decision goes when the repository has no decision folder yet, as in the extension. */
const DEFAULT_FOLDER = 'docs/decisions';

/**
 * `adr-roles new "Title" --owner cto`: the extension's numbering and templates without an editor.
 * The file is created exclusively, so a decision is never overwritten; a number taken meanwhile
 * (another run, a git pull) moves on to the next one. The folder and the file are checked by the
 * containment rule, and a template that is refused stops the run with nothing written.
 */
export async function newCommand(words: string[], options: NewOptions): Promise<number> {
  const title = words.join(' ').trim();
  if (!title) throw new UsageError('new needs a title: adr-roles new "Use PostgreSQL" --owner cto');
  const discovery = await discover(nodeFileSystem, '.');
  const roles = discovery.config.roles;
  if (!options.owner) throw new UsageError(`new needs --owner: one of ${describeRoles(roles)}`);
  const role = resolveRole(options.owner, roles);
  if (!role) throw new UsageError(`'${options.owner}' is not a configured role: use one of ${describeRoles(roles)}`);
  if (options.template !== undefined && !isBuiltInTemplate(options.template)) throw new UsageError(`unknown template '${options.template}': use madr, nygard, log4brains or madr2`);
  failOnRefusals(discovery.refused);
  const folder = options.dir ?? folderOf(discovery.folders);
  // A --dir outside the current folder is the user's own choice: only what is written in it is checked.
  const root = options.dir !== undefined && lexicalRefusal(options.dir) ? options.dir : '.';
  await makeFolderInside(root, folder);
  // The folder's format (configured, else its decisions', else its tool's) picks the template and the file name.
  const { catalog } = await loadFolders(nodeFileSystem, [folder]);
  const format = formatOfLog(discovery, catalog.addFolder(folder));
  const template = options.template ? BUILT_IN_TEMPLATES[options.template] : await configuredTemplate(discovery.config, format);
  const date = isoDate(new Date());
  let number = 0;
  for (let attempt = 0; attempt < 100; attempt++) {
    number = nextFreeNumber(await readdir(folder), number);
    const path = join(folder, newDecisionFileName(format, { number, title, date, attempt }));
    const { text } = renderDecision(template, { number, title, date, owner: role.id });
    if (await writeInside(root, path, text, 'create')) {
      process.stdout.write(`${shown(path)}\n`);
      return 0;
    }
  }
  throw new Error(`no free decision number found in ${folder}: nothing was written`);
}

function folderOf(folders: readonly string[]): string {
  if (folders.length === 0) return DEFAULT_FOLDER;
  if (folders.length === 1) return folders[0] ?? DEFAULT_FOLDER;
  throw new UsageError(`several decision folders (${folders.join(', ')}): name one with --dir`);
}

/** The configured template; a missing file is lint's to report (the format's own is used), a refused one stops the run. */
async function configuredTemplate(config: AdrRolesConfig, format: FolderFormat): Promise<string> {
  const { text, notUsed } = await templateText(nodeFileSystem, '.', config, format);
  if (notUsed?.refused) throw new PathRefused(`${notUsed.message}: nothing was written`);
  return text;
}
