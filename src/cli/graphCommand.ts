import { relative } from 'node:path';
import { buildGraph } from '../core/views/graph';
import { GRAPH_FORMATS, renderGraph, type GraphFormat } from '../core/views/graphFormats';
import type { ReadLimits } from '../core/read/fileAdmission';
import { loadDecisions } from './loadDecisions';
import { resolveTargets, UsageError } from './targets';

/** Prints the decision graph as Mermaid (for Markdown pages) or Graphviz DOT (for `dot -Tsvg`). */
export async function graphCommand(dirs: string[], options: { format: string; limits: ReadLimits }): Promise<number> {
  if (!(GRAPH_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`unknown format '${options.format}': use ${GRAPH_FORMATS.join(' or ')}`);
  }
  const { folders, discovery } = await resolveTargets(dirs);
  const catalog = await loadDecisions(folders, options.limits);
  const graph = buildGraph(catalog.folders(), discovery.config.roles, { pathOf: (path) => relative('.', path) || '.' });
  process.stdout.write(renderGraph(graph, options.format as GraphFormat));
  return 0;
}
