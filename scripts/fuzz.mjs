// `npm run fuzz`: the core's fast-check properties at the full count (>= 100 000 inputs in all).
//   npm run fuzz                     every property, 15 000 inputs each, a fresh seed (printed)
//   npm run fuzz -- fixes parse      only the properties whose names contain these words
//   FUZZ_RUNS=N FUZZ_SEED=S          inputs per property and the seed, to reproduce a run
// The unit run (`npm test -- unit`) runs the same properties at a fixed small count and seed.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

const outfile = 'out/test/fuzz.js';
await esbuild.build({
  entryPoints: ['test/unit/fuzz/fuzzMain.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // As the other bundles: micromark/mdast resolve slower `development` builds otherwise.
  conditions: ['production'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
