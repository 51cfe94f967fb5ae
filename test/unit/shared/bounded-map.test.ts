// @vitest-environment node
// Per-tab state is bounded by count and by age.
import { describe, expect, it } from 'vitest';
import { BoundedMap, BoundedSet } from '../../../src/shared/bounded-map';

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('BoundedMap', () => {
  it('keeps at most `max` entries, dropping the oldest set first', () => {
    const m = new BoundedMap<string, number>({ max: 3, maxAgeMs: Infinity });
    for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) m.set(k, i);
    expect(m.size).toBe(3);
    expect(m.has('a')).toBe(false);
    expect(m.get('d')).toBe(3);
  });

  it('setting a key again makes it the newest', () => {
    const m = new BoundedMap<string, number>({ max: 2, maxAgeMs: Infinity });
    m.set('a', 1).set('b', 2).set('a', 3).set('c', 4);
    expect(m.get('a')).toBe(3);
    expect(m.has('b')).toBe(false);
  });

  it('forgets entries older than maxAgeMs, on read and on the next set', () => {
    const c = clock();
    const m = new BoundedMap<string, number>({ max: 100, maxAgeMs: 1000 }, c.now);
    m.set('old', 1);
    c.advance(600);
    m.set('young', 2);
    c.advance(500);
    expect(m.get('old')).toBeUndefined();
    expect(m.get('young')).toBe(2);
    m.set('b', 3);
    c.advance(1001);
    m.set('new', 4);
    expect(m.size).toBe(1);
  });

  it('stays bounded however many keys a long session adds', () => {
    const c = clock();
    const m = new BoundedMap<number, number>({ max: 5000, maxAgeMs: 3_600_000 }, c.now);
    for (let i = 0; i < 100_000; i++) {
      m.set(i, i);
      c.advance(10);
    }
    expect(m.size).toBeLessThanOrEqual(5000);
    expect(m.has(99_999)).toBe(true);
  });
});

describe('BoundedSet', () => {
  it('has the same bounds', () => {
    const c = clock();
    const s = new BoundedSet<string>({ max: 2, maxAgeMs: 100 }, c.now);
    s.add('a').add('b').add('c');
    expect([s.has('a'), s.has('b'), s.has('c')]).toEqual([false, true, true]);
    c.advance(101);
    expect(s.has('c')).toBe(false);
  });
});

describe("ApiFactsCache (X's API facts held by a tab)", () => {
  it('forgets facts older than maxAgeMs and holds at most the count given', async () => {
    const { vi } = await import('vitest');
    const { ApiFactsCache } = await import('../../../src/shared/merge-facts');
    const { makeTweet } = await import('../../helpers/tweet-facts');
    vi.useFakeTimers();
    try {
      const cache = new ApiFactsCache({ tweets: 2, profiles: 2, maxAgeMs: 60_000 });
      const page = (ids: string[]) => ({ tweets: ids.map((id) => makeTweet({ id })), profiles: [], ads: [], health: { responsesSeen: 1, apiTweets: ids.length, apiUsers: 0, apiFailures: 0 } }) as never;
      cache.addPageData(page(['1', '2', '3']));
      expect([cache.tweet('1'), cache.tweet('2')?.id, cache.tweet('3')?.id]).toEqual([undefined, '2', '3']);
      vi.advanceTimersByTime(60_001);
      expect(cache.tweet('3')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
