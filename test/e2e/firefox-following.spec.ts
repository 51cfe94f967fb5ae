// The following audit in Firefox ESR, as a Firefox user meets it: the built extension
// (dist/firefox) driven over WebDriver BiDi by puppeteer-core, X served from the demo site by
// request interception (firefox-session.ts). The user reads the home timeline, opens their own
// Following page and scrolls it to the end; then the popup's summary, "See all accounts you
// follow…" (the options page's audit), and "Not a seller" on one account, kept across a reopening.
//
// The expected figures are those of the Chromium spec (following.spec.ts): M = 78 accounts
// followed, N = the followed accounts the timeline's posts judged sellers + @Artcllick and
// @ashevat judged by their profile, @github by its own voice.
//
// As in firefox-pages.spec.ts: page.goto() to moz-extension://… never completes over BiDi, so the
// extension's pages are opened from its welcome page with browser.windows.create (each in its own
// window, so the X tabs stay visible in theirs) and found by asking each page where it is.
import { test, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { DEMO_VIEWER, FOLLOWED_SELLERS, demoFollowing } from '../../demo/following-site';
import { clickClosingItsPage, FirefoxExtension, serveDemoOnly, sleep, textOf } from './firefox-session';

const UUID = '8f1d6b2a-54c3-4e97-a0d8-6b3e9c1f7a25';
const ORIGIN = `moz-extension://${UUID}`;
const FOLLOWING_URL = `https://x.com/${DEMO_VIEWER.handle}/following`;

// As in following.spec.ts: the two of the 69 real accounts whose profile alone makes the case.
const PROFILE_ONLY_SELLERS = ['Artcllick', 'ashevat'];
const M = demoFollowing().length;
let N = 0;
let followedSellersByPosts: string[] = [];

let ff: FirefoxExtension;
let following: Page;
let followingTabId: number;
const foreign: string[] = [];

test.describe.configure({ mode: 'serial' });

const openPopup = () => ff.openPopup(followingTabId);
const openOptionsAudit = () => ff.open('options.html#following', '.audit-row');


/** A message to the background, sent from an extension page as the popup and options pages do. */
const send = (p: Page, type: string, payload: unknown): Promise<any> =>
  p.evaluate((t, pl) => (globalThis as any).browser.runtime.sendMessage({ qb: 1, type: t, payload: pl }), type, payload);

/** A read-only look into the extension's database (same origin as its pages): all rows of a store. */
const storedRows = (store: string): Promise<any[]> =>
  ff.welcome.evaluate(async (s) => {
    const open = indexedDB.open('quiet-bazaar');
    const db: IDBDatabase = await new Promise((res, rej) => {
      open.onsuccess = () => res(open.result);
      open.onerror = () => rej(open.error);
    });
    try {
      return await new Promise<any[]>((res, rej) => {
        const r = db.transaction(s).objectStore(s).getAll();
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
    } finally {
      db.close();
    }
  }, store);

/** The options page's audit rows as a reader sees them. */
const auditRows = (p: Page) =>
  p.$$eval('.audit-row', (lis) =>
    lis.map((li) => ({
      key: li.getAttribute('data-handle')!,
      verdict: li.getAttribute('data-verdict'),
      basis: li.getAttribute('data-basis'),
      handle: li.querySelector('a.handle')?.textContent ?? '',
      href: li.querySelector('a.handle')?.getAttribute('href') ?? '',
      share: (li.querySelector('.account-share') as HTMLElement).innerText.trim(),
      reasons: [...li.querySelectorAll('.reasons li')].map((r) => r.textContent!.trim()),
      samples: li.querySelectorAll('.samples .sample').length,
      buttons: [...li.querySelectorAll('.account-actions button')].map((b) => b.getAttribute('aria-label')),
      state: li.querySelector('.override-state')?.textContent ?? '',
    })),
  );

test.beforeAll(async () => {
  ff = await FirefoxExtension.launch(UUID);
  // The home timeline first, scrolled to its end (the posts the audit judges the followed accounts by).
  await ff.openTimeline(foreign);

  // Then the user's own Following page, scrolled to the end as following.spec.ts does
  // (scripts/chromium-session.ts readWholeFollowing).
  following = await ff.browser.newPage();
  await serveDemoOnly(following, foreign);
  await following.goto(FOLLOWING_URL);
  await following.waitForFunction(() => (window as any).qbFollowing?.rendered() > 0);
  for (let i = 0; i < 50; i++) {
    if (await following.evaluate(() => (window as any).qbFollowing.done())) break;
    await following.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await following.evaluate(() => (window as any).qbFollowing.loadMore());
    await sleep(200);
  }
  followingTabId = await ff.tabIdOf(FOLLOWING_URL);
});

test.afterAll(async () => {
  await ff?.close();
});

test('Firefox: scrolling the Following page to its end, the extension reads the whole list (78 of 78) and who the viewer is', async () => {
  expect(M).toBe(78);
  expect(await following.evaluate(() => (window as any).qbFollowing.done())).toBe(true);
  expect(await following.evaluate(() => (window as any).qbFollowing.rendered())).toBe(M);
  // The page passes the list on in batches: every account X sent ends up stored, none twice.
  await expect.poll(async () => (await storedRows('following')).length, { timeout: 20_000 }).toBe(M);
  const stored = await storedRows('following');
  const ids = new Set(stored.map((r: any) => String(r.id)));
  const expectedIds = demoFollowing().map((a) => a.id);
  for (const id of expectedIds) expect(ids.has(id), `followed account ${id} stored`).toBe(true);
  const audit = await send(ff.welcome, 'get-following-audit', {});
  expect(audit.viewer).toEqual({ handle: DEMO_VIEWER.handle });
  expect(audit.read).toBe(M);
  expect(audit.total).toBe(M);
  expect(audit.rows).toHaveLength(M);
  // No request left the demo: the extension asked X for nothing of its own.
  expect(foreign).toEqual([]);
});

test('Firefox popup: "N of the 78 accounts you follow mostly sell", all 78 read, the top sellers with their basis', async () => {
  // N as in following.spec.ts: the followed accounts the timeline's posts judged sellers, plus the two by profile.
  const followed = new Set(demoFollowing().map((a) => a.handle.toLowerCase()));
  followedSellersByPosts = (await storedRows('authors'))
    .filter((a: any) => a.judgement?.verdict === 'seller' && followed.has(String(a.handle).toLowerCase()))
    .map((a: any) => a.handle as string)
    .sort();
  const labelled = demoFollowing().filter((a) => a.source === 'seller').map((a) => a.handle);
  expect(labelled).toHaveLength(FOLLOWED_SELLERS);
  expect(followedSellersByPosts.length).toBeGreaterThanOrEqual(3);
  for (const s of followedSellersByPosts) expect(labelled).toContain(s);
  N = followedSellersByPosts.length + PROFILE_ONLY_SELLERS.length;
  test.info().annotations.push({ type: 'N', description: `${N} of ${M}: ${[...followedSellersByPosts, ...PROFILE_ONLY_SELLERS].join(', ')}` });

  const popup = await openPopup();
  await expect.poll(() => textOf(popup, '#audit-summary')).toBe(`${N} of the ${M} accounts you follow mostly sell`);
  const note = await textOf(popup, '.following-summary .audit-read-note');
  expect(note).toMatch(new RegExp(`^Your Following list was last read .+: ${M} of ${M} accounts\\.$`));
  expect(note).not.toContain('Scroll your Following page');
  expect(await textOf(popup, '.following-summary .hint')).toBe(`${Math.round((100 * N) / M)}% of all ${M} accounts you follow`);

  // The reply behind it: the same sellers, on the same grounds, as in Chromium.
  const audit = await send(popup, 'get-following-audit', {});
  expect(audit.sellers).toBe(N);
  const sellers = audit.rows.filter((r: any) => r.verdict === 'seller');
  expect(sellers.filter((r: any) => r.basis === 'profile').map((r: any) => r.handle).sort()).toEqual([...PROFILE_ONLY_SELLERS].sort());
  const byPosts = sellers.filter((r: any) => r.basis === 'posts' || r.basis === 'voice');
  expect(byPosts.map((r: any) => r.handle).sort()).toEqual(followedSellersByPosts);
  expect(sellers.filter((r: any) => r.basis === 'voice').map((r: any) => r.handle)).toEqual(['github']);
  for (const r of byPosts) expect(r.samples.length, `@${r.handle} samples`).toBe(2);

  // The top three the popup lists are the audit's first three sellers, each linking to its profile, with its basis.
  const top = await popup.$$eval('.audit-top li', (lis) =>
    lis.map((li) => ({ handle: li.querySelector('a.handle')!.textContent, href: li.querySelector('a.handle')!.getAttribute('href'), hint: (li.querySelector('.hint') as HTMLElement).innerText.trim() })),
  );
  expect(top.map((t) => t.handle)).toEqual(sellers.slice(0, 3).map((r: any) => `@${r.handle}`));
  for (const t of top) {
    expect(t.href).toBe(`https://x.com/${t.handle!.slice(1)}`);
    expect(t.hint).toMatch(/^(about \d+% of their posts sell|\d+ of \d+ posts seen were selling|judged by profile only|a brand's or organisation's own account: its posts are its marketing)$/);
  }
  expect(await textOf(popup, '.following-summary button.link-button')).toBe('See all accounts you follow…');
  await popup.close();
});

test('Firefox: "See all accounts you follow…" opens the options page\'s audit: all 78, the sellers first, each with its reasons and a link to the profile', async () => {
  const popup = await openPopup();
  const [seeAll] = await popup.$$('xpath/.//button[normalize-space() = "See all accounts you follow…"]');
  await clickClosingItsPage(() => seeAll!.click());
  const options = await ff.find((href) => href === `${ORIGIN}/options.html#following`);
  await options.waitForSelector('.audit-row');
  if (!popup.isClosed()) await popup.close().catch(() => undefined);

  expect(await textOf(options, '.following-audit .audit-summary')).toBe(`${N} of the ${M} accounts you follow mostly sell (${Math.round((100 * N) / M)}% of all ${M} accounts you follow)`);
  expect(await textOf(options, '.following-audit .audit-read-note')).toContain(`${M} of ${M} accounts`);
  // The first 50, then the rest behind "Show 28 more".
  expect(await options.$$eval('.audit-row', (r) => r.length)).toBe(50);
  const [more] = await options.$$(`xpath/.//button[normalize-space() = "Show ${M - 50} more"]`);
  expect(more, `a "Show ${M - 50} more" button`).toBeTruthy();
  await more!.click();
  await expect.poll(() => options.$$eval('.audit-row', (r) => r.length)).toBe(M);

  const rows = await auditRows(options);
  const want = new Set(demoFollowing().map((a) => a.handle.toLowerCase()));
  expect(new Set(rows.map((r) => r.key))).toEqual(want);
  // Sellers first: exactly N of them, the ones the Chromium spec expects.
  expect(rows.slice(0, N).every((r) => r.verdict === 'seller')).toBe(true);
  expect(rows.slice(N).some((r) => r.verdict === 'seller')).toBe(false);
  const sellerHandles = rows.slice(0, N).map((r) => r.handle.slice(1)).sort();
  expect(sellerHandles).toEqual([...followedSellersByPosts, ...PROFILE_ONLY_SELLERS].sort());
  for (const r of rows) expect(r.href, r.handle).toBe(`https://x.com/${r.handle.slice(1)}`);
  for (const r of rows.slice(0, N)) {
    // Each seller with its reasons, readable sentences, and the three choices.
    expect(r.reasons.length, `${r.handle} reasons`).toBeGreaterThan(0);
    expect(r.reasons.every((x) => x.length > 10), `${r.handle} reasons`).toBe(true);
    expect(r.buttons).toEqual([`Always show for ${r.handle}`, `Always hide for ${r.handle}`, `Not a seller for ${r.handle}`]);
    if (PROFILE_ONLY_SELLERS.includes(r.handle.slice(1))) {
      expect(r.basis).toBe('profile');
      expect(r.share).toBe('judged by profile only');
    } else {
      expect(['posts', 'voice']).toContain(r.basis);
      expect(r.share).toMatch(/(^| · )\d+ of \d+ posts seen were selling$/);
      expect(r.samples, `${r.handle} samples`).toBe(2);
    }
  }
  expect(rows.find((r) => r.key === 'github')).toMatchObject({ verdict: 'seller', basis: 'voice' });
  expect(rows.find((r) => r.basis === 'none')?.share).toBe('not enough seen yet');
  await options.close();
});

test('Firefox options page: "Not a seller" on a followed seller takes it off the count, and the choice is there when the page is opened again', async () => {
  let options = await openOptionsAudit();
  // A seller judged by its posts (the first listed, by the options page's order).
  const target = (await auditRows(options)).find((r) => r.verdict === 'seller' && r.basis === 'posts')!;
  expect(target, 'a followed seller judged by its posts').toBeTruthy();
  await options.click(`button[aria-label="Not a seller for ${target.handle}"]`);
  const row = `.audit-row[data-handle="${target.key}"]`;
  await expect.poll(() => textOf(options, `${row} .account-actions`)).toBe('You said: not a seller Undo');
  await expect.poll(() => textOf(options, '.following-audit .audit-summary strong')).toBe(`${N - 1} of the ${M} accounts you follow mostly sell`);
  await options.close();

  // Reopened: still said, still off the count, and on the always-show list.
  options = await openOptionsAudit();
  await expect.poll(() => textOf(options, `${row} .account-actions`)).toBe('You said: not a seller Undo');
  expect(await textOf(options, '.following-audit .audit-summary strong')).toBe(`${N - 1} of the ${M} accounts you follow mostly sell`);
  expect(await options.$(`button[aria-label="Remove @${target.key} from always show"], button[aria-label="Remove @${target.handle.slice(1)} from always show"]`)).not.toBeNull();
  await options.close();
  const popup = await openPopup();
  await expect.poll(() => textOf(popup, '#audit-summary')).toBe(`${N - 1} of the ${M} accounts you follow mostly sell`);
  expect(await popup.$$eval('.audit-top a.handle', (as) => as.map((a) => a.textContent))).not.toContain(target.handle);
  const settings = await send(popup, 'set-settings', {});
  expect(settings.allowList).toContain(target.key);
  await popup.close();
  expect(foreign).toEqual([]);
});
