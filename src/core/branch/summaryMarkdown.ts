import { markdownText } from '../views/editorText';
import { cutTitle } from '../views/graph';
import type { BranchSummary, ChangedDecision } from './branchSummary';

/**
 * Repository text inside the summary's markdown: literal (no link, HTML, emphasis or table can
 * form), no `@` mention, which on a pull request would notify whoever a title names, and no bare
 * URL that GitHub's markdown would turn into a link (`https://…`, `www.…`, `name@host`).
 */
export function md(text: string): string {
  // A word joiner keeps the text as it reads: after `@` no mention or e-mail link forms, and
  // between a scheme or `www` and what follows no autolink does.
  return markdownText(text)
    .replace(/@/g, '@\u2060')
    .replace(/(^|[^a-z0-9])(https?|ftp|mailto|xmpp|www)(?=[:.])/gi, '$1$2\u2060');
}

const orNone = (value: string | null): string => (value === null || value === '' ? '(none)' : value);

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function decisionLines(d: ChangedDecision): string[] {
  // Shortened as the graph shortens a title: a pull request comment has no room for 100,000 characters.
  const title = d.title ? `${d.id} ${cutTitle(d.title)}` : d.id;
  const where = d.previousPath ? `${d.previousPath} → ${d.path}` : d.path;
  const lines = [`- **${md(title)}**: ${d.change} (${md(where)})`];
  for (const r of d.replaces) {
    const why = r.trigger ? `, because of a ${md(r.trigger)}${r.triggerDetail ? `: ${md(r.triggerDetail)}` : ''}` : ', with no trigger recorded';
    lines.push(`  - ${r.kind} ${md(r.target)}${why}`);
  }
  if (d.status) lines.push(`  - status: ${md(orNone(d.status.from))} → ${md(orNone(d.status.to))}`);
  if (d.owner) lines.push(`  - owner: ${md(orNone(d.owner.from))} → ${md(orNone(d.owner.to))}`);
  if (d.elevation) lines.push(`  - elevated from ${md(orNone(d.elevation.from))} on ${md(orNone(d.elevation.on))}`);
  if (d.notice) lines.push(`  - **notice** ${md(d.notice)}`);
  for (const p of d.problems) lines.push(`  - **${p.severity}** ${md(p.code)}: ${md(p.message)}`);
  return lines;
}

/** The summary as markdown for `$GITHUB_STEP_SUMMARY` or a pull request comment. */
export function summaryMarkdown(summary: BranchSummary): string {
  const { counts } = summary;
  const out = [`## Decisions changed against ${md(summary.base)}`, ''];
  if (summary.groups.length === 0) return `${[...out, 'No decision is added, changed or deleted.'].join('\n')}\n`;
  out.push(`${counts.added} added · ${counts.changed} changed · ${counts.renamed} renamed · ${counts.deleted} deleted · ${plural(counts.problems, 'problem')}`);
  for (const group of summary.groups) {
    out.push('', `### ${group.role ? md(group.role.label) : 'No configured owner'} (${group.decisions.length})`, '');
    for (const d of group.decisions) out.push(...decisionLines(d));
  }
  return `${out.join('\n')}\n`;
}
