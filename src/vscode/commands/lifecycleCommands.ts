import * as vscode from 'vscode';
import { showError, showInfo } from '../notifications';
import type { AdrRolesConfig, Role } from '../../core/workspace/config';
import { isoDate } from '../../core/read/dates';
import { setStatusEdits } from '../../core/edit/decisionEdits';
import { elevateEdits } from '../../core/edit/fixes';
import { resolveRole } from '../../core/workspace/config';
import { planOverride, planSupersede, type SuccessorPlan } from '../../core/edit/lifecycle';
import { KNOWN_STATUSES, type Decision, type Trigger } from '../../core/model';
import { parseDecision } from '../../core/read/parse';
import { newDecisionFileName } from '../../core/edit/scaffold';
import type { FolderFormat } from '../../core/workspace/folderFormat';
import { dirName } from '../../core/workspace/paths';
import type { TextEdit } from '../../core/edit/textEdit';
import { currentText, openAt, releaseNumber, reserveNextNumber, templateText } from './decisionFiles';
import { applyPlannedWrite, type BasisFile, type WriteOutcome } from './plannedWrite';
import { resolveDecision } from './decisionTarget';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** Arguments for running the commands without prompts. */
export interface OverrideArgs {
  trigger?: Trigger;
  triggerDetail?: string;
  title?: string;
  owner?: string;
}

function strategyRoles(config: AdrRolesConfig): Role[] {
  return config.roles.filter((r) => r.kind === 'strategy');
}

/**
 * What a command knows about the decision it acts on, read when it starts: the text it plans
 * from, and so the basis its write is checked against. Undefined, with a message, if unreadable.
 */
async function decisionContext(index: WorkspaceIndex, decision: Decision, command: string) {
  const uri = index.uriOf(decision);
  const config = index.configFor(decision);
  const text = uri && (await currentText(uri));
  if (!uri || !config || text === undefined) {
    void showError(`${decision.id} cannot be read any more: ${command} changed nothing.`);
    return undefined;
  }
  const folder = vscode.Uri.joinPath(uri, '..');
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri ?? folder;
  // Ranges must come from the text being edited, which may be newer than the index.
  const fresh = parseDecision(decision.file, text);
  const basis: BasisFile = { uri, text, name: decision.id };
  const format = index.formatOf(dirName(decision.file));
  return { command, uri, config, text, folder, root, fresh, basis, format };
}

type DecisionContext = NonNullable<Awaited<ReturnType<typeof decisionContext>>>;

/** What a successor's plan is made from, for one attempt at a free number or name. */
interface Successor {
  number: number;
  template: string;
  oldText: string;
  old: Decision;
  date: string;
  format: FolderFormat;
  attempt: number;
}

/** The successor's name as its folder names files. */
function successorFileName(successor: Successor, title: string): string {
  return newDecisionFileName(successor.format, { number: successor.number, title, date: successor.date, attempt: successor.attempt });
}

/** Creates the successor and marks the old decision in one WorkspaceEdit: one undo restores both. */
async function writeSuccessor(context: DecisionContext, plan: (successor: Successor) => SuccessorPlan): Promise<vscode.Uri | undefined> {
  const template = await templateText(context.config, context.root, context.format);
  const date = isoDate(new Date());
  let number = 0;
  for (let attempt = 0; attempt < 20; attempt++) {
    number = await reserveNextNumber(context.folder, number);
    const successor: Successor = { number, template, oldText: context.text, old: context.fresh, date, format: context.format, attempt };
    const planned = plan(successor);
    const newUri = vscode.Uri.joinPath(context.folder, planned.fileName);
    const outcome = await applyPlannedWrite({
      command: context.command,
      basis: [context.basis],
      creates: [{ uri: newUri, text: planned.text }],
      edits: [{ uri: context.uri, edits: planned.oldEdits }],
    });
    releaseNumber(context.folder, number);
    if (outcome === 'written') {
      await openAt(newUri, planned.cursorOffset);
      return newUri;
    }
    // A file that appeared with this number (another window, a git pull): try the next one.
    if (outcome !== 'taken') return reportFailure(context, outcome);
  }
  void showError(`No free decision number found next to ${context.basis.name}: nothing was changed.`);
  return undefined;
}

/** `changed` and `refused` were already reported, naming the file; any other failure is reported here. */
function reportFailure(context: DecisionContext, outcome: WriteOutcome): undefined {
  if (outcome !== 'changed' && outcome !== 'refused') void showError(`${context.command} could not write ${context.basis.name}: nothing was changed.`);
  return undefined;
}

