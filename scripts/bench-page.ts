// Page benchmark: what the extension costs the page, measured against the bare page in the same run.
//
//   for each repetition × mode (virtualised: newest 40 cells kept | kept: every cell) × variant (bare | extension), interleaved:
//     Debian's Chromium (playwright-core) ─▶ https://x.com/home served from demo/ (no network)
//       ─▶ qbDemo.stream(): real fixture tweets (demo/bench-timeline.ts), 5 cells every 50 ms, 1 in 10 a promoted tweet,
//          the viewport following the newest cell as a reader scrolling the stream
//       ─▶ page main thread (CDP Performance.getMetrics, thread time): script, layout, style
//       ─▶ long tasks; process CPU (CDP SystemInfo.getProcessInfo: page renderer, extension renderer, browser + utilities)
//       ─▶ page heap after GC at the mark (2,000 cells) and at the end; service worker heap after GC
//       ─▶ in the page, every frame: cells on screen that show an ad or a tweet of an author the extension had
//          already quieted when the cell was inserted; cells collapsed or revealed while on screen
//   ─▶ table of ratios (medians of the repetitions) with the targets beside them; the last line is one JSON object.
//
//   QB_BENCH_QUICK=1       400 cells, 1 repetition (about a minute)
//   QB_BENCH_CELLS=N       cells to stream (default 10000; the mark stays at 2000)
//   QB_BENCH_REPS=N        repetitions (default 3)
//   QB_BENCH_MODES=LIST    virtualised,kept (default both)
//   QB_BENCH_DIST=DIR      the extension to measure (default: build dist/chrome from this tree); several, each
//                          against the same bare page in one interleaved run: before=DIR1,after=DIR2
//   QB_BENCH_READER=FILE   read-tweet.ts whose per-tweet cost is measured in the browser (default: this tree's);
//                          with several extensions: before=FILE1,after=FILE2
//   QB_BENCH_PROFILE=1     also print where the page's and the service worker's script time went (extension runs)
//                          (profiling costs: a profiled run's own figures, the extension's CPU above all, are not
//                          comparable with an unprofiled run's)
//   QB_BENCH_PROFILE=DIR   the same, and save each extension run's profiles in DIR as .cpuprofile files (the whole
//                          call tree: Chrome DevTools' Performance panel opens it)
//   QB_BENCH_TRACE=DIR     also save a Chromium trace of each run's stream (every variant, the bare page too) in DIR:
//                          each task of the page's main thread with the script it ran and what ran inside it
//                          (compiling, GC), for scripts/trace-attribution.ts. Unsampled, unlike the profile
//   QB_BENCH_SNAPSHOT=DIR  also save a heap snapshot of the page at the end of each run, in DIR (and of the
//                          service worker, *.worker.heapsnapshot, for extension runs)
//   QB_BENCH_CONTROL=0     leave out the control: the first extension with its two page scripts emptied (same
//                          manifest, same background, nothing run in the page), measured in the same interleaved
//                          run. What any extension loaded on x.com costs in this harness, and the floor under
//                          every ratio above it (its own ratio to the bare page is this machine's noise plus
//                          one isolated world).
//
// The machine may be shared: only ratios within one run mean anything.
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { build } from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildAll } from './build';
import { CHROME_DIST, ROOT } from './chromium-session';
import { serveDemoX } from '../demo/x-site';
import { benchTimeline } from '../demo/bench-timeline';

const QUICK = process.env.QB_BENCH_QUICK === '1' || process.argv.includes('--quick');
const PROFILE = !!process.env.QB_BENCH_PROFILE && process.env.QB_BENCH_PROFILE !== '0';
/** QB_BENCH_PROFILE=DIR: where each extension run's CPU profile is also saved. */
const PROFILE_DIR = PROFILE && process.env.QB_BENCH_PROFILE !== '1' ? process.env.QB_BENCH_PROFILE : undefined;
const SNAPSHOTS = process.env.QB_BENCH_SNAPSHOT;
const TRACES = process.env.QB_BENCH_TRACE;
const CONTROL = process.env.QB_BENCH_CONTROL !== '0';
/** The control's name among the variants (see QB_BENCH_CONTROL). */
const CONTROL_NAME = 'control';
const CELLS = Number(process.env.QB_BENCH_CELLS ?? (QUICK ? 400 : 10_000));
const REPS = Number(process.env.QB_BENCH_REPS ?? (QUICK ? 1 : 3));
const MARK = CELLS > 2000 ? 2000 : 0;
const KEEP = 40;
const SETTLE_MS = 2500;
const ALL_MODES = ['virtualised', 'kept'] as const;
type Mode = (typeof ALL_MODES)[number];
/** QB_BENCH_MODES=virtualised runs one mode only (e.g. a long 10,000-cell run). */
const MODES: readonly Mode[] = ALL_MODES.filter((m) => (process.env.QB_BENCH_MODES ?? 'virtualised,kept').split(',').includes(m));
/** 'bare', or the name of an extension build. */
type Variant = string;

/** One run's figures: what the page's monitor counted (Monitor), and what CDP measured. */
interface Run extends Monitor {
  mode: Mode;
  variant: Variant;
  cells: number;
  /** Main-thread thread time (ms). */
  script: number;
  layout: number;
  style: number;
  task: number;
  /** Process CPU (ms). */
  cpuPage: number;
  cpuExt: number;
  cpuBrowser: number;
  heapMark?: number;
  heapEnd: number;
  swHeap?: number;
}

