import { realpath } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { ReadLimits } from '../core/read/fileAdmission';
import { admitDecision, skipBySize } from '../core/read/fileAdmission';
import type { RevisionDecision, UnreadFile } from '../core/branch/pairing';
import { isDecisionFileName } from '../core/workspace/discovery';
import { GitError, gitText, runGit, type GitLocation, type GitRunOptions } from './runGit';

/** What a branch is compared with, read from git: the decisions at the merge base, the names at the tip, git's renames since. */
export interface BaseRevisions {
  /** The repository's top folder, as git prints it. */
  top: string;
  /** The decision folders asked for, from the repository root (POSIX, `''` for the root itself). */
  repoFolders: string[];
  base: RevisionDecision[];
  /** Decision files at the merge base that were not read (over the size limit, binary), each with why. */
  baseUnread: UnreadFile[];
  tipPaths: string[];
  renames: Map<string, string>;
}

/** How messages name the base: the CLI's `--base`, the editor's setting. */
export interface BaseNaming {
  /** `--base`, or `base` */
  option: string;
  /** When the repository is missing: `--base needs a git repository, …` */
  noRepository: string;
}

/**
 * What one repository's last comparison read, kept by a caller that compares again and again (the
 * editor, on every edit): the base side only changes when the merge base or the tip moves.
 */
export interface BaseCache {
  base?: { key: string; value: BaseSide };
  tip?: { key: string; value: string[] };
}

interface TreeEntry {
  path: string;
  object: string;
  size: number;
}

const toPosix = (path: string): string => path.split(sep).join('/');

/** The most a comparison reads of the base's decisions, all files together. */
const MAX_BASE_BYTES = 256 * 1024 * 1024;

function firstLine(stderr: string): string {
  return stderr.trim().split('\n')[0] ?? '';
}

/** Decision files (regular files, not links) directly in the folders, at a revision. */
async function decisionFilesAt(git: GitLocation, revision: string, folders: readonly string[], run: GitRunOptions): Promise<TreeEntry[]> {
  const result = await runGit(git, ['ls-tree', '-r', '-z', '--long', '--full-tree', revision, '--', ...folders.map((f) => (f === '' ? '.' : `${f}/`))], run);
  if (!result.ok) throw new GitError(`git could not list the decisions at ${revision.slice(0, 12)}: ${firstLine(result.stderr)}`);
  const wanted = new Set(folders);
  const entries: TreeEntry[] = [];
  for (const record of result.stdout.toString('utf8').split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(record);
    if (!m || m[2] !== 'blob' || !['100644', '100755'].includes(m[1] ?? '')) continue;
    // git's paths are POSIX whatever the platform: a `\` in one is part of a name.
    const path = m[5] ?? '';
    const at = path.lastIndexOf('/');
    const folder = at === -1 ? '' : path.slice(0, at);
    if (wanted.has(folder) && isDecisionFileName(path.slice(at + 1))) entries.push({ path, object: m[3] ?? '', size: Number(m[4]) });
  }
  return entries;
}

/** The texts of blobs, read in one `git cat-file --batch`; blobs over the size limit are left out, unread. */
async function blobTexts(git: GitLocation, entries: readonly TreeEntry[], limits: ReadLimits, run: GitRunOptions): Promise<Map<string, string>> {
  const admitted = entries.filter((e) => e.size <= limits.maxFileBytes);
  const texts = new Map<string, string>();
  if (admitted.length === 0) return texts;
  const total = admitted.reduce((sum, e) => sum + e.size + 128, 0);
  // Each file is bounded by the size limit; the whole read is bounded too, as it is held in memory.
  if (total > MAX_BASE_BYTES) throw new GitError(`the decisions at the base hold ${Math.round(total / 1024 / 1024)} MB, more than the ${MAX_BASE_BYTES / 1024 / 1024} MB a comparison reads: name fewer folders`);
  const result = await runGit(git, ['cat-file', '--batch'], { ...run, input: Buffer.from(admitted.map((e) => `${e.object}\n`).join('')), maxBytes: total + 1024 });
  if (!result.ok) throw new GitError(`git could not read the decisions of the base: ${firstLine(result.stderr)}`);
  const out = result.stdout;
  const decoder = new TextDecoder('utf-8');
  let at = 0;
  for (const entry of admitted) {
    const headerEnd = out.indexOf(0x0a, at);
    const header = out.subarray(at, headerEnd).toString('utf8');
    const size = Number(/ blob (\d+)$/.exec(header)?.[1] ?? NaN);
    if (headerEnd === -1 || !Number.isFinite(size)) break;
    texts.set(entry.path, decoder.decode(out.subarray(headerEnd + 1, headerEnd + 1 + size)));
    at = headerEnd + 1 + size + 1;
  }
  return texts;
}

/**
 * Renames git finds from the merge base to HEAD: old path → new path. Commit to commit, never to
 * the working tree: comparing with files on disk runs the clean filters a repository's
 * `.gitattributes` and configuration name (code of its choosing). A rename not yet committed is
 * paired by its title instead (pairing.ts). Rename detection compares every deleted file with
 * every added one, so it is limited to this many files on a side; beyond that the titles pair them.
 */
const RENAME_LIMIT = 100;

