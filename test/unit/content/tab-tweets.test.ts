// @vitest-environment node
// The tab's one memory of tweets: bits and author per tweet id, bounded by count and by age.
import { describe, expect, it } from 'vitest';
import { TabTweets, TWEET } from '../../../src/content/tab-tweets';
import { PageAuthors } from '../../../src/content/following-reader';
import { Outbox } from '../../../src/content/outbox';

function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('TabTweets', () => {
  it('keeps bits and the author per tweet; bits of different parts do not disturb each other', () => {
    const t = new TabTweets({ max: 10, maxAgeMs: 1000 });
    t.mark('1', TWEET.read, 'Alice');
    t.mark('1', TWEET.delivered);
    t.mark('1', TWEET.hidden, 'Someone else'); // The author first met stays.
    expect(t.is('1', TWEET.read | TWEET.delivered | TWEET.hidden)).toBe(true);
    expect(t.is('1', TWEET.shown)).toBe(false);
    expect(t.author('1')).toBe('Alice');
    t.unmark('1', TWEET.hidden);
    expect(t.flags('1')).toBe(TWEET.read | TWEET.delivered);
    expect(t.has('2')).toBe(false);
    expect(t.flags('2')).toBe(0);
  });

  it('holds at most `max` tweets, forgetting the first met first', () => {
    const t = new TabTweets({ max: 3, maxAgeMs: Infinity });
    for (const id of ['a', 'b', 'c', 'd']) t.mark(id, TWEET.read, 'h' + id);
    expect(t.size).toBe(3);
    expect(t.has('a')).toBe(false);
    expect(t.flags('a')).toBe(0);
    expect([t.author('b'), t.author('d')]).toEqual(['hb', 'hd']);
    // Marking a remembered tweet again does not make it newer...
    t.mark('b', TWEET.delivered);
    t.mark('e', TWEET.read);
    expect(t.has('b')).toBe(false);
    // ...unless renewed (the user acted on it): then it is forgotten last.
    t.mark('c', TWEET.shown, undefined, true);
    t.mark('f', TWEET.read);
    t.mark('g', TWEET.read);
    expect(t.is('c', TWEET.shown | TWEET.read)).toBe(true);
    expect(t.has('d')).toBe(false);
    expect(t.size).toBeLessThanOrEqual(3);
  });

  it('forgets tweets older than maxAgeMs, on read and when new ones come', () => {
    const c = clock();
    const t = new TabTweets({ max: 100, maxAgeMs: 1000 }, c.now);
    t.mark('old', TWEET.read, 'x');
    c.advance(600);
    t.mark('young', TWEET.read, 'y');
    c.advance(500);
    expect(t.has('old')).toBe(false);
    expect(t.is('young', TWEET.read)).toBe(true);
    c.advance(1001);
    t.mark('new', TWEET.read, 'z');
    expect(t.size).toBe(1);
  });

  it('keeps one entry per author in its handle table, and frees it with the last tweet of that author', () => {
    const t = new TabTweets({ max: 4, maxAgeMs: Infinity });
    for (let i = 0; i < 4; i++) t.mark(String(i), TWEET.read, 'same');
    // 1,000 more tweets by 10 authors: the table never holds more authors than tweets held.
    for (let i = 4; i < 1004; i++) t.mark(String(i), TWEET.read, 'a' + (i % 10));
    const authors = (t as unknown as { authorIndex: Map<string, number> }).authorIndex;
    expect(authors.has('same')).toBe(false);
    expect(authors.size).toBeLessThanOrEqual(4);
    expect(t.author('1003')).toBe('a3');
  });

  it('keeps status ids as numbers and finds them exactly as by string: the same answers as for the same keys that are not ids', () => {
    // The same operations on status ids (kept as two numbers in a hash table) and on the same ids
    // with a letter in front (kept by string): every answer must match, through forgetting by
    // count and age, renewing, and the table's deletions.
    const c = clock();
    const byNumber = new TabTweets({ max: 50, maxAgeMs: 5_000 }, c.now);
    const byString = new TabTweets({ max: 50, maxAgeMs: 5_000 }, c.now);
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const pool = Array.from({ length: 120 }, (_, i) => (i % 7 === 0 ? String(1000 + i) : `${1_900_000_000 + rand(1e9)}${String(rand(1e9)).padStart(9, '0')}`));
    pool.push('0', '99999999999999999999', '12345678901234567890');
    for (let step = 0; step < 5000; step++) {
      const id = pool[rand(pool.length)]!;
      const flag = 1 << rand(9);
      const op = rand(10);
      const author = 'a' + rand(5);
      for (const [t, key] of [[byNumber, id], [byString, 'x' + id]] as const) {
        if (op < 6) t.mark(key, flag, author, op === 0);
        else if (op < 8) t.unmark(key, flag);
      }
      if (op === 9) c.advance(rand(400));
      expect([byNumber.flags(id), byNumber.author(id), byNumber.size]).toEqual([byString.flags('x' + id), byString.author('x' + id), byString.size]);
    }
    for (const id of pool) expect(byNumber.flags(id)).toBe(byString.flags('x' + id));
  });

  it('tells ids apart that a number would not: leading zeros, 20 digits, other keys', () => {
    const t = new TabTweets({ max: 10, maxAgeMs: Infinity });
    t.mark('7', TWEET.read);
    t.mark('12345678901234567890', TWEET.ad);
    t.mark('/i/status/7', TWEET.hidden);
    expect([t.flags('07'), t.flags('7'), t.flags('007')]).toEqual([0, TWEET.read, 0]);
    expect([t.flags('12345678901234567890'), t.flags('12345678901234567891'), t.flags('1234567890123456789')]).toEqual([TWEET.ad, 0, 0]);
    expect([t.flags('/i/status/7'), t.size]).toEqual([TWEET.hidden, 3]);
  });

  it('clears one bit on every tweet (a new page starts its counts afresh)', () => {
    const t = new TabTweets({ max: 10, maxAgeMs: Infinity });
    t.mark('1', TWEET.read | TWEET.counted);
    t.mark('2', TWEET.counted | TWEET.countedAd);
    t.unmarkAll(TWEET.counted | TWEET.countedAd);
    expect([t.flags('1'), t.flags('2')]).toEqual([TWEET.read, 0]);
  });
});