// ---------------------------------------------------------------------------------------------
// In the page (serialised by Playwright: self-contained)

interface Monitor {
  /** Collapses of cells our IntersectionObserver last saw on screen (may include cells that had just left). */
  collapsedInView: number;
  frames: number;
  badFrames: number;
  adsShown: number;
  adsTotal: number;
  quietedShown: number;
  collapsedOnScreen: number;
  revealedOnScreen: number;
  collapsedTotal: number;
  /** Placeholders seen in collapsed cells: distinct ones (built), and placed in a cell at all (a placeholder said again counts once built, twice placed). */
  placeholdersBuilt: number;
  placeholdersPlaced: number;
  longTasks: number;
  longest: number;
  /** Script time of this monitor itself (its observers and frame callback), ms: the benchmark's own, not the page's or ours. */
  harnessMs: number;
}

function startStream(opts: { total: number; keep: number | null }): Promise<number> {
  type Info = { id: string; handle: string; isAd: boolean; quietedAtMount: boolean };
  const w = window as unknown as { qbBench?: { m: Monitor; stop(): void }; qbDemo: import('../demo/page-app').QbDemo };
  if (!w.qbBench) {
    const m: Monitor = { collapsedInView: 0, frames: 0, badFrames: 0, adsShown: 0, adsTotal: 0, quietedShown: 0, collapsedOnScreen: 0, revealedOnScreen: 0, collapsedTotal: 0, placeholdersBuilt: 0, placeholdersPlaced: 0, longTasks: 0, longest: 0, harnessMs: 0 };
    /** A callback whose script time is counted as the harness's own. */
    const timed =
      <A extends unknown[]>(fn: (...a: A) => void) =>
      (...a: A): void => {
        const t0 = performance.now();
        try {
          fn(...a);
        } finally {
          m.harnessMs += performance.now() - t0;
        }
      };
    const info = new WeakMap<Element, Info>();
    const shown = new WeakSet<Element>();
    /** Placeholder hosts met (their shadow roots are closed: the host element is all the page sees). */
    const hosts = new WeakSet<Element>();
    const quietAuthors = new Set<string>();
    const onScreen = new Set<Element>();
    /** Height of each cell on screen as last laid out, and collapses/reveals to check at the next frame. */
    const heightOf = new WeakMap<Element, number>();
    const suspects: Array<{ cell: Element; quiet: boolean }> = [];
    const io = new IntersectionObserver(timed((entries: IntersectionObserverEntry[]) => {
      for (const e of entries) {
        heightOf.set(e.target, e.boundingClientRect.height);
        if (e.isIntersecting) onScreen.add(e.target);
        else if (onScreen.delete(e.target)) io.unobserve(e.target); // Left the screen: the stream only goes forward.
      }
    }));
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        m.longTasks++;
        m.longest = Math.max(m.longest, e.duration);
      }
    }).observe({ type: 'longtask' });
    new MutationObserver(timed((records: MutationRecord[]) => {
      for (const r of records) {
        const cell = r.target as Element;
        const i = info.get(cell);
        if (!i) continue;
        const quiet = cell.hasAttribute('data-qb-quiet');
        if (quiet === (r.oldValue !== null)) continue;
        if (quiet) {
          m.collapsedTotal++;
          const host = cell.querySelector(':scope > [data-qb-placeholder]');
          if (host) {
            m.placeholdersPlaced++;
            if (!hosts.has(host)) {
              hosts.add(host);
              m.placeholdersBuilt++;
            }
          }
        }
        if (!i.isAd) {
          if (quiet) quietAuthors.add(i.handle);
          else quietAuthors.delete(i.handle);
        }
        // Possibly on screen: two IntersectionObservers (ours, the extension's) may learn that a
        // cell left the screen in either order, so the next frame checks the geometry itself.
        if (onScreen.has(cell) && cell.isConnected) {
          suspects.push({ cell, quiet });
          if (quiet) m.collapsedInView++;
        }
      }
    })).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-qb-quiet'], attributeOldValue: true });
    let running = true;
    const frame = timed((): void => {
      m.frames++;
      // Before this frame's layout: the cell's top is where it was painted; its height before the change comes from the last report.
      for (const { cell, quiet } of suspects.splice(0)) {
        if (!cell.isConnected) continue;
        const top = cell.getBoundingClientRect().top;
        const bottom = top + (heightOf.get(cell) ?? 0);
        if (top >= innerHeight || bottom <= 0) continue;
        if (quiet) m.collapsedOnScreen++;
        else m.revealedOnScreen++;
      }
      let bad = false;
      for (const cell of onScreen) {
        if (!cell.isConnected) {
          onScreen.delete(cell);
          continue;
        }
        const i = info.get(cell);
        if (!i || !(i.isAd || i.quietedAtMount) || cell.hasAttribute('data-qb-quiet')) continue;
        bad = true;
        if (!shown.has(cell)) {
          shown.add(cell);
          if (i.isAd) m.adsShown++;
          else m.quietedShown++;
        }
      }
      if (bad) m.badFrames++;
      if (running) requestAnimationFrame(frame);
    });
    requestAnimationFrame(frame);
    w.qbBench = { m, stop: () => (running = false) };
    (w as unknown as { qbBenchMount: (cell: HTMLElement, x: { id: string; handle: string; isAd: boolean }) => void }).qbBenchMount = timed((cell: HTMLElement, x: { id: string; handle: string; isAd: boolean }) => {
      const handle = x.handle.toLowerCase();
      info.set(cell, { id: x.id, handle, isAd: x.isAd, quietedAtMount: quietAuthors.has(handle) });
      if (x.isAd) m.adsTotal++;
      io.observe(cell);
    });
  }
  const mountHook = (w as unknown as { qbBenchMount: (cell: HTMLElement, x: { id: string; handle: string; isAd: boolean }) => void }).qbBenchMount;
  return w.qbDemo.stream({ total: opts.total, ...(opts.keep ? { keep: opts.keep } : {}), onMount: mountHook });
}

