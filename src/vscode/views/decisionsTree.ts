import { decisionLabel, statusLine, statusName, triggerText } from '../../core/views/vocabulary';
import { elevationOf, ownerLineOf, ownerOf, relationLine, reviewLineOf } from '../../core/views/decisionText';
import { isoDate } from '../../core/read/dates';
import * as vscode from 'vscode';
import { chainsOf, chainsWhere, type ChainNode } from '../../core/views/chains';
import { groupByRole, groupByStatus, matchesFilter, type DecisionGroup } from '../../core/views/grouping';
import type { Decision } from '../../core/model';
import { markdownText } from '../../core/views/editorText';
import { plainText } from '../../core/views/plainText';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { DEFAULT_GROUPING, type Grouping } from '../../core/views/viewState';
import type { StartupTimings } from '../startupTimings';

/**
 * `key` is unique in the tree: a decision shows once per grouping; in chains, a decision several
 * others replaced shows once with its chain, and as a reference (keyed by its parent) under the rest.
 * Keys do not grow with a chain's depth: a 10,000-long chain's keys would hold every ancestor.
 */
export type Node = { type: 'group'; group: DecisionGroup } | { type: 'decision'; decision: Decision; key: string; chain?: ChainNode };

const STATUS_ICONS: Record<string, string> = {
  accepted: 'pass',
  proposed: 'circle-large-outline',
  draft: 'edit',
  rejected: 'circle-slash',
  deprecated: 'archive',
  superseded: 'history',
  overridden: 'debug-step-over',
};


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
  grouping: Grouping = DEFAULT_GROUPING;
  filter = '';

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly timings?: StartupTimings,
  ) {
    this.subscription = index.onDidChange(() => this.refresh());
  }

  /**
   * The nodes handed out, by key, and their parents: VS Code finds an element to reveal by identity
   * and walks up with getParent, so a key keeps one object, updated in place, across refreshes
   * (an index change between finding a node and revealing it must not make it a stranger).
   */
  private readonly nodes = new Map<string, Node>();
  private readonly parents = new Map<Node, Node>();

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    const children = (node ? this.childrenOf(node) : this.roots()).map((child) => {
      const key = child.type === 'group' ? `\u0000group:${child.group.key}` : child.key;
      const known = this.nodes.get(key);
      // `chain` is cleared first: the same decision is a chain's root in one grouping and a plain row in another.
      const current = known ? Object.assign(known, { chain: undefined }, child) : child;
      this.nodes.set(key, current);
      if (node) this.parents.set(current, node);
      else this.parents.delete(current);
      return current;
    });
    // The first decision rows handed to VS Code: what "the view is populated" means to a user.
    if (children[0]?.type === 'decision') this.timings?.mark('viewPopulatedMs');
    return children;
  }

  getParent(node: Node): Node | undefined {
    return this.parents.get(node);
  }

  /** Where a decision is shown in full (not as a chain's reference), or undefined when the filter hides it. */
  nodeOf(decision: Decision): Node | undefined {
    // Breadth first over what the view shows: each node is visited once, however deep a chain.
    const queue = this.getChildren();
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i]!;
      if (node.type === 'decision' && node.decision.file === decision.file && !node.chain?.reference) return node;
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
    if (node.type === 'group') return node.group.decisions.map((decision) => ({ type: 'decision', decision, key: `${node.group.key}/${decision.file}` }));
    return (node.chain?.replaced ?? []).map((chain) => ({ type: 'decision', decision: chain.decision, key: chain.reference ? `${node.key}\u0000${chain.decision.file}` : chain.decision.file, chain }));
  }

  private roots(): Node[] {
    const decisions = this.visibleDecisions();
    if (decisions.length === 0) return [];
    if (this.grouping === 'flat') return decisions.map((decision) => ({ type: 'decision', decision, key: decision.file }));
    if (this.grouping === 'chain') return this.chainRoots();
    const groups = this.grouping === 'status' ? groupByStatus(decisions) : groupByRole(decisions, this.index.roles());
    // While filtering, empty role groups are noise.
    return groups.filter((group) => !this.filter || group.decisions.length > 0).map((group) => ({ type: 'group', group }));
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
    const item = new vscode.TreeItem(plainText(group.label), empty ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded);
    item.id = group.key;
    item.description = empty ? 'none' : String(group.decisions.length);
    item.contextValue = `adrRoles.group.${group.kind}`;
    if (group.kind === 'status') {
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
    // Outside the role grouping the owner is not visible from the group, so the row says it.
    const roles = this.index.configFor(decision)?.roles ?? this.index.roles();
    const owner = this.grouping === 'role' ? undefined : ownerOf(decision, roles);
    const logs = this.index.logs();
    const folder = logs.length > 1 ? logs.find((l) => l.get(decision.file))?.folder.split('/').slice(-2).join('/') : undefined;
    // Labels are one line of plain text: no bidi override reorders a row, no control shows as a box.
    item.description = plainText(via + [owner, decision.status ? statusName(decision.status.value) : undefined, decision.date?.value, folder].filter(Boolean).join(' · '));
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
    const review = reviewLineOf(decision, this.index.configFor(decision)?.review ?? null, isoDate(new Date()));
    if (review) tooltip.appendMarkdown(`  \n${markdownText(review)}`);
    return tooltip;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
