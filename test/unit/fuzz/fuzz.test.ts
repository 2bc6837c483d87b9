// The fuzz properties at a fixed small count and seed, so the unit run stays fast and deterministic.
// `npm run fuzz` runs the full count; FUZZ_RUNS and FUZZ_SEED override both (see scripts/fuzz.mjs).
import fc from 'fast-check';
import { FUZZ_PROPERTIES, fuzzSettings } from './properties';

/** Inputs per property in the unit run: 2,800 in all, about 5 s, and 24 hostile shapes (see hostileProperty). */
const UNIT_RUNS = 400;
const UNIT_SEED = 20261126;

describe('fuzzing the core (fast-check)', function () {
  this.timeout(120_000);
  const { runs, seed } = fuzzSettings({ runs: UNIT_RUNS, seed: UNIT_SEED });
  for (const { name, property, maxRuns } of FUZZ_PROPERTIES) {
    const count = Math.min(runs, maxRuns ?? runs);
    it(`${name}: ${count} generated inputs (seed ${seed})`, () => {
      fc.assert(property, { numRuns: count, seed });
    });
  }
});
