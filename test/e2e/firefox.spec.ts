// The built Firefox extension (dist/firefox) in Debian's Firefox ESR, driven over WebDriver BiDi
// by puppeteer-core (no geckodriver). X is served from the demo site by request interception.
import { test, expect } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import { findPage, launchFirefox, serveDemoOnly } from './firefox-session';

const UUID = '5b0f5d3a-0c1e-4d7e-9a51-6f2f0b9e7c11';

let browser: Browser;
let page: Page;
const foreign: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  browser = await launchFirefox(UUID);
  // The extension opens its welcome page on install; close it so the timeline is the active tab.
  await findPage(browser, (href) => href === `moz-extension://${UUID}/welcome.html`)
    .then((p) => p.close())
    .catch(() => undefined);
  page = await browser.newPage();
  await serveDemoOnly(page, foreign);
  await page.goto('https://x.com/home');
  await page.waitForFunction(() => (window as any).qbDemo?.rendered() > 0);
});

test.afterAll(async () => {
  await browser?.close();
});

test('Firefox: the extension loads and reads the timeline', async () => {
  await page.waitForFunction(() => document.querySelectorAll('[data-qb-tweet]').length > 0, { timeout: 15_000 });
  const read = await page.evaluate(() => document.querySelectorAll('[data-qb-tweet]').length);
  const rendered = await page.evaluate(() => (window as any).qbDemo.rendered());
  expect(read).toBe(rendered);
});

test("Firefox: the page-world reader's data reaches the content script (an ad X marked only in its API response)", async () => {
  // The demo's first GraphQL page carries a real promoted entry. A cell for that tweet without
  // any "Ad" label in its markup can only be known as an ad from the API response.
  const adId = '1667220696295178240';
  const cell = await page.evaluate(async (id) => {
    const c: HTMLElement = (window as any).qbDemo.appendPost({ id, handle: 'tordosweet_co', text: 'A post with no ad label in its markup' });
    await new Promise((r) => requestAnimationFrame(r));
    return { ad: c.hasAttribute('data-qb-ad'), quiet: c.hasAttribute('data-qb-quiet'), label: /\bAd\b/.test(c.textContent ?? '') };
  }, adId);
  expect(cell).toEqual({ ad: true, quiet: true, label: false });
});

test("Firefox: quiet mode collapses a seller's tweets, and a known seller's new tweet before paint", async () => {
  for (let i = 0; i < 20; i++) {
    if (await page.evaluate(() => (window as any).qbDemo.done())) break;
    await page.evaluate(() => (window as any).qbDemo.loadMore());
    await new Promise((r) => setTimeout(r, 400));
  }
  // A seller's cell (an ad's author is not a seller). Cells on screen fold only once scrolled past, so look below the fold.
  await page.waitForFunction(() => document.querySelectorAll('[data-qb-quiet]:not([data-qb-ad])').length > 0, { timeout: 15_000 });
  const seller = await page.evaluate(() => document.querySelector('[data-qb-quiet]:not([data-qb-ad])')!.getAttribute('data-qb-handle')!);
  const result = await page.evaluate(async (handle) => {
    const cell: HTMLElement = (window as any).qbDemo.appendPost({ handle, text: 'New drop, use code SAVE20' });
    const article = cell.querySelector('article')!;
    return new Promise<{ quiet: boolean; height: number }>((resolve) =>
      requestAnimationFrame(() => resolve({ quiet: cell.hasAttribute('data-qb-quiet'), height: article.getBoundingClientRect().height })),
    );
  }, seller);
  expect(result).toEqual({ quiet: true, height: 0 });
  expect(foreign).toEqual([]);
});
