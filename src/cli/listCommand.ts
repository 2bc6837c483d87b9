import { relative } from 'node:path';
import { resolveRole, type Role } from '../core/workspace/config';
import { ownerName, relationText, statusName, triggerName } from '../core/views/vocabulary';
import { summarize, type DecisionSummary } from '../core/views/summary';
import { guardLineStarts, plainText } from '../core/views/plainText';
import type { ReadLimits } from '../core/read/fileAdmission';
import { loadDecisions } from './loadDecisions';
import { resolveTargets } from './targets';

type Row = DecisionSummary & { role: string | null; folder: string };

export async function listCommand(dirs: string[], options: { json: boolean; limits: ReadLimits }): Promise<number> {
  const { folders, discovery } = await resolveTargets(dirs);
  const catalog = await loadDecisions(folders, options.limits);
  const rows: Row[] = catalog.folders().flatMap((log) =>
    log.decisions().map((d) => ({
      ...summarize(d, log),
      file: relative('.', d.file) || d.file,
      role: d.owner ? (resolveRole(d.owner.value, discovery.config.roles)?.id ?? null) : null,
      folder: relative('.', log.folder) || '.',
    })),
  );
  process.stdout.write(options.json ? `${JSON.stringify(rows, null, 2)}\n` : table(rows, discovery.config.roles));
  return 0;
}

function relationsText(row: DecisionSummary): string {
  const parts = [
    ...row.overrides.map((id) => `${relationText('overrides', id)}${row.trigger ? ` (${triggerName(row.trigger)})` : ''}`),
    ...row.overriddenBy.map((id) => relationText('overridden-by', id)),
    ...row.supersedes.map((id) => relationText('supersedes', id)),
    ...row.supersededBy.map((id) => relationText('superseded-by', id)),
  ];
  return parts.join(', ');
}

/** One table; with several folders, each gets a heading line, since each numbers from 1. */
function table(rows: Row[], roles: readonly Role[]): string {
  const header = ['ID', 'STATUS', 'OWNER', 'DATE', 'TITLE', 'RELATIONS'];
  const owner = (r: Row): string => ownerName(r.owner, r.owner ? resolveRole(r.owner, roles) : undefined);
  const cellsOf = (r: Row): string[] => [r.id, r.status ? statusName(r.status) : '-', owner(r), r.date ?? '-', r.title ?? '(untitled)', relationsText(r)].map(plainText);
  const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => (cellsOf(r)[i] ?? '').length))));
  const line = (c: string[]): string =>
    c
      .map((cell, i) => (i === c.length - 1 ? cell : cell.length > (widths[i] ?? 0) ? `${cell.slice(0, (widths[i] ?? 1) - 1)}…` : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const folders = [...new Set(rows.map((r) => r.folder))];
  const out = [line(header)];
  for (const folder of folders) {
    if (folders.length > 1) out.push(`${plainText(folder)}/`);
    out.push(...rows.filter((r) => r.folder === folder).map((r) => line(cellsOf(r))));
  }
  out.push(`${rows.length} decision${rows.length === 1 ? '' : 's'}${folders.length > 1 ? ` in ${folders.length} folders` : ''}`, '');
  return guardLineStarts(out.join('\n'));
}
