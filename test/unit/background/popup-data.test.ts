// @vitest-environment node
// The popup's figures follow the recorder's writes (no scan when the popup opens), survive a
// worker restart, and agree with a full read of the database; the options page's lists and history.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietBazaarDb } from '../../../src/background/db';
import { PopupFigures, buildHistory, listSellers, rollUpWeeks } from '../../../src/background/popup-data';
import { LiveUpdates, THROTTLE_MS } from '../../../src/background/live-updates';
import { Recorder } from '../../../src/background/record-tweets';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { postBy as tweet, shopPost, talkPost } from '../../helpers/tweet-facts';

let db: QuietBazaarDb;
let now: Date;
let settings: Settings;
let figures: PopupFigures;
let recorder: Recorder;


function makeRecorder(f: PopupFigures) {
  return new Recorder({
    db,
    settings: async () => settings,
    now: () => now,
    onAuthorsChanged: (changes, day) => void f.noteAuthors(changes, day),
    onRejudged: () => void f.rebuild(),
  });
}
/** Lets the figures take in the last batch (noteAuthors runs after the write commits). */
const settle = async () => {
  await figures.load();
  await new Promise((r) => setTimeout(r, 10));
};

beforeEach(() => {
  db = new QuietBazaarDb(`test-${Math.random()}`);
  now = new Date(2026, 10, 26, 12, 0);
  settings = { ...DEFAULT_SETTINGS };
  figures = new PopupFigures(db);
  recorder = makeRecorder(figures);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('popup figures', () => {
  it("gives today's, the last 7 days' and weekly counts, and the week's sellers with the user's choices", async () => {
    now = new Date(2026, 10, 20, 10); // Friday of the week before
    await recorder.recordTweets([talkPost('alice', 1), talkPost('alice', 2)], []);
    now = new Date(2026, 10, 26, 10); // Thursday
    await recorder.recordTweets([1, 2, 3, 4, 5].map((i) => shopPost('shop', i)).concat([talkPost('alice', 3)]), []);
    await settle();
    settings = { ...settings, allowList: ['shop'] };
    const data = await figures.build(settings, null, now);
    expect(data.today).toMatchObject({ day: '2026-11-26', seen: 6, selling: 5 });
    expect(data.last7).toMatchObject({ start: '2026-11-20', seen: 8, selling: 5 });
    expect(data.weeks.map((w) => [w.start, w.seen])).toEqual([['2026-11-23', 6], ['2026-11-16', 2]]);
    expect(data.authors).toHaveLength(1);
    expect(data.authors[0]).toMatchObject({ handle: 'shop', verdict: 'seller', override: 'show' });
    expect(data.vendorCount).toBe(1);
    expect(data.status).toBe('not-x');
  });

  it('follows verdicts as they change, with the same figures a full read gives', async () => {
    for (let i = 0; i < 12; i++) await recorder.recordTweets([1, 2, 3, 4].map((j) => shopPost(`shop${i}`, j)), []);
    await recorder.recordTweets([1, 2, 3, 4].map((j) => talkPost('bob', j)), []);
    await settle();
    let data = await figures.build(settings, null, now);
    expect(data.vendorCount).toBe(12);
    expect(data.authors).toHaveLength(5);
    // shop3 starts talking a lot: it leaves the sellers, and the count follows.
    for (let k = 0; k < 4; k++) await recorder.recordTweets([1, 2, 3, 4, 5, 6, 7, 8].map((j) => talkPost('shop3', 10 * k + j)), []);
    await settle();
    const fresh = new PopupFigures(db);
    await fresh.rebuild();
    const [incremental, scanned] = [await figures.load(), await fresh.load()];
    expect(incremental.counts).toEqual(scanned.counts);
    // In the same order too: accounts that tie (here all twelve shops) are ordered by handle, so a
    // woken worker's list does not reorder under the user's pointer.
    expect(incremental.top.map((s) => s.key)).toEqual(scanned.top.map((s) => s.key));
    data = await figures.build(settings, null, now);
    expect(data.vendorCount).toBe(scanned.counts.seller + scanned.counts.mixed);
  });

  it('a woken worker reads the persisted figures, not the authors table', async () => {
    await recorder.recordTweets([1, 2, 3, 4].map((j) => shopPost('shop', j)), []);
    await settle();
    await figures.flush();
    const woken = new PopupFigures(db);
    const where = vi.spyOn(db.authors, 'where');
    const toArray = vi.spyOn(db.authors, 'toArray');
    const data = await woken.build(settings, null, now);
    expect(data.authors.map((a) => a.key)).toEqual(['shop']);
    expect(where).not.toHaveBeenCalled();
    expect(toArray).not.toHaveBeenCalled();
  });

  it('lists only sellers seen in the last 7 days', async () => {
    now = new Date(2026, 10, 1, 10);
    await recorder.recordTweets([1, 2, 3, 4].map((j) => shopPost('oldshop', j)), []);
    now = new Date(2026, 10, 26, 10);
    await recorder.recordTweets([1, 2, 3, 4].map((j) => shopPost('newshop', j)), []);
    await settle();
    const data = await figures.build(settings, null, now);
    expect(data.authors.map((a) => a.key)).toEqual(['newshop']);
    expect(data.vendorCount).toBe(2);
  });

  it('always lists the current week, even when empty', () => {
    expect(rollUpWeeks([], new Date(2026, 10, 26))).toEqual([{ start: '2026-11-23', seen: 0, selling: 0, hidden: 0 }]);
  });
});

describe('options lists and history', () => {
  it('pages and searches the sellers', async () => {
    for (let i = 0; i < 7; i++) await recorder.recordTweets([1, 2, 3, 4].map((j) => shopPost(`Shop_${i}`, j)), []);
    await recorder.recordTweets([1, 2, 3, 4].map((j) => shopPost('deals', j)), []);
    const page = await listSellers(db, { ...settings, blockList: ['deals'] }, { offset: 5, limit: 5 });
    expect(page.total).toBe(8);
    expect(page.offset).toBe(5);
    expect(page.items).toHaveLength(3);
    const found = await listSellers(db, { ...settings, blockList: ['deals'] }, { query: '@DEAL' });
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ key: 'deals', override: 'hide' });
  });

  it('every week kept, and the last 7 days with empty days as zeros', async () => {
    now = new Date(2026, 8, 1, 10);
    await recorder.recordTweets([talkPost('alice', 1)], []);
    now = new Date(2026, 10, 26, 10);
    await recorder.recordTweets([talkPost('alice', 2), shopPost('s', 1)], []);
    const h = await buildHistory(db, now);
    expect(h.weeks[0]).toMatchObject({ start: '2026-11-23', seen: 2 });
    expect(h.weeks.at(-1)).toMatchObject({ start: '2026-08-31', seen: 1 });
    expect(h.days.map((d) => d.day)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);
    expect(h.days.at(-1)).toMatchObject({ seen: 2 });
    expect(h.days[0]).toMatchObject({ seen: 0 });
  });
});

describe('live updates', () => {
  function fakePort(url = 'chrome-extension://qb/popup.html') {
    const posted: unknown[] = [];
    const disconnect: Array<() => void> = [];
    return {
      posted,
      close: () => disconnect.forEach((f) => f()),
      port: {
        name: 'qb:live',
        sender: { id: 'qb', url },
        postMessage: (m: unknown) => void posted.push(m),
        onDisconnect: { addListener: (f: () => void) => void disconnect.push(f) },
      } as any,
    };
  }

  it('tells connected pages once per burst of changes, and no one after they close', async () => {
    vi.useFakeTimers();
    try {
      const live = new LiveUpdates((p) => p.sender?.url?.startsWith('chrome-extension://qb/') ?? false);
      const page = fakePort();
      const stranger = fakePort('https://x.com/home');
      live.onConnect(page.port);
      live.onConnect(stranger.port);
      expect(live.listeners).toBe(1);
      live.changed();
      live.changed();
      live.changed();
      vi.advanceTimersByTime(THROTTLE_MS);
      expect(page.posted).toEqual([{ changed: 3 }]);
      expect(stranger.posted).toEqual([]);
      page.close();
      live.changed();
      vi.advanceTimersByTime(THROTTLE_MS);
      expect(page.posted).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
