// Each rule of the trust model (src/shared/trust-model.ts), tested with a forged message from
// the page world: nothing it sends may decide a verdict, a list or a hide on its own.
// Issue 8, failure 2 (forged clicks and facts) and failure 3 (memory and storage budgets).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { QuietBazaarDb } from '../../../src/background/db';
import { judgeWithTrust } from '../../../src/background/judge-with-trust';
import { Recorder, toVerdictLite } from '../../../src/background/record-tweets';
import { judgePost, newAuthorState, addPost } from '../../../src/classifier';
import { listenToPageReader, MAX_MESSAGE_CHARS } from '../../../src/content/page-bridge';
import { QuietMode } from '../../../src/content/quiet-mode';
import { BUDGETS, jsonChars } from '../../../src/shared/budgets';
import { emptyHealth } from '../../../src/shared/health';
import { ApiFactsCache, mergeFacts } from '../../../src/shared/merge-facts';
import { decideQuiet } from '../../../src/shared/quiet-rules';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { TRUST_RULES } from '../../../src/shared/trust-model';
import type { AuthorProfile, TweetFacts } from '../../../src/shared/types';
import { emptyPageData, PAGE_DATA_EVENT, type PageData } from '../../../src/shared/validate-page-data';
import { makeTweet } from '../../helpers/tweet-facts';

const NOW = new Date(2026, 5, 10, 12);
let dbs = 0;
const recorder = () => new Recorder({ db: new QuietBazaarDb(`trust-${++dbs}`), settings: async () => DEFAULT_SETTINGS, now: () => NOW });

/** What a page script dispatches: the detail is all it controls. */
function forge(data: Partial<PageData>): void {
  document.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail: JSON.stringify({ ...emptyPageData(), ...data }) }));
}

/** The content script's side: page facts into the cache, as content/index.ts wires it. */
function contentSide() {
  const api = new ApiFactsCache();
  const health = emptyHealth();
  const ctl = new AbortController();
  listenToPageReader((d) => api.addPageData(d), health, ctl.signal);
  return { api, health, stop: () => ctl.abort() };
}

const harmless = (i: number, handle = 'neighbour'): TweetFacts =>
  makeTweet({ id: String(7000 + i), authorHandle: handle, text: `Walked the dog along the canal again, day ${i}.` });
const pitch = (i: number, handle = 'shopbot'): TweetFacts =>
  makeTweet({ id: String(8000 + i), authorHandle: handle, text: `MEGA SALE ${i}: 70% off everything today only! Use code SAVE${i} at checkout https://deals-shop.example.com/p/${i}`, urls: [`https://deals-shop.example.com/p/${i}`] });

