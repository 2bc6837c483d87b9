import { strict as assert } from 'node:assert';
import { DecisionLog } from '../../src/core/workspace/catalog';
import { defaultConfig } from '../../src/core/workspace/config';
import { quickFixesFor } from '../../src/core/views/quickFixes';
import { applyEdits } from '../../src/core/edit/textEdit';
import { lintDecision } from '../../src/core/rules/lint';
import type { Problem } from '../../src/core/model';
import { parseDecision } from '../../src/core/read/parse';

const TODAY = '2026-11-26';

function logOf(files: Record<string, string>): DecisionLog {
  const log = new DecisionLog('d');
  for (const [path, text] of Object.entries(files)) log.upsert(parseDecision(path, text));
  return log;
}

function problems(files: Record<string, string>, file: string, code: string): Problem[] {
  const log = logOf(files);
  return lintDecision(log.get(file)!, log, defaultConfig()).filter((p) => p.code === code);
}

/** Applies the named fix of the first `code` problem on `file` and returns the file's new text. */
function fix(files: Record<string, string>, file: string, code: string, title: string): string {
  const log = logOf(files);
  const decision = log.get(file)!;
  const problem = lintDecision(decision, log, defaultConfig()).find((p) => p.code === code);
  assert.ok(problem, `no ${code} on ${file}`);
  const chosen = quickFixesFor(problem, { text: files[file]!, decision, config: defaultConfig(), today: TODAY }).find((f) => f.title === title);
  assert.ok(chosen, `no fix "${title}"`);
  return applyEdits(files[file]!, chosen.edits);
}

const OLD = '---\nstatus: accepted\ndate: 2020-02-03\nowner: hoe\n---\n# GraphQL events\n';
const NEW = '---\nstatus: accepted\ndate: 2021-08-10\nowner: cto\noverrides: ADR-0003\ntrigger: new-resource\n---\n# Segment events\n';

describe('override-missing-trigger', () => {
  it('flags an override without a trigger, at the overrides line, and fixes it with either trigger', () => {
    const files = { 'd/0003-old.md': OLD, 'd/0009-new.md': NEW.replace('trigger: new-resource\n', '') };
    const [p] = problems(files, 'd/0009-new.md', 'override-missing-trigger');
    assert.equal(p?.range.start.line, 4);
    assert.equal(fix(files, 'd/0009-new.md', 'override-missing-trigger', 'Set trigger: new requirement'), NEW.replace('new-resource', 'new-requirement'));
  });

  it('flags a trigger that is neither new-resource nor new-requirement, at its value', () => {
    const [p] = problems({ 'd/0003-old.md': OLD, 'd/0009-new.md': NEW.replace('new-resource', 'budget') }, 'd/0009-new.md', 'override-missing-trigger');
    assert.match(p?.message ?? '', /'budget' is not a trigger/);
    assert.equal(p?.range.start.character, 9);
  });

  it('is quiet for a complete override', () => {
    assert.deepEqual(problems({ 'd/0003-old.md': OLD, 'd/0009-new.md': NEW }, 'd/0009-new.md', 'override-missing-trigger'), []);
  });
});

