import { strict as assert } from 'node:assert';
import { DecisionLog } from '../../src/core/workspace/catalog';
import { defaultConfig } from '../../src/core/workspace/config';
import { elevateEdits } from '../../src/core/edit/fixes';
import { applyEdits } from '../../src/core/edit/textEdit';
import { planOverride, planSupersede, yamlScalar } from '../../src/core/edit/lifecycle';
import { lintDecision } from '../../src/core/rules/lint';
import { parseDecision } from '../../src/core/read/parse';
import { planRenumber, renumberedFileName } from '../../src/core/edit/renumber';
import { BUILT_IN_TEMPLATES } from '../../src/core/edit/scaffold';
import { summarize } from '../../src/core/views/summary';
import { allNodes, chainsOf, chainsWhere } from '../../src/core/views/chains';
import { fixtureText } from './helpers';
import { nearestFolders } from '../../src/core/workspace/mentionScope';
import { renumberPreview } from '../../src/core/views/lifecycleText';

const GRAPHQL = fixtureText('madr4/0003-aggregate-events-through-graphql-mutations.md').replace('status: overridden', 'status: accepted').replace('overridden-by: ADR-0009\n', '');

describe('planOverride', () => {
  const old = parseDecision('d/0003-aggregate-events-through-graphql-mutations.md', GRAPHQL);
  const plan = planOverride({
    old,
    oldText: GRAPHQL,
    number: 9,
    title: 'Send events through Segment',
    owner: 'cto',
    date: '2026-11-26',
    template: BUILT_IN_TEMPLATES.madr,
    trigger: 'new-resource',
    triggerDetail: 'Data team hired; vendor contract: signed',
  });

  it('writes the new decision with overrides, trigger and its detail, accepted', () => {
    assert.equal(plan.fileName, '0009-send-events-through-segment.md');
    const created = parseDecision(`d/${plan.fileName}`, plan.text);
    assert.equal(created.status?.value, 'accepted');
    assert.equal(created.owner?.value, 'cto');
    assert.equal(created.trigger?.value, 'new-resource');
    assert.equal(created.triggerDetail?.value, 'Data team hired; vendor contract: signed');
    assert.deepEqual(created.relations.map((r) => [r.kind, r.target.number]), [['overrides', 3]]);
    assert.deepEqual(created.parseProblems, []);
    assert.ok(plan.text.slice(0, plan.cursorOffset).endsWith('## Context and Problem Statement\n\n'), 'cursor in the first section');
  });

  it('marks the old one overridden with a minimal edit, keeping its text as history', () => {
    const oldAfter = applyEdits(GRAPHQL, plan.oldEdits);
    assert.equal(oldAfter, GRAPHQL.replace('status: accepted\n', 'status: overridden\noverridden-by: ADR-0009\n'));
  });

  it('leaves both ends consistent: no relation or status problem on either', () => {
    const log = new DecisionLog('d');
    log.upsert(parseDecision(old.file, applyEdits(GRAPHQL, plan.oldEdits)));
    log.upsert(parseDecision(`d/${plan.fileName}`, plan.text));
    const codes = log.decisions().flatMap((d) => lintDecision(d, log, defaultConfig()).map((p) => p.code));
    assert.deepEqual(codes, []);
    assert.deepEqual(summarize(log.get(old.file)!, log).overriddenBy, ['ADR-0009']);
  });
});

