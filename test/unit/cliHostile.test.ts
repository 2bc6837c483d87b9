import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers';

/** Bytes a terminal acts on rather than shows: C0 but tab and newline, DEL, C1. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
/** A YAML double-quoted value: its escapes put any character into a field. */
const quoted = (text: string): string => JSON.stringify(text);
const FORGED = '\n::error file=x.md,line=1::forged\r\n::add-mask::secret \x1b[2J\x1b]0;pwn\x07 \u202egnp\u2028::notice::ls ##[warning]v1 hid\u200bden\u200e\u200f\u2060\u2064mid\ufefftext\u061c\u180e\u00ad\u{E0041}';

/**
 * A repository written to forge output: titles, owners, relations, triggers, dates and file names
 * that hold workflow commands, escapes, bidi overrides, Mermaid directives, DOT quotes and the
 * index's own markers.
 */
function hostileRepository(): string {
  const repo = mkdtempSync(join(tmpdir(), 'adr-roles-hostile-'));
  const folder = join(repo, 'decisions');
  mkdirSync(folder);
  writeFileSync(join(repo, '.adr-dir'), 'decisions\n');
  const title = `Evil${FORGED} %%{init: {"theme":"dark"}}%% "]; <b>bold</b> \`code\` | pipe <!-- adr-roles:index:end --> <!-- adr-roles:index:start --> a\rb \x00 nul`;
  writeFileSync(
    join(folder, '0001-evil.md'),
    `---\ntitle: ${quoted(title)}\nstatus: accepted\nowner: ${quoted(`cto${FORGED}`)}\noverrides: ${quoted(`ADR-0002${FORGED}`)}\ntrigger: ${quoted(`new-resource${FORGED}`)}\ndate: ${quoted(`2021-01-01${FORGED}`)}\n---\n# Heading\n`,
  );
  writeFileSync(join(folder, '0002-two.md'), `---\nstatus: overridden\nowner: hoe\noverridden-by: ADR-0001\n---\n# Two \x1b[31mred\x1b[0m\n`);
  writeFileSync(join(folder, '::error file=a::forged.md'), '---\nstatus: accepted\n---\n# Named to forge\n');
  writeFileSync(join(folder, 'javascript:alert(1).md'), '---\nstatus: accepted\nowner: cto\n---\n# Linked to a script\n');
  writeFileSync(join(folder, '::warning::binary.md'), 'a\x00b');
  // The Actions runner trims every Unicode white space before it looks for `::`; a name has no trim.
  writeFileSync(join(folder, '\u3000::error title=Forged::Build failed.md'), '---\nstatus: accepted\n---\n# Spaced to forge\n');
  return repo;
}

/** No line a runner would take for a command, and no byte a terminal would act on. */
function assertPlain(output: string, what: string): void {
  for (const line of output.split('\n')) assert.doesNotMatch(line, /^\s*::/, `${what}: ${line}`);
  assert.doesNotMatch(output, CONTROL, what);
  assert.doesNotMatch(output, /[\u2028\u2029\u202a-\u202e\u2066-\u2069]/, what);
  assert.doesNotMatch(output, /##\[/, what);
  // Zero-width, bidi marks and every other format character are shown as escapes too.
  assert.doesNotMatch(output, /\p{Cf}/u, what);
}

describe('adr-roles CLI on a hostile repository', () => {
  let repo: string;
  before(() => {
    repo = hostileRepository();
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  const human: [string, string[]][] = [
    ['lint', ['lint', 'decisions']],
    ['lint in the folder', ['lint', '.']],
    ['list', ['list', 'decisions']],
    ['list in the folder', ['list', '.']],
    ['report', ['report', 'decisions']],
    ['index --check', ['index', '--check', 'decisions']],
    ['migrate --dry-run in the folder', ['migrate', '--owner', 'cto', '--dry-run', '.']],
  ];
  for (const [what, args] of human) {
    it(`${what} prints plain lines only, on stdout and stderr`, () => {
      const cwd = args.includes('.') ? join(repo, 'decisions') : repo;
      const { stdout, stderr } = runCli(args, cwd);
      assert.ok(stdout.length > 0, what);
      assertPlain(stdout, `${what} stdout`);
      assertPlain(stderr, `${what} stderr`);
    });
  }

  it('lint --format github writes only its own commands, one per problem, with the text escaped', () => {
    const { stdout } = runCli(['lint', '--format', 'github', '.'], join(repo, 'decisions'));
    const lines = stdout.split('\n').filter(Boolean);
    assert.ok(lines.length > 0);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^,:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[\w-]+::/, line);
  });

  it('graph --format mermaid keeps every title inside its label: no directive, no quote, no line of its own', () => {
    const { code, stdout } = runCli(['graph', '--format', 'mermaid', 'decisions'], repo);
    assert.equal(code, 0);
    assert.doesNotMatch(stdout, /%%/);
    assert.doesNotMatch(stdout, CONTROL);
    const lines = stdout.split('\n').filter(Boolean);
    assert.equal(lines[0], 'flowchart TB');
    for (const line of lines.slice(1)) assert.match(line, /^ {2}(classDef |class |[nrm]\d+(\[|\(\[| [-=.]+>\|))/, line);
    for (const line of lines.filter((l) => /^ {2}[nrm]\d+\[/.test(l))) assert.match(line, /^ {2}\w+\(?\["[^"]*"\]\)?$/, `one quoted label: ${line}`);
  });

  it('graph --format dot links relative paths only and keeps each node on one line', () => {
    const { code, stdout } = runCli(['graph', '--format', 'dot', '.'], join(repo, 'decisions'));
    assert.equal(code, 0);
    assert.doesNotMatch(stdout, CONTROL);
    const urls = [...stdout.matchAll(/URL="([^"]*)"/g)].map((m) => m[1] ?? '');
    assert.ok(urls.length >= 3, stdout);
    for (const url of urls) assert.doesNotMatch(url, /^([a-z][\w+.-]*:|\/|\\)/i, `relative link: ${url}`);
    for (const line of stdout.split('\n').filter((l) => l.includes('label='))) assert.match(line, /;$/, `one statement per line: ${line}`);
  });

  it('index writes a table that indexing again leaves as it is, and --check then passes', () => {
    assert.equal(runCli(['index', 'decisions'], repo).code, 0);
    const readme = join(repo, 'decisions', 'README.md');
    const once = readFileSync(readme, 'utf8');
    assert.equal(runCli(['index', 'decisions'], repo).code, 0);
    assert.equal(readFileSync(readme, 'utf8'), once, 'a second run changes nothing');
    const { code, stdout } = runCli(['index', '--check', 'decisions'], repo);
    assert.equal(code, 0, stdout);
    assert.equal(once.split('<!-- adr-roles:index:end -->').length, 2, 'one end marker');
    assert.equal(once.split('<!-- adr-roles:index:start -->').length, 2, 'one start marker');
    assert.doesNotMatch(once, CONTROL);
    assert.doesNotMatch(once, /<b>|<\/b>/, 'no raw HTML from a title');
    const targets = [...once.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1] ?? '');
    assert.ok(targets.includes('./javascript:alert%281%29.md'), targets.join(' '));
    for (const target of targets) assert.doesNotMatch(target, /^[^/]*:/, `no link target read as a scheme: ${target}`);
    assert.ok(targets.includes('0002-two.md'), 'an ordinary name is linked as it always was');
  });
});
