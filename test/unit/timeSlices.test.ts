import { strict as assert } from 'node:assert';
import { timeSlices } from '../../src/core/workspace/timeSlices';

/** A clock the test moves, and turns of the "event loop" the test takes by hand. */
function harness(sliceMs = 8) {
  let clock = 0;
  const pending: (() => void)[] = [];
  const slice = timeSlices(
    sliceMs,
    () => clock,
    () => new Promise<void>((resolve) => pending.push(resolve)),
  );
  return {
    slice,
    advance: (ms: number) => (clock += ms),
    turnsAsked: () => pending.length,
    takeTurn: async () => {
      pending.shift()?.();
      // Let the slice's own continuation run before the test looks again.
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

describe('timeSlices', () => {
  it('asks nothing while the slice lasts', () => {
    const h = harness();
    h.advance(7);
    assert.equal(h.slice(), undefined);
    assert.equal(h.slice(), undefined);
    assert.equal(h.turnsAsked(), 0);
  });

  it('stops every caller at the same turn once the slice is over', async () => {
    const h = harness();
    h.advance(8);
    const first = h.slice();
    assert.ok(first);
    // The other workers, asking before the turn is taken, wait for the same one: no worker reads on.
    for (let i = 0; i < 15; i++) assert.equal(h.slice(), first);
    assert.equal(h.turnsAsked(), 1);
    let settled = false;
    void first.then(() => (settled = true));
    await Promise.resolve();
    assert.equal(settled, false);
    await h.takeTurn();
    assert.equal(settled, true);
  });

  it('starts a new slice after the turn, measured from the turn', async () => {
    const h = harness();
    h.advance(20);
    const first = h.slice();
    h.advance(100);
    await h.takeTurn();
    await first;
    assert.equal(h.slice(), undefined);
    h.advance(7);
    assert.equal(h.slice(), undefined);
    h.advance(1);
    const second = h.slice();
    assert.ok(second);
    assert.notEqual(second, first);
    assert.equal(h.turnsAsked(), 1);
  });
});