/** page.evaluate for a function of this file: tsx's esbuild adds `__name(…)` calls to named inner functions, which the page lacks. */
function inPage<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return page.evaluate(`(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`) as Promise<R>;
}

// ---------------------------------------------------------------------------------------------
// Browser side

async function launch(variant: Variant, dist: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'qb-bench-'));
  const ext = variant !== 'bare' ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: [...ext, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker, polled: on a loaded machine it may start before or long after the page. */
async function serviceWorker(context: BrowserContext): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (context.serviceWorkers().length) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the extension service worker did not start');
}

/**
 * The extension opens its welcome page on install, in a tab of its own in front of the X page:
 * the X page then renders about 2 frames a second instead of 60 (no layout, no ResizeObserver,
 * no requestAnimationFrame for the rest), which made the extension's runs look cheaper and hid
 * what the frame monitor should see. Close it (now or when it opens) and bring the X page to front.
 */
async function closeWelcome(context: BrowserContext, page: Page): Promise<void> {
  const isWelcome = (p: Page) => p.url().startsWith('chrome-extension://') && p.url().endsWith('/welcome.html');
  context.on('page', (p) => {
    const check = () => void (isWelcome(p) && p.close().catch(() => undefined));
    check();
    p.once('load', check);
  });
  for (let i = 0; i < 40 && !context.pages().some(isWelcome); i++) await new Promise((r) => setTimeout(r, 100));
  for (const p of context.pages()) if (isWelcome(p)) await p.close().catch(() => undefined);
  await page.bringToFront();
}

/** CPU seconds by role: the page's renderer, the extension's renderer (service worker), everything else (browser, GPU, network, storage). */
async function processCpu(browserSession: CDPSession, pagePid: number | undefined): Promise<{ page: number; ext: number; browser: number }> {
  const { processInfo } = (await browserSession.send('SystemInfo.getProcessInfo' as never)) as unknown as { processInfo: Array<{ type: string; id: number; cpuTime: number }> };
  const out = { page: 0, ext: 0, browser: 0 };
  for (const p of processInfo) {
    if (p.type !== 'renderer') out.browser += p.cpuTime;
    else if (p.id === pagePid) out.page += p.cpuTime;
    else if (cmdline(p.id).includes('--extension-process')) out.ext += p.cpuTime;
    else out.browser += p.cpuTime; // Other renderers (none expected): counted as browser.
  }
  return out;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

async function metrics(s: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await s.send('Performance.getMetrics');
  return Object.fromEntries(list.map((x) => [x.name, x.value]));
}

async function heapAfterGc(s: CDPSession): Promise<number> {
  await s.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await s.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

/** Chromium's tracing, for the page's main thread: tasks, the scripts they run, and V8's compiling and GC. */
async function startTrace(s: CDPSession): Promise<void> {
  const categories = ['devtools.timeline', 'v8', 'v8.execute', 'toplevel'];
  await s.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { recordMode: 'recordContinuously', includedCategories: categories } } as never);
}

async function saveTrace(s: CDPSession, file: string): Promise<void> {
  const done = new Promise<string>((resolve) => s.once('Tracing.tracingComplete' as never, (e: { stream: string }) => resolve(e.stream)));
  await s.send('Tracing.end');
  const stream = await done;
  const parts: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = (await s.send('IO.read', { handle: stream, size: 1 << 20 })) as { data: string; eof: boolean; base64Encoded?: boolean };
    parts.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await s.send('IO.close', { handle: stream });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, parts.join(''));
}

/** A heap snapshot of the page (all its worlds), for Chromium's Memory panel or a script. */
async function saveHeapSnapshot(s: CDPSession, file: string): Promise<void> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  s.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await s.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  s.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, chunks.join(''));
  console.error(`heap snapshot: ${file}`);
}

/** A CDP session with the extension's service worker, through a (non-flat) session of the browser's. */
interface WorkerSession {
  call<T = Record<string, unknown>>(method: string, params?: object): Promise<{ result?: T }>;
  /** The chunks of the last heap snapshot taken. */
  chunks: string[];
  close(): Promise<void>;
}

