import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { IgnoreMatcher, ignoreGlobs, matchName, parseIgnoreFile, type IgnoreFile } from '../../src/core/workspace/ignoreFile';
import { MatchBudget } from '../../src/core/workspace/matchBudget';

const plenty = () => new MatchBudget(1e9);

function matcher(files: Record<string, string>): IgnoreMatcher {
  return new IgnoreMatcher(Object.entries(files).map(([path, text]) => parseIgnoreFile(text, dirname(path) === '.' ? '' : dirname(path))), plenty());
}

/** The paths git itself ignores, asked of a real repository holding these files. */
function ignoredByGit(ignoreFiles: Record<string, string>, paths: readonly string[]): Set<string> {
  const root = mkdtempSync(join(tmpdir(), 'adr-roles-gitignore-'));
  try {
    execFileSync('git', ['init', '-q'], { cwd: root });
    for (const [path, text] of Object.entries(ignoreFiles)) {
      mkdirSync(join(root, dirname(path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    for (const path of paths) {
      mkdirSync(join(root, dirname(path)), { recursive: true });
      writeFileSync(join(root, path), '');
    }
    // Exit status 1 means nothing is ignored.
    let out = '';
    try {
      out = execFileSync('git', ['check-ignore', '--stdin', '--no-index'], { cwd: root, input: paths.join('\n'), encoding: 'utf8' });
    } catch (error) {
      out = (error as { stdout?: string }).stdout ?? '';
    }
    return new Set(out.split('\n').filter(Boolean));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const PATHS = [
  'a.log', 'src/a.log', 'src/keep.log', 'src/a.ts', 'build/out.js', 'src/build/out.js', 'build.ts', 'src/build.ts',
  'docs/x.txt', 'docs/deep/x.txt', 'other/docs/x.txt', 'logs/keep.md', 'logs/sub/y.md', '.venv/lib/m.py', 'deep/.venv/m.py',
  'a/b/c/d.md', 'a/d.md', 'a/x/y/d.md', 'cache1/z.ts', 'cacheA/z.ts', 'cache_/z.ts', 'sub/gen/x.ts', 'gen/x.ts', 'sub/keep.tmp', 'sub/x.tmp', 'x.tmp',
  '#hash.md', 'space .md', 'notes/a.md', 'notes/b.md', '.vscode/settings.json', '.vscode/launch.json', 'dir/**star.md',
];

const CASES: { name: string; files: Record<string, string> }[] = [
  { name: 'names at any depth, and negation', files: { '.gitignore': '*.log\n!keep.log\n' } },
  { name: 'anchored and directory-only patterns', files: { '.gitignore': '/build/\ndocs/*.txt\n.venv/\n' } },
  { name: 'double stars', files: { '.gitignore': 'a/**/d.md\n**/gen\n' } },
  { name: 'classes and escapes', files: { '.gitignore': 'cache[0-9]/\ncache[!A-Z_]/\n\\#hash.md\nspace\\ .md\n' } },
  { name: 'a file in an ignored folder cannot be re-included', files: { '.gitignore': 'logs/\n!logs/keep.md\n' } },
  { name: 'nested files override the root', files: { '.gitignore': '*.tmp\n', 'sub/.gitignore': '!keep.tmp\ngen/\n' } },
  { name: 'comments, blanks, trailing spaces and whitelists', files: { '.gitignore': '# comment\n\nnotes/*   \n!notes/a.md\n.vscode/*\n!.vscode/settings.json\n' } },
];

describe('.gitignore matching', () => {
  for (const testCase of CASES) {
    it(`agrees with git check-ignore: ${testCase.name}`, () => {
      const expected = ignoredByGit(testCase.files, PATHS);
      const ours = matcher(testCase.files);
      const disagreements = PATHS.filter((p) => ours.isIgnored(p) !== expected.has(p)).map((p) => `${p}: git ${expected.has(p) ? 'ignores' : 'keeps'} it`);
      assert.deepEqual(disagreements, []);
    });
  }

  it('skips patterns over 256 characters and stops at 2,000 rules a file', () => {
    const long = `${'a'.repeat(300)}\nshort\n`;
    assert.deepEqual(parseIgnoreFile(long, '').rules.map((r) => r.pattern), ['short']);
    assert.equal(parseIgnoreFile('x\n'.repeat(10_000), '').rules.length, 2_000);
  });

  it('reads an ignore file in time linear in its length, whatever its lines hold', () => {
    const time = (text: string): number => {
      const started = performance.now();
      parseIgnoreFile(text, '');
      return performance.now() - started;
    };
    for (const line of ['\n', `${' '.repeat(250)}\n`, `${'x'.repeat(5_000)}\n`, '#\n']) {
      const small = time(line.repeat(Math.ceil(100_000 / line.length)));
      const large = time(line.repeat(Math.ceil(800_000 / line.length)));
      assert.ok(large / Math.max(small, 1) < 24, `${JSON.stringify(line.slice(0, 3))}…: ${small.toFixed(1)} → ${large.toFixed(1)} ms`);
    }
  });

  it('matches a name in pattern × name steps at most, without backtracking blow-up', () => {
    // The greedy matcher's worst shape: a long literal run after a star, against a name of its letter.
    const pattern = `*${'a'.repeat(60)}b`;
    const steps = (n: number): number => {
      let spent = 0;
      const budget = new MatchBudget(1e12);
      const original = budget.spend.bind(budget);
      budget.spend = (s: number) => {
        spent += s;
        return original(s);
      };
      assert.equal(matchName(pattern, 'a'.repeat(n), budget), false);
      return spent;
    };
    const small = steps(250);
    const large = steps(2_000);
    assert.ok(large <= pattern.length * 2_000, `${large} steps`);
    assert.ok(large / small < 12, `n → 8n took ${small} → ${large} steps`);
  });

  it('counts every path as ignored once the budget is spent, so a costly pattern only makes the scan read less', () => {
    const files = [parseIgnoreFile(`*${'a'.repeat(250)}b\n`, '')];
    const budget = new MatchBudget(100_000);
    const ours = new IgnoreMatcher(files, budget);
    const results = Array.from({ length: 20 }, (_, i) => ours.isIgnored(`${'a'.repeat(1_000)}${i}.ts`));
    assert.ok(budget.exhausted);
    assert.equal(results.at(-1), true);
  });
});

describe('.gitignore rules as search globs', () => {
  const globsOf = (files: IgnoreFile[]) => ignoreGlobs(files, 400);

  it('turns plain patterns into globs relative to the workspace folder', () => {
    const { globs, complete } = globsOf([parseIgnoreFile('.venv/\n/target\n*.pyc\ndocs/gen\n', ''), parseIgnoreFile('out/\n', 'packages/web')]);
    assert.deepEqual(globs.sort(), ['**/*.pyc', '**/*.pyc/**', '**/.venv/**', 'docs/gen', 'docs/gen/**', 'packages/web/**/out/**', 'target', 'target/**'].sort());
    assert.equal(complete, true);
  });

  it('keeps a pattern a later negation could override for the matcher, and globs the others', () => {
    const { globs, complete } = globsOf([parseIgnoreFile('.venv/\n.vscode/*\n!.vscode/settings.json\n*.log\n', ''), parseIgnoreFile('!keep.log\n', 'src')]);
    assert.ok(globs.includes('**/.venv/**'), JSON.stringify(globs));
    assert.ok(!globs.some((g) => g.startsWith('.vscode') || g.includes('*.log')), JSON.stringify(globs));
    assert.equal(complete, false);
  });

  it('leaves classes, escapes and brace-like characters to the matcher', () => {
    for (const pattern of ['cache[0-9]', '\\#x', 'a{b,c}', 'x,y', 'a**b']) {
      const { globs, complete } = globsOf([parseIgnoreFile(`${pattern}\n`, '')]);
      assert.deepEqual(globs, [], pattern);
      assert.equal(complete, false, pattern);
    }
  });

  it('stops at the glob limit and says the rest is left', () => {
    const { globs, complete } = ignoreGlobs([parseIgnoreFile(Array.from({ length: 50 }, (_, i) => `dir${i}/`).join('\n'), '')], 10);
    assert.equal(globs.length, 10);
    assert.equal(complete, false);
  });
});
