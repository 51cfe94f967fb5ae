// What the Firefox specs share: a tab that sees only the demo X site, and finding a tab by where
// it is. Puppeteer does not follow a tab onto a moz-extension:// page over WebDriver BiDi (its
// url() stays about:blank), so the page itself is asked.
import type { Browser, Page } from 'puppeteer-core';
import { serveDemoX } from '../../demo/x-site';

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
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('page not found');
}