async function workerSession(browserSession: CDPSession): Promise<WorkerSession | undefined> {
  const { targetInfos } = await browserSession.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!sw) return undefined;
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  let next = 0;
  const chunks: string[] = [];
  const waiting = new Map<number, (v: { result?: never }) => void>();
  const onMessage = (e: { sessionId?: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; method?: string; params?: { chunk?: string }; result?: never };
    if (m.method === 'HeapProfiler.addHeapSnapshotChunk' && m.params?.chunk) chunks.push(m.params.chunk);
    if (m.id !== undefined) waiting.get(m.id)?.(m);
  };
  browserSession.on('Target.receivedMessageFromTarget', onMessage);
  return {
    chunks,
    // A call the worker never answers (it stopped) comes back empty after a minute, not never.
    call: (method, params = {}) =>
      new Promise((resolve) => {
        const id = ++next;
        const timer = setTimeout(() => waiting.get(id)?.({}), 60_000);
        waiting.set(id, (v) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(v);
        });
        void browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      }),
    async close() {
      browserSession.off('Target.receivedMessageFromTarget', onMessage);
      await browserSession.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}

/** The service worker's heap after GC; with `snapshotFile`, also a heap snapshot of it there. */
async function serviceWorkerHeap(browserSession: CDPSession, snapshotFile?: string): Promise<number | undefined> {
  const sw = await workerSession(browserSession);
  if (!sw) return undefined;
  await sw.call('HeapProfiler.collectGarbage');
  const usage = await sw.call<{ usedSize?: number }>('Runtime.getHeapUsage');
  if (snapshotFile) {
    await sw.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    mkdirSync(dirname(snapshotFile), { recursive: true });
    writeFileSync(snapshotFile, sw.chunks.join(''));
    console.error(`heap snapshot: ${snapshotFile}`);
  }
  await sw.close();
  return usage.result?.usedSize;
}

const readerBundles = new Map<string, string>();
async function readerSource(entry: string): Promise<string> {
  const hit = readerBundles.get(entry);
  if (hit) return hit;
  const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', globalName: 'qbReader', write: false, target: 'es2022' });
  readerBundles.set(entry, out.outputFiles[0]!.text);
  return out.outputFiles[0]!.text;
}

/** readTweet's cost per tweet in Chromium, µs: on cells never read before (fresh) and on the same cells again (warm). */
interface ReadCost {
  fresh: number;
  warm: number;
}

/**
 * readTweet in Chromium, where the content script runs it: in an isolated world, on copies of the
 * cells the page holds that no script has touched (as X's new cells are), then on the same cells
 * again. Medians of 5 passes of up to 400 tweets. In the page run itself it costs more (the
 * profile, QB_BENCH_PROFILE, shows its share there): there it runs between the page's own work,
 * a few tweets at a time, never in a warm loop.
 */
