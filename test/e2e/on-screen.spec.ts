// Nothing moves under the reader, in the built Chrome extension on the demo timeline: a verdict
// that arrives for cells already on screen marks them and collapses them only once scrolled past;
// a new cell of that now-known seller collapses before it is painted.
import { test, expect, type Page } from '@playwright/test';
import { demoManifest } from '../../demo/x-site';
import { openPopup, tabIdOf, type Harness } from '../../scripts/chromium-session';
import { withDemoTimeline } from './demo-timeline';

let h: Harness;
let page: Page;

withDemoTimeline((harness, t) => {
  h = harness;
  page = t;
});

const HANDLE = 'fresh_recovery';

test('a verdict for cells on screen labels them, and they collapse only once scrolled past', async () => {
  // A new author whose posts are those of an author the extension judged a seller on the demo.
  const popup = await openPopup(h, await tabIdOf(h, page));
  const judged: string[] = await popup.evaluate(async () => {
    const data: any = await (globalThis as any).chrome.runtime.sendMessage({ qb: 1, type: 'get-popup-data', payload: {} });
    return data.authors.filter((a: any) => a.verdict === 'seller').map((a: any) => a.handle.toLowerCase());
  });
  await popup.close();
  await page.bringToFront();
  const posts = demoManifest().posts;
  const model = judged.find((h) => posts.filter((p) => p.handle.toLowerCase() === h && !p.isAd).length >= 4);
  expect(model, 'a seller with 4 posts on the demo').toBeDefined();
  const texts = posts.filter((p) => p.handle.toLowerCase() === model).map((p) => p.text);
  expect(texts.length).toBeGreaterThanOrEqual(4);
  const ids = await page.evaluate(
    ({ handle, texts }) => {
      const demo = (window as any).qbDemo;
      const cells: HTMLElement[] = texts.slice(0, 4).map((text: string) => demo.appendPost({ handle, text }));
      // Record every collapse of these cells, and whether the cell was on screen when it happened.
      const log: Array<{ id: string; onScreen: boolean }> = [];
      (window as any).qbCollapses = log;
      const onScreen = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      };
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as HTMLElement;
          if (el.hasAttribute('data-qb-quiet') && r.oldValue === null) log.push({ id: el.getAttribute('data-qb-tweet')!, onScreen: onScreen(el) });
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-qb-quiet'], attributeOldValue: true });
      cells[0]!.scrollIntoView({ block: 'start' });
      return cells.map((c) => c.querySelector('a[href*="/status/"]')!.getAttribute('href')!.split('/').pop()!);
    },
    { handle: HANDLE, texts },
  );
  const cells = page.locator(`[data-qb-author="${HANDLE}"]`);
  await expect(cells).toHaveCount(4);
  // The background judges the author a seller from these posts: the cells on screen are labelled, not collapsed.
  await expect(page.locator(`[data-qb-author="${HANDLE}"][data-qb-pending]`).first()).toBeAttached({ timeout: 15_000 });
  const onScreenNow = await page.evaluate((handle) => {
    return [...document.querySelectorAll(`[data-qb-author="${handle}"]`)]
      .filter((c) => {
        const r = c.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      })
      .map((c) => ({ quiet: c.hasAttribute('data-qb-quiet'), pending: c.getAttribute('data-qb-pending') }));
  }, HANDLE);
  expect(onScreenNow.length).toBeGreaterThan(0);
  for (const c of onScreenNow) expect(c).toEqual({ quiet: false, pending: expect.stringContaining('scroll past') });

  // The reader scrolls back up: the cells leave the screen and fold.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator(`[data-qb-author="${HANDLE}"][data-qb-quiet]`)).toHaveCount(4);
  await expect(page.locator(`[data-qb-author="${HANDLE}"][data-qb-pending]`)).toHaveCount(0);
  const log: Array<{ id: string; onScreen: boolean }> = await page.evaluate(() => (window as any).qbCollapses);
  expect(log.map((l) => l.id).filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
  // No cell at all (these or the demo's other sellers) was collapsed while on screen.
  expect(log.filter((l) => l.onScreen)).toEqual([]);
});

test("that seller's next cell collapses before it is painted", async () => {
  const result = await page.evaluate(async (handle) => {
    const cell: HTMLElement = (window as any).qbDemo.appendPost({ handle, text: 'We recover lost funds, DM us today' });
    cell.scrollIntoView({ block: 'start' });
    return new Promise<{ quiet: boolean; height: number }>((resolve) =>
      requestAnimationFrame(() => resolve({ quiet: cell.hasAttribute('data-qb-quiet'), height: cell.querySelector('article')!.getBoundingClientRect().height })),
    );
  }, HANDLE);
  expect(result).toEqual({ quiet: true, height: 0 });
});