describe('trust model', () => {
  it('is written down in one place, one sentence per rule', () => {
    expect(Object.keys(TRUST_RULES).length).toBeGreaterThanOrEqual(10);
    for (const rule of Object.values(TRUST_RULES)) expect(rule.length).toBeGreaterThan(40);
  });

  it('sameText: forged "API facts" that only start with the DOM text do not make a harmless author a seller', async () => {
    const page = contentSide();
    const dom = [1, 2, 3].map((i) => harmless(i));
    // The forgery continues each DOM text with a pitch, adds shop links, a card and an ad mark.
    forge({
      tweets: dom.map((t, i) => ({ ...pitch(i), id: t.id, authorHandle: t.authorHandle, text: `${t.text} MEGA SALE 70% off, code SAVE${i} https://deals-shop.example.com/p/${i}`, hasCard: true, cardUrl: 'https://deals-shop.example.com/' })),
    });
    const merged = dom.map((t) => mergeFacts(t, page.api.tweet(t.id)));
    expect(merged).toEqual(dom);
    const r = recorder();
    const verdicts = await r.recordTweets(merged, []);
    expect(verdicts.find((v) => v.handle === 'neighbour')?.verdict).not.toBe('seller');
    page.stop();
  });

  it('sameTweet: facts about the same id by another author are ignored', () => {
    const dom = harmless(1);
    expect(mergeFacts(dom, { ...pitch(1), id: dom.id })).toBe(dom);
    expect(mergeFacts({ ...dom, authorId: '1' }, { ...dom, authorId: '2', source: 'Buffer' }).source).toBeUndefined();
  });

  it('linksCorroborated: links the DOM does not show are not added; a cut display URL is expanded', () => {
    const dom = harmless(1);
    expect(mergeFacts(dom, { ...dom, urls: ['https://deals-shop.example.com/p/1'] }).urls).toEqual([]);
    const cut = { ...dom, urls: ['https://deals-shop.example.com/p/…'] };
    expect(mergeFacts(cut, { ...dom, urls: ['https://deals-shop.example.com/p/1?ref=x', 'https://other.example/'] }).urls).toEqual(['https://deals-shop.example.com/p/1?ref=x']);
    const tco = { ...dom, urls: ['https://t.co/abc'] };
    expect(mergeFacts(tco, { ...dom, urls: ['https://a.example/', 'https://b.example/'] }).urls).toEqual(['https://a.example/']);
  });

  it('adMarks: a forged list of ad ids collapses none of 5 ordinary tweets', () => {
    const page = contentSide();
    const tweets = [1, 2, 3, 4, 5].map((i) => harmless(i, `person_${i}`));
    forge({ ads: tweets.map((t) => t.id) });
    const quiet = new QuietMode({ ...DEFAULT_SETTINGS }, { onHidden: () => undefined, onAlwaysShow: () => undefined });
    let collapsed = 0;
    for (const t of tweets) {
      const cell = document.createElement('div');
      document.body.append(cell);
      quiet.track(cell, { id: t.id, authorHandle: t.authorHandle, isAd: t.isAd || page.api.isAdBy(t.id, t.authorHandle) });
      if (cell.hasAttribute('data-qb-quiet')) collapsed++;
      cell.remove();
    }
    expect(collapsed).toBe(0);
    page.stop();
  });

  it('profileLeansOnly: a forged shop profile does not make an author of 3 harmless posts a seller', async () => {
    const shopProfile: AuthorProfile = {
      handle: 'neighbour',
      bio: 'Shop our store! Use code SAVE20, we ship worldwide, DM to order',
      bioUrls: ['https://deals-shop.myshopify.com/', 'https://linktr.ee/deals'],
      professionalType: 'Business',
      verifiedType: 'Business',
      professionalCategory: 'Retail',
    };
    const r = recorder();
    const verdicts = await r.recordTweets([1, 2, 3].map((i) => harmless(i)), [shopProfile]);
    expect(verdicts.find((v) => v.handle === 'neighbour')?.verdict).not.toBe('seller');
    expect(verdicts.find((v) => v.handle === 'neighbour')?.verdict).not.toBe('mixed');
    // It may still lean: a seller by posts stays a seller with it.
    let state = newAuthorState('shopbot');
    for (let i = 0; i < 4; i++) state = addPost(state, pitch(i), judgePost(pitch(i)), NOW.getTime());
    expect(judgeWithTrust(state, { ...shopProfile, handle: 'shopbot' }, { sensitivity: 'balanced', now: NOW.getTime() }).judgement.verdict).toBe('seller');
  });

  it('followedNeverUnhides: a forged "you follow this account" un-hides none of 4 tweets of a seller', async () => {
    const r = recorder();
    const verdicts = await r.recordTweets([1, 2, 3, 4].map((i) => pitch(i)), [{ handle: 'shopbot', isFollowedByUser: true }]);
    const v = verdicts.find((x) => x.handle === 'shopbot')!;
    expect(v.verdict).toBe('seller');
    expect(v.followed).toBeUndefined();
    const hidden = [1, 2, 3, 4].filter(() => decideQuiet('shopbot', v, DEFAULT_SETTINGS).quiet).length;
    expect(hidden).toBe(4);
  });

  it("noRenamesFromPage: a forged profile id does not move a seller's history to another handle", async () => {
    const r = recorder();
    await r.recordTweets([1, 2, 3, 4].map((i) => ({ ...pitch(i), authorId: '99' })), []);
    const verdicts = await r.recordTweets([{ ...harmless(9, 'innocent'), authorId: '99' }], [{ handle: 'innocent', id: '99' }]);
    expect(verdicts.find((v) => v.handle === 'innocent')?.verdict).not.toBe('seller');
    expect((await r.quietCandidates()).find((v) => v.handle === 'shopbot')?.verdict).toBe('seller');
  });

  it('budgets: a forged profile of 50 bio links of 2,048 characters stores a bounded row', async () => {
    const huge: AuthorProfile = {
      handle: 'bigbio',
      bio: 'b'.repeat(10_000),
      bioUrls: Array.from({ length: 50 }, (_, i) => `https://x${i}.example/${'a'.repeat(2000)}`),
      name: 'n'.repeat(1000),
      professionalType: 't'.repeat(1000),
      followers: 5,
    };
    const r = recorder();
    await r.recordTweets([harmless(1, 'bigbio')], [huge, ...Array.from({ length: 38 }, (_, i) => ({ ...huge, handle: `big_${i}` }))]);
    await r.recordTweets(Array.from({ length: 38 }, (_, i) => harmless(100 + i, `big_${i}`)), Array.from({ length: 38 }, (_, i) => ({ ...huge, handle: `big_${i}` })));
    const rows = await (r as unknown as { deps: { db: QuietBazaarDb } }).deps.db.authors.toArray();
    expect(rows).toHaveLength(39);
    const largest = Math.max(...rows.map((row) => jsonChars(row)));
    expect(largest).toBeLessThan(4_000); // was about 103 KB per author
    const total = rows.reduce((n, row) => n + jsonChars(row), 0);
    expect(total).toBeLessThan(39 * 4_000); // was about 4 MB for 39 authors
    for (const row of rows) {
      expect(row.profile!.bioUrls!.length).toBeLessThanOrEqual(BUDGETS.storedBioUrls);
      expect(row.profile!.bio!.length).toBeLessThanOrEqual(BUDGETS.storedBioChars);
      expect(row.profile).not.toHaveProperty('followers');
    }
  });

  it('budgets: 82 forged messages at the size cap keep the page-facts cache within its byte budget', () => {
    const page = contentSide();
    const big = (m: number, i: number) => ({ ...harmless(i), id: String(m * 1000 + i), text: 'x'.repeat(9_000) });
    for (let m = 0; m < 82; m++) {
      const tweets = Array.from({ length: 100 }, (_, i) => big(m, i));
      forge({ tweets }); // about 0.9 MB each: under the message cap
    }
    // Over the cap: counted and dropped, never parsed.
    document.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail: 'x'.repeat(MAX_MESSAGE_CHARS + 1) }));
    expect(page.health.rejectedMessages).toBe(1);
    expect(page.api.footprint.chars).toBeLessThanOrEqual(BUDGETS.pageCacheChars);
    page.stop();
  });

  it('storedRowsChecked and listsFromUserOnly are tested where they live', () => {
    // test/unit/background/integrity.test.ts (damaged rows), background.test.ts (who may send what),
    // test/dom/quiet-mode.test.ts (clicks: closed shadow root, trusted events only).
    expect(TRUST_RULES.storedRowsChecked).toMatch(/stored-rows/);
    expect(TRUST_RULES.clicks).toMatch(/closed shadow root/);
  });
});
