import { strict as assert } from 'node:assert';
import { ellipsize, wrapText, type Measure } from '../../src/webview/textFit';

/** 7 px a character, like a narrow UI font, counting how often it is asked. */
function countingMeasure(): { measure: Measure; calls: () => number } {
  let calls = 0;
  return {
    measure: (text) => {
      calls++;
      return [...text].length * 7;
    },
    calls: () => calls,
  };
}

describe('fitting text into a box', () => {
  it('wraps at spaces and ends the last line in an ellipsis, each line within the width', () => {
    const { measure } = countingMeasure();
    const lines = wrapText('Send product events through Segment rather than our own GraphQL mutations', measure, 140, 2);
    assert.deepEqual(lines, ['Send product events', 'through Segment rat…']);
    for (const line of lines) assert.ok(measure(line) <= 140, line);
  });

  it('keeps a short text as it is and cuts a long word to the longest start that fits', () => {
    const { measure } = countingMeasure();
    assert.deepEqual(wrapText('Use Kafka', measure, 140, 3), ['Use Kafka']);
    assert.equal(ellipsize('x'.repeat(100), measure, 70), `${'x'.repeat(9)}…`);
    assert.equal(ellipsize('abc', measure, 1), 'a…', 'at least one character is shown');
  });

  it('never cuts an emoji in half', () => {
    const { measure } = countingMeasure();
    const cut = ellipsize('ab😀😀😀😀😀😀', (t) => t.length * 7, 42);
    assert.ok(!/[\ud800-\udbff]…$/.test(cut), JSON.stringify(cut));
    assert.ok(measure(cut) <= 42);
  });

  for (const shape of [
    { name: 'one word', text: (n: number) => 'x'.repeat(n) },
    { name: 'many words', text: (n: number) => 'word '.repeat(n / 5) },
  ]) {
    it(`shortens ${shape.name} in O(log n) measures: 2,500 → 20,000 characters adds a few`, () => {
      const callsFor = (n: number): number => {
        const { measure, calls } = countingMeasure();
        const lines = wrapText(shape.text(n), measure, 181, 3);
        assert.ok(lines.length <= 3 && lines.every((l) => measure(l) <= 181), JSON.stringify(lines));
        return calls();
      };
      const small = callsFor(2_500);
      const large = callsFor(20_000);
      assert.ok(large <= small + 3 * 2 + 2, `measures: ${small} at 2,500 characters, ${large} at 20,000`);
      assert.ok(large < 60, `${large} measures for 20,000 characters`);
    });
  }
});
