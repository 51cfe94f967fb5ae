// npm run bench (part): the popup and options pages at size, in Chromium.
//   - popup: time to first figures — from asking for the popup's data to the popup rendered with
//     today's and the week's figures — with 0, 20,000 and 100,000 stored authors, seeded through
//     the background's real code paths (Recorder → Dexie → real IndexedDB, PopupFigures kept as it
//     records). "warm": the worker holds the figures; "cold": a new worker reads them back. The
//     baseline in the same run is what every popup open did before (b18d88e): read every seller
//     and mixed row and every always-show/hide row, and sort them.
//   - options: DOM elements of the options page with 10,000 handles in each list, paged, against
//     the same page with every row (as before paging).
// The last line is one JSON object with every figure.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = (process.env.BENCH_POPUP_SIZES ?? '0,20000,100000').split(',').map(Number);
const SELLER_EVERY = 10; // one author in ten sells (3 shop posts); the others post once
const LIST_SIZE = 1000; // always-show and always-hide handles each

async function bundle(entry: string): Promise<string> {
  const out = await build({ entryPoints: [`${ROOT}${entry}`], bundle: true, write: false, format: 'iife', target: 'chrome111', jsx: 'automatic', jsxImportSource: 'preact', logLevel: 'warning' });
  return out.outputFiles[0]!.text;
}

// A profile on disk: IndexedDB as a user has it (an in-memory one runs out at 100,000 authors).
const profile = mkdtempSync(join(tmpdir(), 'qb-bench-popup-'));
const browser = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = browser.pages()[0] ?? (await browser.newPage());
const popupScript = await bundle('scripts/bench/popup-page.tsx');
const optionsScript = await bundle('scripts/bench/options-page.tsx');
await page.route('https://bench.quietbazaar.test/**', (r) =>
  r.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><div id="app"></div><script>${popupScript.replace(/<\/script/g, '<\\/script')}</script><script>${optionsScript.replace(/<\/script/g, '<\\/script')}</script>` }),
);
await page.goto('https://bench.quietbazaar.test/');

const popup: Record<number, { sellers: number; seedS: number; beforeMs: number; warmMs: number; coldMs: number }> = {};
console.log('popup: time to first figures (median of 7, Chromium, real IndexedDB)');
console.log('  authors   sellers   before: full scan   now, warm   now, cold worker   before ÷ now (cold)');
for (const size of SIZES) {
  const t0 = Date.now();
  const seeded = await page.evaluate(([a, e, l]) => (globalThis as any).qbBench.seed(a, e, l), [size, SELLER_EVERY, LIST_SIZE] as const);
  const seedS = (Date.now() - t0) / 1000;
  const m = await page.evaluate(() => (globalThis as any).qbBench.measure());
  popup[size] = { sellers: seeded.sellers, seedS: +seedS.toFixed(1), beforeMs: +m.before.toFixed(1), warmMs: +m.warm.toFixed(1), coldMs: +m.cold.toFixed(1) };
  console.log(
    `  ${size.toLocaleString('en-US').padStart(7)}   ${seeded.sellers.toLocaleString('en-US').padStart(7)}   ${m.before.toFixed(1).padStart(13)} ms   ${m.warm.toFixed(1).padStart(6)} ms   ${m.cold.toFixed(1).padStart(13)} ms   ${(m.before / m.cold).toFixed(1).padStart(12)}×   (seeded in ${seedS.toFixed(0)} s)`,
  );
}

const dom = await page.evaluate(() => (globalThis as any).qbOptionsBench.measure(10_000));
console.log(`\noptions page with 10,000 + 10,000 handles: ${dom.paged.toLocaleString('en-US')} elements (50 rows a list) vs ${dom.whole.toLocaleString('en-US')} with every row (${(dom.whole / dom.paged).toFixed(0)}× fewer)`);
await browser.close();
rmSync(profile, { recursive: true, force: true });
console.log(JSON.stringify({ popup, options: dom }));
