import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDecision } from '../../src/core/read/parse';
import { reviewDue, reviewOverdue } from '../../src/core/rules/reviewOverdue';
import { addMonths } from '../../src/core/read/dates';
import { Catalog } from '../../src/core/workspace/catalog';
import { defaultConfig, readConfig, type AdrRolesConfig } from '../../src/core/workspace/config';
import { runCli } from './helpers';
import { reviewLineOf } from '../../src/core/views/decisionText';
import { quickFixesFor } from '../../src/core/views/quickFixes';
import { applyEdits } from '../../src/core/edit/textEdit';

const FORMATS: Record<string, string> = {
  frontmatter: '---\nstatus: accepted\ndate: 2024-01-10\nowner: cto\nreview-by: 2025-01-10\nrevisit-when: a second vendor bids\nreviewed-on: 2024-06-01\n---\n# Use X\n',
  bullets: '# Use X\n\n* Status: accepted\n* Date: 2024-01-10\n* Review by: 2025-01-10\n* Revisit when: a second vendor bids\n* Reviewed on: 2024-06-01\n\n## Context\n',
  nygard: '# 1. Use X\n\nDate: 2024-01-10\nReview-by: 2025-01-10\nRevisit-when: a second vendor bids\nReviewed-on: 2024-06-01\n\n## Status\n\nAccepted\n',
};

function overdue(text: string, today: string, config: AdrRolesConfig = defaultConfig()): string[] {
  const decision = parseDecision('d/0001-use-x.md', text);
  const catalog = new Catalog();
  catalog.addFolder('d');
  catalog.admit({ decision });
  return reviewOverdue.check({ decision, log: catalog.logFor(decision.file), config, today }).map((p) => p.message);
}

