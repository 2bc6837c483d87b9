import { realpathSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import type { ReadLimits } from '../core/read/fileAdmission';
import { admitDecision } from '../core/read/fileAdmission';
import { branchProblems, type BranchProblem } from '../core/branch/branchRules';
import { pairDecisions, type Pairing, type RevisionDecision } from '../core/branch/pairing';
import type { AdrRolesConfig } from '../core/workspace/config';
import type { Catalog } from '../core/workspace/catalog';
import { isDecisionFileName } from '../core/workspace/discovery';
import { gitText, runGit } from './git';
import { nodeFileSystem } from './nodeFileSystem';
import { UsageError } from './targets';

export interface BranchRevisions {
  /** The repository's top folder. */
  top: string;
  base: RevisionDecision[];
  head: RevisionDecision[];
  tipPaths: string[];
  renames: Map<string, string>;
}

interface TreeEntry {
  path: string;
  object: string;
  size: number;
}

const toPosix = (path: string): string => path.split(sep).join('/');

/** Decision files (regular files, not links) directly in the folders, at a revision. */
async function decisionFilesAt(top: string, revision: string, folders: readonly string[]): Promise<TreeEntry[]> {
  const result = await runGit(top, ['ls-tree', '-r', '-z', '--long', '--full-tree', revision, '--', ...folders.map((f) => (f === '' ? '.' : `${f}/`))]);
  if (!result.ok) throw new UsageError(`git could not list the decisions at ${revision.slice(0, 12)}: ${result.stderr.trim().split('\n')[0] ?? ''}`);
  const wanted = new Set(folders);
  const entries: TreeEntry[] = [];
  for (const record of result.stdout.toString('utf8').split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(record);
    if (!m || m[2] !== 'blob' || !['100644', '100755'].includes(m[1] ?? '')) continue;
    const path = m[5] ?? '';
    const at = path.lastIndexOf('/');
    const folder = at === -1 ? '' : path.slice(0, at);
    if (wanted.has(folder) && isDecisionFileName(path.slice(at + 1))) entries.push({ path, object: m[3] ?? '', size: Number(m[4]) });
  }
  return entries;
}

/** The most --base reads of the base's decisions, all files together. */
const MAX_BASE_BYTES = 256 * 1024 * 1024;

/** The texts of blobs, read in one `git cat-file --batch`; blobs over the size limit are left out, unread. */
async function blobTexts(top: string, entries: readonly TreeEntry[], limits: ReadLimits): Promise<Map<string, string>> {
  const admitted = entries.filter((e) => e.size <= limits.maxFileBytes);
  const texts = new Map<string, string>();
  if (admitted.length === 0) return texts;
  const total = admitted.reduce((sum, e) => sum + e.size + 128, 0);
  // Each file is bounded by --max-file-size; the whole read is bounded too, as it is held in memory.
  if (total > MAX_BASE_BYTES) throw new UsageError(`the decisions at the base hold ${Math.round(total / 1024 / 1024)} MB, more than the ${MAX_BASE_BYTES / 1024 / 1024} MB --base reads: name fewer folders`);
  const result = await runGit(top, ['cat-file', '--batch'], { input: Buffer.from(admitted.map((e) => `${e.object}\n`).join('')), maxBytes: total + 1024 });
  if (!result.ok) throw new UsageError(`git could not read the decisions of the base: ${result.stderr.trim().split('\n')[0] ?? ''}`);
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

/** Renames git finds from the merge base to the working tree: old path → new path. */
async function renamesSince(top: string, mergeBase: string, folders: readonly string[]): Promise<Map<string, string>> {
  const result = await runGit(top, ['diff', '-M', '--name-status', '-z', '--no-ext-diff', '--no-textconv', mergeBase, '--', ...folders.map((f) => (f === '' ? '.' : f))]);
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

function unknownBase(ref: string, shallow: boolean): string {
  return shallow
    ? `--base '${ref}' is not in this shallow clone: fetch it first, e.g. git fetch --depth=1 origin ${ref}:refs/remotes/origin/${ref} and use --base origin/${ref}`
    : `unknown --base '${ref}': git knows no branch, tag or commit of that name (fetch it first, e.g. git fetch origin ${ref})`;
}

/**
 * What lint --base compares: the decisions at the merge base of HEAD and `ref`, those of the working
 * tree, and the decision file names at `ref`'s tip, for the folders being linted.
 */
export async function readBranchRevisions(ref: string, catalog: Catalog, folders: readonly string[], limits: ReadLimits): Promise<BranchRevisions> {
  if (ref.startsWith('-') || ref.includes('\0')) throw new UsageError(`--base takes a branch, tag or commit, not '${ref}'`);
  const top = await gitText('.', ['rev-parse', '--show-toplevel'], () => "--base needs a git repository, and the current folder is not inside one");
  const realTop = realpathSync(top);
  const shallow = (await gitText(top, ['rev-parse', '--is-shallow-repository'], () => 'git could not tell whether this clone is shallow')) === 'true';
  const tip = await gitText(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], () => unknownBase(ref, shallow));
  const mergeBase = await gitText(top, ['merge-base', 'HEAD', tip], () =>
    shallow
      ? `HEAD and '${ref}' meet in history this shallow clone does not have: fetch more of it, e.g. git fetch --deepen=200 origin ${ref} (or git fetch --unshallow)`
      : `HEAD and '${ref}' share no history (or HEAD has no commit yet)`,
  );
  const repoFolders: string[] = [];
  for (const folder of folders) {
    const inside = toPosix(relative(realTop, realpathSync(folder)));
    if (inside.startsWith('..') || inside.startsWith('/')) throw new UsageError(`'${folder}' is outside the git repository at ${top}: --base compares the folders of one repository`);
    repoFolders.push(inside);
  }
  const baseEntries = await decisionFilesAt(top, mergeBase, repoFolders);
  const baseTexts = await blobTexts(top, baseEntries, limits);
  const base: RevisionDecision[] = [];
  for (const [path, text] of baseTexts) {
    const admission = admitDecision(path, text, limits);
    if ('decision' in admission) base.push({ path, decision: admission.decision, text });
  }
  const head: RevisionDecision[] = [];
  for (const log of catalog.folders()) {
    const folder = repoFolders[folders.indexOf(log.folder)] ?? toPosix(relative(realTop, realpathSync(log.folder)));
    for (const decision of log.decisions()) {
      const text = (await nodeFileSystem.readText(decision.file)) ?? '';
      head.push({ path: folder === '' ? basename(decision.file) : `${folder}/${basename(decision.file)}`, decision, text });
    }
  }
  const tipPaths = (await decisionFilesAt(top, tip, repoFolders)).map((e) => e.path);
  return { top, base, head, tipPaths, renames: await renamesSince(top, mergeBase, repoFolders) };
}

export interface BranchCheck {
  revisions: BranchRevisions;
  pairing: Pairing;
  problems: BranchProblem[];
}

/** The branch rules over the folders being read, against `ref`. */
export async function checkBranch(ref: string, catalog: Catalog, folders: readonly string[], limits: ReadLimits, config: AdrRolesConfig): Promise<BranchCheck> {
  const revisions = await readBranchRevisions(ref, catalog, folders, limits);
  const pairing = pairDecisions(revisions.base, revisions.head, revisions.renames);
  const problems = branchProblems({
    pairing,
    tipPaths: revisions.tipPaths,
    basePaths: new Set(revisions.base.map((b) => b.path)),
    headPaths: revisions.head.map((h) => h.path),
    config,
    baseName: ref,
  });
  return { revisions, pairing, problems };
}
