// @vitest-environment node
// The background worker's wiring, with a fake `browser` (storage, runtime, commands, action)
// and a real Dexie on fake-indexeddb: who may send what, the keyboard command, overrides.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fake, SENDERS } from '../../helpers/fake-browser';
import { makeTweet } from '../../helpers/tweet-facts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../helpers/fake-browser')).fake.browser }));

const { listeners, store, badge } = fake;
const { popup, tab, stranger } = SENDERS;
const send = fake.send;
const tweet = (id: string, authorHandle: string, text: string, urls: string[] = []) => makeTweet({ id, authorHandle, text, urls });

beforeAll(async () => {
  await import('../../../src/background/index');
});

describe('background worker', () => {
  it('answers content messages only from a tab of this extension, popup messages only from its pages', async () => {
    expect(send('tweets-seen', { tweets: [], profiles: [] }, popup)).toBeUndefined();
    expect(send('get-popup-data', {}, tab)).toBeUndefined();
    expect(send('get-popup-data', {}, stranger)).toBeUndefined();
    expect(send('set-settings', { quietMode: false }, tab)).toBeUndefined();
    expect(send('no-such-message', {}, popup)).toBeUndefined();
    expect(send('constructor', {}, popup)).toBeUndefined();
    expect(listeners.message![0]!({ type: 'get-popup-data' }, popup)).toBeUndefined(); // not our envelope
  });

  it('records tweets from a tab, drops malformed ones, and reports them to the popup with the tab health', async () => {
    const posts = [1, 2, 3, 4, 5].map((i) =>
      tweet(`10${i}`, 'DealsBot', `MEGA SALE ${i}: 60% off everything today only, use code DEAL${i} at checkout https://deals-shop.example.com/p/${i}?ref=tw`, [`https://deals-shop.example.com/p/${i}?ref=tw`]),
    );
    const bad = [{ id: 'not-digits', authorHandle: 'x' }, { ...tweet('999', '<script>', 'x') }, null, 'junk'];
    const reply = await send('tweets-seen', { tweets: [...posts, ...bad], profiles: [] }, tab);
    expect(reply.verdicts.find((v: any) => v.handle === 'DealsBot')?.verdict).toBe('seller');
    await send('health', { articlesSeen: 5, articlesRead: 5, articleFailures: 0, responsesSeen: 1, apiTweets: 5, apiUsers: 1, apiFailures: 0, rejectedMessages: 0 }, tab);
    const data = await send('get-popup-data', { tabId: 7 }, popup);
    expect(data.today.seen).toBe(5);
    expect(data.status).toBe('ok');
    expect(data.authors.map((a: any) => a.handle)).toEqual(['DealsBot']);
    const again = await send('get-popup-data', { tabId: 99 }, popup);
    expect(again.status).toBe('not-x');
  });

  it("the dry run asks the tab's content script for its counts when it opens, checks them, and has none for a tab that does not answer", async () => {
    const asked: unknown[] = [];
    fake.tabAnswers.set(7, (message, options) => {
      asked.push([message, options]);
      return { authors: [{ handle: 'DealsBot', tweets: 3, ads: 0 }, { handle: '<b>x</b>', tweets: 2, ads: 0 }, { handle: 'fine', tweets: -1, ads: 0 }] };
    });
    const review = await send('get-review', { tabId: 7 }, popup);
    expect(asked).toEqual([[{ qb: 1, type: 'page-authors-now' }, { frameId: 0 }]]);
    expect(review.known).toBe(true);
    expect(review.rows.map((r: any) => [r.handle, r.tweets])).toEqual([['DealsBot', 3]]);
    // A tab without our content script (not X), and one that never answers: nothing known, no error.
    expect((await send('get-review', { tabId: 99 }, popup)).known).toBe(false);
    fake.tabAnswers.set(8, () => new Promise(() => undefined));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const pending = send('get-review', { tabId: 8 }, popup);
      await vi.advanceTimersByTimeAsync(2500);
      expect((await pending).known).toBe(false);
    } finally {
      vi.useRealTimers();
      fake.tabAnswers.clear();
    }
  });

  it('the keyboard command toggles quiet mode in stored settings', async () => {
    const before = (await send('get-popup-data', {}, popup)).settings.quietMode;
    await listeners.command![0]!('toggle-quiet-mode');
    expect((store['qb:settings'] as any).quietMode).toBe(!before);
    await listeners.command![0]!('toggle-quiet-mode');
    expect((store['qb:settings'] as any).quietMode).toBe(before);
  });

  it('"always show" from a tab and "hide" from the popup land on the right list; bad handles are refused', async () => {
    let s = await send('set-override', { handle: '@DealsBot', override: 'show' }, tab);
    expect(s.allowList).toEqual(['dealsbot']);
    s = await send('set-override', { handle: 'DealsBot', override: 'hide' }, popup);
    expect(s).toMatchObject({ allowList: [], blockList: ['dealsbot'] });
    s = await send('set-override', { handle: 'DealsBot', override: null }, popup);
    expect(s).toMatchObject({ allowList: [], blockList: [] });
    await expect(send('set-override', { handle: '<img onerror=x>', override: 'hide' }, popup)).rejects.toThrow(/bad handle/);
  });

  it('changing sensitivity re-judges before the new settings are saved', async () => {
    const s = await send('set-settings', { sensitivity: 'strict' }, popup);
    expect(s.sensitivity).toBe('strict');
    const { verdicts } = await send('get-verdicts', {}, tab);
    expect(verdicts.every((v: any) => v.verdict === 'seller' || v.verdict === 'mixed')).toBe(true);
  });

  it("sets the badge to today's noise ratio", async () => {
    await vi.waitFor(() => expect(badge.text).toBe('100%'), { timeout: 2000 });
  });
});
