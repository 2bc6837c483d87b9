import { strict as assert } from 'node:assert';
import { parseDecision } from '../../src/core/read/parse';
import { defaultConfig, type ReviewPolicy } from '../../src/core/workspace/config';
import { Catalog } from '../../src/core/workspace/catalog';
import { badgeCounts, homeGroupKey, reviewGroups, reviewSchedule } from '../../src/core/views/grouping';
import { reviewDateRange, reviewLensTitle, reviewLineOf, reviewStateOf } from '../../src/core/views/decisionText';
import { dueNote, reviewGroupTooltip, reviewPolicyText } from '../../src/core/views/vocabulary';
import { TreeNodes, viewBadge } from '../../src/core/views/viewState';
import { reviewedTodayFor } from '../../src/core/views/quickFixes';
import { applyEdits } from '../../src/core/edit/textEdit';
import { buildReport } from '../../src/core/views/report';
import { reportText } from '../../src/core/views/reportText';
import type { Decision } from '../../src/core/model';

const TODAY = '2025-03-01';
const POLICY: ReviewPolicy = { afterMonths: 12, statuses: ['accepted'] };

/** A decision numbered `n` with these frontmatter lines. */
function decision(n: number, ...lines: string[]): Decision {
  return parseDecision(`d/${String(n).padStart(4, '0')}-x.md`, `---\n${lines.join('\n')}\n---\n# Decision ${n}\n`);
}

const ids = (decisions: readonly { id: string }[]): string[] => decisions.map((d) => d.id);

describe('what the Decisions view lists as due for review', () => {
  const decisions = [
    decision(1, 'status: accepted', 'review-by: 2025-02-10'),
    decision(2, 'status: accepted', 'review-by: 2024-11-30'),
    decision(3, 'status: accepted', 'review-by: 2025-03-01'),
    decision(4, 'status: accepted', 'review-by: 2025-03-31'),
    decision(5, 'status: accepted', 'review-by: 2025-04-01'),
    decision(6, 'status: superseded', 'review-by: 2020-01-01'),
    decision(7, 'status: accepted', 'date: 2023-06-01'),
    decision(8, 'status: accepted'),
  ];

  it('lists the overdue oldest first, and apart from them those due within 30 days, soonest first', () => {
    const { overdue, soon } = reviewSchedule(decisions, () => null, TODAY);
    assert.deepEqual(
      overdue.map((d) => [d.decision.id, d.date]),
      [
        ['ADR-0002', '2024-11-30'],
        ['ADR-0001', '2025-02-10'],
      ],
    );
    // Due today is not overdue yet; 30 days ahead is the last day counted as soon.
    assert.deepEqual(ids(soon.map((d) => d.decision)), ['ADR-0003', 'ADR-0004']);
  });

  it('never lists a retired decision, however old its review date', () => {
    const { overdue, soon } = reviewSchedule(decisions, () => POLICY, TODAY);
    assert.ok(![...overdue, ...soon].some((d) => d.decision.id === 'ADR-0006'));
  });

  it('gives decisions without review-by a due date from their own folder’s policy', () => {
    const policyOf = (d: Decision): ReviewPolicy | null => (d.id === 'ADR-0007' ? POLICY : null);
    const { overdue } = reviewSchedule(decisions, policyOf, TODAY);
    assert.deepEqual(
      overdue.map((d) => [d.decision.id, d.date, d.implicit]),
      [
        ['ADR-0007', '2024-06-01', true],
        ['ADR-0002', '2024-11-30', false],
        ['ADR-0001', '2025-02-10', false],
      ],
    );
  });

  it('counts the 30 days across month ends, leap days and year ends', () => {
    const due = (review: string, today: string): string[] => ids(reviewSchedule([decision(1, 'status: accepted', `review-by: ${review}`)], () => null, today).soon.map((d) => d.decision));
    assert.deepEqual(due('2024-03-01', '2024-01-31'), ['ADR-0001'], '2024 is a leap year: 30 days after 31 January is 1 March');
    assert.deepEqual(due('2023-03-03', '2023-01-31'), [], '2023 is not: 30 days after 31 January is 2 March');
    assert.deepEqual(due('2023-03-02', '2023-01-31'), ['ADR-0001']);
    assert.deepEqual(due('2026-01-30', '2025-12-31'), ['ADR-0001'], 'across a year end');
  });

  it('makes the groups that come first in every grouping, each decision with its due date', () => {
    const groups = reviewGroups(decisions, () => null, TODAY);
    assert.deepEqual(
      groups.map((g) => [g.key, g.label, g.kind, ids(g.decisions)]),
      [
        ['review:overdue', 'Due for review', 'review-overdue', ['ADR-0002', 'ADR-0001']],
        ['review:soon', 'Review due within 30 days', 'review-soon', ['ADR-0003', 'ADR-0004']],
      ],
    );
    const overdue = groups[0]!;
    assert.deepEqual(overdue.decisions.map((d) => dueNote(overdue.due!.get(d)!)), ['due 2024-11-30', 'due 2025-02-10']);
    const [byPolicy] = reviewGroups([decision(7, 'status: accepted', 'date: 2023-06-01')], () => POLICY, TODAY);
    assert.deepEqual(byPolicy?.decisions.map((d) => dueNote(byPolicy.due!.get(d)!)), ['due 2024-06-01 (review policy)']);
  });

  it('makes no group when nothing is due, and only the one with decisions', () => {
    assert.deepEqual(reviewGroups([decision(8, 'status: accepted')], () => null, TODAY), []);
    assert.deepEqual(
      reviewGroups(decisions.slice(2, 3), () => null, TODAY).map((g) => g.key),
      ['review:soon'],
    );
  });

  it('finds the group a decision lives in without building the tree', () => {
    const roles = defaultConfig().roles;
    assert.equal(homeGroupKey(decision(1, 'owner: CTO'), 'role', roles), 'role:cto');
    assert.equal(homeGroupKey(decision(1, 'owner: cfo'), 'role', roles), 'unknown-role');
    assert.equal(homeGroupKey(decision(1, 'status: accepted'), 'role', roles), 'unowned');
    assert.equal(homeGroupKey(decision(1, 'status: Partly Superseded'), 'status', roles), 'status:partly superseded');
    assert.equal(homeGroupKey(decision(1), 'status', roles), 'status:');
    assert.equal(homeGroupKey(decision(1, 'owner: cto'), 'chain', roles), null);
    assert.equal(homeGroupKey(decision(1, 'owner: cto'), 'flat', roles), null);
  });
});

