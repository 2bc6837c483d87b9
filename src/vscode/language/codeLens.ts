import * as vscode from 'vscode';
import { ownerOf, reviewLensTitle, reviewLineOf, reviewStateOf } from '../../core/views/decisionText';
import { reviewedTodayFor } from '../../core/views/quickFixes';
import { dirName } from '../../core/workspace/paths';
import { resolveRole } from '../../core/workspace/config';
import { relationText } from '../../core/views/vocabulary';
import type { Decision } from '../../core/model';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { WorkspaceReferences } from '../index/workspaceReferences';
import type { ReferenceScanStats } from '../api';
import { SCAN_LIMITS } from '../../core/workspace/referenceScan';

class ReferencesLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly decision: Decision,
    readonly uri: vscode.Uri,
  ) {
    super(range);
  }
}

/** The commands of the review lens: *Reviewed today*, and going to the due date. Internal: not in the palette. */
export const REVIEWED_TODAY_COMMAND = 'adrRoles.reviewedToday';
export const GO_TO_REVIEW_DATE_COMMAND = 'adrRoles.goToReviewDate';

/**
 * Above a decision: its owner (with the role's kind), when it is due for review, what it overrides
 * or supersedes and what overrode it, and how often it is referenced. Each lens opens its target;
 * an owner that is missing or not a configured role asks for one, and an overdue review records it.
 */
export class DecisionCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly references: WorkspaceReferences,
  ) {
    this.subscription = index.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const decision = this.index.updateFromDocumentIfStale(document);
    if (!decision) return [];
    const range = new vscode.Range(0, 0, 0, 0);
    const lenses: vscode.CodeLens[] = [];
    const config = this.index.configFor(decision);
    const roles = config?.roles ?? [];
    // An owner the record lacks, or cannot resolve, is what the lens is for: it asks for one.
    const owned = decision.owner !== null && resolveRole(decision.owner.value, roles) !== undefined;
    lenses.push(
      new vscode.CodeLens(
        range,
        owned
          ? { title: ownerOf(decision, roles), command: 'adrRoles.decisions.focus', tooltip: 'Show the Decisions view' }
          : { title: ownerOf(decision, roles), command: 'adrRoles.setOwner', arguments: [document.uri.toString()], tooltip: 'Set the role that owns this decision' },
      ),
    );
    const review = config && this.reviewLens(document, decision, config, range);
    if (review) lenses.push(review);
    for (const relation of this.index.relationsOf(decision)) {
      const uri = relation.target && this.index.uriOf(relation.target);
      if (!uri || !relation.target) continue;
      const title = relationText(relation.kind, relation.target.id);
      lenses.push(new vscode.CodeLens(range, { title, command: 'vscode.open', arguments: [uri], tooltip: relation.target.title?.value ?? relation.target.id }));
    }
    lenses.push(new ReferencesLens(range, decision, document.uri));
    return lenses;
  }

  /**
   * `Review overdue since 2025-01-10` (applies *Reviewed today*) or `Review due 2026-03-01` (goes to
   * the date it is counted from); none for a decision never due, retired ones included.
   */
  private reviewLens(document: vscode.TextDocument, decision: Decision, config: NonNullable<ReturnType<WorkspaceIndex['configFor']>>, range: vscode.Range): vscode.CodeLens | undefined {
    const today = this.index.today();
    const due = reviewStateOf(decision, config.review, today);
    if (!due) return undefined;
    const title = reviewLensTitle(due);
    const fix = due.overdue ? reviewedTodayFor({ text: document.getText(), decision, config, today, folder: this.index.formatOf(dirName(decision.file)) }) : undefined;
    // Arguments are plain strings: a lens's command may travel to the workbench and back.
    if (fix) return new vscode.CodeLens(range, { title, command: REVIEWED_TODAY_COMMAND, arguments: [document.uri.toString()], tooltip: fix.title });
    return new vscode.CodeLens(range, { title, command: GO_TO_REVIEW_DATE_COMMAND, arguments: [document.uri.toString()], tooltip: reviewLineOf(decision, config.review, today) ?? title });
  }

  /** The reference count needs a workspace scan: done only for lenses on screen. */
  async resolveCodeLens(lens: vscode.CodeLens): Promise<vscode.CodeLens> {
    if (!(lens instanceof ReferencesLens)) return lens;
    const locations = await this.references.referencesTo(lens.decision);
    const scan = this.references.stats();
    lens.command = {
      title: countTitle(locations.length, scan),
      tooltip: limitNote(scan),
      command: 'editor.action.showReferences',
      arguments: [lens.uri, new vscode.Position(0, 0), locations],
    };
    return lens;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** `3 references`, and when a bound cut the scan short, that the count is partial. */
function countTitle(found: number, scan: ReferenceScanStats): string {
  const count = `${found} reference${found === 1 ? '' : 's'}`;
  if (scan.limitedBy === 'files') return `${count} in the first ${scan.maxFiles === 1 ? 'file' : `${scan.maxFiles.toLocaleString('en-US')} files`}`;
  return scan.limitedBy ? `${count} (partial search)` : count;
}

/** What the count covers, for the lens's tooltip. */
function limitNote(scan: ReferenceScanStats): string {
  const searched = `Counted in ${scan.searched.toLocaleString('en-US')} files (files.exclude, search.exclude and .gitignore apply; generated and minified files are left out)`;
  switch (scan.limitedBy) {
    case 'files':
      return `${searched}: the workspace has ${scan.listed.toLocaleString('en-US')}, and at most ${scan.maxFiles.toLocaleString('en-US')} are searched (adrRoles.references.maxFiles).`;
    case 'listing':
      return `${searched}: the workspace lists more than ${SCAN_LIMITS.maxListed.toLocaleString('en-US')} searchable files, so only some were considered.`;
    case 'bytes':
      return `${searched}: the search stops after ${SCAN_LIMITS.maxTotalBytes / 1024 / 1024} MB of files.`;
    case 'references':
      return `${searched}: the search keeps at most ${SCAN_LIMITS.maxReferences.toLocaleString('en-US')} references.`;
    case 'ignore-rules':
      return `${searched}: the .gitignore rules are too costly to apply in full, so the files they would decide were not searched.`;
    default:
      return `${searched}.`;
  }
}
