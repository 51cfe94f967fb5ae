// `npm start`, the main job: build both browsers' extensions, then run the Chrome build on the
// bundled demo X timeline (real posts from test/fixtures, served at https://x.com/home with no
// network), turn quiet mode on, scroll, and report what the extension read and decided, with
// screenshots of the timeline and the popup in out/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBrowser } from './browsers';
import { buildAll } from './build';
import { ROOT, launchChromium, loadWholeTimeline, openPopup, openTimeline, readWholeFollowing, storedAuthors, tabIdOf } from './chromium-session';

async function main(): Promise<void> {
  const chromiumPath = ensureBrowser('chromium');
  process.env.CHROMIUM_PATH = chromiumPath;
  await buildAll({ zip: true });

  const out = join(ROOT, 'out');
  mkdirSync(out, { recursive: true });
  const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
  console.log(`\nRunning dist/chrome in ${chromiumPath} (${headless ? 'headless' : 'windowed'}) on the demo timeline…`);
  const h = await launchChromium({ headless });
  try {
    const page = await openTimeline(h);
    const tabId = await tabIdOf(h, page);

    // Turn quiet mode on from the popup, as a user would.
    const popup = await openPopup(h, tabId);
    const toggle = popup.getByRole('switch', { name: 'Quiet mode' });
    // The switch is disabled until the background has answered with the settings.
    await popup.waitForFunction(() => {
      const s = document.querySelector<HTMLInputElement>('input[role="switch"]');
      return !!s && !s.disabled;
    });
    if (!(await toggle.isChecked())) {
      await toggle.click();
      await popup.waitForFunction(() => document.querySelector<HTMLInputElement>('input[role="switch"]')?.checked === true);
    }
    await popup.close();

    await page.bringToFront();
    await loadWholeTimeline(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(out, 'timeline.png') });
    // A second shot further down, where collapsed sellers sit among people.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, 'timeline-scrolled.png') });

    const popup2 = await openPopup(h, tabId);
    await popup2.setViewportSize({ width: 380, height: 900 });
    await popup2.getByRole('switch', { name: 'Quiet mode' }).waitFor();
    await popup2.waitForTimeout(300);
    await popup2.screenshot({ path: join(out, 'popup.png'), fullPage: true });
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('[data-qb-tweet]')].map((c) => ({
        id: c.getAttribute('data-qb-tweet')!,
        author: c.getAttribute('data-qb-handle')!,
        quiet: c.hasAttribute('data-qb-quiet'),
      })),
    );
    // The page tells the background what it hid in its next batch (at most every 2 s while busy):
    // read the counts once they caught up with the page, or after 6 s.
    const popupData = () => popup2.evaluate((id) => (globalThis as any).chrome.runtime.sendMessage({ qb: 1, type: 'get-popup-data', payload: { tabId: id } }), tabId);
    let data: any = await popupData();
    for (let i = 0; i < 30 && data.today.hidden < cells.filter((c) => c.quiet).length; i++) {
      await popup2.waitForTimeout(200);
      data = await popupData();
    }
    // Read-only look into the database for the report.
    const verdicts = (await storedAuthors(h)).map((a) => ({ handle: a.handle, verdict: a.judgement.verdict, posts: a.judgement.posts, selling: a.judgement.sellingPosts, reason: a.judgement.reasons[0] ?? '' }));

    // Following audit: scroll the demo viewer's Following page to the end, then the audit.
    const followingPage = await readWholeFollowing(h);
    const auditPage = await h.context.newPage();
    await auditPage.setViewportSize({ width: 900, height: 1400 });
    await auditPage.goto(`chrome-extension://${h.extensionId}/options.html#following`);
    await auditPage.locator('.audit-row').first().waitFor();
    await auditPage.waitForTimeout(300);
    // The top of the audit: the summary and the accounts that sell most.
    const box = await auditPage.locator('#following').evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
    });
    await auditPage.screenshot({ path: join(out, 'audit.png'), clip: { ...box, height: Math.min(box.height, 1300) }, fullPage: true });
    const audit: any = await auditPage.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ qb: 1, type: 'get-following-audit', payload: {} }));
    const auditPopup = await openPopup(h, await tabIdOf(h, followingPage));
    await auditPopup.setViewportSize({ width: 380, height: 700 });
    await auditPopup.locator('#audit-summary').waitFor();
    await auditPopup.locator('.following-summary').screenshot({ path: join(out, 'audit-popup.png') });

    const count = (v: string) => verdicts.filter((a) => a.verdict === v).length;
    const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
    console.log('\n=== Quiet Bazaar demo report');
    console.log(`tweets read on the page:   ${new Set(cells.map((c) => c.id)).size}`);
    console.log(`authors judged:            ${verdicts.length} (seller ${count('seller')}, mixed ${count('mixed')}, conversationalist ${count('conversationalist')}, unknown ${count('unknown')})`);
    console.log(`noise ratio today:         ${pct(data.today.selling, data.today.seen)} (${data.today.selling} of ${data.today.seen} tweets were selling)`);
    console.log(`hidden by quiet mode:      ${data.today.hidden} tweets (${cells.filter((c) => c.quiet).length} collapsed on screen now)`);
    console.log(`reader health:             ${data.status}`);
    console.log(`network requests of its own: ${h.foreignRequests.length}`);
    const auditSellers = audit.rows.filter((r: any) => r.verdict === 'seller' && !r.notSeller);
    console.log(`following: ${audit.sellers} of ${audit.total ?? audit.read} mostly sell (${audit.read} of ${audit.total ?? '?'} read on @${audit.viewer?.handle ?? '?'}/following; ${auditSellers.filter((r: any) => r.basis === 'profile').length} judged by profile only)`);
    for (const r of auditSellers) console.log(`  @${r.handle.padEnd(20)} ${(r.basis === 'profile' ? 'by profile only' : `${r.sellingPosts}/${r.posts} posts selling`).padEnd(17)} ${r.reasons[0] ?? ''}`);
    console.log('\nverdicts (sellers and mixed first):');
    const order = { seller: 0, mixed: 1, conversationalist: 2, unknown: 3 } as Record<string, number>;
    for (const a of verdicts.sort((x, y) => order[x.verdict]! - order[y.verdict]! || y.posts - x.posts)) {
      console.log(`  @${a.handle.padEnd(20)} ${a.verdict.padEnd(17)} ${String(a.selling).padStart(2)}/${String(a.posts).padEnd(3)} ${a.reason}`);
    }
    console.log(`\nscreenshots: ${join('out', 'timeline.png')}, ${join('out', 'timeline-scrolled.png')}, ${join('out', 'popup.png')}, ${join('out', 'audit.png')}, ${join('out', 'audit-popup.png')}`);
    console.log('extensions: dist/chrome (load unpacked), dist/firefox (about:debugging), zips in dist/');
    if (!cells.length) throw new Error('the extension read no tweet from the demo timeline');
    if (!cells.some((c) => c.quiet)) throw new Error('quiet mode collapsed nothing on the demo timeline');
    if (!audit.read) throw new Error('the following audit read nothing from the demo Following page');
  } finally {
    await h.close();
  }
}

main().catch((err) => {
  console.error(`npm start failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
