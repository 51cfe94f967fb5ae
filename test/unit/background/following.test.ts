// @vitest-environment node
// The following audit's store on a real (in-memory) IndexedDB: list pages from the real fixture,
// verdicts from posts or from the profile alone, samples, "not a seller", and the dry run.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QuietBazaarDb } from '../../../src/background/db';
import {
  buildAudit,
  buildReview,
  FollowingStore,
  profileEvidence,
  validateFollowingSeen,
  validatePageAuthors,
} from '../../../src/background/following';
import { Recorder } from '../../../src/background/record-tweets';
import { parseUserList } from '../../../src/page-world/parse-graphql';
import type { FollowingSeen } from '../../../src/shared/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { postBy, shopPost } from '../../helpers/tweet-facts';

const API = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/x-api');
const realPage = parseUserList(JSON.parse(readFileSync(join(API, 'derived/following.json'), 'utf8')), 'Following')!;

let db: QuietBazaarDb;
let store: FollowingStore;
let recorder: Recorder;
let settings: Settings;
const now = new Date(2026, 10, 26, 12, 0);

function seen(over: Partial<FollowingSeen> = {}): FollowingSeen {
  return { viewer: { id: '99', handle: 'Me' }, total: 80, users: realPage.users, isFirstPage: true, isLastPage: false, ...over };
}
const talkPost = (handle: string, i: number) => postBy(handle, `I think the new bridge design is actually pretty good, what do you all think about point ${i}?`);

beforeEach(() => {
  db = new QuietBazaarDb(`following-${Math.random()}`);
  store = new FollowingStore(db);
  settings = { ...DEFAULT_SETTINGS };
  recorder = new Recorder({ db, settings: async () => settings, now: () => now });
});
afterEach(async () => {
  await db.delete();
});

describe('recording the Following list', () => {
  it('keeps the 69 accounts of the real page: id, handle, name, bio and profile signs only', async () => {
    await store.recordFollowing(seen(), settings, now.getTime());
    const audit = await buildAudit(db, settings);
    expect(audit).toMatchObject({ viewer: { handle: 'Me' }, total: 80, read: 69, reachedEnd: false, lastReadAt: now.getTime() });
    const row = await db.following.get('236209129');
    expect(Object.keys(row!).sort()).toEqual(['bio', 'handle', 'id', 'key', 'name', 'order', 'profileAlpha', 'profileReasons', 'profileShare', 'readAt']);
    expect(row).toMatchObject({ handle: 'leslieberland', name: 'Leslie Berland', bio: 'CMO Verizon', order: 0 });
  });

  it('numbers accounts in list order across pages, and starts again at the top', async () => {
    const [a, b, c] = realPage.users;
    await store.recordFollowing(seen({ users: [a!, b!] }), settings, 1);
    await store.recordFollowing(seen({ users: [c!], isFirstPage: false, isLastPage: true }), settings, 2);
    expect((await db.following.get(c!.id!))!.order).toBe(2);
    expect((await buildAudit(db, settings)).reachedEnd).toBe(true);
    await store.recordFollowing(seen({ users: [c!] }), settings, 3);
    expect((await db.following.get(c!.id!))!.order).toBe(0);
  });

  it('drops the accounts a read from the top to the end did not see (unfollowed since)', async () => {
    const [a, b, c] = realPage.users;
    await store.recordFollowing(seen({ users: [a!, b!, c!], isLastPage: true }), settings, 1);
    expect(await db.following.count()).toBe(3);
    // Read again, b gone: top page, then the last page.
    await store.recordFollowing(seen({ users: [a!] }), settings, 10);
    expect(await db.following.count()).toBe(3); // Not the end yet: nothing dropped.
    await store.recordFollowing(seen({ users: [c!], isFirstPage: false, isLastPage: true }), settings, 11);
    expect((await db.following.toArray()).map((r) => r.id).sort()).toEqual([a!.id, c!.id].sort());
    // A read that did not start at the top drops nothing.
    await store.recordFollowing(seen({ users: [a!], isFirstPage: false, isLastPage: true }), settings, 20);
    expect(await db.following.count()).toBe(2);
  });

  it("starts a new list when another account's viewer reads theirs", async () => {
    await store.recordFollowing(seen(), settings, 1);
    await store.recordFollowing(seen({ viewer: { id: '100', handle: 'Other' }, users: realPage.users.slice(0, 2), total: 2 }), settings, 2);
    const audit = await buildAudit(db, settings);
    expect(audit).toMatchObject({ viewer: { handle: 'Other' }, read: 2, total: 2 });
  });

  it('refuses malformed pages', () => {
    expect(validateFollowingSeen(null)).toBeNull();
    expect(validateFollowingSeen({ viewer: { handle: 'no spaces' }, users: [], isFirstPage: true, isLastPage: true })).toBeNull();
    expect(validateFollowingSeen({ viewer: { handle: 'me' }, users: new Array(501).fill({}), isFirstPage: true, isLastPage: true })).toBeNull();
    const ok = validateFollowingSeen({ viewer: { handle: 'me', id: 'x' }, total: -1, users: [{ handle: 'a' }, { handle: 'b', id: '2', evil: 1 }], isFirstPage: true, isLastPage: false });
    expect(ok).toEqual({ viewer: { handle: 'me' }, users: [{ handle: 'b', id: '2' }], isFirstPage: true, isLastPage: false });
  });
});

