import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { quickFixesFor } from '../../src/core/views/quickFixes';
import { planOverride, planSupersede, type SuccessorPlan } from '../../src/core/edit/lifecycle';
import { planRenumber } from '../../src/core/edit/renumber';
import { BUILT_IN_TEMPLATES } from '../../src/core/edit/scaffold';
import { applyEdits } from '../../src/core/edit/textEdit';
import { parseDecision } from '../../src/core/read/parse';
import { lintDecision } from '../../src/core/rules/lint';
import { DecisionLog } from '../../src/core/workspace/catalog';
import { defaultConfig } from '../../src/core/workspace/config';
import type { FolderFormat } from '../../src/core/workspace/folderFormat';
import { runCli } from './helpers';

// Other tools must keep reading a log after any write of ours: these tests run the real ones.
// Debian's adr-tools (`adr`), and log4brains' published reader (@log4brains/core) in a child process.

const ROOT = resolve(__dirname, '..', '..');
const TODAY = '2026-12-02';

interface Listed {
  file: string;
  id: string;
  title: string | null;
  status: string | null;
  date: string | null;
  owner: string | null;
  supersedes: string[];
  supersededBy: string[];
  overrides: string[];
  overriddenBy: string[];
  trigger: string | null;
  triggerDetail: string | null;
  elevatedFrom: string | null;
}

function listed(repo: string): Map<string, Listed> {
  const result = runCli(['list', '--json'], repo);
  assert.equal(result.code, 0, result.stderr);
  return new Map((JSON.parse(result.stdout) as Listed[]).map((d) => [d.file.split('/').pop() ?? d.file, d]));
}

function readAll(folder: string): Map<string, string> {
  return new Map(readdirSync(folder).filter((n) => n.endsWith('.md')).map((n) => [n, readFileSync(join(folder, n), 'utf8')]));
}

function logOf(folder: string): DecisionLog {
  const log = new DecisionLog(folder);
  for (const [name, text] of readAll(folder)) if (name !== 'README.md') log.upsert(parseDecision(join(folder, name), text));
  return log;
}

/** Applies a successor plan as the editor does: the new file, and the edits to the old one. */
function writeSuccessor(folder: string, oldName: string, plan: SuccessorPlan): void {
  const oldPath = join(folder, oldName);
  writeFileSync(oldPath, applyEdits(readFileSync(oldPath, 'utf8'), plan.oldEdits));
  writeFileSync(join(folder, plan.fileName), plan.text, { flag: 'wx' });
}

/** Applies the one quick fix of that title for the decision's problem of that code. */
function applyFix(folder: string, name: string, code: string, title: RegExp, format: FolderFormat): void {
  const log = logOf(folder);
  const path = join(folder, name);
  const decision = log.get(path);
  assert.ok(decision, name);
  const problem = lintDecision(decision, log, defaultConfig()).find((p) => p.code === code);
  assert.ok(problem, `${name} has ${code}`);
  const text = readFileSync(path, 'utf8');
  const fix = quickFixesFor(problem, { text, decision, config: defaultConfig(), today: TODAY, folder: format }).find((f) => title.test(f.title));
  assert.ok(fix, `${name}: a fix ${String(title)}`);
  writeFileSync(path, applyEdits(text, fix.edits));
}

function requireTool(command: string, args: string[], install: string): void {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  if (probe.error) throw new Error(`${command} is not installed: ${install}`);
}

