import { spawnSync } from 'node:child_process';

/**
 * Figures measured the way a user of the CLI waits: each in a fresh Node process, timed from spawn
 * to exit. The floor is the fastest plain read of the same files — a `readdirSync` and a
 * `readFileSync` loop, nothing else — so every ratio says how much more than reading the files the
 * product costs, Node's own start-up included on both sides.
 */
export interface ProcessFigures {
  /** Whole-process time of the plain read, from spawn to exit. */
  floorMs: number;
  /** The same process's own read loop alone (no start-up), as it timed itself. */
  floorLoopMs: number;
  lintMs: number;
  listMs: number;
  /** Peak resident memory of `lint --format json`, in MB. */
  lintPeakRssMB: number;
}

const PLAIN_READ = `
const { readdirSync, readFileSync } = require('node:fs');
const dir = process.argv[1];
const start = performance.now();
let bytes = 0;
for (const name of readdirSync(dir)) if (name.endsWith('.md')) bytes += readFileSync(dir + '/' + name, 'utf8').length;
process.stdout.write(JSON.stringify({ loopMs: performance.now() - start, bytes }));
`;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs a fresh Node process and returns its wall time, its stdout and its exit status. */
function timedProcess(args: string[]): { ms: number; stdout: string; status: number | null } {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (child.error) throw child.error;
  return { ms, stdout: child.stdout, status: child.status };
}

/** Peak resident memory of one CLI run: a wrapper process loads the CLI and reports its own peak on exit, so no `time` binary is needed. */
function peakRssOf(cli: string, args: string[]): number {
  const wrapper = `process.argv = [process.argv[0], ${JSON.stringify(cli)}, ...${JSON.stringify(args)}];
process.stdout.write = () => true;
process.on('exit', () => process.stderr.write('\\n@@' + process.resourceUsage().maxRSS));
require(${JSON.stringify(cli)});`;
  const child = spawnSync(process.execPath, ['-e', wrapper], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const match = /@@(\d+)/.exec(child.stderr);
  if (!match) throw new Error(`no memory figure from the CLI: ${child.stderr.slice(-400)}`);
  return Number(match[1]) / 1024;
}

export function processFigures(cli: string, dir: string, runs: number): ProcessFigures {
  const floorRuns = Array.from({ length: runs }, () => timedProcess(['-e', PLAIN_READ, dir]));
  const loop = floorRuns.map((r) => (JSON.parse(r.stdout) as { loopMs: number }).loopMs);
  const cliRun = (args: string[]): number =>
    median(
      Array.from({ length: runs }, () => {
        const run = timedProcess([cli, ...args]);
        // lint exits 1 when it finds problems; anything else means the run itself failed.
        if (run.status !== 0 && run.status !== 1) throw new Error(`adr-roles ${args.join(' ')} exited with ${run.status}`);
        return run.ms;
      }),
    );
  return {
    floorMs: median(floorRuns.map((r) => r.ms)),
    floorLoopMs: median(loop),
    lintMs: cliRun(['lint', dir, '--format', 'json']),
    listMs: cliRun(['list', dir, '--json']),
    lintPeakRssMB: peakRssOf(cli, ['lint', dir, '--format', 'json']),
  };
}
