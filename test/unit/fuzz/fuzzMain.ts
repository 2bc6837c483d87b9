// Entry of `npm run fuzz` (bundled by scripts/fuzz.mjs): every property at the full count, with
// per-property figures, a total line, and on a failure fast-check's counterexample and seed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { FULL_FUZZ_PROPERTIES, fuzzSettings } from './properties';

/** 7 properties × 15 000 = 105 000 generated inputs, and the hostile shapes at up to 64 times the unit run's sizes (120 of them). */
const FULL_RUNS = 15_000;
const MAX_SHOWN = 20_000;

function main(): number {
  const { runs, seed } = fuzzSettings({ runs: FULL_RUNS, seed: Date.now() % 2 ** 31 });
  const only = process.argv.slice(2);
  const selected = FULL_FUZZ_PROPERTIES.filter((p) => only.length === 0 || only.some((name) => p.name.includes(name)));
  if (selected.length === 0) {
    console.error(`no property matches ${only.join(', ')}; properties: ${FULL_FUZZ_PROPERTIES.map((p) => p.name).join(', ')}`);
    return 2;
  }
  console.log(`fuzz: seed ${seed}, ${runs} inputs per property (FUZZ_SEED=${seed} FUZZ_RUNS=${runs} reproduces this run)`);
  const started = performance.now();
  let total = 0;
  let failures = 0;
  for (const { name, property, maxRuns } of selected) {
    const t0 = performance.now();
    const details = fc.check(property, { numRuns: Math.min(runs, maxRuns ?? runs), seed });
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    total += details.numRuns;
    if (!details.failed) {
      console.log(`  ${name.padEnd(13)} ${String(details.numRuns).padStart(7)} inputs, 0 failures, ${details.numSkips} skipped, ${seconds} s`);
      continue;
    }
    failures++;
    console.log(`  ${name.padEnd(13)} ${String(details.numRuns).padStart(7)} inputs, 1 failure (after ${details.numShrinks} shrinks), ${seconds} s`);
    const error = details.errorInstance instanceof Error ? details.errorInstance.stack ?? details.errorInstance.message : String(details.errorInstance);
    const report = `${fc.defaultReportMessage(details) ?? 'failed'}\n${error}`;
    const dir = join('out', 'fuzz');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `failure-${name}-${seed}.txt`);
    writeFileSync(file, report);
    console.log(report.length > MAX_SHOWN ? `${report.slice(0, MAX_SHOWN)}\n… (${report.length} characters; all of it in ${file})` : report);
    console.log(`  reproduce: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz -- ${name}   (full report in ${file})`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const peak = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  console.log(`fuzz: ${total} inputs, ${failures} failures in ${seconds} s (seed ${seed}, peak RSS ${peak} MB)`);
  return failures > 0 ? 1 : 0;
}

process.exitCode = main();