describe('the audit', () => {
  it('judges by posts where enough were seen, else by the profile alone, else "not enough seen yet"', async () => {
    const shop = { id: '501', handle: 'ShopCo', name: 'Shop Co', bio: 'Handmade mugs. Shop now', bioUrls: ['https://shopco.myshopify.com/'] };
    const seller = { id: '502', handle: 'DealsGuy', name: 'Deals' };
    const person = { id: '503', handle: 'Chatty' };
    await store.recordFollowing(seen({ users: [shop, seller, person], total: 3 }), settings, now.getTime());
    await recorder.recordTweets([0, 1, 2, 3].map((i) => shopPost('DealsGuy', i)), []);
    await recorder.recordTweets([0, 1, 2, 3].map((i) => talkPost('Chatty', i)), []);
    const audit = await buildAudit(db, settings);
    expect(audit.sellers).toBe(2);
    const by = Object.fromEntries(audit.rows.map((r) => [r.handle, r]));
    expect(by.DealsGuy).toMatchObject({ verdict: 'seller', basis: 'posts', posts: 4 });
    expect(by.ShopCo).toMatchObject({ verdict: 'seller', basis: 'profile', posts: 0 });
    expect(by.ShopCo!.reasons.join(' ')).toMatch(/store/);
    expect(by.ShopCo!.reasons).toContain('no post of theirs seen yet');
    expect(by.Chatty).toMatchObject({ verdict: 'conversationalist', basis: 'posts' });
    // Sorted by how much each sells: judged-by-posts sellers first, then by profile, then the rest.
    expect(audit.rows.map((r) => r.handle)).toEqual(['DealsGuy', 'ShopCo', 'Chatty']);
  });

  it('says when the account\'s voice decided (a brand naming itself in its plain posts), and sorts it with those judged by posts', async () => {
    const plain = ['Made for the rain. Velora Storm, in every size.', 'The road is calling.', 'Velora Trail: built for the long way home.', 'Champions rest too.'];
    await store.recordFollowing(seen({ users: [{ id: '601', handle: 'Velora' }, { id: '501', handle: 'ShopCo', bio: 'Handmade mugs. Shop now', bioUrls: ['https://shopco.myshopify.com/'] }], total: 2 }), settings, now.getTime());
    await recorder.recordTweets(plain.map((text) => postBy('Velora', text)), []);
    const audit = await buildAudit(db, settings);
    const velora = audit.rows.find((r) => r.handle === 'Velora')!;
    expect(velora).toMatchObject({ verdict: 'seller', basis: 'voice', sellingPosts: 0, posts: 4 });
    expect(velora.reasons[0]).toMatch(/names itself in 2 of 4 posts/);
    expect(audit.rows.map((r) => r.handle)).toEqual(['Velora', 'ShopCo']);
  });

  it('keeps two short samples per author (in its row, written with its posts), selling ones first', async () => {
    await store.recordFollowing(seen({ users: [{ id: '502', handle: 'DealsGuy' }], total: 1 }), settings, 1);
    await recorder.recordTweets([talkPost('DealsGuy', 1)], []);
    expect((await buildAudit(db, settings)).rows[0]!.samples).toHaveLength(1);
    await recorder.recordTweets([shopPost('DealsGuy', 1), shopPost('DealsGuy', 2), shopPost('DealsGuy', 3)], []);
    const [row] = (await buildAudit(db, settings)).rows;
    expect(row!.samples).toHaveLength(2);
    expect(row!.samples.every((s) => s.includes('Flash sale'))).toBe(true);
    await recorder.recordTweets([postBy('DealsGuy', 'x'.repeat(1000))], []);
    expect((await db.authors.get('dealsguy'))!.samples!.every((p) => p.text.length <= 200)).toBe(true);
    // Forgetting the list forgets the list; what the author posted stays with the author.
    await store.forget();
    expect((await db.authors.get('dealsguy'))!.samples).toHaveLength(2);
  });

  it('"not a seller" takes the account out of N and is remembered across list reads', async () => {
    const shop = { id: '501', handle: 'ShopCo', bioUrls: ['https://shopco.myshopify.com/'], bio: 'shop' };
    await store.recordFollowing(seen({ users: [shop], total: 1 }), settings, 1);
    expect((await buildAudit(db, settings)).sellers).toBe(1);
    await store.setNotSeller('shopco', true);
    await store.recordFollowing(seen({ users: [shop], total: 1 }), settings, 2);
    const audit = await buildAudit(db, settings);
    expect(audit.sellers).toBe(0);
    expect(audit.rows[0]!.notSeller).toBe(true);
  });

  it('reads profile evidence the way the classifier does, plus organisation accounts', () => {
    expect(profileEvidence({ handle: 'a', bioUrls: ['https://linktr.ee/a'] }).reasons).toEqual(['bio links to a link-in-bio page']);
    expect(profileEvidence({ handle: 'a', verifiedType: 'Business' }).reasons).toEqual(['verified as a business or organisation']);
    expect(profileEvidence({ handle: 'a', bio: 'I write about birds' }).alpha).toBe(0);
  });

  it('is empty before any list was read', async () => {
    expect(await buildAudit(db, settings)).toEqual({ viewer: null, total: null, read: 0, lastReadAt: null, reachedEnd: false, sellers: 0, rows: [] });
  });
});

