// Where the background worker's time and heap go while the demo timeline streams (issue 12): a
// development probe, not a benchmark (scripts/bench-page.ts measures against the bare page).
//
//   npx tsx scripts/probe-worker.ts          build dist/chrome first (npx tsx scripts/build.ts --no-zip)
//   DIST=DIR CELLS=N                         the extension and the cells to stream (1,000; virtualised, newest 40 kept)
//   PROF=0 | INTERVAL=µs                     no CPU profile | its sampling interval (200; the sampler costs CPU itself)
//   SNAP=FILE SNAP0=FILE                     heap snapshot of the worker at the end | before the stream
//   WAIT=S                                   then S seconds idle, the heap after GC every 5 s
//
// Prints: the extension process's CPU and per thread, the worker's heap after GC before and after,
// the messages the worker received (count, JSON size), its IndexedDB requests by store and kind,
// and the profile's self and total time by function (also .tmp/sw.cpuprofile).
import { chromium, type CDPSession } from 'playwright-core';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDemoX } from '../demo/x-site';
import { benchTimeline } from '../demo/bench-timeline';

const DIST = process.env.DIST ?? join(process.cwd(), 'dist/chrome');
const CELLS = Number(process.env.CELLS ?? 1000);
const SNAP = process.env.SNAP;

async function workerCaller(bs: CDPSession) {
  let sw;
  for (let i = 0; i < 100 && !sw; i++) {
    const { targetInfos } = await bs.send('Target.getTargets');
    sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!sw) await new Promise((r) => setTimeout(r, 200));
  }
  const { sessionId } = await bs.send('Target.attachToTarget', { targetId: sw!.targetId, flatten: false });
  let next = 0;
  const waiting = new Map<number, (v: any) => void>();
  const events: any[] = [];
  bs.on('Target.receivedMessageFromTarget', (e: any) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message);
    if (m.id !== undefined) waiting.get(m.id)?.(m);
    else events.push(m);
  });
  const call = (method: string, params: object = {}) =>
    new Promise<any>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      void bs.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  return { call, events };
}

function threads(info: any[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of info) {
    if (p.type !== 'renderer') continue;
    let c = ''; try { c = readFileSync(`/proc/${p.id}/cmdline`, 'utf8'); } catch {}
    if (!c.includes('--extension-process')) continue;
    for (const t of readdirSync(`/proc/${p.id}/task`)) {
      try {
        const st = readFileSync(`/proc/${p.id}/task/${t}/stat`, 'utf8');
        const name = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        const ticks = Number(f[11]) + Number(f[12]);
        out.set(`${name}#${t}`, ticks * 10);
      } catch {}
    }
  }
  return out;
}
function cpuSecs(info: any[]) {
  let ext = 0, br = 0;
  for (const p of info) {
    if (p.type !== 'renderer') br += p.cpuTime;
    else { let c = ''; try { c = readFileSync(`/proc/${p.id}/cmdline`, 'utf8'); } catch {} if (c.includes('--extension-process')) ext += p.cpuTime; }
  }
  return { ext, br };
}

