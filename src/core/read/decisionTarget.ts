import { baseName } from './fileName';
import type { Decision } from '../model';

/** What a link to another decision needs: its id for frontmatter, its number, title and file for markdown links. */
export interface DecisionTarget {
  id: string;
  number: number | null;
  title: string;
  fileName: string;
}

export function targetOf(decision: Decision): DecisionTarget {
  return { id: decision.id, number: decision.number, title: decision.title?.value ?? decision.id, fileName: baseName(decision.file) };
}