describe('planSupersede', () => {
  it('adr-tools: the new decision links back, the old status line becomes the link', () => {
    const oldText = fixtureText('nygard/0001-record-architecture-decisions.md');
    const old = parseDecision('d/0001-record-architecture-decisions.md', oldText);
    const plan = planSupersede({ old, oldText, number: 5, title: 'Record decisions with owners', owner: 'cto', date: '2026-11-26', template: BUILT_IN_TEMPLATES.nygard });
    const created = parseDecision(`d/${plan.fileName}`, plan.text);
    assert.equal(created.status?.value, 'accepted');
    assert.match(plan.text, /## Status\n\nAccepted\n\nSupersedes \[1\. Record architecture decisions\]\(0001-record-architecture-decisions\.md\)\n/);
    const oldAfter = applyEdits(oldText, plan.oldEdits);
    assert.equal(oldAfter, oldText.replace('\nAccepted\n', '\nSuperseded by [5. Record decisions with owners](0005-record-decisions-with-owners.md)\n'));
  });

  it('MADR 2: the status bullet says superseded by the new decision', () => {
    const oldText = fixtureText('madr2/0001-use-markdown-architectural-decision-records.md');
    const old = parseDecision('d/0001-use-markdown-architectural-decision-records.md', oldText);
    const plan = planSupersede({ old, oldText, number: 4, title: 'Use MADR 4', owner: 'hoe', date: '2026-11-26', template: BUILT_IN_TEMPLATES.madr });
    assert.equal(applyEdits(oldText, plan.oldEdits), oldText.replace('* Status: accepted', '* Status: superseded by [ADR-0004](0004-use-madr-4.md)'));
  });
});

describe('elevateEdits', () => {
  it('hands the decision to the CTO and records from whom and when', () => {
    const text = '---\nstatus: accepted\nowner: hoe\n---\n# Managed Postgres\n';
    assert.equal(applyEdits(text, elevateEdits(text, parseDecision('d/0004-x.md', text), 'cto', 'hoe', '2026-11-26')), '---\nstatus: accepted\nowner: cto\nelevated-from: hoe\nelevated-on: 2026-11-26\n---\n# Managed Postgres\n');
  });
});

describe('yamlScalar', () => {
  it('keeps plain text plain and quotes what YAML would misread', () => {
    assert.equal(yamlScalar('Data team hired'), 'Data team hired');
    for (const risky of ['key: value', '- dash', '#hash', 'true', '12', "it's", 'trailing ']) {
      const written = yamlScalar(risky);
      const read = parseDecision('d/0001-x.md', `---\ntrigger-detail: ${written}\n---\n`).triggerDetail?.value;
      assert.equal(read, risky.trim() === risky ? risky : risky.trim(), `${risky} → ${written}`);
    }
  });
});

describe('planRenumber', () => {
  const files = [
    { path: 'd/0012-from-branch-a.md', text: '# 12. From branch A\n\nDate: 2026-01-01\n' },
    { path: 'd/0012-from-branch-b.md', text: '---\nid: 12\nowner: cto\n---\n# 12. From branch B\n\nSee ADR-0012 for the other half.\n' },
    { path: 'd/0013-uses-b.md', text: '---\nsupersedes: [ADR-0003]\n---\n# Uses B\n\nFollows [the branch B decision](0012-from-branch-b.md#decision), unlike ADR-0012.\n' },
    { path: 'notes/plan.md', text: 'Links to [B](../d/0012-from-branch-b.md) and mentions ADR 12.\n' },
  ];
  const log = new DecisionLog('d');
  for (const f of files.slice(0, 3)) log.upsert(parseDecision(f.path, f.text));

  it('keeps the name and the width of the number', () => {
    assert.equal(renumberedFileName('0012-from-branch-b.md', 14), '0014-from-branch-b.md');
    assert.equal(renumberedFileName('adr-012.md', 14), 'adr-014.md');
  });

  it('renames, rewrites its own heading and id, every link to it, and leaves ambiguous mentions', () => {
    const plan = planRenumber({ log, decision: log.get('d/0012-from-branch-b.md')!, newNumber: 14, files });
    assert.equal(plan.newFileName, '0014-from-branch-b.md');
    const after = new Map(files.map((f) => [f.path, applyEdits(f.text, plan.edits.get(f.path) ?? [])]));
    assert.equal(after.get('d/0012-from-branch-b.md'), '---\nid: 14\nowner: cto\n---\n# 14. From branch B\n\nSee ADR-0014 for the other half.\n');
    assert.equal(after.get('d/0013-uses-b.md'), files[2]!.text.replace('0012-from-branch-b.md#', '0014-from-branch-b.md#'));
    assert.equal(after.get('notes/plan.md'), 'Links to [B](../d/0014-from-branch-b.md) and mentions ADR 12.\n');
    assert.equal(after.get('d/0012-from-branch-a.md'), files[0]!.text);
    assert.equal(plan.ambiguous, 2, 'ADR-0012 in 0013 and ADR 12 in the notes could mean either');
  });

  it('rewrites mentions and bare numeric relations when the number is not shared', () => {
    const single = new DecisionLog('d');
    const texts = [
      { path: 'd/0003-old.md', text: '# 3. Old\n' },
      { path: 'd/0005-new.md', text: '---\nsupersedes: [3]\n---\n# New\n\nReplaces ADR-0003 and adr 3.\n' },
    ];
    for (const f of texts) single.upsert(parseDecision(f.path, f.text));
    const plan = planRenumber({ log: single, decision: single.get('d/0003-old.md')!, newNumber: 6, files: texts });
    assert.equal(applyEdits(texts[1]!.text, plan.edits.get('d/0005-new.md') ?? []), '---\nsupersedes: [6]\n---\n# New\n\nReplaces ADR-0006 and adr 6.\n');
    assert.equal(plan.ambiguous, 0);
  });
});

describe('planRenumber in a monorepo: mentions mean the nearest decision folder', () => {
  const A = 'services/a/docs/adr';
  const B = 'services/b/docs/adr';
  const decisions = [
    { path: `${A}/0001-use-kafka.md`, text: '# 1. Use Kafka\n' },
    { path: `${A}/0003-use-postgres.md`, text: '# 3. Use Postgres\n' },
    { path: `${A}/0004-shard.md`, text: '---\nsupersedes: [3]\n---\n# Shard\n\nAfter ADR-0003.\n' },
    { path: `${B}/0003-use-postgres.md`, text: '# 3. Use Postgres too\n' },
    { path: `${B}/0004-replicas.md`, text: '---\nsupersedes: [3]\n---\n# Replicas\n\nAfter ADR-0003.\n' },
  ];
  const notes = [
    { path: 'services/a/README.md', text: 'See ADR-0003 and [it](docs/adr/0003-use-postgres.md).\n' },
    { path: 'services/a/src/notes.md', text: 'Per ADR 3.\n' },
    { path: 'services/b/README.md', text: 'See ADR-0003 and [it](docs/adr/0003-use-postgres.md).\n' },
    { path: 'README.md', text: 'Both use ADR-0003; [a](services/a/docs/adr/0003-use-postgres.md), [b](services/b/docs/adr/0003-use-postgres.md).\n' },
  ];
  const files = [...decisions, ...notes];
  const logOf = (folder: string): DecisionLog => {
    const log = new DecisionLog(folder);
    for (const f of decisions.filter((d) => d.path.startsWith(`${folder}/`))) log.upsert(parseDecision(f.path, f.text));
    return log;
  };
  const a = logOf(A);
  const b = logOf(B);
  const after = (plan: ReturnType<typeof planRenumber>) => new Map(files.map((f) => [f.path, applyEdits(f.text, plan.edits.get(f.path) ?? [])]));

  it("rewrites its folder's mentions, leaves the other folder's, and counts the root README's as ambiguous", () => {
    const plan = planRenumber({ log: a, decision: a.get(`${A}/0003-use-postgres.md`)!, newNumber: 5, files, folders: [a, b] });
    const text = after(plan);
    assert.equal(text.get('services/a/README.md'), 'See ADR-0005 and [it](docs/adr/0005-use-postgres.md).\n');
    assert.equal(text.get('services/a/src/notes.md'), 'Per ADR 5.\n');
    assert.equal(text.get(`${A}/0004-shard.md`), '---\nsupersedes: [5]\n---\n# Shard\n\nAfter ADR-0005.\n');
    assert.equal(text.get('services/b/README.md'), notes[2]!.text, "b's mention and its link to b's file of the same name are b's");
    assert.equal(text.get(`${B}/0004-replicas.md`), decisions[4]!.text, "b's bare relation and mention are b's");
    // The links say which file they mean; the bare mention may mean either.
    assert.equal(text.get('README.md'), 'Both use ADR-0003; [a](services/a/docs/adr/0005-use-postgres.md), [b](services/b/docs/adr/0003-use-postgres.md).\n');
    assert.equal(plan.ambiguous, 1, 'the root README mention');
    assert.deepEqual([...plan.rewrites.keys()].sort(), ['README.md', 'services/a/README.md', `${A}/0003-use-postgres.md`, `${A}/0004-shard.md`, 'services/a/src/notes.md']);
  });

  it('the Renumber preview says how many mentions it leaves', () => {
    const decision = a.get(`${A}/0003-use-postgres.md`)!;
    const plan = planRenumber({ log: a, decision, newNumber: 5, files, folders: [a, b] });
    assert.match(renumberPreview(decision, 5, plan, (p) => p).detail, /^Leaves 1 mention of ADR-0003 as written: another decision has that number too, so it may mean either\.$/m);
  });

  it('a mention only one folder can mean is rewritten anywhere in the workspace folder', () => {
    const c = new DecisionLog('services/c/docs/adr');
    const own = { path: 'services/c/docs/adr/0007-cache.md', text: '# 7. Cache\n' };
    c.upsert(parseDecision(own.path, own.text));
    const root = { path: 'README.md', text: 'Caching: ADR-0007.\n' };
    const plan = planRenumber({ log: c, decision: c.get(own.path)!, newNumber: 8, files: [own, root], folders: [a, b, c] });
    assert.equal(applyEdits(root.text, plan.edits.get('README.md') ?? []), 'Caching: ADR-0008.\n');
    assert.equal(plan.ambiguous, 0);
  });
});

describe('nearestFolders', () => {
  const A = 'services/a/docs/adr';
  const B = 'services/b/docs/adr';
  it('is the folder sharing the deepest ancestor with the file', () => {
    assert.deepEqual(nearestFolders('services/a/README.md', [A, B]), [A]);
    assert.deepEqual(nearestFolders('services/b/src/deep/x.md', [A, B]), [B]);
    assert.deepEqual(nearestFolders('/w/services/a/README.md', [`/w/${A}`, `/w/${B}`]), [`/w/${A}`]);
  });
  it('leaves it open between folders as near', () => {
    assert.deepEqual(nearestFolders('README.md', [A, B]), [A, B]);
    assert.deepEqual(nearestFolders('README.md', ['docs/adr', A]), ['docs/adr', A]);
    assert.deepEqual(nearestFolders('services/README.md', [A, B]), [A, B]);
  });
  it('prefers a folder holding the file over a folder beside it', () => {
    assert.deepEqual(nearestFolders('docs/adr/0001-x.md', ['docs/adr', 'docs/adr/archive']), ['docs/adr']);
    assert.deepEqual(nearestFolders('docs/adr/notes/x.md', ['docs/adr', 'docs/adr/archive']), ['docs/adr']);
    assert.deepEqual(nearestFolders('docs/adr/archive/0001-x.md', ['docs/adr', 'docs/adr/archive']), ['docs/adr/archive']);
  });
  it('does not take a folder for an ancestor by a common prefix of characters', () => {
    assert.deepEqual(nearestFolders('services/ab/README.md', ['services/a/docs/adr', 'services/ab/docs/adr']), ['services/ab/docs/adr']);
  });
});

describe('chainsOf', () => {
  it('puts each current decision first, with what it overrode or superseded beneath it', () => {
    const log = new DecisionLog('d');
    log.upsert(parseDecision('d/0001-a.md', '---\nstatus: superseded\n---\n'));
    log.upsert(parseDecision('d/0002-b.md', '---\nsupersedes: ADR-0001\nstatus: overridden\n---\n'));
    log.upsert(parseDecision('d/0003-c.md', '---\noverrides: ADR-0002\n---\n'));
    log.upsert(parseDecision('d/0004-d.md', '---\nstatus: accepted\n---\n'));
    const shape = (nodes: ReturnType<typeof chainsOf>): unknown[] => nodes.map((n) => [n.decision.id, n.via, shape(n.replaced)]);
    assert.deepEqual(shape(chainsOf(log)), [
      ['ADR-0003', null, [['ADR-0002', 'overrides', [['ADR-0001', 'supersedes', []]]]]],
      ['ADR-0004', null, []],
    ]);
  });

  it('shows a decision several replaced once with its chain, and as a reference beneath the others', () => {
    const log = new DecisionLog('d');
    log.upsert(parseDecision('d/0001-a.md', '---\nstatus: superseded\n---\n'));
    log.upsert(parseDecision('d/0002-b.md', '---\nsupersedes: ADR-0001\n---\n'));
    log.upsert(parseDecision('d/0003-c.md', '---\noverrides: [ADR-0001, ADR-0002]\n---\n'));
    log.upsert(parseDecision('d/0004-d.md', '---\nsupersedes: ADR-0001\n---\n'));
    const shape = (nodes: ReturnType<typeof chainsOf>): unknown[] => nodes.map((n) => [n.decision.id, n.via, n.reference ? `see ${n.shownUnder?.id ?? 'top'}` : 'own', shape(n.replaced)]);
    assert.deepEqual(shape(chainsOf(log)), [
      ['ADR-0003', null, 'own', [
        ['ADR-0001', 'overrides', 'own', []],
        ['ADR-0002', 'overrides', 'own', [['ADR-0001', 'supersedes', 'see ADR-0003', []]]],
      ]],
      ['ADR-0004', null, 'own', [['ADR-0001', 'supersedes', 'see ADR-0003', []]]],
    ]);
  });

  it('grows with the log, not with the paths through it: 44 decisions that each replace the next two', () => {
    const log = new DecisionLog('d');
    const pad = (i: number): string => String(i).padStart(4, '0');
    for (let i = 1; i <= 44; i++) {
      const layer = Math.ceil(i / 2);
      const replaced = [2 * layer + 1, 2 * layer + 2].filter((k) => k <= 44).map((k) => `ADR-${pad(k)}`);
      log.upsert(parseDecision(`d/${pad(i)}-g.md`, `---\nsupersedes: [${replaced.join(', ')}]\n---\n`));
    }
    const nodes = allNodes(chainsOf(log));
    assert.equal(nodes.filter((n) => !n.reference).length, 44, 'each decision once with its chain');
    assert.equal(nodes.length, 2 + 2 * 42, 'and each relation once');
    assert.deepEqual(chainsWhere(chainsOf(log), (d) => d.id === 'ADR-0044').map((n) => n.decision.id), ['ADR-0001'], 'found where its chain is');
  });

  it('still lists decisions caught in a loop', () => {
    const log = new DecisionLog('d');
    log.upsert(parseDecision('d/0001-a.md', '---\nsupersedes: ADR-0002\n---\n'));
    log.upsert(parseDecision('d/0002-b.md', '---\nsupersedes: ADR-0001\n---\n'));
    assert.deepEqual(chainsOf(log).map((n) => n.decision.id), ['ADR-0001']);
    assert.deepEqual(chainsOf(log)[0]?.replaced.map((n) => n.decision.id), ['ADR-0002']);
  });
});

// Counterexamples from the fuzzing of test/unit/fuzz (shrunk by fast-check), kept as plain cases.
describe('lifecycle plans: shapes found by fuzzing', () => {
  const base = { number: 1, title: '---', owner: 'cto', date: '2026-11-26', trigger: 'new-resource' as const, triggerDetail: '' };

  it('names an old decision whose id is no plain word so that the new one reads it back', () => {
    for (const file of ['d/title: .md', 'd/].md', 'd/id: .md', 'd/{proposed | accepted}.md', 'd/ünï-😀.md']) {
      for (const template of [BUILT_IN_TEMPLATES.madr, BUILT_IN_TEMPLATES.nygard]) {
        const oldText = '# Use X\n\n';
        const plan = planOverride({ ...base, old: parseDecision(file, oldText), oldText, template });
        const created = parseDecision(`d/${plan.fileName}`, plan.text);
        assert.deepEqual(created.parseProblems.filter((p) => p.code === 'invalid-frontmatter'), [], plan.text);
        assert.ok(created.relations.some((r) => r.kind === 'overrides' && (r.target.fileName === file.slice(2) || r.target.slug !== null)), plan.text);
      }
    }
  });

  it('links to an old decision with a very long title so that the link reads back', () => {
    const oldText = `# ${'a'.repeat(100_000)}\n`;
    const plan = planOverride({ ...base, old: parseDecision('d/0001-a.md', oldText), oldText, template: BUILT_IN_TEMPLATES.nygard });
    assert.ok(parseDecision(`d/${plan.fileName}`, plan.text).relations.some((r) => r.kind === 'overrides' && r.target.fileName === '0001-a.md'));
  });

  it('marks an old decision whose status key is written twice in two spellings without a duplicate key', () => {
    const oldText = '---\nStatus: \ntitle: Use feature flags\nstatus: proposed\nowner: vp-product\n---\n# ADR 7: Use feature flags\n';
    const old = parseDecision('d/adr-012.md', oldText);
    const plan = planOverride({ ...base, old, oldText, template: BUILT_IN_TEMPLATES.madr });
    assert.deepEqual(parseDecision('d/adr-012.md', applyEdits(oldText, plan.oldEdits)).parseProblems, []);
  });

  it('quotes what YAML would read otherwise, line breaks and a trailing colon included', () => {
    for (const text of ['title:', 'a\nb', '\u0000', 'x\u2028y', '{ x }']) {
      const written = yamlScalar(text);
      const read = parseDecision('d/0001-a.md', `---\ntrigger-detail: ${written}\n---\n`);
      assert.deepEqual(read.parseProblems.filter((p) => p.code === 'invalid-frontmatter'), [], written);
    }
  });
});

describe('lifecycle plans: shapes found by fuzzing', () => {
  const base = { number: 1, owner: 'cto', date: '2026-11-26', template: BUILT_IN_TEMPLATES.madr, trigger: 'new-resource' as const, triggerDetail: '' };
  it('keeps a status written above a thematic break a paragraph, not a setext heading', () => {
    const oldText = '# 1. A\n\n## Status\n\n> - x\n---\n\nAccepted\n';
    const plan = planOverride({ ...base, old: parseDecision('d/0001-a.md', oldText), oldText, title: 'B' });
    const marked = parseDecision('d/0001-a.md', applyEdits(oldText, plan.oldEdits));
    assert.equal(marked.status?.value, 'overridden');
  });
  it('keeps a status bullet a bullet, so the lines continuing it lazily over `------` stay in it, and breaks a numbered one off them (fuzz seed 1119977417)', () => {
    // Written without its `* `, the status ran on into `Status` over `------`: a heading, and no status.
    const oldText = '# Use X\n\n## Status\n\n* Status: ADR-0001\nStatus\n------\n\n';
    const plan = planOverride({ ...base, old: parseDecision('d/0001-a.md', oldText), oldText, title: 'B' });
    const after = applyEdits(oldText, plan.oldEdits);
    assert.equal(after, '# Use X\n\n## Status\n\n* Overridden by [1. B](0001-b.md)\nStatus\n------\n\n');
    const numbered = '# Use X\n\n## Status\n\n1. Accepted\nas agreed\n---\n';
    const numberedPlan = planOverride({ ...base, old: parseDecision('d/0001-a.md', numbered), oldText: numbered, title: 'B' });
    for (const markdown of ['scan', 'tree'] as const) {
      assert.equal(parseDecision('d/0001-a.md', after, { markdown }).status?.value, 'overridden', markdown);
      assert.equal(parseDecision('d/0001-a.md', applyEdits(numbered, numberedPlan.oldEdits), { markdown }).status?.value, 'overridden', markdown);
    }
  });
  it('names a decision whose id reads as no decision (`---.md`) by its file name', () => {
    const oldText = '> # Quoted\n> Status: accepted';
    const plan = planOverride({ ...base, old: parseDecision('d/---.md', oldText), oldText, title: 'B' });
    assert.deepEqual(parseDecision(`d/${plan.fileName}`, plan.text).relations.map((r) => [r.kind, r.target.fileName]), [['overrides', '---.md']]);
  });
});