describe('the review words', () => {
  it('says what the group lists and the policy in force, once per distinct policy', () => {
    assert.equal(
      reviewGroupTooltip('review-overdue', [POLICY, POLICY], 30),
      'Decisions past their review date, oldest first. Each is also listed in its own group. Superseded, overridden, deprecated and rejected decisions are never due.\n\n' +
        'Review policy: accepted decisions are due 12 months after their last review (reviewed-on), else their date, unless review-by says otherwise.',
    );
    const mixed = reviewGroupTooltip('review-soon', [null, { afterMonths: 1, statuses: ['accepted', 'Proposed'] }], 30);
    assert.match(mixed, /^Decisions whose review date falls within the next 30 days, soonest first\./);
    assert.match(mixed, /No review policy \(review: in \.adr-roles\.yml\): only decisions with a review-by date are due\./);
    assert.match(mixed, /accepted, proposed decisions are due 1 month after/);
    assert.equal(reviewPolicyText(null), 'No review policy (review: in .adr-roles.yml): only decisions with a review-by date are due.');
  });

  it('titles the CodeLens overdue since the due date, or due on it; none for a retired decision', () => {
    const overdue = reviewStateOf(decision(1, 'status: accepted', 'review-by: 2025-02-10'), null, TODAY);
    assert.deepEqual(overdue, { date: '2025-02-10', implicit: false, overdue: true });
    assert.equal(reviewLensTitle(overdue), 'Review overdue since 2025-02-10');
    const later = reviewStateOf(decision(1, 'status: accepted', 'review-by: 2025-03-01'), null, TODAY);
    assert.equal(reviewLensTitle(later!), 'Review due 2025-03-01', 'due today is not overdue');
    assert.equal(reviewStateOf(decision(1, 'status: rejected', 'review-by: 2025-02-10'), null, TODAY), null);
    assert.equal(reviewStateOf(decision(1, 'status: accepted'), null, TODAY), null);
    // The hover's line agrees with the lens.
    assert.equal(reviewLineOf(decision(1, 'status: accepted', 'review-by: 2025-02-10'), null, TODAY), 'Review by 2025-02-10 (overdue)');
  });

  it('goes to the line a due date is counted from', () => {
    const written = decision(1, 'status: accepted', 'date: 2023-06-01', 'reviewed-on: 2024-01-01', 'review-by: 2025-02-10');
    assert.equal(reviewDateRange(written)?.start.line, 4);
    assert.equal(reviewDateRange(decision(1, 'status: accepted', 'date: 2023-06-01', 'reviewed-on: 2024-01-01'))?.start.line, 3);
    assert.equal(reviewDateRange(decision(1, 'status: accepted', 'date: 2023-06-01'))?.start.line, 2);
    assert.equal(reviewDateRange(decision(1, 'status: accepted')), null);
  });

  it('counts for the badge the unowned and the overdue, each unless its rule is off in the folder', () => {
    const all = [decision(1, 'status: accepted', 'review-by: 2025-02-10'), decision(2, 'status: accepted', 'owner: cto', 'review-by: 2025-02-10'), decision(3, 'status: accepted', 'owner: cto'), decision(4, 'status: superseded', 'owner: cto', 'review-by: 2001-01-01')];
    const on = defaultConfig();
    assert.deepEqual(badgeCounts(all, () => on, TODAY), { unowned: 1, overdue: 2 });
    assert.deepEqual(badgeCounts(all, () => ({ ...on, severities: { 'review-overdue': 'off' } }), TODAY), { unowned: 1, overdue: 0 });
    assert.deepEqual(badgeCounts(all, () => ({ ...on, severities: { 'missing-owner': 'off' } }), TODAY), { unowned: 0, overdue: 2 });
    // Decisions outside any configured folder count as their rules default.
    assert.deepEqual(badgeCounts(all, () => undefined, TODAY), { unowned: 1, overdue: 2 });
    assert.deepEqual(badgeCounts(all, () => ({ ...on, review: POLICY }), TODAY), { unowned: 1, overdue: 2 }, 'ADR-0003 has no date for the policy to count from');
  });

  it('badges the unowned and the overdue together, the tooltip saying which', () => {
    assert.equal(viewBadge(0, 0), undefined);
    assert.deepEqual(viewBadge(0, 3), { value: 3, tooltip: '3 decisions due for review' });
    assert.deepEqual(viewBadge(0, 1), { value: 1, tooltip: '1 decision due for review' });
    assert.deepEqual(viewBadge(1, 0), { value: 1, tooltip: '1 decision without an owner' });
    assert.deepEqual(viewBadge(2, 1), { value: 3, tooltip: '2 decisions without an owner, 1 decision due for review' });
  });
});

