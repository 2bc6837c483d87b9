// The summary lines CI reads: `label: N passed, N failed` per runner and a closing total.
import { existsSync, readFileSync } from 'node:fs';

/**
 * A runner's outcome. A runner that could not run at all counts as one failure, so the total
 * line can never read green when a whole runner is missing.
 */
export function didNotRun(label, reason) {
  return { label, passed: 0, failed: 1, pending: 0, failures: [], error: reason };
}

/** Reads the JSON the integration suites write (test/integration/index.ts). */
export function readResultsFile(label, file) {
  if (!existsSync(file)) return null;
  const { passed, failed, pending = 0, tests = [], failures = [] } = JSON.parse(readFileSync(file, 'utf8'));
  return { label, passed, failed, pending, tests, failures };
}

const MARKS = { passed: '✔', failed: '✖', pending: '-' };

/** A spec-style listing of a result's tests and failures, for runners whose own output is elsewhere. */
export function reportLines(result) {
  const lines = (result.tests ?? []).map((test) => `  ${MARKS[test.state] ?? '?'} ${test.title}`);
  result.failures.forEach((failure, index) => {
    lines.push('', `  ${index + 1}) ${failure.title}`, ...failure.message.split('\n').map((line) => `     ${line}`));
  });
  if (result.error) lines.push(`  ${result.label} did not run: ${result.error}`);
  return lines;
}

/** Finds `label: N passed, N failed[, N skipped]` in a runner's output. */
export function parseSummaryLine(label, output) {
  const pattern = new RegExp(`^${label}: (\\d+) passed, (\\d+) failed(?:, (\\d+) skipped)?$`, 'm');
  const match = pattern.exec(output);
  if (!match) return null;
  return { label, passed: Number(match[1]), failed: Number(match[2]), pending: Number(match[3] ?? 0), failures: [] };
}

export function formatCounts({ passed, failed, pending }) {
  return `${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`;
}

export function summaryLine(result) {
  return `${result.label}: ${formatCounts(result)}`;
}
