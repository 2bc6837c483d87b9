import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { INDEX_FILE_NAMES, renderIndexTable, updateIndexText } from '../core/views/indexTable';
import type { ReadLimits } from '../core/read/fileAdmission';
import { plainLine } from '../core/views/plainText';
import { loadDecisions } from './loadDecisions';
import { nodeFileSystem } from './nodeFileSystem';
import { resolveTargets } from './targets';

/**
 * Writes (or with --check, verifies) the index table in each decision folder's README.
 * Exit 1 with --check when any index is stale, so CI can require it to be current.
 */
export async function indexCommand(dirs: string[], options: { check: boolean; limits: ReadLimits }): Promise<number> {
  const { folders, discovery } = await resolveTargets(dirs);
  const catalog = await loadDecisions(folders, options.limits);
  let stale = 0;
  for (const log of catalog.folders()) {
    const entries = (await nodeFileSystem.list(log.folder)) ?? [];
    const name = INDEX_FILE_NAMES.find((n) => entries.some((e) => e.kind === 'file' && e.name === n)) ?? 'README.md';
    const path = join(log.folder, name);
    const existing = await nodeFileSystem.readText(path);
    const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
    const updated = updateIndexText(existing, renderIndexTable(log, discovery.config.roles, eol));
    const shown = plainLine(relative('.', path) || path);
    if (updated === existing) {
      process.stdout.write(`${shown}: up to date\n`);
    } else if (options.check) {
      stale++;
      process.stdout.write(`${shown}: the index is stale; run adr-roles index\n`);
    } else {
      await writeFile(path, updated, 'utf8');
      process.stdout.write(`${shown}: ${existing === undefined ? 'created' : 'updated'}\n`);
    }
  }
  return stale > 0 ? 1 : 0;
}
