import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { admit, HOSTILE_INPUTS, largeDecision, MB } from '../../bench/hostileInputs';
import { Catalog } from '../../src/core/workspace/catalog';
import type { FileSystem } from '../../src/core/workspace/fileSystem';
import { admitDecision, DEFAULT_READ_LIMITS, readLimitsOf } from '../../src/core/read/fileAdmission';
import { parseDecision } from '../../src/core/read/parse';
import { loadFolders, loadFoldersCached } from '../../src/core/workspace/load';
import { CLI, memoryFileSystem, runCli } from './helpers';
import { nodeFileSystem } from '../../src/cli/nodeFileSystem';

/** The bound the README states for every hostile input; `npm run bench` prints what each takes. */
const BOUND_MS = 2000;

function codes(problems: { code: string }[]): string[] {
  return problems.map((p) => p.code);
}

describe('hostile inputs finish within the stated bound', () => {
  for (const input of HOSTILE_INPUTS) {
    it(`${input.name}: ${input.expect}, within ${BOUND_MS / 1000} s`, () => {
      const text = input.text();
      const started = performance.now();
      const admission = admit(input, text);
      const took = performance.now() - started;
      assert.ok(took < BOUND_MS, `took ${took.toFixed(0)} ms`);
      if (input.outcome === 'skipped') {
        assert.ok('skipped' in admission, 'the file should be skipped');
        assert.equal(admission.skipped.problem.code, 'file-skipped');
        assert.equal(admission.skipped.problem.severity, 'info');
      } else {
        assert.ok('decision' in admission, 'the file should be read');
        assert.equal(admission.decision.owner?.value ?? 'cto', 'cto');
        if (input.problem) assert.ok(codes(admission.decision.parseProblems).includes(input.problem), `${input.problem} in ${codes(admission.decision.parseProblems).join(', ')}`);
      }
    });
  }

  it('an alias bomb is read without expanding an alias, its fields intact', () => {
    const admission = admit(HOSTILE_INPUTS[0]!, HOSTILE_INPUTS[0]!.text());
    assert.ok('decision' in admission);
    assert.equal(admission.decision.status?.value, 'accepted');
    assert.deepEqual(codes(admission.decision.parseProblems), []);
  });

  it('YAML nested beyond 64 levels says so, and the fields before it are still read', () => {
    const decision = parseDecision('d/0001-deep.md', `---\nowner: cto\nstatus: accepted\na: ${'['.repeat(200)}${']'.repeat(200)}\n---\n# Deep\n`);
    assert.equal(decision.owner?.value, 'cto');
    assert.match(decision.parseProblems.map((p) => p.message).join('\n'), /nests more than 64 levels deep/);
  });

  it('the open document of 100,000 nested quotes falls back to the line scan with the same title', () => {
    const text = `# 5. Deep\n\n${'> '.repeat(100_000)}x\n`;
    assert.deepEqual(parseDecision('d/0005-deep.md', text, { markdown: 'tree' }).title?.value, parseDecision('d/0005-deep.md', text).title?.value);
  });
});

