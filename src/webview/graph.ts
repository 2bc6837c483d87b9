// The Decision Graph panel: decisions as boxes coloured by the owning role's kind, arrows for
// overrides (with their trigger), supersessions and elevations. Click a box to open its file.
import type { DecisionGraph, DecisionNode, FolderGraph, GraphEdge, GraphNode } from '../core/views/graph';
import { activates, h, s } from './dom';
import { drawModels, openDecision } from './host';
import { layoutGraph, type Box, type Link, type Point } from './graphLayout';
import { panelFonts, textWidth, wrapText, type Fonts } from './measure';
import { ownerLegend } from './legend';
import { countsSummary } from '../core/views/standing';
import { decisionOptions, filterGraph, ownerOptions, SHOW_ALL, statusOptions, type FilterOption, type GraphFilter } from '../core/views/graphFilter';
import { elevationText, ownerName, relationName, statusName, triggerText } from '../core/views/vocabulary';

const NODE_WIDTH = 216;
const PAD = 10;
const STRIPE = 5;
const TITLE_LINES = 3;
const LABEL_WIDTH = 190;
const PAGE_PADDING = 24;

interface NodeDrawing {
  box: Box;
  draw(x: number, y: number): SVGGElement;
}

interface EdgeDrawing {
  link: Link;
  lines: string[];
}

/** What the toolbar asks for; kept across live updates, so an edit to a decision keeps the view. */
let filter: GraphFilter = SHOW_ALL;
let zoom = 1;
let lastModel: DecisionGraph | undefined;
const ZOOM_STEP = 1.25;
const MIN_ZOOM = 0.2;
const MAX_ZOOM = 3;

drawModels<'graph'>(draw);

function draw(model: DecisionGraph): { decisions: number; relations: number } {
  lastModel = model;
  const app = document.getElementById('app')!;
  const all = model.folders.flatMap((f) => f.nodes.filter((n): n is DecisionNode => n.type === 'decision'));
  // A decision asked for in "related to" that is gone shows everything it would have hidden.
  if (filter.relatedTo && !all.some((d) => d.key === filter.relatedTo)) filter = { ...filter, relatedTo: '' };
  const shown = filterGraph(model, filter);
  const decisions = shown.folders.flatMap((f) => f.nodes.filter((n): n is DecisionNode => n.type === 'decision'));
  const edges = shown.folders.flatMap((f) => f.edges);
  const fonts = panelFonts();
  const maxWidth = Math.max(NODE_WIDTH, document.documentElement.clientWidth - 2 * PAGE_PADDING);
  const content: Node[] = [summaryLine(model), legend(model, decisions, edges)];
  if (all.length > 0) content.push(toolbar(model, decisions.length, all.length));
  if (all.length === 0) {
    content.push(h('p', { class: 'placeholder' }, 'No decision records found. Decisions are read from the folders named in .adr-roles.yml, .adr-dir or .log4brains.yml, or from docs/decisions, docs/adr and other common folders.'));
  } else if (decisions.length === 0) {
    content.push(h('p', { class: 'placeholder' }, 'No decision matches the filter.'));
  }
  shown.folders.forEach((folder, index) => {
    const section = h('section', { class: 'folder' });
    if (shown.folders.length > 1) section.append(h('h2', {}, folder.folder));
    section.append(folderSvg(folder, `f${index}`, fonts, maxWidth));
    content.push(section);
  });
  const focused = document.activeElement?.getAttribute('data-tool');
  app.replaceChildren(...content);
  applyZoom();
  // Typing in the search box redraws the page: the caret stays where it was.
  if (focused) {
    const again = app.querySelector<HTMLElement>(`[data-tool="${focused}"]`);
    again?.focus();
    if (again instanceof HTMLInputElement) again.setSelectionRange(again.value.length, again.value.length);
  }
  return { decisions: decisions.length, relations: edges.length };
}

function redraw(change: Partial<GraphFilter>): void {
  filter = { ...filter, ...change };
  if (lastModel) draw(lastModel);
}

