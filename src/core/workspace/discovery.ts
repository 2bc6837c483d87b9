import { CONFIG_FILE_NAME, defaultConfig, isBuiltInTemplate, readConfig, type AdrRolesConfig } from './config';
import { readInside, resolveInside } from './containment';
import type { FileSystem } from './fileSystem';
import type { Problem, Range } from '../model';
import { joinPath } from './paths';
import { PROBLEM_CODES } from '../problemCodes';
import { LineIndex } from '../read/lineIndex';
import { parseYamlBlock } from '../read/yamlValues';
import type { YamlValue } from '../read/yamlTree';

/** Folders teams commonly keep decisions in, tried when nothing names one. */
export const COMMON_FOLDERS = [
  'docs/adr',
  'docs/adrs',
  'docs/decisions',
  'doc/adr',
  'docs/architecture/decisions',
  'doc/architecture/decisions',
  'architecture/decisions',
  'adr',
  'decisions',
];

/** A path the repository named that was refused, with the problem, located in the file that named it. */
export interface RefusedPath {
  /** The file that named the path (`.adr-roles.yml`, `.adr-dir`, `.log4brains.yml`), or the refused path itself. */
  file: string;
  /** What was refused and why, without the consequence the problem's message adds: `Folder '../x' is outside the repository`. */
  what: string;
  problem: Problem;
}

export interface Discovery {
  config: AdrRolesConfig;
  /** Problems in the configuration file, located in it. */
  configProblems: Problem[];
  /** Path of the configuration file when there is one. */
  configFile: string | undefined;
  /** Decision folders, as paths joined to the root. */
  folders: string[];
  /** How each folder was found, for messages: `.adr-roles.yml`, `.adr-dir`, `.log4brains.yml`, `common`. */
  sources: Map<string, string>;
  /**
   * Every path the repository named that the containment rule (containment.ts) refused: outside
   * it, through a link, not a regular file or folder, too large. Those named in `.adr-roles.yml`
   * are among its `configProblems` too.
   */
  refused: RefusedPath[];
}

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A decision folder a file named, and where it named it. */
interface NamedFolder {
  folder: string;
  range: Range;
}

/**
 * Finds the decision folders of a repository without configuration: our config file wins, then
 * adr-tools' `.adr-dir`, log4brains' `.log4brains.yml`, then the common folder names that exist.
 * Every path on the way goes through the containment rule: a refused path is never read, listed
 * or written, and is reported where it was written.
 */
