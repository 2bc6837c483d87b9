import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, runCli } from './helpers';

const run = runCli;

describe('adr-roles CLI in CI', () => {
  let repo: string;
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'adr-roles-ci-'));
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('lint --format sarif and github report the same problems; exit codes follow errors and --max-warnings', () => {
    const sarif = run(['lint', 'nygard', '--format', 'sarif'], FIXTURES);
    assert.equal(sarif.code, 0);
    const log = JSON.parse(sarif.stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0]?.results ?? [];
    assert.deepEqual(results.map((r) => r.ruleId), ['missing-owner', 'missing-owner', 'missing-owner', 'missing-owner']);
    assert.equal(results[0]?.locations[0]?.physicalLocation.artifactLocation.uri, 'nygard/0001-record-architecture-decisions.md');
    const github = run(['lint', 'nygard', '--format', 'github'], FIXTURES);
    assert.equal(github.code, 0);
    assert.match(github.stdout, /^::warning file=nygard\/0001-record-architecture-decisions\.md,line=1,col=1,endLine=1,endColumn=\d+,title=missing-owner::ADR-0001 has no owner/);
    assert.equal(github.stdout.split('\n').length, 5);

    assert.equal(run(['lint', 'nygard', '--max-warnings', '4'], FIXTURES).code, 0, 'four warnings are allowed');
    const tooMany = run(['lint', 'nygard', '--max-warnings', '3'], FIXTURES);
    assert.equal(tooMany.code, 1);
    assert.match(tooMany.stderr, /too many warnings \(more than --max-warnings 3\)/);
    const quiet = run(['lint', 'nygard', '--quiet', '--max-warnings', '0'], FIXTURES);
    assert.deepEqual([quiet.code, quiet.stdout], [0, 'No problems.\n'], '--quiet reports and counts errors only');
    const errors = run(['lint', 'odd', '--quiet', '--format', 'github'], FIXTURES);
    assert.equal(errors.code, 1);
    assert.ok(errors.stdout.split('\n').filter(Boolean).every((line) => line.startsWith('::error ')), errors.stdout);
  });

  it('lint --format github run from a subfolder of the checkout names files from the repository root, as GitHub resolves them', () => {
    cpSync(join(FIXTURES, 'nygard'), join(repo, 'services', 'a', 'docs', 'adr'), { recursive: true });
    const sub = join(repo, 'services', 'a');
    const inCheckout = run(['lint', '--format', 'github'], sub, { GITHUB_WORKSPACE: repo });
    assert.match(inCheckout.stdout, /^::warning file=services\/a\/docs\/adr\/0001-record-architecture-decisions\.md,/);
    const stylish = run(['lint'], sub, { GITHUB_WORKSPACE: repo });
    assert.match(stylish.stdout, /^docs\/adr\/0001-record-architecture-decisions\.md/m, 'other formats keep paths from the current folder');
    const elsewhere = run(['lint', '--format', 'github'], sub, { GITHUB_WORKSPACE: join(repo, 'other') });
    assert.match(elsewhere.stdout, /^::warning file=docs\/adr\/0001-record-architecture-decisions\.md,/, 'outside the checkout, paths stay relative');
  });

  it('lint --format github names odd file names as the runner decodes them back: , : % CR, spaces, zero-width and other non-ASCII', () => {
    const folder = join(repo, 'docs', 'decisions');
    mkdirSync(folder, { recursive: true });
    const names = ['0001-a,b:c%d.md', '0002-zero\u200bwidth é.md', '0003-cr\rin %2C name.md'];
    for (const name of names) writeFileSync(join(folder, name), `# ${name.slice(0, 4)} T\n`);
    const { code, stdout } = run(['lint', '--format', 'github'], repo);
    assert.equal(code, 0);
    const lines = stdout.split('\n').filter(Boolean);
    assert.equal(lines[0]?.split('::')[1], 'warning file=docs/decisions/0001-a%2Cb%3Ac%25d.md,line=1,col=1,endLine=1,endColumn=9,title=missing-owner');
    assert.equal(lines[1]?.split('::')[1], 'warning file=docs/decisions/0002-zero\u200bwidth é.md,line=1,col=1,endLine=1,endColumn=9,title=missing-owner');
    assert.equal(lines[2]?.split('::')[1], 'warning file=docs/decisions/0003-cr%0Din %252C name.md,line=1,col=1,endLine=1,endColumn=9,title=missing-owner');
    // The runner's decoding of a property (actions/runner ActionCommand: %0D %0A %3A %2C, then %25).
    const decode = (value: string): string => value.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
    const files = lines.map((line) => decode(/^::warning file=([^,]*),/.exec(line)?.[1] ?? ''));
    assert.deepEqual(files, names.map((name) => `docs/decisions/${name}`));
    for (const file of files) assert.ok(readFileSync(join(repo, file), 'utf8').startsWith('# 000'), file);
  });

  it('exits 2 on CI option mistakes', () => {
    const cases: [string[], RegExp][] = [
      [['lint', 'nygard', '--max-warnings', 'many'], /--max-warnings takes a whole number/],
      [['lint', 'nygard', '--max-warnings'], /--max-warnings needs a value/],
      [['lint', 'nygard', '--format', 'xml'], /unknown format 'xml': use stylish, json, sarif, github/],
      [['list', 'nygard', '--quiet'], /--quiet is not an option of list/],
      [['new', 'A title'], /new needs --owner: one of cto \(CTO, strategy\), hoe/],
      [['new', '--owner', 'cto'], /new needs a title/],
      [['new', 'A title', '--owner', 'ceo'], /'ceo' is not a configured role: use one of cto \(CTO, strategy\), hoe \(Head of Engineering, execution\)/],
      [['new', 'A title', '--owner', 'cto', '--template', 'y-statement'], /unknown template 'y-statement'/],
      [['migrate', 'nygard'], /migrate needs --owner/],
      [['migrate', 'nygard', '--owner', 'cto', '--where', 'colour=red'], /--where can filter on status/],
      [['migrate', 'nygard', '--owner', 'nobody'], /'nobody' is not a configured role/],
      [['migrate', '--dry-run', '--template', 'madr', 'nygard'], /--template is not an option of migrate/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = run(args, FIXTURES);
      assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
      assert.match(stderr, message);
    }
  });

  it('new writes the next number into the only folder, never overwriting, and prints the path', () => {
    mkdirSync(join(repo, 'docs/adr'), { recursive: true });
    writeFileSync(join(repo, 'docs/adr/0001-record-decisions.md'), '# 1. Record decisions\n');
    writeFileSync(join(repo, 'docs/adr/0004-later.md'), '# 4. Later\n');
    const first = run(['new', 'Use PostgreSQL', '--owner', 'CTO'], repo);
    assert.deepEqual([first.code, first.stdout, first.stderr], [0, 'docs/adr/0005-use-postgresql.md\n', '']);
    const text = readFileSync(join(repo, 'docs/adr/0005-use-postgresql.md'), 'utf8');
    assert.match(text, /^---\nstatus: proposed\ndate: \d{4}-\d{2}-\d{2}\nowner: cto\n[\s\S]*\n# Use PostgreSQL\n\n## Context and Problem Statement\n/);
    const second = run(['new', 'Use PostgreSQL', '--owner', 'hoe', '--template', 'nygard'], repo);
    assert.equal(second.stdout, 'docs/adr/0006-use-postgresql.md\n');
    assert.match(readFileSync(join(repo, 'docs/adr/0006-use-postgresql.md'), 'utf8'), /^# 6\. Use PostgreSQL\n\nDate: \d{4}-\d{2}-\d{2}\n\nOwner: hoe\n\n## Status\n\nProposed\n/);
    assert.equal(readFileSync(join(repo, 'docs/adr/0005-use-postgresql.md'), 'utf8'), text, 'the first stays as written');
  });

  it('new creates docs/decisions when there is no folder, takes --dir, and wants --dir with several folders', () => {
    assert.equal(run(['new', 'First one', '--owner', 'hoe'], repo).stdout, 'docs/decisions/0001-first-one.md\n');
    assert.equal(run(['new', 'Elsewhere', '--owner', 'hoe', '--dir', 'arch/log'], repo).stdout, 'arch/log/0001-elsewhere.md\n');
    writeFileSync(join(repo, '.adr-roles.yml'), 'folders: [docs/decisions, arch/log]\n');
    const several = run(['new', 'Third', '--owner', 'cto'], repo);
    assert.equal(several.code, 2);
    assert.match(several.stderr, /several decision folders .*: name one with --dir/);
  });

  it('new uses the roles of .adr-roles.yml', () => {
    writeFileSync(join(repo, '.adr-roles.yml'), 'roles:\n  - { id: founder, label: Founder, kind: strategy }\n');
    const unknown = run(['new', 'A', '--owner', 'cto'], repo);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /'cto' is not a configured role: use one of founder \(Founder, strategy\)/);
    assert.equal(run(['new', 'A', '--owner', 'founder'], repo).code, 0);
  });

  it('migrate gives unowned decisions an owner in place; --dry-run writes nothing; --where filters', () => {
    for (const folder of ['nygard', 'madr2', 'log4brains', 'madr4']) cpSync(join(FIXTURES, folder), join(repo, folder), { recursive: true });
    const before = (folder: string, name: string): string => readFileSync(join(FIXTURES, folder, name), 'utf8');
    const after = (folder: string, name: string): string => readFileSync(join(repo, folder, name), 'utf8');

    const dry = run(['migrate', '--owner', 'hoe', '--dry-run', 'nygard', 'madr2'], repo);
    assert.equal(dry.code, 0);
    assert.match(dry.stdout, /^nygard\/0001-record-architecture-decisions\.md: owner: hoe \(dry run\)\n/);
    assert.match(dry.stdout, /7 decisions would be given an owner\n$/);
    for (const name of readdirSync(join(repo, 'nygard'))) assert.equal(after('nygard', name), before('nygard', name), `${name} untouched by --dry-run`);

    const accepted = run(['migrate', '--owner', 'cto', '--where', 'status=accepted', 'nygard', 'log4brains', 'madr4'], repo);
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.match(accepted.stdout, /nygard\/0001-record-architecture-decisions\.md: owner: cto\n/);
    assert.doesNotMatch(accepted.stdout, /0002-implement-as-shell-scripts/, 'superseded is filtered out');
    assert.equal(after('nygard', '0001-record-architecture-decisions.md'), before('nygard', '0001-record-architecture-decisions.md').replace('Date: 2016-02-12\n', 'Date: 2016-02-12\n\nOwner: cto\n'));
    assert.equal(after('nygard', '0002-implement-as-shell-scripts.md'), before('nygard', '0002-implement-as-shell-scripts.md'));
    for (const name of readdirSync(join(repo, 'madr4'))) assert.equal(after('madr4', name), before('madr4', name), `${name} was owned already`);

    const rest = run(['migrate', '--owner', 'hoe', 'nygard'], repo);
    assert.equal(rest.stdout, 'nygard/0002-implement-as-shell-scripts.md: owner: hoe\n1 decision given an owner\n');
    assert.equal(run(['lint', 'nygard', '--format', 'json'], repo).stdout.includes('missing-owner'), false);
    assert.equal(run(['migrate', '--owner', 'hoe', 'nygard'], repo).stdout, '0 decisions given an owner\n', 'a second run changes nothing');
  });

  it('migrate leaves a decision whose frontmatter cannot take a field as it is, and says so', () => {
    mkdirSync(join(repo, 'coded'), { recursive: true });
    const coded = '---js\n{ title: "x" }\n---\n# 1. Coded\n';
    writeFileSync(join(repo, 'coded', '0001-coded.md'), coded);
    const result = run(['migrate', '--owner', 'cto', 'coded'], repo);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /coded\/0001-coded\.md: left as it is: its frontmatter cannot take an owner line safely/);
    assert.equal(result.stdout, '0 decisions given an owner\n');
    assert.equal(readFileSync(join(repo, 'coded', '0001-coded.md'), 'utf8'), coded);
  });
});