describe('adr-tools keeps reading a log after every write of adr-roles', () => {
  let repo: string;
  const env = { ...process.env, VISUAL: 'true', EDITOR: 'true', ADR_DATE: '2024-01-01' };
  const adr = (...args: string[]): string => {
    const result = spawnSync('adr', args, { cwd: repo, env, encoding: 'utf8' });
    assert.equal(result.status, 0, `adr ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };
  const folder = (): string => join(repo, 'doc', 'adr');

  before(() => requireTool('adr', ['help'], 'apt-get install -y adr-tools'));
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'adr-roles-adrtools-'));
    adr('init');
    adr('new', 'Use PostgreSQL for storage');
    adr('new', 'Use `Kafka` for events');
    adr('new', 'Deploy with Helm');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('lists, indexes, graphs and links every decision after each command and quick fix of ours', () => {
    const dir = folder();
    // Commands: migrate, new, Override (with its trigger), Supersede, Elevate, Renumber.
    assert.equal(runCli(['migrate', '--owner', 'hoe'], repo).code, 0);
    const created = runCli(['new', 'Cache sessions in Redis', '--owner', 'cto'], repo);
    assert.equal(created.stdout, 'doc/adr/0005-cache-sessions-in-redis.md\n', created.stderr);
    const old2 = readFileSync(join(dir, '0002-use-postgresql-for-storage.md'), 'utf8');
    writeSuccessor(dir, '0002-use-postgresql-for-storage.md', planOverride({
      old: parseDecision(join(dir, '0002-use-postgresql-for-storage.md'), old2), oldText: old2, number: 6, title: 'Use the managed database',
      owner: 'cto', date: TODAY, template: BUILT_IN_TEMPLATES.nygard, trigger: 'new-resource', triggerDetail: 'Platform team hired',
    }));
    const old3 = readFileSync(join(dir, '0003-use-kafka-for-events.md'), 'utf8');
    writeSuccessor(dir, '0003-use-kafka-for-events.md', planSupersede({
      old: parseDecision(join(dir, '0003-use-kafka-for-events.md'), old3), oldText: old3, number: 7, title: 'Use NATS for events', owner: 'hoe', date: TODAY, template: BUILT_IN_TEMPLATES.nygard,
    }));
    // Quick fixes: the execution decision overriding nothing is elevated; an unknown owner changed.
    const helm = join(dir, '0004-deploy-with-helm.md');
    writeFileSync(helm, readFileSync(helm, 'utf8').replace('Owner: hoe', 'Owner: ops'));
    applyFix(dir, '0004-deploy-with-helm.md', 'unknown-owner', /Change owner to Head of Engineering/, 'nygard');
    // Renumber 0005 to 0008, rewriting the links that name it.
    const log = logOf(dir);
    const five = log.get(join(dir, '0005-cache-sessions-in-redis.md'));
    assert.ok(five);
    const files = [...readAll(dir)].map(([name, text]) => ({ path: join(dir, name), text }));
    const plan = planRenumber({ log, decision: five, newNumber: 8, files });
    for (const [path, edits] of plan.edits) writeFileSync(path, applyEdits(readFileSync(path, 'utf8'), edits));
    renameSync(five.file, join(dir, plan.newFileName));

    // adr-tools reads every title from the first line, and every link from the Status section.
    assert.equal(adr('list').trim().split('\n').length, 7);
    assert.equal(
      adr('generate', 'toc'),
      [
        '# Architecture Decision Records',
        '',
        '* [1. Record architecture decisions](0001-record-architecture-decisions.md)',
        '* [2. Use PostgreSQL for storage](0002-use-postgresql-for-storage.md)',
        '* [3. Use `Kafka` for events](0003-use-kafka-for-events.md)',
        '* [4. Deploy with Helm](0004-deploy-with-helm.md)',
        '* [6. Use the managed database](0006-use-the-managed-database.md)',
        '* [7. Use NATS for events](0007-use-nats-for-events.md)',
        '* [8. Cache sessions in Redis](0008-cache-sessions-in-redis.md)',
        '',
      ].join('\n'),
    );
    const graph = adr('generate', 'graph');
    assert.match(graph, /_6 -> _2 \[label="Overrides", weight=0\]/);
    assert.match(graph, /_7 -> _3 \[label="Supersedes", weight=0\]/);
    // adr link still finds the Status section of a file we wrote.
    adr('link', '8', 'Amends', '6', 'Amended by');
    assert.match(readFileSync(join(dir, '0008-cache-sessions-in-redis.md'), 'utf8'), /\nAmends \[6\. Use the managed database\]\(0006-use-the-managed-database\.md\)\n/);
    assert.ok(readFileSync(join(dir, '0006-use-the-managed-database.md'), 'utf8').startsWith('# 6. Use the managed database\n'));

    // And adr-roles reads it all back: owners, both ends of each relation, the trigger.
    const read = listed(repo);
    assert.equal(read.get('0002-use-postgresql-for-storage.md')?.status, 'overridden');
    assert.deepEqual(read.get('0002-use-postgresql-for-storage.md')?.overriddenBy, ['ADR-0006']);
    assert.deepEqual(
      [read.get('0006-use-the-managed-database.md')?.overrides, read.get('0006-use-the-managed-database.md')?.trigger, read.get('0006-use-the-managed-database.md')?.triggerDetail],
      [['ADR-0002'], 'new-resource', 'Platform team hired'],
    );
    assert.deepEqual(read.get('0003-use-kafka-for-events.md')?.supersededBy, ['ADR-0007']);
    assert.equal(read.get('0004-deploy-with-helm.md')?.owner, 'hoe');
    assert.equal(read.get('0008-cache-sessions-in-redis.md')?.owner, 'cto');
    assert.deepEqual([...read.values()].filter((d) => d.owner === null).map((d) => d.file), []);
  });

  it('reads back what adr new -s and adr link write, keeping the owner we wrote', () => {
    assert.equal(runCli(['migrate', '--owner', 'cto'], repo).code, 0);
    adr('new', '-s', '2', 'Use MySQL for storage');
    adr('link', '5', 'Amends', '3', 'Amended by');
    const read = listed(repo);
    const two = read.get('0002-use-postgresql-for-storage.md');
    assert.deepEqual([two?.status, two?.supersededBy, two?.owner], ['superseded', ['ADR-0005'], 'cto']);
    assert.deepEqual(read.get('0005-use-mysql-for-storage.md')?.supersedes, ['ADR-0002']);
    assert.equal(read.get('0003-use-kafka-for-events.md')?.owner, 'cto');
    assert.equal(read.get('0003-use-kafka-for-events.md')?.title, 'Use Kafka for events', 'titles read as the page shows them');
  });
});

/** What log4brains' own reader makes of a folder: title, status, date and successor of each decision. */
function log4brainsReading(repo: string): Map<string, { title: string | null; status: string; publicationDate: string | null; supersededBy: string | null }> {
  const script = `
    const { Log4brains } = require(${JSON.stringify(join(ROOT, 'node_modules', '@log4brains', 'core'))});
    Log4brains.create(process.argv[1]).searchAdrs().then((adrs) => {
      process.stdout.write(JSON.stringify(adrs.map((a) => ({ slug: a.slug, title: a.title, status: a.status, publicationDate: a.publicationDate, supersededBy: a.supersededBy }))));
    }, (error) => { process.stderr.write(String(error)); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', script, repo], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  assert.equal(result.status, 0, result.stderr);
  const rows = JSON.parse(result.stdout) as { slug: string; title: string | null; status: string; publicationDate: string | null; supersededBy: string | null }[];
  return new Map(rows.map((r) => [r.slug, { ...r, publicationDate: r.publicationDate?.slice(0, 10) ?? null }]));
}

describe('log4brains reads what adr-roles writes in a log4brains folder', () => {
  let repo: string;
  const git = (...args: string[]): void => {
    const result = spawnSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', ...args], { cwd: repo, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  };

  before(() => requireTool('git', ['--version'], 'apt-get install -y git'));
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'adr-roles-log4brains-'));
    git('init', '-q');
    writeFileSync(join(repo, '.log4brains.yml'), 'project:\n  name: demo\n  tz: UTC\n  adrFolder: ./docs/adr\n');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('reads the title, status, date and successor of decisions we created, owned, superseded and overrode', () => {
    const dir = join(repo, 'docs', 'adr');
    // log4brains' own style, as its template writes it.
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '20240101-use-postgres.md'), '# Use Postgres\n\n- Status: accepted\n- Deciders: Ana\n- Date: 2024-01-01\n\n## Context and Problem Statement\n\nWe need a database.\n');
    writeFileSync(join(dir, '20240201-use-rest.md'), '# Use REST\n\n- Status: accepted\n- Date: 2024-02-01\n\n## Context and Problem Statement\n\nAn API.\n');
    assert.equal(runCli(['migrate', '--owner', 'hoe'], repo).code, 0);
    const created = runCli(['new', 'Publish the site nightly', '--owner', 'cto'], repo);
    assert.match(created.stdout, /^docs\/adr\/\d{8}-publish-the-site-nightly\.md\n$/, created.stderr);
    const createdName = created.stdout.trim().split('/').pop() ?? '';
    const successor = (name: string, kind: 'override' | 'supersede', title: string, fileName: string): void => {
      const path = join(dir, name);
      const text = readFileSync(path, 'utf8');
      const input = { old: parseDecision(path, text), oldText: text, number: 0, title, owner: 'cto', date: '2024-03-01', template: BUILT_IN_TEMPLATES.log4brains, fileName };
      writeSuccessor(dir, name, kind === 'override' ? planOverride({ ...input, trigger: 'new-requirement', triggerDetail: 'EU data residency' }) : planSupersede(input));
    };
    successor('20240101-use-postgres.md', 'supersede', 'Use MySQL', '20240301-use-mysql.md');
    successor('20240201-use-rest.md', 'override', 'Use GraphQL', '20240302-use-graphql.md');
    git('add', '-A');
    git('commit', '-q', '-m', 'decisions');

    const theirs = log4brainsReading(repo);
    const ours = listed(repo);
    assert.equal(theirs.size, 5);
    for (const [slug, reading] of theirs) {
      const mine = ours.get(`${slug}.md`);
      assert.ok(mine, slug);
      assert.equal(reading.title, mine.title, `${slug}: title`);
      assert.equal(reading.publicationDate, mine.date, `${slug}: date`);
      // log4brains has no "overridden": it reads the overrider as the successor.
      const expectedStatus = mine.status === 'overridden' ? 'superseded' : mine.status;
      assert.equal(reading.status, expectedStatus, `${slug}: status`);
      assert.equal(reading.supersededBy, mine.supersededBy[0] ?? mine.overriddenBy[0] ?? null, `${slug}: successor`);
    }
    assert.equal(theirs.get('20240101-use-postgres')?.supersededBy, '20240301-use-mysql');
    assert.equal(theirs.get('20240201-use-rest')?.supersededBy, '20240302-use-graphql');
    assert.deepEqual([ours.get('20240201-use-rest.md')?.status, ours.get('20240201-use-rest.md')?.overriddenBy], ['overridden', ['20240302-use-graphql']]);
    assert.deepEqual([ours.get('20240302-use-graphql.md')?.overrides, ours.get('20240302-use-graphql.md')?.trigger], [['20240201-use-rest'], 'new-requirement']);
    assert.equal(ours.get('20240101-use-postgres.md')?.owner, 'hoe');
    assert.equal(ours.get(createdName)?.owner, 'cto');
    for (const [name, text] of readAll(dir)) {
      assert.ok(!text.startsWith('---'), `${name}: no frontmatter, which log4brains would read as a heading`);
      assert.ok((text.match(/^## Links/gm) ?? []).length <= 1, `${name}: one Links section`);
    }
  });
});

/**
 * Backstage's ADR plugin, as it reads a file: the published `madrFilePathFilter` and
 * `parseMadrWithFrontmatter` (@backstage/plugin-adr-common) and `marked`'s lexer, with the title,
 * status and date getters of its backend's `madrParser` transcribed (the backend itself needs
 * 300 MB of Backstage to install).
 */
function backstageReading(path: string, text: string): { listed: boolean; title?: string; status?: string; date?: string } {
  const load = createRequire(join(ROOT, 'package.json'));
  const common = load('@backstage/plugin-adr-common') as { madrFilePathFilter: (p: string) => boolean; parseMadrWithFrontmatter: (c: string) => { content: string; status?: string; date?: string } };
  const { marked } = load('marked') as { marked: { lexer: (s: string) => { type: string; depth?: number; text?: string; items?: { text: string }[] }[] } };
  if (!common.madrFilePathFilter(path)) return { listed: false };
  const parsed = common.parseMadrWithFrontmatter(text);
  const tokens = marked.lexer(parsed.content);
  const list = tokens.find((t) => t.type === 'list')?.items;
  const status = parsed.status ?? list?.find((t) => /^status:/i.test(t.text))?.text.replace(/^status:/i, '').trim().toLocaleLowerCase('en-US');
  const date = parsed.date ?? list?.find((t) => /^date:/i.test(t.text))?.text.replace(/^date:/i, '').trim();
  return { listed: true, title: tokens.find((t) => t.type === 'heading' && t.depth === 1)?.text, status, date };
}

describe("lint --profile backstage says what Backstage's ADR plugin would not list or would misread", () => {
  let repo: string;
  let zone: string | undefined;
  // Backstage turns a frontmatter date into a local date: west of UTC it is the day before.
  before(() => {
    zone = process.env.TZ;
    process.env.TZ = 'UTC';
  });
  after(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'adr-roles-backstage-'));
    mkdirSync(join(repo, 'docs', 'adr'), { recursive: true });
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('flags exactly the files whose title, status or date Backstage would not show as adr-roles reads them', () => {
    const files: Record<string, string> = {
      '0001-madr.md': '---\nstatus: accepted\ndate: 2024-01-02\nowner: cto\n---\n# Use MADR\n',
      '0002-bullets.md': '# Use bullets\n\n* Status: proposed\n* Date: 2024-01-03\n* Owner: cto\n',
      '0003-bold.md': '# Bold keys\n\n* **Status:** accepted\n* **Date:** 2024-01-04\n* Owner: cto\n',
      '0004-nygard.md': '# 4. Nygard\n\nDate: 2024-01-05\n\nOwner: cto\n\n## Status\n\nAccepted\n',
      '20240106-log4brains.md': '# Log4brains\n\n- Status: accepted\n- Date: 2024-01-06\n- Owner: cto\n',
      '0005-no-title.md': '---\nstatus: accepted\ndate: 2024-01-07\nowner: cto\n---\n## Context\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(repo, 'docs', 'adr', name), text);
    const result = runCli(['lint', '--profile', 'backstage', '--format', 'json'], repo);
    const flagged = new Set((JSON.parse(result.stdout) as { file: string; code: string }[]).filter((p) => p.code === 'backstage-incompatible').map((p) => p.file.split('/').pop()));
    const ours = listed(repo);
    for (const [name, text] of Object.entries(files)) {
      const theirs = backstageReading(`docs/adr/${name}`, text);
      const mine = ours.get(name);
      const same = theirs.listed && theirs.title === mine?.title && theirs.status === mine?.status && theirs.date === mine?.date;
      assert.equal(flagged.has(name), !same, `${name}: Backstage reads ${JSON.stringify(theirs)}, adr-roles ${JSON.stringify([mine?.title, mine?.status, mine?.date])}`);
    }
    assert.deepEqual([...flagged].sort(), ['0003-bold.md', '0004-nygard.md', '0005-no-title.md', '20240106-log4brains.md']);
  });
});
