import type { Decision } from '../model';
import type { Role } from '../workspace/config';
import { UNKNOWN_DETAIL, type ElevationCheck, type OwnerChoice, type SuccessorStatus } from '../edit/lifecycleGuards';
import type { RenumberPlan } from '../edit/renumber';
import { becauseOf, decisionId, decisionLabel, relationText, roleName, statusName, triggerName } from './vocabulary';

// The words of the lifecycle commands' prompts and notifications: Override, Supersede, Elevate,
// Set Status, Renumber and their Undo. The commands in src/vscode only show them.

export type LifecycleCommand = 'Override' | 'Supersede' | 'Elevate' | 'Set Status' | 'Renumber';

/** `Override ADR-0002 Run a weekly on-call rotation (2/5)`: every step names the decision it acts on. */
export function stepTitle(command: LifecycleCommand, target: Decision, step?: number, total?: number): string {
  return `${command} ${decisionLabel(target)}${step !== undefined && total !== undefined && total > 1 ? ` (${step}/${total})` : ''}`;
}

/** The question of the pick that chooses the decision, when the command was started with none. */
export const WHICH_DECISION: Record<LifecycleCommand, string> = {
  Override: 'Which decision is overridden?',
  Supersede: 'Which decision is superseded?',
  Elevate: 'Which execution decision does a strategy role take over?',
  'Set Status': 'Which decision gets a new status?',
  Renumber: 'Which decision gets a new number?',
};

/** Set Owner's question when the palette does not say which decision. */
export const WHICH_DECISION_OWNER = 'Which decision gets an owner?';

/** The question of the second Override step, after the trigger. */
export function detailPrompt(trigger: string): string {
  const what = trigger === 'new-resource' ? 'What new resource emerged? (a team, a vendor contract, a budget…)' : 'What new requirement emerged?';
  return `${what} Type ${UNKNOWN_DETAIL} if it is not known yet.`;
}

/** Why the detail box refuses an empty answer. */
export const DETAIL_REQUIRED = `Say what emerged, or type ${UNKNOWN_DETAIL}: it is written in trigger-detail, so that the override says why.`;

/**
 * The first paragraph of the overriding decision's Context section: what it overrides and why.
 * `unknown` is said as such, not written as if it were what emerged.
 */
export function contextNote(target: Decision, trigger: string, detail: string): string {
  const title = target.title?.value ? ` (${target.title.value})` : '';
  const why = detail === UNKNOWN_DETAIL ? `because of a ${triggerName(trigger)}, not yet named` : becauseOf(trigger, detail);
  return `This decision overrides ${target.id}${title} ${why}.`;
}

export interface ChoiceItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

/** The owner pick of Override: the preferred role first, flagged roles saying what would follow. */
export function overrideOwnerItems(choices: readonly OwnerChoice[], target: Decision): ChoiceItem<Role>[] {
  return choices.map((choice) => ({
    label: roleName(choice.role),
    description: choice.preferred ? (target.owner && choice.role.id.toLowerCase() === target.owner.value.trim().toLowerCase() ? `owns ${target.id}` : 'suggested') : undefined,
    detail: choice.flagged ? `Flagged: an execution role overriding a strategy decision (execution-overrides-strategy). It is created proposed, for the strategy role to accept.` : choice.role.description,
    value: choice.role,
  }));
}

/** The status pick of Override and its default first. */
export function successorStatusItems(target: Decision, preferred: SuccessorStatus): ChoiceItem<SuccessorStatus>[] {
  const items: ChoiceItem<SuccessorStatus>[] = [
    { label: 'accepted', description: 'in force now', detail: `${target.id} becomes ${statusName('overridden')}, with a link to the new decision.`, value: 'accepted' },
    { label: 'proposed', description: 'to be accepted later', detail: `${target.id} keeps its status and links to the new decision until it is accepted.`, value: 'proposed' },
  ];
  return preferred === 'accepted' ? items : [...items].reverse();
}

/** The owner pick of Supersede, for a decision whose owner names no role. */
export function supersedeOwnerPlaceholder(target: Decision): string {
  return target.owner ? `${target.id}'s owner '${target.owner.value}' is not a configured role: who owns the new decision?` : `${target.id} names no owner: who owns the new decision?`;
}

/** What Elevate says when it refuses, and whether it offers to set the owner instead. */
export function elevationRefusal(check: Extract<ElevationCheck, { ok: false }>, decision: Decision): { message: string; offerSetOwner: boolean } {
  const rule = 'Elevation hands a decision from an execution role to a strategy role';
  switch (check.reason) {
    case 'unowned':
      return { message: `${decision.id} names no owner, so there is no role to elevate it from. ${rule}: set its owner first.`, offerSetOwner: true };
    case 'unknown-role':
      return { message: `${decision.id}'s owner '${decision.owner?.value ?? ''}' is not a configured role, so it cannot be elevated. ${rule}: correct its owner first.`, offerSetOwner: true };
    case 'strategy':
      return { message: `${decision.id} is already owned by ${check.owner ? roleName(check.owner) : 'a strategy role'}, a strategy role. ${rule}.`, offerSetOwner: false };
    case 'not-execution':
      return { message: `${decision.id} is owned by ${check.owner ? roleName(check.owner) : 'a role'}, which is not an execution role. ${rule}.`, offerSetOwner: false };
    case 'elevated':
      return { message: `${decision.id} was already elevated from ${decision.elevatedFrom?.value ?? 'another role'}.`, offerSetOwner: false };
    case 'no-strategy-role':
      return { message: `No strategy role is configured to elevate ${decision.id} to. ${rule}: add one in .adr-roles.yml or the adrRoles.roles setting.`, offerSetOwner: false };
  }
}

