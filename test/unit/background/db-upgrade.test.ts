// @vitest-environment node
// The schema history: a database written by version 1 (0.1.0's schema, with data), or by
// version 5 (with the audit's samples), opens under the current version with nothing lost,
// and damaged rows of it come out repaired.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { QuietBazaarDb, type StoredAuthor } from '../../../src/background/db';
import { Recorder } from '../../../src/background/record-tweets';
import { SeenTweets } from '../../../src/background/seen-tweets';
import { dayKey } from '../../../src/shared/dates';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { makeTweet } from '../../helpers/tweet-facts';

/** Version 1 exactly as 0.1.0 declared it. */
class DbV1 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({ tweets: '&id, day, authorKey', authors: '&key, authorId, verdict, updatedAt', days: '&day' });
  }
}

/** Version 5's stores, as the release before one row per author declared them. */
class DbV5 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(5).stores({
      tweets: '&id, day',
      authors: '&key, authorId, verdict, updatedAt',
      days: '&day',
      following: '&id, key',
      followingMeta: '&id',
      samples: '&key, updatedAt',
      meta: '&key',
    });
  }
}

const NOW = new Date(2026, 5, 10, 12);
const TODAY = dayKey(NOW);
const shopPosts = [1, 2, 3, 4].map((i) =>
  makeTweet({ id: `50${i}`, authorHandle: 'ShopBot', text: `SALE ${i}: 50% off, code SAVE${i} https://shop.example/p/${i}`, urls: [`https://shop.example/p/${i}`] }),
);
const alicePost = makeTweet({ id: '600', authorHandle: 'alice', text: 'lovely morning for a walk' });

/** Author rows as the recorder writes them, less what versions before 6 did not have. */
async function oldAuthorRows(name: string): Promise<StoredAuthor[]> {
  const source = new QuietBazaarDb(name);
  const recorder = new Recorder({ db: source, settings: async () => DEFAULT_SETTINGS, now: () => NOW });
  await recorder.recordTweets([...shopPosts, alicePost], []);
  const authors = (await source.authors.toArray()).map(({ seen: _seen, samples: _samples, ...row }) => row);
  source.close();
  return authors;
}

/** Tweet rows as versions 1–5 wrote them: one per tweet. */
const tweetRows = [
  ...shopPosts.map((t, i) => ({ id: t.id, authorKey: 'shopbot', day: TODAY, selling: 1, hidden: i === 1 ? 1 : 0 })),
  { id: '600', authorKey: 'alice', day: TODAY, selling: 0, hidden: 0 },
  { id: '700', authorKey: 'nobody-left', day: TODAY, selling: 0, hidden: 0 }, // its author was pruned
  { id: 'junk', authorKey: 'alice', day: 'yesterday' }, // damaged
];

describe('schema history', () => {
  it('opens a version-1 database with data: every author and day kept, each counted tweet in its author row, damaged rows repaired', async () => {
    const authors = await oldAuthorRows('upgrade-source');
    const days = [{ day: TODAY, seen: 5, selling: 4, hidden: 1 }];
    const v1 = new DbV1('upgrade-target');
    await v1.table('authors').bulkPut([...authors, { key: 'bob', handle: 'bob', state: null, judgement: null, verdict: 'seller', updatedAt: 1, profile: { handle: 'bob', bioUrls: Array(50).fill('https://x.example/' + 'a'.repeat(2000)) } }]);
    await v1.table('tweets').bulkPut(tweetRows);
    await v1.table('days').bulkPut(days);
    v1.close();

    const db = new QuietBazaarDb('upgrade-target');
    await db.open();
    expect(db.verno).toBe(7);
    // One row per author: the tweets and samples tables are gone.
    expect(db.tables.map((t) => t.name).sort()).toEqual(['authors', 'days', 'following', 'followingMeta', 'meta']);
    expect(await db.days.toArray()).toEqual(days);
    const shop = await db.authors.get('shopbot');
    const original = authors.find((a) => a.key === 'shopbot')!;
    expect(shop?.judgement).toEqual(original.judgement);
    expect(shop?.state).toEqual(original.state);
    expect(await db.authors.count()).toBe(3);
    // Each author's counted tweets, with the day, selling and hidden flags they had.
    expect(shop?.seen).toBe(`501.${TODAY.replace(/-/g, '')}.1 502.${TODAY.replace(/-/g, '')}.3 503.${TODAY.replace(/-/g, '')}.1 504.${TODAY.replace(/-/g, '')}.1`);
    expect(SeenTweets.read((await db.authors.get('alice'))?.seen).seen.has('600')).toBe(true);
    // The damaged row was repaired in the upgrade, to a sound and bounded one.
    const bob = await db.authors.get('bob');
    expect(bob?.verdict).toBe('unknown');
    expect(bob?.profile?.bioUrls ?? []).toHaveLength(0);
    expect(db.integrity.snapshot()).toEqual({ repaired: 0, dropped: 0 }); // already sound when read
    db.close();

    // The tweets counted before the upgrade are not counted again; a hidden one is not hidden twice.
    const again = new QuietBazaarDb('upgrade-target');
    const recorder = new Recorder({ db: again, settings: async () => DEFAULT_SETTINGS, now: () => NOW });
    await recorder.recordTweets([...shopPosts, alicePost], []);
    await recorder.recordHidden([{ id: '502', handle: 'ShopBot' }]);
    expect(await again.days.get(TODAY)).toEqual(days[0]);
    await recorder.recordHidden([{ id: '501', handle: 'ShopBot' }]);
    expect((await again.days.get(TODAY))?.hidden).toBe(2);
    again.close();
  });

  it("opens a version-5 database: the audit's samples move into their authors' rows", async () => {
    const authors = await oldAuthorRows('upgrade-source-5');
    const v5 = new DbV5('upgrade-target-5');
    // With a row the checks drop on read (its key is no handle): the upgrade goes on without it.
    await v5.table('authors').bulkPut([...authors, { key: 'not a handle!', handle: '<b>x</b>' }, { key: 'carol', handle: 'carol', state: 'junk', judgement: 5 }]);
    await v5.table('tweets').bulkPut(tweetRows);
    await v5.table('samples').bulkPut([
      { key: 'shopbot', posts: [{ text: 'SALE 1: 50% off', selling: 1 }, { text: 'x'.repeat(5000), selling: 0 }], updatedAt: 1 },
      { key: 'alice', posts: 'not a list', updatedAt: 1 },
      { key: 'nobody-left', posts: [{ text: 'hello', selling: 0 }], updatedAt: 1 },
    ]);
    v5.close();

    const db = new QuietBazaarDb('upgrade-target-5');
    expect((await db.authors.get('shopbot'))?.samples).toEqual([{ text: 'SALE 1: 50% off', selling: 1 }]);
    expect((await db.authors.get('alice'))?.samples).toBeUndefined();
    expect(await db.authors.get('nobody-left')).toBeUndefined();
    expect(await db.authors.get('not a handle!')).toBeUndefined();
    expect((await db.authors.get('carol'))?.verdict).toBe('unknown');
    expect(db.verno).toBe(7);
    db.close();
  });
});
