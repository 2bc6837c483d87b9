// The Ownership Report panel: decisions per owner and status, the unowned ones, overrides by
// trigger over time, elevations, the decisions due for review, and how often execution decisions
// were later overridden.
// Every decision named is a link that opens its file.
import type { OwnershipReport, ReportDecision, TriggerCounts } from '../core/views/report';
import { horizontalBars, verticalBars, type Segment } from './charts';
import { activates, h } from './dom';
import { drawModels, openDecision } from './host';
import { panelFonts } from './measure';
import { countsSummary } from '../core/views/standing';
import { DUE_FOR_REVIEW, dueNote, elevationText, relationName, statusName, TRIGGER_CHOICES, triggerName, UNKNOWN_ROLE } from '../core/views/vocabulary';

const CHART_MAX_WIDTH = 760;
const COLUMN_MIN_WIDTH = 380;
const COLUMN_GAP = 40;
const KNOWN_STATUSES = ['proposed', 'draft', 'accepted', 'rejected', 'deprecated', 'superseded', 'overridden'];
const TRIGGERS: { key: keyof TriggerCounts; cls: string; name: string }[] = [
  { key: 'newResource', cls: 'trigger-new-resource', name: TRIGGER_CHOICES[0].name },
  { key: 'newRequirement', cls: 'trigger-new-requirement', name: TRIGGER_CHOICES[1].name },
  { key: 'other', cls: 'trigger-other', name: 'no or other trigger' },
];

drawModels<'report'>(draw);

function draw(report: OwnershipReport): { decisions: number; relations: number; lists: Record<string, string[]> } {
  // Two columns once both fit: who owns what on the left, what changed over time on the right.
  const columns = document.documentElement.clientWidth - 48 >= 2 * COLUMN_MIN_WIDTH + COLUMN_GAP ? 2 : 1;
  const severalFolders = report.folders.length > 1;
  const link = (d: ReportDecision): HTMLElement => {
    // An anchor without href: it wraps like text, and VS Code's own link handling leaves it alone.
    const anchor = h('a', { class: 'decision-link', role: 'link', tabindex: 0, title: d.path, 'data-file': d.file }, `${severalFolders ? `${d.folder}: ` : ''}${d.id} ${d.title}`);
    activates(anchor, () => openDecision(d.file));
    return anchor;
  };
  const owners = h('section', { class: 'owners' });
  const changes = h('section', { class: 'changes' });
  document.getElementById('app')!.replaceChildren(h('h1', {}, 'Ownership Report'), summaryLine(report), h('div', { class: `columns columns-${columns}` }, owners, changes));
  // Charts are sized to the column they land in, so the columns are laid out first.
  const widthOf = (section: HTMLElement): number => Math.min(CHART_MAX_WIDTH, Math.max(280, section.clientWidth));
  owners.append(
    ...ownersSection(report, widthOf(owners)),
    ...decisionList('Unowned decisions', 'unowned', report.unowned, link, 'None: every decision names its owning role.', (d) => meta(d.status === null ? null : statusName(d.status), d.date)),
    ...(report.unknownOwner.length > 0 ? decisionList(UNKNOWN_ROLE, 'unknown-owner', report.unknownOwner, link, '', (d) => `owner: ${d.owner ?? ''}`) : []),
  );
  changes.append(...overridesSection(report, widthOf(changes), link), ...elevatedSection(report, link), ...dueSection(report, link), ...executionSection(report, link));
  return { decisions: report.total, relations: report.overrides.decisions.length, lists: drawnLists() };
}

/** Each list as the page now shows it, read back from the page: what the extension's tests check. */
function drawnLists(): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const list of document.querySelectorAll<HTMLElement>('ul[data-list]')) {
    lists[list.dataset.list ?? ''] = [...list.children].map((item) => item.querySelector('.decision-link')?.textContent ?? '');
  }
  return lists;
}

