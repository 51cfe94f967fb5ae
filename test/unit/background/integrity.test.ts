// @vitest-environment node
// Issue 8, failure 1: one damaged stored row must not stop recording, export, the popup or
// re-judging. Real Dexie on fake-indexeddb; rows damaged the way a crash or an old version would.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { QuietBazaarDb } from '../../../src/background/db';
import { buildExport } from '../../../src/background/export-import';
import { PopupFigures, buildHistory } from '../../../src/background/popup-data';
import { Recorder } from '../../../src/background/record-tweets';
import { SeenTweets } from '../../../src/background/seen-tweets';
import { checkAuthor } from '../../../src/background/stored-rows';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { dayKey } from '../../../src/shared/dates';
import { makeTweet } from '../../helpers/tweet-facts';

const NOW = new Date(2026, 5, 10, 12);
let dbCount = 0;

function setup() {
  const db = new QuietBazaarDb(`integrity-${++dbCount}`);
  const recorder = new Recorder({ db, settings: async () => DEFAULT_SETTINGS, now: () => NOW });
  return { db, recorder };
}

const handle = (i: number) => `author_${i}`;
let nextId = 1000;
const tweetOf = (i: number) => makeTweet({ id: String(nextId++), authorHandle: handle(i), text: `post ${nextId} from ${handle(i)}` });

describe('damaged stored rows (issue 8, failure 1)', () => {
  it('a fresh database reports nothing damaged: reading keys that are not there is not damage', async () => {
    const { db } = setup();
    expect(await db.days.get(dayKey(NOW))).toBeUndefined();
    expect(await db.authors.get('nobody')).toBeUndefined();
    expect(await db.authors.bulkGet(['a', 'b'])).toEqual([undefined, undefined]);
    expect(db.integrity.snapshot()).toEqual({ repaired: 0, dropped: 0 });
  });

  it('one author row with state: null among 30: the next 300 tweets are all recorded, and nothing else breaks', async () => {
    const { db, recorder } = setup();
    for (let i = 0; i < 30; i++) await recorder.recordTweets([tweetOf(i), tweetOf(i)], []);
    const before = (await db.days.get(dayKey(NOW)))!.seen;
    await db.authors.update('author_7', { state: null as never });

    let recorded = 0;
    for (let b = 0; b < 6; b++) {
      const batch = Array.from({ length: 50 }, (_, k) => tweetOf((b * 50 + k) % 30));
      try {
        await recorder.recordTweets(batch, []);
      } catch {
        continue;
      }
      recorded += batch.length;
    }
    expect(recorded).toBe(300);
    expect((await db.days.get(dayKey(NOW)))!.seen - before).toBe(300);
    const counted = (await db.authors.toArray()).reduce((n, a) => n + SeenTweets.read(a.seen).seen.size, 0);
    expect(counted).toBe(60 + 300);
    // The damaged author lost its state, not its place: it records again from here.
    expect((await db.authors.get('author_7'))!.judgement.posts).toBeGreaterThan(0);
    await expect(recorder.quietCandidates()).resolves.toBeInstanceOf(Array);
    await expect(recorder.rejudgeAll('strict')).resolves.toBe(true);
    const file = await buildExport(db, DEFAULT_SETTINGS, NOW);
    expect(file.authors).toHaveLength(30);
  });

  it('rows damaged in every field are repaired or dropped on read, and counted', async () => {
    const { db, recorder } = setup();
    await recorder.recordTweets([tweetOf(1), tweetOf(2)], []);
    await db.authors.put({ key: 'author_1', handle: 'author_1', judgement: 'nope', verdict: 7, state: { v: 2 }, profile: { bio: 5 }, seen: '1001.20260610.1 junk 1002.2026.1', samples: [{ text: 5 }, { text: 'fine', selling: 1 }] } as never);
    await db.authors.put({ key: 'not a handle!', handle: '<b>x</b>' } as never);
    await db.days.put({ day: dayKey(NOW), seen: '12', selling: null, hidden: -3 } as never);
    await db.days.put({ day: 'garbage', seen: 1, selling: 0, hidden: 0 } as never);
    const data = await new PopupFigures(db).build(DEFAULT_SETTINGS, null, NOW);
    expect(data.today).toEqual({ day: dayKey(NOW), seen: 12, selling: 0, hidden: 0 });
    expect((await buildHistory(db, NOW)).weeks.every((w) => Number.isInteger(w.seen))).toBe(true);
    const file = await buildExport(db, DEFAULT_SETTINGS, NOW);
    expect(file.authors.map((a) => a.handle).sort()).toEqual(['author_1', 'author_2']);
    expect(file.days.every((d) => typeof d.seen === 'number')).toBe(true);
    expect(recorder.integrity.snapshot().repaired).toBeGreaterThanOrEqual(2);
    expect(recorder.integrity.snapshot().dropped).toBeGreaterThanOrEqual(2);
    // What could be kept of a damaged seen list and samples is kept.
    const author1 = (await db.authors.get('author_1'))!;
    expect(author1.seen).toBe('1001.20260610.1');
    expect(author1.samples).toEqual([{ text: 'fine', selling: 1 }]);
  });

  it('a judgement whose "by its voice" mark is anything but true is a damaged judgement, re-made from the posts', async () => {
    const { db, recorder } = setup();
    await recorder.recordTweets([tweetOf(1), tweetOf(2), tweetOf(3)], []);
    const row = (await db.authors.get('author_1'))!;
    expect(checkAuthor(row)?.repaired).toBe(false);
    for (const bad of ['yes', 1, false, null]) {
      const checked = checkAuthor({ ...row, judgement: { ...row.judgement, byVoice: bad } });
      expect(checked?.repaired).toBe(true);
      expect(checked?.row.judgement.byVoice).toBeUndefined();
      expect(checked?.row.judgement.posts).toBe(row.judgement.posts);
    }
    expect(checkAuthor({ ...row, judgement: { ...row.judgement, byVoice: true } })).toMatchObject({ repaired: false, row: { judgement: { byVoice: true } } });
  });
});
