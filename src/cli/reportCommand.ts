import { relative } from 'node:path';
import { buildReport } from '../core/report';
import { reportText } from '../core/reportText';
import { loadFolders } from '../core/workspace';
import { nodeFileSystem } from './nodeFileSystem';
import { resolveTargets } from './targets';

/** Who owns what, what was overridden and why, and what was elevated: as text, or as JSON for dashboards. */
export async function reportCommand(dirs: string[], options: { json: boolean }): Promise<number> {
  const { folders, discovery } = await resolveTargets(dirs);
  const { catalog, unreadable } = await loadFolders(nodeFileSystem, folders);
  for (const file of unreadable) process.stderr.write(`adr-roles: ${relative('.', file) || file}: could not be read, left out\n`);
  const report = buildReport(catalog.folders(), discovery.config.roles, { pathOf: (path) => relative('.', path) || '.' });
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
  return 0;
}