/** Text, owner, status and "related to" filters, the count shown, and zoom: for logs of 50 decisions and more. */
function toolbar(model: DecisionGraph, shown: number, total: number): HTMLElement {
  const select = (tool: string, label: string, any: string, options: FilterOption[], value: string, onChange: (value: string) => void): HTMLElement => {
    const element = h('select', { 'data-tool': tool, 'aria-label': label }, h('option', { value: '' }, any), ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)));
    element.addEventListener('change', () => onChange(element.value));
    return element;
  };
  const search = h('input', { type: 'search', 'data-tool': 'text', placeholder: 'Filter by id, title, owner…', 'aria-label': 'Filter decisions by text', value: filter.text });
  search.addEventListener('input', () => redraw({ text: search.value }));
  const button = (tool: string, text: string, title: string, action: () => void): HTMLElement => {
    const element = h('button', { type: 'button', 'data-tool': tool, title }, text);
    element.addEventListener('click', action);
    return element;
  };
  const filtered = filter.text.trim() !== '' || filter.owner !== '' || filter.status !== '' || filter.relatedTo !== '';
  return h(
    'div',
    { class: 'graph-tools', role: 'toolbar', 'aria-label': 'Graph filter and zoom' },
    search,
    select('owner', 'Owner', 'Every owner', ownerOptions(model), filter.owner, (owner) => redraw({ owner })),
    select('status', 'Status', 'Every status', statusOptions(model), filter.status, (status) => redraw({ status })),
    select('related', 'Related to', 'Related to any decision', decisionOptions(model), filter.relatedTo, (relatedTo) => redraw({ relatedTo })),
    filtered ? button('show-all', 'Show all', 'Clear every filter', () => redraw(SHOW_ALL)) : null,
    h('span', { class: 'graph-count', 'data-tool-count': '' }, shown === total ? `${total} decisions` : `${shown} of ${total} decisions`),
    h('span', { class: 'graph-zoom' }, button('zoom-out', '−', 'Zoom out', () => setZoom(zoom / ZOOM_STEP)), button('zoom-in', '+', 'Zoom in', () => setZoom(zoom * ZOOM_STEP)), button('fit', 'Fit', 'Fit the graph to the panel width', fit)),
  );
}

function setZoom(value: number): void {
  zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, value));
  applyZoom();
}

/** Scales the widest folder's graph to the panel's width, never beyond its own size. */
function fit(): void {
  const widths = [...document.querySelectorAll<SVGSVGElement>('svg.graph')].map((svg) => Number(svg.dataset.width));
  const room = document.documentElement.clientWidth - 2 * PAGE_PADDING;
  if (widths.length > 0) setZoom(Math.min(1, room / Math.max(...widths)));
}

/** Zoom rescales the drawn SVGs through their viewBox: no new layout, so the boxes stay where they are. */
function applyZoom(): void {
  for (const svg of document.querySelectorAll<SVGSVGElement>('svg.graph')) {
    const width = Number(svg.dataset.width);
    const height = Number(svg.dataset.height);
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', String(Math.round(width * zoom)));
    svg.setAttribute('height', String(Math.round(height * zoom)));
  }
}

/** Counted by the core, as the Ownership Report counts: the two panels agree. */
function summaryLine(model: DecisionGraph): HTMLElement {
  const unowned = model.counts.unowned;
  return h('p', { class: 'summary' }, countsSummary(model.counts).join(' · '), unowned > 0 ? h('span', { class: 'warning' }, ` · ${unowned} unowned`) : null);
}

function oneSided(edge: GraphEdge): boolean {
  return edge.declaredBy !== 'both' && edge.kind !== 'elevated';
}

function legend(model: DecisionGraph, decisions: DecisionNode[], edges: GraphEdge[]): HTMLElement {
  const edgeItem = (lineClass: string, text: string): HTMLElement =>
    h('span', { class: 'legend-item' }, s('svg', { class: 'edge-swatch', width: 34, height: 10, 'aria-hidden': 'true' }, s('line', { class: `edge ${lineClass}`, x1: 1, y1: 5, x2: 33, y2: 5 })), text);
  return h(
    'div',
    { class: 'legend' },
    ...ownerLegend(model.roles, new Set(decisions.map((d) => d.ownerClass))),
    h('span', { class: 'legend-break' }),
    edgeItem('overrides', `${relationName('overrides')} (why: new resource / new requirement)`),
    edgeItem('supersedes', relationName('supersedes')),
    edgeItem('elevated', 'elevated from a role'),
    edges.some(oneSided) ? edgeItem('one-sided-swatch', 'dotted: only one of the two decisions records it') : null,
    h('span', { class: 'legend-item' }, h('span', { class: 'swatch replaced-swatch' }), 'faded and struck: overridden or superseded'),
  );
}