describe('file admission', () => {
  it('skips a file over the size limit, saying how large it is and how to raise the limit', () => {
    const admission = admitDecision('d/0001-big.md', largeDecision(2 * MB));
    assert.ok('skipped' in admission);
    assert.match(admission.skipped.problem.message, /is 2\.0 MB, over the 1\.0 MB limit/);
    assert.match(admission.skipped.problem.message, /adrRoles\.maxFileSizeKB/);
  });

  it('counts UTF-8 bytes, not characters: 400 K three-byte characters are over a 1 MB limit', () => {
    const text = `# Wide\n\n${'€'.repeat(400_000)}`;
    assert.ok('skipped' in admitDecision('d/0001-wide.md', text));
    assert.ok('decision' in admitDecision('d/0001-wide.md', text, readLimitsOf(2048)));
  });

  it('skips a file with a NUL character as binary, pointing at it', () => {
    const admission = admitDecision('d/0001-bin.md', '# Title\n\nab\0cd');
    assert.ok('skipped' in admission);
    assert.match(admission.skipped.problem.message, /binary/);
    assert.deepEqual(admission.skipped.problem.range.start, { line: 2, character: 2 });
  });

  it('reads text that was not valid UTF-8, with a warning at the first bad character and the count', () => {
    const text = new TextDecoder().decode(Uint8Array.from([...'---\nowner: cto\n---\n# Caf', 0xe9, ...' and na', 0xef, 've\n'].map((c) => (typeof c === 'string' ? c.charCodeAt(0) : c))));
    const admission = admitDecision('d/0001-latin1.md', text);
    assert.ok('decision' in admission);
    assert.equal(admission.decision.owner?.value, 'cto');
    const problem = admission.decision.parseProblems.find((p) => p.code === 'invalid-encoding');
    assert.ok(problem);
    assert.deepEqual(problem.range.start, { line: 3, character: 5 });
    assert.match(problem.message, /2 characters could not be decoded/);
  });

  it('a limit that is not a positive number means the default', () => {
    for (const wrong of [undefined, 0, -5, 'big', Number.NaN, Infinity]) assert.deepEqual(readLimitsOf(wrong), DEFAULT_READ_LIMITS);
    assert.equal(readLimitsOf(2).maxFileBytes, 2048);
  });
});