/** Counted by the core, as the Decision Graph counts: the two panels agree. */
function summaryLine(report: OwnershipReport): HTMLElement {
  const x = report.executionOverridden;
  const [decisions, ...counts] = countsSummary(report.counts);
  return h(
    'p',
    { class: 'summary' },
    `${decisions ?? ''} in ${report.folders.join(', ') || 'no decision folder'} · `,
    report.counts.unowned > 0 ? h('span', { class: 'warning' }, `${report.counts.unowned} unowned`) : 'none unowned',
    ` · ${[...counts, `${percent(x.share)} of execution decisions later overridden`].join(' · ')}`,
  );
}

function ownersSection(report: OwnershipReport, width: number): HTMLElement[] {
  const fonts = panelFonts();
  const bars = report.roles.map((row) => ({
    label: row.label,
    segments: report.statuses.map((status): Segment => ({ cls: statusClass(status), value: row.counts[status] ?? 0, name: statusName(status) })),
  }));
  const table = h(
    'table',
    { class: 'matrix' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Owner'), ...report.statuses.map((status) => h('th', { scope: 'col', class: 'number' }, statusName(status))), h('th', { scope: 'col', class: 'number' }, 'Total'))),
    h(
      'tbody',
      {},
      ...report.roles.map((row) =>
        h('tr', { class: row.ownerClass }, h('th', { scope: 'row', title: row.label }, h('span', { class: `swatch owner-swatch ${row.ownerClass}` }), ` ${row.label}`), ...report.statuses.map((status) => h('td', { class: 'number' }, String(row.counts[status] ?? 0))), h('td', { class: 'number total' }, String(row.total))),
      ),
    ),
  );
  return [
    h('h2', {}, 'Decisions by owner and status'),
    h('div', { class: 'chart-box' }, horizontalBars(bars, width, fonts, 'Decisions per owner, stacked by status')),
    h('div', { class: 'chart-legend' }, ...report.statuses.map((status) => h('span', { class: 'legend-item' }, h('span', { class: `swatch ${statusClass(status)}` }), statusName(status)))),
    h('div', { class: 'matrix-box' }, table),
  ];
}

function overridesSection(report: OwnershipReport, width: number, link: (d: ReportDecision) => HTMLElement): HTMLElement[] {
  const { overrides } = report;
  const heading = h('h2', {}, `Overrides by trigger, per ${overrides.granularity} (${overrides.decisions.length})`);
  if (overrides.decisions.length === 0) return [heading, h('p', { class: 'placeholder' }, 'No decision overrides another yet.')];
  const bars = overrides.periods.map((period) => ({
    label: period.period,
    segments: TRIGGERS.map((t): Segment => ({ cls: t.cls, value: period[t.key], name: t.name })),
  }));
  const totals = overrides.totals;
  return [
    heading,
    h('p', { class: 'summary' }, `${totals.newResource} because of a new resource, ${totals.newRequirement} because of a new requirement${totals.other > 0 ? `, ${totals.other} without a recognised trigger` : ''}.`),
    h('div', { class: 'chart-box' }, verticalBars(bars, width, panelFonts(), 'Overrides per period, stacked by trigger')),
    h('div', { class: 'chart-legend' }, ...TRIGGERS.filter((t) => t.key !== 'other' || totals.other > 0).map((t) => h('span', { class: 'legend-item' }, h('span', { class: `swatch ${t.cls}` }), t.name))),
    h(
      'ul',
      { class: 'decisions', 'data-list': 'overrides' },
      ...overrides.decisions.map((o) =>
        h(
          'li',
          {},
          h('div', {}, link(o.decision)),
          h('div', {}, h('span', { class: 'meta' }, `${relationName('overrides')} `), ...o.overrides.flatMap((d, i) => [i > 0 ? ', ' : '', link(d)])),
          h('div', { class: 'meta' }, triggerPill(o.trigger), o.triggerDetail ? ` ${o.triggerDetail}` : '', ` · ${o.period}`),
        ),
      ),
    ),
  ];
}

function elevatedSection(report: OwnershipReport, link: (d: ReportDecision) => HTMLElement): HTMLElement[] {
  return [
    h('h2', {}, `Elevated decisions (${report.elevated.length})`),
    report.elevated.length === 0
      ? h('p', { class: 'placeholder' }, 'None: no decision records an elevated-from role.')
      : h('ul', { class: 'decisions', 'data-list': 'elevated' }, ...report.elevated.map((e) => h('li', {}, h('div', {}, link(e.decision)), h('div', { class: 'meta' }, elevationText(e.fromLabel, e.on))))),
  ];
}

function dueSection(report: OwnershipReport, link: (d: ReportDecision) => HTMLElement): HTMLElement[] {
  const due = report.dueForReview;
  return [
    h('h2', {}, `${DUE_FOR_REVIEW} (${due.length})`),
    due.length === 0
      ? h('p', { class: 'placeholder' }, 'None: no decision is past its review date.')
      : h('ul', { class: 'decisions', 'data-list': 'due-for-review' }, ...due.map((d) => h('li', {}, h('div', {}, link(d.decision)), h('div', { class: 'meta' }, meta(dueNote({ date: d.due, implicit: d.implicit }), d.revisitWhen ? `revisit when: ${d.revisitWhen}` : null))))),
  ];
}

function executionSection(report: OwnershipReport, link: (d: ReportDecision) => HTMLElement): HTMLElement[] {
  const x = report.executionOverridden;
  const meter = h('div', { class: 'meter', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': x.execution, 'aria-valuenow': x.overridden, 'aria-label': 'Execution decisions later overridden' });
  // The meter's width is set through the CSSOM: the policy allows no inline style attributes.
  const fill = h('div', { class: 'meter-fill' });
  fill.style.width = `${Math.round(x.share * 100)}%`;
  meter.append(fill);
  return [
    h('h2', {}, 'Execution decisions later overridden'),
    h('p', { class: 'share' }, h('strong', {}, `${x.overridden} of ${x.execution}`), ` (${percent(x.share)}) of the decisions execution roles own were later overridden.`),
    meter,
    x.decisions.length === 0
      ? h('p', { class: 'placeholder' }, 'None so far.')
      : h(
          'ul',
          { class: 'decisions', 'data-list': 'execution-overridden' },
          ...x.decisions.map((o) =>
            h(
              'li',
              {},
              h('div', {}, link(o.decision)),
              o.overriddenBy.length > 0
                ? h('div', { class: 'meta' }, `${relationName('overridden-by')} `, ...o.overriddenBy.flatMap((b, i) => [i > 0 ? ', ' : '', link(b.decision), ' ', triggerPill(b.trigger)]))
                : h('div', { class: 'meta' }, 'marked overridden; no overriding decision names it'),
            ),
          ),
        ),
  ];
}

function decisionList(title: string, list: string, decisions: readonly ReportDecision[], link: (d: ReportDecision) => HTMLElement, empty: string, describe: (d: ReportDecision) => string): HTMLElement[] {
  return [
    h('h2', {}, `${title} (${decisions.length})`),
    decisions.length === 0 ? h('p', { class: 'placeholder' }, empty) : h('ul', { class: 'decisions', 'data-list': list }, ...decisions.map((d) => h('li', {}, h('div', {}, link(d)), h('div', { class: 'meta' }, describe(d))))),
  ];
}

function triggerPill(trigger: string | null): HTMLElement {
  const known = trigger === 'new-resource' || trigger === 'new-requirement';
  return h('span', { class: `trigger ${known ? `trigger-${trigger}` : 'trigger-other'}` }, triggerName(trigger));
}

function statusClass(status: string): string {
  if (status === '') return 'status-none';
  return KNOWN_STATUSES.includes(status) ? `status-${status}` : 'status-other';
}

function meta(...parts: (string | null)[]): string {
  return parts.filter(Boolean).join(' · ');
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
