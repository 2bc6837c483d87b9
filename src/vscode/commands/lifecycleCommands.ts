import * as vscode from 'vscode';
import { showError, showInfo, showWarning } from '../notifications';
import { resolveRole, type Role } from '../../core/workspace/config';
import { isoDate } from '../../core/read/dates';
import { setStatusEdits } from '../../core/edit/decisionEdits';
import { elevateEdits } from '../../core/edit/fixes';
import { addOwnerEdits } from '../../core/edit/migrate';
import { planOverride, planSupersede, type SuccessorPlan } from '../../core/edit/lifecycle';
import {
  canElevate,
  checkElevation,
  checkTriggerDetail,
  defaultSuccessorStatus,
  overrideOwners,
  ownerRole,
  statusRoute,
  SUCCESSOR_STATUSES,
  supersedeOwner,
  type SuccessorStatus,
} from '../../core/edit/lifecycleGuards';
import {
  contextNote,
  DETAIL_REQUIRED,
  detailPrompt,
  elevatedText,
  elevationRefusal,
  overriddenText,
  overrideOwnerItems,
  routedStatusDetail,
  NO_DECISION_TO_ELEVATE,
  SET_OWNER,
  statusSetText,
  stepTitle,
  successorStatusItems,
  supersededText,
  supersedeOwnerPlaceholder,
  WHICH_DECISION,
  WHICH_DECISION_OWNER,
  type ChoiceItem,
  type LifecycleCommand,
} from '../../core/views/lifecycleText';
import { roleName, STATUS_CHOICES, TRIGGER_CHOICES } from '../../core/views/vocabulary';
import { ownerOf } from '../../core/views/decisionText';
import { TRIGGERS, type Decision, type Trigger } from '../../core/model';
import { parseDecision } from '../../core/read/parse';
import { newDecisionFileName } from '../../core/edit/scaffold';
import type { FolderFormat } from '../../core/workspace/folderFormat';
import { dirName } from '../../core/workspace/paths';
import type { TextEdit } from '../../core/edit/textEdit';
import { currentText, openAt, releaseNumber, reserveNextNumber, templateText } from './decisionFiles';
import { applyPlannedWrite, type BasisFile, type PlannedWrite, type WriteOutcome } from './plannedWrite';
import { resolveDecision } from './decisionTarget';
import { notifyWritten } from './undoWrite';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** Arguments for running the commands without prompts: each one given is not asked. */
export interface OverrideArgs {
  trigger?: Trigger;
  /** What emerged; empty is refused (`unknown` is an answer). */
  triggerDetail?: string;
  title?: string;
  owner?: string;
  status?: SuccessorStatus;
}

export interface SupersedeArgs {
  title?: string;
  owner?: string;
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
  return { command, uri, config, roles: config.roles, text, folder, root, fresh, basis, format };
}

type DecisionContext = NonNullable<Awaited<ReturnType<typeof decisionContext>>>;

/** Counts the questions a command will ask, so each title says `(2/5)`. */
class Steps {
  private asked = 0;
  constructor(
    private readonly command: LifecycleCommand,
    private readonly target: Decision,
    private readonly total: number,
  ) {}

  next(): string {
    return stepTitle(this.command, this.target, ++this.asked, this.total);
  }
}

async function pick<T>(items: readonly ChoiceItem<T>[], title: string, placeHolder: string): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(
    items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, value: item.value })),
    { title, placeHolder, ignoreFocusOut: true },
  );
  return picked?.value;
}

