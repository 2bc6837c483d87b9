import { resolveRole, type Role } from '../workspace/config';
import type { Decision } from '../model';

// What the lifecycle commands may write, decided before they ask or write anything: the faces ask
// the questions these leave open and refuse what these refuse, in views/lifecycleText.ts's words.

/** The role `owner:` names, if it names a configured one. */
export function ownerRole(decision: Decision, roles: readonly Role[]): Role | undefined {
  return decision.owner ? resolveRole(decision.owner.value, roles) : undefined;
}

export type ElevationRefusal =
  /** No `owner:`: there is no one to elevate from. */
  | 'unowned'
  /** `owner:` names no configured role. */
  | 'unknown-role'
  /** Owned by a strategy role already. */
  | 'strategy'
  /** Owned by a role that is neither strategy nor execution. */
  | 'not-execution'
  /** It already records an elevation. */
  | 'elevated'
  /** No strategy role is configured. */
  | 'no-strategy-role';

export type ElevationCheck = { ok: true; from: Role; to: Role[] } | { ok: false; reason: ElevationRefusal; owner: Role | undefined };

/**
 * Elevation goes from an execution role to a strategy role, and nothing else is one: an unowned
 * decision has no one to take it from (`elevated-from: none` would be recorded), and a change of
 * owner between two roles of the same kind is a correction, not an elevation.
 */
export function checkElevation(decision: Decision, roles: readonly Role[]): ElevationCheck {
  const owner = ownerRole(decision, roles);
  if (decision.elevatedFrom?.value.trim()) return { ok: false, reason: 'elevated', owner };
  if (!decision.owner?.value.trim()) return { ok: false, reason: 'unowned', owner };
  if (!owner) return { ok: false, reason: 'unknown-role', owner };
  if (owner.kind === 'strategy') return { ok: false, reason: 'strategy', owner };
  if (owner.kind !== 'execution') return { ok: false, reason: 'not-execution', owner };
  const to = roles.filter((r) => r.kind === 'strategy');
  if (to.length === 0) return { ok: false, reason: 'no-strategy-role', owner };
  return { ok: true, from: owner, to };
}

/** Whether a decision can be elevated: what the palette's list offers. */
export function canElevate(decision: Decision, roles: readonly Role[]): boolean {
  return checkElevation(decision, roles).ok;
}

/** A role offered as the owner of an overriding decision. */
export interface OwnerChoice {
  role: Role;
  /** The one offered first. */
  preferred: boolean;
  /** An execution role overriding a strategy decision: the `execution-overrides-strategy` warning would follow. */
  flagged: boolean;
}

/**
 * Who may own the decision that overrides `target`, the preferred first: the target's own role
 * (execution overriding its own decision stays execution's; a strategy decision is overridden by
 * strategy), or, for a decision whose owner names no role, the first strategy role, as the CTO
 * overrides when something new emerges. Every role is offered; the flagged ones say why.
 */
export function overrideOwners(target: Decision, roles: readonly Role[]): OwnerChoice[] {
  const own = ownerRole(target, roles);
  const preferred = own ?? roles.find((r) => r.kind === 'strategy') ?? roles[0];
  const flagged = (role: Role): boolean => role.kind === 'execution' && own?.kind === 'strategy';
  const ordered = preferred ? [preferred, ...roles.filter((r) => r !== preferred)] : [];
  return ordered.map((role) => ({ role, preferred: role === preferred, flagged: flagged(role) }));
}

/** The statuses an overriding or superseding decision is created with. */
export const SUCCESSOR_STATUSES = ['accepted', 'proposed'] as const;
export type SuccessorStatus = (typeof SUCCESSOR_STATUSES)[number];

/**
 * `accepted` (in force now; the old decision becomes overridden), unless the owner may not decide
 * it alone: an execution role overriding a strategy decision proposes, for the strategy role to accept.
 */
export function defaultSuccessorStatus(owner: Role | undefined, target: Decision, roles: readonly Role[]): SuccessorStatus {
  return owner?.kind === 'execution' && ownerRole(target, roles)?.kind === 'strategy' ? 'proposed' : 'accepted';
}

/** What a person types when they know something emerged but not yet what. */
export const UNKNOWN_DETAIL = 'unknown';

/**
 * What emerged, as it will be written in `trigger-detail`: never empty, so the field is never
 * dropped. `unknown`, in any case, is kept as the explicit answer it is.
 */
export function checkTriggerDetail(value: string | undefined): { ok: true; detail: string } | { ok: false } {
  const detail = (value ?? '').replace(/\s+/g, ' ').trim();
  if (!detail) return { ok: false };
  return { ok: true, detail: detail.toLowerCase() === UNKNOWN_DETAIL ? UNKNOWN_DETAIL : detail };
}

/**
 * Where a status chosen in Set Status goes: `overridden` and `superseded` name a successor, so they
 * are the Override and Supersede commands' to write; any other status is written as it is.
 */
export function statusRoute(status: string): 'override' | 'supersede' | 'write' {
  const wanted = status.trim().toLowerCase();
  if (wanted === 'overridden') return 'override';
  if (wanted === 'superseded') return 'supersede';
  return 'write';
}

/**
 * The owner of a decision that supersedes `target`: the target's role when it names one; when it
 * names none, the person is asked (the target's owner, as written, is no role to copy), with the
 * first strategy role offered first.
 */
export function supersedeOwner(target: Decision, roles: readonly Role[]): { owner: Role } | { ask: Role[] } {
  const own = ownerRole(target, roles);
  if (own) return { owner: own };
  const first = roles.find((r) => r.kind === 'strategy') ?? roles[0];
  return { ask: first ? [first, ...roles.filter((r) => r !== first)] : [] };
}