async function readCost(page: Page, reader: string): Promise<ReadCost> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'qb-bench-reader' });
  await cdp.send('Runtime.evaluate', { expression: await readerSource(reader), contextId: executionContextId });
  // A string, not a function: the isolated world gets exactly this text (no helpers of the bundler).
  const measure = `(() => {
    const r = qbReader;
    const cells = r.findTweetArticles(document).slice(0, 400).map((a) => a.closest('[data-testid="cellInnerDiv"]') ?? a);
    const html = cells.map((c) => c.outerHTML).join('');
    const fresh = [], warm = [];
    for (let p = 0; p < 5; p++) {
      const host = document.createElement('div');
      document.body.append(host);
      host.innerHTML = html;
      const articles = r.findTweetArticles(host);
      let t0 = performance.now();
      for (const a of articles) r.readTweet(a);
      fresh.push(((performance.now() - t0) * 1000) / articles.length);
      t0 = performance.now();
      for (const a of articles) r.readTweet(a);
      warm.push(((performance.now() - t0) * 1000) / articles.length);
      host.remove();
    }
    fresh.sort((a, b) => a - b);
    warm.sort((a, b) => a - b);
    return { fresh: fresh[2], warm: warm[2] };
  })()`;
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: measure, contextId: executionContextId, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(`readTweet in the isolated world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as ReadCost;
}

async function runOnce(mode: Mode, variant: Variant, dist: string, timeline: ReturnType<typeof benchTimeline>): Promise<Run> {
  const b = await launch(variant, dist);
  try {
    const { context } = b;
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return route.continue();
      let host = '';
      try {
        host = new URL(url).hostname;
      } catch {
        // not a URL we serve
      }
      if (/(^|\.)(x|twitter)\.com$/.test(host) || /(^|\.)twimg\.com$/.test(host)) {
        const served = serveDemoX(url, timeline);
        if (served) return route.fulfill({ status: served.status, contentType: served.contentType, body: served.body });
        return route.fulfill({ status: 204, body: '' });
      }
      return route.abort();
    });
    if (variant !== 'bare') await serviceWorker(context);
    const page = context.pages()[0] ?? (await context.newPage());
    if (variant !== 'bare') await closeWelcome(context, page);
    const browserSession = await context.browser()!.newBrowserCDPSession();
    const session = await context.newCDPSession(page);
    await page.goto('https://x.com/home');
    await page.waitForFunction(() => ((window as unknown as { qbDemo?: { rendered(): number } }).qbDemo?.rendered() ?? 0) > 0);
    await page.waitForTimeout(500);
    const pagePid = await rendererPid(browserSession, page);
    await session.send('Performance.enable', { timeDomain: 'threadTicks' });
    const profiling = PROFILE && variant !== 'bare';
    // The worker's profile: what the extension process's CPU (the table's "extension") is spent on.
    const swProfiler = profiling ? await workerSession(browserSession) : undefined;
    if (profiling) {
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 200 });
      await session.send('Profiler.start');
      await swProfiler?.call('Profiler.enable');
      await swProfiler?.call('Profiler.setSamplingInterval', { interval: 200 });
      await swProfiler?.call('Profiler.start');
    }
    if (TRACES) await startTrace(browserSession);
    const m0 = await metrics(session);
    const c0 = await processCpu(browserSession, pagePid);
    const keep = mode === 'virtualised' ? KEEP : null;
    let heapMark: number | undefined;
    if (MARK) {
      await inPage(page, startStream, { total: MARK, keep });
      heapMark = await heapAfterGc(session);
    }
    await inPage(page, startStream, { total: CELLS - MARK, keep });
    await page.waitForTimeout(SETTLE_MS);
    const m1 = await metrics(session);
    const c1 = await processCpu(browserSession, pagePid);
    if (TRACES) await saveTrace(browserSession, join(TRACES, `${variant}-${mode}-${CELLS}-${pagePid}.json`));
    const mon = await page.evaluate(() => {
      const bench = (window as unknown as { qbBench: { m: Monitor; stop(): void } }).qbBench;
      bench.stop();
      return bench.m;
    });
    if (profiling) {
      const { profile } = (await session.send('Profiler.stop')) as { profile: CpuProfile };
      printProfile(`page main thread, ${mode}`, profile);
      const worker = (await swProfiler?.call<{ profile: CpuProfile }>('Profiler.stop'))?.result?.profile;
      await swProfiler?.close();
      if (worker) printProfile(`service worker, ${mode}`, worker);
      else console.error('service worker: no profile (the worker was not running when the stream began)');
      if (PROFILE_DIR) {
        mkdirSync(PROFILE_DIR, { recursive: true });
        writeFileSync(join(PROFILE_DIR, `${variant}-${mode}-${CELLS}.cpuprofile`), JSON.stringify(profile));
        if (worker) writeFileSync(join(PROFILE_DIR, `${variant}-${mode}-${CELLS}.worker.cpuprofile`), JSON.stringify(worker));
      }
    }
    const heapEnd = await heapAfterGc(session);
    if (SNAPSHOTS) await saveHeapSnapshot(session, join(SNAPSHOTS, `${variant}-${mode}-${CELLS}.heapsnapshot`));
    const swHeap = variant !== 'bare' ? await serviceWorkerHeap(browserSession, SNAPSHOTS ? join(SNAPSHOTS, `${variant}-${mode}-${CELLS}.worker.heapsnapshot`) : undefined) : undefined;
    const ms = (k: string) => ((m1[k] ?? 0) - (m0[k] ?? 0)) * 1000;
    return {
      mode,
      variant,
      cells: CELLS,
      script: ms('ScriptDuration'),
      layout: ms('LayoutDuration'),
      style: ms('RecalcStyleDuration'),
      task: ms('TaskDuration'),
      longTasks: mon.longTasks,
      longest: mon.longest,
      cpuPage: (c1.page - c0.page) * 1000,
      cpuExt: (c1.ext - c0.ext) * 1000,
      cpuBrowser: (c1.browser - c0.browser) * 1000,
      ...(heapMark !== undefined ? { heapMark } : {}),
      heapEnd,
      ...(swHeap !== undefined ? { swHeap } : {}),
      frames: mon.frames,
      badFrames: mon.badFrames,
      adsShown: mon.adsShown,
      adsTotal: mon.adsTotal,
      quietedShown: mon.quietedShown,
      collapsedOnScreen: mon.collapsedOnScreen,
      revealedOnScreen: mon.revealedOnScreen,
      collapsedTotal: mon.collapsedTotal,
      placeholdersBuilt: mon.placeholdersBuilt,
      placeholdersPlaced: mon.placeholdersPlaced,
      collapsedInView: mon.collapsedInView,
      harnessMs: mon.harnessMs,
    };
  } finally {
    await b.close();
  }
}

/** The renderer process of `page`: the one whose CPU time grows while the page burns CPU. */
async function rendererPid(browserSession: CDPSession, page: Page): Promise<number | undefined> {
  const before = await rendererTimes(browserSession);
  await page.evaluate(() => {
    const t = performance.now();
    while (performance.now() - t < 150);
  });
  const after = await rendererTimes(browserSession);
  let best: number | undefined;
  let grew = 0;
  for (const [pid, t] of after) {
    const d = t - (before.get(pid) ?? 0);
    if (d > grew) [best, grew] = [pid, d];
  }
  return best;
}

async function rendererTimes(browserSession: CDPSession): Promise<Map<number, number>> {
  const { processInfo } = (await browserSession.send('SystemInfo.getProcessInfo' as never)) as unknown as { processInfo: Array<{ type: string; id: number; cpuTime: number }> };
  return new Map(processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time by script and by function, top entries; then the time inside the extension's scripts (inclusive, natives they call included). */
function printProfile(title: string, profile: CpuProfile): void {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
  const byUrl = new Map<string, number>();
  const byFn = new Map<string, number>();
  const ours = new Map<string, number>();
  const isOurs = (url: string) => /^chrome-extension:/.test(url);
  const name = (f: CpuProfile['nodes'][number]['callFrame']) => `${f.url.replace(/^.*\//, '') || '(native)'}:${f.functionName || '(anonymous)'}:${f.lineNumber + 1}`;
  let oursTotal = 0;
  for (const [id, ms] of selfMs) {
    const f = byNode.get(id)!.callFrame;
    const file = f.url.replace(/^.*\//, '') || '(native)';
    byUrl.set(file, (byUrl.get(file) ?? 0) + ms);
    const fn = name(f);
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
    // Inclusive: every function of ours on this sample's stack, once; the sample counts as ours if any is.
    const seen = new Set<string>();
    let caller: string | undefined;
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const cf = byNode.get(n)!.callFrame;
      if (!isOurs(cf.url)) continue;
      caller ??= name(cf);
      seen.add(name(cf));
    }
    if (seen.size) {
      oursTotal += ms;
      if (!isOurs(f.url)) seen.add(`  (native) ${fn} ← ${caller}`);
    }
    for (const k of seen) ours.set(k, (ours.get(k) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n');
  console.error(`\nprofile: ${title}, self time by script\n${top(byUrl, 8)}\nby function\n${top(byFn, 25)}`);
  console.error(`inside the extension's scripts: ${oursTotal.toFixed(0)} ms in all; inclusive by function\n${top(ours, 70)}`);
}

// ---------------------------------------------------------------------------------------------
// Report

const maxOf = (xs: number[]): number => (xs.length ? Math.max(...xs) : NaN);

const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

interface Summary {
  ratio: { mainThread: number; script: number; layout: number; style: number; scriptNoHarness: number };
  /** The monitor's own script time, ms (medians): it runs once a frame, and the two variants render different numbers of frames. */
  harnessMs: { bare: number; ext: number };
  /**
   * Script over the bare page repetition by repetition (the i-th extension run against the i-th
   * bare run, interleaved): how far one run's ratio moves on this machine.
   */
  scriptByRep: number[];
  /** Over the control instead of the bare page (QB_BENCH_CONTROL): what our page scripts add to any extension's cost. */
  overControl?: { mainThread: number; script: number };
  longest: { bare: number; ext: number };
  longTasks: { bare: number; ext: number };
  /** Frames the page rendered (requestAnimationFrame): the runs compare only if these are alike. */
  frames: { bare: number; ext: number };
  cpuPer1000: { ext: number; browserExtra: number; total: number };
  heapMb: { bareMark?: number; extMark?: number; bareEnd: number; extEnd: number; extraEnd: number };
  swHeapMb?: number;
  quietedOrAdFrames: number;
  adsShown: string;
  quietedShown: number;
  onScreenChanges: { collapsed: number; revealed: number };
  collapsedTotal: number;
  placeholders: { built: number; placed: number };
}

function summarise(runs: Run[], mode: Mode, ext: Variant): Summary {
  const of = (v: Variant) => runs.filter((r) => r.mode === mode && r.variant === (v === 'ext' ? ext : v));
  const med = (v: Variant, f: (r: Run) => number) => median(of(v).map(f));
  const main = (r: Run) => r.script + r.layout + r.style;
  const mb = (x: number) => x / 1024 / 1024;
  const per1000 = 1000 / CELLS;
  const summary: Summary = {
    ratio: {
      mainThread: med('ext', main) / med('bare', main),
      script: med('ext', (r) => r.script) / med('bare', (r) => r.script),
      layout: med('ext', (r) => r.layout) / med('bare', (r) => r.layout),
      style: med('ext', (r) => r.style) / med('bare', (r) => r.style),
      scriptNoHarness: med('ext', (r) => r.script - r.harnessMs) / med('bare', (r) => r.script - r.harnessMs),
    },
    harnessMs: { bare: med('bare', (r) => r.harnessMs), ext: med('ext', (r) => r.harnessMs) },
    scriptByRep: of('ext').flatMap((r, i) => {
      const bare = of('bare')[i];
      return bare ? [r.script / bare.script] : [];
    }),
    longest: { bare: med('bare', (r) => r.longest), ext: med('ext', (r) => r.longest) },
    longTasks: { bare: med('bare', (r) => r.longTasks), ext: med('ext', (r) => r.longTasks) },
    frames: { bare: med('bare', (r) => r.frames), ext: med('ext', (r) => r.frames) },
    cpuPer1000: {
      ext: med('ext', (r) => r.cpuExt) * per1000,
      browserExtra: (med('ext', (r) => r.cpuBrowser) - med('bare', (r) => r.cpuBrowser)) * per1000,
      total: 0,
    },
    heapMb: { bareEnd: mb(med('bare', (r) => r.heapEnd)), extEnd: mb(med('ext', (r) => r.heapEnd)), extraEnd: 0 },
    quietedOrAdFrames: maxOf(of('ext').map((r) => r.badFrames)),
    adsShown: `${maxOf(of('ext').map((r) => r.adsShown))} of ${median(of('ext').map((r) => r.adsTotal))}`,
    quietedShown: maxOf(of('ext').map((r) => r.quietedShown)),
    onScreenChanges: {
      collapsed: maxOf(of('ext').map((r) => r.collapsedOnScreen)),
      revealed: maxOf(of('ext').map((r) => r.revealedOnScreen)),
    },
    collapsedTotal: med('ext', (r) => r.collapsedTotal),
    placeholders: { built: med('ext', (r) => r.placeholdersBuilt), placed: med('ext', (r) => r.placeholdersPlaced) },
  };
  if (CONTROL && ext !== CONTROL_NAME && of(CONTROL_NAME).length) {
    summary.overControl = {
      mainThread: med('ext', main) / med(CONTROL_NAME, main),
      script: med('ext', (r) => r.script) / med(CONTROL_NAME, (r) => r.script),
    };
  }
  summary.cpuPer1000.total = summary.cpuPer1000.ext + summary.cpuPer1000.browserExtra;
  summary.heapMb.extraEnd = summary.heapMb.extEnd - summary.heapMb.bareEnd;
  if (MARK) {
    summary.heapMb.bareMark = mb(med('bare', (r) => r.heapMark ?? NaN));
    summary.heapMb.extMark = mb(med('ext', (r) => r.heapMark ?? NaN));
  }
  const sw = med('ext', (r) => r.swHeap ?? NaN);
  if (Number.isFinite(sw)) summary.swHeapMb = mb(sw);
  return summary;
}

function report(runs: Run[], exts: string[], readUs: Map<string, ReadCost>): void {
  const x = (n: number) => (Number.isFinite(n) ? `×${n.toFixed(2)}` : 'n/a');
  const f1 = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n.toFixed(1) : 'n/a');
  /** Two decimals where the target is a line a tenth cannot tell from (the worker's 3 MB). */
  const f2 = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n.toFixed(2) : 'n/a');
  const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');
  const sums = exts.map((e) => ({ v: summarise(runs, 'virtualised', e), k: summarise(runs, 'kept', e) }));
  const cols = (g: (s: Summary) => string) => sums.map(({ v, k }) => `${g(v)} / ${g(k)}`).join(' | ');
  const rows: Array<[string, string, string]> = [
    ['page main thread: script + layout + style', cols((s) => x(s.ratio.mainThread)), '≤ ×1.03'],
    ['script alone', cols((s) => x(s.ratio.script)), '≤ ×1.08'],
    ['  script, repetition by repetition (with ÷ bare of the same repetition)', cols((s) => (s.scriptByRep.length ? s.scriptByRep.map(x).join(' ') : 'n/a')), ''],
    ['  script without the benchmark’s own monitor (its script ms, with vs bare)', cols((s) => `${x(s.ratio.scriptNoHarness)} (${f0(s.harnessMs.ext)} vs ${f0(s.harnessMs.bare)})`), ''],
    ...(CONTROL
      ? ([['  over the control (an extension whose page scripts are empty): main thread, script', cols((s) => (s.overControl ? `${x(s.overControl.mainThread)} ${x(s.overControl.script)}` : '—')), '']] as Array<[string, string, string]>)
      : []),
    ['layout, style', cols((s) => `${x(s.ratio.layout)} ${x(s.ratio.style)}`), ''],
    ['long tasks: count, longest ms (with vs bare)', cols((s) => `${f0(s.longTasks.ext)} vs ${f0(s.longTasks.bare)}, ${f0(s.longest.ext)} vs ${f0(s.longest.bare)}`), 'longest ≤ bare'],
    ['frames rendered (with vs bare)', cols((s) => `${f0(s.frames.ext)} vs ${f0(s.frames.bare)}`), 'alike'],
    ['frames with a quieted author’s or an ad’s tweet visible', cols((s) => String(s.quietedOrAdFrames)), '0'],
    ['  ads visible in any frame', cols((s) => s.adsShown), '0'],
    ['  tweets of already quieted authors visible', cols((s) => String(s.quietedShown)), '0'],
    ['cells collapsed / revealed while on screen', cols((s) => `${s.onScreenChanges.collapsed}, ${s.onScreenChanges.revealed}`), '0, 0'],
    ['cells collapsed in all', cols((s) => f0(s.collapsedTotal)), ''],
    ['placeholders built / placed (one said again for a later tweet is built once)', cols((s) => `${f0(s.placeholders.built)} / ${f0(s.placeholders.placed)}`), ''],
    ['extension + browser process CPU per 1,000 cells, ms', cols((s) => `${f0(s.cpuPer1000.ext)} + ${f0(s.cpuPer1000.browserExtra)} = ${f0(s.cpuPer1000.total)}`), '≤ 300'],
  ];
  if (MARK) rows.push([`page heap after GC at ${MARK.toLocaleString('en')} cells, MB (with vs bare)`, cols((s) => `${f1(s.heapMb.extMark)} vs ${f1(s.heapMb.bareMark)}`), '']);
  rows.push([`page heap after GC at ${CELLS.toLocaleString('en')} cells, MB (with vs bare)`, cols((s) => `${f1(s.heapMb.extEnd)} vs ${f1(s.heapMb.bareEnd)} (+${f1(s.heapMb.extraEnd)})`), '≤ bare + 1 MB']);
  rows.push(['service worker heap after GC, MB', cols((s) => f2(s.swHeapMb)), '≤ 3 MB']);
  rows.push(['readTweet alone in Chromium (isolated world), µs per tweet: fresh cells, read again', exts.map((e) => `${f1(readUs.get(e)?.fresh)}, ${f1(readUs.get(e)?.warm)}`).join(' | '), '']);

  console.log(`\npage benchmark: ${CELLS.toLocaleString('en')} cells, 5 every 50 ms, 1 in 10 promoted; ${REPS} repetition(s), interleaved; medians; ratios to the bare page`);
  console.log(`| over the bare page | ${exts.map((e) => `${e}: virtualised (newest ${KEEP}) / all kept`).join(' | ')} | target |`);
  console.log(`|---|${exts.map(() => '---|').join('')}---|`);
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
  const round = (o: unknown): unknown => JSON.parse(JSON.stringify(o, (_k, val) => (typeof val === 'number' ? Math.round(val * 1000) / 1000 : val)));
  const json: Record<string, unknown> = { bench: 'page', cells: CELLS, reps: REPS };
  exts.forEach((e, i) => (json[e] = { virtualised: sums[i]!.v, kept: sums[i]!.k, readTweetUs: readUs.get(e)?.fresh ?? null, readTweetWarmUs: readUs.get(e)?.warm ?? null }));
  console.log(JSON.stringify(round(json)));
}

/** "name=value,name=value", or one value under `fallbackName`. */
function named(spec: string | undefined, fallbackName: string, fallback: string): Map<string, string> {
  if (!spec) return new Map([[fallbackName, fallback]]);
  if (!spec.includes('=')) return new Map([[fallbackName, spec]]);
  return new Map(spec.split(',').map((p) => p.split('=') as [string, string]));
}

async function main(): Promise<void> {
  if (!process.env.QB_BENCH_DIST) await buildAll({ zip: false });
  const dists = named(process.env.QB_BENCH_DIST, 'ext', CHROME_DIST);
  const control = CONTROL ? controlDist([...dists.values()][0]!) : undefined;
  if (control) dists.set(CONTROL_NAME, control);
  try {
    await measure(dists);
  } finally {
    // The control's copy lives only for this run.
    if (control) rmSync(dirname(control), { recursive: true, force: true });
  }
}

async function measure(dists: Map<string, string>): Promise<void> {
  const exts = [...dists.keys()];
  const defaultReader = join(ROOT, 'src/content/read-tweet.ts');
  const readers = named(process.env.QB_BENCH_READER, exts[0]!, defaultReader);
  const timeline = benchTimeline(CELLS + 100);
  const runs: Run[] = [];
  const readUs = new Map<string, ReadCost>();
  for (let rep = 0; rep < REPS; rep++) {
    for (const mode of MODES) {
      const variants = ['bare', ...exts];
      const order = rep % 2 === 0 ? variants : [...variants].reverse();
      for (const variant of order) {
        const run = await runOnce(mode, variant, dists.get(variant) ?? '', timeline).catch((err) => {
          console.error(`${mode} ${variant}: ${String(err).split('\n')[0]}; once more`);
          return runOnce(mode, variant, dists.get(variant) ?? '', timeline);
        });
        runs.push(run);
        console.error(`rep ${rep + 1}/${REPS} ${mode} ${variant}: in view ${run.collapsedInView}, script ${run.script.toFixed(0)} ms (monitor ${run.harnessMs.toFixed(0)}), layout ${run.layout.toFixed(0)}, style ${run.style.toFixed(0)}, longest task ${run.longest.toFixed(0)} ms, cpu ext ${run.cpuExt.toFixed(0)} browser ${run.cpuBrowser.toFixed(0)} ms, frames ${run.frames}, heap ${(run.heapEnd / 1048576).toFixed(1)} MB${run.swHeap ? `, sw ${(run.swHeap / 1048576).toFixed(2)} MB` : ''}, collapsed on screen ${run.collapsedOnScreen}`);
      }
    }
  }
  for (const e of exts) if (e !== CONTROL_NAME) readUs.set(e, await readerOnly(timeline, readers.get(e) ?? defaultReader));
  report(runs, exts, readUs);
}

/**
 * The control: a copy of an extension whose content script and page-world script are empty.
 * The browser still loads the extension, starts its worker and makes the content script's
 * isolated world; nothing of ours runs in the page.
 */
function controlDist(dist: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'qb-bench-control-')), 'chrome');
  cpSync(dist, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: Array<{ js?: string[] }> };
  for (const script of manifest.content_scripts ?? []) for (const js of script.js ?? []) writeFileSync(join(dir, js), '"use strict";\n');
  return dir;
}

/** readTweet's own cost in Chromium, on a bare page holding 400 cells. */
async function readerOnly(timeline: ReturnType<typeof benchTimeline>, reader: string): Promise<ReadCost> {
  const b = await launch('bare', '');
  try {
    await b.context.route('**/*', async (route) => {
      const served = serveDemoX(route.request().url(), timeline);
      return served ? route.fulfill({ status: served.status, contentType: served.contentType, body: served.body }) : route.fulfill({ status: 204, body: '' });
    });
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto('https://x.com/home');
    await page.waitForFunction(() => ((window as unknown as { qbDemo?: { rendered(): number } }).qbDemo?.rendered() ?? 0) > 0);
    await page.evaluate(() => (window as unknown as { qbDemo: { stream(o: { total: number; everyMs: number; perTick: number; follow: boolean }): Promise<number> } }).qbDemo.stream({ total: 400, everyMs: 0, perTick: 50, follow: false }));
    return await readCost(page, reader);
  } finally {
    await b.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
