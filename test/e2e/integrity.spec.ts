// Issue 8 end to end, in Chromium with the built extension: the service worker stopped again and
// again while the timeline streams (counts stay exact, the popup still knows the tab), a browser
// restart (everything kept), and a page script that tries to press our buttons (nothing changes).
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, openPopup, openTimeline, tabIdOf, type Harness } from '../../scripts/chromium-session';

test.describe.configure({ mode: 'serial' });

const profile = mkdtempSync(join(tmpdir(), 'qb-integrity-'));
let h: Harness;
let page: Page;
let seenBeforeRestart = 0;

test.afterAll(async () => {
  await h?.close();
  rmSync(profile, { recursive: true, force: true });
});

async function popupData(tabId?: number): Promise<any> {
  const popup = await openPopup(h, tabId ?? 0);
  const data = await popup.evaluate(
    async (tab) => (globalThis as any).chrome.runtime.sendMessage({ qb: 1, type: 'get-popup-data', payload: tab ? { tabId: tab } : {} }),
    tabId ?? 0,
  );
  await popup.close();
  return data;
}

const idsOnPage = () => page.evaluate(() => new Set([...document.querySelectorAll('[data-qb-tweet]')].map((c) => c.getAttribute('data-qb-tweet'))).size);

test('the worker stopped 10 times while the timeline streams: every tweet counted once, health still known', async () => {
  h = await launchChromium({ profile });
  page = await openTimeline(h);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  let stops = 0;
  for (let i = 0; i < 20; i++) {
    if (await page.evaluate(() => (window as any).qbDemo.done())) break;
    await page.evaluate(() => (window as any).qbDemo.loadMore());
    await page.waitForTimeout(150);
    if (stops < 10) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      stops++;
    }
  }
  expect(stops).toBeGreaterThanOrEqual(5);
  const ids = await idsOnPage();
  const tabId = await tabIdOf(h, page);
  await expect.poll(async () => (await popupData(tabId)).today.seen, { timeout: 20_000 }).toBe(ids);
  // Stopped once more, idle: the popup still knows this tab (health kept in storage.session).
  await cdp.send('ServiceWorker.stopAllWorkers');
  const data = await popupData(tabId);
  expect(data.status).toBe('ok');
  expect(data.health.articlesRead).toBeGreaterThan(0);
  seenBeforeRestart = data.today.seen;
});

test('a page script can neither reach nor press the placeholder: the allow list stays as it was', async () => {
  await page.bringToFront();
  const forged = await page.evaluate(() => {
    const hosts = [...document.querySelectorAll<HTMLElement>('[data-qb-placeholder]')];
    let reached = 0;
    for (const host of hosts) {
      if (host.shadowRoot) reached++;
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    }
    return { hosts: hosts.length, reached };
  });
  expect(forged.hosts).toBeGreaterThan(0);
  expect(forged.reached).toBe(0);
  await page.waitForTimeout(500);
  expect((await popupData()).settings.allowList).toEqual([]);
  expect(await page.locator('[data-qb-quiet]').count()).toBeGreaterThan(0);
});

test('after a browser restart everything is kept', async () => {
  await h.close();
  h = await launchChromium({ profile });
  const data = await popupData();
  expect(data.today.seen).toBe(seenBeforeRestart);
  expect(data.vendorCount).toBeGreaterThan(0);
  page = await openTimeline(h);
  // Known sellers are hidden again on the fresh page, from stored verdicts.
  await expect.poll(() => page.locator('[data-qb-quiet]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
});
