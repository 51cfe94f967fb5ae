// @vitest-environment node
// The Outbox's busy-timeline policy and its bounds (the rest: outbox.test.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Outbox } from '../../../src/content/outbox';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Outbox under a busy timeline', () => {
  it('the first item after idle goes out after flushMs; while items keep coming, a pump at most every busyFlushMs', async () => {
    const at: number[] = [];
    const box = new Outbox({ signal: new AbortController().signal, flushMs: 250, busyFlushMs: 1000 });
    const lane = box.lane<string>({ key: (s) => s, send: async () => void at.push(Date.now()) });
    const t0 = Date.now();
    for (let i = 0; i < 60; i++) {
      lane.add(String(i));
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(2000);
    const offsets = at.map((t) => t - t0);
    expect(offsets[0]).toBe(250);
    for (let i = 1; i < offsets.length; i++) expect(offsets[i]! - offsets[i - 1]!).toBeGreaterThanOrEqual(1000);
    expect(offsets.length).toBeLessThanOrEqual(4);
  });

  it('a pump sends what was waiting when it began: items that arrive during a slow send wait for the next pump', async () => {
    const at: Array<{ t: number; batch: string[] }> = [];
    const box = new Outbox({ signal: new AbortController().signal, flushMs: 250, busyFlushMs: 1000 });
    // Each send takes 300 ms, as a round trip to a busy background does.
    const send = async (batch: string[]) => {
      at.push({ t: Date.now(), batch });
      await new Promise((r) => setTimeout(r, 300));
    };
    const lane = box.lane<string>({ key: (s) => s, send });
    const t0 = Date.now();
    for (let i = 0; i < 100; i++) {
      lane.add(String(i));
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(3000);
    expect(at.flatMap((a) => a.batch)).toEqual(Array.from({ length: 100 }, (_, i) => String(i)));
    expect(at[0]!.t - t0).toBe(250);
    for (let i = 1; i < at.length; i++) expect(at[i]!.t - at[i - 1]!.t).toBeGreaterThanOrEqual(1000);
    expect(at.length).toBeLessThanOrEqual(7); // one per round trip would be 17
  });

  it('keeps at most maxPending items waiting while the background is unreachable, dropping the oldest', async () => {
    const box = new Outbox({ signal: new AbortController().signal });
    const lane = box.lane<string>({ key: (s) => s, maxPending: 3, send: async () => Promise.reject(new Error('down')) });
    for (const s of ['a', 'b', 'c', 'd', 'e']) lane.add(s);
    expect(lane.pending).toBe(3);
    expect(lane.dropped).toBe(2);
  });
});