async function renamesSince(git: GitLocation, mergeBase: string, folders: readonly string[], run: GitRunOptions): Promise<Map<string, string>> {
  const result = await runGit(git, ['diff', '-M', `-l${RENAME_LIMIT}`, '--diff-filter=R', '--name-status', '-z', '--no-ext-diff', '--no-textconv', mergeBase, 'HEAD', '--', ...folders.map((f) => (f === '' ? '.' : f))], run);
  const renames = new Map<string, string>();
  if (!result.ok) return renames;
  const fields = result.stdout.toString('utf8').split('\0');
  for (let i = 0; i < fields.length; ) {
    const status = fields[i] ?? '';
    if (status.startsWith('R') || status.startsWith('C')) {
      if (status.startsWith('R')) renames.set(fields[i + 1] ?? '', fields[i + 2] ?? '');
      i += 3;
    } else i += 2;
  }
  return renames;
}

function unknownBase(ref: string, shallow: boolean, naming: BaseNaming): string {
  return shallow
    ? `${naming.option} '${ref}' is not in this shallow clone: fetch it first, e.g. git fetch --depth=1 origin ${ref}:refs/remotes/origin/${ref} and use ${naming.option} origin/${ref}`
    : `unknown ${naming.option} '${ref}': git knows no branch, tag or commit of that name (fetch it first, e.g. git fetch origin ${ref})`;
}

/** A revision's decisions, and its decision files that were not read. */
export interface BaseSide {
  decisions: RevisionDecision[];
  unread: UnreadFile[];
}

/**
 * The decisions of the folders at a revision, each admitted as the working tree's would be; a file
 * over the size limit (left unread) or binary is named with its problem, as the working tree's are.
 */
async function baseDecisions(git: GitLocation, revision: string, folders: readonly string[], limits: ReadLimits, run: GitRunOptions): Promise<BaseSide> {
  const entries = await decisionFilesAt(git, revision, folders, run);
  const texts = await blobTexts(git, entries, limits, run);
  const side: BaseSide = { decisions: [], unread: [] };
  for (const entry of entries) {
    const large = skipBySize(entry.path, entry.size, limits);
    if (large) side.unread.push({ path: entry.path, problem: large.problem });
  }
  for (const [path, text] of texts) {
    const admission = admitDecision(path, text, limits);
    if ('decision' in admission) side.decisions.push({ path, decision: admission.decision, text });
    else side.unread.push({ path, problem: admission.skipped.problem });
  }
  return side;
}

/** A ref git could read as an option, or that holds a NUL, is refused before git sees it. */
export function refusedRef(ref: string, naming: BaseNaming): string | undefined {
  return ref === '' || ref.startsWith('-') || ref.includes('\0') ? `${naming.option} takes a branch, tag or commit, not '${ref}'` : undefined;
}

/** `folder` (an absolute path on this machine) from the repository's top, POSIX; GitError when it is outside. */
export async function folderInRepository(top: string, folder: string): Promise<string> {
  const inside = toPosix(relative(await realpath(top), await realpath(folder)));
  if (inside === '..' || inside.startsWith('../') || inside.startsWith('/') || /^[A-Za-z]:/.test(inside)) {
    throw new GitError(`'${folder}' is outside the git repository at ${top}: a comparison reads the folders of one repository`);
  }
  return inside;
}

/**
 * What a branch is compared with: the decisions at the merge base of HEAD and `ref`, the decision
 * file names at `ref`'s tip, and git's renames since the merge base, for the folders (absolute
 * paths inside the repository at `git.cwd`). "Changed" is measured from the merge base; "taken"
 * against the tip. Read with `ls-tree`, `cat-file` and `diff --name-status` alone.
 */
export async function readBaseRevisions(git: GitLocation, ref: string, folders: readonly string[], limits: ReadLimits, naming: BaseNaming, run: GitRunOptions = {}, cache: BaseCache = {}): Promise<BaseRevisions> {
  const refused = refusedRef(ref, naming);
  if (refused) throw new GitError(refused);
  const top = await gitText(git, ['rev-parse', '--show-toplevel'], () => naming.noRepository, run);
  const at: GitLocation = { gitPath: git.gitPath, cwd: top };
  // Whether the clone is shallow only matters to say what to fetch, so it is asked only then.
  const isShallow = async (): Promise<boolean> => (await runGit(at, ['rev-parse', '--is-shallow-repository'], run)).stdout.toString('utf8').trim() === 'true';
  const verified = await runGit(at, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], run);
  if (!verified.ok) throw new GitError(unknownBase(ref, await isShallow(), naming));
  const tip = verified.stdout.toString('utf8').trim();
  const met = await runGit(at, ['merge-base', 'HEAD', tip], run);
  if (!met.ok) {
    throw new GitError(
      (await isShallow())
        ? `HEAD and '${ref}' meet in history this shallow clone does not have: fetch more of it, e.g. git fetch --deepen=200 origin ${ref} (or git fetch --unshallow)`
        : `HEAD and '${ref}' share no history (or HEAD has no commit yet)`,
    );
  }
  const mergeBase = met.stdout.toString('utf8').trim();
  const repoFolders: string[] = [];
  for (const folder of folders) repoFolders.push(await folderInRepository(top, folder));
  const folderKey = repoFolders.join('\0');
  const baseKey = `${mergeBase}\0${limits.maxFileBytes}\0${folderKey}`;
  if (cache.base?.key !== baseKey) cache.base = { key: baseKey, value: await baseDecisions(at, mergeBase, repoFolders, limits, run) };
  const { decisions: base, unread: baseUnread } = cache.base.value;
  const tipKey = `${tip}\0${folderKey}`;
  if (cache.tip?.key !== tipKey) cache.tip = { key: tipKey, value: (await decisionFilesAt(at, tip, repoFolders, run)).map((e) => e.path) };
  const tipPaths = cache.tip.value;
  return { top, repoFolders, base, baseUnread, tipPaths, renames: await renamesSince(at, mergeBase, repoFolders, run) };
}
