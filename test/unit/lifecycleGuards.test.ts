import { strict as assert } from 'node:assert';
import { DecisionLog } from '../../src/core/workspace/catalog';
import { DEFAULT_ROLES, defaultConfig, type Role } from '../../src/core/workspace/config';
import { applyEdits, inverseEdits } from '../../src/core/edit/textEdit';
import { planOverride, planSupersede } from '../../src/core/edit/lifecycle';
import {
  checkElevation,
  checkTriggerDetail,
  defaultSuccessorStatus,
  overrideOwners,
  statusRoute,
  supersedeOwner,
} from '../../src/core/edit/lifecycleGuards';
import { planRenumber } from '../../src/core/edit/renumber';
import { BUILT_IN_TEMPLATES } from '../../src/core/edit/scaffold';
import { lintDecision } from '../../src/core/rules/lint';
import { parseDecision } from '../../src/core/read/parse';
import { contextNote, elevationRefusal, overrideOwnerItems, renumberPreview, stepTitle, successorStatusItems } from '../../src/core/views/lifecycleText';

const HOP: Role = { id: 'hop', label: 'Head of Product', kind: 'strategy' };
const ROLES = DEFAULT_ROLES;

function decision(frontmatter: string[], file = 'd/0002-run-on-call.md', title = 'Run a weekly on-call rotation'): ReturnType<typeof parseDecision> {
  return parseDecision(file, `---\n${frontmatter.join('\n')}\n---\n# ${title}\n`);
}

