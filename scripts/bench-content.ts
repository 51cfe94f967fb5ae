// Content-script cost per tweet, on the real saved X markup: reading a tweet article into facts
// (what runs inside the MutationObserver callback, before paint) and the quiet-mode decision.
// Measured under happy-dom, which is slower than a browser's DOM: the figures are an upper bound.
import { Window } from 'happy-dom';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const window = new Window({ url: 'https://x.com/home' });
Object.assign(globalThis, { document: window.document, window, Node: window.Node, HTMLElement: window.HTMLElement, Element: window.Element });

const { findTweetArticles, readTweet } = await import('../src/content/read-tweet');
const { decideQuiet } = await import('../src/shared/quiet-rules');
const { DEFAULT_SETTINGS } = await import('../src/shared/settings');

const files = ['x-tweet-sample.html', 'x-tweet-quote.html', 'x-tweet-quote-video.html'];
document.body.innerHTML = files.map((f) => readFileSync(join(root, 'test/fixtures/x-dom', f), 'utf8')).join('\n');
const articles = findTweetArticles(document.body as unknown as ParentNode);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const runs: number[] = [];
const N = 3000;
for (let r = 0; r < 7; r++) {
  const t0 = performance.now();
  for (let i = 0; i < N; i++) for (const a of articles) readTweet(a);
  runs.push((performance.now() - t0) / (N * articles.length));
}
const verdict = { handle: 'shop', verdict: 'seller' as const, reason: '5 of 7 posts carried shop links' };
const t0 = performance.now();
const M = 1_000_000;
let quiet = 0;
for (let i = 0; i < M; i++) if (decideQuiet('shop', verdict, DEFAULT_SETTINGS).quiet) quiet++;
const decideNs = ((performance.now() - t0) / M) * 1e6;

console.log(`content: readTweet on real X markup (happy-dom, median of 7): ${(median(runs) * 1000).toFixed(1)} µs per tweet, ${Math.round(1000 / median(runs)).toLocaleString('en')} tweets/s`);
console.log(`content: quiet-mode decision: ${decideNs.toFixed(0)} ns per tweet (${quiet === M ? 'ok' : 'mismatch'})`);
