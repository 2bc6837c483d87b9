import type { DecisionLog } from '../workspace/catalog';
import { resolveRole, type Role } from '../workspace/config';
import { baseName } from '../read/fileName';
import { plainText } from './plainText';
import { cutTitle } from './graph';
import { roleName } from './vocabulary';

export const INDEX_START = '<!-- adr-roles:index:start -->';
export const INDEX_END = '<!-- adr-roles:index:end -->';
/** The index lives in the folder's README, or its index.md when that is what the folder has. */
export const INDEX_FILE_NAMES = ['README.md', 'index.md'];

/**
 * Text in a table cell, on one line. `<` is written `&lt;`, so a title can neither hold raw HTML
 * nor one of the index's own markers (which would make every run grow the file); `|` would end
 * the cell and `[`, `]` the link text; a `\` would escape what follows it (`\]` is no end).
 */
function cell(text: string): string {
  return plainText(text).replace(/</g, '&lt;').replace(/[\\|[\]]/g, (c) => `\\${c}`);
}

/**
 * A link to a file beside the index: parentheses would end the link's destination. A name with a
 * colon (`javascript:alert(1).md`) is written `./…`, so no renderer reads its start as a scheme;
 * other names are linked as they always were, so existing indexes stay current.
 */
function fileLink(file: string): string {
  const link = encodeURI(baseName(file)).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return /^[^/]*:/.test(link) ? `./${link}` : link;
}

/** The decisions of one folder as a markdown table, between marker comments. */
export function renderIndexTable(log: DecisionLog, roles: readonly Role[], eol = '\n'): string {
  const rows = log.decisions().map((d) => {
    const role = d.owner ? resolveRole(d.owner.value, roles) : undefined;
    const owner = role ? roleName(role) : (d.owner?.value ?? '—');
    const overrides = log
      .relationsOf(d)
      .filter((r) => r.kind === 'overrides' && r.target)
      .map((r) => `[${cell(r.target!.id)}](${fileLink(r.target!.file)})`)
      .join(', ');
    const title = `[${cell(cutTitle(d.title?.value ?? d.id))}](${fileLink(d.file)})`;
    return `| ${d.number ?? '—'} | ${title} | ${cell(owner)} | ${cell(d.status?.value ?? '—')} | ${cell(d.date?.value ?? '—')} | ${overrides || '—'} |`;
  });
  return [
    INDEX_START,
    '| # | Decision | Owner | Status | Date | Overrides |',
    '|---|---|---|---|---|---|',
    ...rows,
    INDEX_END,
  ].join(eol);
}

/**
 * The index file's new text: the table replaces what stands between the markers, and nothing
 * else changes. A file without markers gets the table at its end; a missing file gets a heading.
 */
export function updateIndexText(existing: string | undefined, table: string): string {
  if (existing === undefined) return `# Decisions\n\n${table}\n`;
  const start = existing.indexOf(INDEX_START);
  const end = existing.indexOf(INDEX_END, start);
  if (start !== -1 && end !== -1) return existing.slice(0, start) + table + existing.slice(end + INDEX_END.length);
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const separator = existing.length === 0 ? '' : existing.endsWith('\n') ? eol : `${eol}${eol}`;
  return `${existing}${separator}${table}${eol}`;
}
