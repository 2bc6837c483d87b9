import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ROLES } from '../../src/core/workspace/config';
import { invalidDateMessage } from '../../src/core/read/dates';
import { parseDecision } from '../../src/core/read/parse';
import { buildGraph } from '../../src/core/views/graph';
import { buildReport } from '../../src/core/views/report';
import { reportText } from '../../src/core/views/reportText';
import { countsSummary, lifecycleCounts, standingOf } from '../../src/core/views/standing';
import { completionAt } from '../../src/core/views/completion';
import { defaultConfig } from '../../src/core/workspace/config';
import { elevationOf, ownerLineOf, ownerOf, relationLine } from '../../src/core/views/decisionText';
import {
  becauseOf,
  ownerLine,
  ownerName,
  relationName,
  roleName,
  STATUS_CHOICES,
  statusHeading,
  statusName,
  triggerName,
  triggerText,
} from '../../src/core/views/vocabulary';
import { groupByStatus } from '../../src/core/views/grouping';
import { demoLog, logOf } from './decisionSets';

const ROOT = join(__dirname, '..', '..');
const [CTO, HOE] = DEFAULT_ROLES;

describe('vocabulary', () => {
  it('names a role, an owner that names none, and a missing owner the same way everywhere', () => {
    assert.equal(roleName(CTO!), 'CTO (strategy)');
    assert.equal(roleName({ label: 'Founder', kind: 'other' }), 'Founder');
    assert.equal(ownerName('cto', CTO), 'CTO (strategy)');
    assert.equal(ownerName('cxo', undefined), 'cxo (not a configured role)');
    assert.equal(ownerName(null, undefined), 'no owner');
    assert.equal(ownerLine('hoe', HOE), 'Owner: Head of Engineering (execution)');
    assert.equal(ownerLine(undefined, undefined), 'No owner', 'never "Owner: no owner"');
  });

  it('shows every status in lower case, as the known ones are', () => {
    assert.equal(statusName('Partly superseded'), 'partly superseded');
    assert.equal(statusName(null), 'no status');
    assert.equal(statusHeading('partly superseded'), 'Partly superseded');
    const groups = groupByStatus([parseDecision('d/0001-a.md', '# 1. A\n\n## Status\n\nPartly superseded\n'), parseDecision('d/0002-b.md', '---\nstatus: partly superseded\n---\n# B\n')]);
    assert.deepEqual(groups.map((g) => [g.label, g.decisions.length]), [['Partly superseded', 2]], 'however it is capitalised, one group');
  });

  it('puts relations and triggers in words, never their keys', () => {
    assert.equal(relationName('overridden-by'), 'overridden by');
    assert.equal(relationName('clarified-by'), 'clarified by');
    assert.equal(triggerName('new-resource'), 'new resource');
    assert.equal(triggerName(undefined), 'no trigger');
    assert.equal(becauseOf('new-requirement', '24/7 support'), 'because of a new requirement: 24/7 support');
    assert.equal(becauseOf('budget', ''), "because of 'budget'");
    assert.equal(triggerText('new-resource', 'Data team hired'), 'new resource: Data team hired');
  });

  it('describes a decision the same way in the tree, the hover and CodeLens', () => {
    const log = demoLog();
    const segment = log.decisions().find((d) => d.id === 'ADR-0005')!;
    const graphql = log.decisions().find((d) => d.id === 'ADR-0003')!;
    const postgres = log.decisions().find((d) => d.id === 'ADR-0004')!;
    assert.equal(ownerOf(segment, DEFAULT_ROLES), 'CTO (strategy)');
    assert.equal(ownerLineOf(log.decisions().find((d) => d.id === 'ADR-0006')!, DEFAULT_ROLES), 'No owner');
    assert.deepEqual(log.relationsOf(graphql).map((r) => relationLine(graphql, r)), ['overridden by ADR-0005 because of a new resource: Data team hired; analytics vendor contract signed']);
    assert.deepEqual(log.relationsOf(segment).map((r) => relationLine(segment, r)), ['overrides ADR-0003 because of a new resource: Data team hired; analytics vendor contract signed']);
    assert.equal(elevationOf(postgres, DEFAULT_ROLES), 'elevated from Head of Engineering (execution) on 2021-05-24');
  });

  it("offers the statuses the README's file format lists, and no other", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const listed = /status: accepted +# (.+)/.exec(readme)?.[1]?.split('|').map((s) => s.trim());
    assert.deepEqual(STATUS_CHOICES.map((s) => s.status), listed);
    const text = '---\nstatus: \n---\n# X\n';
    const completion = completionAt(text, { line: 1, character: 8 }, parseDecision('d/0001-x.md', text), defaultConfig());
    assert.deepEqual(completion?.items.map((i) => i.label), listed, 'completion offers the same list');
  });

  it('says a well-formed date that names no day is not a real date, rather than asking for the form it has', () => {
    assert.equal(invalidDateMessage('2021-13-45', 'date'), "'2021-13-45' is not a real date: there is no month 13");
    assert.equal(invalidDateMessage('2021-02-30', 'date'), "'2021-02-30' is not a real date: February 2021 has 28 days");
    assert.equal(invalidDateMessage('next week', 'date'), "'next week' is not a date: write date as YYYY-MM-DD");
    const problem = parseDecision('d/0001-x.md', '---\ndate: 2021-13-45\n---\n# X\n').parseProblems.find((p) => p.code === 'invalid-date');
    assert.equal(problem?.message, "'2021-13-45' is not a real date: there is no month 13");
  });
});