describe('Reviewed today from the CodeLens', () => {
  it('records today and the next review by the policy, whether or not the rule is on', () => {
    const text = '---\nstatus: accepted\nreview-by: 2025-02-10\n---\n# X\n';
    const d = parseDecision('d/0001-x.md', text);
    const config = { ...defaultConfig(), review: { afterMonths: 6, statuses: ['accepted'] }, severities: { 'review-overdue': 'off' as const } };
    const fix = reviewedTodayFor({ text, decision: d, config, today: TODAY });
    assert.equal(fix?.title, 'Reviewed today: record 2025-03-01, next review by 2025-09-01');
    const after = applyEdits(text, fix.edits);
    assert.equal(after, '---\nstatus: accepted\nreview-by: 2025-09-01\nreviewed-on: 2025-03-01\n---\n# X\n');
    assert.equal(reviewStateOf(parseDecision('d/0001-x.md', after), config.review, TODAY)?.overdue, false);
  });

  it('offers nothing where its edit could not be read back', () => {
    const text = '---js\n{ status: "accepted" }\n---\n# X\n';
    const d = parseDecision('d/0001-x.md', text);
    assert.equal(reviewedTodayFor({ text, decision: d, config: defaultConfig(), today: TODAY }), undefined);
  });
});

describe('the report’s due section uses each decision’s policy', () => {
  it('lists what the view’s Due for review group lists, in its order', () => {
    const catalog = new Catalog();
    catalog.addFolder('d');
    const all = [decision(1, 'status: accepted', 'review-by: 2025-02-10', 'revisit-when: volume doubles'), decision(2, 'status: accepted', 'date: 2023-06-01'), decision(3, 'status: deprecated', 'review-by: 2001-01-01')];
    for (const d of all) catalog.admit({ decision: d });
    const report = buildReport(catalog.folders(), defaultConfig().roles, { review: { today: TODAY, policyOf: () => POLICY } });
    assert.deepEqual(
      report.dueForReview.map((d) => [d.decision.id, d.due, d.implicit, d.revisitWhen]),
      [
        ['ADR-0002', '2024-06-01', true, null],
        ['ADR-0001', '2025-02-10', false, 'volume doubles'],
      ],
    );
    assert.deepEqual(ids(report.dueForReview.map((d) => d.decision)), ids(reviewGroups(all, () => POLICY, TODAY)[0]!.decisions));
    const text = reportText(report);
    assert.match(text, /Due for review \(2\)\n {2}ADR-0002 {2}Decision 2 — due 2024-06-01 \(review policy\)\n {2}ADR-0001 {2}Decision 1 — due 2025-02-10; revisit when: volume doubles\n/);
  });
});

