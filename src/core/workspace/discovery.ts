import { CONFIG_FILE_NAME, defaultConfig, isBuiltInTemplate, readConfig, type AdrRolesConfig } from './config';
import type { FileSystem } from './fileSystem';
import type { Problem, Range } from '../model';
import { joinPath, normalizePath } from './paths';
import { PROBLEM_CODES } from '../problemCodes';
import { parseYamlBlock } from '../read/yamlValues';
import type { YamlValue } from '../read/yamlTree';

/** Folders teams commonly keep decisions in, tried when nothing names one. */
export const COMMON_FOLDERS = ['docs/adr', 'docs/adrs', 'docs/decisions', 'doc/adr', 'docs/architecture/decisions', 'adr', 'decisions'];

export interface Discovery {
  config: AdrRolesConfig;
  /** Problems in the configuration file, located in it. */
  configProblems: Problem[];
  /** Path of the configuration file when there is one. */
  configFile: string | undefined;
  /** Decision folders, as paths joined to the root. */
  folders: string[];
  /** How each folder was found, for messages: `.adr-roles.yml`, `.adr-dir`, `.log4brains.yml`, `common`. */
  sources: Record<string, string>;
}

/** Whether a path from the configuration, relative to `root`, stays inside it. */
function isInside(root: string, relative: string): boolean {
  const path = joinPath(root, relative);
  return !relative.startsWith('/') && !path.split('/').includes('..') && (root === '.' || path === root || path.startsWith(`${normalizePath(root)}/`));
}

/**
 * Finds the decision folders of a repository without configuration: our config file wins, then
 * adr-tools' `.adr-dir`, log4brains' `.log4brains.yml`, then the common folder names that exist.
 */
export async function discover(fs: FileSystem, root: string): Promise<Discovery> {
  const result: Discovery = { config: defaultConfig(), configProblems: [], configFile: undefined, folders: [], sources: {} };
  const add = (folder: string, source: string): void => {
    const path = joinPath(root, folder);
    if (!result.folders.includes(path)) {
      result.folders.push(path);
      result.sources[path] = source;
    }
  };
  const configPath = joinPath(root, CONFIG_FILE_NAME);
  const configText = await fs.readText(configPath);
  if (configText !== undefined) {
    const { config, problems, folderEntries, templateRange } = readConfig(configText);
    result.config = config;
    result.configProblems = problems;
    result.configFile = configPath;
    // A misspelled folder must not make a CI run pass with nothing checked.
    for (const { folder, range } of folderEntries) {
      const path = joinPath(root, folder);
      if (!isInside(root, folder)) problems.push(configProblem(`Folder '${folder}' is outside the repository: decision folders are paths inside it`, range));
      else if ((await fs.list(path)) === undefined) problems.push(configProblem(`Folder '${folder}' does not exist`, range));
      else add(folder, CONFIG_FILE_NAME);
    }
    const templateAt = templateRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    // A cloned repository's configuration names files inside it, never elsewhere on the machine.
    if (config.template && !isBuiltInTemplate(config.template) && !isInside(root, config.template)) {
      problems.push(configProblem(`Template '${config.template}' is outside the repository: the built-in template of each folder's format is used`, templateAt));
      config.template = '';
    } else if (config.template && !isBuiltInTemplate(config.template) && (await fs.readText(joinPath(root, config.template))) === undefined) {
      problems.push(configProblem(`Template '${config.template}' is neither a built-in template (madr, nygard, log4brains, madr2) nor a readable file`, templateAt));
    }
    if (folderEntries.length > 0) return result;
  }
  const adrDir = await fs.readText(joinPath(root, '.adr-dir'));
  const adrDirFolder = adrDir?.split(/\r?\n/)[0]?.trim();
  if (adrDirFolder) add(adrDirFolder, '.adr-dir');
  const log4brains = await fs.readText(joinPath(root, '.log4brains.yml'));
  if (log4brains !== undefined) for (const folder of log4brainsFolders(log4brains)) add(folder, '.log4brains.yml');
  if (result.folders.length > 0) return result;
  for (const folder of COMMON_FOLDERS) {
    const entries = await fs.list(joinPath(root, folder));
    if (entries?.some((e) => e.kind === 'file' && isDecisionFileName(e.name))) add(folder, 'common');
  }
  return result;
}

/** `project.adrFolder` and each `project.packages[].adrFolder` of a log4brains configuration. */
function log4brainsFolders(text: string): string[] {
  const project = parseYamlBlock(text, 0).entries.find((e) => e.key === 'project')?.value;
  if (project?.kind !== 'map') return [];
  const folders: string[] = [];
  const folderOf = (map: YamlValue | null | undefined): void => {
    if (map?.kind !== 'map') return;
    const folder = map.entries.find((e) => e.key === 'adrFolder')?.value;
    if (folder?.kind === 'scalar' && typeof folder.value === 'string') folders.push(folder.value);
  };
  folderOf(project);
  const packages = project.entries.find((e) => e.key === 'packages')?.value;
  if (packages?.kind === 'seq') packages.items.forEach(folderOf);
  return folders;
}

/** Markdown files that are decisions: not the folder's README, index or templates. */
export function isDecisionFileName(name: string): boolean {
  if (!/\.(md|markdown)$/i.test(name) || name.startsWith('.') || name.startsWith('_')) return false;
  const stem = name.replace(/\.(md|markdown)$/i, '').toLowerCase();
  if (['readme', 'index', 'toc', 'changelog', 'contributing'].includes(stem)) return false;
  // `adr-template.md` is a template; `0019-consequences-in-minimal-template.md` is a decision about one.
  return !stem.includes('template') || /^\d/.test(stem);
}

function configProblem(message: string, range: Range): Problem {
  return { code: 'invalid-config', severity: PROBLEM_CODES['invalid-config'].severity, message, range };
}
