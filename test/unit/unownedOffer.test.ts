import { strict as assert } from 'node:assert';
import { MANY_UNOWNED, offersAddOwners, unownedOfferText } from '../../src/core/views/unownedOffer';

describe('the offer to add owners to a large log', () => {
  it('is made from many unowned decisions on, not for a few', () => {
    assert.equal(offersAddOwners(MANY_UNOWNED - 1), false);
    assert.equal(offersAddOwners(MANY_UNOWNED), true);
  });

  it('counts them in one sentence', () => {
    assert.equal(unownedOfferText(1234), '1,234 decisions have no owner: the record does not say which role decides and answers for them.');
  });
});
