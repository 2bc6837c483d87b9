import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, newRepository } from './gitRepos';
import { runCli } from './helpers';
import { GitError, runGit } from '../../src/git/runGit';

const FOLDER = 'docs/decisions';

function decision(fields: Record<string, string>, title: string, decided: string): string {
  const front = Object.entries(fields).map(([k, v]) => `${k}: ${v}\n`).join('');
  return `---\n${front}---\n# ${title}\n\n## Context and Problem Statement\n\nWe need events.\n\n## Decision Outcome\n\n${decided}\n\n## Consequences\n\nSome.\n`;
}

function write(repo: string, name: string, text: string): void {
  writeFileSync(join(repo, FOLDER, name), text);
}

function commitAll(repo: string, message: string): void {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
}

interface Found {
  file: string;
  code: string;
  severity: string;
  message: string;
  line: number;
}

function lintBase(repo: string, base = 'main'): { code: number | null; problems: Found[]; stderr: string } {
  const { code, stdout, stderr } = runCli(['lint', '--base', base, '--format', 'json'], repo);
  return { code, problems: stdout ? (JSON.parse(stdout) as Found[]) : [], stderr };
}

const BRANCH_CODES = ['number-taken-on-base', 'accepted-decision-rewritten', 'owner-changed-without-elevation', 'decision-deleted'];
const branchFound = (problems: Found[]): string[][] => problems.filter((p) => BRANCH_CODES.includes(p.code)).map((p) => [p.code, p.file]);