describe('standing: the graph and the report count from one definition', () => {
  // ADR-0002 was set overridden by hand with no successor; ADR-0003 is superseded by ADR-0004.
  const log = logOf('d', {
    '0001-a.md': ['status: accepted', 'owner: hoe'],
    '0002-b.md': ['status: overridden', 'owner: hoe'],
    '0003-c.md': ['status: superseded', 'owner: cto', 'superseded-by: ADR-0004'],
    '0004-d.md': ['status: accepted', 'owner: cto', 'supersedes: ADR-0003'],
    '0005-e.md': ['status: accepted', 'owner: cto', 'overrides: ADR-0001', 'trigger: new-resource'],
  });

  it('is out of force when a decision replaces it, or when its status says so', () => {
    const standing = Object.fromEntries(log.decisions().map((d) => [d.id, standingOf(d, log).inForce]));
    assert.deepEqual(standing, { 'ADR-0001': false, 'ADR-0002': false, 'ADR-0003': false, 'ADR-0004': true, 'ADR-0005': true });
  });

  it('gives the graph and the report the same counts, and the same summary', () => {
    const graph = buildGraph([log], DEFAULT_ROLES);
    const report = buildReport([log], DEFAULT_ROLES);
    assert.deepEqual(graph.counts, report.counts);
    assert.deepEqual(graph.counts, { decisions: 5, unowned: 0, overrides: 1, supersessions: 1, elevated: 0, noLongerInForce: 3 });
    const faded = graph.folders[0]!.nodes.flatMap((n) => (n.type === 'decision' && n.replaced ? [n.id] : []));
    assert.equal(faded.length, graph.counts.noLongerInForce, 'the graph fades as many boxes as it counts');
    assert.deepEqual(
      report.executionOverridden.decisions.map((o) => o.decision.id),
      ['ADR-0001', 'ADR-0002'],
      'the report counts the decision marked overridden, which the graph fades',
    );
    assert.deepEqual(countsSummary(lifecycleCounts([log])), ['5 decisions', '1 override', '1 supersession', '3 no longer in force']);
    assert.match(reportText(report), /\n5 decisions · 1 override · 1 supersession · 3 no longer in force · 0 unowned\n/);
  });
});

describe('the welcome view and the walkthrough', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { viewsWelcome: { contents: string }[]; walkthroughs: { steps: { description: string; media: { markdown?: string } }[] }[] };
  };

  it('write no backticks where VS Code shows them as written: the welcome view and the step descriptions', () => {
    const plain = [...manifest.contributes.viewsWelcome.map((v) => v.contents), ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.description))];
    assert.ok(plain.length > 0);
    for (const text of plain) assert.doesNotMatch(text, /`/, text);
  });

  it('never tell to run the CLI with npx without saying how to install it, since it is not published', () => {
    const pages = manifest.contributes.walkthroughs.flatMap((w) => w.steps.flatMap((s) => (s.media.markdown ? [s.media.markdown] : [])));
    assert.equal(pages.length, 4);
    for (const page of pages) {
      const text = readFileSync(join(ROOT, page), 'utf8');
      if (/npx adr-roles/.test(text)) assert.match(text, /not published to npm yet[\s\S]*npm pack/, page);
      if (/adr-roles (new|migrate|lint)/.test(text)) assert.match(text, /not published to npm yet/, page);
    }
  });
});
