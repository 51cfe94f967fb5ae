// The page-world reader in Chromium: X's page gets exactly the response it would get without us,
// through fetch and through XMLHttpRequest, while the extension reads the tweets and users in it
// and the popup shows reasons only X's API could give (here: a business account).
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGraphqlResponse } from '../../src/page-world/parse-graphql';
import { ROOT, launchChromium, openPopup, openTimeline, tabIdOf, type Harness } from '../../scripts/chromium-session';

const FIXTURE = readFileSync(join(ROOT, 'test/fixtures/x-api/raw_user_tweets.json'), 'utf8');
const URL_PATH = '/i/api/graphql/qbE2eUserTweetsHash/UserTweets?variables=%7B%22userId%22%3A%2242%22%7D';

let h: Harness;
let page: Page;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  h = await launchChromium();
  page = await openTimeline(h);
  await page.route('**/i/api/graphql/qbE2eUserTweetsHash/UserTweets*', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', headers: { 'x-qb-probe': 'same' }, body: FIXTURE }),
  );
});

test.afterAll(async () => {
  await h?.close();
});

async function apiTweetsSeen(): Promise<number> {
  const tabId = await tabIdOf(h, page);
  const popup = await openPopup(h, tabId);
  const data = await popup.evaluate(
    async (id) => (globalThis as any).chrome.runtime.sendMessage({ qb: 1, type: 'get-popup-data', payload: { tabId: id } }),
    tabId,
  );
  await popup.close();
  await page.bringToFront();
  return data.health?.apiTweets ?? 0;
}

test('fetch: the page gets the identical body and headers', async () => {
  const before = await apiTweetsSeen();
  const got = await page.evaluate(async (url) => {
    const r = await fetch(url);
    return { status: r.status, type: r.headers.get('content-type'), probe: r.headers.get('x-qb-probe'), body: await r.text() };
  }, URL_PATH);
  expect(got.status).toBe(200);
  expect(got.type).toBe('application/json; charset=utf-8');
  expect(got.probe).toBe('same');
  expect(got.body === FIXTURE).toBe(true);
  await expect.poll(apiTweetsSeen, { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 41);
});

test('XMLHttpRequest (text and json): the page gets the identical body', async () => {
  const before = await apiTweetsSeen();
  const got = await page.evaluate(async (url) => {
    const load = (type: XMLHttpRequestResponseType) =>
      new Promise<any>((resolve, reject) => {
        const x = new XMLHttpRequest();
        x.open('GET', url);
        x.responseType = type;
        x.onload = () => resolve({ status: x.status, probe: x.getResponseHeader('x-qb-probe'), body: type === 'json' ? x.response : x.responseText });
        x.onerror = reject;
        x.send();
      });
    return { text: await load(''), json: await load('json') };
  }, URL_PATH);
  expect(got.text.status).toBe(200);
  expect(got.text.probe).toBe('same');
  expect(got.text.body === FIXTURE).toBe(true);
  expect(got.json.body).toEqual(JSON.parse(FIXTURE));
  await expect.poll(apiTweetsSeen, { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 82);
});

test("the popup shows reasons only X's API knows, for authors seen on the page", async () => {
  // X renders the tweets of that response: the DOM shows text, the API knew the account type.
  const { tweets } = parseGraphqlResponse(JSON.parse(FIXTURE));
  const dev = tweets.filter((t) => t.authorHandle === 'XDevelopers' && !t.isRepost);
  expect(dev.length).toBeGreaterThanOrEqual(3);
  for (const t of dev) {
    await page.evaluate((p) => (window as any).qbDemo.appendPost(p), { id: t.id, handle: t.authorHandle, name: t.authorName, text: t.text });
  }
  const popup = await openPopup(h, await tabIdOf(h, page));
  const row = popup.getByRole('listitem').filter({ hasText: '@XDevelopers' });
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(row).toContainText('registered as a business account');
  await popup.close();
});

test('no request left the machine', async () => {
  expect(h.foreignRequests).toEqual([]);
});
