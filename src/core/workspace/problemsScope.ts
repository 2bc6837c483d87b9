/** Which files report to the Problems panel (the `adrRoles.problems.scope` setting). */
export type ProblemsScope = 'workspace' | 'openFiles';

/**
 * The entries, by file key, that the Problems panel shows under `scope`: every one, or with
 * `openFiles` only those of files open in the editor. One rule for every kind of problem: the
 * decisions' own, skipped files', and the branch checks'.
 */
export function inProblemsScope<T>(entries: Iterable<readonly [string, T]>, scope: ProblemsScope, open: ReadonlySet<string>): [string, T][] {
  const shown: [string, T][] = [];
  for (const [key, value] of entries) if (scope === 'workspace' || open.has(key)) shown.push([key, value]);
  return shown;
}
