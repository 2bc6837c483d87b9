import { decisionLabel, dueNote, reviewGroupTooltip, statusLine, statusName, triggerText } from '../../core/views/vocabulary';
import { elevationOf, ownerLineOf, ownerOf, relationLine, reviewLineOf } from '../../core/views/decisionText';
import * as vscode from 'vscode';
import { chainsOf, chainsWhere, type ChainNode } from '../../core/views/chains';
import { groupByRole, groupByStatus, homeGroupKey, matchesFilter, REVIEW_SOON_DAYS, reviewGroups, type DecisionGroup, type DueDate } from '../../core/views/grouping';
import type { Decision } from '../../core/model';
import { markdownText } from '../../core/views/editorText';
import { plainText } from '../../core/views/plainText';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { DEFAULT_GROUPING, TreeNodes, type Grouping } from '../../core/views/viewState';
import type { StartupTimings } from '../startupTimings';
import { lookupTable } from '../../core/read/lookup';

/**
 * `key` is unique in the tree: a decision shows once per grouping (and once more in a review group,
 * keyed by it, with its due date); in chains, a decision several others replaced shows once with
 * its chain, and as a reference (keyed by its parent) under the rest.
 * Keys do not grow with a chain's depth: a 10,000-long chain's keys would hold every ancestor.
 */
export type Node = { type: 'group'; group: DecisionGroup } | { type: 'decision'; decision: Decision; key: string; chain?: ChainNode; due?: DueDate };

function keyOf(node: Node): string {
  return node.type === 'group' ? `\u0000group:${node.group.key}` : node.key;
}

/** By status as read: a status of the team's own such as `constructor` gets the default icon. */
const STATUS_ICONS: Readonly<Record<string, string>> = lookupTable({
  accepted: 'pass',
  proposed: 'circle-large-outline',
  draft: 'edit',
  rejected: 'circle-slash',
  deprecated: 'archive',
  superseded: 'history',
  overridden: 'debug-step-over',
});


/** Where a decision listed as a reference in a chain has its own chain. */
function referenceNote(chain: ChainNode): string {
  return chain.shownUnder ? `shown in full under ${chain.shownUnder.id}` : 'shown in full at the top';
}

/**
 * The "Decisions" view: grouped by owning role (unowned first), by status, by override chain (each
 * decision in force with what it replaced beneath it), or flat; filtered by text.
 */
