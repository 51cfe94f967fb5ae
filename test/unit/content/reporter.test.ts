// @vitest-environment node
// The content script's reporter with a fake `send` and fake timers: a busy timeline makes few,
// large messages; an idle one makes none; health goes out when its status changes, else rarely.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyHealth } from '../../../src/shared/health';
import { ApiFactsCache } from '../../../src/shared/merge-facts';
import { BUSY_FLUSH_MS, createReporter, HEALTH_EVERY_MS, throttle, type Send } from '../../../src/content/reporter';
import { makeTweet as tweetFacts } from '../../helpers/tweet-facts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  const calls: Array<{ type: string; payload: any }> = [];
  const send = (async (type: string, payload: any) => {
    calls.push({ type, payload });
    return type === 'tweets-seen' || type === 'profiles-seen' ? { verdicts: [{ handle: 'shop', verdict: 'seller', reason: 'r' }] } : { ok: true };
  }) as unknown as Send;
  const verdicts: unknown[] = [];
  const health = emptyHealth();
  const controller = new AbortController();
  const reporter = createReporter({ send, api: new ApiFactsCache(), health, signal: controller.signal, alive: () => true, onVerdicts: (v) => verdicts.push(...v) });
  const of = (type: string) => calls.filter((c) => c.type === type);
  return { reporter, calls, of, verdicts, health, controller };
}

