import { strict as assert } from 'node:assert';
import { DEFAULT_ROLES, type Role } from '../../src/core/workspace/config';
import { buildReport, periodOf } from '../../src/core/views/report';
import { reportText } from '../../src/core/views/reportText';
import { demoLog, logOf } from './decisionSets';

describe('ownership report', () => {
  const report = buildReport([demoLog()], DEFAULT_ROLES);

  it('counts decisions per owner and status, unowned first, statuses in lifecycle order', () => {
    assert.equal(report.total, 6);
    assert.deepEqual(report.statuses, ['proposed', 'accepted', 'overridden']);
    assert.deepEqual(
      report.roles.map((r) => [r.key, r.label, r.role?.id ?? null, r.ownerClass, r.counts, r.total]),
      [
        ['unowned', 'Unowned', null, 'unowned', { proposed: 1, accepted: 0, overridden: 0 }, 1],
        ['role:cto', 'CTO (strategy)', 'cto', 'strategy', { proposed: 0, accepted: 3, overridden: 0 }, 3],
        ['role:hoe', 'Head of Engineering (execution)', 'hoe', 'execution', { proposed: 0, accepted: 1, overridden: 1 }, 2],
      ],
    );
  });

  it('lists the unowned decisions with what opens them', () => {
    assert.deepEqual(report.unowned, [
      { id: 'ADR-0006', title: 'feature flags', file: 'docs/decisions/0006-feature-flags.md', path: 'docs/decisions/0006-feature-flags.md', folder: 'docs/decisions', status: 'proposed', date: '2021-09-01', owner: null },
    ]);
    assert.deepEqual(report.unknownOwner, []);
  });

  it('counts overrides by trigger per quarter of the overriding decision, with each override listed', () => {
    assert.equal(report.overrides.granularity, 'quarter');
    assert.deepEqual(report.overrides.periods, [{ period: '2021-Q3', newResource: 1, newRequirement: 0, other: 0 }]);
    assert.deepEqual(report.overrides.totals, { newResource: 1, newRequirement: 0, other: 0 });
    const [override] = report.overrides.decisions;
    assert.deepEqual(
      [override?.decision.id, override?.overrides.map((d) => d.id), override?.trigger, override?.triggerDetail, override?.period],
      ['ADR-0005', ['ADR-0003'], 'new-resource', 'Data team hired; analytics vendor contract signed', '2021-Q3'],
    );
  });

  it('lists elevated decisions: from whom and when', () => {
    assert.deepEqual(report.elevated.map((e) => [e.decision.id, e.from, e.fromLabel, e.on]), [['ADR-0004', 'hoe', 'Head of Engineering (execution)', '2021-05-24']]);
  });

  it('counts the execution decisions later overridden, and by what', () => {
    const x = report.executionOverridden;
    assert.deepEqual([x.execution, x.overridden, x.share], [2, 1, 0.5], 'the elevated decision belongs to the CTO now');
    assert.deepEqual(x.decisions.map((o) => [o.decision.id, o.overriddenBy.map((b) => [b.decision.id, b.trigger])]), [['ADR-0003', [['ADR-0005', 'new-resource']]]]);
  });

  it('fills the quarters between overrides, counts other triggers apart, and puts undated ones last', () => {
    const log = logOf('d', {
      '0001-a.md': ['owner: hoe', 'status: overridden'],
      '0002-b.md': ['owner: cto', 'date: 2022-02-10', 'overrides: ADR-0001', 'trigger: new-requirement'],
      '0003-c.md': ['owner: cto', 'date: 2022-11-30', 'overrides: ADR-0002', 'trigger: budget cut'],
      '0004-d.md': ['owner: cto', 'overrides: ADR-0003'],
      '0005-e.md': ['owner: cto', 'date: 2022-12-01', 'trigger: new-resource'],
      '0006-f.md': ['owner: hoe', 'overridden-by: ADR-0005'],
    });
    const { overrides, executionOverridden } = buildReport([log], DEFAULT_ROLES);
    assert.deepEqual(
      overrides.periods.map((p) => [p.period, p.newResource, p.newRequirement, p.other]),
      [
        ['2022-Q1', 0, 1, 0],
        ['2022-Q2', 0, 0, 0],
        ['2022-Q3', 0, 0, 0],
        ['2022-Q4', 1, 0, 1],
        ['undated', 0, 0, 1],
      ],
      'ADR-0005 overrides ADR-0006 although only ADR-0006 says so',
    );
    assert.deepEqual(overrides.totals, { newResource: 1, newRequirement: 1, other: 2 });
    assert.deepEqual(
      executionOverridden.decisions.map((o) => [o.decision.id, o.overriddenBy.map((b) => b.decision.id)]),
      [
        ['ADR-0001', ['ADR-0002']],
        ['ADR-0006', ['ADR-0005']],
      ],
    );
  });

  it('counts per year once overrides span several years', () => {
    const log = logOf('d', {
      '0001-a.md': [],
      '0002-b.md': ['date: 2019-05-01', 'overrides: ADR-0001', 'trigger: new-resource'],
      '0003-c.md': ['date: 2023-01-01', 'overrides: ADR-0002', 'trigger: new-resource'],
    });
    const { overrides } = buildReport([log], DEFAULT_ROLES);
    assert.equal(overrides.granularity, 'year');
    assert.deepEqual(overrides.periods.map((p) => `${p.period}:${p.newResource}`), ['2019:1', '2020:0', '2021:0', '2022:0', '2023:1']);
    assert.equal(periodOf('2021-12-31', 'quarter'), '2021-Q4');
    assert.equal(periodOf('2021-01-01', 'quarter'), '2021-Q1');
    assert.equal(periodOf(null, 'year'), 'undated');
  });

  it('follows the configured roles: one row per role even when empty, owners naming no role apart', () => {
    const roles: Role[] = [
      { id: 'founder', label: 'Founder', kind: 'strategy' },
      { id: 'lead', label: 'Tech Lead', kind: 'execution' },
    ];
    const log = logOf('d', { '0001-a.md': ['owner: Founder', 'status: accepted'], '0002-b.md': ['owner: cto', 'status: accepted'] });
    const result = buildReport([log], roles);
    assert.deepEqual(result.roles.map((r) => [r.key, r.total]), [['unknown-role', 1], ['role:founder', 1], ['role:lead', 0]]);
    assert.deepEqual(result.unknownOwner.map((d) => [d.id, d.owner]), [['ADR-0002', 'cto']]);
    assert.deepEqual([result.executionOverridden.execution, result.executionOverridden.share], [0, 0], 'no execution decisions: a share of 0, not NaN');
  });
});

