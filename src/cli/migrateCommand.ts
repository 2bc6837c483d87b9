import { describeRoles, resolveRole } from '../core/workspace/config';
import { addOwnerEdits, isUnowned, matchesFilter, parseWhere } from '../core/edit/migrate';
import { parseDecision } from '../core/read/parse';
import { applyEdits } from '../core/edit/textEdit';
import type { ReadLimits } from '../core/read/fileAdmission';
import { formatOfLog } from '../core/workspace/folderFormat';
import { shown, writeInside } from './guardedWrite';
import { plainText } from '../core/views/plainText';
import { loadDecisions } from './loadDecisions';
import { readRegularText } from './nodeFileSystem';
import { PathRefused, resolveTargets, UsageError } from './targets';

export interface MigrateOptions {
  owner: string | undefined;
  where: string | undefined;
  dryRun: boolean;
  limits: ReadLimits;
}

/**
 * `adr-roles migrate --owner ROLE`: gives every unowned decision (matching --where) its owner, in
 * place, where each file keeps its metadata. Folders are not moved and nothing but the owner line changes.
 */
export async function migrateCommand(dirs: string[], options: MigrateOptions): Promise<number> {
  const filter = parseWhere(options.where);
  if (typeof filter === 'string') throw new UsageError(filter);
  const { folders, discovery, rootOf } = await resolveTargets(dirs);
  const roles = discovery.config.roles;
  if (!options.owner) throw new UsageError(`migrate needs --owner: one of ${describeRoles(roles)}`);
  const role = resolveRole(options.owner, roles);
  if (!role) throw new UsageError(`'${options.owner}' is not a configured role: use one of ${describeRoles(roles)}`);
  const catalog = await loadDecisions(folders, options.limits);
  let changed = 0;
  let refused = 0;
  for (const log of catalog.folders()) {
    const format = formatOfLog(discovery, log);
    for (const decision of log.decisions()) {
      if (!isUnowned(decision) || !matchesFilter(decision, filter)) continue;
      // Edited as the bytes on disk, byte-order mark included, so everything else stays as it was.
      const text = readRegularText(decision.file);
      if (text === undefined) continue;
      const fresh = parseDecision(decision.file, text);
      if (!isUnowned(fresh)) continue;
      const edits = addOwnerEdits(text, fresh, role.id, format);
            // A `---js`, never-closed or flow-map frontmatter cannot take a field without breaking it.
      if (edits.length === 0) {
        process.stderr.write(`adr-roles: ${shown(decision.file)}: left as it is: its frontmatter cannot take an owner line safely; fix the frontmatter, then run again\n`);
        continue;
      }
      if (!options.dryRun) {
        try {
          await writeInside(rootOf(log.folder), decision.file, applyEdits(text, edits), 'replace');
        } catch (error) {
          // One file refused (a hard link, a link swapped in) is named; the others still get their owner.
          if (!(error instanceof PathRefused)) throw error;
          process.stderr.write(`adr-roles: ${error.message}\n`);
          refused++;
          continue;
        }
      }
      changed++;
      process.stdout.write(`${shown(decision.file)}: owner: ${plainText(role.id)}${options.dryRun ? ' (dry run)' : ''}\n`);
    }
  }
  process.stdout.write(`${changed} decision${changed === 1 ? '' : 's'} ${options.dryRun ? 'would be' : ''}${options.dryRun ? ' ' : ''}given an owner${refused > 0 ? `; ${refused} refused` : ''}\n`);
  return refused > 0 ? 2 : 0;
}