export class DecisionsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private shownGrouping: Grouping = DEFAULT_GROUPING;
  private shownFilter = '';

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly timings?: StartupTimings,
  ) {
    this.subscription = index.onDidChange(() => this.refresh());
  }

  /** The nodes handed out: one object per key across refreshes, forgotten once the tree no longer shows it. */
  private readonly nodes = new TreeNodes<Node>(keyOf, (known, child) =>
    // `chain` and `due` are cleared first: the same decision is a chain's root in one grouping and a plain row in another.
    Object.assign(known, { chain: undefined, due: undefined }, child),
  );

  get grouping(): Grouping {
    return this.shownGrouping;
  }

  set grouping(grouping: Grouping) {
    this.shownGrouping = grouping;
    this.nodes.changed();
  }

  get filter(): string {
    return this.shownFilter;
  }

  set filter(filter: string) {
    this.shownFilter = filter;
    this.nodes.changed();
  }

  refresh(): void {
    this.nodes.changed();
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    const children = this.nodes.children(node, node ? this.childrenOf(node) : this.roots());
    // The first decision rows handed to VS Code: what "the view is populated" means to a user.
    if (children[0]?.type === 'decision') this.timings?.mark('viewPopulatedMs');
    return children;
  }

  getParent(node: Node): Node | undefined {
    return this.nodes.parentOf(node);
  }

  /**
   * Where a decision is shown in full (in its own group, not a review group; not as a chain's
   * reference), or undefined when the filter hides it. Asked on every change of the active
   * editor: the row handed out since the last change is found by its key; only a row the tree has
   * not handed out since (a collapsed group, a refresh VS Code has not asked about yet) needs the walk.
   */
  nodeOf(decision: Decision): Node | undefined {
    const home = homeGroupKey(decision, this.grouping, this.index.roles());
    const known = this.nodes.current(home === null ? decision.file : `${home}/${decision.file}`);
    if (known) return known;
    // Breadth first over what the view shows: each node is visited once, however deep a chain.
    const queue = this.getChildren();
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i]!;
      if (node.type === 'decision' && node.decision.file === decision.file && !node.chain?.reference && !node.due) return node;
      queue.push(...this.getChildren(node));
    }
    return undefined;
  }

  /** The decision a node shows, if it is a decision's row. */
  decisionOf(node: Node): Decision | undefined {
    return node.type === 'decision' ? node.decision : undefined;
  }

  /** Decisions shown after the filter: what the view's message counts. */
  visibleDecisions(): Decision[] {
    return this.index.decisions().filter((d) => matchesFilter(d, this.filter));
  }

  private childrenOf(node: Node): Node[] {
    if (node.type === 'group') return node.group.decisions.map((decision) => ({ type: 'decision', decision, key: `${node.group.key}/${decision.file}`, due: node.group.due?.get(decision) }));
    return (node.chain?.replaced ?? []).map((chain) => ({ type: 'decision', decision: chain.decision, key: chain.reference ? `${node.key}\u0000${chain.decision.file}` : chain.decision.file, chain }));
  }

  private roots(): Node[] {
    const decisions = this.visibleDecisions();
    if (decisions.length === 0) return [];
    // In every grouping, what is due for review comes first; its decisions stay in their own places too.
    const review: Node[] = reviewGroups(decisions, (d) => this.index.configFor(d)?.review ?? null, this.index.today()).map((group) => ({ type: 'group', group }));
    if (this.grouping === 'flat') return [...review, ...decisions.map((decision): Node => ({ type: 'decision', decision, key: decision.file }))];
    if (this.grouping === 'chain') return [...review, ...this.chainRoots()];
    const groups = this.grouping === 'status' ? groupByStatus(decisions) : groupByRole(decisions, this.index.roles());
    // While filtering, empty role groups are noise.
    return [...review, ...groups.filter((group) => !this.filter || group.decisions.length > 0).map((group): Node => ({ type: 'group', group }))];
  }

  /** Chains whose decisions match the filter anywhere along them. */
  private chainRoots(): Node[] {
    return chainsWhere(
      this.index.logs().flatMap((log) => chainsOf(log)),
      (decision) => matchesFilter(decision, this.filter),
    ).map((chain) => ({ type: 'decision', decision: chain.decision, key: chain.decision.file, chain }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node.type === 'group' ? this.groupItem(node.group) : this.decisionItem(node);
  }

  private groupItem(group: DecisionGroup): vscode.TreeItem {
    // A role no decision names yet stays in the list, closed: the roles are the model, not noise.
    const empty = group.decisions.length === 0;
    // Reviews coming up are for planning, not for now: one closed row until opened.
    const open = group.kind === 'review-soon' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(plainText(group.label), empty ? vscode.TreeItemCollapsibleState.None : open);
    item.id = group.key;
    item.description = empty ? 'none' : String(group.decisions.length);
    item.contextValue = `adrRoles.group.${group.kind}`;
    if (group.kind === 'review-overdue' || group.kind === 'review-soon') {
      item.iconPath = group.kind === 'review-overdue' ? new vscode.ThemeIcon('calendar', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('calendar');
      const policies = group.decisions.map((d) => this.index.configFor(d)?.review ?? null);
      item.tooltip = reviewGroupTooltip(group.kind, policies, REVIEW_SOON_DAYS);
    } else if (group.kind === 'status') {
      item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[group.key.slice('status:'.length)] ?? 'circle-outline');
    } else if (group.kind === 'role') {
      item.iconPath = new vscode.ThemeIcon(group.role?.kind === 'strategy' ? 'compass' : group.role?.kind === 'execution' ? 'tools' : 'person');
      item.tooltip = plainText(group.role?.description ?? group.label);
    } else {
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      item.tooltip = group.kind === 'unowned' ? 'Decisions that name no owning role' : 'Decisions whose owner is not a configured role';
    }
    return item;
  }

  private decisionItem(node: Extract<Node, { type: 'decision' }>): vscode.TreeItem {
    const decision = node.decision;
    const expandable = (node.chain?.replaced.length ?? 0) > 0;
    const item = new vscode.TreeItem(plainText(decisionLabel(decision)), expandable ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    const uri = this.index.uriOf(decision);
    item.id = node.key;
    // The resource URI brings the overridden / superseded / elevated badges of DecisionDecorations.
    item.resourceUri = uri;
    const via = (node.chain?.via ? `${node.chain.via === 'overrides' ? 'overridden' : 'superseded'} · ` : '') + (node.chain?.reference ? `${referenceNote(node.chain)} · ` : '');
    // Outside the role groups the owner is not visible from the group, so the row says it.
    const roles = this.index.configFor(decision)?.roles ?? this.index.roles();
    const owner = this.grouping === 'role' && !node.due ? undefined : ownerOf(decision, roles);
    const logs = this.index.logs();
    const folder = logs.length > 1 ? logs.find((l) => l.get(decision.file))?.folder.split('/').slice(-2).join('/') : undefined;
    // Labels are one line of plain text: no bidi override reorders a row, no control shows as a box.
    item.description = plainText(via + [node.due ? dueNote(node.due) : undefined, owner, decision.status ? statusName(decision.status.value) : undefined, decision.date?.value, folder].filter(Boolean).join(' · '));
    item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[decision.status?.value ?? ''] ?? 'circle-outline');
    item.contextValue = 'adrRoles.decision';
    // The tooltip is built on hover (resolveTreeItem): 10,000 of them up front slowed the view's first rows.
    if (uri) item.command = { command: 'vscode.open', title: 'Open Decision', arguments: [uri] };
    return item;
  }

  /** The row's tooltip, once VS Code asks for it (on hover). */
  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
    if (node.type === 'decision') item.tooltip = this.decisionTooltip(node.decision);
    return item;
  }

  private decisionTooltip(decision: Decision): vscode.MarkdownString {
    const title = decision.title?.value ?? '(untitled)';
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${markdownText(decision.id)}** ${markdownText(title)}\n\n`);
    const roles = this.index.configFor(decision)?.roles ?? this.index.roles();
    tooltip.appendMarkdown(`${markdownText(ownerLineOf(decision, roles))}  \n${markdownText(statusLine(decision.status?.value))}  \nDate: ${markdownText(decision.date?.value ?? 'none')}`);
    const relations = this.index.relationsOf(decision);
    for (const relation of relations) tooltip.appendMarkdown(`  \n${markdownText(relationLine(decision, relation))}`);
    // The reason goes with the relation it explains; a trigger without one is still shown.
    if (decision.trigger && !relations.some((r) => r.kind === 'overrides')) tooltip.appendMarkdown(`  \nTrigger: ${markdownText(triggerText(decision.trigger.value, decision.triggerDetail?.value))}`);
    const elevation = elevationOf(decision, roles);
    if (elevation) tooltip.appendMarkdown(`  \n${markdownText(elevation)}`);
    const review = reviewLineOf(decision, this.index.configFor(decision)?.review ?? null, this.index.today());
    if (review) tooltip.appendMarkdown(`  \n${markdownText(review)}`);
    return tooltip;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