async function main() {
  const timeline = benchTimeline(CELLS + 100);
  const profile = mkdtempSync(join(tmpdir(), 'qb-probe-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1100, height: 900 },
    args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return route.continue();
    const served = serveDemoX(url, timeline);
    if (served) return route.fulfill({ status: served.status, contentType: served.contentType, body: served.body });
    return route.fulfill({ status: 204, body: '' });
  });
  const bs = await context.browser()!.newBrowserCDPSession();
  const w = await workerCaller(bs);
  await w.call('HeapProfiler.collectGarbage');
  await new Promise((r) => setTimeout(r, 1500));
  await w.call('HeapProfiler.collectGarbage');
  const h0 = (await w.call('Runtime.getHeapUsage')).result.usedSize;
  if (process.env.SNAP0) {
    await w.call('HeapProfiler.enable');
    await w.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    writeFileSync(process.env.SNAP0, w.events.filter((e) => e.method === 'HeapProfiler.addHeapSnapshotChunk').map((e) => e.params.chunk).join(''));
    w.events.length = 0;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://x.com/home');
  await page.waitForFunction(() => ((window as any).qbDemo?.rendered() ?? 0) > 0);
  await page.waitForTimeout(1000);
  const PROF = process.env.PROF !== '0';
  await w.call('Runtime.evaluate', { expression: `globalThis.__qbStats = {}; chrome.runtime.onMessage.addListener((m) => { const k = m && m.type; const s = (globalThis.__qbStats[k] ??= { n: 0, bytes: 0, tweets: 0, profiles: 0 }); s.n++; s.bytes += JSON.stringify(m).length; if (m?.payload?.tweets) s.tweets += m.payload.tweets.length; if (m?.payload?.profiles) s.profiles += m.payload.profiles.length; }); 1` });
  await w.call('Runtime.evaluate', { expression: `globalThis.__qbIdb = {}; for (const m of ['put', 'get', 'add', 'delete', 'count', 'getAll', 'openCursor', 'getAllKeys']) { const f = IDBObjectStore.prototype[m]; IDBObjectStore.prototype[m] = function (...a) { const k = this.name + '.' + m; __qbIdb[k] = (__qbIdb[k] ?? 0) + 1; return f.apply(this, a); }; } { const f = IDBDatabase.prototype.transaction; IDBDatabase.prototype.transaction = function (...a) { const k = 'tx ' + [].concat(a[0]).join('+') + ' ' + (a[1] ?? 'readonly'); __qbIdb[k] = (__qbIdb[k] ?? 0) + 1; return f.apply(this, a); }; } 1` });
  if (PROF) {
  await w.call('Profiler.enable');
  await w.call('Profiler.setSamplingInterval', { interval: Number(process.env.INTERVAL ?? 200) });
  await w.call('Profiler.start');
  }
  const pi0 = ((await bs.send('SystemInfo.getProcessInfo' as never)) as any).processInfo;
  const c0 = cpuSecs(pi0);
  const t0 = threads(pi0);
  await page.evaluate(`window.qbDemo.stream({ total: ${CELLS}, keep: 40 })`);
  await page.waitForTimeout(2500);
  const pi1 = ((await bs.send('SystemInfo.getProcessInfo' as never)) as any).processInfo;
  const c1 = cpuSecs(pi1);
  const t1 = threads(pi1);
  const byName = new Map<string, number>();
  for (const [k, v] of t1) { const d = v - (t0.get(k) ?? 0); const n = k.replace(/#\d+$/, '').replace(/\d+$/, ''); byName.set(n, (byName.get(n) ?? 0) + d); }
  console.log('threads ms', JSON.stringify(Object.fromEntries([...byName].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]))));
  const stats = (await w.call('Runtime.evaluate', { expression: 'JSON.stringify(globalThis.__qbStats)', returnByValue: true })).result.result.value;
  console.log('messages', stats);
  console.log('idb', (await w.call('Runtime.evaluate', { expression: 'JSON.stringify(globalThis.__qbIdb)', returnByValue: true })).result.result.value);
  const prof = PROF ? (await w.call('Profiler.stop')).result.profile : undefined;
  await w.call('HeapProfiler.collectGarbage');
  const h1 = (await w.call('Runtime.getHeapUsage')).result.usedSize;
  if (process.env.WAIT) {
    for (let i = 0; i < Number(process.env.WAIT) / 5; i++) {
      await new Promise((r) => setTimeout(r, 5000));
      await w.call('HeapProfiler.collectGarbage');
      const h = (await w.call('Runtime.getHeapUsage')).result.usedSize;
      console.log(`after ${(i + 1) * 5} s idle: ${(h / 1048576).toFixed(2)} MB`);
    }
  }
  console.log(`cells ${CELLS}: ext cpu ${((c1.ext - c0.ext) * 1000).toFixed(0)} ms, browser ${((c1.br - c0.br) * 1000).toFixed(0)} ms; sw heap start ${(h0 / 1048576).toFixed(3)} MB, end ${(h1 / 1048576).toFixed(3)} MB`);
  if (prof) {
    mkdirSync('.tmp', { recursive: true });
    writeFileSync('.tmp/sw.cpuprofile', JSON.stringify(prof));
    summarize(prof);
  }
  if (SNAP) {
    const chunks: string[] = [];
    await w.call('HeapProfiler.enable');
    const done = w.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    await done;
    for (const e of w.events) if (e.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(e.params.chunk);
    writeFileSync(SNAP, chunks.join(''));
    console.log('snapshot', SNAP);
  }
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

function summarize(p: any) {
  const byId = new Map<number, any>(p.nodes.map((n: any) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + p.timeDeltas[i] / 1000));
  const selfFn = new Map<string, number>(), total = new Map<string, number>();
  const name = (n: any) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;
  for (const [id, ms] of self) {
    const n = byId.get(id);
    selfFn.set(name(n), (selfFn.get(name(n)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let c: number | undefined = id; c !== undefined; c = parent.get(c)) { const k = name(byId.get(c)); if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + ms); } }
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([a, b]) => `${b.toFixed(0).padStart(6)}  ${a}`).join('\n');
  console.log('SELF\n' + top(selfFn, 40) + '\nTOTAL\n' + top(total, 60));
}
main().catch((e) => { console.error(e); process.exit(1); });
