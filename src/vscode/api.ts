import type { Event } from 'vscode';
import type { Decision, Problem } from '../core/model';

/** A row of the Decisions view as the user sees it. */
export interface TreeRow {
  label: string;
  description: string;
  children: TreeRow[];
}

/** What a Decision Graph or Ownership Report panel reports having drawn. */
export interface PanelDrawing {
  panel: 'graph' | 'report';
  /** Decisions drawn; relations are the graph's edges or the report's overrides. */
  summary: { decisions: number; relations: number; renders: number };
}

/**
 * What `activate` returns. Other extensions and the integration tests read the index through it
 * instead of reaching into module state.
 */
export interface AdrRolesApi {
  /** Resolves once the current workspace index is complete (it runs in the background after activation). */
  whenIndexed(): Promise<void>;
  /** Fires after the index changed: a file created, edited, renamed or deleted, or settings changed. */
  onDidChange: Event<void>;
  /**
   * Fires when an open Decision Graph or Ownership Report panel has drawn the index: once it loads
   * and after each change. `renders` counts the drawings since the page loaded, so an update drawn
   * in place (rather than by reloading the page) shows as a count above 1.
   */
  onDidRenderPanel: Event<PanelDrawing>;
  /** Every decision currently indexed, across all decision folders. */
  decisions(): readonly Decision[];
  /** Problems the core rules report for one decision file, by its URI string. */
  problemsFor(uri: string): readonly Problem[];
  /** The rows the Decisions view shows now, with the current grouping and filter. */
  tree(): TreeRow[];
}
