import type { DecisionGraph, DecisionNode, FolderGraph, GraphEdge, GraphNode, OwnerClass } from './graph';
import { plainText } from './plainText';
import { elevationText, ownerName, relationName, statusName, triggerText } from './vocabulary';

export const GRAPH_FORMATS = ['mermaid', 'dot'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/**
 * Fixed colours: a Mermaid block on a web page or a DOT file rendered to SVG has no theme to
 * follow, so light fills with dark text keep labels readable on light and dark pages alike.
 */
const PALETTE: Record<OwnerClass | 'missing', { fill: string; stroke: string }> = {
  strategy: { fill: '#dbeafe', stroke: '#1d4ed8' },
  execution: { fill: '#dcfce7', stroke: '#15803d' },
  other: { fill: '#f3e8ff', stroke: '#7e22ce' },
  'unknown-role': { fill: '#ffedd5', stroke: '#c2410c' },
  unowned: { fill: '#fee2e2', stroke: '#b91c1c' },
  missing: { fill: '#ffffff', stroke: '#b91c1c' },
};
const TEXT_COLOUR = '#0f172a';
/** Mermaid class names are identifiers: `unknown-role` would read as a minus. */
const MERMAID_CLASS: Record<OwnerClass, string> = { strategy: 'strategy', execution: 'execution', other: 'otherRole', 'unknown-role': 'unknownRole', unowned: 'unowned' };

export function renderGraph(graph: DecisionGraph, format: GraphFormat): string {
  return format === 'dot' ? toDot(graph) : toMermaid(graph);
}

/** The node's label lines: id and title, then who owns it and where it stands. */
function decisionLines(node: DecisionNode): { heading: string; details: string[] } {
  const owner = ownerName(node.owner?.written, node.owner?.role);
  const details = [[owner, statusName(node.status), node.date].filter((part): part is string => part !== null).join(' · ')];
  if (node.elevated) details.push(elevationText(node.elevated.fromLabel, node.elevated.on));
  return { heading: `${node.id}: ${node.title}`, details };
}

function edgeText(edge: GraphEdge): string {
  if (edge.kind === 'elevated') return edge.on ? `elevated ${edge.on}` : 'elevated';
  if (edge.kind === 'supersedes') return relationName('supersedes');
  return `${relationName('overrides')} (${triggerText(edge.trigger, edge.triggerDetail)})`;
}

/** Short ids per folder: labels carry the text, so ids need only be unique and safe. */
function nodeIds(graph: DecisionGraph): Map<FolderGraph, Map<string, string>> {
  const ids = new Map<FolderGraph, Map<string, string>>();
  graph.folders.forEach((folder, f) => {
    const prefix = graph.folders.length > 1 ? `f${f}_` : '';
    ids.set(folder, new Map(folder.nodes.map((node, n) => [node.key, `${prefix}${node.type === 'decision' ? 'n' : node.type === 'role' ? 'r' : 'm'}${n}`])));
  });
  return ids;
}

// ---- Mermaid ----

/**
 * Text inside a quoted Mermaid label. Quotes would end the label, `#…;` starts an entity, `<`
 * opens HTML, `|` ends an edge label, a leading backtick switches to markdown and `%%{…}%%` is a
 * directive wherever it stands: anything but letters, digits, spaces and plain punctuation becomes
 * Mermaid's numeric entity (`#37;` for `%`), which it decodes when drawing.
 */
export function mermaidText(text: string): string {
  return plainText(text)
    .replace(/\s+/g, ' ')
    .replace(/[^\p{L}\p{N}\p{M} .,:!?'@+=/_()·…–—-]/gu, (c) => `#${c.codePointAt(0)};`);
}

function mermaidLabel(node: GraphNode): string {
  if (node.type === 'role') return `(["${mermaidText(node.label)}"])`;
  if (node.type === 'missing') return `["${mermaidText(`${node.id}: not found`)}"]`;
  const { heading, details } = decisionLines(node);
  return `["${[heading, ...details].map(mermaidText).join('<br/>')}"]`;
}

function mermaidClasses(node: GraphNode): string[] {
  if (node.type === 'missing') return ['missing'];
  if (node.type === 'role') return ['role', MERMAID_CLASS[node.ownerClass]];
  return [MERMAID_CLASS[node.ownerClass], ...(node.replaced ? ['replaced'] : [])];
}

const MERMAID_ARROW: Record<GraphEdge['kind'], string> = { overrides: '==>', supersedes: '-->', elevated: '-.->' };

export function toMermaid(graph: DecisionGraph): string {
  const ids = nodeIds(graph);
  const out = ['flowchart TB'];
  for (const [cls, name] of Object.entries(MERMAID_CLASS)) {
    const { fill, stroke } = PALETTE[cls as OwnerClass];
    out.push(`  classDef ${name} fill:${fill},stroke:${stroke},color:${TEXT_COLOUR}${cls === 'unowned' ? ',stroke-dasharray:5 3' : ''}`);
  }
  out.push(`  classDef missing fill:${PALETTE.missing.fill},stroke:${PALETTE.missing.stroke},color:${PALETTE.missing.stroke},stroke-dasharray:2 2`);
  out.push('  classDef role stroke-width:2px');
  out.push('  classDef replaced opacity:0.6,stroke-dasharray:6 3');
  const classLines: string[] = [];
  graph.folders.forEach((folder, f) => {
    const idOf = ids.get(folder)!;
    const clustered = graph.folders.length > 1;
    const indent = clustered ? '    ' : '  ';
    if (clustered) out.push(`  subgraph f${f}["${mermaidText(folder.folder)}"]`);
    for (const node of folder.nodes) {
      const id = idOf.get(node.key)!;
      out.push(`${indent}${id}${mermaidLabel(node)}`);
      for (const cls of mermaidClasses(node)) classLines.push(`  class ${id} ${cls}`);
    }
    for (const edge of folder.edges) out.push(`${indent}${idOf.get(edge.from)} ${MERMAID_ARROW[edge.kind]}|"${mermaidText(edgeText(edge))}"| ${idOf.get(edge.to)}`);
    if (clustered) out.push('  end');
  });
  return [...out, ...classLines, ''].join('\n');
}

// ---- Graphviz DOT ----

/** Text inside a quoted DOT string: backslashes start escapes such as `\n` in labels, quotes end it. */
export function dotText(text: string): string {
  return plainText(text).replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/**
 * The node's link in an SVG drawn from the DOT: a relative path only. A path with a scheme
 * (`javascript:…`), a leading `/` or `\\`, or a drive gives no link; a relative path whose first
 * part holds a colon is written `./…` so no browser reads the part as a scheme.
 */
export function dotLink(path: string): string | undefined {
  if (/^[/\\]/.test(path) || /^[a-z]:/i.test(path)) return undefined;
  const link = /^[^/\\]*:/.test(path) ? `./${path}` : path;
  return dotText(link);
}

/** DOT does not wrap labels: long titles are broken at spaces so nodes stay narrow. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

const DOT_WRAP = 34;

function dotLabel(node: GraphNode): string {
  if (node.type === 'role') return dotText(node.label);
  if (node.type === 'missing') return dotText(`${node.id}: not found`);
  const { heading, details } = decisionLines(node);
  return [...wrapWords(heading, DOT_WRAP), ...details].map(dotText).join('\\n');
}

function dotAttributes(node: GraphNode): Record<string, string> {
  if (node.type === 'missing') return { label: dotLabel(node), color: PALETTE.missing.stroke, fillcolor: PALETTE.missing.fill, fontcolor: PALETTE.missing.stroke, style: 'dashed', class: 'missing' };
  const { fill, stroke } = PALETTE[node.ownerClass];
  if (node.type === 'role') return { label: dotLabel(node), shape: 'ellipse', style: 'filled,bold', color: stroke, fillcolor: fill, class: `role ${node.ownerClass}` };
  const style = ['rounded', 'filled', ...(node.replaced || node.ownerClass === 'unowned' ? ['dashed'] : [])].join(',');
  const link = dotLink(node.path);
  const attributes: Record<string, string> = { label: dotLabel(node), color: stroke, fillcolor: fill, style, class: `${node.ownerClass}${node.replaced ? ' replaced' : ''}`, ...(link ? { URL: link } : {}), tooltip: dotText(node.path) };
  // Graphviz colours take an alpha byte: history is drawn faded, as in the extension's view.
  if (node.replaced) Object.assign(attributes, { fillcolor: `${fill}99`, fontcolor: `${TEXT_COLOUR}99` });
  return attributes;
}

const DOT_EDGE_STYLE: Record<GraphEdge['kind'], Record<string, string>> = {
  overrides: { penwidth: '2' },
  supersedes: {},
  elevated: { style: 'dashed', arrowhead: 'vee' },
};

function attributeList(attributes: Record<string, string>): string {
  return `[${Object.entries(attributes).map(([k, v]) => `${k}="${v}"`).join(', ')}]`;
}

export function toDot(graph: DecisionGraph): string {
  const ids = nodeIds(graph);
  const out = [
    'digraph decisions {',
    '  graph [rankdir="TB", fontname="Helvetica", nodesep="0.4", ranksep="0.6"];',
    `  node [shape="box", fontname="Helvetica", fontsize="11", fontcolor="${TEXT_COLOUR}"];`,
    '  edge [fontname="Helvetica", fontsize="10", color="#475569", fontcolor="#334155"];',
  ];
  graph.folders.forEach((folder, f) => {
    const idOf = ids.get(folder)!;
    const clustered = graph.folders.length > 1;
    const indent = clustered ? '    ' : '  ';
    if (clustered) out.push(`  subgraph cluster_${f} {`, `    label="${dotText(folder.folder)}";`);
    for (const node of folder.nodes) out.push(`${indent}${idOf.get(node.key)} ${attributeList(dotAttributes(node))};`);
    for (const edge of folder.edges) {
      const label = wrapWords(edgeText(edge), DOT_WRAP).map(dotText).join('\\n');
      out.push(`${indent}${idOf.get(edge.from)} -> ${idOf.get(edge.to)} ${attributeList({ label, ...DOT_EDGE_STYLE[edge.kind], class: edge.kind })};`);
    }
    if (clustered) out.push('  }');
  });
  out.push('}', '');
  return out.join('\n');
}
