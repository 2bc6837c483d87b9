import { join } from 'node:path';
import type { ReadLimits } from '../core/read/fileAdmission';
import { CODEOWNERS_LOCATIONS, updateCodeownersText } from '../core/review/codeownersBlock';
import { planCodeowners, shadowedFiles, type CodeownersNote, type OwnedFile } from '../core/review/codeownersPlan';
import { readInside, relativeBelow } from '../core/workspace/containment';
import { baseName } from '../core/read/fileName';
import { plainText } from '../core/views/plainText';
import { assertWritable, makeFolderInside, shown, writeInside } from './guardedWrite';
import { loadDecisions } from './loadDecisions';
import { nodeFileSystem } from './nodeFileSystem';
import { PathRefused, resolveTargets, UsageError } from './targets';

/** The CODEOWNERS file of a root: the first of the usual places that exists, else `.github/CODEOWNERS`. */
async function codeownersFileOf(root: string): Promise<{ location: string; existing: string | undefined }> {
  for (const location of CODEOWNERS_LOCATIONS) {
    if ((await nodeFileSystem.kind?.(join(root, location))) === undefined) continue;
    const read = await readInside(nodeFileSystem, root, location);
    if ('refused' in read) throw new PathRefused(`${shown(join(root, location))} ${read.refused}: nothing was read or written`);
    if ('text' in read) return { location, existing: read.text };
  }
  return { location: CODEOWNERS_LOCATIONS[0] ?? '.github/CODEOWNERS', existing: undefined };
}

function noteText(note: CodeownersNote): string {
  switch (note.kind) {
    case 'unowned':
      return `${note.path}: ${note.id} has no owner, so no one is asked to review it`;
    case 'unknown-owner':
      return `${note.path}: ${note.id} is owned by '${note.owner}', which is not a configured role`;
    case 'unwritable-path':
      return `${note.path}: ${note.id}'s file name holds a line break, control character or [ ], which CODEOWNERS cannot name: rename the file`;
    case 'role-without-reviewers':
      return `role ${note.role} has no reviewers in .adr-roles.yml: its ${note.decisions} ${note.decisions === 1 ? 'decision gets' : 'decisions get'} no CODEOWNERS line`;
  }
}

/**
 * Writes (or with --check, verifies) one CODEOWNERS line per decision, naming its owner role's
 * reviewers, inside the marker block of each repository root's CODEOWNERS. Exit 1 with --check
 * when a block is stale.
 */
export async function codeownersCommand(dirs: string[], options: { check: boolean; limits: ReadLimits }): Promise<number> {
  const { folders, discovery, rootOf } = await resolveTargets(dirs);
  const catalog = await loadDecisions(folders, options.limits);
  // A reviewer the configuration names but CODEOWNERS cannot take is left out; say where it is.
  for (const problem of discovery.configFile ? discovery.configProblems : []) {
    const { line, character } = problem.range.start;
    process.stderr.write(`adr-roles: ${shown(discovery.configFile ?? '')}:${line + 1}:${character + 1}: ${plainText(problem.message)}\n`);
  }
  // A decision folder named directly is no repository root: its CODEOWNERS belongs to the folder run from.
  const rootFor = (folder: string): string => (rootOf(folder) === folder ? '.' : rootOf(folder));
  const byRoot = new Map<string, OwnedFile[]>();
  for (const log of catalog.folders()) {
    const root = rootFor(log.folder);
    const files = byRoot.get(root) ?? [];
    // The folder is a path; the file's name is one step taken as it is (a `\` in it is no separator).
    const folder = relativeBelow(root, log.folder);
    for (const decision of log.decisions()) {
      const path = folder === undefined ? undefined : folder === '.' ? baseName(decision.file) : `${folder}/${baseName(decision.file)}`;
      if (path === undefined) throw new UsageError(`${shown(decision.file)} is not inside '${root}': run adr-roles codeowners from the repository root`);
      files.push({ path, id: decision.id, owner: decision.owner?.value });
    }
    byRoot.set(root, files);
  }
  let stale = 0;
  for (const [root, files] of byRoot) {
    const plan = planCodeowners(files, discovery.config.roles);
    for (const note of plan.notes) process.stderr.write(`adr-roles: ${plainText(noteText(note))}\n`);
    const { location, existing } = await codeownersFileOf(root);
    const path = join(root, location);
    // A file that is not there yet must be one the command could create, with --check too: a
    // `.github` that is a file is an environment error (exit 2), not a stale block (exit 1).
    if (existing === undefined) await assertWritable(root, join(path, '..'), 'directory');
    const update = updateCodeownersText(existing, plan.lines);
    if ('refused' in update) throw new PathRefused(`${shown(path)} ${update.refused}`);
    const { shadowed, unchecked } = shadowedFiles(update.text, plan.paths, update.blockEndLine);
    for (const { path: file, rule } of shadowed) {
      process.stderr.write(`adr-roles: ${plainText(file)}: the rule '${plainText(rule.pattern)}' at ${shown(path)}:${rule.line + 1}, after the block, decides its owners instead: move the block below it\n`);
    }
    if (unchecked.length > 0) {
      const count = `${unchecked.length} decision${unchecked.length === 1 ? '' : 's'}`;
      process.stderr.write(`adr-roles: ${shown(path)}: the rules after the block take too long to match, so ${count} (from ${plainText(unchecked[0] ?? '')}) ${unchecked.length === 1 ? 'was' : 'were'} not checked for a later rule that decides ${unchecked.length === 1 ? 'its' : 'their'} owners instead: move the block to the end\n`);
    }
    if (update.text === existing) {
      process.stdout.write(`${shown(path)}: up to date (${plan.lines.length} decision${plan.lines.length === 1 ? '' : 's'})\n`);
    } else if (options.check) {
      stale++;
      process.stdout.write(`${shown(path)}: the decisions' owners are stale; run adr-roles codeowners\n`);
    } else {
      if (existing === undefined) await makeFolderInside(root, join(root, location, '..'));
      const written = await writeInside(root, path, update.text, existing === undefined ? 'create' : 'replace');
      if (!written) throw new Error(`${shown(path)} appeared while CODEOWNERS was being written: it was left as it is; run adr-roles codeowners again`);
      process.stdout.write(`${shown(path)}: ${existing === undefined ? 'created' : 'updated'} (${plan.lines.length} decision${plan.lines.length === 1 ? '' : 's'})\n`);
    }
  }
  return stale > 0 ? 1 : 0;
}