/** "ADR: Override Decision…": a new decision replaces this one because a new resource or requirement emerged. */
export async function overrideDecision(index: WorkspaceIndex, arg: unknown, args: OverrideArgs = {}): Promise<vscode.Uri | undefined> {
  const decision = await resolveDecision(index, arg, 'Which decision is overridden?', (d) => d.status?.value !== 'overridden');
  if (!decision) return undefined;
  // Read before asking: the answers are about the decision as it read then, so a change meanwhile cancels the write.
  const context = await decisionContext(index, decision, 'Override');
  if (!context) return undefined;
  const trigger = args.trigger ?? (await askTrigger());
  if (!trigger) return undefined;
  const triggerDetail =
    args.triggerDetail ??
    (await vscode.window.showInputBox({
      title: `Override ${decision.id} (2/3)`,
      prompt: trigger === 'new-resource' ? 'What new resource emerged? (a team, a vendor contract, a budget…)' : 'What new requirement emerged?',
      ignoreFocusOut: true,
    }));
  if (triggerDetail === undefined) return undefined;
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: `Override ${decision.id} (3/3)`,
      prompt: 'Title of the new decision',
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : 'A decision needs a title.'),
    }));
  if (title === undefined) return undefined;
  const config = context.config;
  // The essay's case: the CTO overrides when something new emerges.
  const owner = args.owner ?? strategyRoles(config)[0]?.id ?? config.roles[0]?.id ?? 'cto';
  return writeSuccessor(context, (s) =>
    planOverride({ ...s, title: title.trim(), owner, trigger, triggerDetail, fileName: successorFileName(s, title.trim()) }),
  );
}

async function askTrigger(): Promise<Trigger | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'New resource', description: 'new-resource', detail: 'A team, vendor, contract or budget that did not exist when the decision was made', trigger: 'new-resource' as const },
      { label: 'New requirement', description: 'new-requirement', detail: 'A need that did not exist when the decision was made', trigger: 'new-requirement' as const },
    ],
    { title: 'Override (1/3): what emerged?', ignoreFocusOut: true },
  );
  return picked?.trigger;
}

/** "ADR: Supersede Decision…": a new decision replaces this one, written in the old file's format. */
export async function supersedeDecision(index: WorkspaceIndex, arg: unknown, args: { title?: string; owner?: string } = {}): Promise<vscode.Uri | undefined> {
  const decision = await resolveDecision(index, arg, 'Which decision is superseded?', (d) => d.status?.value !== 'superseded');
  if (!decision) return undefined;
  const context = await decisionContext(index, decision, 'Supersede');
  if (!context) return undefined;
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: `Supersede ${decision.id}`,
      prompt: 'Title of the new decision',
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : 'A decision needs a title.'),
    }));
  if (title === undefined) return undefined;
  const owner = args.owner ?? (decision.owner?.value || context.config.roles[0]?.id || 'cto');
  return writeSuccessor(context, (s) => planSupersede({ ...s, title: title.trim(), owner, fileName: successorFileName(s, title.trim()) }));
}

/** "ADR: Elevate to CTO": the strategy role takes an execution decision over, with a record of it. */
export async function elevateDecision(index: WorkspaceIndex, arg: unknown): Promise<boolean> {
  const decision = await resolveDecision(index, arg, 'Which decision does the CTO take over?', (d) => !d.elevatedFrom);
  if (!decision) return false;
  const context = await decisionContext(index, decision, 'Elevate');
  if (!context) return false;
  const from = context.fresh.owner ? resolveRole(context.fresh.owner.value, context.config.roles) : undefined;
  const strategy = strategyRoles(context.config);
  if (from?.kind === 'strategy') {
    void showInfo(`${decision.id} is already owned by ${from.label}, a strategy role.`);
    return false;
  }
  const to =
    strategy.length <= 1
      ? strategy[0]
      : (await vscode.window.showQuickPick(strategy.map((r) => ({ label: r.label, description: r.kind, role: r })), { title: `Elevate ${decision.id} to` }))?.role;
  if (!to) {
    if (strategy.length === 0) void showError('No role of kind "strategy" is configured to elevate to.');
    return false;
  }
  const edits = elevateEdits(context.text, context.fresh, to.id, from?.id ?? context.fresh.owner?.value ?? 'none', isoDate(new Date()), context.format);
  return writeEdits(context, edits);
}

/** Edits to the decision's own file only, checked against the text they were computed from. */
async function writeEdits(context: DecisionContext, edits: readonly TextEdit[]): Promise<boolean> {
  const outcome = await applyPlannedWrite({ command: context.command, basis: [context.basis], edits: [{ uri: context.uri, edits }] });
  if (outcome === 'written') return true;
  reportFailure(context, outcome);
  return false;
}

/** "ADR: Set Status…", written in the file's own format. */
export async function setStatus(index: WorkspaceIndex, arg: unknown, status?: string): Promise<boolean> {
  const decision = await resolveDecision(index, arg, 'Which decision?');
  if (!decision) return false;
  const context = await decisionContext(index, decision, 'Set Status');
  if (!context) return false;
  const chosen =
    status ??
    (await vscode.window.showQuickPick(
      KNOWN_STATUSES.filter((s) => s !== decision.status?.value),
      { title: `Status of ${decision.id} (now ${decision.status?.value ?? 'none'})` },
    ));
  if (!chosen) return false;
  return writeEdits(context, setStatusEdits(context.text, context.fresh, chosen));
}
