import { relative } from 'node:path';
import { buildGraph } from '../core/graph';
import { GRAPH_FORMATS, renderGraph, type GraphFormat } from '../core/graphFormats';
import { loadFolders } from '../core/workspace';
import { nodeFileSystem } from './nodeFileSystem';
import { resolveTargets, UsageError } from './targets';

/** Prints the decision graph as Mermaid (for Markdown pages) or Graphviz DOT (for `dot -Tsvg`). */
export async function graphCommand(dirs: string[], options: { format: string }): Promise<number> {
  if (!(GRAPH_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`unknown format '${options.format}': use ${GRAPH_FORMATS.join(' or ')}`);
  }
  const { folders, discovery } = await resolveTargets(dirs);
  const { catalog, unreadable } = await loadFolders(nodeFileSystem, folders);
  for (const file of unreadable) process.stderr.write(`adr-roles: ${relative('.', file) || file}: could not be read, left out\n`);
  const graph = buildGraph(catalog.folders(), discovery.config.roles, { pathOf: (path) => relative('.', path) || '.' });
  process.stdout.write(renderGraph(graph, options.format as GraphFormat));
  return 0;
}
