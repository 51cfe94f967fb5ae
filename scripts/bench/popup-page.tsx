// Bundled by scripts/bench-popup.ts into a page served to Chromium (real IndexedDB): the
// background's real recorder and popup figures, and the popup's real view, timed in the page.
import { render } from 'preact';
import { QuietBazaarDb, type StoredAuthor } from '../../src/background/db';
import { PopupFigures } from '../../src/background/popup-data';
import { Recorder } from '../../src/background/record-tweets';
import { installMessages, type MessageTable } from '../../src/shared/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import type { PopupData } from '../../src/shared/messages';
import type { TweetFacts } from '../../src/shared/types';
import { PopupView } from '../../src/popup/view';
import en from '../../public/_locales/en/messages.json';
import { makeTweet } from '../../test/helpers/tweet-facts';

installMessages(en as MessageTable, 'en-US');

let n = 0;
const tweet = (handle: string, text: string, urls: string[] = []): TweetFacts =>
  makeTweet({ id: String(10_000_000_000 + ++n), authorHandle: handle, text, urls });
const shop = (h: string, i: number) =>
  tweet(h, `🔥 Flash sale ${i}! 50% OFF everything, use code SAVE${i}0 at checkout. Shop now: https://shopify-store.example.com/p/${i}?ref=tw`, [`https://shopify-store.example.com/p/${i}?ref=tw`]);
const talk = (h: string, i: number) => tweet(h, `I think the new bridge design is actually pretty good, what do you all think about point ${i}?`);

let db: QuietBazaarDb;
let figures: PopupFigures;
let settings: Settings = { ...DEFAULT_SETTINGS };

/** The popup's data as it was built on every open before (b18d88e): every seller/mixed row and every override row, read and sorted. */
async function beforeBuild(now: Date) {
  const since = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 56);
  const days = await db.days.where('day').aboveOrEqual(since.toISOString().slice(0, 10)).toArray();
  const [vendors, chosen] = await Promise.all([
    db.authors.where('verdict').anyOf('seller', 'mixed').toArray(),
    db.authors.bulkGet([...settings.allowList, ...settings.blockList]),
  ]);
  const rows = new Map<string, StoredAuthor>();
  for (const r of [...vendors, ...chosen]) if (r) rows.set(r.key, r);
  const authors = [...rows.values()]
    .map((r) => ({ ...r.judgement, key: r.key, handle: r.handle, override: settings.allowList.includes(r.key) ? ('show' as const) : settings.blockList.includes(r.key) ? ('hide' as const) : null }))
    .sort((a, b) => b.sellingShare - a.sellingShare || b.posts - a.posts)
    .slice(0, 50);
  const sum = (rows: typeof days) => rows.reduce((p, d) => ({ start: p.start, seen: p.seen + d.seen, selling: p.selling + d.selling, hidden: p.hidden + d.hidden }), { start: since.toISOString().slice(0, 10), seen: 0, selling: 0, hidden: 0 });
  const today = days.at(-1) ?? { day: '', seen: 0, selling: 0, hidden: 0 };
  // The popup before rendered up to 50 accounts; the rest of its data is the same shape.
  return { settings, today, last7: sum(days), weeks: [sum(days)], authors, vendorCount: vendors.length, health: null, status: 'not-x' } as PopupData;
}

/** Data → the popup rendered with today's and the week's figures in the page. */
function renderPopup(data: PopupData): void {
  const root = document.getElementById('app')!;
  render(null, root);
  const noop = () => undefined;
  render(<PopupView data={data} actions={{ setQuietMode: noop, setSensitivity: noop, setHideMixed: noop, setHideAds: noop, setExemptFollowed: noop, setOverride: noop }} />, root);
  if (!root.querySelector('#noise-week .ratio')) throw new Error('no figures rendered');
}

async function timeMs(body: () => Promise<unknown>, runs = 7): Promise<number> {
  await body();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await body();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

(globalThis as any).qbBench = {
  async seed(authors: number, sellerEvery: number, listSize: number) {
    db = new QuietBazaarDb(`bench-${authors}-${Date.now()}`);
    figures = new PopupFigures(db);
    settings = {
      ...DEFAULT_SETTINGS,
      allowList: Array.from({ length: Math.min(listSize, authors) }, (_, i) => `acct_${i * 7 + 1}`),
      blockList: Array.from({ length: Math.min(listSize, authors) }, (_, i) => `acct_${i * 7 + 2}`),
    };
    const now = new Date();
    const recorder = new Recorder({ db, settings: async () => settings, now: () => now, onAuthorsChanged: (c, d) => void figures.noteAuthors(c, d) });
    let batch: TweetFacts[] = [];
    for (let a = 0; a < authors; a++) {
      const h = `acct_${a}`;
      if (a % sellerEvery === 0) batch.push(shop(h, 1), shop(h, 2), shop(h, 3));
      else batch.push(talk(h, a));
      if (batch.length >= 2500) {
        await recorder.recordTweets(batch, []);
        batch = [];
      }
    }
    if (batch.length) await recorder.recordTweets(batch, []);
    await figures.load();
    await new Promise((r) => setTimeout(r, 50));
    await figures.flush();
    return { sellers: (await figures.load()).counts.seller, authors: await db.authors.count() };
  },
  async measure() {
    const now = new Date();
    const before = await timeMs(async () => renderPopup(await beforeBuild(now)));
    const warm = await timeMs(async () => renderPopup(await figures.build(settings, null, now)));
    const cold = await timeMs(async () => renderPopup(await new PopupFigures(db).build(settings, null, now)));
    db.close();
    await db.delete();
    return { before, warm, cold };
  },
};
