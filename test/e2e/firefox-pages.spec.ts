// The extension's own pages in Firefox ESR, as a Firefox user meets them: the built extension
// (dist/firefox) driven over WebDriver BiDi by puppeteer-core, as in firefox.spec.ts, with X
// served from the demo site by request interception.
//
//   timeline tab (x.com/home) ◄── settings, verdicts ──► background (event page)
//        ▲ real mouse                                        ▲
//        │ (closed shadow root reached through BiDi)         │ runtime messages
//   placeholder "Show"                      popup.html / options.html, each in its own window
//
// A test's page.goto() to moz-extension://… does not complete over BiDi (Firefox reports no load
// for it, and puppeteer's url() stays about:blank), but the extension's own pages may navigate:
// the welcome page it opens on install opens the popup and options pages with
// browser.windows.create, and the tests find them by asking each page where it is. Each gets its own window, so the timeline stays the visible tab of its
// window, as it is under a real popup (a hidden tab's frames and observers are throttled).
// The export is a real download, into a folder set by the profile's prefs.
import { test, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoManifest } from '../../demo/x-site';
import { clickClosingItsPage, FirefoxExtension, sleep, textOf } from './firefox-session';

const UUID = '3c9e2f41-7d5a-4b8e-b0c6-2a71d4e8f953';
const ORIGIN = `moz-extension://${UUID}`;

let ff: FirefoxExtension;
let timeline: Page;
let timelineTabId: number;
let downloads: string;
const foreign: string[] = [];

test.describe.configure({ mode: 'serial' });

const openPopup = () => ff.openPopup(timelineTabId);
const openOptions = () => ff.open('options.html', '#stored-counts');

/** Cells of the timeline by state: collapsed (with our placeholder), or open with their tweet visible. */
function timelineState(author?: string) {
  return timeline.evaluate((who) => {
    const cells = [...document.querySelectorAll<HTMLElement>('[data-qb-tweet]')].filter((c) => !who || c.getAttribute('data-qb-author') === who);
    const collapsed = cells.filter((c) => c.hasAttribute('data-qb-quiet'));
    return {
      cells: cells.length,
      collapsed: collapsed.length,
      // What the reader sees: a collapsed cell's tweet has no height; an open one has.
      collapsedWithPlaceholder: collapsed.filter((c) => c.querySelector('article')!.getBoundingClientRect().height === 0 && c.querySelector('[data-qb-placeholder]')).length,
      openAndVisible: cells.filter((c) => !c.hasAttribute('data-qb-quiet') && c.querySelector('article')!.getBoundingClientRect().height > 0).length,
    };
  }, author ?? null);
}

const collapsedAuthors = () =>
  timeline.evaluate(() => [...new Set([...document.querySelectorAll('[data-qb-quiet]:not([data-qb-ad])')].map((c) => c.getAttribute('data-qb-author')!))]);


/**
 * The placeholder's shadow root is closed: no page script, and no puppeteer selector, reaches its
 * buttons. WebDriver BiDi does, when asked to serialise closed shadow trees (includeShadowTree:
 * 'all'). The buttons are then pressed with the real mouse, a trusted click, the only kind the
 * placeholder obeys; `scriptClick` presses one as a page script would (untrusted).
 */