describe('skipped files in the catalog', () => {
  it('a skipped file leaves the log, and coming back as a decision clears its skip', () => {
    const catalog = new Catalog();
    catalog.upsert(parseDecision('d/0001-a.md', '# A'));
    catalog.admit(admitDecision('d/0001-a.md', '# A\0'));
    assert.equal(catalog.get('d/0001-a.md'), undefined);
    assert.deepEqual(catalog.skipped().map((s) => s.file), ['d/0001-a.md']);
    catalog.admit(admitDecision('d/0001-a.md', '# A'));
    assert.ok(catalog.get('d/0001-a.md'));
    assert.deepEqual(catalog.skipped(), []);
  });

  it('removing a skipped file forgets it', () => {
    const catalog = new Catalog();
    catalog.admit(admitDecision('d/0001-a.md', '\0'));
    assert.equal(catalog.remove('d/0001-a.md'), true);
    assert.deepEqual(catalog.skipped(), []);
  });

  it('the loader skips a file by its size on disk without reading it, and reports files that vanished', async () => {
    const files: Record<string, string> = { 'd/0001-small.md': '# Small', 'd/0002-big.md': '# Big', 'd/0003-gone.md': '# Gone' };
    const reads: string[] = [];
    const memory = memoryFileSystem(files);
    const fs: FileSystem = {
      ...memory,
      readText(path) {
        reads.push(path);
        return path.endsWith('gone.md') ? Promise.resolve(undefined) : memory.readText(path);
      },
      stat: (path) => Promise.resolve({ size: path.endsWith('big.md') ? 5 * MB : 10, mtime: 1 }),
    };
    const { catalog } = await loadFoldersCached(fs, ['d'], new Map());
    assert.deepEqual(catalog.decisions().map((d) => d.file), ['d/0001-small.md']);
    assert.deepEqual(
      catalog.skipped().map((s) => [s.file, s.problem.code]),
      [
        ['d/0002-big.md', 'file-skipped'],
        ['d/0003-gone.md', 'unreadable-file'],
      ],
    );
    assert.ok(!reads.includes('d/0002-big.md'), 'the large file was read');
  });

  it('the loader asks for no more than the limit, and a file found longer while reading is skipped by its size, not unreadable', async () => {
    const files: Record<string, string> = { 'd/0001-small.md': '# Small', 'd/0002-big.md': `# Big\n${'x'.repeat(4096)}`, 'd/0003-gone.md': '# Gone' };
    const limits: number[] = [];
    const fs: FileSystem = {
      ...memoryFileSystem(files),
      readText(path, options) {
        limits.push(options?.readLimit ?? Infinity);
        const text = files[path];
        return Promise.resolve(path.endsWith('gone.md') || text === undefined || text.length > (options?.readLimit ?? Infinity) ? undefined : text);
      },
      stat: (path) => Promise.resolve(path.endsWith('gone.md') ? undefined : { size: files[path]?.length ?? 0, mtime: 1 }),
    };
    const { catalog } = await loadFolders(fs, ['d'], undefined, readLimitsOf(2));
    assert.deepEqual(limits, [2048, 2048, 2048]);
    assert.deepEqual(catalog.decisions().map((d) => d.file), ['d/0001-small.md']);
    assert.deepEqual(
      catalog.skipped().map((s) => [s.file, s.problem.code]),
      [
        ['d/0002-big.md', 'file-skipped'],
        ['d/0003-gone.md', 'unreadable-file'],
      ],
    );
  });

  it('a cached decision over a limit lowered since is skipped, not taken from the cache', async () => {
    const fs: FileSystem = { ...memoryFileSystem({ 'd/0001-a.md': '# A' }), stat: () => Promise.resolve({ size: 4096, mtime: 1 }) };
    const cache = new Map([['d/0001-a.md', { size: 4096, mtime: 1, decision: parseDecision('d/0001-a.md', '# A') }]]);
    const { catalog, reused } = await loadFoldersCached(fs, ['d'], cache, undefined, readLimitsOf(2));
    assert.equal(reused, 0);
    assert.deepEqual(catalog.skipped().map((s) => s.problem.code), ['file-skipped']);
  });

  it('a long text is measured on disk: 600 KB of Latin-1 decodes to 1.8 MB of U+FFFD but is read', async () => {
    const text = `# 4. Latin\n\n${'\uFFFD'.repeat(600_000)}`;
    const fs: FileSystem = { ...memoryFileSystem({ 'd/0004-latin.md': text }), stat: () => Promise.resolve({ size: 600_012, mtime: 1 }) };
    const { catalog } = await loadFolders(fs, ['d']);
    assert.deepEqual(catalog.skipped(), []);
    assert.deepEqual(codes(catalog.get('d/0004-latin.md')?.parseProblems ?? []), ['invalid-encoding']);
  });

  it('without sizes on disk, the loader measures the text', async () => {
    const { catalog } = await loadFolders(memoryFileSystem({ 'd/0001-a.md': '# A', 'd/0002-b.md': `# B\n${'x'.repeat(4096)}` }), ['d'], undefined, readLimitsOf(2));
    assert.deepEqual(catalog.skipped().map((s) => s.file), ['d/0002-b.md']);
  });
});

describe('the CLI with files it does not read', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'adr-roles-bounds-'));
    mkdirSync(join(root, 'docs', 'decisions'), { recursive: true });
    writeFileSync(join(root, 'docs', 'decisions', '0001-fine.md'), '---\nowner: cto\nstatus: accepted\n---\n# 1. Fine\n');
    writeFileSync(join(root, 'docs', 'decisions', '0002-large.md'), largeDecision(2 * MB));
    writeFileSync(join(root, 'docs', 'decisions', '0003-image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('lint reports each as file-skipped, an info that fails nothing', () => {
    const { code, stdout } = runCli(['lint', '--format', 'json'], root);
    const found = JSON.parse(stdout) as { file: string; code: string; severity: string }[];
    assert.deepEqual(
      found.filter((p) => p.code === 'file-skipped').map((p) => [p.file, p.severity]),
      [
        ['docs/decisions/0002-large.md', 'info'],
        ['docs/decisions/0003-image.md', 'info'],
      ],
    );
    assert.equal(code, 0);
  });

  it('list names them on stderr and lists the rest; --max-file-size reads the large one', () => {
    const plain = runCli(['list'], root);
    assert.match(plain.stderr, /0002-large\.md: left out: This file is 2\.0 MB/);
    assert.match(plain.stdout, /1 decision\n/);
    const raised = runCli(['list', '--max-file-size', '4096'], root);
    assert.match(raised.stdout, /2 decisions\n/);
  });

  it('a --max-file-size that is not a size is a usage error: exit 2, one line', () => {
    const { code, stderr } = runCli(['list', '--max-file-size', 'big'], root);
    assert.equal(code, 2);
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.match(stderr, /--max-file-size takes a size in KB/);
  });
});

