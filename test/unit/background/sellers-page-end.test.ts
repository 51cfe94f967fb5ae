// @vitest-environment node
// The options page asks for the page of sellers it was on; when the list has shrunk under it
// (a stricter sensitivity re-judged accounts, verdicts turned), the reply is the last whole page,
// not a stray last row with no pager to reach the others.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { QuietBazaarDb } from '../../../src/background/db';
import { listSellers } from '../../../src/background/popup-data';
import { Recorder } from '../../../src/background/record-tweets';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { shopPost } from '../../helpers/tweet-facts';

let db: QuietBazaarDb;

beforeEach(async () => {
  db = new QuietBazaarDb(`test-${Math.random()}`);
  const recorder = new Recorder({ db, settings: async () => DEFAULT_SETTINGS, now: () => new Date(2026, 10, 26, 12) });
  for (let i = 0; i < 8; i++) await recorder.recordTweets([1, 2, 3, 4].map((j) => shopPost(`shop_${i}`, j)), []);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

it('an offset past the end gives the last whole page', async () => {
  // 8 sellers in pages of 5: offset 10 is past the end, so the page is the last one (5–8).
  const past = await listSellers(db, DEFAULT_SETTINGS, { offset: 10, limit: 5 });
  expect(past.total).toBe(8);
  expect(past.offset).toBe(5);
  expect(past.items).toHaveLength(3);
  // Fewer sellers than a page: the first page, whole.
  const one = await listSellers(db, DEFAULT_SETTINGS, { offset: 50, limit: 50 });
  expect(one.offset).toBe(0);
  expect(one.items).toHaveLength(8);
});

it('an offset inside the list is kept', async () => {
  const page = await listSellers(db, DEFAULT_SETTINGS, { offset: 5, limit: 5 });
  expect(page.offset).toBe(5);
  expect(page.items).toHaveLength(3);
});