describe('adr-roles lint --base, on real git repositories', () => {
  let repo: string;
  beforeEach(() => {
    repo = newRepository('adr-roles-branch-', FOLDER);
    write(repo, '0001-use-segment.md', decision({ status: 'accepted', date: '2024-01-02', owner: 'cto' }, 'Use Segment for events', 'Chosen option: Segment, because it is bought.'));
    write(repo, '0002-ship-weekly.md', decision({ status: 'accepted', date: '2024-01-03', owner: 'hoe' }, 'Ship weekly', 'Chosen option: weekly releases.'));
    commitAll(repo, 'decisions');
    git(repo, 'checkout', '-q', '-b', 'feature');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('fails a branch that rewrites an accepted decision, changes an owner without elevation and adds a number main took', () => {
    write(repo, '0001-use-segment.md', decision({ status: 'accepted', date: '2024-01-02', owner: 'cto' }, 'Use Segment for events', 'Chosen option: RudderStack, because it is cheaper.'));
    write(repo, '0002-ship-weekly.md', decision({ status: 'accepted', date: '2024-01-03', owner: 'cto' }, 'Ship weekly', 'Chosen option: weekly releases.'));
    write(repo, '0003-feature-flags.md', decision({ status: 'proposed', owner: 'hoe' }, 'Feature flags', 'Use flags.'));
    commitAll(repo, 'branch work');
    git(repo, 'checkout', '-q', 'main');
    write(repo, '0003-data-retention.md', decision({ status: 'accepted', owner: 'cto' }, 'Data retention', 'Keep a year.'));
    commitAll(repo, 'meanwhile on main');
    git(repo, 'checkout', '-q', 'feature');

    const { code, problems } = lintBase(repo);
    assert.equal(code, 1);
    assert.deepEqual(branchFound(problems), [
      ['number-taken-on-base', `${FOLDER}/0003-feature-flags.md`],
      ['accepted-decision-rewritten', `${FOLDER}/0001-use-segment.md`],
      ['owner-changed-without-elevation', `${FOLDER}/0002-ship-weekly.md`],
    ]);
    const taken = problems.find((p) => p.code === 'number-taken-on-base');
    assert.equal(taken?.severity, 'error');
    assert.match(taken?.message ?? '', /ADR-0003 is taken on main by 0003-data-retention\.md.*renumber this decision to 4/);
    assert.equal(taken?.line, 5, 'at the title');
    assert.match(problems.find((p) => p.code === 'accepted-decision-rewritten')?.message ?? '', /changes its decision: override or supersede/);
    // Without --base the branch rules stay silent.
    const plain = JSON.parse(runCli(['lint', '--format', 'json'], repo).stdout) as Found[];
    assert.deepEqual(branchFound(plain), []);
  });

  it('passes status, relation and owner-field edits, reflowed text, a recorded elevation, a rename and a free number', () => {
    write(repo, '0001-use-segment.md', decision({ status: 'superseded', date: '2024-01-02', owner: 'cto', 'superseded-by': 'ADR-0003' }, 'Use  Segment for events', 'Chosen option:\nSegment,   because it is bought.'));
    write(repo, '0002-ship-weekly.md', decision({ status: 'accepted', date: '2024-01-03', owner: 'cto', 'elevated-from': 'hoe', 'elevated-on': '2024-06-01' }, 'Ship weekly', 'Chosen option: weekly releases.'));
    write(repo, '0003-replace-segment.md', decision({ status: 'accepted', owner: 'cto', supersedes: 'ADR-0001' }, 'Replace Segment', 'Use RudderStack.'));
    commitAll(repo, 'supersede and elevate');
    git(repo, 'mv', `${FOLDER}/0002-ship-weekly.md`, `${FOLDER}/0002-ship-every-week.md`);
    commitAll(repo, 'rename');
    const { problems } = lintBase(repo);
    assert.deepEqual(branchFound(problems), []);
  });

  it('reports a deleted decision, and not one renamed without committing', () => {
    unlinkSync(join(repo, FOLDER, '0002-ship-weekly.md'));
    commitAll(repo, 'delete');
    const deleted = lintBase(repo);
    assert.equal(deleted.code, 1);
    assert.deepEqual(branchFound(deleted.problems), [['decision-deleted', `${FOLDER}/0002-ship-weekly.md`]]);
    assert.match(deleted.problems[0]?.message ?? '', /ADR-0002 \(Ship weekly\) exists on main and this branch deletes it/);
    // Renamed in the working tree only: git sees a deletion and an untracked file, the title pairs them.
    write(repo, '0002-weekly.md', decision({ status: 'accepted', date: '2024-01-03', owner: 'hoe' }, 'Ship weekly', 'Chosen option: weekly releases.'));
    assert.deepEqual(branchFound(lintBase(repo).problems), []);
  });

  it('reports a decision deleted while another of the same template is added, which git reads as a rename', () => {
    unlinkSync(join(repo, FOLDER, '0002-ship-weekly.md'));
    write(repo, '0003-ship-daily.md', decision({ status: 'accepted', date: '2024-01-03', owner: 'hoe' }, 'Ship daily', 'Chosen option: daily releases.'));
    commitAll(repo, 'replace');
    assert.match(git(repo, 'diff', '-M', '--name-status', 'main', '--', FOLDER), /^R\d+\t.*0002-ship-weekly\.md\t.*0003-ship-daily\.md$/m, 'git reads it as a rename');
    assert.deepEqual(branchFound(lintBase(repo).problems), [['decision-deleted', `${FOLDER}/0002-ship-weekly.md`]]);
  });

  it('compares with the merge base: a decision main rewrote since the branch started is not the branch rewriting it', () => {
    git(repo, 'checkout', '-q', 'main');
    write(repo, '0001-use-segment.md', decision({ status: 'accepted', date: '2024-01-02', owner: 'hoe' }, 'Use Segment everywhere', 'Chosen option: Segment for all.'));
    commitAll(repo, 'main edits');
    git(repo, 'checkout', '-q', 'feature');
    write(repo, '0003-new.md', decision({ status: 'proposed', owner: 'hoe' }, 'New', 'New.'));
    commitAll(repo, 'feature adds');
    assert.deepEqual(branchFound(lintBase(repo).problems), []);
  });

  it('takes the severities of .adr-roles.yml, off included', () => {
    writeFileSync(join(repo, '.adr-roles.yml'), `folders: [${FOLDER}]\nrules:\n  decision-deleted: warning\n  owner-changed-without-elevation: off\n`);
    unlinkSync(join(repo, FOLDER, '0001-use-segment.md'));
    write(repo, '0002-ship-weekly.md', decision({ status: 'accepted', date: '2024-01-03', owner: 'cto' }, 'Ship weekly', 'Chosen option: weekly releases.'));
    const { code, problems } = lintBase(repo);
    assert.equal(code, 0);
    assert.deepEqual(problems.filter((p) => BRANCH_CODES.includes(p.code)).map((p) => [p.code, p.severity]), [['decision-deleted', 'warning']]);
  });

  it('is a usage error outside a git repository, with an unknown ref, and with a ref that looks like an option', () => {
    const outside = mkdtempSync(join(tmpdir(), 'adr-roles-nogit-'));
    try {
      mkdirSync(join(outside, FOLDER), { recursive: true });
      writeFileSync(join(outside, FOLDER, '0001-a.md'), decision({ status: 'accepted', owner: 'cto' }, 'A', 'A.'));
      const cases: [string, string, RegExp][] = [
        [outside, 'main', /--base needs a git repository/],
        [repo, 'no-such-branch', /unknown --base 'no-such-branch'/],
        [repo, '--output=/tmp/x', /--base takes a branch, tag or commit/],
      ];
      for (const [cwd, base, message] of cases) {
        const { code, stdout, stderr } = runCli(['lint', '--base', base], cwd);
        assert.equal(code, 2, stderr);
        assert.equal(stdout, '');
        assert.match(stderr, message);
        assert.equal(stderr.trim().split('\n').length, 1, stderr);
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('works on a shallow clone once the base is fetched, and says what to fetch until then', () => {
    write(repo, '0002-ship-weekly.md', decision({ status: 'accepted', date: '2024-01-03', owner: 'hoe' }, 'Ship daily', 'Chosen option: daily releases.'));
    commitAll(repo, 'rewrite on feature');
    git(repo, 'checkout', '-q', 'main');
    write(repo, '0003-data-retention.md', decision({ status: 'accepted', owner: 'cto' }, 'Data retention', 'Keep a year.'));
    commitAll(repo, 'main moves on');
    const clones = mkdtempSync(join(tmpdir(), 'adr-roles-shallow-'));
    try {
      const clone = join(clones, 'clone');
      git(clones, 'clone', '-q', '--depth', '1', '--single-branch', '--branch', 'feature', `file://${repo}`, clone);
      const missing = runCli(['lint', '--base', 'origin/main'], clone);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /'origin\/main' is not in this shallow clone: fetch it first, e\.g\. git fetch --depth=1 origin/);
      git(clone, 'fetch', '-q', '--depth', '1', 'origin', 'main:refs/remotes/origin/main');
      const unmet = runCli(['lint', '--base', 'origin/main'], clone);
      assert.equal(unmet.code, 2);
      assert.match(unmet.stderr, /meet in history this shallow clone does not have: fetch more of it/);
      git(clone, 'fetch', '-q', '--deepen', '5', 'origin', 'main', 'feature');
      const { problems } = lintBase(clone, 'origin/main');
      assert.deepEqual(branchFound(problems), [['accepted-decision-rewritten', `${FOLDER}/0002-ship-weekly.md`]]);
      assert.match(problems.find((p) => p.code === 'accepted-decision-rewritten')?.message ?? '', /changes its title and decision/);
    } finally {
      rmSync(clones, { recursive: true, force: true });
    }
  });

  it('reads the base with git alone, not the working tree: a base file larger than the limit is left out', () => {
    write(repo, '0002-ship-weekly.md', `${decision({ status: 'accepted', owner: 'hoe' }, 'Ship weekly', 'x')}${'pad '.repeat(600)}\n`);
    commitAll(repo, 'grow');
    git(repo, 'checkout', '-q', '-b', 'other');
    unlinkSync(join(repo, FOLDER, '0002-ship-weekly.md'));
    const { problems } = lintBase(repo, 'feature');
    assert.deepEqual(branchFound(problems), [['decision-deleted', `${FOLDER}/0002-ship-weekly.md`]]);
    const small = runCli(['lint', '--base', 'feature', '--format', 'json', '--max-file-size', '1'], repo);
    assert.deepEqual(branchFound(JSON.parse(small.stdout) as Found[]), [], 'over 1 KB at the base: not read, so not reported');
    assert.ok(readFileSync(join(repo, FOLDER, '0001-use-segment.md'), 'utf8').includes('Segment'));
  });
  it('says a decision over the size limit at the base (or in the branch) is changed and not compared, in lint --base and summary --base: never added or deleted', () => {
    // On main 0002 is over 2 KB and the branch shrinks it; 0001 is small on main and the branch grows it.
    git(repo, 'checkout', '-q', 'main');
    write(repo, '0002-ship-weekly.md', `${decision({ status: 'accepted', owner: 'hoe' }, 'Ship weekly', 'x')}${'pad '.repeat(600)}\n`);
    commitAll(repo, 'grow on main');
    git(repo, 'checkout', '-q', '-b', 'shrink');
    write(repo, '0002-ship-weekly.md', decision({ status: 'accepted', owner: 'hoe' }, 'Ship weekly', 'x'));
    write(repo, '0001-use-segment.md', `${decision({ status: 'accepted', date: '2024-01-02', owner: 'cto' }, 'Use Segment for events', 'Chosen option: Segment, because it is bought.')}${'pad '.repeat(600)}\n`);
    commitAll(repo, 'shrink one, grow the other');

    const lint = runCli(['lint', '--base', 'main', '--format', 'json', '--max-file-size', '2'], repo);
    assert.equal(lint.code, 0, lint.stdout);
    const found = (JSON.parse(lint.stdout) as Found[]).map((p) => [p.code, p.severity, p.file]);
    assert.deepEqual(found, [
      ['file-skipped', 'info', `${FOLDER}/0001-use-segment.md`],
      ['file-skipped', 'info', `${FOLDER}/0002-ship-weekly.md`],
    ]);
    assert.match((JSON.parse(lint.stdout) as Found[])[1]?.message ?? '', /^Not compared with main: on main this file is 3 KB, over the 2 KB limit for decisions, so it is not read\./);

    const markdown = runCli(['summary', '--base', 'main', '--max-file-size', '2'], repo);
    assert.equal(markdown.code, 0, markdown.stderr);
    assert.match(markdown.stdout, /^0 added · 2 changed · 0 renamed · 0 deleted · 0 problems$/m);
    assert.match(markdown.stdout, /^- \*\*ADR-0002 Ship weekly\*\*: changed \(docs\/decisions\/0002-ship-weekly\.md\)\n {2}- \*\*notice\*\* Not compared with main: on main this file is 3 KB, over the 2 KB limit/m);
    assert.match(markdown.stdout, /^- \*\*ADR-0001 Use Segment for events\*\*: changed \(docs\/decisions\/0001-use-segment\.md\)\n {2}- \*\*notice\*\* Not compared with main: in this branch this file is 3 KB/m);
    const json = JSON.parse(runCli(['summary', '--base', 'main', '--format', 'json', '--max-file-size', '2'], repo).stdout) as { groups: { decisions: { id: string; change: string; notice: string | null }[] }[] };
    assert.deepEqual(json.groups.flatMap((g) => g.decisions.map((d) => [d.id, d.change, d.notice !== null])), [['ADR-0001', 'changed', true], ['ADR-0002', 'changed', true]]);
  });

  it('reads a decision whose file name holds a backslash (legal on Linux) as that one file, in lint --base, summary --base and codeowners', () => {
    const hostile = '0003-a\\b.md';
    // main takes 0003 meanwhile; the branch adds its 0003 under the hostile name.
    git(repo, 'checkout', '-q', 'main');
    write(repo, '0003-data-retention.md', decision({ status: 'accepted', owner: 'cto' }, 'Data retention', 'Keep a year.'));
    commitAll(repo, 'meanwhile on main');
    git(repo, 'checkout', '-q', 'feature');
    write(repo, hostile, decision({ status: 'proposed', owner: 'hoe' }, 'Flags', 'Use flags.'));
    commitAll(repo, 'hostile name');

    const { code, problems, stderr } = lintBase(repo);
    assert.equal(code, 1, stderr);
    assert.doesNotMatch(stderr, /left out|ENOENT/);
    assert.deepEqual(branchFound(problems), [['number-taken-on-base', `${FOLDER}/${hostile}`]]);
    assert.match(problems[0]?.message ?? '', /^ADR-0003 is taken on main by 0003-data-retention\.md/);

    const summary = runCli(['summary', '--base', 'main', '--format', 'json'], repo);
    assert.equal(summary.code, 0, summary.stderr);
    assert.equal(summary.stderr, '');
    assert.match(summary.stdout, /"ADR-0003"/);
    assert.ok(summary.stdout.includes(JSON.stringify(`${FOLDER}/${hostile}`)), summary.stdout);

    // CODEOWNERS escapes the backslash as gitignore does; git's own matcher agrees it names the file.
    writeFileSync(join(repo, '.adr-roles.yml'), "roles:\n  - { id: cto, label: CTO, kind: strategy, reviewers: ['@acme/cto'] }\n  - { id: hoe, label: HoE, kind: execution, reviewers: ['@acme/eng'] }\n");
    const owners = runCli(['codeowners'], repo);
    assert.equal(owners.code, 0, owners.stderr);
    const line = readFileSync(join(repo, '.github', 'CODEOWNERS'), 'utf8').split('\n').find((l) => l.includes('0003-a'));
    assert.equal(line, `/${FOLDER}/0003-a\\\\b.md @acme/eng`);
    writeFileSync(join(repo, '.gitignore'), `${(line ?? '').split(' ')[0]}\n`);
    assert.match(git(repo, 'check-ignore', '--no-index', '-v', `${FOLDER}/${hostile}`), /\.gitignore:1:/);
  });
});

describe('adr-roles --base runs nothing a repository configures', () => {
  let repo: string;
  let marker: string;
  beforeEach(() => {
    repo = newRepository('adr-roles-branch-hostile-', FOLDER);
    marker = join(repo, '..', `${repo.split('/').pop()}-ran`);
    write(repo, '0001-use-segment.md', decision({ status: 'accepted', date: '2024-01-02', owner: 'cto' }, 'Use Segment for events', 'Chosen option: Segment.'));
    commitAll(repo, 'decisions');
  });
  afterEach(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(marker, { force: true });
  });

  it("runs no clean filter of the repository's .gitattributes and configuration", () => {
    writeFileSync(join(repo, '.gitattributes'), '*.md filter=x\n');
    git(repo, 'config', 'filter.x.clean', `touch '${marker}'; cat`);
    commitAll(repo, 'attributes');
    // A file whose stat data changed is one git would hash again through the filter.
    write(repo, '0001-use-segment.md', decision({ status: 'accepted', date: '2024-01-02', owner: 'cto' }, 'Use Segment for events', 'Chosen option: RudderStack.'));
    write(repo, '0002-new.md', decision({ status: 'proposed', owner: 'hoe' }, 'New', 'Something.'));
    // The test's own `git add` ran the filter; from here on nothing may.
    rmSync(marker, { force: true });
    for (const args of [['lint', '--base', 'main', '--format', 'json'], ['summary', '--base', 'main', '--format', 'json']]) {
      const { code, stderr } = runCli(args, repo);
      assert.notEqual(code, 3, stderr);
      assert.equal(existsSync(marker), false, `${args[0]} ran the filter`);
    }
  });

  it('does not take a bare repository committed inside the clone for the repository', () => {
    // A decision folder that is itself a bare repository whose configuration runs a filter.
    const inner = join(repo, FOLDER);
    git(inner, 'init', '-q', '--bare', '.');
    git(inner, 'config', 'core.bare', 'false');
    git(inner, 'config', 'core.worktree', '.');
    git(inner, 'config', 'filter.x.clean', `touch '${marker}'; cat`);
    writeFileSync(join(inner, '.gitattributes'), '*.md filter=x\n');
    git(inner, '--git-dir=.', 'add', '-A');
    git(inner, '--git-dir=.', 'commit', '-q', '-m', 'inner');
    write(repo, '0001-use-segment.md', decision({ status: 'accepted', date: '2024-01-02', owner: 'cto' }, 'Use Segment for events', 'Changed.'));
    rmSync(marker, { force: true });
    const { code, stderr } = runCli(['lint', '--base', 'main', '.'], inner);
    assert.equal(existsSync(marker), false, 'the inner repository ran its filter');
    assert.notEqual(code, 3, stderr);
  });

  it('stops a git run that blocks on a configuration including a named pipe', async () => {
    const fifo = join(repo, 'fifo');
    execFileSync('mkfifo', [fifo]);
    git(repo, 'config', 'include.path', fifo);
    const started = Date.now();
    await assert.rejects(runGit({ gitPath: 'git', cwd: repo }, ['rev-parse', '--show-toplevel'], { timeoutMs: 500 }), GitError);
    assert.ok(Date.now() - started < 10_000);
  });
});
