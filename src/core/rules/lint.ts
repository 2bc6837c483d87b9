import type { DecisionLog } from '../workspace/catalog';
import { isProblemCode, type AdrRolesConfig } from '../workspace/config';
import type { SkippedFile } from '../read/fileAdmission';
import type { Decision, Problem, Severity } from '../model';
import { PROBLEM_CODES } from '../problemCodes';
import { ALL_RULES } from './allRules';

function severityOf(code: string, config: AdrRolesConfig): Severity | 'off' {
  if (!isProblemCode(code)) return 'warning';
  return config.severities[code] ?? PROBLEM_CODES[code].severity;
}

/** Every problem with one decision, in its folder's context, with the configured severities. */
export function lintDecision(decision: Decision, log: DecisionLog, config: AdrRolesConfig, today?: string): Problem[] {
  const problems: Problem[] = [];
  // One context for every rule (they only read it), not one per rule per decision.
  const context = { decision, log, config, today };
  for (const rule of ALL_RULES) {
    const severity = severityOf(rule.code, config);
    if (severity === 'off') continue;
    for (const found of rule.check(context)) problems.push({ ...found, severity });
  }
  return problems;
}

/** The problem a skipped file shows, with its configured severity; none when that code is off. */
export function lintSkipped(skipped: SkippedFile, config: AdrRolesConfig): Problem[] {
  const severity = severityOf(skipped.problem.code, config);
  return severity === 'off' ? [] : [{ ...skipped.problem, severity }];
}