describe('relation-not-reciprocated', () => {
  it('frontmatter: the old decision gains overridden-by', () => {
    const files = { 'd/0003-old.md': OLD.replace('accepted', 'overridden'), 'd/0009-new.md': NEW };
    assert.equal(problems(files, 'd/0009-new.md', 'relation-not-reciprocated').length, 0);
    const [p] = problems(files, 'd/0003-old.md', 'relation-not-reciprocated');
    assert.match(p?.message ?? '', /ADR-0009 says it overrides ADR-0003, but ADR-0003 does not say 'overridden-by: ADR-0009'/);
    assert.equal(fix(files, 'd/0003-old.md', 'relation-not-reciprocated', 'Add the missing end: overridden by ADR-0009'), OLD.replace('accepted', 'overridden').replace('status: overridden\n', 'status: overridden\noverridden-by: ADR-0009\n'));
  });

  it('the new decision gains overrides when only the old one says it', () => {
    const files = { 'd/0003-old.md': OLD.replace('owner: hoe\n', 'owner: hoe\noverridden-by: ADR-0009\n'), 'd/0009-new.md': NEW.replace('overrides: ADR-0003\n', '') };
    assert.equal(fix(files, 'd/0009-new.md', 'relation-not-reciprocated', 'Add the missing end: overrides ADR-0003'), NEW.replace('overrides: ADR-0003\n', '').replace('status: accepted\n', 'status: accepted\noverrides: ADR-0003\n'));
  });

  it('adr-tools: a link line is added to the Status section', () => {
    const old = '# 2. Shell scripts\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n';
    const files = { 'd/0002-shell-scripts.md': old, 'd/0004-python.md': '# 4. Python\n\nDate: 2017-05-01\n\n## Status\n\nAccepted\n\nSupersedes [2. Shell scripts](0002-shell-scripts.md)\n' };
    const fixed = fix(files, 'd/0002-shell-scripts.md', 'relation-not-reciprocated', 'Add the missing end: superseded by ADR-0004');
    assert.equal(fixed, old.replace('Accepted\n', 'Accepted\n\nSuperseded by [4. Python](0004-python.md)\n'));
    assert.deepEqual(parseDecision('d/0002-shell-scripts.md', fixed).relations.map((r) => [r.kind, r.target.number]), [['superseded-by', 4]]);
  });

  it('MADR 2 bullets: the relation is an item of a new Links section, as MADR 2 and log4brains keep them', () => {
    const newer = '# Plain keys\n\n* Status: accepted\n* Date: 2018-03-02\n\n## Context\n';
    const files = { 'd/0002-bold.md': '# Bold\n\n* Status: superseded by [ADR-0003](0003-plain.md)\n', 'd/0003-plain.md': newer };
    const fixed = fix(files, 'd/0003-plain.md', 'relation-not-reciprocated', 'Add the missing end: supersedes ADR-0002');
    assert.equal(fixed, `${newer}\n## Links\n\n* Supersedes [ADR-0002](0002-bold.md)\n`);
    assert.deepEqual(parseDecision('d/0003-plain.md', fixed).relations.map((r) => [r.kind, r.target.number]), [['supersedes', 2]]);
  });

  it('log4brains: appends to the Links list with its marker and the slug as label, and fills an empty Links heading', () => {
    const newer = '# New\n\n- Status: accepted\n\n## Links\n\n- Refines [20200101-a](20200101-a.md)\n';
    const files = { 'd/20200101-old.md': '# Old\n\n- Status: superseded by [20210101-new](20210101-new.md)\n', 'd/20210101-new.md': newer };
    const fixed = fix(files, 'd/20210101-new.md', 'relation-not-reciprocated', 'Add the missing end: supersedes 20200101-old');
    assert.equal(fixed, `${newer}- Supersedes [20200101-old](20200101-old.md)\n`);
    const empty = '# New\n\n- Status: accepted\n\n## Links\n\n## Notes\n';
    const filled = fix({ ...files, 'd/20210101-new.md': empty }, 'd/20210101-new.md', 'relation-not-reciprocated', 'Add the missing end: supersedes 20200101-old');
    assert.equal(filled, '# New\n\n- Status: accepted\n\n## Links\n\n- Supersedes [20200101-old](20200101-old.md)\n\n## Notes\n');
  });
});

describe('status-out-of-sync', () => {
  it('flags an old decision still accepted once its overrider is accepted, and sets it overridden', () => {
    const files = { 'd/0003-old.md': OLD.replace('owner: hoe\n', 'owner: hoe\noverridden-by: ADR-0009\n'), 'd/0009-new.md': NEW };
    const [p] = problems(files, 'd/0003-old.md', 'status-out-of-sync');
    assert.match(p?.message ?? '', /ADR-0003 is overridden by ADR-0009, which is accepted, but still says accepted/);
    assert.equal(fix(files, 'd/0003-old.md', 'status-out-of-sync', 'Set status: overridden'), files['d/0003-old.md'].replace('status: accepted', 'status: overridden'));
  });

  it('waits while the successor is only proposed', () => {
    const files = { 'd/0003-old.md': OLD, 'd/0009-new.md': NEW.replace('status: accepted', 'status: proposed') };
    assert.deepEqual(problems(files, 'd/0003-old.md', 'status-out-of-sync'), []);
  });

  it('adr-tools: the status line becomes the Superseded by link, as adr-tools writes it', () => {
    const old = '# 2. Shell scripts\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n';
    const files = { 'd/0002-shell-scripts.md': old, 'd/0004-python.md': '# 4. Python\n\n## Status\n\nAccepted\n\nSupersedes [2. Shell scripts](0002-shell-scripts.md)\n' };
    const fixed = fix(files, 'd/0002-shell-scripts.md', 'status-out-of-sync', 'Set status: superseded');
    assert.equal(fixed, old.replace('Accepted', 'Superseded by [4. Python](0004-python.md)'));
    assert.equal(parseDecision('d/0002-shell-scripts.md', fixed).status?.value, 'superseded');
  });

  it('MADR 2 bullets: the status bullet says superseded by the link', () => {
    const old = '# Bold\n\n* Status: accepted\n* Date: 2018-01-20\n';
    const files = { 'd/0002-bold.md': old, 'd/0003-plain.md': '# Plain\n\n* Status: accepted\n* Supersedes: [ADR-0002](0002-bold.md)\n' };
    assert.equal(fix(files, 'd/0002-bold.md', 'status-out-of-sync', 'Set status: superseded'), old.replace('* Status: accepted', '* Status: superseded by [ADR-0003](0003-plain.md)'));
  });
});

