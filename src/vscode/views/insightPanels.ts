import * as vscode from 'vscode';
import { buildGraph } from '../../core/views/graph';
import { buildReport } from '../../core/views/report';
import type { PanelDefinition } from './livePanel';

/** `docs/decisions/0005-x.md`, prefixed with the workspace folder's name in a multi-root workspace. */
function workspaceRelative(path: string): string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.find((f) => path === f.uri.path || path.startsWith(`${f.uri.path}/`));
  if (!folder) return path;
  const inside = path.slice(folder.uri.path.length + 1) || '.';
  return folders.length > 1 ? `${folder.name}/${inside}` : inside;
}

export const GRAPH_PANEL: PanelDefinition<'graph'> = {
  kind: 'graph',
  viewType: 'adrRoles.graph',
  title: 'Decision Graph',
  script: 'graph.js',
  styles: ['panel.css', 'graph.css'],
  model: (index) => buildGraph(index.logs(), index.roles(), { pathOf: workspaceRelative }),
};

export const REPORT_PANEL: PanelDefinition<'report'> = {
  kind: 'report',
  viewType: 'adrRoles.report',
  title: 'Ownership Report',
  script: 'report.js',
  styles: ['panel.css', 'report.css'],
  // Today and each folder's review policy, as the Decisions view counts what is due.
  model: (index) => buildReport(index.logs(), index.roles(), { pathOf: workspaceRelative, review: { today: index.today(), policyOf: (d) => index.configFor(d)?.review ?? null } }),
};
