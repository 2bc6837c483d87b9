import type { Decision, Problem } from '../core/model';

/**
 * What `activate` returns. Other extensions and the integration tests read the index through it
 * instead of reaching into module state.
 */
export interface AdrRolesApi {
  /** Resolves once the first workspace index is complete (it runs in the background after activation). */
  whenIndexed(): Promise<void>;
  /** Every decision currently indexed, across all decision folders. */
  decisions(): readonly Decision[];
  /** Problems the core rules report for one decision file, by its URI string. */
  problemsFor(uri: string): readonly Problem[];
}
