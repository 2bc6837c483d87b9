/**
 * Work cut into slices of time with a turn of the event loop between them, for every caller at
 * once. The returned function is asked before each piece of work: undefined while the slice lasts;
 * once it is over, one promise that every caller awaits until the turn has been taken. Callers
 * working side by side (the core reads 16 files at a time) thus all stop at the same turn: a turn
 * taken by one of them alone lets the others go on, and the loop would not turn at all.
 * `turn` yields to the event loop (the adapter's setImmediate); `now` is a clock in milliseconds.
 */
export function timeSlices(sliceMs: number, now: () => number, turn: () => Promise<void>): () => Promise<void> | undefined {
  let sliceStart = now();
  let turning: Promise<void> | undefined;
  return () => {
    if (turning) return turning;
    if (now() - sliceStart < sliceMs) return undefined;
    turning = turn().then(() => {
      turning = undefined;
      sliceStart = now();
    });
    return turning;
  };
}
