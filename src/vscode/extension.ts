import * as vscode from 'vscode';
import { addOwners, type AddOwnersArgs } from './commands/addOwnersCommand';
import type { AdrRolesApi } from './api';
import { FixProvider } from './language/codeActions';
import { FrontmatterCompletionProvider } from './language/completionProvider';
import { DecisionDecorations } from './views/decisionDecorations';
import { DecisionsView } from './views/decisionsView';
import { offerAddOwnersOnce } from './commands/unownedOffer';
import { DecisionCodeLensProvider, GO_TO_REVIEW_DATE_COMMAND, REVIEWED_TODAY_COMMAND } from './language/codeLens';
import { goToReviewDate, reviewedToday } from './commands/reviewCommands';
import { onDidCancelWrite, onWillWrite } from './commands/plannedWrite';
import { DiagnosticsController } from './language/diagnostics';
import { generateIndex } from './commands/indexCommand';
import { GRAPH_PANEL, REPORT_PANEL } from './views/insightPanels';
import { elevateDecision, overrideDecision, setOwnerCommand, setStatus, supersedeDecision, type OverrideArgs, type SupersedeArgs } from './commands/lifecycleCommands';
import { LivePanels } from './views/livePanel';
import { DecisionReferenceProvider } from './language/navigation';
import { newDecision, type NewDecisionArgs } from './commands/newDecisionCommand';
import { renumberDecision, renumberOptions } from './commands/renumberCommand';
import { WorkspaceIndex } from './index/workspaceIndex';
import { WorkspaceReferences } from './index/workspaceReferences';
import { DocumentReferences } from './index/documentReferences';
import { StartupTimings } from './startupTimings';
import { BranchChecks } from './branch/branchChecks';
import { BranchDecorations } from './branch/branchDecorations';
import { BranchFixProvider } from './branch/branchFixes';
import { gitExtensionSource } from './branch/repositorySource';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };
/** Decisions are mentioned in code comments of any language, and in docs. */
const ANY_FILE: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }];

/** Composition root: builds the services, registers them, and starts indexing in the background. */
export function activate(context: vscode.ExtensionContext): AdrRolesApi {
  const timings = new StartupTimings();
  const index = new WorkspaceIndex(context.storageUri, timings);
  const view = new DecisionsView(index, context.workspaceState, timings);
  const panels = new LivePanels(context.extensionUri, index);
  const documentReferences = new DocumentReferences();
  const references = new WorkspaceReferences(index, documentReferences);
  const navigation = new DecisionReferenceProvider(index, references, documentReferences);
  const codeLens = new DecisionCodeLensProvider(index, references);
  const branchChecks = new BranchChecks(index, gitExtensionSource);
  const branchDecorations = new BranchDecorations(branchChecks);
  context.subscriptions.push(
    timings,
    references,
    codeLens,
    vscode.languages.registerHoverProvider(ANY_FILE, navigation),
    vscode.languages.registerDefinitionProvider(ANY_FILE, navigation),
    vscode.languages.registerDocumentLinkProvider(ANY_FILE, navigation),
    vscode.languages.registerReferenceProvider(ANY_FILE, navigation),
    vscode.languages.registerCodeLensProvider(MARKDOWN, codeLens),
    vscode.commands.registerCommand('adrRoles.generateIndex', () => generateIndex(index)),
    index,
    view,
    new DiagnosticsController(index, timings),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new FixProvider(index), FixProvider.metadata),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new FrontmatterCompletionProvider(index), ...FrontmatterCompletionProvider.triggerCharacters),
    vscode.commands.registerCommand('adrRoles.refresh', () => {
      references.reset();
      return view.indexWithProgress();
    }),
    vscode.commands.registerCommand('adrRoles.newDecision', (args?: NewDecisionArgs) => newDecision(index, isArgs(args) ? args : {})),
    vscode.commands.registerCommand('adrRoles.overrideDecision', (target?: unknown, args?: OverrideArgs) => overrideDecision(index, target, args)),
    vscode.commands.registerCommand('adrRoles.supersedeDecision', (target?: unknown, args?: SupersedeArgs) => supersedeDecision(index, target, args)),
    vscode.commands.registerCommand('adrRoles.elevateDecision', (target?: unknown) => elevateDecision(index, target)),
    vscode.commands.registerCommand('adrRoles.setOwner', (target?: unknown, owner?: string) => setOwnerCommand(index, target, typeof owner === 'string' ? owner : undefined)),
    vscode.commands.registerCommand('adrRoles.setStatus', (target?: unknown, status?: string) => setStatus(index, target, status)),
    vscode.commands.registerCommand('adrRoles.addOwners', (args?: AddOwnersArgs) => addOwners(index, typeof args === 'object' && args !== null && !('type' in args) ? args : {})),
    vscode.commands.registerCommand(REVIEWED_TODAY_COMMAND, (target?: unknown) => reviewedToday(index, target)),
    vscode.commands.registerCommand(GO_TO_REVIEW_DATE_COMMAND, (target?: unknown) => goToReviewDate(index, target)),
    vscode.commands.registerCommand('adrRoles.renumber', (target?: unknown, options?: unknown) => renumberDecision(index, target, renumberOptions(options))),
    vscode.window.registerFileDecorationProvider(new DecisionDecorations(index)),
    branchChecks,
    branchDecorations,
    vscode.window.registerFileDecorationProvider(branchDecorations),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new BranchFixProvider(index, branchChecks), BranchFixProvider.metadata),
    panels,
    vscode.commands.registerCommand('adrRoles.showGraph', () => { panels.show(GRAPH_PANEL); }),
    vscode.commands.registerCommand('adrRoles.showReport', () => { panels.show(REPORT_PANEL); }),
  );
  // Indexing reads every decision file: never inside activate's synchronous part.
  void view.indexWithProgress();
  // The branch is compared once the index is there (the checks wait for it), then on every change.
  branchChecks.schedule();
  context.subscriptions.push(offerAddOwnersOnce(index, context.workspaceState));
  return {
    whenIndexed: () => index.whenIndexed(),
    onDidChange: index.onDidChange,
    onDidRenderPanel: panels.onDidRender,
    onWillWrite,
    onDidCancelWrite,
    tree: () => view.rows(),
    treeDescription: () => view.description(),
    treeBadge: () => view.badge(),
    treeSelection: () => view.selection(),
    onDidRevealInTree: view.onDidReveal,
    decisions: () => index.decisions(),
    referenceScan: () => references.stats(),
    startupTimings: () => timings.snapshot(),
    onDidCheckBranch: branchChecks.onDidCheck,
    branchCheckOutput: () => branchChecks.outputLines(),
    branchMark(uri) {
      const decoration = branchDecorations.provideFileDecoration(vscode.Uri.parse(uri));
      return decoration ? { badge: decoration.badge ?? '', tooltip: decoration.tooltip ?? '' } : undefined;
    },
    problemsFor(uri) {
      const decision = index.findByUri(vscode.Uri.parse(uri));
      return decision ? index.problemsFor(decision) : [];
    },
  };
}

/** Menus pass the clicked tree item as the first argument; only plain objects of our shape are arguments. */
function isArgs(value: unknown): value is NewDecisionArgs {
  return typeof value === 'object' && value !== null && !('type' in value) && ['title', 'owner', 'folder'].some((k) => k in value);
}

export function deactivate(): void {}
