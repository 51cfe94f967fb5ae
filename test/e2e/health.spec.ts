// When X changes its markup so that tweets can no longer be read, the popup says so plainly
// instead of failing silently.
import { test, expect } from '@playwright/test';
import { launchChromium, openPopup, tabIdOf, type Harness } from '../../scripts/chromium-session';

let h: Harness;
test.afterAll(async () => h?.close());

const UNREADABLE = `<!doctype html><html><body><main role="main"><div data-testid="primaryColumn"><section>
${[1, 2, 3, 4, 5, 6].map((i) => `<div data-testid="cellInnerDiv"><article data-testid="tweet" role="article"><div>A post in a layout we do not know ${i}</div></article></div>`).join('\n')}
</section></div></main></body></html>`;

test("the popup says it can't read a page whose tweets it cannot parse", async () => {
  h = await launchChromium();
  const page = h.context.pages()[0] ?? (await h.context.newPage());
  await page.route('https://x.com/changed-layout', (r) => r.fulfill({ contentType: 'text/html', body: UNREADABLE }));
  await page.goto('https://x.com/changed-layout');
  const popup = await openPopup(h, await tabIdOf(h, page));
  await expect(popup.getByText(/Can't read this page/)).toBeVisible({ timeout: 10_000 });
});
