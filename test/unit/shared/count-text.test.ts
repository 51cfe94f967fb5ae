import { describe, expect, it } from 'vitest';
import { countText } from '../../../src/shared/count-text';

describe('countText: a whole number written out as String() writes it', () => {
  it.each([0, 1, 9, 10, 99, 100, 106, 127, 128, 133, 2026, 65_535, 1_234_567, 2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1, -1, -130])('%d', (n) => {
    expect(countText(n)).toBe(String(n));
  });

  it('what String() writes for what is not a count', () => {
    expect(countText(Number.NaN)).toBe('NaN');
    expect(countText(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});
