import * as vscode from 'vscode';
import type { TreeRow } from '../api';
import { DecisionsTree, type Node } from './decisionsTree';
import { DEFAULT_GROUPING, GROUPINGS, isDefaultView, viewBadge, viewDescription, type Grouping } from '../../core/views/viewState';
import { badgeCounts } from '../../core/views/grouping';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { StartupTimings } from '../startupTimings';

export const VIEW_ID = 'adrRoles.decisions';
const GROUPING_KEY = 'adrRoles.grouping';

/**
 * The tree view around the tree data: grouping and filter commands (with context keys so the
 * title bar shows the right buttons), the badge (unowned and overdue decisions), and progress while indexing.
 */
export class DecisionsView implements vscode.Disposable {
  private readonly tree: DecisionsTree;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[];
  private readonly revealed = new vscode.EventEmitter<string>();
  /** Fires with a decision's id once the view has selected the active editor's decision. */
  readonly onDidReveal = this.revealed.event;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly state: vscode.Memento,
    timings?: StartupTimings,
  ) {
    this.tree = new DecisionsTree(index, timings);
    const saved = state.get<Grouping>(GROUPING_KEY);
    this.tree.grouping = saved && GROUPINGS.includes(saved) ? saved : DEFAULT_GROUPING;
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.tree, showCollapseAll: true });
    this.disposables = [
      this.tree,
      this.view,
      index.onDidChange(() => this.update()),
      vscode.commands.registerCommand('adrRoles.groupByRole', () => this.setGrouping('role')),
      vscode.commands.registerCommand('adrRoles.groupByStatus', () => this.setGrouping('status')),
      vscode.commands.registerCommand('adrRoles.groupByChain', () => this.setGrouping('chain')),
      vscode.commands.registerCommand('adrRoles.showFlat', () => this.setGrouping('flat')),
      vscode.commands.registerCommand('adrRoles.filter', (text?: string) => this.askFilter(text)),
      vscode.commands.registerCommand('adrRoles.clearFilter', () => this.setFilter('')),
      vscode.commands.registerCommand('adrRoles.resetView', () => this.reset()),
      this.revealed,
      vscode.window.onDidChangeActiveTextEditor((editor) => this.revealEditor(editor)),
      this.view.onDidChangeVisibility((e) => e.visible && this.revealEditor(vscode.window.activeTextEditor)),
    ];
    void this.setContext();
    this.update();
  }

  /** Runs a full index with the view's progress bar showing. */
  indexWithProgress(): Promise<void> {
    // Started here, not inside withProgress's callback, so whenIndexed() covers it at once.
    const done = this.index.reindex();
    void vscode.window.withProgress({ location: { viewId: VIEW_ID }, title: 'Indexing decisions' }, () => done);
    return done;
  }

  /** What the view shows, row by row. */
  rows(): TreeRow[] {
    const toRows = (nodes: ReturnType<DecisionsTree['getChildren']>): TreeRow[] =>
      nodes.map((node) => {
        const item = this.tree.getTreeItem(node);
        const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
        return { label, description: typeof item.description === 'string' ? item.description : '', children: toRows(this.tree.getChildren(node)) };
      });
    return toRows(this.tree.getChildren());
  }

  /** The ids of the decisions selected in the view. */
  selection(): string[] {
    return this.view.selection.flatMap((node) => this.tree.decisionOf(node)?.id ?? []);
  }

  /** Selects the editor's decision in the view, as the Explorer follows the active file; the focus stays in the editor. */
  private revealEditor(editor: vscode.TextEditor | undefined): void {
    if (!editor || !this.view.visible) return;
    const decision = this.index.findByUri(editor.document.uri);
    const node = decision && this.tree.nodeOf(decision);
    if (!decision || !node) return;
    void Promise.resolve(this.view.reveal(node, { select: true, focus: false })).then(
      () => this.revealed.fire(decision.id),
      () => undefined,
    );
  }

  /** The view's badge as VS Code shows it. */
  badge(): { value: number; tooltip: string } | undefined {
    const badge = this.view.badge;
    return badge ? { value: badge.value, tooltip: badge.tooltip } : undefined;
  }

  /** What the view's title bar says next to its name: the grouping, and the filter. */
  description(): string | undefined {
    return typeof this.view.description === 'string' ? this.view.description : undefined;
  }

  private async setGrouping(grouping: Grouping): Promise<void> {
    this.tree.grouping = grouping;
    await this.state.update(GROUPING_KEY, grouping);
    await this.setContext();
    this.tree.refresh();
    this.update();
  }

  /** The one way back: every decision, grouped as the view opens. */
  private async reset(): Promise<void> {
    this.tree.filter = '';
    await this.setGrouping(DEFAULT_GROUPING);
  }

  private async askFilter(text?: string): Promise<void> {
    const filter =
      text ??
      (await vscode.window.showInputBox({
        title: 'Filter Decisions',
        prompt: 'Show decisions whose id, title, owner or status contains this text. Empty shows all.',
        value: this.tree.filter,
      }));
    if (filter !== undefined) await this.setFilter(filter);
  }

  private async setFilter(filter: string): Promise<void> {
    this.tree.filter = filter.trim();
    await this.setContext();
    this.tree.refresh();
    this.update();
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', GROUPING_KEY, this.tree.grouping);
    await vscode.commands.executeCommand('setContext', 'adrRoles.filtered', this.tree.filter !== '');
    await vscode.commands.executeCommand('setContext', 'adrRoles.viewChanged', !isDefaultView(this.tree.grouping, this.tree.filter));
  }

  private update(): void {
    const { unowned, overdue } = badgeCounts(this.index.decisions(), (d) => this.index.configFor(d), this.index.today());
    this.view.badge = viewBadge(unowned, overdue);
    const shown = this.tree.visibleDecisions().length;
    this.view.description = viewDescription(this.tree.grouping, this.tree.filter);
    this.view.message = this.tree.filter && shown === 0 ? `No decision matches '${this.tree.filter}'.` : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
