import { strict as assert } from 'node:assert';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBaseRevisions, type BaseCache } from '../../src/git/baseRevisions';
import { GitError, GitMissing, isAbort, runGit } from '../../src/git/runGit';
import { DEFAULT_READ_LIMITS } from '../../src/core/read/fileAdmission';
import { git, newRepository } from './gitRepos';

const FOLDER = 'docs/decisions';
const NAMING = { option: 'base', noRepository: 'not in a repository' };

describe('src/git: git as both faces run it', () => {
  let repo: string;
  let marker: string;
  beforeEach(() => {
    repo = newRepository('adr-roles-git-', FOLDER);
    marker = join(repo, 'ran');
    writeFileSync(join(repo, FOLDER, '0001-a.md'), '---\nstatus: accepted\nowner: cto\n---\n# A\n\n## Decision\n\nA.\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'a');
    git(repo, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(repo, FOLDER, '0001-a.md'), '---\nstatus: accepted\nowner: cto\n---\n# A\n\n## Decision\n\nB.\n');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('runs nothing a hostile repository configures: no fsmonitor hook, no external diff, no text conversion', async () => {
    const hook = join(repo, 'hook.sh');
    writeFileSync(hook, `#!/bin/sh\necho ran >> '${marker}'\n`);
    chmodSync(hook, 0o755);
    git(repo, 'config', 'core.fsmonitor', hook);
    git(repo, 'config', 'diff.external', hook);
    git(repo, 'config', 'diff.evil.textconv', hook);
    writeFileSync(join(repo, '.gitattributes'), '*.md diff=evil\n');
    // The hooks are live: plain git runs them, so the check below can fail.
    git(repo, 'status', '--short');
    assert.ok(existsSync(marker), 'the fsmonitor hook did not run under plain git: the test would prove nothing');
    rmSync(marker);
    const revisions = await readBaseRevisions({ gitPath: 'git', cwd: repo }, 'main', [join(repo, FOLDER)], DEFAULT_READ_LIMITS, NAMING);
    assert.deepEqual(revisions.base.map((b) => b.path), [`${FOLDER}/0001-a.md`]);
    assert.equal(existsSync(marker), false, 'git ran a command the repository configured');
  });

  it('reads the base once per merge base and tip: a second comparison asks git only for what moves', async () => {
    const cache: BaseCache = {};
    const first = await readBaseRevisions({ gitPath: 'git', cwd: repo }, 'main', [join(repo, FOLDER)], DEFAULT_READ_LIMITS, NAMING, {}, cache);
    const second = await readBaseRevisions({ gitPath: 'git', cwd: repo }, 'main', [join(repo, FOLDER)], DEFAULT_READ_LIMITS, NAMING, {}, cache);
    assert.equal(second.base, first.base, 'the base decisions were read again');
    git(repo, 'checkout', '-q', 'main');
    writeFileSync(join(repo, FOLDER, '0002-b.md'), '# B\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'b');
    git(repo, 'checkout', '-q', 'feature');
    const moved = await readBaseRevisions({ gitPath: 'git', cwd: repo }, 'main', [join(repo, FOLDER)], DEFAULT_READ_LIMITS, NAMING, {}, cache);
    assert.deepEqual(moved.tipPaths, [`${FOLDER}/0001-a.md`, `${FOLDER}/0002-b.md`], 'the tip moved: its names are read again');
  });

  it('ends a cancelled run as an abort, refuses a ref that reads as an option, and names a missing git', async () => {
    const cancelled = new AbortController();
    cancelled.abort();
    await assert.rejects(runGit({ gitPath: 'git', cwd: repo }, ['status'], { signal: cancelled.signal }), (error) => isAbort(error));
    await assert.rejects(readBaseRevisions({ gitPath: 'git', cwd: repo }, '--output=/tmp/x', [join(repo, FOLDER)], DEFAULT_READ_LIMITS, NAMING), (error) => error instanceof GitError && /base takes a branch, tag or commit, not '--output=\/tmp\/x'/.test(error.message));
    await assert.rejects(runGit({ gitPath: join(repo, 'no-git-here'), cwd: repo }, ['status']), (error) => error instanceof GitMissing);
  });
});