interface TestNode {
  key: string;
  label: string;
}

describe('the tree keeps one node per row it shows', () => {
  const node = (key: string, label = key): TestNode => ({ key, label });
  const nodes = (): TreeNodes<TestNode> => new TreeNodes<TestNode>((n) => n.key, (known, fresh) => Object.assign(known, fresh));

  it('hands out the same object for a key across changes, updated in place', () => {
    const tree = nodes();
    const [group] = tree.children(undefined, [node('g')]);
    const [row] = tree.children(group, [node('g/a', 'old title')]);
    tree.changed();
    const [groupAgain] = tree.children(undefined, [node('g')]);
    const [rowAgain] = tree.children(groupAgain, [node('g/a', 'new title')]);
    assert.equal(groupAgain, group);
    assert.equal(rowAgain, row);
    assert.equal(row?.label, 'new title');
    assert.equal(tree.parentOf(row), group);
  });

  it('knows a node as current only when handed out since the last change', () => {
    const tree = nodes();
    const [group] = tree.children(undefined, [node('g')]);
    const [row] = tree.children(group, [node('g/a')]);
    assert.equal(tree.current('g/a'), row);
    tree.changed();
    assert.equal(tree.current('g/a'), undefined, 'the change may have moved it');
    tree.children(undefined, [node('g')]);
    assert.equal(tree.current('g/a'), undefined, 'its group was not asked again yet');
    tree.children(group, [node('g/a')]);
    assert.equal(tree.current('g/a'), row);
  });

  it('forgets a row its parent no longer shows, and a gone group with everything under it', () => {
    const tree = nodes();
    const [a, b] = tree.children(undefined, [node('a'), node('b')]);
    tree.children(a, [node('a/1'), node('a/2')]);
    const [b1] = tree.children(b, [node('b/1')]);
    tree.children(b1, [node('b/1/x')]);
    assert.equal(tree.size, 6);
    tree.changed();
    tree.children(a, [node('a/1')]);
    assert.equal(tree.size, 5, 'a/2 is gone');
    tree.children(undefined, [node('a')]);
    assert.equal(tree.size, 2, 'b, b/1 and b/1/x are gone with b');
    assert.equal(tree.parentOf(b1!), undefined);
  });

  it('keeps the object of a row that moved to another parent', () => {
    const tree = nodes();
    const [a, b] = tree.children(undefined, [node('a'), node('b')]);
    const [moving] = tree.children(a, [node('x')]);
    tree.changed();
    // The new parent is asked first, then the old one no longer lists it.
    const [moved] = tree.children(b, [node('x')]);
    tree.children(a, []);
    assert.equal(moved, moving);
    assert.equal(tree.parentOf(moved!), b);
    assert.equal(tree.size, 3);
  });

  it('does not keep the children of a node it no longer holds', () => {
    const tree = nodes();
    const [old] = tree.children(undefined, [node('old')]);
    tree.changed();
    tree.children(undefined, [node('new')]);
    const children = tree.children(old, [node('old/1')]);
    assert.equal(children.length, 1);
    assert.equal(tree.size, 1, 'only "new"');
    assert.equal(tree.current('old/1'), undefined);
  });

  it('stays bounded by what is shown however often the grouping changes', () => {
    const tree = nodes();
    for (let round = 0; round < 50; round++) {
      tree.changed();
      const [group] = tree.children(undefined, [node(`grouping-${round}`)]);
      tree.children(group, [node(`grouping-${round}/a`), node(`grouping-${round}/b`)]);
    }
    assert.equal(tree.size, 3);
  });

  it('forgets a chain 10,000 deep without recursing', () => {
    const tree = nodes();
    let [parent] = tree.children(undefined, [node('0')]);
    for (let depth = 1; depth <= 10_000; depth++) [parent] = tree.children(parent, [node(String(depth))]);
    assert.equal(tree.size, 10_001);
    tree.changed();
    tree.children(undefined, []);
    assert.equal(tree.size, 0);
  });
});