describe('parts sharing one TabTweets', () => {
  it('the dry run counts each tweet once per page, an ad marked late once more as an ad, and again on another path', () => {
    const t = new TabTweets();
    t.mark('1', TWEET.read | TWEET.delivered, 'Shop'); // Read and sent already: counting is separate.
    const page = new PageAuthors(t);
    expect(page.add({ id: '1', authorHandle: 'Shop', isAd: false }, '/home')).toBe(true);
    expect(page.add({ id: '1', authorHandle: 'Shop', isAd: false }, '/home')).toBe(false);
    expect(page.add({ id: '1', authorHandle: 'Shop', isAd: true }, '/home')).toBe(true);
    expect(page.add({ id: '2', authorHandle: 'shop', isAd: false }, '/home')).toBe(true);
    expect(page.list()).toEqual([{ handle: 'Shop', tweets: 2, ads: 1 }]);
    expect(t.is('1', TWEET.read | TWEET.delivered)).toBe(true);
    expect(page.add({ id: '1', authorHandle: 'Shop', isAd: false }, '/explore')).toBe(true);
    expect(page.list()).toEqual([{ handle: 'Shop', tweets: 1, ads: 0 }]);
  });

  it("an Outbox `once` lane keeps its delivered keys in the tab's memory: never sent twice while remembered", async () => {
    const t = new TabTweets({ max: 2, maxAgeMs: Infinity });
    const sent: string[][] = [];
    const box = new Outbox({ signal: new AbortController().signal, flushMs: 0 });
    const lane = box.lane<string>({ key: (s) => s, once: true, delivered: t.view(TWEET.delivered), send: async (b) => void sent.push(b) });
    lane.add('1');
    await new Promise((r) => setTimeout(r, 20));
    lane.add('1');
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toEqual([['1']]);
    expect(t.is('1', TWEET.delivered)).toBe(true);
    // Forgotten (two newer tweets met): it may go again, as with the lane's own bounded set.
    t.mark('2', TWEET.read);
    t.mark('3', TWEET.read);
    lane.add('1');
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toEqual([['1'], ['1']]);
  });
});
