import { strict as assert } from 'node:assert';
import { branchMarks, checkBranchSides, chooseBase } from '../../src/core/branch/branchCheck';
import { branchProblems } from '../../src/core/branch/branchRules';
import { decisionSectionText } from '../../src/core/branch/decisionText';
import { pairDecisions, type RevisionDecision } from '../../src/core/branch/pairing';
import { parseDecision } from '../../src/core/read/parse';
import { defaultConfig } from '../../src/core/workspace/config';
import { quickFixesFor } from '../../src/core/views/quickFixes';
import { branchMarkText } from '../../src/core/views/vocabulary';
import { skipBySize } from '../../src/core/read/fileAdmission';
import { summarizeBranch } from '../../src/core/branch/branchSummary';
import { summaryMarkdown } from '../../src/core/branch/summaryMarkdown';

function at(path: string, text: string): RevisionDecision {
  return { path, decision: parseDecision(path, text), text };
}

describe('branch rules', () => {
  it('reads the decision section of adr-tools and MADR files, and not a heading inside code', () => {
    const nygard = '# 1. Use X\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n\n## Decision\n\nWe use X.\n\n## Consequences\n\nQ.\n';
    assert.equal(decisionSectionText(parseDecision('a/0001-x.md', nygard), nygard), 'We use X.');
    const madr = '---\nstatus: accepted\n---\n# Use X\n\n## Decision Outcome\n\nChosen option: X.\n\n### Consequences\n\nGood.\n\n## More\n\nM.\n';
    assert.equal(decisionSectionText(parseDecision('a/0001-x.md', madr), madr), 'Chosen option: X. ### Consequences Good.');
    const fenced = '# Use X\n\n```\n## Decision\n```\n\nNo section.\n';
    assert.equal(decisionSectionText(parseDecision('a/0001-x.md', fenced), fenced), '');
  });

  it('pairs a rename by path first, then by title within the folder, and leaves the rest deleted or added', () => {
    const base = [at('d/0001-a.md', '# A\n'), at('d/0002-b.md', '# B\n'), at('d/0003-c.md', '# C\n')];
    const head = [at('d/0001-a.md', '# A\n'), at('d/0002-bee.md', '# B\n'), at('e/0003-c.md', '# C\n')];
    const pairing = pairDecisions(base, head, new Map());
    assert.deepEqual(pairing.pairs.map((p) => [p.base.path, p.head.path]), [['d/0001-a.md', 'd/0001-a.md'], ['d/0002-b.md', 'd/0002-bee.md']]);
    assert.deepEqual(pairing.deleted.map((d) => d.path), ['d/0003-c.md']);
    assert.deepEqual(pairing.added.map((d) => d.path), ['e/0003-c.md']);
    const renamed = pairDecisions(base, head, new Map([['d/0003-c.md', 'e/0003-c.md']]));
    assert.deepEqual(renamed.deleted, []);
    // git's rename of a deleted decision into an added one of the same template is no rename.
    const template = pairDecisions([at('d/0002-b.md', '# B\n')], [at('d/0003-other.md', '# Other\n')], new Map([['d/0002-b.md', 'd/0003-other.md']]));
    assert.deepEqual([template.pairs.length, template.deleted.map((d) => d.path), template.added.map((d) => d.path)], [0, ['d/0002-b.md'], ['d/0003-other.md']]);
    const renumbered = pairDecisions([at('d/0002-b.md', '# B\n')], [at('d/0007-b.md', '# B\n')], new Map([['d/0002-b.md', 'd/0007-b.md']]));
    assert.equal(renumbered.pairs.length, 1, 'renumbered, same title');
    const retitled = pairDecisions([at('d/0002-b.md', '# B\n')], [at('d/0002-bee.md', '# Bee\n')], new Map([['d/0002-b.md', 'd/0002-bee.md']]));
    assert.equal(retitled.pairs.length, 1, 'retitled, same number');
  });

  it('reports a taken number only against a decision the base added meanwhile, with the next number free on both', () => {
    const base = [at('d/0001-a.md', '# A\n')];
    const head = [...base, at('d/0002-mine.md', '# Mine\n')];
    const input = (tipPaths: string[]) => ({ pairing: pairDecisions(base, head, new Map()), tipPaths, basePaths: new Set(['d/0001-a.md']), headPaths: head.map((h) => h.path), config: defaultConfig(), baseName: 'main' });
    const [taken] = branchProblems(input(['d/0001-a.md', 'd/0002-theirs.md', 'd/0005-later.md']));
    assert.equal(taken?.problem.code, 'number-taken-on-base');
    assert.deepEqual(taken?.problem.data, { nextNumber: 6, takenBy: 'd/0002-theirs.md' });
    assert.deepEqual(branchProblems(input(['d/0001-a.md', 'e/0002-elsewhere.md'])), [], 'another folder keeps its own numbers');
  });

  it('counts an owner change as the same owner when only its spelling changed, and as elevated only with both fields new', () => {
    const base = [at('d/0001-a.md', '---\nowner: hoe\nelevated-from: cto\nelevated-on: 2020-01-01\n---\n# A\n')];
    const check = (text: string) => branchProblems({ pairing: pairDecisions(base, [at('d/0001-a.md', text)], new Map()), tipPaths: [], basePaths: new Set(), headPaths: [], config: defaultConfig(), baseName: 'main' }).map((p) => p.problem.code);
    assert.deepEqual(check('---\nowner: Head of Engineering\n---\n# A\n'), []);
    assert.deepEqual(check('---\nowner: cto\nelevated-from: hoe\nelevated-on: 2024-02-02\n---\n# A\n'), []);
    assert.deepEqual(check('---\nowner: cto\nelevated-from: cto\nelevated-on: 2020-01-01\n---\n# A\n'), ['owner-changed-without-elevation']);
    assert.deepEqual(check('---\nowner: cto\n---\n# A\n'), ['owner-changed-without-elevation']);
  });
  it('marks what the branch adds, changes and renames, and nothing it left as it was', () => {
    const base = [at('d/0001-a.md', '# A\n'), at('d/0002-b.md', '# B\n'), at('d/0003-c.md', '# C\n'), at('d/0004-gone.md', '# Gone\n')];
    const head = [at('d/0001-a.md', '# A\n'), at('d/0002-b.md', '# B\n\nMore.\n'), at('d/0003-see.md', '# C\n'), at('d/0005-new.md', '# New\n')];
    const { pairing, problems } = checkBranchSides({ base, head, tipPaths: [], renames: new Map() }, defaultConfig(), 'main');
    assert.deepEqual([...branchMarks(pairing)].sort(), [['d/0002-b.md', 'changed'], ['d/0003-see.md', 'renamed'], ['d/0005-new.md', 'added']]);
    assert.deepEqual(problems.map((p) => [p.problem.code, p.path]), [['decision-deleted', 'd/0004-gone.md']]);
  });

  it('a decision whose file one side did not read (over the size limit) is changed and not compared: neither added nor deleted, with a notice', () => {
    const tooLarge = (path: string) => ({ path, problem: (skipBySize(path, 2 * 1024 * 1024, { maxFileBytes: 1024 * 1024 }) ?? assert.fail('skipped')).problem });
    const accepted = (title: string, owner: string) => `---\nstatus: accepted\nowner: ${owner}\n---\n# ${title}\n\n## Decision\n\nWe do ${title}.\n`;
    // 0001 is over the limit at the base only, 0002 in the branch only; 0003 is over it at the base
    // and renamed since; 0004 is deleted, 0005 added, as before.
    const base = [at('d/0002-b.md', accepted('B', 'hoe')), at('d/0004-gone.md', accepted('Gone', 'cto'))];
    const head = [at('d/0001-a.md', accepted('A', 'cto')), at('d/0003-see.md', accepted('C', 'cto')), at('d/0005-new.md', accepted('New', 'cto'))];
    const sides = { base, head, tipPaths: ['d/0001-a.md', 'd/0002-b.md', 'd/0003-c.md', 'd/0004-gone.md'], renames: new Map([['d/0003-c.md', 'd/0003-see.md']]) };
    const unread = { ...sides, baseUnread: [tooLarge('d/0001-a.md'), tooLarge('d/0003-c.md')], headUnread: [tooLarge('d/0002-b.md')] };
    const { pairing, problems } = checkBranchSides(unread, defaultConfig(), 'main');
    assert.deepEqual(pairing.added.map((d) => d.path), ['d/0005-new.md']);
    assert.deepEqual(pairing.deleted.map((d) => d.path), ['d/0004-gone.md']);
    assert.deepEqual(pairing.unread.map((u) => [u.side, u.read.path, u.otherPath]), [['base', 'd/0001-a.md', 'd/0001-a.md'], ['base', 'd/0003-see.md', 'd/0003-c.md'], ['branch', 'd/0002-b.md', 'd/0002-b.md']]);
    assert.deepEqual([...branchMarks(pairing)].sort(), [['d/0001-a.md', 'changed'], ['d/0003-see.md', 'renamed'], ['d/0005-new.md', 'added']]);
    assert.deepEqual(problems.map((p) => [p.problem.code, p.problem.severity, p.path]), [['decision-deleted', 'error', 'd/0004-gone.md'], ['file-skipped', 'info', 'd/0001-a.md'], ['file-skipped', 'info', 'd/0003-see.md']]);
    assert.match(problems[1]?.problem.message ?? '', /^Not compared with main: on main this file is 2\.0 MB, over the 1\.0 MB limit for decisions, so it is not read\./);
    // Without the sides' unread files, as before: the base's oversized files read as added, the branch's as deleted.
    const blind = checkBranchSides(sides, defaultConfig(), 'main');
    assert.deepEqual([blind.pairing.added.length, blind.pairing.deleted.length], [3, 2]);

    const summary = summarizeBranch(pairing, (path) => problems.filter((p) => p.path === path).map((p) => p.problem), defaultConfig(), 'main');
    assert.deepEqual(summary.counts, { added: 1, changed: 2, renamed: 1, deleted: 1, problems: 1 });
    const changes = summary.groups.flatMap((g) => g.decisions.map((d) => [d.id, d.change, d.notice?.replace(/: .*/, ''), d.status, d.problems.map((p) => p.code)]));
    assert.deepEqual(changes, [
      ['ADR-0001', 'changed', 'Not compared with main', null, []],
      ['ADR-0003', 'renamed', 'Not compared with main', null, []],
      ['ADR-0004', 'deleted', undefined, null, ['decision-deleted']],
      ['ADR-0005', 'added', undefined, null, []],
      ['ADR-0002', 'changed', 'Not compared with main', null, []],
    ]);
    const markdown = summaryMarkdown(summary);
    assert.ok(markdown.includes('- **ADR-0001 A**: changed (d/0001-a.md)\n  - **notice** Not compared with main: on main this file is 2.0 MB, over the 1.0 MB limit for decisions, so it is not read.'), markdown);
    assert.ok(markdown.includes('- **ADR-0002 B**: changed (d/0002-b.md)\n  - **notice** Not compared with main: in this branch this file is 2.0 MB'), markdown);
  });

  it('compares with the base the setting names, else the upstream (a local one by its name), else with none', () => {
    assert.deepEqual(chooseBase(' release ', { remote: 'origin', name: 'main' }), { ref: 'release', from: 'setting' });
    assert.deepEqual(chooseBase('', { remote: 'origin', name: 'main' }), { ref: 'origin/main', from: 'upstream' });
    assert.deepEqual(chooseBase(undefined, { remote: '.', name: 'main' }), { ref: 'main', from: 'upstream' });
    assert.equal(chooseBase('  ', undefined), undefined);
  });
  it('offers Renumber to the number free on both sides for a number taken on the base, and words each mark', () => {
    const base = [at('d/0001-a.md', '# A\n')];
    const mine = at('d/0002-mine.md', '---\nstatus: proposed\n---\n# Mine\n');
    const [taken] = checkBranchSides({ base, head: [...base, mine], tipPaths: ['d/0001-a.md', 'd/0002-theirs.md', 'd/0003-later.md'], renames: new Map() }, defaultConfig(), 'origin/main').problems;
    assert.ok(taken);
    const fixes = quickFixesFor(taken.problem, { text: mine.text, decision: mine.decision, config: defaultConfig(), today: '2026-01-01' });
    assert.deepEqual(fixes.map((f) => [f.title, f.preferred, f.command]), [['Renumber ADR-0002 to ADR-0004…', true, { id: 'adrRoles.renumber', args: ['d/0002-mine.md', { to: 4 }] }]]);
    assert.deepEqual(quickFixesFor({ ...taken.problem, data: {} }, { text: mine.text, decision: mine.decision, config: defaultConfig(), today: '2026-01-01' }), [], 'no number, no fix');
    assert.deepEqual(branchMarkText('added', 'origin/main'), { badge: '+', tooltip: 'Added on this branch (against origin/main)' });
    assert.equal(branchMarkText('changed', 'main').tooltip, 'Changed on this branch (against main)');
  });
});
