/**
 * From this many unowned decisions on, the log is offered Add Owners once: below it, the
 * missing-owner problems and the view's badge say enough; above it they are a wall of warnings.
 */
export const MANY_UNOWNED = 10;

export const ADD_OWNERS = 'Add Owners…';
export const NOT_NOW = 'Not now';

/** Whether a workspace with `unowned` decisions that count as missing an owner is offered Add Owners. */
export function offersAddOwners(unowned: number): boolean {
  return unowned >= MANY_UNOWNED;
}

export function unownedOfferText(unowned: number): string {
  return `${unowned.toLocaleString('en-US')} decisions have no owner: the record does not say which role decides and answers for them.`;
}
