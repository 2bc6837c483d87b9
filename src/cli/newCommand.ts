import { mkdir, open, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describeRoles, isBuiltInTemplate, resolveRole, templateFor } from '../core/workspace/config';
import { isoDate } from '../core/read/dates';
import { discover } from '../core/workspace/discovery';
import { nextFreeNumber } from '../core/workspace/numbering';
import { BUILT_IN_TEMPLATES, newDecisionFileName, renderDecision } from '../core/edit/scaffold';
import { formatOfLog, type FolderFormat } from '../core/workspace/folderFormat';
import { loadFolders } from '../core/workspace/load';
import { nodeFileSystem } from './nodeFileSystem';
import { UsageError } from './targets';
import { plainLine } from '../core/views/plainText';

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
 * (another run, a git pull) moves on to the next one.
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
  const folder = options.dir ?? folderOf(discovery.folders);
  await mkdir(folder, { recursive: true });
  // The folder's format (configured, else its decisions', else its tool's) picks the template and the file name.
  const { catalog } = await loadFolders(nodeFileSystem, [folder]);
  const format = formatOfLog(discovery, catalog.addFolder(folder));
  const template = options.template ? BUILT_IN_TEMPLATES[options.template] : await templateText(templateFor(discovery.config, format), format);
  const date = isoDate(new Date());
  let number = 0;
  for (let attempt = 0; attempt < 100; attempt++) {
    number = nextFreeNumber(await readdir(folder), number);
    const path = join(folder, newDecisionFileName(format, { number, title, date, attempt }));
    const { text } = renderDecision(template, { number, title, date, owner: role.id });
    if (await createExclusively(path, text)) {
      process.stdout.write(`${plainLine(relative('.', path) || path)}\n`);
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

/** The template chosen: built in, or a file of the repository (a missing one is lint's to report; the format's own is used). */
async function templateText(choice: ReturnType<typeof templateFor>, format: FolderFormat): Promise<string> {
  if ('builtIn' in choice) return BUILT_IN_TEMPLATES[choice.builtIn];
  return (await nodeFileSystem.readText(choice.file)) ?? BUILT_IN_TEMPLATES[format];
}

/** False when the file exists already: `wx` fails rather than overwrite. */
async function createExclusively(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
  return true;
}

