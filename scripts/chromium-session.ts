// Starts Debian's Chromium with the built extension (dist/chrome) and serves X from the bundled
// demo site through context.route: no request leaves the machine. Every request that is not to
// an X host or to the extension itself is aborted and recorded, so a test can assert the
// extension made none of its own.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDemoX } from '../demo/x-site';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROME_DIST = join(ROOT, 'dist', 'chrome');

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** URLs the browser tried to reach outside X and the extension (all aborted). */
  foreignRequests: string[];
  close(): Promise<void>;
}

/** X's own hosts: the page (not the extension) loads from these; we answer them locally. */
const isXHost = (host: string) => /(^|\.)(x|twitter)\.com$/.test(host) || /(^|\.)twimg\.com$/.test(host);

export async function launchChromium(
  options: { headless?: boolean; dist?: string; keepWelcome?: boolean; colorScheme?: 'light' | 'dark'; env?: Record<string, string>; profile?: string } = {},
): Promise<Harness> {
  const dist = options.dist ?? CHROME_DIST;
  // A given profile is kept on close (a test restarts the browser on it); a temporary one is removed.
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'qb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    viewport: { width: 1100, height: 900 },
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    // Chromium on Linux takes its UI language (which chrome.i18n follows) from LANGUAGE, when
    // that language's pack is installed (Debian: chromium-l10n).
    ...(options.env ? { env: { ...process.env, ...options.env } as Record<string, string> } : {}),
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const foreignRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      // fall through: not a URL we serve
    }
    if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return route.continue();
    if (isXHost(host)) {
      const served = serveDemoX(url);
      if (served) return route.fulfill({ status: served.status, contentType: served.contentType, body: served.body });
      // Images and scripts X would load: answer empty rather than let them leave the machine.
      return route.fulfill({ status: 204, body: '' });
    }
    foreignRequests.push(url);
    return route.abort();
  });
  // The extension opens its welcome page once, on install; tests that are not about it close it.
  if (!options.keepWelcome) {
    context.on('page', (p) => {
      if (p.url().endsWith('/welcome.html')) void p.close().catch(() => undefined);
      else p.once('load', () => p.url().endsWith('/welcome.html') && void p.close().catch(() => undefined));
    });
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    foreignRequests,
    async close() {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Open the X home timeline and wait until the demo app rendered its first cells. */
export async function openTimeline(h: Harness, url = 'https://x.com/home'): Promise<Page> {
  const page = h.context.pages()[0] ?? (await h.context.newPage());
  await page.goto(url);
  await page.waitForFunction(() => (window as any).qbDemo?.rendered() > 0);
  return page;
}

/** The tab id of `page`, as the extension sees it (the popup is given it with ?tab=). */
export async function tabIdOf(h: Harness, page: Page): Promise<number> {
  await page.bringToFront();
  // By URL when it names one tab: the welcome page, opened on install, may be the active tab.
  return h.worker.evaluate(async (url) => {
    const same = (await chrome.tabs.query({ url })).filter((t: { url?: string }) => t.url === url);
    if (same.length === 1) return same[0]!.id!;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  }, page.url());
}

export async function openPopup(h: Harness, tabId: number): Promise<Page> {
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** Scroll through the whole demo timeline, letting the extension read and judge each page. */
export async function loadWholeTimeline(page: Page): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const done = await page.evaluate(() => (window as any).qbDemo.done());
    if (done) break;
    await page.evaluate(() => (window as any).qbDemo.loadMore());
    await page.waitForTimeout(400);
  }
  await page.waitForTimeout(800);
  // A reader scrolls through what loaded: cells judged while on screen fold once scrolled past.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(300);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
}

declare const chrome: any;

/** Following audit: open the demo viewer's Following page in a new tab and scroll it to the end. */
export async function readWholeFollowing(h: Harness, url = 'https://x.com/qb_demo_you/following'): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as any).qbFollowing?.rendered() > 0);
  for (let i = 0; i < 50; i++) {
    if (await page.evaluate(() => (window as any).qbFollowing.done())) break;
    // As a user would: scroll to the bottom, and the page asks X for the next page.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.evaluate(() => (window as any).qbFollowing.loadMore());
    await page.waitForTimeout(200);
  }
  // The page tells the background one list page per batch (at most every 2 s while busy): wait
  // until it has stored every account the page shows, or 15 s.
  const shown: number = await page.evaluate(() => (window as any).qbFollowing.rendered());
  for (let i = 0; i < 75 && (await storedFollowing(h)) < shown; i++) await page.waitForTimeout(200);
  return page;
}

/** How many accounts of the Following list the extension has stored (a read-only look). */
async function storedFollowing(h: Harness): Promise<number> {
  return h.worker.evaluate(async () => {
    const open = indexedDB.open('quiet-bazaar');
    const db: IDBDatabase = await new Promise((res, rej) => {
      open.onsuccess = () => res(open.result);
      open.onerror = () => rej(open.error);
    });
    try {
      const count = db.transaction('following').objectStore('following').count();
      return await new Promise<number>((res, rej) => {
        count.onsuccess = () => res(count.result);
        count.onerror = () => rej(count.error);
      });
    } finally {
      db.close();
    }
  });
}

/** Every author row in the extension's database, as stored (a read-only look, for reports and tests). */
export async function storedAuthors(h: Harness): Promise<any[]> {
  return h.worker.evaluate(async () => {
    const open = indexedDB.open('quiet-bazaar');
    const db: IDBDatabase = await new Promise((res, rej) => {
      open.onsuccess = () => res(open.result);
      open.onerror = () => rej(open.error);
    });
    const rows: any[] = await new Promise((res, rej) => {
      const r = db.transaction('authors').objectStore('authors').getAll();
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return rows;
  });
}
