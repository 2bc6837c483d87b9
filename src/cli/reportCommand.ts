import { relative } from 'node:path';
import { buildReport } from '../core/views/report';
import { reportText } from '../core/views/reportText';
import type { ReadLimits } from '../core/read/fileAdmission';
import { isoDate } from '../core/read/dates';
import { loadDecisions } from './loadDecisions';
import { resolveTargets } from './targets';

/** Who owns what, what was overridden and why, and what was elevated: as text, or as JSON for dashboards. */
export async function reportCommand(dirs: string[], options: { json: boolean; limits: ReadLimits }): Promise<number> {
  const { folders, discovery } = await resolveTargets(dirs);
  const catalog = await loadDecisions(folders, options.limits);
  const review = { today: isoDate(new Date()), policyOf: () => discovery.config.review };
  const report = buildReport(catalog.folders(), discovery.config.roles, { pathOf: (path) => relative('.', path) || '.', review });
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
  return 0;
}
