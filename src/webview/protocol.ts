// The messages between the extension and its webview panels. Types only: both sides import them,
// and nothing here may need the DOM or the vscode module.
import type { DecisionGraph } from '../core/views/graph';
import type { OwnershipReport } from '../core/views/report';

export type PanelKind = 'graph' | 'report';

export interface PanelModels {
  graph: DecisionGraph;
  report: OwnershipReport;
}

/** Extension → webview: the state to draw, sent on load and after every change of the index. */
export interface ModelMessage<K extends PanelKind = PanelKind> {
  type: 'model';
  model: PanelModels[K];
}

/** What a panel drew, so the extension (and its API) can tell a drawn update from a posted one. */
export interface RenderedSummary {
  decisions: number;
  /** Edges of the graph, or overrides counted by the report. */
  relations: number;
  /** How many models this page has drawn since it loaded: an update that reloaded the page starts again at 1. */
  renders: number;
  /** The report's decision lists as drawn, by their `data-list` name: each item's decision, as its link reads. */
  lists?: Record<string, string[]>;
}

/** Webview → extension. */
export type PanelMessage = { type: 'ready' } | { type: 'open'; file: string } | { type: 'rendered'; summary: RenderedSummary };
