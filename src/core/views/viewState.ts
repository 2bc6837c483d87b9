import { plainText } from './plainText';

/** How the Decisions view arranges its decisions. */
export type Grouping = 'role' | 'status' | 'chain' | 'flat';

export const GROUPINGS: readonly Grouping[] = ['role', 'status', 'chain', 'flat'];

/** What the view opens with, and what Reset View goes back to. */
export const DEFAULT_GROUPING: Grouping = 'role';

const GROUPING_NAMES: Record<Grouping, string> = {
  role: 'by owner role',
  status: 'by status',
  chain: 'by override chain',
  flat: 'as a list',
};

/** A filter longer than this is cut in the description: the view's title bar has one short line. */
const FILTER_SHOWN = 40;

/**
 * The view's description, next to its title: VS Code shows no checkmark for the active grouping in
 * a view's `…` menu, so the view says how it is arranged and what it is filtered on.
 */
export function viewDescription(grouping: Grouping, filter: string): string {
  const shown = plainText(filter);
  const cut = shown.length > FILTER_SHOWN ? `${shown.slice(0, FILTER_SHOWN - 1)}…` : shown;
  return cut ? `${GROUPING_NAMES[grouping]} · filter: ${cut}` : GROUPING_NAMES[grouping];
}

/** Whether the view shows everything the way it opens: Reset View has nothing to do then. */
export function isDefaultView(grouping: Grouping, filter: string): boolean {
  return grouping === DEFAULT_GROUPING && filter === '';
}
