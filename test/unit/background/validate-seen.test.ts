// @vitest-environment node
// What a content script sends about tweets is checked again in the background (it runs in X's page).
import { describe, expect, it } from 'vitest';
import { validateHidden } from '../../../src/background/validate-seen';

describe('validateHidden', () => {
  it('keeps well-formed (id, handle) pairs and drops the rest', () => {
    const raw = {
      tweets: [
        { id: '123', handle: 'Shop_1' },
        { id: '12a', handle: 'shop' },
        { id: '124', handle: '<b>x</b>' },
        { id: 125, handle: 'shop' },
        null,
        'junk',
        { id: '126' },
        { id: '1'.repeat(26), handle: 'shop' },
      ],
    };
    expect(validateHidden(raw)).toEqual([{ id: '123', handle: 'Shop_1' }]);
  });

  it('gives nothing for a payload of the wrong shape, and at most 1,000 pairs', () => {
    for (const raw of [undefined, null, 5, 'x', { ids: ['1'] }, { tweets: 'x' }]) expect(validateHidden(raw)).toEqual([]);
    const many = { tweets: Array.from({ length: 1500 }, (_, i) => ({ id: String(i + 1), handle: 'shop' })) };
    expect(validateHidden(many)).toHaveLength(1000);
  });
});
