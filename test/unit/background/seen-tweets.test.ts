// @vitest-environment node
// An author's counted tweets, in its row: read back exactly, bounded, and damaged values repaired.
import { describe, expect, it } from 'vitest';
import { SeenTweets } from '../../../src/background/seen-tweets';
import { BUDGETS } from '../../../src/shared/budgets';

describe('SeenTweets', () => {
  it('counts a tweet once, remembers its day and whether it sold, and hides it once', () => {
    const { seen } = SeenTweets.read(undefined);
    expect(seen.add('101', '2026-12-01', true)).toBe(true);
    expect(seen.add('102', '2026-12-02', false)).toBe(true);
    expect(seen.add('101', '2026-12-03', false)).toBe(false);
    expect(seen.toString()).toBe('101.20261201.1 102.20261202.0');
    expect(seen.hide('101')).toBe('2026-12-01');
    expect(seen.hide('101')).toBeNull();
    expect(seen.hide('999')).toBeNull();
    const back = SeenTweets.read(seen.toString());
    expect(back.repaired).toBe(false);
    expect(back.seen.toString()).toBe('101.20261201.3 102.20261202.0');
    expect(back.seen.has('102') && !back.seen.has('103')).toBe(true);
  });

  it('keeps the newest BUDGETS.seenPerAuthor, oldest out first', () => {
    const { seen } = SeenTweets.read('');
    for (let i = 1; i <= BUDGETS.seenPerAuthor + 3; i++) seen.add(String(i), '2026-12-01', false);
    expect(seen.size).toBe(BUDGETS.seenPerAuthor);
    expect(seen.has('3')).toBe(false);
    expect(seen.has('4')).toBe(true);
    expect(seen.has(String(BUDGETS.seenPerAuthor + 3))).toBe(true);
  });

  it.each([
    ['a number', 5, ''],
    ['junk between entries', '1.20261201.1 junk 2.20261201.0', '1.20261201.1 2.20261201.0'],
    ['a bad day', '1.2026121.1 2.20261201.0', '2.20261201.0'],
    ['a bad flag', '1.20261201.7', ''],
    ['a long value', '1.20261201.1 '.repeat(BUDGETS.seenPerAuthor * 4), ''],
  ])('repairs %s', (_, raw, kept) => {
    const { seen, repaired } = SeenTweets.read(raw);
    expect(repaired).toBe(true);
    expect(seen.toString()).toBe(kept);
    expect(SeenTweets.check(raw)).toEqual({ value: kept || undefined, repaired: true });
  });

  it('check() takes a sound value as it is', () => {
    expect(SeenTweets.check('1.20261201.1 2.20261201.2')).toEqual({ value: '1.20261201.1 2.20261201.2', repaired: false });
    expect(SeenTweets.check(undefined)).toEqual({ value: undefined, repaired: false });
    expect(SeenTweets.check('')).toEqual({ value: undefined, repaired: false });
  });

  it('a stored value with more entries than the budget loses its oldest', () => {
    const raw = Array.from({ length: BUDGETS.seenPerAuthor + 2 }, (_, i) => `${i + 1}.20261201.0`).join(' ');
    const { seen, repaired } = SeenTweets.read(raw);
    expect(repaired).toBe(true);
    expect(SeenTweets.check(raw)).toEqual({ value: seen.toString(), repaired: true });
    expect(seen.size).toBe(BUDGETS.seenPerAuthor);
    expect(seen.has('2')).toBe(false);
    expect(seen.has('3')).toBe(true);
  });
});