/** One SVG per folder; `scope` keeps its arrowhead ids apart from the other folders'. */
function folderSvg(folder: FolderGraph, scope: string, fonts: Fonts, maxWidth: number): SVGSVGElement {
  const nodes = folder.nodes.map((node) => nodeDrawing(node, fonts));
  const edges = new Map(folder.edges.map((edge, i) => [`e${i}`, { edge, drawing: edgeDrawing(edge, `e${i}`, fonts) }]));
  const laid = layoutGraph(
    nodes.map((n) => n.box),
    [...edges.values()].map((e) => e.drawing.link),
    maxWidth,
  );
  const margin = 4;
  const width = laid.width + 2 * margin;
  const height = laid.height + 2 * margin;
  const svg = s('svg', { class: 'graph', width, height, 'data-width': width, 'data-height': height, role: 'group', 'aria-label': `Decisions in ${folder.folder}` }, markers(scope));
  const layer = s('g', { transform: `translate(${margin},${margin})` });
  svg.append(layer);
  const names = new Map(folder.nodes.map((node) => [node.key, node.type === 'role' ? node.label : node.id]));
  for (const placed of laid.links) {
    const { edge, drawing } = edges.get(placed.key)!;
    layer.append(edgeElement(edge, placed.points, placed.label, drawing, names, fonts, scope));
  }
  for (const drawing of nodes) {
    const placed = laid.boxes.get(drawing.box.key);
    if (placed) layer.append(drawing.draw(placed.x, placed.y));
  }
  return svg;
}

function markers(scope: string): SVGDefsElement {
  return s(
    'defs',
    {},
    ...(['overrides', 'supersedes', 'elevated'] as const).map((kind) =>
      s(
        'marker',
        { id: `${scope}-arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 10, markerHeight: 10, markerUnits: 'userSpaceOnUse', orient: 'auto' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrowhead ${kind}` }),
      ),
    ),
  );
}

function nodeDrawing(node: GraphNode, fonts: Fonts): NodeDrawing {
  if (node.type === 'decision') return decisionDrawing(node, fonts);
  const text = node.type === 'role' ? node.label : `${node.id} · not found`;
  const font = `${fonts.size}px ${fonts.family}`;
  const width = Math.ceil(textWidth(text, font)) + 36;
  const height = fonts.lineHeight + 14;
  const cls = node.type === 'role' ? `node role ${node.ownerClass}` : 'node missing';
  return {
    box: { key: node.key, width, height },
    draw: (x, y) =>
      s(
        'g',
        { class: cls, transform: `translate(${x},${y})`, role: 'img', 'aria-label': node.type === 'role' ? `Role ${text}` : `${node.id}, named by a relation but not found in this folder` },
        s('title', {}, node.type === 'role' ? `Role: ${text}` : `${node.id} is named by a relation but is not in this folder`),
        s('rect', { class: 'body', width, height, rx: node.type === 'role' ? height / 2 : 4 }),
        s('text', { class: 'label', x: width / 2, y: height / 2, 'dominant-baseline': 'central', 'text-anchor': 'middle' }, text),
      ),
  };
}

function decisionDrawing(node: DecisionNode, fonts: Fonts): NodeDrawing {
  const regular = `${fonts.size}px ${fonts.family}`;
  const bold = `600 ${fonts.size}px ${fonts.family}`;
  const small = `${fonts.size - 1}px ${fonts.family}`;
  const inner = NODE_WIDTH - 2 * PAD - STRIPE;
  const status = statusName(node.status);
  const title = wrapText(node.title, regular, inner, TITLE_LINES);
  const owner = ownerName(node.owner?.written, node.owner?.role);
  // Owner and date share a line when they fit; otherwise each gets its own, rather than a dangling dot.
  const ownerAndDate = [owner, node.date].filter(Boolean).join(' · ');
  const footer = textWidth(ownerAndDate, small) <= inner || !node.date ? [ownerAndDate] : [owner, node.date];
  const footerLines = footer.flatMap((line) => wrapText(line, small, inner, 2).map((text) => ({ text, cls: 'footer' })));
  if (node.elevated) {
    const elevation = `▲ ${elevationText(node.elevated.fromLabel, node.elevated.on)}`;
    footerLines.push(...wrapText(elevation, small, inner, 2).map((text) => ({ text, cls: 'footer elevation' })));
  }
  const smallLine = Math.round((fonts.size - 1) * 1.4);
  const height = PAD * 2 + fonts.lineHeight * (1 + title.length) + 4 + smallLine * footerLines.length;
  const classes = ['node', 'decision', node.ownerClass, node.replaced ? 'replaced' : '', node.elevated ? 'elevated' : ''].filter(Boolean).join(' ');
  const label = `${node.id} ${node.fullTitle}. ${owner}, ${status}${node.replaced ? ', no longer in force' : ''}. Opens ${node.path}`;
  return {
    box: { key: node.key, width: NODE_WIDTH, height },
    draw(x, y) {
      const left = STRIPE + PAD;
      let baseline = PAD + fonts.size;
      const texts: SVGElement[] = [
        s('text', { class: 'id', x: left, y: baseline }, node.id),
        s('text', { class: 'status', x: NODE_WIDTH - PAD, y: baseline, 'text-anchor': 'end' }, ellipsis(status, small, inner - textWidth(node.id, bold) - 12)),
      ];
      for (const line of title) {
        baseline += fonts.lineHeight;
        texts.push(s('text', { class: 'title', x: left, y: baseline }, line));
      }
      baseline += 4;
      for (const line of footerLines) {
        baseline += smallLine;
        texts.push(s('text', { class: line.cls, x: left, y: baseline }, line.text));
      }
      const group = s(
        'g',
        { class: classes, transform: `translate(${x},${y})`, tabindex: 0, role: 'link', 'aria-label': label, 'data-file': node.file, 'data-id': node.id },
        s('title', {}, `${node.id}: ${node.fullTitle}\n${owner} · ${status}\n${node.path}`),
        s('rect', { class: 'body', width: NODE_WIDTH, height, rx: 4 }),
        s('rect', { class: 'stripe', width: STRIPE, height, rx: 2 }),
        ...texts,
      );
      activates(group, () => openDecision(node.file));
      return group;
    },
  };
}