async function openClosedPlaceholder(cellSelector: string) {
  const mark = `m${Date.now()}${Math.random().toString(36).slice(2)}`;
  await timeline.bringToFront();
  await timeline.$eval(
    `${cellSelector} [data-qb-placeholder]`,
    (host, m) => {
      host.setAttribute('data-test-mark', m);
      host.scrollIntoView({ block: 'center' });
    },
    mark,
  );
  const realm = (timeline.mainFrame() as any).browsingContext.defaultRealm;
  const call = async (fn: string, args: unknown[], options: object = {}) => {
    const r = await realm.callFunction(fn, true, { arguments: args, resultOwnership: 'none', ...options });
    if (r.type === 'exception') throw new Error(`in the page: ${JSON.stringify(r.exceptionDetails).slice(0, 300)}`);
    return r.result;
  };
  const host = await call(`(m) => document.querySelector('[data-test-mark="' + m + '"]')`, [{ type: 'string', value: mark }], {
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const shadow = host?.value?.shadowRoot;
  if (!shadow?.sharedId) throw new Error('the closed shadow root was not serialised');
  expect(shadow.value?.mode).toBe('closed');
  const root = { sharedId: shadow.sharedId };
  const read = async () =>
    JSON.parse(
      (
        await call(
          `(root) => JSON.stringify({
             text: [...root.childNodes].filter((n) => n.nodeName !== 'STYLE').map((n) => n.textContent).join(' ').replace(/\\s+/g, ' ').trim(),
             buttons: [...root.querySelectorAll('button')].map((b) => { const r = b.getBoundingClientRect(); return { name: b.textContent.trim(), x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width }; }),
           })`,
          [root],
        )
      ).value,
    ) as { text: string; buttons: Array<{ name: string; x: number; y: number; w: number }> };
  const first = await read();
  const button = async (name: RegExp) => {
    const b = (await read()).buttons.find((x) => name.test(x.name));
    if (!b || !(b.w > 0)) throw new Error(`no visible button ${name} in the placeholder: ${JSON.stringify(first.buttons)}`);
    return b;
  };
  return {
    text: first.text,
    buttons: first.buttons.map((b) => b.name),
    async click(name: RegExp) {
      const b = await button(name);
      await timeline.mouse.click(b.x, b.y);
    },
    async scriptClick(name: RegExp) {
      const index = (await read()).buttons.findIndex((x) => name.test(x.name));
      await call(`(root, i) => root.querySelectorAll('button')[i].click()`, [root, { type: 'number', value: index }]);
    },
  };
}

test.beforeAll(async () => {
  downloads = mkdtempSync(join(tmpdir(), 'qb-firefox-downloads-'));
  ff = await FirefoxExtension.launch(UUID, {
    // Downloads go to our folder without asking, as for a user who chose "always save to".
    'browser.download.dir': downloads,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    // The background (an event page in Firefox) sleeps after 1 s idle instead of 30 s, so the
    // pages meet a background that slept and woke, as a user's do after half a minute away.
    'extensions.background.idle.timeout': 1000,
  });
  timeline = await ff.openTimeline(foreign);
  await timeline.evaluate(() => window.scrollTo(0, 0));
  await sleep(300);
  // A marker a reload would lose: nothing below may reload the timeline.
  await timeline.evaluate(() => ((window as any).qbNotReloaded = true));
  // A mark in the background's window: gone once it has slept (the first test waits for that).
  await ff.welcome.evaluate(async () => void ((await (globalThis as any).browser.runtime.getBackgroundPage()).qbTestMark = true));
  timelineTabId = await ff.tabIdOf('https://x.com/home');
});

test.afterAll(async () => {
  await ff?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

test('Firefox popup: the counts equal the tweets the timeline showed, and the accounts that sell come with their reasons', async () => {
  const seen = await timeline.evaluate(() => new Set([...document.querySelectorAll('[data-qb-tweet]')].map((c) => c.getAttribute('data-qb-tweet'))).size);
  const collapsed = (await timelineState()).collapsed;
  expect(seen).toBeGreaterThan(40);
  expect(collapsed).toBeGreaterThan(0);
  // The background has slept since it read the timeline (a mark left in it is gone): the popup wakes it.
  await expect
    .poll(() => ff.welcome.evaluate(async () => (await (globalThis as any).browser.runtime.getBackgroundPage())?.qbTestMark ?? 'asleep since'), { timeout: 15_000 })
    .toBe('asleep since');
  const popup = await openPopup();
  expect(await popup.$eval('#quiet-mode', (e) => (e as HTMLInputElement).checked)).toBe(true);
  // Tweets go to the background in batches: wait until the figures have caught up with the page.
  const counts = new RegExp(`^${seen} tweets seen, (\\d+) of them selling · quiet mode hid ${collapsed}:`);
  await expect.poll(() => textOf(popup, '#noise-today .noise-counts'), { timeout: 10_000 }).toMatch(counts);
  const today = await textOf(popup, '#noise-today');
  const selling = Number(counts.exec(await textOf(popup, '#noise-today .noise-counts'))![1]);
  expect(selling).toBeGreaterThan(0);
  expect(today).toContain(`${Math.round((100 * selling) / seen)}% selling`);
  expect(await textOf(popup, '#noise-week .noise-counts')).toMatch(counts);
  expect(await textOf(popup, '.status-line')).toBe(`Reading this tab: ${seen} tweets read.`);
  // The toolbar badge says today's share too (it follows the figures a moment later).
  await expect
    .poll(() => popup.evaluate(() => (globalThis as any).browser.action.getBadgeText({})))
    .toBe(`${Math.round((100 * selling) / seen)}%`);

  const accounts = await popup.$$eval('.account', (items) =>
    items.map((li) => ({
      handle: li.querySelector('.account-id')!.textContent!.match(/@(\w+)/)![1]!,
      verdict: li.getAttribute('data-verdict'),
      share: (li.querySelector('.account-share') as HTMLElement).innerText,
      reasons: [...li.querySelectorAll('.reasons li')].map((r) => r.textContent!.trim()),
      buttons: [...li.querySelectorAll('button')].map((b) => b.getAttribute('aria-label')),
    })),
  );
  expect(accounts.length).toBeGreaterThan(2);
  const onTimeline = new Set(await collapsedAuthors());
  const people = new Set(demoManifest().posts.filter((p) => p.label === 'not_seller').map((p) => p.handle.toLowerCase()));
  for (const a of accounts) {
    expect(a.verdict, `@${a.handle}`).toBe('seller');
    expect(a.share, `@${a.handle}`).toMatch(/^\d+ of \d+ posts? selling$/);
    expect(a.reasons.length, `@${a.handle} reasons`).toBeGreaterThan(0);
    expect(a.reasons.every((r) => r.length > 10), `@${a.handle} reasons`).toBe(true);
    expect(a.buttons).toEqual([`Always show @${a.handle}`, `Hide @${a.handle}`]);
    // Listed as a seller here, collapsed there; never one of the demo's people.
    expect(onTimeline.has(a.handle.toLowerCase()), `@${a.handle} collapsed on the timeline`).toBe(true);
    expect(people.has(a.handle.toLowerCase()), `@${a.handle} is one of the demo's people`).toBe(false);
  }
  expect(accounts.flatMap((a) => a.reasons).some((r) => /\b\d+ of \d+ posts\b/.test(r))).toBe(true);
  expect(await textOf(popup, 'button.see-all')).toMatch(/^See all \d+ accounts that sell$/);
  await popup.close();
});

test('Firefox popup: the quiet-mode switch opens every collapsed tweet and collapses them again, without a reload', async () => {
  const before = await timelineState();
  expect(before.collapsed).toBeGreaterThan(0);
  expect(before.collapsedWithPlaceholder).toBe(before.collapsed);
  const popup = await openPopup();
  const isOn = () => popup.$eval('#quiet-mode', (e) => (e as HTMLInputElement).checked);
  expect(await isOn()).toBe(true);

  await popup.click('#quiet-mode');
  await expect.poll(isOn).toBe(false);
  expect(await textOf(popup, '#quiet-mode-hint')).toMatch(/^Off: every tweet shows\./);
  await expect.poll(() => timelineState()).toEqual({ cells: before.cells, collapsed: 0, collapsedWithPlaceholder: 0, openAndVisible: before.cells });
  expect(await timeline.evaluate(() => document.querySelectorAll('[data-qb-placeholder]').length)).toBe(0);

  await popup.click('#quiet-mode');
  await expect.poll(isOn).toBe(true);
  await expect.poll(() => timelineState()).toEqual(before);
  // And the choice is kept: a popup opened afresh shows it on.
  await popup.close();
  const again = await openPopup();
  expect(await again.$eval('#quiet-mode', (e) => (e as HTMLInputElement).checked)).toBe(true);
  await again.close();
  expect(await timeline.evaluate(() => (window as any).qbNotReloaded)).toBe(true);
});

test('Firefox: the placeholder says who and why; a script\'s click on "Show" does nothing, the mouse\'s reveals that one tweet', async () => {
  const id = await timeline.$eval('[data-qb-quiet]:not([data-qb-ad])', (c) => c.getAttribute('data-qb-tweet')!);
  const author = await timeline.$eval(`[data-qb-tweet="${id}"]`, (c) => c.getAttribute('data-qb-handle')!);
  const cell = `[data-qb-tweet="${id}"]`;
  const placeholder = await openClosedPlaceholder(cell);
  expect(placeholder.text).toContain(`Quieted @${author}`);
  expect(placeholder.text).toMatch(/ — \S/); // and why
  expect(placeholder.buttons).toEqual(['Show', `Always show @${author}`]);
  const authorBefore = await timelineState(author.toLowerCase());
  expect(authorBefore.collapsed).toBeGreaterThan(0);

  // Untrusted: a page script could do this much, and must not un-hide anything.
  await placeholder.scriptClick(/^Show$/);
  await sleep(300);
  expect(await timeline.$eval(cell, (c) => c.hasAttribute('data-qb-quiet'))).toBe(true);

  await placeholder.click(/^Show$/);
  await expect.poll(() => timeline.$eval(cell, (c) => !c.hasAttribute('data-qb-quiet') && c.querySelector('article')!.getBoundingClientRect().height > 0)).toBe(true);
  // That tweet only: the author's other tweets stay collapsed.
  expect((await timelineState(author.toLowerCase())).collapsed).toBe(authorBefore.collapsed - 1);
  // And it offers "Hide again" in its place.
  expect(await timeline.$eval(cell, (c) => !!c.querySelector('[data-qb-undo]'))).toBe(true);
});

test('Firefox: "Always show" in the popup opens that account\'s tweets (Undo collapses them); "always hide" on the options page collapses a person\'s', async () => {
  const popup = await openPopup();
  await popup.waitForSelector('.account .account-id');
  const seller = await popup.$eval('.account .account-id', (e) => e.textContent!.match(/@(\w+)/)![1]!);
  const key = seller.toLowerCase();
  const before = await timelineState(key);
  expect(before.collapsed).toBeGreaterThan(0);

  await popup.click(`button[aria-label="Always show @${seller}"]`);
  await expect.poll(() => timelineState(key)).toMatchObject({ collapsed: 0, openAndVisible: before.cells });
  await expect.poll(() => textOf(popup, '.account:first-child .account-actions')).toMatch(/^You always show this account Undo$/);
  // The other sellers stay collapsed.
  expect((await timelineState()).collapsed).toBeGreaterThan(0);

  await popup.click(`button[aria-label="Undo always show for @${seller}"]`);
  await expect.poll(() => timelineState(key)).toEqual(before);
  await popup.close();

  // A person of the demo, shown in full on the timeline, hidden by the user's choice.
  const people = new Set(demoManifest().posts.filter((p) => p.label === 'not_seller').map((p) => p.handle.toLowerCase()));
  const person = await timeline.evaluate(
    (list) => [...document.querySelectorAll('[data-qb-tweet]:not([data-qb-quiet])')].map((c) => c.getAttribute('data-qb-author')!).find((a) => list.includes(a))!,
    [...people],
  );
  expect(person).toBeTruthy();
  const personBefore = await timelineState(person);
  expect(personBefore).toMatchObject({ collapsed: 0 });

  const options = await openOptions();
  await options.type('#add-block', `@${person}`);
  await options.keyboard.press('Enter');
  const removeButton = `button[aria-label="Remove @${person} from always hide"]`;
  await options.waitForSelector(removeButton);
  await expect.poll(() => timelineState(person)).toEqual({ cells: personBefore.cells, collapsed: personBefore.cells, collapsedWithPlaceholder: personBefore.cells, openAndVisible: 0 });
  const cell = `[data-qb-author="${person}"][data-qb-quiet]`;
  expect((await openClosedPlaceholder(cell)).text).toContain(`Quieted @${person} — you chose to hide this account`);

  await options.click(removeButton);
  await expect.poll(() => timelineState(person)).toEqual(personBefore);
  await options.close();
  expect(await timeline.evaluate(() => (window as any).qbNotReloaded)).toBe(true);
});

test('Firefox options page: the exported file is imported again; a broken file is refused with the reason and changes nothing', async () => {
  // Reached as a user does: the popup's "Settings and data…".
  const popup = await openPopup();
  await clickClosingItsPage(() => popup.click('.footer .link-button'));
  const options = await ff.find((href) => href.startsWith(`${ORIGIN}/options.html`));
  await options.waitForSelector('#stored-counts');
  if (!popup.isClosed()) await popup.close().catch(() => undefined);
  const stored = await textOf(options, '#stored-counts');
  expect(stored).toMatch(/^Stored on this computer: \d+ tweets seen, \d+ accounts judged, \d+ days? of stats\.$/);
  expect(stored).not.toContain(' 0 tweets seen');

  // A list to export: one account always shown.
  await options.type('#add-allow', '@friend_one');
  await options.keyboard.press('Enter');
  await options.waitForSelector('button[aria-label="Remove @friend_one from always show"]');

  const [exportButton] = await options.$$('xpath/.//button[normalize-space() = "Export to a file"]');
  await exportButton!.click();
  // Firefox writes a download under other names first (a ".part" file, a random temporary one)
  // and renames it when done: wait for the export's own name, then for it alone.
  const exportName = /^quiet-bazaar-export-\d{4}-\d{2}-\d{2}\.json$/;
  const files = () => readdirSync(downloads).filter((f) => !f.endsWith('.part'));
  await expect.poll(() => files().filter((f) => exportName.test(f)).length).toBe(1);
  const name = files().find((f) => exportName.test(f))!;
  await expect.poll(files).toEqual([name]);
  await expect.poll(() => options.evaluate(() => document.body.innerText)).toContain(`Saved ${name}:`);
  const path = join(downloads, name);
  // The download may still be being written when it appears.
  await expect.poll(() => { try { return JSON.parse(readFileSync(path, 'utf8')).format; } catch { return 'incomplete'; } }).toBe('quiet-bazaar-export');
  const text = readFileSync(path, 'utf8');
  const data = JSON.parse(text);
  expect(data).toMatchObject({ format: 'quiet-bazaar-export', version: 1, settings: { quietMode: true, allowList: ['friend_one'], blockList: [] } });
  expect(data.authors.length).toBeGreaterThan(5);
  expect(data.authors.some((a: any) => a.verdict === 'seller' && a.reasons.length > 0)).toBe(true);
  expect(data.days.reduce((n: number, d: any) => n + d.seen, 0)).toBeGreaterThan(40);

  // The lists change after the export...
  await options.click('button[aria-label="Remove @friend_one from always show"]');
  await options.type('#add-block', '@spam_co');
  await options.keyboard.press('Enter');
  await options.waitForSelector('button[aria-label="Remove @spam_co from always hide"]');
  await expect.poll(() => options.$('button[aria-label="Remove @friend_one from always show"]')).toBeNull();

  // ...and importing the exported file, through the page's file field, puts them back.
  const input = (await options.$('input#import-file'))!;
  await input.uploadFile(path);
  await expect.poll(() => textOf(options, '#import-result')).toBe(
    'Imported settings: 1 always-show, 0 always-hide accounts. Verdicts and stats in the file were not imported.',
  );
  await options.waitForSelector('button[aria-label="Remove @friend_one from always show"]');
  await expect.poll(() => options.$('button[aria-label="Remove @spam_co from always hide"]')).toBeNull();

  // A broken file: the same export cut short. Nothing is imported, and the page says why.
  const broken = join(downloads, 'broken.json');
  writeFileSync(broken, text.slice(0, Math.floor(text.length / 2)));
  await options.type('#add-block', '@spam_co');
  await options.keyboard.press('Enter');
  await options.waitForSelector('button[aria-label="Remove @spam_co from always hide"]');
  await input.uploadFile(broken);
  await expect.poll(() => textOf(options, '#import-result')).toBe('Nothing was imported: the file is not valid JSON.');
  // A file that parses but carries markup where a handle belongs: refused whole, never rendered.
  const hostile = join(downloads, 'hostile.json');
  writeFileSync(hostile, JSON.stringify({ ...data, settings: { ...data.settings, allowList: ['friend_two', '<img src=x onerror=alert(1)>'], blockList: [] } }));
  await input.uploadFile(hostile);
  await expect.poll(() => textOf(options, '#import-result')).toMatch(/^Nothing was imported: the always-show list holds .* which is not an X handle\.$/);
  expect(await options.$$eval('img', (i) => i.length)).toBe(0);
  // Nothing lost: both lists as they were, the stored data as it was.
  expect(await options.$('button[aria-label="Remove @friend_one from always show"]')).not.toBeNull();
  expect(await options.$('button[aria-label="Remove @spam_co from always hide"]')).not.toBeNull();
  expect(await options.$('button[aria-label="Remove @friend_two from always show"]')).toBeNull();
  expect(await textOf(options, '#stored-counts')).toBe(stored);
  await options.close();
  expect(foreign).toEqual([]);
});