async function askTitle(title: string): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({ title, prompt: 'Title of the new decision', ignoreFocusOut: true, validateInput: (value) => (value.trim() ? undefined : 'A decision needs a title.') });
  return answer?.trim();
}

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
async function writeSuccessor(context: DecisionContext, plan: (successor: Successor) => SuccessorPlan): Promise<{ uri: vscode.Uri; id: string; write: PlannedWrite } | undefined> {
  const template = await templateText(context.config, context.root, context.format);
  const date = isoDate(new Date());
  let number = 0;
  for (let attempt = 0; attempt < 20; attempt++) {
    number = await reserveNextNumber(context.folder, number);
    const successor: Successor = { number, template, oldText: context.text, old: context.fresh, date, format: context.format, attempt };
    const planned = plan(successor);
    const newUri = vscode.Uri.joinPath(context.folder, planned.fileName);
    const write: PlannedWrite = {
      command: context.command,
      basis: [context.basis],
      creates: [{ uri: newUri, text: planned.text }],
      edits: [{ uri: context.uri, edits: planned.oldEdits }],
    };
    const outcome = await applyPlannedWrite(write);
    releaseNumber(context.folder, number);
    if (outcome === 'written') {
      await openAt(newUri, planned.cursorOffset);
      return { uri: newUri, id: planned.id, write };
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

/** A role given as an argument, or a message saying it is none. */
function givenRole(context: DecisionContext, owner: string): Role | undefined {
  const role = resolveRole(owner, context.roles);
  if (!role) void showError(`'${owner}' is not a configured role: ${context.command} changed nothing.`);
  return role;
}

/**
 * "ADR: Override Decision…": a new decision replaces this one because a new resource or
 * requirement emerged. Asks what emerged, what it is (never nothing), the title, the owner (the
 * overridden decision's role first) and the status; every step names the decision overridden.
 */
export async function overrideDecision(index: WorkspaceIndex, arg: unknown, args: OverrideArgs = {}): Promise<vscode.Uri | undefined> {
  const decision = await resolveDecision(index, arg, WHICH_DECISION.Override, (d) => d.status?.value !== 'overridden');
  if (!decision) return undefined;
  // Read before asking: the answers are about the decision as it read then, so a change meanwhile cancels the write.
  const context = await decisionContext(index, decision, 'Override');
  if (!context) return undefined;
  const target = context.fresh;
  if (args.trigger !== undefined && !TRIGGERS.includes(args.trigger)) {
    void showError(`'${String(args.trigger)}' is not a trigger: an override happens because of a new-resource or a new-requirement. Override changed nothing.`);
    return undefined;
  }
  if (args.triggerDetail !== undefined && !checkTriggerDetail(args.triggerDetail).ok) {
    void showError(`${DETAIL_REQUIRED} Override changed nothing.`);
    return undefined;
  }
  const owners = overrideOwners(target, context.roles);
  const asks = [args.trigger, args.triggerDetail, args.title, owners.length > 1 ? args.owner : '', args.status].filter((a) => a === undefined).length;
  const steps = new Steps('Override', target, asks);

  const trigger = args.trigger ?? (await pick(TRIGGER_CHOICES.map((t) => ({ label: t.label, description: t.trigger, detail: t.detail, value: t.trigger })), steps.next(), 'What emerged that did not exist when the decision was made?'));
  if (!trigger) return undefined;
  const written =
    args.triggerDetail ??
    (await vscode.window.showInputBox({ title: steps.next(), prompt: detailPrompt(trigger), ignoreFocusOut: true, validateInput: (value) => (checkTriggerDetail(value).ok ? undefined : DETAIL_REQUIRED) }));
  const detail = checkTriggerDetail(written);
  if (!detail.ok) return undefined;
  const title = args.title?.trim() || (args.title === undefined ? await askTitle(steps.next()) : undefined);
  if (!title) return undefined;
  const owner =
    args.owner !== undefined
      ? givenRole(context, args.owner)
      : owners.length === 1
        ? owners[0]?.role
        : await pick(overrideOwnerItems(owners, target), steps.next(), `Who owns the decision that overrides ${target.id}?`);
  if (!owner) return undefined;
  const status = args.status ?? (await pick(successorStatusItems(target, defaultSuccessorStatus(owner, target, context.roles)), steps.next(), 'Is the new decision in force now?'));
  if (!status || !SUCCESSOR_STATUSES.includes(status)) return undefined;

  const note = contextNote(target, trigger, detail.detail);
  const result = await writeSuccessor(context, (s) =>
    planOverride({ ...s, title, owner: owner.id, status, trigger, triggerDetail: detail.detail, contextNote: note, fileName: successorFileName(s, title) }),
  );
  if (!result) return undefined;
  notifyWritten(overriddenText(result.id, target, trigger, detail.detail, status), 'Override', [result.write]);
  return result.uri;
}

/**
 * "ADR: Supersede Decision…": a new decision replaces this one, written in the old file's format.
 * Its owner is the old decision's role; when that names none, it is asked, never assumed.
 */
export async function supersedeDecision(index: WorkspaceIndex, arg: unknown, args: SupersedeArgs = {}): Promise<vscode.Uri | undefined> {
  const decision = await resolveDecision(index, arg, WHICH_DECISION.Supersede, (d) => d.status?.value !== 'superseded');
  if (!decision) return undefined;
  const context = await decisionContext(index, decision, 'Supersede');
  if (!context) return undefined;
  const target = context.fresh;
  const inherited = supersedeOwner(target, context.roles);
  const steps = new Steps('Supersede', target, (args.title === undefined ? 1 : 0) + (args.owner === undefined && 'ask' in inherited ? 1 : 0));
  const title = args.title?.trim() || (args.title === undefined ? await askTitle(steps.next()) : undefined);
  if (!title) return undefined;
  const owner =
    args.owner !== undefined
      ? givenRole(context, args.owner)
      : 'owner' in inherited
        ? inherited.owner
        : await pick(inherited.ask.map((role) => ({ label: roleName(role), detail: role.description, value: role })), steps.next(), supersedeOwnerPlaceholder(target));
  if (!owner) return undefined;
  const result = await writeSuccessor(context, (s) => planSupersede({ ...s, title, owner: owner.id, fileName: successorFileName(s, title) }));
  if (!result) return undefined;
  notifyWritten(supersededText(result.id, target), 'Supersede', [result.write]);
  return result.uri;
}

/**
 * "ADR: Elevate to CTO": a strategy role takes an execution role's decision over, with a record of
 * from whom and when. Anything else is refused with the reason; an unowned decision is offered Set
 * Owner instead, since `elevated-from` needs a role to name.
 */
export async function elevateDecision(index: WorkspaceIndex, arg: unknown): Promise<boolean> {
  // The open decision is used even when it cannot be elevated, so that the refusal says why.
  const decision = await resolveDecision(index, arg, WHICH_DECISION.Elevate, (d) => canElevate(d, index.configFor(d)?.roles ?? []), {
    activeEvenIfFiltered: true,
    none: NO_DECISION_TO_ELEVATE,
  });
  if (!decision) return false;
  const context = await decisionContext(index, decision, 'Elevate');
  if (!context) return false;
  const check = checkElevation(context.fresh, context.roles);
  if (!check.ok) {
    const refusal = elevationRefusal(check, context.fresh);
    const choice = await (refusal.offerSetOwner ? showWarning(refusal.message, SET_OWNER) : showInfo(refusal.message));
    if (choice === SET_OWNER) await setOwner(context);
    return false;
  }
  const to =
    check.to.length === 1
      ? check.to[0]
      : await pick(check.to.map((role) => ({ label: roleName(role), detail: role.description, value: role })), stepTitle('Elevate', context.fresh), `Which strategy role takes ${decision.id} over from ${roleName(check.from)}?`);
  if (!to) return false;
  const edits = elevateEdits(context.text, context.fresh, to.id, check.from.id, isoDate(new Date()), context.format);
  return writeEdits(context, edits, elevatedText(context.fresh, check.from, to));
}

/**
 * "ADR: Set Owner…", also what the owner CodeLens runs on a decision with no owner or one that is
 * not a configured role: the role is picked (or given) and written in the file's own format.
 */
export async function setOwnerCommand(index: WorkspaceIndex, arg: unknown, owner?: string): Promise<boolean> {
  const decision = await resolveDecision(index, arg, WHICH_DECISION_OWNER);
  if (!decision) return false;
  const context = await decisionContext(index, decision, 'Set Owner');
  if (!context) return false;
  if (owner === undefined) return setOwner(context);
  const role = givenRole(context, owner);
  return role ? writeOwner(context, role) : false;
}

/** The owner asked and written in the decision's format (Elevate's refusal offers this too). */
async function setOwner(context: DecisionContext): Promise<boolean> {
  const current = ownerRole(context.fresh, context.roles);
  const role = await pick(
    context.roles.filter((r) => r !== current).map((r) => ({ label: roleName(r), detail: r.description, value: r })),
    `Set owner of ${context.fresh.id} ${context.fresh.title?.value ?? ''}`.trimEnd(),
    `The role that decides and answers for it (now ${ownerOf(context.fresh, context.roles)})`,
  );
  return role ? writeOwner(context, role) : false;
}

async function writeOwner(context: DecisionContext, role: Role): Promise<boolean> {
  const edits = addOwnerEdits(context.text, context.fresh, role.id, context.format);
  if (edits.length === 0) {
    void showError(`${context.fresh.id}'s frontmatter cannot take an owner line safely: fix it, then set the owner.`);
    return false;
  }
  return writeEdits({ ...context, command: 'Set Owner' }, edits, `${context.fresh.id} is now owned by ${roleName(role)}.`);
}

/** Edits to the decision's own file only, checked against the text they were computed from; the notification offers Undo. */
async function writeEdits(context: DecisionContext, edits: readonly TextEdit[], message: string): Promise<boolean> {
  const write: PlannedWrite = { command: context.command, basis: [context.basis], edits: [{ uri: context.uri, edits }] };
  const outcome = await applyPlannedWrite(write);
  if (outcome !== 'written') {
    reportFailure(context, outcome);
    return false;
  }
  notifyWritten(message, context.command, [write]);
  return true;
}

/**
 * "ADR: Set Status…", written in the file's own format. `overridden` and `superseded` name a
 * successor, so they open Override and Supersede for this decision rather than being written bare.
 */
export async function setStatus(index: WorkspaceIndex, arg: unknown, status?: string): Promise<boolean> {
  const decision = await resolveDecision(index, arg, WHICH_DECISION['Set Status']);
  if (!decision) return false;
  const context = await decisionContext(index, decision, 'Set Status');
  if (!context) return false;
  const current = context.fresh.status?.value;
  const chosen =
    status ??
    (await pick(
      STATUS_CHOICES.filter((s) => s.status !== current).map((s) => {
        const route = statusRoute(s.status);
        return { label: s.status, description: s.description, detail: route === 'write' ? undefined : routedStatusDetail(route === 'override' ? 'overridden' : 'superseded'), value: s.status };
      }),
      `${stepTitle('Set Status', context.fresh)} (now ${current ?? 'no status'})`,
      'The new status, written where the file keeps it',
    ));
  if (!chosen) return false;
  const route = statusRoute(chosen);
  const self = { type: 'decision' as const, decision };
  if (route === 'override') return (await overrideDecision(index, self)) !== undefined;
  if (route === 'supersede') return (await supersedeDecision(index, self)) !== undefined;
  return writeEdits(context, setStatusEdits(context.text, context.fresh, chosen), statusSetText(context.fresh, chosen, current));
}