describe('the dry run', () => {
  it('lists the accounts quiet mode would hide on the tab, even with quiet mode off', async () => {
    settings = { ...settings, quietMode: false };
    await recorder.recordTweets([0, 1, 2, 3].map((i) => shopPost('DealsGuy', i)), []);
    await recorder.recordTweets([0, 1, 2, 3].map((i) => talkPost('Chatty', i)), []);
    const onPage = validatePageAuthors({ authors: [{ handle: 'DealsGuy', tweets: 4, ads: 0 }, { handle: 'Chatty', tweets: 4, ads: 0 }, { handle: 'Brand', tweets: 1, ads: 1 }] });
    const review = await buildReview(db, settings, onPage);
    expect(review).toMatchObject({ known: true, quietMode: false, tweets: 9 });
    expect(review.rows.map((r) => [r.handle, r.wouldHide, r.verdict])).toEqual([
      ['DealsGuy', 4, 'seller'],
      ['Brand', 1, 'unknown'],
    ]);
    expect(review.rows[1]!.reasons[0]).toMatch(/ad/);
    // Always show: no longer listed.
    const shown = await buildReview(db, { ...settings, allowList: ['dealsguy'] }, onPage);
    expect(shown.rows.map((r) => r.handle)).toEqual(['Brand']);
    expect((await buildReview(db, settings, undefined)).known).toBe(false);
  });

  it('refuses malformed per-author counts', () => {
    expect(validatePageAuthors({ authors: [{ handle: 'a b', tweets: 1, ads: 0 }, { handle: 'ok', tweets: 1, ads: 2 }, { handle: 'good', tweets: 2, ads: 1 }] })).toEqual([
      { handle: 'good', tweets: 2, ads: 1 },
    ]);
    expect(validatePageAuthors('x')).toEqual([]);
  });
});