function ellipsis(text: string, font: string, maxWidth: number): string {
  return wrapText(text, font, Math.max(maxWidth, 40), 1)[0] ?? text;
}

function edgeDrawing(edge: GraphEdge, key: string, fonts: Fonts): EdgeDrawing {
  const small = `${fonts.size - 1}px ${fonts.family}`;
  let lines: string[];
  if (edge.kind === 'elevated') lines = [edge.on ? `elevated ${edge.on}` : 'elevated'];
  else if (edge.kind === 'supersedes') lines = [relationName('supersedes')];
  else {
    lines = [`${relationName('overrides')} · ${triggerText(edge.trigger)}`];
    if (edge.triggerDetail) lines.push(...wrapText(edge.triggerDetail, small, LABEL_WIDTH, 2));
  }
  const width = Math.ceil(Math.max(...lines.map((l) => textWidth(l, small)))) + 10;
  const height = lines.length * Math.round((fonts.size - 1) * 1.35) + 6;
  return { link: { key, from: edge.from, to: edge.to, labelWidth: width, labelHeight: height }, lines };
}

function edgeElement(edge: GraphEdge, points: Point[], label: Point, drawing: EdgeDrawing, names: ReadonlyMap<string, string>, fonts: Fonts, scope: string): SVGGElement {
  const name = (key: string): string => names.get(key) ?? key;
  const recordedOnce = oneSided(edge);
  const tooltip = [
    edge.kind === 'elevated' ? `${name(edge.to)} was ${elevationText(name(edge.from), edge.on)}` : `${name(edge.from)} ${relationName(edge.kind)} ${name(edge.to)}`,
    edge.kind === 'overrides' ? `trigger: ${triggerText(edge.trigger, edge.triggerDetail)}` : '',
    recordedOnce ? `only ${edge.declaredBy === 'newer' ? name(edge.from) : name(edge.to)} records this relation` : '',
  ].filter(Boolean);
  const { labelWidth: width, labelHeight: height } = drawing.link;
  const lineHeight = Math.round((fonts.size - 1) * 1.35);
  return s(
    'g',
    { class: `edge-group ${edge.kind}${recordedOnce ? ' one-sided' : ''}` },
    s('title', {}, tooltip.join('\n')),
    s('path', { class: `edge ${edge.kind}`, d: basisPath(points), 'marker-end': `url(#${scope}-arrow-${edge.kind})` }),
    s('rect', { class: 'edge-label-bg', x: label.x - width / 2, y: label.y - height / 2, width, height, rx: 3 }),
    ...drawing.lines.map((line, i) =>
      s('text', { class: i === 0 ? 'edge-label' : 'edge-label detail', x: label.x, y: label.y - height / 2 + 3 + lineHeight * (i + 0.75), 'text-anchor': 'middle' }, line),
    ),
  );
}

/** A smooth curve through dagre's points (the B-spline d3's curveBasis draws). */
function basisPath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  if (points.length < 3) return `M${first.x},${first.y}${rest.map((p) => ` L${p.x},${p.y}`).join('')}`;
  let d = `M${first.x},${first.y}`;
  let p0 = first;
  let p1 = points[1]!;
  d += ` L${(5 * p0.x + p1.x) / 6},${(5 * p0.y + p1.y) / 6}`;
  for (const p of points.slice(2)) {
    d += ` C${(2 * p0.x + p1.x) / 3},${(2 * p0.y + p1.y) / 3} ${(p0.x + 2 * p1.x) / 3},${(p0.y + 2 * p1.y) / 3} ${(p0.x + 4 * p1.x + p.x) / 6},${(p0.y + 4 * p1.y + p.y) / 6}`;
    p0 = p1;
    p1 = p;
  }
  d += ` C${(2 * p0.x + p1.x) / 3},${(2 * p0.y + p1.y) / 3} ${(p0.x + 2 * p1.x) / 3},${(p0.y + 2 * p1.y) / 3} ${p1.x},${p1.y}`;
  return d;
}