describe('lifecycle guards', () => {
  describe('Elevate', () => {
    it('elevates an execution decision to the strategy roles', () => {
      const check = checkElevation(decision(['status: accepted', 'owner: hoe']), [...ROLES, HOP]);
      assert.ok(check.ok);
      assert.deepEqual([check.from.id, check.to.map((r) => r.id)], ['hoe', ['cto', 'hop']]);
    });

    it('refuses an unowned decision and offers to set its owner, instead of recording elevated-from: none', () => {
      const unowned = decision(['status: proposed']);
      const check = checkElevation(unowned, ROLES);
      assert.ok(!check.ok);
      assert.equal(check.reason, 'unowned');
      const refusal = elevationRefusal(check, unowned);
      assert.equal(refusal.offerSetOwner, true);
      assert.match(refusal.message, /^ADR-0002 names no owner, so there is no role to elevate it from\. Elevation hands a decision from an execution role to a strategy role: set its owner first\.$/);
      assert.doesNotMatch(refusal.message, /none/);
    });

    it('refuses an owner that names no role, a strategy owner, another kind, a second elevation, and a folder with no strategy role', () => {
      const cases: [string[], readonly Role[], string, boolean][] = [
        [['owner: cxo'], ROLES, 'unknown-role', true],
        [['owner: cto'], ROLES, 'strategy', false],
        [['owner: ops'], [...ROLES, { id: 'ops', label: 'Operations', kind: 'other' }], 'not-execution', false],
        [['owner: cto', 'elevated-from: hoe'], ROLES, 'elevated', false],
        [['owner: hoe'], [ROLES[1]!], 'no-strategy-role', false],
      ];
      for (const [fields, roles, reason, offer] of cases) {
        const d = decision(fields);
        const check = checkElevation(d, roles);
        assert.ok(!check.ok, fields.join());
        assert.equal(check.reason, reason, fields.join());
        assert.equal(elevationRefusal(check, d).offerSetOwner, offer, fields.join());
      }
      const strategy = decision(['owner: cto']);
      const refusal = checkElevation(strategy, ROLES);
      assert.ok(!refusal.ok);
      assert.equal(elevationRefusal(refusal, strategy).message, 'ADR-0002 is already owned by CTO (strategy), a strategy role. Elevation hands a decision from an execution role to a strategy role.');
    });
  });

  describe('Override', () => {
    it("offers the target's own role first: execution overriding execution stays execution's", () => {
      const execution = decision(['status: accepted', 'owner: hoe']);
      const choices = overrideOwners(execution, ROLES);
      assert.deepEqual(choices.map((c) => [c.role.id, c.preferred, c.flagged]), [['hoe', true, false], ['cto', false, false]]);
      assert.equal(defaultSuccessorStatus(choices[0]?.role, execution, ROLES), 'accepted');
      assert.equal(overrideOwnerItems(choices, execution)[0]?.description, 'owns ADR-0002');
    });

    it('flags execution overriding strategy, and proposes rather than accepts it', () => {
      const strategy = decision(['status: accepted', 'owner: cto']);
      const choices = overrideOwners(strategy, ROLES);
      assert.deepEqual(choices.map((c) => [c.role.id, c.preferred, c.flagged]), [['cto', true, false], ['hoe', false, true]]);
      assert.equal(defaultSuccessorStatus(ROLES[1], strategy, ROLES), 'proposed');
      assert.deepEqual(successorStatusItems(strategy, 'proposed').map((i) => i.value), ['proposed', 'accepted'], 'the default first');
      assert.match(overrideOwnerItems(choices, strategy)[1]?.detail ?? '', /^Flagged: an execution role overriding a strategy decision/);
    });

    it('offers the first strategy role first for a decision whose owner names no role', () => {
      assert.deepEqual(overrideOwners(decision(['status: accepted']), ROLES).map((c) => c.role.id), ['cto', 'hoe']);
      assert.deepEqual(overrideOwners(decision(['owner: cxo']), ROLES).map((c) => c.role.id), ['cto', 'hoe']);
    });

    it('refuses an empty "what emerged" and keeps an explicit unknown', () => {
      assert.deepEqual(checkTriggerDetail(''), { ok: false });
      assert.deepEqual(checkTriggerDetail('   \n'), { ok: false });
      assert.deepEqual(checkTriggerDetail(undefined), { ok: false });
      assert.deepEqual(checkTriggerDetail(' Unknown '), { ok: true, detail: 'unknown' });
      assert.deepEqual(checkTriggerDetail('  Data team\nhired '), { ok: true, detail: 'Data team hired' });
    });

    it('names the target in every step title', () => {
      const target = decision(['owner: hoe']);
      assert.equal(stepTitle('Override', target, 1, 5), 'Override ADR-0002 Run a weekly on-call rotation (1/5)');
      assert.equal(stepTitle('Supersede', target, 1, 1), 'Supersede ADR-0002 Run a weekly on-call rotation');
    });
  });

  it('routes overridden and superseded to the commands that name a successor', () => {
    assert.deepEqual(['overridden', 'Superseded', 'accepted', 'deprecated'].map(statusRoute), ['override', 'supersede', 'write', 'write']);
  });

  it("Supersede keeps the target's role, and asks when it names none", () => {
    assert.deepEqual(supersedeOwner(decision(['owner: hoe']), ROLES), { owner: ROLES[1] });
    const asked = supersedeOwner(decision(['status: accepted']), [ROLES[1]!, ROLES[0]!]);
    assert.ok('ask' in asked);
    assert.deepEqual(asked.ask.map((r) => r.id), ['cto', 'hoe'], 'the strategy role first, but asked');
  });
});

