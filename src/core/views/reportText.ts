import type { OwnershipReport, ReportDecision } from './report';
import { cutTitle } from './graph';
import { guardLineStarts, plainText } from './plainText';
import { countsSummary } from './standing';
import { DUE_FOR_REVIEW, dueNote, elevationText, relationText, statusName, TRIGGER_CHOICES, triggerName, triggerText, UNKNOWN_ROLE, UNOWNED } from './vocabulary';

/** The report as plain text for a terminal or a CI log. */
export function reportText(report: OwnershipReport): string {
  // Each folder numbers from 1: with several, a bare ADR-0003 would be ambiguous.
  const name = (d: ReportDecision): string => (report.folders.length > 1 ? `${d.folder}: ${d.id}` : d.id);
  // A title is cut as the summary cuts it; the JSON report keeps it whole, as data.
  const item = (d: ReportDecision, note = ''): string => `  ${name(d)}  ${cutTitle(d.title)}${note ? ` — ${note}` : ''}`;
  const out: string[] = [`Ownership of ${report.total} decision${report.total === 1 ? '' : 's'} in ${report.folders.join(', ') || '(no folder)'}`, [...countsSummary(report.counts), `${report.counts.unowned} unowned`].join(' · '), ''];

  out.push('By owner and status');
  const statusHeads = report.statuses.map((s) => statusName(s).toUpperCase());
  out.push(...columns([['OWNER', ...statusHeads, 'TOTAL'], ...report.roles.map((r) => [r.label, ...report.statuses.map((s) => String(r.counts[s] ?? 0)), String(r.total)])]), '');

  out.push(`${UNOWNED} (${report.unowned.length})`, ...(report.unowned.length > 0 ? report.unowned.map((d) => item(d)) : ['  none: every decision names its owner']), '');
  if (report.unknownOwner.length > 0) out.push(`${UNKNOWN_ROLE} (${report.unknownOwner.length})`, ...report.unknownOwner.map((d) => item(d, `owner: ${d.owner ?? ''}`)), '');

  const { overrides } = report;
  out.push(`Overrides by trigger, per ${overrides.granularity} (${overrides.decisions.length})`);
  if (overrides.decisions.length === 0) out.push('  none');
  else {
    const heads = ['PERIOD', ...TRIGGER_CHOICES.map((t) => t.name.toUpperCase()), 'OTHER'];
    out.push(...columns([heads, ...overrides.periods.map((p) => [p.period, String(p.newResource), String(p.newRequirement), String(p.other)])]).map((l) => `  ${l}`));
    for (const o of overrides.decisions) {
      out.push(item(o.decision, `${relationText('overrides', o.overrides.map(name).join(', '))} (${triggerText(o.trigger, o.triggerDetail)})`));
    }
  }
  out.push('');

  out.push(`Elevated (${report.elevated.length})`, ...(report.elevated.length > 0 ? report.elevated.map((e) => item(e.decision, elevationText(e.fromLabel, e.on))) : ['  none']), '');

  if (report.dueForReview.length > 0) {
    out.push(`${DUE_FOR_REVIEW} (${report.dueForReview.length})`);
    for (const d of report.dueForReview) out.push(item(d.decision, `${dueNote({ date: d.due, implicit: d.implicit })}${d.revisitWhen ? `; revisit when: ${d.revisitWhen}` : ''}`));
    out.push('');
  }

  const { executionOverridden: x } = report;
  out.push(`Execution decisions later overridden: ${x.overridden} of ${x.execution} (${Math.round(x.share * 100)}%)`);
  for (const o of x.decisions) {
    const by = o.overriddenBy.map((b) => `${name(b.decision)}${b.trigger ? ` (${triggerName(b.trigger)})` : ''}`).join(', ');
    out.push(item(o.decision, by ? relationText('overridden-by', by) : 'marked overridden; no overriding decision names it'));
  }
  out.push('');
  // Every line is one line of plain text, whatever the titles, owners and triggers hold.
  return guardLineStarts(out.map(plainText).join('\n'));
}

/** Columns two spaces apart: the first (a name) aligned left, the counts after it aligned right. */
function columns(table: string[][]): string[] {
  const rows = table.map((r) => r.map(plainText));
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd());
}
