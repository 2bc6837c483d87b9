import * as vscode from 'vscode';
import type { AdrRolesConfig, Role } from '../core/config';
import { isoDate } from '../core/dates';
import { setStatusEdits } from '../core/decisionEdits';
import { elevateEdits } from '../core/fixes';
import { resolveRole } from '../core/config';
import { planOverride, planSupersede, type SuccessorPlan } from '../core/lifecycle';
import { KNOWN_STATUSES, type Decision, type Trigger } from '../core/model';
import { parseDecision } from '../core/parse';
import type { TextEdit } from '../core/textEdit';
import { toRange } from './convert';
import { applyEdit, createExclusively, releaseNumber, currentText, openAt, reserveNextNumber, templateText } from './decisionFiles';
import { resolveDecision } from './decisionTarget';
import type { WorkspaceIndex } from './workspaceIndex';

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

function addEdits(edit: vscode.WorkspaceEdit, uri: vscode.Uri, edits: readonly TextEdit[]): void {
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
}

/** Everything a successor command needs about the decision it replaces, or a message why not. */
async function successorContext(index: WorkspaceIndex, decision: Decision) {
  const uri = index.uriOf(decision);
  const config = index.configFor(decision);
  const text = uri && (await currentText(uri));
  if (!uri || !config || text === undefined) {
    void vscode.window.showErrorMessage(`${decision.id} cannot be read any more: nothing was changed.`);
    return undefined;
  }
  const folder = vscode.Uri.joinPath(uri, '..');
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri ?? folder;
  // Ranges must come from the text being edited, which may be newer than the index.
  const fresh = parseDecision(decision.file, text);
  return { uri, config, text, folder, root, fresh };
}

/** Creates the successor and marks the old decision in one WorkspaceEdit: one undo restores both. */
async function writeSuccessor(index: WorkspaceIndex, decision: Decision, plan: (number: number, template: string, text: string, old: Decision) => SuccessorPlan): Promise<vscode.Uri | undefined> {
  const context = await successorContext(index, decision);
  if (!context) return undefined;
  const template = await templateText(context.config, context.root);
  let number = 0;
  for (let attempt = 0; attempt < 20; attempt++) {
    number = await reserveNextNumber(context.folder, number);
    const planned = plan(number, template, context.text, context.fresh);
    const newUri = vscode.Uri.joinPath(context.folder, planned.fileName);
    const edit = new vscode.WorkspaceEdit();
    createExclusively(edit, newUri, planned.text);
    addEdits(edit, context.uri, planned.oldEdits);
    const applied = await applyEdit(edit);
    releaseNumber(context.folder, number);
    if (applied) {
      await openAt(newUri, planned.cursorOffset);
      return newUri;
    }
  }
  void vscode.window.showErrorMessage(`No free decision number found next to ${decision.id}: nothing was changed.`);
  return undefined;
}

/** "ADR: Override Decision…": a new decision replaces this one because a new resource or requirement emerged. */
export async function overrideDecision(index: WorkspaceIndex, arg: unknown, args: OverrideArgs = {}): Promise<vscode.Uri | undefined> {
  const decision = await resolveDecision(index, arg, 'Which decision is overridden?', (d) => d.status?.value !== 'overridden');
  if (!decision) return undefined;
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
  const config = index.configFor(decision);
  // The essay's case: the CTO overrides when something new emerges.
  const owner = args.owner ?? (config ? strategyRoles(config)[0]?.id : undefined) ?? config?.roles[0]?.id ?? 'cto';
  const date = isoDate(new Date());
  return writeSuccessor(index, decision, (number, template, oldText, old) =>
    planOverride({ old, oldText, number, title: title.trim(), owner, date, template, trigger, triggerDetail }),
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
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: `Supersede ${decision.id}`,
      prompt: 'Title of the new decision',
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : 'A decision needs a title.'),
    }));
  if (title === undefined) return undefined;
  const owner = args.owner ?? (decision.owner?.value || index.configFor(decision)?.roles[0]?.id || 'cto');
  const date = isoDate(new Date());
  return writeSuccessor(index, decision, (number, template, oldText, old) => planSupersede({ old, oldText, number, title: title.trim(), owner, date, template }));
}

/** "ADR: Elevate to CTO": the strategy role takes an execution decision over, with a record of it. */
export async function elevateDecision(index: WorkspaceIndex, arg: unknown): Promise<boolean> {
  const decision = await resolveDecision(index, arg, 'Which decision does the CTO take over?', (d) => !d.elevatedFrom);
  if (!decision) return false;
  const context = await successorContext(index, decision);
  if (!context) return false;
  const from = decision.owner ? resolveRole(decision.owner.value, context.config.roles) : undefined;
  const strategy = strategyRoles(context.config);
  if (from?.kind === 'strategy') {
    void vscode.window.showInformationMessage(`${decision.id} is already owned by ${from.label}, a strategy role.`);
    return false;
  }
  const to =
    strategy.length <= 1
      ? strategy[0]
      : (await vscode.window.showQuickPick(strategy.map((r) => ({ label: r.label, description: r.kind, role: r })), { title: `Elevate ${decision.id} to` }))?.role;
  if (!to) {
    if (strategy.length === 0) void vscode.window.showErrorMessage('No role of kind "strategy" is configured to elevate to.');
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  addEdits(edit, context.uri, elevateEdits(context.text, context.fresh, to.id, from?.id ?? decision.owner?.value ?? 'none', isoDate(new Date())));
  return applyEdit(edit);
}

/** "ADR: Set Status…", written in the file's own format. */
export async function setStatus(index: WorkspaceIndex, arg: unknown, status?: string): Promise<boolean> {
  const decision = await resolveDecision(index, arg, 'Which decision?');
  if (!decision) return false;
  const chosen =
    status ??
    (await vscode.window.showQuickPick(
      KNOWN_STATUSES.filter((s) => s !== decision.status?.value),
      { title: `Status of ${decision.id} (now ${decision.status?.value ?? 'none'})` },
    ));
  if (!chosen) return false;
  const context = await successorContext(index, decision);
  if (!context) return false;
  const edit = new vscode.WorkspaceEdit();
  addEdits(edit, context.uri, setStatusEdits(context.text, context.fresh, chosen));
  return applyEdit(edit);
}
