import { relative } from 'node:path';
import { summarize, type DecisionSummary } from '../core/summary';
import { loadFolders } from '../core/workspace';
import { nodeFileSystem } from './nodeFileSystem';
import { resolveTargets } from './targets';

export async function listCommand(dirs: string[], options: { json: boolean }): Promise<number> {
  const { folders } = await resolveTargets(dirs);
  const { catalog } = await loadFolders(nodeFileSystem, folders);
  const rows = catalog.folders().flatMap((log) => log.decisions().map((d) => ({ ...summarize(d, log), file: relative('.', d.file) || d.file })));
  process.stdout.write(options.json ? `${JSON.stringify(rows, null, 2)}\n` : table(rows));
  return 0;
}

function relationsText(row: DecisionSummary): string {
  const parts = [
    ...row.overrides.map((id) => `overrides ${id}${row.trigger ? ` (${row.trigger})` : ''}`),
    ...row.overriddenBy.map((id) => `overridden by ${id}`),
    ...row.supersedes.map((id) => `supersedes ${id}`),
    ...row.supersededBy.map((id) => `superseded by ${id}`),
  ];
  return parts.join(', ');
}

function table(rows: DecisionSummary[]): string {
  const header = ['ID', 'STATUS', 'OWNER', 'DATE', 'TITLE', 'RELATIONS'];
  const cells = rows.map((r) => [r.id, r.status ?? '-', r.owner ?? '(none)', r.date ?? '-', r.title ?? '(untitled)', relationsText(r)]);
  const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length))));
  const line = (c: string[]): string =>
    c
      .map((cell, i) => (i === c.length - 1 ? cell : cell.length > (widths[i] ?? 0) ? `${cell.slice(0, (widths[i] ?? 1) - 1)}…` : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line), `${rows.length} decision${rows.length === 1 ? '' : 's'}`, ''].join('\n');
}