/** Elevate from the palette when no decision can be elevated. */
export const NO_DECISION_TO_ELEVATE = 'No decision owned by an execution role is left to elevate: elevation hands a decision from an execution role to a strategy role.';

/** The button of Elevate's refusal that sets the owner instead. */
export const SET_OWNER = 'Set Owner…';

export function elevatedText(decision: Decision, from: Role, to: Role): string {
  return `${decision.id} elevated from ${roleName(from)} to ${roleName(to)}, with today's date.`;
}

export function overriddenText(created: string, target: Decision, trigger: string, detail: string, status: SuccessorStatus): string {
  const why = detail === UNKNOWN_DETAIL ? `because of a ${triggerName(trigger)}` : becauseOf(trigger, detail);
  return `${created} ${status === 'accepted' ? 'overrides' : 'proposes to override'} ${target.id} ${why}.`;
}

export function supersededText(created: string, target: Decision): string {
  return `${created} ${relationText('supersedes', target.id)}.`;
}

/** The detail of Set Status's `overridden` and `superseded`: they open the commands that name the successor. */
export function routedStatusDetail(status: 'overridden' | 'superseded'): string {
  return status === 'overridden'
    ? 'Opens Override Decision…: the new decision that overrides it is created, with what emerged, and both are linked.'
    : 'Opens Supersede Decision…: the new decision that supersedes it is created, and both are linked.';
}

export function statusSetText(decision: Decision, status: string, was: string | null | undefined): string {
  return `${decision.id} is now ${statusName(status)}${was ? ` (was ${statusName(was)})` : ''}.`;
}

/** Renumber's confirmation: what is renamed, what is rewritten, and what is left as written. */
export function renumberPreview(decision: Decision, newNumber: number, plan: RenumberPlan, pathOf: (path: string) => string): { message: string; detail: string } {
  const oldName = decision.file.slice(decision.file.lastIndexOf('/') + 1);
  const lines = [`Renames ${oldName} to ${plan.newFileName}.`];
  const own = plan.rewrites.get(decision.file);
  if (own) lines.push(`In the decision itself: ${rewritesText(own)}.`);
  for (const [path, rewrites] of plan.rewrites) if (path !== decision.file) lines.push(`${pathOf(path)}: ${rewritesText(rewrites)}.`);
  if (plan.rewrites.size === 0 || (plan.rewrites.size === 1 && own)) lines.push('No other file links to it or mentions it.');
  if (plan.ambiguous > 0) {
    lines.push(`Leaves ${count(plan.ambiguous, 'mention')} of ${decision.id} as written: another decision has that number too, so ${plan.ambiguous === 1 ? 'it' : 'they'} may mean either.`);
  }
  return { message: `Renumber ${decision.id} to ${decisionId(newNumber)}?`, detail: lines.join('\n') };
}

/** The button of Renumber's confirmation. */
export const RENUMBER = 'Renumber';

function rewritesText(rewrites: { links: number; mentions: number; numbers: number }): string {
  const parts = [
    rewrites.links > 0 ? `${count(rewrites.links, 'link')} rewritten` : '',
    rewrites.mentions > 0 ? `${count(rewrites.mentions, 'mention')} rewritten` : '',
    rewrites.numbers > 0 ? `${count(rewrites.numbers, 'number')} in its heading or fields rewritten` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function renumberedText(decision: Decision, newNumber: number, plan: RenumberPlan): string {
  const updated = [...plan.rewrites].filter(([path]) => path !== decision.file).reduce((sum, [, r]) => sum + r.links + r.mentions + r.numbers, 0);
  const left = plan.ambiguous > 0 ? ` ${count(plan.ambiguous, 'mention')} of ${decision.id} elsewhere may mean either decision with that number and ${plan.ambiguous === 1 ? 'was' : 'were'} left as written.` : '';
  return `${decision.id} is now ${decisionId(newNumber)} (${plan.newFileName}); ${count(updated, 'reference')} updated.${left}`;
}

export function undoneText(command: string): string {
  return `${command} undone.`;
}

/** Undo refused: a file changed since the command wrote it (named when known). */
export function undoRefusedText(command: string, changed?: string): string {
  return changed
    ? `${changed} changed after ${command}: Undo changed nothing. Use Edit › Undo in its editor, or Git, to take the change back.`
    : `${command} could not be undone: nothing was changed.`;
}