export async function discover(fs: FileSystem, root: string): Promise<Discovery> {
  const result: Discovery = { config: defaultConfig(), configProblems: [], configFile: undefined, folders: [], sources: new Map(), refused: [] };
  const add = (folder: string, source: string): void => {
    const path = joinPath(root, folder);
    if (!result.folders.includes(path)) {
      result.folders.push(path);
      result.sources.set(path, source);
    }
  };
  const refuse = (file: string, what: string, consequence: string, range: Range = FILE_START): Problem => {
    const problem = configProblem(`${what}: ${consequence}`, range);
    result.refused.push({ file, what, problem });
    return problem;
  };
  let namedRefused = false;
  /** A folder `.adr-dir` or `.log4brains.yml` named: used unless refused; a missing one too, as adr-tools creates it. */
  const addNamed = async ({ folder, range }: NamedFolder, source: string): Promise<void> => {
    const resolved = await resolveInside(fs, root, folder, 'directory');
    if (!('refused' in resolved)) return add(folder, source);
    namedRefused = true;
    refuse(joinPath(root, source), `Folder '${folder}' ${resolved.refused}`, FOLDER_RULE, range);
  };

  const configPath = joinPath(root, CONFIG_FILE_NAME);
  const configRead = await readInside(fs, root, CONFIG_FILE_NAME);
  if ('refused' in configRead) refuse(configPath, `'${CONFIG_FILE_NAME}' ${configRead.refused}`, 'it is not read, and the defaults are used');
  if ('text' in configRead) {
    const { config, problems, folderEntries, templateRange } = readConfig(configRead.text);
    result.config = config;
    result.configProblems = problems;
    result.configFile = configPath;
    // A misspelled folder must not make a CI run pass with nothing checked.
    for (const { folder, range } of folderEntries) {
      const resolved = await resolveInside(fs, root, folder, 'directory');
      if ('refused' in resolved) problems.push(refuse(configPath, `Folder '${folder}' ${resolved.refused}`, FOLDER_RULE, range));
      else if ('missing' in resolved || (await fs.list(resolved.path)) === undefined) problems.push(configProblem(`Folder '${folder}' does not exist`, range));
      else add(folder, CONFIG_FILE_NAME);
    }
    const templateAt = templateRange ?? FILE_START;
    if (config.template && !isBuiltInTemplate(config.template)) {
      const template = await readInside(fs, root, config.template);
      if ('refused' in template) {
        problems.push(refuse(configPath, `Template '${config.template}' ${template.refused}`, "the built-in template of each folder's format is used", templateAt));
        config.template = '';
      } else if ('missing' in template) {
        problems.push(configProblem(`Template '${config.template}' is neither a built-in template (madr, nygard, log4brains, madr2) nor a readable file`, templateAt));
      }
    }
    if (folderEntries.length > 0) return result;
  }
  const adrDir = await readInside(fs, root, '.adr-dir');
  if ('refused' in adrDir) refuse(joinPath(root, '.adr-dir'), `'.adr-dir' ${adrDir.refused}`, 'it is not read');
  const adrDirFolder = 'text' in adrDir ? adrDirLine(adrDir.text) : undefined;
  if (adrDirFolder) await addNamed(adrDirFolder, '.adr-dir');
  const log4brains = await readInside(fs, root, '.log4brains.yml');
  if ('refused' in log4brains) refuse(joinPath(root, '.log4brains.yml'), `'.log4brains.yml' ${log4brains.refused}`, 'it is not read');
  if ('text' in log4brains) for (const named of log4brainsFolders(log4brains.text)) await addNamed(named, '.log4brains.yml');
  // Folders named but refused are not replaced by common ones: the repository said where its decisions are.
  if (result.folders.length > 0 || namedRefused) return result;
  // A common folder that is a link is passed over, and said only when nothing else is found:
  // a convenience link beside the real folder must not stop a run.
  const linked: RefusedPath[] = [];
  for (const folder of COMMON_FOLDERS) {
    const resolved = await resolveInside(fs, root, folder, 'directory');
    if ('refused' in resolved) {
      const what = `Folder '${folder}' ${resolved.refused}`;
      linked.push({ file: joinPath(root, folder), what, problem: configProblem(`${what}: ${FOLDER_RULE}`, FILE_START) });
    }
    if (!('path' in resolved)) continue;
    const entries = await fs.list(resolved.path);
    if (entries?.some((e) => e.kind === 'file' && isDecisionFileName(e.name))) add(folder, 'common');
  }
  if (result.folders.length === 0) result.refused.push(...linked);
  return result;
}

const FOLDER_RULE = 'decision folders are folders inside the repository, never links';

/** `.adr-dir`'s first line, where adr-tools reads the folder, with its range. */
function adrDirLine(text: string): NamedFolder | undefined {
  const line = text.split(/\r?\n/)[0] ?? '';
  const folder = line.trim();
  if (!folder) return undefined;
  const start = line.indexOf(folder);
  return { folder, range: { start: { line: 0, character: start }, end: { line: 0, character: start + folder.length } } };
}

/** `project.adrFolder` and each `project.packages[].adrFolder` of a log4brains configuration, with their ranges. */
function log4brainsFolders(text: string): NamedFolder[] {
  const project = parseYamlBlock(text, 0).entries.find((e) => e.key === 'project')?.value;
  if (project?.kind !== 'map') return [];
  const lines = new LineIndex(text);
  const folders: NamedFolder[] = [];
  const folderOf = (map: YamlValue | null | undefined): void => {
    if (map?.kind !== 'map') return;
    const folder = map.entries.find((e) => e.key === 'adrFolder')?.value;
    if (folder?.kind === 'scalar' && typeof folder.value === 'string') folders.push({ folder: folder.value, range: lines.range(folder.start, folder.end) });
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