describe('review dates', () => {
  for (const [format, text] of Object.entries(FORMATS)) {
    it(`fixes review-overdue in ${format} files with Reviewed today, in place, a year ahead without a policy`, () => {
      const decision = parseDecision('d/0001-use-x.md', text);
      const [problem] = reviewOverdue.check({ decision, log: new Catalog().logFor(decision.file), config: defaultConfig(), today: '2025-02-01' });
      assert.ok(problem);
      const [fix, ...others] = quickFixesFor({ ...problem, severity: 'warning' }, { text, decision, config: defaultConfig(), today: '2025-02-01' });
      assert.equal(others.length, 0);
      assert.ok(fix);
      assert.equal(fix.title, 'Reviewed today: record 2025-02-01, next review by 2026-02-01');
      const after = applyEdits(text, fix.edits);
      assert.equal(after.split('\n').length, text.split('\n').length, 'both dates replaced where they were written');
      assert.equal(after, text.replace('2025-01-10\n', '2026-02-01\n').replace('2024-06-01', '2025-02-01'));
      const reread = parseDecision('d/0001-use-x.md', after);
      assert.deepEqual([reread.reviewBy?.value, reread.reviewedOn?.value, reread.revisitWhen?.value], ['2026-02-01', '2025-02-01', 'a second vendor bids']);
      assert.deepEqual(overdue(after, '2025-02-01'), []);
    });

    it(`reads review-by, revisit-when and reviewed-on in ${format} files`, () => {
      const d = parseDecision('d/0001-use-x.md', text);
      assert.deepEqual([d.reviewBy?.value, d.revisitWhen?.value, d.reviewedOn?.value], ['2025-01-10', 'a second vendor bids', '2024-06-01']);
      const line = text.split('\n').findIndex((l) => /review.by/i.test(l));
      assert.equal(d.reviewBy?.range.start.line, line);
      assert.deepEqual(overdue(text, '2025-01-10'), [], 'due today is not overdue');
      const [message] = overdue(text, '2025-01-11');
      assert.match(message ?? '', /ADR-0001 was due for review on 2025-01-10 \(revisit when: a second vendor bids\)/);
    });
  }

  it('reports a review-by that is not a date where it was written', () => {
    const d = parseDecision('d/0001-x.md', '---\nstatus: accepted\nreview-by: soonish\n---\n# X\n');
    assert.equal(d.reviewBy, null);
    assert.deepEqual(d.parseProblems.map((p) => [p.code, p.range.start.line]), [['invalid-date', 2]]);
  });

  it('tells the review date in the hover and tooltip words: overdue, from the policy, and what would reopen it', () => {
    const policy = { afterMonths: 12, statuses: ['accepted'] };
    const written = parseDecision('d/0001-use-x.md', FORMATS.frontmatter!);
    assert.equal(reviewLineOf(written, null, '2025-02-01'), 'Review by 2025-01-10 (overdue) · revisit when: a second vendor bids');
    assert.equal(reviewLineOf(written, null, '2025-01-10'), 'Review by 2025-01-10 · revisit when: a second vendor bids');
    const implicit = parseDecision('d/0002-y.md', '---\nstatus: accepted\ndate: 2024-03-01\n---\n# Y\n');
    assert.equal(reviewLineOf(implicit, policy, '2024-06-01'), 'Review by 2025-03-01 (from the review policy)');
    assert.equal(reviewLineOf(implicit, null, '2024-06-01'), null);
    assert.equal(reviewLineOf(parseDecision('d/0003-z.md', '---\nstatus: superseded\nreview-by: 2001-01-01\n---\n# Z\n'), null, '2024-06-01'), null, 'a replaced decision is never due');
  });

  it('adds months keeping the day when the month has it', () => {
    assert.deepEqual([addMonths('2024-01-31', 1), addMonths('2023-01-31', 1), addMonths('2024-11-15', 14), addMonths('2024-02-29', 12)], ['2024-02-29', '2023-02-28', '2026-01-15', '2025-02-28']);
  });

  it('gives decisions without review-by a due date from the review policy, for its statuses only', () => {
    const { config, problems } = readConfig('review: { after-months: 12, statuses: [accepted, proposed] }\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.review, { afterMonths: 12, statuses: ['accepted', 'proposed'] });
    const accepted = '---\nstatus: accepted\ndate: 2023-03-01\n---\n# X\n';
    assert.deepEqual(reviewDue(parseDecision('d/0001-x.md', accepted), config.review), { date: '2024-03-01', implicit: true });
    assert.match(overdue(accepted, '2024-03-02', config)[0] ?? '', /due for review on 2024-03-01, 12 months after its date/);
    assert.deepEqual(overdue(accepted, '2024-03-02'), [], 'no policy: no implicit date');
    const reviewed = '---\nstatus: accepted\ndate: 2023-03-01\nreviewed-on: 2024-02-01\n---\n# X\n';
    assert.deepEqual(overdue(reviewed, '2024-03-02', config), [], 'counted from the last review');
    assert.equal(reviewDue(parseDecision('d/0001-x.md', '---\nstatus: rejected\ndate: 2020-01-01\n---\n# X\n'), config.review), null);
    assert.deepEqual(overdue('---\nstatus: superseded\nreview-by: 2020-01-01\n---\n# X\n', '2024-01-01'), [], 'a replaced decision is not reviewed');
  });

  it('reports a review policy it cannot use at its line', () => {
    const { config, problems } = readConfig('review: { after-months: soon }\n');
    assert.equal(config.review, null);
    assert.deepEqual(problems.map((p) => [p.code, p.range.start.line]), [['invalid-config', 0]]);
  });

  it('lint reports review-overdue with today, report lists it as due, and list --json carries the review fields', () => {
    const repo = mkdtempSync(join(tmpdir(), 'adr-roles-review-'));
    try {
      mkdirSync(join(repo, 'docs/decisions'), { recursive: true });
      writeFileSync(join(repo, 'docs/decisions/0001-past.md'), '---\nstatus: accepted\nowner: cto\nreview-by: 2001-01-01\n---\n# Past\n');
      writeFileSync(join(repo, 'docs/decisions/0002-future.md'), '---\nstatus: accepted\nowner: cto\nreview-by: 2999-01-01\nrevisit-when: budget doubles\n---\n# Future\n');
      const problems = JSON.parse(runCli(['lint', '--format', 'json'], repo).stdout) as { code: string; file: string; severity: string }[];
      assert.deepEqual(problems.filter((p) => p.code === 'review-overdue').map((p) => [p.file, p.severity]), [['docs/decisions/0001-past.md', 'warning']]);
      const rows = JSON.parse(runCli(['list', '--json'], repo).stdout) as Record<string, unknown>[];
      assert.deepEqual(rows.map((r) => [r.reviewBy, r.revisitWhen, r.reviewedOn]), [['2001-01-01', null, null], ['2999-01-01', 'budget doubles', null]]);
      const report = JSON.parse(runCli(['report', '--json'], repo).stdout) as { dueForReview: { decision: { id: string }; due: string; implicit: boolean }[] };
      assert.deepEqual(report.dueForReview.map((d) => [d.decision.id, d.due, d.implicit]), [['ADR-0001', '2001-01-01', false]]);
      assert.match(runCli(['report'], repo).stdout, /\nDue for review \(1\)\n {2}ADR-0001 {2}Past — due 2001-01-01\n/);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
