import { strict as assert } from 'node:assert';
import { isDefaultView, viewDescription } from '../../src/core/views/viewState';

describe('the Decisions view says what it shows', () => {
  it('names the grouping, and the filter after it', () => {
    assert.equal(viewDescription('role', ''), 'by owner role');
    assert.equal(viewDescription('flat', ''), 'as a list');
    assert.equal(viewDescription('role', 'billing'), 'by owner role · filter: billing');
    assert.equal(viewDescription('chain', 'billing'), 'by override chain · filter: billing');
  });

  it('keeps a long or hostile filter to one short line', () => {
    const shown = viewDescription('status', `${'x'.repeat(100)}\u202e\n`);
    assert.equal(shown, `by status · filter: ${'x'.repeat(39)}…`);
    // A bidi override is shown, not obeyed.
    assert.equal(viewDescription('status', 'a\u202eb'), 'by status · filter: a\\u202eb');
  });

  it('has nothing to reset only when grouped by owner role and unfiltered', () => {
    assert.equal(isDefaultView('role', ''), true);
    assert.equal(isDefaultView('role', 'x'), false);
    assert.equal(isDefaultView('status', ''), false);
  });
});
