import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { memoryFileSystem, runCli } from './helpers';
import { git } from './gitRepos';
import { asWritten, controlWord, inMarkdown, ownStatus, PROTOTYPE_NAMES, prototypeRepository } from './prototypeNames';
import { readStatus } from '../../src/core/read/status';
import { parseDecision, relationKind } from '../../src/core/read/parse';
import { lookupTable } from '../../src/core/read/lookup';
import { loadWorkspace } from '../../src/core/workspace/load';
import { mergeConfig, readConfig, type AdrRolesConfig } from '../../src/core/workspace/config';
import { formatOfLog } from '../../src/core/workspace/folderFormat';
import { lintDecision } from '../../src/core/rules/lint';
import { quickFixesFor } from '../../src/core/views/quickFixes';
import { badgeCounts, groupByRole, groupByStatus, homeGroupKey, reviewGroups } from '../../src/core/views/grouping';
import { buildReport } from '../../src/core/views/report';
import { reportText } from '../../src/core/views/reportText';
import { buildGraph } from '../../src/core/views/graph';
import { filterGraph, ownerOptions, statusOptions } from '../../src/core/views/graphFilter';
import { renderGraph } from '../../src/core/views/graphFormats';
import { allNodes, chainsOf } from '../../src/core/views/chains';
import { renderIndexTable } from '../../src/core/views/indexTable';
import { summarize } from '../../src/core/views/summary';
import { completionAt } from '../../src/core/views/completion';
import { ownerLineOf, relationLine, reviewLineOf } from '../../src/core/views/decisionText';
import { formatLintResults, type FileProblem } from '../../src/core/views/lintFormats';
import { planCodeowners } from '../../src/core/review/codeownersPlan';
import { relationName } from '../../src/core/views/vocabulary';
import { relationVerb } from '../../src/core/edit/decisionEdits';
import type { Decision } from '../../src/core/model';

