import { baseName } from '../read/fileName';
import { LineIndex } from '../read/lineIndex';
import type { Decision, Problem, Range } from '../model';
import { PROBLEM_CODES } from '../problemCodes';
import { decisionHeadRange } from './rule';

/** Other tools' readers a log can be checked against: `adr-roles lint --profile backstage`. */
export const LINT_PROFILES = ['backstage'] as const;
export type LintProfile = (typeof LINT_PROFILES)[number];

/** Backstage's ADR plugin lists only `NNNN-title.md` files: its `madrFilePathFilter`. */
const BACKSTAGE_FILE_NAME = /^\d{4}-.+\.md$/;

/**
 * What Backstage's ADR plugin (`@backstage/plugin-adr-common`, the backend's `madrParser`) would not
 * list or would misread in this decision: it lists `NNNN-*.md` files only; takes the title from the
 * first level-1 heading; status and date from frontmatter, else from the first list of the file
 * (`Status: …`, `Date: …` items with plain keys); and drops a file whose frontmatter is not YAML.
 * Only what adr-roles reads and Backstage would not is reported.
 */
export function backstageProblems(decision: Decision, text: string): Problem[] {
  const problems: Problem[] = [];
  const head = decisionHeadRange(decision);
  const report = (message: string, range: Range = head): void => {
    problems.push({ code: 'backstage-incompatible', severity: PROBLEM_CODES['backstage-incompatible'].severity, message, range });
  };
  const name = baseName(decision.file);
  if (!BACKSTAGE_FILE_NAME.test(name)) {
    report(`Backstage's ADR plugin does not list '${name}': it lists files named NNNN-title.md (four digits, a dash, .md)`);
    return problems;
  }
  if (decision.frontmatter && decision.parseProblems.some((p) => p.code === 'invalid-frontmatter')) {
    report("Backstage's ADR plugin drops this file: its frontmatter is not readable YAML");
    return problems;
  }
  const lines = new LineIndex(text);
  const frontmatterKeys = decision.frontmatter ? frontmatterKeysOf(lines, decision.frontmatter.range) : new Set<string>();
  if (!hasLevelOneHeading(lines, decision)) report("Backstage's ADR plugin shows no title for this file: it takes the title from the first '# ' heading");
  const list = firstListItems(lines, decision.frontmatter ? decision.frontmatter.range.end.line + 1 : 0);
  const fromList = (key: string): string | undefined => list.find((item) => new RegExp(`^${key}:`, 'i').test(item))?.replace(new RegExp(`^${key}:`, 'i'), '').trim();
  if (decision.status && !frontmatterKeys.has('status') && fromList('status') === undefined) {
    report(`Backstage's ADR plugin shows no status for this file: it reads 'status:' in frontmatter or a 'Status:' item of the file's first list (plain, not bold), not where it is written here`, decision.status.range);
  }
  const listedDate = fromList('date');
  if (decision.date && decision.date.range.end.character > 0 && !frontmatterKeys.has('date') && (listedDate === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(listedDate))) {
    report(`Backstage's ADR plugin shows no date for this file: it reads 'date:' in frontmatter or a 'Date: YYYY-MM-DD' item of the file's first list`, decision.date.range);
  }
  return problems;
}

function frontmatterKeysOf(lines: LineIndex, block: Range): Set<string> {
  const keys = new Set<string>();
  for (let line = block.start.line + 1; line < block.end.line; line++) {
    const key = /^([A-Za-z][\w-]*)[ \t]*:/.exec(lines.lineText(line))?.[1];
    if (key) keys.add(key);
  }
  return keys;
}

function hasLevelOneHeading(lines: LineIndex, decision: Decision): boolean {
  if (!decision.title || decision.title.range.end.character === 0) return false;
  const line = decision.title.range.start.line;
  return /^\uFEFF? {0,3}#(?!#)/.test(lines.lineText(line)) || (line + 1 < lines.lineCount && /^ {0,3}=+[ \t]*$/.test(lines.lineText(line + 1)));
}

/**
 * The items of the first list in the text, as markdown's lexer gives them: the text after each
 * marker. Lines in fenced code are not lists; blank lines between items keep one list.
 */
function firstListItems(lines: LineIndex, from: number): string[] {
  const items: string[] = [];
  let fence: string | null = null;
  for (let line = from; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence !== null) {
      if (opening?.startsWith(fence)) fence = null;
      continue;
    }
    if (opening) {
      if (items.length > 0) break;
      fence = opening;
      continue;
    }
    // The item's text starts past the blanks: `[ \t]+(.*)` tried every split of a long run of them.
    const item = /^ {0,3}(?:[*+-]|\d{1,9}[.)])[ \t]+([^ \t\n\r\u2028\u2029].*|)$/.exec(text);
    if (item) items.push((item[1] ?? '').trim());
    else if (items.length > 0 && text.trim() !== '' && !/^[ \t]/.test(text)) break;
  }
  return items;
}
