import type { Decision } from '../model';
import { scanStructure } from '../read/bodyScan';
import { LineIndex } from '../read/lineIndex';

/** Headings of the section that holds what was decided: adr-tools' `Decision`, MADR's `Decision Outcome`. */
const DECISION_HEADING = /^(?:\d+[.)]?\s*)?decision(?:\s+outcome|\s+and\s+rationale)?\s*:?$/i;

/** Whitespace does not change what was decided: reflowing a paragraph is no rewrite. */
function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What a decision says was decided, whitespace aside: the text of its `## Decision` (or
 * `## Decision Outcome`) section, up to the next heading of its level or above; '' when it has none.
 * Frontmatter, status lines and relation lines are outside it, so changing them is no rewrite.
 */
export function decisionSectionText(decision: Decision, text: string): string {
  const lines = new LineIndex(text);
  const bodyLine = decision.frontmatter ? decision.frontmatter.range.end.line + 1 : 0;
  const { headings } = scanStructure(lines, bodyLine);
  const at = headings.findIndex((h) => h.level >= 2 && DECISION_HEADING.test(h.text.trim()));
  const heading = headings[at];
  if (!heading) return '';
  const next = headings.slice(at + 1).find((h) => h.level <= heading.level);
  const end = next ? next.line : lines.lineCount;
  const body: string[] = [];
  for (let line = heading.line + 1; line < end; line++) body.push(lines.lineText(line));
  return normalized(body.join('\n'));
}

export function titleText(decision: Decision): string {
  return normalized(decision.title?.value ?? '');
}