describe('reporter', () => {
  it('a busy timeline (5 tweets every 50 ms for 5 s) goes out in about one message every BUSY_FLUSH_MS (2 s)', async () => {
    const { reporter, of } = setup();
    for (let i = 0; i < 100; i++) {
      for (let k = 0; k < 5; k++) reporter.tweetSeen(tweetFacts({ id: String(i * 5 + k + 1), authorHandle: 'shop' }));
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(2 * BUSY_FLUSH_MS);
    const sends = of('tweets-seen');
    expect(sends.reduce((n, c) => n + c.payload.tweets.length, 0)).toBe(500);
    expect(sends.length).toBeLessThanOrEqual(Math.ceil(5000 / BUSY_FLUSH_MS) + 2); // 250 ms alone would be 20
  });

  it('sends nothing when nothing changed', async () => {
    const { reporter, calls } = setup();
    reporter.tweetSeen(tweetFacts({ id: '1' }));
    await vi.advanceTimersByTimeAsync(5000);
    const before = calls.length;
    reporter.tweetSeen(tweetFacts({ id: '1' })); // already delivered
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.length).toBe(before);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('hands the verdicts the background answers with to quiet mode', async () => {
    const { reporter, verdicts } = setup();
    reporter.tweetSeen(tweetFacts({ id: '1' }));
    await vi.advanceTimersByTimeAsync(300);
    expect(verdicts).toEqual([{ handle: 'shop', verdict: 'seller', reason: 'r' }]);
  });

  it('tells the background of a hidden tweet, with its author, in the batch of its tweet or after it, never before', async () => {
    const { reporter, calls } = setup();
    reporter.tweetSeen(tweetFacts({ id: '1', authorHandle: 'Shop' }));
    reporter.tweetHidden('1', 'Shop'); // hidden as it arrived: rides with its own tweet
    reporter.tweetHidden('2', 'Other'); // its tweet never went out: waits
    await vi.advanceTimersByTimeAsync(BUSY_FLUSH_MS + 300);
    expect(calls.map((c) => c.type)).toEqual(['tweets-seen']);
    expect(calls[0]!.payload.hidden).toEqual([{ id: '1', handle: 'Shop' }]);

    // Busy: a tweet sent earlier, hidden later, goes with the next batch of tweets.
    reporter.tweetSeen(tweetFacts({ id: '3', authorHandle: 'Shop' }));
    reporter.tweetHidden('1', 'Shop');
    reporter.tweetHidden('3', 'Shop');
    await vi.advanceTimersByTimeAsync(BUSY_FLUSH_MS + 300);
    expect(calls.map((c) => c.type)).toEqual(['tweets-seen', 'tweets-seen']);
    expect(calls[1]!.payload.hidden).toEqual([{ id: '1', handle: 'Shop' }, { id: '3', handle: 'Shop' }]);

    // Idle: with no tweet to send, alone.
    reporter.tweetHidden('3', 'Shop');
    await vi.advanceTimersByTimeAsync(BUSY_FLUSH_MS + 300);
    expect(calls.map((c) => c.type)).toEqual(['tweets-seen', 'tweets-seen', 'tweets-hidden']);
    expect(calls[2]!.payload).toEqual({ tweets: [{ id: '3', handle: 'Shop' }] });
    // The one whose tweet never went out is still waiting, never sent.
    expect(calls.flatMap((c) => c.payload.hidden ?? c.payload.tweets ?? []).some((t: { id: string }) => t.id === '2')).toBe(false);
  });

  it('a hidden tweet whose batch failed goes with the retry', async () => {
    let fail = true;
    const calls: Array<{ type: string; payload: any }> = [];
    const send = (async (type: string, payload: any) => {
      calls.push({ type, payload });
      if (fail) {
        fail = false;
        throw new Error('the worker is waking up');
      }
      return { verdicts: [] };
    }) as unknown as Send;
    const reporter = createReporter({ send, api: new ApiFactsCache(), health: emptyHealth(), signal: new AbortController().signal, alive: () => true, onVerdicts: () => undefined });
    reporter.tweetSeen(tweetFacts({ id: '1', authorHandle: 'Shop' }));
    reporter.tweetHidden('1', 'Shop');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls.map((c) => [c.type, c.payload.hidden])).toEqual([
      ['tweets-seen', [{ id: '1', handle: 'Shop' }]],
      ['tweets-seen', [{ id: '1', handle: 'Shop' }]],
    ]);
  });

  it("sends X's late profiles only for authors whose tweets went out", async () => {
    const { reporter, of } = setup();
    reporter.tweetSeen(tweetFacts({ id: '1', authorHandle: 'Alice' }));
    await vi.advanceTimersByTimeAsync(300);
    reporter.profilesSeen([{ handle: 'alice', id: '11' }, { handle: 'bob', id: '12' }]);
    await vi.advanceTimersByTimeAsync(BUSY_FLUSH_MS + 300);
    expect(of('profiles-seen').map((c) => c.payload.profiles.map((p: { handle: string }) => p.handle))).toEqual([['alice']]);
  });

  it('sends an author\'s profile once while it stays the same, again when it changed', async () => {
    const { reporter, of } = setup();
    reporter.tweetSeen(tweetFacts({ id: '1', authorHandle: 'Alice' }));
    await vi.advanceTimersByTimeAsync(300);
    for (const bio of ['shop here', 'shop here', 'shop here', 'new shop']) {
      reporter.profilesSeen([{ handle: 'alice', id: '11', bio }]);
      await vi.advanceTimersByTimeAsync(BUSY_FLUSH_MS + 300);
    }
    expect(of('profiles-seen').map((c) => c.payload.profiles.map((p: { bio: string }) => p.bio))).toEqual([['shop here'], ['new shop']]);
  });

  it('reader health: at once when its status changes, else at most every HEALTH_EVERY_MS', async () => {
    const { reporter, of, health } = setup();
    health.articlesSeen = 1;
    health.articlesRead = 1;
    reporter.healthChanged(); // idle -> ok: goes out with the next pump
    await vi.advanceTimersByTimeAsync(300);
    expect(of('health')).toHaveLength(1);
    for (let i = 0; i < 40; i++) {
      health.articlesSeen++;
      health.articlesRead++;
      reporter.healthChanged();
      await vi.advanceTimersByTimeAsync(100);
    }
    // 4 s of changes of the same status: one more message (trailing), not 40.
    await vi.advanceTimersByTimeAsync(HEALTH_EVERY_MS + BUSY_FLUSH_MS);
    expect(of('health').length).toBeLessThanOrEqual(3);
    expect(of('health').at(-1)!.payload.articlesSeen).toBe(41);
  });
});

describe('throttle', () => {
  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const run = vi.fn();
    const t = throttle(run, () => 'same', 1000, controller.signal);
    t();
    t();
    controller.abort();
    await vi.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(1);
    t();
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe("X's API facts held for a tweet", () => {
  it('are merged into the tweet sent, then forgotten (the cache holds only what waits)', async () => {
    const api = new ApiFactsCache();
    api.addPageData({ tweets: [tweetFacts({ id: '7', text: 'Big sale today at our shop', urls: ['https://shop.example.com/x'] })], profiles: [], ads: [], health: { responsesSeen: 1, apiTweets: 1, apiUsers: 0, apiFailures: 0 } } as any);
    const sent: any[] = [];
    const reporter = createReporter({
      send: (async (type: string, payload: any) => (sent.push(payload), type === 'tweets-seen' ? { verdicts: [] } : { ok: true })) as unknown as Send,
      api,
      health: emptyHealth(),
      signal: new AbortController().signal,
      alive: () => true,
      onVerdicts: () => undefined,
    });
    reporter.tweetSeen(tweetFacts({ id: '7', text: 'Big sale today at our shop', urls: ['https://t.co/abc'] }));
    await vi.advanceTimersByTimeAsync(300);
    expect(sent[0].tweets[0].urls).toEqual(['https://shop.example.com/x']);
    expect(api.tweet('7')).toBeUndefined();
  });
});