describe('lifecycle plans with the guards', () => {
  const oldText = '---\nstatus: accepted\ndate: 2021-03-16\nowner: hoe\n---\n# Run a weekly on-call rotation\n\n## Context and Problem Statement\n\nA small team.\n';
  const old = parseDecision('d/0002-run-a-weekly-on-call-rotation.md', oldText);
  const base = { old, oldText, number: 7, title: 'Staff a follow-the-sun rotation', owner: 'hoe', date: '2026-11-26', trigger: 'new-requirement' as const, triggerDetail: '24/7 support promised' };

  it('opens the overriding decision at its Context section, with the trigger stated there', () => {
    for (const template of Object.values(BUILT_IN_TEMPLATES)) {
      const note = contextNote(old, 'new-requirement', '24/7 support promised');
      const plan = planOverride({ ...base, template, contextNote: note });
      assert.equal(note, 'This decision overrides ADR-0002 (Run a weekly on-call rotation) because of a new requirement: 24/7 support promised.');
      const before = plan.text.slice(0, plan.cursorOffset);
      assert.match(before, /## Context[^\n]*\n\nThis decision overrides ADR-0002 \(Run a weekly on-call rotation\) because of a new requirement: 24\/7 support promised\.\n\n$/, template);
      const created = parseDecision(`d/${plan.fileName}`, plan.text);
      assert.equal(created.triggerDetail?.value, '24/7 support promised', 'the detail is written in every format');
      assert.equal(created.trigger?.value, 'new-requirement');
      assert.equal(created.owner?.value, 'hoe');
    }
  });

  it('says an unknown detail is not yet named, and still writes trigger-detail: unknown', () => {
    assert.equal(contextNote(old, 'new-resource', 'unknown'), 'This decision overrides ADR-0002 (Run a weekly on-call rotation) because of a new resource, not yet named.');
    const plan = planOverride({ ...base, triggerDetail: 'unknown', template: BUILT_IN_TEMPLATES.madr });
    assert.equal(parseDecision(`d/${plan.fileName}`, plan.text).triggerDetail?.value, 'unknown');
  });

  it('a proposed successor links the old decision without marking it overridden; both ends agree', () => {
    const plan = planOverride({ ...base, status: 'proposed', template: BUILT_IN_TEMPLATES.madr });
    assert.equal(parseDecision(`d/${plan.fileName}`, plan.text).status?.value, 'proposed');
    const oldAfter = applyEdits(oldText, plan.oldEdits);
    assert.equal(oldAfter, oldText.replace('status: accepted\n', 'status: accepted\noverridden-by: ADR-0007\n'));
    const log = new DecisionLog('d');
    log.upsert(parseDecision(old.file, oldAfter));
    log.upsert(parseDecision(`d/${plan.fileName}`, plan.text));
    assert.deepEqual(log.decisions().flatMap((d) => lintDecision(d, log, defaultConfig()).map((p) => p.code)), []);
  });

  it('an accepted successor marks the old one overridden', () => {
    const plan = planSupersede({ ...base, template: BUILT_IN_TEMPLATES.nygard });
    assert.match(applyEdits(oldText, plan.oldEdits), /status: superseded\nsuperseded-by: ADR-0007\n/);
  });
});

describe('inverse edits', () => {
  it('take an edited text back to what it was, touching only what was written', () => {
    const text = 'one\r\ntwo\r\nthree\r\n';
    const edits = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: 'ONE\r\nand a half' },
      { range: { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } }, newText: '!' },
      { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } }, newText: '' },
    ];
    const edited = applyEdits(text, edits);
    assert.equal(edited, 'ONE\r\nand a half\r\nto\r\nthree!\r\n');
    assert.equal(applyEdits(edited, inverseEdits(text, edits)), text);
  });
});

describe('Renumber preview', () => {
  it('says which file is renamed, what is rewritten where, and what is left', () => {
    const log = new DecisionLog('d');
    const mine = parseDecision('d/0005-from-another-branch.md', '---\nstatus: proposed\n---\n# 5. From another branch\n');
    log.upsert(mine);
    log.upsert(parseDecision('d/0005-segment.md', '---\nstatus: accepted\n---\n# Segment\n'));
    const files = [
      { path: mine.file, text: '---\nstatus: proposed\n---\n# 5. From another branch\n' },
      { path: 'notes.md', text: 'See [it](d/0005-from-another-branch.md) and ADR-0005.\n' },
    ];
    const plan = planRenumber({ log, decision: mine, newNumber: 7, files });
    const preview = renumberPreview(mine, 7, plan, (p) => p);
    assert.equal(preview.message, 'Renumber ADR-0005 to ADR-0007?');
    assert.equal(
      preview.detail,
      [
        'Renames 0005-from-another-branch.md to 0007-from-another-branch.md.',
        'In the decision itself: 1 number in its heading or fields rewritten.',
        'notes.md: 1 link rewritten.',
        'Leaves 1 mention of ADR-0005 as written: another decision has that number too, so it may mean either.',
      ].join('\n'),
    );
  });
});

describe('the overriding decision opens where the author writes', () => {
  it('keeps the cursor in the Context section in every format, however much is added after it', () => {
    const oldText = '---\nstatus: accepted\nowner: hoe\n---\n# Run\n';
    const old = parseDecision('d/0002-run.md', oldText);
    for (const [format, template] of Object.entries(BUILT_IN_TEMPLATES)) {
      const plan = planOverride({ old, oldText, number: 7, title: 'T', owner: 'hoe', date: '2026-11-26', trigger: 'new-resource', triggerDetail: 'x', template });
      assert.match(plan.text.slice(0, plan.cursorOffset), /## Context[^\n]*\n\n$/, format);
    }
  });
});
