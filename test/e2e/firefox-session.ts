// What the Firefox specs share: launching Firefox with the extension, a tab that sees only the
// demo X site, reading the demo timeline, opening the extension's pages, and finding a tab by where
// it is. Puppeteer does not follow a tab onto a moz-extension:// page over WebDriver BiDi (its
// url() stays about:blank), so the page itself is asked.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { join } from 'node:path';
import { GECKO_ID } from '../../scripts/build';
import { ROOT } from '../../scripts/chromium-session';
import { serveDemoX } from '../../demo/x-site';

const FIREFOX_DIST = join(ROOT, 'dist', 'firefox');

/** Serves x.com from the demo site; the extension's own pages and data: URLs load; anything else is aborted and listed in `foreign`. */
export async function serveDemoOnly(page: Page, foreign: string[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      // not a URL we serve
    }
    const served = serveDemoX(url);
    if (served) return void req.respond({ status: served.status, contentType: served.contentType, body: served.body });
    if (/(^|\.)(x|twitter)\.com$|twimg\.com$/.test(host)) return void req.respond({ status: 204, body: '' });
    if (url.startsWith('moz-extension:') || url.startsWith('data:')) return void req.continue();
    foreign.push(url);
    return void req.abort();
  });
}

/** Where a tab is, as its page says ('' when it cannot say). */
export const hrefOf = (p: Page): Promise<string> => p.evaluate(() => location.href).catch(() => '');

/** The first tab whose location matches, polled until `timeout`. */
export async function findPage(browser: Browser, matches: (href: string) => boolean, timeout = 10_000): Promise<Page> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    for (const p of await browser.pages()) if (matches(await hrefOf(p))) return p;
    await sleep(100);
  }
  throw new Error('page not found');
}

/** Firefox ESR with the built extension (dist/firefox) installed under a fixed UUID, and `prefs` beside. */
export async function launchFirefox(uuid: string, prefs: Record<string, unknown> = {}): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }), ...prefs },
  });
  await browser.installExtension(FIREFOX_DIST);
  return browser;
}

/**
 * Firefox with the extension, and the welcome page the extension opened on install: an extension
 * page, so it may open the others (page.goto() to moz-extension:// never completes over BiDi).
 */
export class FirefoxExtension {
  private constructor(
    readonly browser: Browser,
    readonly welcome: Page,
    readonly origin: string,
  ) {}

  static async launch(uuid: string, prefs: Record<string, unknown> = {}): Promise<FirefoxExtension> {
    const browser = await launchFirefox(uuid, prefs);
    const origin = `moz-extension://${uuid}`;
    return new FirefoxExtension(browser, await findPage(browser, (href) => href === `${origin}/welcome.html`), origin);
  }

  /** The first tab whose location matches. */
  find(matches: (href: string) => boolean, timeout?: number): Promise<Page> {
    return findPage(this.browser, matches, timeout);
  }

  /**
   * One of the extension's pages (`path` under its origin), opened from the welcome page in a
   * window of its own, once it shows `ready`. Its own window keeps the X tabs the visible tabs of
   * theirs, as under a real popup.
   */
  async open(path: string, ready: string): Promise<Page> {
    const url = `${this.origin}/${path}`;
    await this.welcome.evaluate((u) => void (globalThis as any).browser.windows.create({ url: u, width: 900, height: 1000 }), url);
    const page = await this.find((href) => href === url);
    await page.waitForSelector(ready, { timeout: 10_000 });
    return page;
  }

  /** The popup for the tab `tabId` (as `popup.html?tab=…`), once it shows its data: not only no longer busy, which an error is too. */
  openPopup(tabId: number): Promise<Page> {
    return this.open(`popup.html?tab=${tabId}`, '.popup #noise-today');
  }

  /** A tab on the demo's home timeline, read to its end (only the demo X site reachable: `foreign` lists the rest). */
  async openTimeline(foreign: string[]): Promise<Page> {
    const timeline = await this.browser.newPage();
    await serveDemoOnly(timeline, foreign);
    await timeline.goto('https://x.com/home');
    await timeline.waitForFunction(() => (window as any).qbDemo?.rendered() > 0);
    await readWholeTimeline(timeline);
    return timeline;
  }

  /** The extension's id of the tab at `url`. */
  tabIdOf(url: string): Promise<number> {
    return this.welcome.evaluate(async (u) => ((await (globalThis as any).browser.tabs.query({ url: u }))[0].id as number), url);
  }

  /** Closes the browser; one that does not close in 10 s (e.g. a download cut short by a failed test) is ended. */
  async close(): Promise<void> {
    await Promise.race([this.browser.close(), sleep(10_000).then(() => this.browser.process()?.kill('SIGKILL'))]);
  }
}

/** Scrolls the whole demo home timeline as a reader would (the Chromium specs' loadWholeTimeline), and ends at its end. */
export async function readWholeTimeline(page: Page): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if (await page.evaluate(() => (window as any).qbDemo.done())) break;
    await page.evaluate(() => (window as any).qbDemo.loadMore());
    await sleep(400);
  }
  await sleep(800);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await sleep(300);
}

/** The text a reader sees in the first element matching `selector` ('' while there is none). */
export const textOf = (p: Page, selector: string) =>
  p.evaluate((s) => (document.querySelector(s) as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim() ?? '', selector);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A click on a control that closes its own page (the popup closes itself as it opens the options
 * page): the click's last input event may find the window gone, which is the click's success.
 */
export async function clickClosingItsPage(click: () => Promise<unknown>): Promise<void> {
  await click().catch((e: Error) => {
    if (!/no such frame|BrowsingContext does no longer exist/.test(e.message)) throw e;
  });
}