const TODAY = '2030-01-01';
/** What an object or a function would show as, were one taken for a written value. */
const FORGED = /\[native code\]|\[object |function [A-Za-z]*\(|=> /;
/** Roles for every other name; the others are owners no role matches. */
const roled = (_: string, index: number): boolean => index % 2 === 0;
const hostileFiles = (): Map<string, string> => prototypeRepository(PROTOTYPE_NAMES, roled);
const controlFiles = (): Map<string, string> => prototypeRepository(PROTOTYPE_NAMES.map(controlWord), roled);

/** A JSON value with arrays as sorted sets and objects as sorted pairs: what two readings in another order share. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => JSON.stringify(canonical(v))).sort();
  if (typeof value === 'object' && value !== null) {
    return Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]);
  }
  return value;
}

/** Every view model and text of the core over one repository, as JSON. */
async function coreViews(files: Map<string, string>): Promise<string> {
  const fs = memoryFileSystem(Object.fromEntries(files));
  const { discovery, catalog } = await loadWorkspace(fs, '.');
  const config = discovery.config;
  const roles = config.roles;
  const policyOf = (): AdrRolesConfig['review'] => config.review;
  const decisions = catalog.decisions();
  const logs = catalog.folders();
  const problems: FileProblem[] = [];
  const perDecision = logs.flatMap((log) =>
    log.decisions().map((d: Decision) => {
      const text = files.get(d.file) ?? '';
      const found = [...d.parseProblems, ...lintDecision(d, log, config, TODAY)];
      problems.push(...found.map((p) => ({ ...p, file: d.file })));
      const ownerAt = text.split('\n').findIndex((l) => /^owner:/.test(l));
      return {
        file: d.file,
        status: d.status?.value ?? null,
        owner: d.owner?.value ?? null,
        trigger: d.trigger?.value ?? null,
        relations: log.relationsOf(d).map((r) => [r.kind, r.target?.file ?? null, r.declared, relationLine(d, r)]),
        summary: summarize(d, log),
        ownerLine: ownerLineOf(d, roles),
        reviewLine: reviewLineOf(d, config.review, TODAY),
        home: [homeGroupKey(d, 'role', roles), homeGroupKey(d, 'status', roles)],
        fixes: found.flatMap((p) => quickFixesFor(p, { text, decision: d, config, today: TODAY, folder: formatOfLog(discovery, log) }).map((f) => [f.title, f.edits])),
        completion: ownerAt >= 0 ? completionAt(text, { line: ownerAt, character: 'owner: '.length }, d, config, log)?.items.map((i) => i.label) ?? null : null,
      };
    }),
  );
  const graph = buildGraph(logs, roles);
  return JSON.stringify({
    folders: discovery.folders,
    sources: [...discovery.sources],
    configProblems: discovery.configProblems.map((p) => p.message),
    roles,
    severities: config.severities,
    perDecision,
    byRole: groupByRole(decisions, roles).map((g) => [g.key, g.label, g.decisions.map((d) => d.file)]),
    byStatus: groupByStatus(decisions).map((g) => [g.key, g.label, g.decisions.map((d) => d.file)]),
    review: reviewGroups(decisions, policyOf, TODAY).map((g) => [g.key, g.label, g.decisions.map((d) => d.file)]),
    badge: badgeCounts(decisions, () => config, TODAY),
    report: buildReport(logs, roles, { review: { today: TODAY, policyOf } }),
    reportText: reportText(buildReport(logs, roles)).split(/\s+/).sort(),
    graph,
    owners: ownerOptions(graph),
    statuses: statusOptions(graph),
    filtered: statusOptions(graph).map((s) => filterGraph(graph, { text: '', owner: '', status: s.value, relatedTo: '' }).folders.map((f) => f.nodes.length)),
    mermaid: renderGraph(graph, 'mermaid'),
    dot: renderGraph(graph, 'dot'),
    chains: logs.map((log) => allNodes(chainsOf(log)).map((n) => n.decision.file)),
    index: logs.map((log) => renderIndexTable(log, roles)),
    codeowners: planCodeowners(decisions.map((d) => ({ path: d.file, id: d.id, owner: d.owner?.value })), roles),
    lint: (['stylish', 'json', 'sarif', 'github'] as const).map((format) => formatLintResults(problems, format, { colour: false, tool: { version: '0', informationUri: 'https://example.com' } })),
  });
}

describe('names of Object.prototype members written in a decision log', () => {
  it('read as the words they are: statuses, relation verbs, relation names', () => {
    for (const name of PROTOTYPE_NAMES) {
      assert.deepEqual(readStatus(name), { status: ownStatus(name), relation: null }, name);
      assert.deepEqual(readStatus(`Status: ${name}`), { status: ownStatus(name), relation: null }, name);
      assert.equal(typeof relationKind(name), 'string', name);
      assert.equal(relationKind(name), asWritten(relationKind(controlWord(name))), name);
      assert.equal(relationName(name), asWritten(relationName(controlWord(name))), name);
      assert.equal(relationVerb(name), asWritten(relationVerb(controlWord(name))), name);
    }
    const decision = parseDecision('d/0002-x.md', `# 2. X\n\nDate: 2021-01-01\n\n## Status\n\nAccepted\n\n${PROTOTYPE_NAMES.map((n) => `${n} [1. First](0001-first.md)`).join('\n\n')}\n`);
    for (const relation of decision.relations) assert.equal(typeof relation.kind, 'string', String(relation.kind));
    assert.ok(decision.relations.some((r) => r.kind === 'constructor'));
  });

  it('in .adr-roles.yml: an unknown rule and key each, a role of its own, and nothing on the severities object', () => {
    const { config, problems } = readConfig(hostileFiles().get('.adr-roles.yml') ?? '');
    const messages = problems.map((p) => p.message);
    for (const name of PROTOTYPE_NAMES) {
      assert.ok(messages.includes(`Unknown rule '${name}': the codes are listed in the README's Problems table`), `rule ${name}`);
      assert.ok(messages.some((m) => m.startsWith(`Unknown key '${name}'`)), `key ${name}`);
      assert.ok(!Object.hasOwn(config.severities, name), `severity ${name}`);
    }
    assert.equal(Object.getPrototypeOf(config.severities), Object.prototype);
    assert.deepEqual(Object.keys(config.severities), ['missing-owner']);
    assert.deepEqual(
      config.roles.map((r) => r.id),
      ['cto', 'hoe', ...PROTOTYPE_NAMES.filter(roled)],
    );
    assert.ok(config.review?.statuses.includes('__proto__'));
  });

  it('in the settings: a rule named for a member is left out, and the severities keep their prototype', () => {
    const settings = JSON.parse(`{${PROTOTYPE_NAMES.map((n) => `"${n}": "off"`).join(', ')}, "missing-owner": "error"}`) as Record<string, string>;
    const merged = mergeConfig(readConfig('').config, { severities: settings });
    assert.equal(Object.getPrototypeOf(merged.severities), Object.prototype);
    assert.deepEqual(Object.keys(merged.severities), ['missing-owner']);
  });

  it('lookupTable finds nothing it was not given, and cannot be added to', () => {
    const table: Readonly<Record<string, string>> = lookupTable({ accepted: 'yes' });
    for (const name of PROTOTYPE_NAMES) {
      assert.equal(table[name], undefined, name);
      assert.ok(!(name in table), name);
    }
    assert.equal(table.accepted, 'yes');
    assert.ok(Object.isFrozen(table));
  });

  it('every core view model shows them as it shows any unknown word: groups, report, graph, chains, index, fixes, completion, CODEOWNERS, lint formats', async () => {
    const hostile = await coreViews(hostileFiles());
    const control = await coreViews(controlFiles());
    assert.doesNotMatch(hostile, FORGED);
    assert.deepEqual(canonical(JSON.parse(hostile)), canonical(JSON.parse(asWritten(control))));
    // And as written: the status `constructor` is `constructor`, the status `__proto__` a key of its own.
    const views = JSON.parse(hostile) as { perDecision: { file: string; status: string; owner: string; trigger: string }[]; byStatus: [string, string][]; report: { statuses: string[]; roles: { counts: Record<string, number> }[] } };
    for (const name of PROTOTYPE_NAMES) {
      const frontmatter = views.perDecision.find((d) => d.file.endsWith(`-${name}.md`) && d.file.startsWith('docs/decisions/'));
      assert.deepEqual([frontmatter?.status, frontmatter?.owner, frontmatter?.trigger], [ownStatus(name), name, name], name);
      assert.ok(views.byStatus.some(([key]) => key === `status:${ownStatus(name)}`), name);
      assert.ok(views.report.statuses.includes(ownStatus(name)), name);
      assert.ok(views.report.roles.every((r) => Object.hasOwn(r.counts, ownStatus(name))), name);
    }
  });
});

describe('adr-roles CLI on a log written with the names of Object.prototype members', () => {
  let hostile: string;
  let control: string;

  /** A git repository: the configuration and one decision on main, the whole log on `feature`. */
  function repository(files: Map<string, string>): string {
    const repo = mkdtempSync(join(tmpdir(), 'adr-roles-prototype-'));
    git(repo, 'init', '-q');
    const put = (path: string): void => {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), files.get(path) ?? '');
    };
    put('.adr-roles.yml');
    put('docs/decisions/0001-first.md');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'checkout', '-q', '-b', 'feature');
    for (const path of files.keys()) put(path);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'feature');
    return repo;
  }

  before(() => {
    hostile = repository(hostileFiles());
    control = repository(controlFiles());
  });
  after(() => {
    rmSync(hostile, { recursive: true, force: true });
    rmSync(control, { recursive: true, force: true });
  });

  const sortedLines = (text: string): string[] => text.split('\n').sort();
  const sortedWords = (text: string): string[] => text.split(/\s+/).sort();
  const json = (text: string): unknown => canonical(JSON.parse(text));
  // Output in the order of the files' numbers is compared as it is; output sorted by a written word in the order of its words.
  const commands: [string[], (text: string) => unknown][] = [
    [['list'], String],
    [['list', '--json'], String],
    [['lint'], String],
    [['lint', '--format', 'json'], String],
    [['lint', '--format', 'sarif'], String],
    [['lint', '--format', 'github'], String],
    [['lint', '--profile', 'backstage'], String],
    [['lint', '--base', 'main'], String],
    [['graph', '--format', 'mermaid'], String],
    [['graph', '--format', 'dot'], String],
    [['report'], sortedWords],
    [['report', '--json'], json],
    [['index', '--check'], String],
    [['codeowners', '--check'], sortedLines],
    [['migrate', '--owner', 'cto', '--dry-run'], String],
    [['summary', '--base', 'main'], sortedLines],
    [['summary', '--base', 'main', '--format', 'json'], json],
  ];
  for (const [args, shape] of commands) {
    it(`${args.join(' ')}: no crash, the exit code and output of any unknown word, the names as written`, () => {
      const h = runCli(args, hostile);
      const c = runCli(args, control);
      assert.notEqual(h.code, 3, h.stderr);
      assert.equal(h.code, c.code, h.stderr);
      assert.doesNotMatch(h.stdout, FORGED);
      assert.doesNotMatch(h.stderr, FORGED);
      assert.deepEqual(shape(h.stdout), shape(asWritten(c.stdout)));
      assert.deepEqual(sortedLines(h.stderr), sortedLines(asWritten(c.stderr)));
    });
  }

  it('list --json: each status, owner, trigger and title as written', () => {
    const rows = JSON.parse(runCli(['list', '--json'], hostile).stdout) as { file: string; status: string; owner: string; trigger: string; title: string; elevatedFrom: string }[];
    for (const name of PROTOTYPE_NAMES) {
      const row = rows.find((r) => r.file === `docs/decisions/${String(2 + 5 * PROTOTYPE_NAMES.indexOf(name)).padStart(4, '0')}-${name}.md`);
      assert.deepEqual([row?.status, row?.owner, row?.trigger, row?.title, row?.elevatedFrom], [ownStatus(name), name, name, inMarkdown(name), name], name);
      const status = rows.find((r) => r.file.endsWith(`-${name}-status.md`));
      assert.equal(status?.status, ownStatus(inMarkdown(name)), name);
    }
  });

  it('a command or option value named for a member is a usage error, worded as for any other', () => {
    for (const name of PROTOTYPE_NAMES) {
      const command = runCli([name, '--json'], hostile);
      assert.equal(command.code, 2, command.stderr);
      assert.match(command.stderr, new RegExp(`unknown command '${name.replace(/[$]/g, '\\$&')}'`));
      const format = runCli([name, '--format'], hostile);
      assert.equal(format.code, 2, format.stderr);
      assert.doesNotMatch(format.stderr, FORGED);
    }
  });
});