/** Peak resident memory of one CLI run in MB, and its exit code: the CLI loaded by a wrapper that reports its own peak. */
function peakRssRun(args: string[], cwd: string): { code: number | null; stdout: string; peakMB: number } {
  const wrapper = `process.argv = [process.argv[0], ${JSON.stringify(CLI)}, ...${JSON.stringify(args)}];
process.on('exit', () => process.stderr.write('\\n@@' + process.resourceUsage().maxRSS));
require(${JSON.stringify(CLI)});`;
  const child = spawnSync(process.execPath, ['-e', wrapper], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const match = /@@(\d+)/.exec(child.stderr);
  assert.ok(match, child.stderr);
  return { code: child.status, stdout: child.stdout, peakMB: Number(match[1]) / 1024 };
}

describe('the CLI with a decision file of gigabytes (sparse: no disk used)', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'adr-roles-huge-'));
    mkdirSync(join(root, 'docs', 'decisions'), { recursive: true });
    writeFileSync(join(root, 'docs', 'decisions', '0001-fine.md'), '---\nowner: cto\nstatus: accepted\n---\n# 1. Fine\n');
    writeFileSync(join(root, 'docs', 'decisions', '0002-big.md'), '');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('lint reports a 1 GB file as file-skipped, an info, not as unreadable', () => {
    truncateSync(join(root, 'docs', 'decisions', '0002-big.md'), 1024 * MB);
    const { code, stdout } = runCli(['lint', '--format', 'json'], root);
    const found = JSON.parse(stdout) as { file: string; code: string; severity: string; message: string }[];
    assert.deepEqual(
      found.filter((p) => p.file.endsWith('0002-big.md')).map((p) => [p.code, p.severity]),
      [['file-skipped', 'info']],
    );
    assert.match(found.find((p) => p.file.endsWith('0002-big.md'))?.message ?? '', /This file is 1024\.0 MB, over the 1\.0 MB limit/);
    assert.equal(code, 0);
  });

  it('list reads no more of a 3 GB file than the limit: memory stays that of a small run', () => {
    truncateSync(join(root, 'docs', 'decisions', '0002-big.md'), 3 * 1024 * MB);
    const { code, stdout, peakMB } = peakRssRun(['list'], root);
    assert.equal(code, 0);
    assert.match(stdout, /1 decision\n/);
    assert.ok(peakMB < 200, `peak ${peakMB.toFixed(0)} MB`);
  });

  it('the file system reads at most the limit and one byte more, whatever the size', async () => {
    const file = join(root, 'docs', 'decisions', '0002-big.md');
    truncateSync(file, 3 * 1024 * MB);
    const started = performance.now();
    assert.equal(await nodeFileSystem.readText(file, { readLimit: MB }), undefined);
    assert.ok(performance.now() - started < 1000, 'one megabyte read, not three gigabytes');
    truncateSync(file, MB);
    assert.equal((await nodeFileSystem.readText(file, { readLimit: MB }))?.length, MB, 'a file of exactly the limit is read');
    truncateSync(file, MB + 1);
    assert.equal(await nodeFileSystem.readText(file, { readLimit: MB }), undefined, 'one byte over is not');
    writeFileSync(file, '\uFEFF# Small');
    assert.equal(await nodeFileSystem.readText(file, { readLimit: MB }), '# Small', 'a small file after a large one reads as itself');
  });
});
