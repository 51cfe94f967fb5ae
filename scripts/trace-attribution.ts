// Where the page's main thread went, by script, from a Chromium trace of the page benchmark
// (QB_BENCH_TRACE=DIR npx tsx scripts/bench-page.ts): unsampled, unlike the CPU profile, so short
// calls are not over- or under-counted, and what runs inside the page's own tasks on our behalf
// (the MutationObserver callback in the page's microtask checkpoint, the XHR and JSON.parse
// wrappers) is told apart from the page's own script.
//
//   npx tsx scripts/trace-attribution.ts DIR/bare-virtualised-2000-PID.json DIR/ext-virtualised-2000-PID.json …
//
// Each event of the page's main thread (CrRendererMain of the renderer whose pid ends the file's
// name) counts its own thread time (its duration less its children's) to the innermost script call
// around it (FunctionCall or EvaluateScript, by the script's URL: the page, content.js,
// page-reader.js), under the event's kind: the script itself, HTML parsing, style and layout, GC.
// Events outside any script call (painting, the scheduler) count to "outside script".
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

interface Node {
  e: TraceEvent;
  parent: Node | undefined;
  childTime: number;
  owner: string | undefined;
}

const SCRIPT_CALLS = new Set(['FunctionCall', 'EvaluateScript']);

function kindOf(name: string): string {
  if (name === 'ParseHTML') return 'html parse';
  if (name === 'Layout' || name === 'UpdateLayoutTree' || name === 'RecalculateStyles') return 'style + layout';
  if (/GC|Scavenge|Sweep|Marking/i.test(name)) return 'gc';
  return 'script';
}

function ownerOf(url: string): string {
  if (url.startsWith('chrome-extension://')) return url.replace(/^chrome-extension:\/\/[^/]+\//, '');
  return 'page';
}

export function attribute(events: readonly TraceEvent[], pid: number): Map<string, Map<string, number>> {
  const tid = events.find((e) => e.pid === pid && e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  const xs = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const out = new Map<string, Map<string, number>>();
  const add = (owner: string, kind: string, us: number) => {
    const m = out.get(owner) ?? new Map<string, number>();
    m.set(kind, (m.get(kind) ?? 0) + us);
    out.set(owner, m);
  };
  const nodes: Node[] = [];
  const stack: Node[] = [];
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur! <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    const url = SCRIPT_CALLS.has(e.name) ? e.args?.data?.url : undefined;
    const node: Node = { e, parent, childTime: 0, owner: url ? ownerOf(url) : parent?.owner };
    if (parent) parent.childTime += e.tdur ?? 0;
    nodes.push(node);
    stack.push(node);
  }
  for (const n of nodes) {
    const self = Math.max(0, (n.e.tdur ?? 0) - n.childTime);
    add(n.owner ?? 'outside script', n.owner ? kindOf(n.e.name) : 'all', self);
  }
  return out;
}

function main(files: string[]): void {
  for (const file of files) {
    const pid = Number(/-(\d+)\.json$/.exec(basename(file))?.[1]);
    if (!Number.isFinite(pid)) throw new Error(`${file}: the renderer's pid ends the file's name (…-PID.json)`);
    const raw = JSON.parse(readFileSync(file, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
    const events = Array.isArray(raw) ? raw : raw.traceEvents;
    const byOwner = attribute(events, pid);
    console.log(`\n${basename(file)}: the page's main thread, thread time in ms`);
    const rows = [...byOwner].map(([owner, kinds]) => ({ owner, kinds, total: [...kinds.values()].reduce((a, b) => a + b, 0) }));
    for (const { owner, kinds, total } of rows.sort((a, b) => b.total - a.total)) {
      const parts = [...kinds].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`);
      console.log(`  ${owner.padEnd(18)} ${(total / 1000).toFixed(0).padStart(6)}   (${parts.join(', ')})`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
