// The options page of the built Chrome extension, driven as a user would: reach it from the
// popup, export after reading the demo timeline, import a file (a bad one, then a good one),
// and "Forget everything", after which the open timeline stops hiding authors without a reload.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openPopup, tabIdOf, type Harness } from '../../scripts/chromium-session';
import { withDemoTimeline } from './demo-timeline';

let h: Harness;
let timeline: Page;
let options: Page;

withDemoTimeline((harness, t) => {
  h = harness;
  timeline = t;
});

const storedCounts = () => options.locator('#stored-counts');

test('the popup\'s "Settings and data…" opens the options page in a tab', async () => {
  const popup = await openPopup(h, await tabIdOf(h, timeline));
  await popup.getByRole('button', { name: 'Settings and data…' }).click();
  // A new tab's URL can still be empty when Playwright announces it, so look for the tab by its
  // URL until it is there, rather than judging the announcement.
  const optionsTab = () => h.context.pages().find((p) => /\/options\.html(#.*)?$/.test(p.url()));
  await expect.poll(() => optionsTab()?.url() ?? '').toMatch(/\/options\.html/);
  options = optionsTab()!;
  await expect(options.getByRole('heading', { name: /settings and data/i })).toBeVisible();
  if (!popup.isClosed()) await popup.close();
  await expect(storedCounts()).not.toContainText('Stored on this computer: 0 tweets seen');
});

test('export downloads a JSON file with the authors judged on the timeline', async () => {
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export to a file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^quiet-bazaar-export-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync((await file.path())!, 'utf8'));
  expect(data).toMatchObject({ format: 'quiet-bazaar-export', version: 1, settings: { quietMode: true } });
  expect(data.authors.length).toBeGreaterThan(5);
  expect(data.authors.some((a: any) => a.verdict === 'seller' && a.reasons.length > 0)).toBe(true);
  expect(data.days.reduce((n: number, d: any) => n + d.seen, 0)).toBeGreaterThan(40);
  await expect(options.getByText(/^Saved quiet-bazaar-export-/)).toBeVisible();
  // No request left the machine (a Blob download is not one).
  expect(h.foreignRequests).toEqual([]);
});

test('a bad import file changes nothing and says why; a good one restores the lists', async () => {
  const input = options.locator('#import-file');
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "quiet-bazaar-export", "version": 1, "settings": {"allowList": ["<img src=x onerror=alert(1)>"]}}') });
  await expect(options.locator('#import-result')).toHaveText(/^Nothing was imported: the always-show list holds .* which is not an X handle\.$/);
  await expect(options.locator('img')).toHaveCount(0);

  const good = {
    format: 'quiet-bazaar-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    settings: { allowList: ['friend_one', 'friend_two'], blockList: ['spam_co'] },
    days: [],
    authors: [],
  };
  await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await expect(options.locator('#import-result')).toHaveText(/^Imported settings: 2 always-show, 1 always-hide account\./);
  await expect(options.getByRole('button', { name: 'Remove @friend_two from always show' })).toBeVisible();
  await expect(options.getByRole('button', { name: 'Remove @spam_co from always hide' })).toBeVisible();
  // Remove from the page, add back through the field; an invalid handle is refused inline.
  await options.getByRole('button', { name: 'Remove @spam_co from always hide' }).click();
  await expect(options.getByRole('button', { name: 'Remove @spam_co from always hide' })).toHaveCount(0);
  const add = options.getByLabel('Add @handle to always hide');
  await add.fill('not a handle!');
  await add.press('Enter');
  await expect(options.locator('#add-block-error')).toContainText('That is not an X handle');
});

test('"Forget everything" asks first, then empties the stats and un-hides the open timeline without reload', async () => {
  await timeline.bringToFront();
  const quietBefore = await timeline.locator('[data-qb-quiet]:not([data-qb-ad])').count();
  expect(quietBefore).toBeGreaterThan(0);
  const navigations: string[] = [];
  timeline.on('framenavigated', (f) => navigations.push(f.url()));

  await options.bringToFront();
  await options.getByRole('button', { name: 'Forget everything…' }).click();
  await expect(options.getByText('Are you sure?')).toBeVisible();
  await options.getByRole('button', { name: 'Delete' }).click();
  await expect(storedCounts()).toHaveText('Stored on this computer: 0 tweets seen, 0 accounts judged, 0 days of stats.');
  await expect(options.getByText(/Your settings and lists were kept/)).toBeVisible();
  // Settings stayed: the imported always-show list is still there.
  await expect(options.getByRole('button', { name: 'Remove @friend_one from always show' })).toBeVisible();

  // Sellers are no longer known, so their tweets show again; only ads stay collapsed...
  await expect(timeline.locator('[data-qb-quiet]:not([data-qb-ad])')).toHaveCount(0);
  // ...until "Hide promoted posts" is turned off on the options page too.
  await options.getByLabel('Hide promoted posts (ads)').uncheck();
  await expect(timeline.locator('[data-qb-quiet]')).toHaveCount(0);
  expect(navigations).toEqual([]);

  const popup = await openPopup(h, await tabIdOf(h, timeline));
  await expect(popup.locator('#noise-today')).toContainText('No tweets seen yet');
  await expect(popup.getByText(/No account judged yet/)).toBeVisible();
  await popup.close();
});