describe('relation-cycle', () => {
  it('is an error on every decision of a loop, naming it', () => {
    const files = {
      'd/0001-a.md': '---\nowner: cto\nsupersedes: ADR-0003\n---\n',
      'd/0002-b.md': '---\nowner: cto\nsupersedes: ADR-0001\n---\n',
      'd/0003-c.md': '---\nowner: cto\noverrides: ADR-0002\ntrigger: new-requirement\n---\n',
      'd/0004-d.md': '---\nowner: cto\nsupersedes: ADR-0003\n---\n',
    };
    for (const file of ['d/0001-a.md', 'd/0002-b.md', 'd/0003-c.md']) {
      const [p] = problems(files, file, 'relation-cycle');
      assert.equal(p?.severity, 'error', file);
    }
    assert.match(problems(files, 'd/0001-a.md', 'relation-cycle')[0]?.message ?? '', /ADR-0001 → ADR-0003 → ADR-0002 → ADR-0001/);
    assert.deepEqual(problems(files, 'd/0004-d.md', 'relation-cycle'), [], 'leading into a loop is not being in it');
  });

  it('after an edit, checks the edited decision by what it reaches, not the whole log, and finds what a full search finds', () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 2000; i++) files[`d/${String(i).padStart(4, '0')}-d.md`] = `---\nowner: cto\n${i % 10 === 1 ? '' : `supersedes: ADR-${i - 1}\n`}---\n`;
    files['d/0001-d.md'] = '---\nowner: cto\nsupersedes: ADR-10\n---\n';
    const log = logOf(files);
    const cycle = (file: string): string[] => lintDecision(log.get(file)!, log, defaultConfig()).filter((p) => p.code === 'relation-cycle').map((p) => p.message);
    const looped = cycle('d/0005-d.md');
    assert.equal(looped.length, 1);
    let walked = 0;
    const relationsOf = log.relationsOf.bind(log);
    log.relationsOf = (d) => (walked++, relationsOf(d));
    log.upsert(parseDecision('d/0005-d.md', files['d/0005-d.md']!));
    assert.deepEqual(cycle('d/0005-d.md'), looped);
    assert.ok(walked <= 20, `looked at ${walked} decisions' relations`);
    assert.deepEqual(cycle('d/0015-d.md'), [], 'a decision outside the loop');
    log.relationsOf = relationsOf;
    for (let i = 0; i < 100; i++) cycle('d/0015-d.md');
    assert.deepEqual(cycle('d/0005-d.md'), looped, 'the same after the whole log was searched');
  });
});

describe('execution-overrides-strategy', () => {
  const strategy = '---\nstatus: accepted\nowner: cto\n---\n# Strategy\n';
  const execution = '---\nstatus: accepted\ndate: 2022-01-01\nowner: hoe\noverrides: ADR-0001\ntrigger: new-requirement\n---\n# Execution\n';
  const files = { 'd/0001-strategy.md': strategy, 'd/0002-execution.md': execution };

  it('flags an HoE decision overriding a CTO decision, at its owner', () => {
    const [p] = problems(files, 'd/0002-execution.md', 'execution-overrides-strategy');
    assert.equal(p?.range.start.line, 3);
    assert.match(p?.message ?? '', /owned by Head of Engineering \(execution\) but overrides ADR-0001, a CTO \(strategy\) decision/);
  });

  it('fixes by elevating it, or by making the CTO the owner', () => {
    assert.equal(fix(files, 'd/0002-execution.md', 'execution-overrides-strategy', 'Elevate to CTO (strategy)'), execution.replace('owner: hoe\n', `owner: cto\nelevated-from: hoe\nelevated-on: ${TODAY}\n`));
    assert.equal(fix(files, 'd/0002-execution.md', 'execution-overrides-strategy', 'Make CTO (strategy) the owner'), execution.replace('owner: hoe', 'owner: cto'));
  });

  it('is quiet for strategy overriding execution, the essay’s case', () => {
    assert.deepEqual(problems({ 'd/0003-old.md': OLD, 'd/0009-new.md': NEW }, 'd/0009-new.md', 'execution-overrides-strategy'), []);
  });
});

describe('duplicate-number fix', () => {
  it('offers the renumber command with the file', () => {
    const files = { 'd/0012-a.md': '---\nowner: cto\n---\n', 'd/0012-b.md': '---\nowner: cto\n---\n' };
    const log = logOf(files);
    const decision = log.get('d/0012-b.md')!;
    const problem = lintDecision(decision, log, defaultConfig()).find((p) => p.code === 'duplicate-number')!;
    const [renumber] = quickFixesFor(problem, { text: files['d/0012-b.md'], decision, config: defaultConfig(), today: TODAY });
    assert.equal(renumber?.title, 'Renumber ADR-0012 to ADR-0013…');
    assert.deepEqual(renumber?.command, { id: 'adrRoles.renumber', args: ['d/0012-b.md'] });
  });
});
