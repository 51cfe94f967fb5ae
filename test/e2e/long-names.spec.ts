// Accounts with the longest handle and display name X allows (15 and 50 characters), laid out by
// Chromium with the extension's own stylesheets: the popup's top sellers and dry run, and the
// options page's following audit. The @handle is who the account is: it stays on one line, and
// the name gives way (cut with an ellipsis). Layout needs a real browser, so the views are
// rendered here from data, in a plain page (no extension, no background).
import { test, expect, type Page } from '@playwright/test';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/chromium-session';

const HANDLE = 'DealsDailyHQ_US'; // 15 characters, X's longest
const NAME = 'Deals, Coupons & Discount Codes Every Single Day!!'; // 50 characters, X's longest

// The page: the real views (src/popup, src/options) with the English messages, given accounts
// with long names; `window.qbShow(view)` renders one of them.
const ENTRY = `
import { render } from 'preact';
import { installMessages } from './src/shared/i18n';
import en from './public/_locales/en/messages.json';
import { PopupView } from './src/popup/view';
import { ReviewView } from './src/popup/review';
import { getMockData } from './src/popup/mock-data';
import { FollowingAuditView } from './src/options/following-audit';
installMessages(en, 'en-US');
const noop = () => undefined;
const names = (i) => ({ handle: i === 0 ? ${JSON.stringify(HANDLE)} : 'shop' + i, name: ${JSON.stringify(NAME)} });
window.qbShow = (view) => {
  const root = document.getElementById('app');
  if (view === 'popup') {
    const data = getMockData();
    data.authors = data.authors.map((a, i) => ({ ...a, ...names(i) }));
    const review = { known: true, quietMode: true, rows: [0, 1].map((i) => ({ key: 'r' + i, ...names(i), tweets: 3, wouldHide: 3, verdict: 'seller', reasons: ['3 of 3 posts carried shop links'], override: null })) };
    const extra = <section class="section review-section"><ReviewView data={review} onOverride={noop} /></section>;
    render(<PopupView data={data} actions={{ setQuietMode: noop, setSensitivity: noop, setHideMixed: noop, setHideAds: noop, setExemptFollowed: noop, setOverride: noop }} extra={extra} />, root);
  } else {
    const rows = [0, 1, 2].map((i) => ({ key: 'k' + i, id: String(i), ...names(i), verdict: 'seller', basis: 'posts', sellingShare: 0.8, posts: 5, sellingPosts: 4, reasons: ['4 of 5 posts carried shop links'], samples: [], override: null, notSeller: false }));
    const audit = { viewer: { handle: 'me' }, total: 3, read: 3, lastReadAt: null, reachedEnd: true, sellers: 3, rows };
    render(<main class="options"><section class="section following-audit" id="following"><FollowingAuditView audit={audit} actions={{ override: noop, notSeller: noop }} /></section></main>, root);
  }
};
`;

let browser: Browser;
let bundle = '';

test.beforeAll(async () => {
  const out = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'tsx', sourcefile: 'long-names-page.tsx' },
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  bundle = out.outputFiles[0]!.text;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
});

test.afterAll(async () => {
  await browser?.close();
});

/** A page with the stylesheets the extension's page links (dist/chrome's html shells) and the view rendered. */
async function open(view: 'popup' | 'options', sheets: string[], width: number): Promise<Page> {
  const css = sheets.map((f) => readFileSync(join(ROOT, 'public', f), 'utf8')).join('\n');
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('https://views.quietbazaar.test/', (r) =>
    r.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><meta charset="utf-8"><style>${css}</style><div id="app"></div><script>${bundle.replace(/<\/script/g, '<\\/script')}</script>` }),
  );
  await page.goto('https://views.quietbazaar.test/');
  await page.evaluate((v) => (window as any).qbShow(v), view);
  expect(errors).toEqual([]);
  return page;
}

/** Each account row's @handle: its text, how many lines it takes, and how wide the name beside it is. */
async function handleLines(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const fontSize = parseFloat(getComputedStyle(el).fontSize);
      const name = el.parentElement?.querySelector('.name') as HTMLElement | null;
      return {
        handle: el.textContent,
        lines: Math.round(el.getBoundingClientRect().height / (fontSize * 1.4)),
        nameWidth: name ? name.getBoundingClientRect().width : -1,
      };
    }),
  );
}

test('popup: a 15-character @handle beside a 50-character name stays on one line, in the top sellers and the dry run', async () => {
  const page = await open('popup', ['base.css', 'popup.css', 'audit.css'], 400);
  const rows = await handleLines(page, '.account-id .handle');
  expect(rows.length).toBeGreaterThanOrEqual(5);
  expect(rows.map((r) => r.handle)).toContain(`@${HANDLE}`);
  for (const r of rows) {
    expect(r.lines, `${r.handle} on one line`).toBe(1);
    // The name gives way but is still there, cut with an ellipsis.
    expect(r.nameWidth, `${r.handle}'s name shown`).toBeGreaterThan(30);
  }
  await page.close();
});

test('options, following audit: the @handle stays on one line beside a 50-character name', async () => {
  const page = await open('options', ['base.css', 'options.css', 'audit.css'], 900);
  const rows = await handleLines(page, '.following-audit .account-id .handle');
  expect(rows).toHaveLength(3);
  for (const r of rows) {
    expect(r.lines, `${r.handle} on one line`).toBe(1);
    expect(r.nameWidth, `${r.handle}'s name shown`).toBeGreaterThan(30);
  }
  await page.close();
});
