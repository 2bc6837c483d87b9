import { strict as assert } from 'node:assert';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchFile, parse } from 'codeowners-utils';
import { runCli } from './helpers';

const CONFIG = "roles:\n  - { id: cto, label: CTO, kind: strategy, reviewers: ['@acme/cto'] }\n  - { id: hoe, label: Head of Engineering, kind: execution, reviewers: ['@acme/eng-leads'] }\n  - { id: cpo, label: CPO, kind: other }\n";

function decision(owner: string | undefined, title: string): string {
  return `---\nstatus: accepted\n${owner ? `owner: ${owner}\n` : ''}---\n# ${title}\n`;
}

describe('adr-roles codeowners', () => {
  let repo: string;
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'adr-roles-codeowners-'));
    mkdirSync(join(repo, 'docs', 'decisions'), { recursive: true });
    writeFileSync(join(repo, '.adr-roles.yml'), `folders: [docs/decisions]\n${CONFIG}`);
    writeFileSync(join(repo, 'docs/decisions/0001-buy-analytics.md'), decision('cto', 'Buy analytics'));
    writeFileSync(join(repo, 'docs/decisions/0002-ship weekly.md'), decision('hoe', 'Ship weekly'));
    writeFileSync(join(repo, 'docs/decisions/0003-roadmap.md'), decision('cpo', 'Roadmap'));
    writeFileSync(join(repo, 'docs/decisions/0004-unowned.md'), decision(undefined, 'Unowned'));
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('creates .github/CODEOWNERS where none exists, each decision resolving to its role reviewers', () => {
    const { code, stdout, stderr } = runCli(['codeowners'], repo);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /\.github\/CODEOWNERS: created \(2 decisions\)/);
    assert.match(stderr, /0004-unowned\.md: ADR-0004 has no owner/);
    assert.match(stderr, /role cpo has no reviewers in \.adr-roles\.yml: its 1 decision gets no CODEOWNERS line/);
    const text = readFileSync(join(repo, '.github/CODEOWNERS'), 'utf8');
    assert.match(text, /^\/docs\/decisions\/0002-ship\\ weekly\.md @acme\/eng-leads$/m);
    assert.deepEqual(matchFile('docs/decisions/0001-buy-analytics.md', parse(text))?.owners, ['@acme/cto']);
  });

  it('uses the CODEOWNERS that exists and leaves every byte outside its block as it was', () => {
    const team = '# Team rules\r\n*       @acme/everyone   # default\r\n/src/   @acme/devs\r\n';
    writeFileSync(join(repo, 'CODEOWNERS'), team);
    assert.equal(runCli(['codeowners'], repo).code, 0);
    const first = readFileSync(join(repo, 'CODEOWNERS'), 'utf8');
    assert.ok(first.startsWith(`${team}\r\n# adr-roles:codeowners:start`), JSON.stringify(first.slice(0, 120)));
    assert.ok(first.endsWith('# adr-roles:codeowners:end\r\n'));
    const withTail = `${first}/build/ @acme/ops\r\n`;
    writeFileSync(join(repo, 'CODEOWNERS'), withTail);
    const { code, stdout } = runCli(['codeowners'], repo);
    assert.equal(code, 0);
    assert.match(stdout, /CODEOWNERS: up to date/);
    assert.equal(readFileSync(join(repo, 'CODEOWNERS'), 'utf8'), withTail);
    assert.equal(readFileSync(join(repo, 'CODEOWNERS'), 'utf8').includes('.github'), false);
  });

  it('--check exits 1 after an owner change and writes nothing, and passes after codeowners', () => {
    assert.equal(runCli(['codeowners'], repo).code, 0);
    assert.equal(runCli(['codeowners', '--check'], repo).code, 0);
    writeFileSync(join(repo, 'docs/decisions/0001-buy-analytics.md'), decision('hoe', 'Buy analytics'));
    const before = readFileSync(join(repo, '.github/CODEOWNERS'), 'utf8');
    const check = runCli(['codeowners', '--check'], repo);
    assert.equal(check.code, 1);
    assert.match(check.stdout, /stale; run adr-roles codeowners/);
    assert.equal(readFileSync(join(repo, '.github/CODEOWNERS'), 'utf8'), before);
    assert.equal(runCli(['codeowners'], repo).code, 0);
    assert.equal(runCli(['codeowners', '--check'], repo).code, 0);
    const text = readFileSync(join(repo, '.github/CODEOWNERS'), 'utf8');
    assert.deepEqual(matchFile('docs/decisions/0001-buy-analytics.md', parse(text))?.owners, ['@acme/eng-leads']);
  });

  it('warns when a later rule of the team shadows the block', () => {
    writeFileSync(join(repo, 'CODEOWNERS'), '* @acme/everyone\n');
    runCli(['codeowners'], repo);
    writeFileSync(join(repo, 'CODEOWNERS'), `${readFileSync(join(repo, 'CODEOWNERS'), 'utf8')}/docs/ @acme/writers\n`);
    const { code, stderr } = runCli(['codeowners', '--check'], repo);
    assert.equal(code, 0);
    assert.match(stderr, /0001-buy-analytics\.md: the rule '\/docs\/' at CODEOWNERS:\d+, after the block, decides its owners instead/);
  });

  it('refuses a hostile configuration: no reviewer string adds a CODEOWNERS line', () => {
    writeFileSync(join(repo, '.adr-roles.yml'), 'folders: [docs/decisions]\nroles:\n  - id: cto\n    reviewers: ["@acme/cto\\n* @attacker", "@ok"]\n  - id: hoe\n    reviewers: ["\\u001b]0;x\\u0007@x"]\n');
    const { code, stderr } = runCli(['codeowners'], repo);
    assert.equal(code, 0, stderr);
    const text = readFileSync(join(repo, '.github/CODEOWNERS'), 'utf8');
    assert.ok(!text.includes('@attacker') && !text.includes('\u001b'), text);
    assert.deepEqual(text.split('\n').filter((l) => l && !l.startsWith('#')), ['/docs/decisions/0001-buy-analytics.md @ok']);
    assert.ok(!/\u001b/.test(stderr));
    // Each reviewer left out is named at its place in the configuration.
    assert.match(stderr, /^adr-roles: \.adr-roles\.yml:4:\d+: Role 'cto' has a reviewer that is not @user/m);
    assert.match(stderr, /^adr-roles: \.adr-roles\.yml:6:\d+: Role 'hoe' has a reviewer that is not @user/m);
    const lint = runCli(['lint', '--format', 'json'], repo);
    const problems = JSON.parse(lint.stdout) as { code: string; line: number; file: string }[];
    assert.deepEqual(problems.filter((p) => p.file === '.adr-roles.yml').map((p) => [p.code, p.line]), [['invalid-config', 4], ['invalid-config', 6]]);
  });

  it('a .github that is a file is an environment error (exit 2) for codeowners and --check alike, and nothing is written', () => {
    writeFileSync(join(repo, '.github'), 'not a folder\n');
    for (const args of [['codeowners', '--check'], ['codeowners']]) {
      const { code, stdout, stderr } = runCli(args, repo);
      assert.equal(code, 2, args.join(' '));
      assert.doesNotMatch(stdout, /stale/);
      assert.match(stderr, /^adr-roles: \.github is a file, not a folder: .*nothing was written there$/m);
    }
    assert.equal(readFileSync(join(repo, '.github'), 'utf8'), 'not a folder\n');
  });

  it('refuses a CODEOWNERS that is a symbolic link, and writes nothing', () => {
    const outside = mkdtempSync(join(tmpdir(), 'adr-roles-outside-'));
    try {
      writeFileSync(join(outside, 'target'), 'x @y\n');
      mkdirSync(join(repo, '.github'));
      symlinkSync(join(outside, 'target'), join(repo, '.github/CODEOWNERS'));
      const { code, stderr } = runCli(['codeowners'], repo);
      assert.equal(code, 2);
      assert.match(stderr, /CODEOWNERS is a symbolic link/);
      assert.equal(readFileSync(join(outside, 'target'), 'utf8'), 'x @y\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a CODEOWNERS that is a hard link, and leaves the other path as it was', () => {
    const outside = mkdtempSync(join(tmpdir(), 'adr-roles-outside-'));
    try {
      writeFileSync(join(outside, 'target'), 'x @y\n');
      mkdirSync(join(repo, '.github'));
      linkSync(join(outside, 'target'), join(repo, '.github/CODEOWNERS'));
      const { code, stderr } = runCli(['codeowners'], repo);
      assert.equal(code, 2);
      assert.match(stderr, /CODEOWNERS is a hard link/);
      assert.equal(readFileSync(join(outside, 'target'), 'utf8'), 'x @y\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses markers that do not pair up, with exit 2', () => {
    writeFileSync(join(repo, 'CODEOWNERS'), '# adr-roles:codeowners:start\n/x @y\n');
    const { code, stderr } = runCli(['codeowners'], repo);
    assert.equal(code, 2);
    assert.match(stderr, /markers that do not pair up/);
    assert.equal(readFileSync(join(repo, 'CODEOWNERS'), 'utf8'), '# adr-roles:codeowners:start\n/x @y\n');
  });

  describe('with a CODEOWNERS written to be slow', () => {
    const START = '# adr-roles:codeowners:start — generated by `adr-roles codeowners` from the owners of the decisions; edit reviewers in .adr-roles.yml';
    const write = (rule: (i: number) => string): void => {
      mkdirSync(join(repo, '.github'));
      writeFileSync(join(repo, '.github/CODEOWNERS'), [START, '# adr-roles:codeowners:end', ...Array.from({ length: 60 }, (_, i) => `${rule(i)} @evil`)].join('\n'));
      for (let i = 5; i <= 44; i++) writeFileSync(join(repo, `docs/decisions/${String(i).padStart(4, '0')}-${'a'.repeat(200)}.md`), decision('cto', 'Long'));
    };

    it('240 KB of `*a` rules after the block and 40 long decision names: checked in full, in a fraction of the time it took', () => {
      write((i) => `${'*a'.repeat(2000)}${i}`);
      const started = performance.now();
      const { code, stdout, stderr } = runCli(['codeowners', '--check'], repo);
      assert.ok(performance.now() - started < 5000, `${(performance.now() - started).toFixed(0)} ms`);
      assert.equal(code, 1, stderr);
      assert.match(stdout, /the decisions' owners are stale/);
      assert.doesNotMatch(stderr, /not checked/);
    });

    it('rules a path could match stop at the step budget, and the run says which decisions were not checked', () => {
      write((i) => `${'*a'.repeat(100)}*b${i}`);
      const started = performance.now();
      const { code, stderr } = runCli(['codeowners', '--check'], repo);
      assert.ok(performance.now() - started < 5000, `${(performance.now() - started).toFixed(0)} ms`);
      assert.equal(code, 1, stderr);
      assert.match(stderr, /CODEOWNERS: the rules after the block take too long to match, so \d+ decisions \(from docs\/decisions\/\d{4}-a+\.md\) were not checked for a later rule that decides their owners instead: move the block to the end\n/);
    });
  });
});
