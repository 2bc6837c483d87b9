import type { DecisionLog } from '../workspace/catalog';
import type { AdrRolesConfig } from '../workspace/config';
import type { Decision, Problem, Range } from '../model';

export interface RuleContext {
  decision: Decision;
  log: DecisionLog;
  config: AdrRolesConfig;
  /** Today as ISO `YYYY-MM-DD`, for the rules about dates; without it they stay silent. */
  today?: string;
}

/** A rule reports problems about one decision; its severity comes from PROBLEM_CODES unless configured. */
export interface Rule {
  code: string;
  check(context: RuleContext): Omit<Problem, 'severity'>[];
}

/** Where a decision-wide problem is shown: the frontmatter's first line, else the title line. */
export function decisionHeadRange(decision: Decision): Range {
  const line = decision.frontmatter ? decision.frontmatter.range.start.line : decision.title ? decision.title.range.start.line : decision.headerLine;
  const character = decision.frontmatter ? decision.frontmatter.range.start.character : 0;
  const end = decision.frontmatter ? character + 3 : decision.title ? decision.title.range.end.character : 0;
  return { start: { line, character }, end: { line, character: end } };
}

/** Rules that surface what the parser already found, under their own code. */
export function parseProblemRule(code: string): Rule {
  return {
    code,
    check: ({ decision }) => decision.parseProblems.filter((p) => p.code === code),
  };
}
