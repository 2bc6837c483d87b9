import { join } from 'node:path';
import { INDEX_FILE_NAMES, renderIndexTable, updateIndexText } from '../core/views/indexTable';
import type { ReadLimits } from '../core/read/fileAdmission';
import { assertWritable, shown, writeInside } from './guardedWrite';
import { loadDecisions } from './loadDecisions';
import { nodeFileSystem } from './nodeFileSystem';
import { PathRefused, resolveTargets } from './targets';

/**
 * The README or index file as it is, read no further than the limit decisions are read with
 * (`--max-file-size`): a larger one stops the run (exit 2) before anything is written, as its
 * table could not be found, or kept, without reading it all.
 */
async function readIndexFile(path: string, limits: ReadLimits): Promise<string | undefined> {
  const size = (await nodeFileSystem.stat?.(path))?.size;
  if (size === undefined) return undefined;
  const tooLarge = new PathRefused(`${shown(path)} is larger than ${Math.round(limits.maxFileBytes / 1024)} KB (--max-file-size): nothing was read or written`);
  if (size > limits.maxFileBytes) throw tooLarge;
  const text = await nodeFileSystem.readText(path, { maxBytes: limits.maxFileBytes });
  // It grew since, or is not a regular file any more: it is not read whole either way.
  if (text === undefined && (await nodeFileSystem.stat?.(path)) !== undefined) throw tooLarge;
  return text;
}

/**
 * Writes (or with --check, verifies) the index table in each decision folder's README.
 * Exit 1 with --check when any index is stale, so CI can require it to be current. Every README
 * is checked before any is read or written: one that is a link (to a file outside, or dangling)
 * stops the run with nothing written.
 */
export async function indexCommand(dirs: string[], options: { check: boolean; limits: ReadLimits }): Promise<number> {
  const { folders, discovery, rootOf } = await resolveTargets(dirs);
  const catalog = await loadDecisions(folders, options.limits);
  const plans: { path: string; root: string; existing: string | undefined; updated: string }[] = [];
  for (const log of catalog.folders()) {
    const root = rootOf(log.folder);
    const entries = (await nodeFileSystem.list(log.folder)) ?? [];
    const name = INDEX_FILE_NAMES.find((n) => entries.some((e) => e.kind === 'file' && e.name === n)) ?? 'README.md';
    const path = join(log.folder, name);
    await assertWritable(root, path);
    const existing = await readIndexFile(path, options.limits);
    const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
    plans.push({ path, root, existing, updated: updateIndexText(existing, renderIndexTable(log, discovery.config.roles, eol)) });
  }
  let stale = 0;
  for (const { path, root, existing, updated } of plans) {
    if (updated === existing) {
      process.stdout.write(`${shown(path)}: up to date\n`);
    } else if (options.check) {
      stale++;
      process.stdout.write(`${shown(path)}: the index is stale; run adr-roles index\n`);
    } else {
      const written = await writeInside(root, path, updated, existing === undefined ? 'create' : 'replace');
      if (!written) throw new Error(`${shown(path)} appeared while the index was being written: it was left as it is; run adr-roles index again`);
      process.stdout.write(`${shown(path)}: ${existing === undefined ? 'created' : 'updated'}\n`);
    }
  }
  return stale > 0 ? 1 : 0;
}
