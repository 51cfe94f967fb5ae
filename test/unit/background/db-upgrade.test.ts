// @vitest-environment node
// The schema history: a database written by version 1 (0.1.0's schema, with data) opens under
// the current version with nothing lost, and damaged rows of it come out repaired.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { QuietBazaarDb } from '../../../src/background/db';
import { Recorder } from '../../../src/background/record-tweets';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { makeTweet } from '../../helpers/tweet-facts';

/** Version 1 exactly as 0.1.0 declared it. */
class DbV1 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({ tweets: '&id, day, authorKey', authors: '&key, authorId, verdict, updatedAt', days: '&day' });
  }
}

const NOW = new Date(2026, 5, 10, 12);

describe('schema history', () => {
  it('opens a version-1 database with data: every row kept, damaged ones repaired', async () => {
    // Real rows as version 1 wrote them: produced by the recorder, then copied raw.
    const source = new QuietBazaarDb('upgrade-source');
    const recorder = new Recorder({ db: source, settings: async () => DEFAULT_SETTINGS, now: () => NOW });
    const posts = [1, 2, 3, 4].map((i) =>
      makeTweet({ id: `50${i}`, authorHandle: 'ShopBot', text: `SALE ${i}: 50% off, code SAVE${i} https://shop.example/p/${i}`, urls: [`https://shop.example/p/${i}`] }),
    );
    await recorder.recordTweets([...posts, makeTweet({ id: '600', authorHandle: 'alice', text: 'lovely morning for a walk' })], []);
    const authors = await source.authors.toArray();
    const tweets = await source.tweets.toArray();
    const days = await source.days.toArray();
    source.close();

    const v1 = new DbV1('upgrade-target');
    await v1.table('authors').bulkPut([...authors, { key: 'bob', handle: 'bob', state: null, judgement: null, verdict: 'seller', updatedAt: 1, profile: { handle: 'bob', bioUrls: Array(50).fill('https://x.example/' + 'a'.repeat(2000)) } }]);
    await v1.table('tweets').bulkPut(tweets);
    await v1.table('days').bulkPut(days);
    v1.close();

    const db = new QuietBazaarDb('upgrade-target');
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.tweets.toArray()).toEqual(tweets);
    expect(await db.days.toArray()).toEqual(days);
    const shop = await db.authors.get('shopbot');
    const original = authors.find((a) => a.key === 'shopbot')!;
    expect(shop?.judgement).toEqual(original.judgement);
    expect(shop?.state).toEqual(original.state);
    expect(await db.authors.count()).toBe(3);
    // The damaged row was repaired in the upgrade, to a sound and bounded one.
    const bob = await db.authors.get('bob');
    expect(bob?.verdict).toBe('unknown');
    expect(bob?.profile?.bioUrls ?? []).toHaveLength(0);
    expect(db.integrity.snapshot()).toEqual({ repaired: 0, dropped: 0 }); // already sound when read
    // Version 5 dropped the tweets' authorKey index (nothing reads by it); the day index stays.
    expect(db.tweets.schema.indexes.map((i) => i.name)).toEqual(['day']);
    expect(await db.tweets.where('day').equals(tweets[0]!.day).count()).toBe(tweets.length);
    db.close();
  });
});
