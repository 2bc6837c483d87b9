// The CLI in a cloned repository that names paths outside itself, links out of it, or points its
// configuration at devices: nothing outside is read into output or written, nothing blocks.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLI } from './helpers';

/** Well past the CLI's start-up (~0.2 s): a run still going then is one that blocks. */
const DEADLINE_MS = 15_000;
const SECRET = 'SECRET-7d1f0c-NEVER-PRINTED';
const DECISION = '---\nstatus: accepted\nowner: cto\n---\n# 1. Use Kafka\n';
const UNOWNED = '# 1. Victim decision\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs the built CLI with its standard input left open (as a terminal or an idle pipe would be),
 * and fails the test if it has not exited by the deadline.
 */
function run(args: string[], cwd: string): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ADR_ROLES_TEST_SECRET: SECRET }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`adr-roles ${args.join(' ')} did not finish within ${DEADLINE_MS / 1000} s`));
    }, DEADLINE_MS);
    child.on('close', (code) => {
      clearTimeout(deadline);
      child.stdin.destroy();
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** A refusal: exit 2, nothing on stdout, one line on stderr that matches, and no secret anywhere. */
function assertRefused(result: Run, message: RegExp): void {
  assert.equal(result.code, 2, `exit ${result.code}: ${result.stdout}${result.stderr}`);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr.split('\n').length, 2, `not one line: ${result.stderr}`);
  assert.match(result.stderr, message);
  assert.ok(!`${result.stdout}${result.stderr}`.includes(SECRET), 'the secret was printed');
}

/** Every file under a folder, with its bytes, to show nothing there changed. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[path.slice(folder.length + 1)] = readFileSync(path, 'latin1');
    }
  };
  walk(folder);
  return files;
}

describe('adr-roles in a repository that names paths outside itself', function () {
  this.timeout(60_000);
  let base: string;
  let outside: string;
  let before: Record<string, string>;
  const repo = (name: string, files: Record<string, string>, links: Record<string, string> = {}): string => {
    const root = join(base, name);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    for (const [path, target] of Object.entries(links)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      symlinkSync(target, join(root, path));
    }
    return root;
  };

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'adr-roles-containment-'));
    outside = join(base, 'outside');
    mkdirSync(join(outside, 'victim'), { recursive: true });
    mkdirSync(join(outside, 'elsewhere'));
    writeFileSync(join(outside, 'victim.md'), '# Notes kept outside the repository\n');
    writeFileSync(join(outside, 'secret.md'), `${SECRET}\n`);
    writeFileSync(join(outside, 'victim', '0001-victim.md'), UNOWNED);
    writeFileSync(join(outside, 'elsewhere', '0001-elsewhere.md'), UNOWNED);
    before = snapshot(outside);
  });
  afterEach(() => {
    assert.deepEqual(snapshot(outside), before, 'a file outside the repository was written or created');
    rmSync(base, { recursive: true, force: true });
  });

  it('index refuses a README that links to a file outside, and leaves that file byte for byte', async () => {
    const root = repo('readme-link', { 'docs/decisions/0001-use-kafka.md': DECISION }, { 'docs/decisions/README.md': join(outside, 'victim.md') });
    assertRefused(await run(['index'], root), /^adr-roles: docs\/decisions\/README\.md is a symbolic link: nothing is written through links/);
    assertRefused(await run(['index', '--check'], root), /README\.md is a symbolic link/);
  });

  it('index refuses a README that is a dangling link, and never creates its target', async () => {
    const root = repo('dangling', { 'docs/decisions/0001-use-kafka.md': DECISION }, { 'docs/decisions/README.md': join(outside, 'created.md') });
    assertRefused(await run(['index'], root), /README\.md is a symbolic link/);
    assert.ok(!existsSync(join(outside, 'created.md')));
  });

  it('index and migrate refuse to rewrite a hard link to a file outside; migrate still owns the others', async () => {
    const root = repo('hard-links', { 'docs/decisions/0001-use-kafka.md': UNOWNED, 'docs/decisions/0003-use-redis.md': UNOWNED });
    linkSync(join(outside, 'victim.md'), join(root, 'docs/decisions/README.md'));
    linkSync(join(outside, 'victim', '0001-victim.md'), join(root, 'docs/decisions/0002-victim.md'));
    assertRefused(await run(['index'], root), /^adr-roles: docs\/decisions\/README\.md is a hard link/);
    const migrate = await run(['migrate', '--owner', 'cto'], root);
    assert.equal(migrate.code, 2, migrate.stderr);
    assert.match(migrate.stderr, /^adr-roles: docs\/decisions\/0002-victim\.md is a hard link/m);
    assert.match(migrate.stdout, /^2 decisions given an owner; 1 refused$/m);
    assert.match(readFileSync(join(root, 'docs/decisions/0003-use-redis.md'), 'utf8'), /^Owner: cto$/m);
  });

  it('index reads a README no further than --max-file-size: a larger one stops the run, and nothing is written', async () => {
    const big = `# Decisions\n\n${'x'.repeat(20 * 1024)}\n`;
    const root = repo('big-readme', { 'docs/decisions/0001-use-kafka.md': DECISION, 'docs/decisions/README.md': big });
    for (const args of [['index', '--max-file-size', '8'], ['index', '--check', '--max-file-size', '8']]) {
      const result = await run(args, root);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^adr-roles: docs\/decisions\/README\.md is larger than 8 KB \(--max-file-size\): nothing was read or written\n$/);
    }
    assert.equal(readFileSync(join(root, 'docs/decisions/README.md'), 'utf8'), big);
    const raised = await run(['index', '--max-file-size', '64'], root);
    assert.deepEqual([raised.code, raised.stdout], [0, 'docs/decisions/README.md: updated\n'], 'under the limit it is indexed as before');
  });

  it('index still writes a README that is a real file, and creates a missing one', async () => {
    const root = repo('plain', { 'docs/decisions/0001-use-kafka.md': DECISION });
    const result = await run(['index'], root);
    assert.deepEqual([result.code, result.stdout], [0, 'docs/decisions/README.md: created\n']);
    assert.equal((await run(['index'], root)).stdout, 'docs/decisions/README.md: up to date\n');
  });

  it('new and lint refuse a template that links to a secret, under any name, and no decision is written', async () => {
    for (const [template, target] of [['tpl.md', join(outside, 'secret.md')], ['environ.md', '/proc/self/environ'], ['templates/adr.md', null]] as const) {
      const links: Record<string, string> = target ? { [template]: target } : { templates: outside };
      if (!target) writeFileSync(join(outside, 'adr.md'), `${SECRET}\n`);
      const root = repo(`template-${template.replace('/', '-')}`, { '.adr-roles.yml': `roles:\n  - { id: cto, label: CTO, kind: strategy }\ntemplate: ${template}\n`, 'docs/decisions/0001-use-kafka.md': DECISION }, links);
      assertRefused(await run(['new', 'Leak the secret', '--owner', 'cto'], root), /^adr-roles: \.adr-roles\.yml:3: Template '.*' (is a symbolic link|goes through the symbolic link 'templates'): refused, and nothing was written/);
      assert.deepEqual(readdirSync(join(root, 'docs/decisions')), ['0001-use-kafka.md']);
      const lint = await run(['lint', '--format', 'json'], root);
      assert.equal(lint.code, 1);
      const problems = JSON.parse(lint.stdout) as { file: string; line: number; code: string }[];
      assert.deepEqual(problems.filter((p) => p.code === 'invalid-config').map((p) => [p.file, p.line]), [['.adr-roles.yml', 3]]);
      assert.ok(!lint.stdout.includes(SECRET) && !lint.stderr.includes(SECRET));
      if (!target) rmSync(join(outside, 'adr.md'));
    }
  });

  it('lint refuses Windows drive and share paths as templates and folders', async () => {
    const root = repo('windows', {
      '.adr-roles.yml': "folders:\n  - docs/decisions\n  - 'C:\\Users\\me\\adr'\n  - //server/share/adr\ntemplate: 'C:/Users/me/.ssh/id_rsa'\n",
      'docs/decisions/0001-use-kafka.md': DECISION,
    });
    const lint = await run(['lint', '--format', 'json'], root);
    const refused = (JSON.parse(lint.stdout) as { line: number; message: string }[]).filter((p) => / is outside the repository/.test(p.message)).map((p) => p.line);
    assert.deepEqual([lint.code, refused], [1, [3, 4, 5]]);
    for (const share of ['\\\\server\\share\\t.md', '//server/share/t.md']) {
      writeFileSync(join(root, '.adr-roles.yml'), `template: '${share}'\n`);
      assertRefused(await run(['new', 'X', '--owner', 'cto'], root), /Template '.*' is outside the repository: refused/);
    }
  });

  it('list, migrate, index and new refuse an .adr-dir folder outside, and nothing there changes', async () => {
    const root = repo('adr-dir', { '.adr-dir': '../outside/victim\n' });
    for (const args of [['list'], ['migrate', '--owner', 'cto'], ['index'], ['new', 'X', '--owner', 'cto'], ['lint']]) {
      assertRefused(await run(args, root), /^adr-roles: \.adr-dir:1: Folder '\.\.\/outside\/victim' is outside the repository: refused, and nothing was written$/m);
    }
  });

  it('refuses log4brains folders outside; lint reports them at their line beside the good ones', async () => {
    const root = repo('log4brains', {
      '.log4brains.yml': 'project:\n  adrFolder: ./docs/adr\n  packages:\n    - name: api\n      adrFolder: ../outside/victim\n',
      'docs/adr/0001-use-kafka.md': DECISION,
    });
    assertRefused(await run(['list'], root), /^adr-roles: \.log4brains\.yml:5: Folder '\.\.\/outside\/victim' is outside the repository/);
    assertRefused(await run(['migrate', '--owner', 'cto'], root), /\.log4brains\.yml:5/);
    const lint = await run(['lint', '--format', 'json'], root);
    assert.equal(lint.code, 1);
    assert.deepEqual((JSON.parse(lint.stdout) as { file: string; line: number; code: string }[]).map((p) => [p.file, p.line, p.code]), [['.log4brains.yml', 5, 'invalid-config']]);
  });

  it('refuses a decision folder that is a link out, for every command, and a typed folder that is one', async () => {
    const root = repo('folder-link', {}, { 'docs/decisions': join(outside, 'elsewhere') });
    for (const args of [['list'], ['index'], ['migrate', '--owner', 'cto'], ['new', 'X', '--owner', 'cto']]) {
      assertRefused(await run(args, root), /^adr-roles: docs\/decisions:1: Folder 'docs\/decisions' is a symbolic link: refused/);
    }
    assertRefused(await run(['index', 'docs/decisions'], root), /^adr-roles: 'docs\/decisions' is a symbolic link/);
    const configured = repo('configured-link', { '.adr-roles.yml': 'folders: [docs/decisions]\n' }, { docs: outside });
    assertRefused(await run(['index'], configured), /\.adr-roles\.yml:1: Folder 'docs\/decisions' goes through the symbolic link 'docs'/);
  });

  it('new never creates its folder through a link', async () => {
    const root = repo('new-through-link', {}, { docs: outside });
    assertRefused(await run(['new', 'X', '--owner', 'cto', '--dir', 'docs/decisions'], root), /^adr-roles: docs\/\S+:1: Folder 'docs\/\S+' goes through the symbolic link 'docs': refused, and nothing was written \(and 3 more refused paths\)$/m);
    assert.ok(!existsSync(join(outside, 'decisions')));
  });

  it('a configuration linked to /dev/stdin or a pipe never blocks, and /dev/zero is never read', async () => {
    const stdin = repo('stdin', { 'docs/decisions/0001-use-kafka.md': DECISION }, { '.adr-roles.yml': '/dev/stdin', '.log4brains.yml': '/dev/zero' });
    const lint = await run(['lint', '--format', 'json'], stdin);
    assert.equal(lint.code, 1);
    assert.deepEqual((JSON.parse(lint.stdout) as { file: string; message: string }[]).map((p) => [p.file, p.message.split(':')[0]]), [
      ['.adr-roles.yml', "'.adr-roles.yml' is a symbolic link"],
      ['.log4brains.yml', "'.log4brains.yml' is a symbolic link"],
    ]);
    const zero = repo('zero', {}, { '.adr-dir': '/dev/zero' });
    const listed = await run(['list'], zero);
    assertRefused(listed, /^adr-roles: \.adr-dir:1: '\.adr-dir' is a symbolic link: refused/);
    const fifo = repo('fifo', { 'docs/decisions/0001-use-kafka.md': DECISION });
    execFileSync('mkfifo', [join(fifo, '.adr-roles.yml')]);
    const fromFifo = await run(['list'], fifo);
    assertRefused(fromFifo, /'\.adr-roles\.yml' is not a regular file \(a device, pipe or socket\)/);
    for (const result of [lint, listed, fromFifo]) assert.ok(result.ms < DEADLINE_MS / 3, `took ${result.ms} ms`);
  });

  it('configuration over 256 KB is not read', async () => {
    const root = repo('large', { '.adr-dir': `docs/decisions\n${'#'.repeat(300 * 1024)}\n`, 'docs/decisions/0001-use-kafka.md': DECISION });
    assertRefused(await run(['list'], root), /'\.adr-dir' is larger than 256 KB: refused/);
  });
});