describe('ownership report as text', () => {
  it('prints the matrix, the lists and the share', () => {
    const text = reportText(buildReport([demoLog()], DEFAULT_ROLES));
    assert.match(text, /^Ownership of 6 decisions in docs\/decisions\n6 decisions · 1 override · 1 elevated · 1 no longer in force · 1 unowned\n/);
    const lines = text.split('\n');
    for (const line of [
      'OWNER                            PROPOSED  ACCEPTED  OVERRIDDEN  TOTAL',
      'Unowned                                 1         0           0      1',
      'CTO (strategy)                          0         3           0      3',
      'Head of Engineering (execution)         0         1           1      2',
      '  PERIOD   NEW RESOURCE  NEW REQUIREMENT  OTHER',
      '  2021-Q3             1                0      0',
    ]) {
      assert.ok(lines.includes(line), `no line "${line}" in\n${text}`);
    }
    assert.match(text, /\nUnowned \(1\)\n {2}ADR-0006 {2}feature flags\n/);
    assert.match(text, /\nOverrides by trigger, per quarter \(1\)\n {2}PERIOD /);
    assert.match(text, /\n {2}ADR-0005 {2}events through segment — overrides ADR-0003 \(new resource: Data team hired; analytics vendor contract signed\)\n/);
    assert.match(text, /\nElevated \(1\)\n {2}ADR-0004 {2}managed postgres — elevated from Head of Engineering \(execution\) on 2021-05-24\n/);
    assert.match(text, /\nExecution decisions later overridden: 1 of 2 \(50%\)\n {2}ADR-0003 {2}events through graphql — overridden by ADR-0005 \(new resource\)\n/);
  });

  it('names the folder with each id when there are several folders', () => {
    const text = reportText(buildReport([logOf('a', { '0001-x.md': [] }), logOf('b', { '0001-y.md': [] })], DEFAULT_ROLES));
    assert.match(text, /\nUnowned \(2\)\n {2}a: ADR-0001 {2}x\n {2}b: ADR-0001 {2}y\n/);
  });
});
