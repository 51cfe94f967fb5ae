// scripts/trace-attribution.ts: each event's own thread time goes to the innermost script call
// around it, by kind; nothing outside a script call is counted to a script.
import { describe, expect, it } from 'vitest';
import { attribute } from '../../../scripts/trace-attribution';

const PID = 7;
const meta = { name: 'thread_name', ph: 'M', pid: PID, tid: 1, ts: 0, args: { name: 'CrRendererMain' } };
const x = (name: string, ts: number, tdur: number, url?: string, tid = 1) => ({ name, ph: 'X', pid: PID, tid, ts, dur: tdur, tdur, ...(url ? { args: { data: { url } } } : {}) });
const ms = (m: Map<string, Map<string, number>>, owner: string, kind: string) => m.get(owner)?.get(kind) ?? 0;

describe('trace attribution', () => {
  it("counts our callback inside the page's task to our script, and the rest to the page", () => {
    const events = [
      meta,
      x('RunTask', 0, 1000),
      x('TimerFire', 0, 900),
      x('FunctionCall', 0, 900, 'https://x.com/home'),
      x('ParseHTML', 100, 200),
      x('RunMicrotasks', 400, 400),
      x('FunctionCall', 400, 300, 'chrome-extension://abc/content.js'),
      x('MinorGC', 500, 50),
      x('Layout', 600, 40),
      x('Paint', 950, 50),
      x('FunctionCall', 2000, 100, 'https://x.com/home', 2), // another thread: not the page's main thread
    ];
    const m = attribute(events, PID);
    expect(ms(m, 'content.js', 'script')).toBe(300 - 50 - 40);
    expect(ms(m, 'content.js', 'gc')).toBe(50);
    expect(ms(m, 'content.js', 'style + layout')).toBe(40);
    expect(ms(m, 'page', 'html parse')).toBe(200);
    // The page's call less the parse and the microtasks' time, plus the microtask checkpoint's own 100.
    expect(ms(m, 'page', 'script')).toBe(900 - 200 - 400 + 100);
    // The task's own 50 (1,000 less the timer's 900 and the paint's 50) and the paint's 50.
    expect(ms(m, 'outside script', 'all')).toBe(50 + 50);
  });
});
