// @vitest-environment node
// The background's recorder on a real (in-memory) IndexedDB through Dexie.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietBazaarDb } from '../../../src/background/db';
import { Recorder, mergeProfile } from '../../../src/background/record-tweets';
import { SeenTweets } from '../../../src/background/seen-tweets';
import { BUDGETS } from '../../../src/shared/budgets';
import { judgePost } from '../../../src/classifier';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { postBy as tweet, shopPost, talkPost } from '../../helpers/tweet-facts';

let db: QuietBazaarDb;
let now: Date;
let settings: Settings;
let recorder: Recorder;


beforeEach(() => {
  db = new QuietBazaarDb(`test-${Math.random()}`);
  now = new Date(2026, 10, 26, 12, 0);
  settings = { ...DEFAULT_SETTINGS };
  recorder = new Recorder({ db, settings: async () => settings, now: () => now });
});
afterEach(async () => {
  await db.delete();
});

describe('Recorder', () => {
  it("hands each recorded post's pSelling to the caller, judged once", async () => {
    const t = [shopPost('shop', 1), talkPost('alice', 1)];
    const judged = new Map<string, number>();
    await recorder.recordTweets(t, [], judged);
    expect([...judged.keys()]).toEqual([t[0]!.id, t[1]!.id]);
    for (const post of t) expect(judged.get(post.id)).toBe(judgePost(post).pSelling);
    const again = new Map<string, number>();
    await recorder.recordTweets(t, [], again);
    expect(again.size).toBe(0); // already recorded: not judged again
  });

  it("keeps each author's counted tweets and audit samples in its own row: one read and one write per author and batch", async () => {
    const t = [shopPost('shop', 1), talkPost('alice', 1), shopPost('shop', 2)];
    await recorder.recordTweets(t, []); // opens (and creates) the database
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    await recorder.recordTweets([shopPost('shop', 3), shopPost('shop', 4), talkPost('alice', 2), talkPost('bob', 1), t[0]!], []);
    // shop, alice, bob, and today's counts: read once each, written once each.
    expect(gets).toHaveBeenCalledTimes(4);
    expect(puts).toHaveBeenCalledTimes(4);
    gets.mockRestore();
    puts.mockRestore();
    const shop = (await db.authors.get('shop'))!;
    expect(SeenTweets.read(shop.seen).seen.size).toBe(4);
    expect(shop.samples).toHaveLength(2);
    expect((await db.authors.get('bob'))!.samples).toEqual([{ text: talkPost('bob', 1).text, selling: 0 }]);
    expect((await db.days.get('2026-11-26'))?.seen).toBe(7);
  });

  it('remembers the newest BUDGETS.seenPerAuthor tweets of an author: an older one seen again counts again', async () => {
    const n = BUDGETS.seenPerAuthor;
    const posts = Array.from({ length: n + 5 }, (_, i) => talkPost('chatty', i));
    for (let i = 0; i < posts.length; i += 50) await recorder.recordTweets(posts.slice(i, i + 50), []);
    expect((await db.days.get('2026-11-26'))?.seen).toBe(n + 5);
    expect(SeenTweets.read((await db.authors.get('chatty'))!.seen).seen.size).toBe(n);
    await recorder.recordTweets([posts[n + 4]!], []); // remembered
    expect((await db.days.get('2026-11-26'))?.seen).toBe(n + 5);
    await recorder.recordTweets([posts[0]!], []); // forgotten: counted again
    expect((await db.days.get('2026-11-26'))?.seen).toBe(n + 6);
  });

  it('posts nothing to other contexts when a batch commits (no liveQuery observers to tell)', async () => {
    await recorder.recordTweets([shopPost('shop', 1)], []); // opens (and creates) the database
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    const hidden = shopPost('shop', 2);
    await recorder.recordTweets([hidden, talkPost('alice', 1)], []);
    await recorder.recordHidden([{ id: hidden.id, handle: 'shop' }]);
    expect((await db.days.get('2026-11-26'))?.hidden).toBe(1);
    expect(posted).not.toHaveBeenCalled();
    posted.mockRestore();
  });

  it('counts each tweet once per day, however often it is seen', async () => {
    const t = [shopPost('shop', 1), talkPost('alice', 1)];
    await recorder.recordTweets(t, []);
    await recorder.recordTweets(t, []);
    await recorder.recordTweets([t[0]!, t[0]!], []);
    const day = await db.days.get('2026-11-26');
    expect(day?.seen).toBe(2);
    expect(SeenTweets.read((await db.authors.get('shop'))!.seen).seen.size).toBe(1);
  });

  it('judges a repeat seller and answers with the verdict and its first reason', async () => {
    const posts = [1, 2, 3, 4, 5, 6].map((i) => shopPost('ShopBot', i));
    const verdicts = await recorder.recordTweets(posts, []);
    const v = verdicts.find((x) => x.handle === 'ShopBot');
    expect(v?.verdict).toBe('seller');
    expect(v?.reason).not.toBe('');
    const day = await db.days.get('2026-11-26');
    expect(day?.selling).toBe(6);
    expect((await recorder.quietCandidates()).map((x) => x.handle)).toEqual(['ShopBot']);
  });

  it("counts a plain post of an author already judged a seller as selling, as the eval does, in the same batch or a later one", async () => {
    const shop = [1, 2, 3, 4].map((i) => shopPost('ShopBot', i));
    const plain = () => tweet('ShopBot', 'The future of tennis is in good hands.');
    const first = plain();
    expect(judgePost(first).selling).toBe(false);
    await recorder.recordTweets([...shop, first], []);
    expect((await db.days.get('2026-11-26'))?.selling).toBe(5);
    await recorder.recordTweets([plain()], []);
    expect((await db.days.get('2026-11-26'))?.selling).toBe(6);
    // A person's plain post stays talk.
    await recorder.recordTweets([1, 2, 3, 4].map((i) => talkPost('alice', i)), []);
    expect((await db.days.get('2026-11-26'))?.selling).toBe(6);
  });

  it('keeps a person who talks as a conversationalist', async () => {
    const verdicts = await recorder.recordTweets([1, 2, 3, 4, 5, 6].map((i) => talkPost('alice', i)), []);
    expect(verdicts.find((x) => x.handle === 'alice')?.verdict).toBe('conversationalist');
    expect(await recorder.quietCandidates()).toEqual([]);
  });

  it('counts hidden tweets once, on the day they were first seen, and only tweets it has counted', async () => {
    const t = shopPost('shop', 1);
    await recorder.recordTweets([t], []);
    now = new Date(2026, 10, 27, 9, 0);
    await recorder.recordHidden([{ id: t.id, handle: 'shop' }, { id: t.id, handle: 'Shop' }, { id: '999', handle: 'shop' }, { id: t.id, handle: 'someone_else' }, { id: '5', handle: 'nobody' }]);
    await recorder.recordHidden([{ id: t.id, handle: 'shop' }]);
    expect((await db.days.get('2026-11-26'))?.hidden).toBe(1);
    expect(await db.days.get('2026-11-27')).toBeUndefined();
  });

  it('counts the hidden tweets that come with a batch, after its tweets, in the same transaction', async () => {
    const earlier = talkPost('alice', 1);
    await recorder.recordTweets([earlier], []);
    now = new Date(2026, 10, 27, 9, 0);
    const t = shopPost('shop', 1);
    const transaction = vi.spyOn(db, 'transaction');
    const verdicts = await recorder.recordTweets([t], [], undefined, [
      { id: t.id, handle: 'shop' }, // in this batch
      { id: earlier.id, handle: 'alice' }, // seen yesterday, its author not in this batch
      { id: '999', handle: 'shop' }, // never seen
    ]);
    expect(transaction).toHaveBeenCalledTimes(1);
    transaction.mockRestore();
    expect(verdicts.map((v) => v.handle)).toEqual(['shop']);
    expect(await db.days.get('2026-11-27')).toMatchObject({ seen: 1, hidden: 1 });
    expect(await db.days.get('2026-11-26')).toMatchObject({ seen: 1, hidden: 1 });
    // Hidden once: again changes nothing.
    await recorder.recordTweets([], [], undefined, [{ id: t.id, handle: 'shop' }]);
    await recorder.recordHidden([{ id: earlier.id, handle: 'alice' }]);
    expect((await db.days.get('2026-11-27'))?.hidden).toBe(1);
    expect((await db.days.get('2026-11-26'))?.hidden).toBe(1);
  });

  it("never moves an author's history to another handle by a numeric id (trust model: noRenamesFromPage)", async () => {
    // Issue 8, failure 2: a forged profile id moved a seller's history to another handle.
    await recorder.recordTweets([1, 2, 3].map((i) => ({ ...shopPost('oldname', i), authorId: '42' })), []);
    await recorder.recordTweets([4, 5, 6].map((i) => ({ ...shopPost('newname', i), authorId: '42' })), [{ handle: 'newname', id: '42' }]);
    expect((await db.authors.get('oldname'))?.judgement.posts).toBe(3);
    expect((await db.authors.get('newname'))?.judgement.posts).toBe(3);
  });

  it('stores profiles only for authors it has seen post, merging known facts', async () => {
    await recorder.recordProfiles([{ handle: 'stranger', bio: 'hi' }]);
    expect(await db.authors.count()).toBe(0);
    await recorder.recordTweets([talkPost('alice', 1)], [{ handle: 'alice', professionalType: 'Creator', followers: 10 }]);
    await recorder.recordProfiles([{ handle: 'Alice', bio: 'I write about bridges' }]);
    const row = await db.authors.get('alice');
    expect(row?.profile).toMatchObject({ professionalType: 'Creator', bio: 'I write about bridges' });
    // Only the fields the classifier reads are stored (budgets).
    expect(row?.profile).not.toHaveProperty('followers');
  });

  it('re-judges everyone when the sensitivity changes', async () => {
    await recorder.recordTweets([1, 2, 3, 4, 5, 6].map((i) => shopPost('shop', i)), []);
    const before = await db.authors.get('shop');
    await recorder.rejudgeAll('strict');
    const after = await db.authors.get('shop');
    expect(after?.judgement.posts).toBe(before?.judgement.posts);
    expect(['seller', 'mixed']).toContain(after?.verdict);
  });

  it('prunes conversationalists not seen for 90 days but keeps sellers and the daily totals', async () => {
    await recorder.recordTweets([1, 2, 3, 4, 5, 6].map((i) => talkPost('alice', i)), []);
    await recorder.recordTweets([1, 2, 3, 4, 5, 6].map((i) => shopPost('shop', i)), []);
    now = new Date(2027, 2, 1);
    await recorder.prune(90);
    expect((await db.authors.toCollection().primaryKeys()).sort()).toEqual(['shop']);
    expect((await db.days.get('2026-11-26'))?.seen).toBe(12);
  });
});

describe('mergeProfile', () => {
  it('never replaces a known value with an unknown one', () => {
    expect(mergeProfile({ handle: 'a', bio: 'x', followers: 3 }, { handle: 'a', followers: 5 })).toEqual({ handle: 'a', bio: 'x', followers: 5 });
  });
});
