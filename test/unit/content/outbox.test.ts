// @vitest-environment node
// The content script's Outbox with a fake `send` and fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Outbox } from '../../../src/content/outbox';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function recorder(fail: (batch: string[]) => boolean = () => false) {
  const calls: string[][] = [];
  const delivered: string[] = [];
  return {
    calls,
    delivered,
    send: async (batch: string[]) => {
      calls.push([...batch]);
      if (fail(batch)) throw new Error('refused');
      delivered.push(...batch);
    },
  };
}

describe('Outbox', () => {
  it('batches what arrives within flushMs into one send, and runs no timer while idle', async () => {
    const r = recorder();
    const box = new Outbox({ signal: new AbortController().signal, flushMs: 250 });
    const lane = box.lane<string>({ key: (s) => s, send: r.send, once: true });
    lane.add('1');
    await vi.advanceTimersByTimeAsync(100);
    lane.add('2');
    lane.add('2');
    expect(r.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(150);
    expect(r.calls).toEqual([['1', '2']]);
    expect(vi.getTimerCount()).toBe(0);
    lane.add('1'); // once: already delivered
    expect(lane.pending).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cuts batches at maxBatch and sends them all in one pump', async () => {
    const r = recorder();
    const box = new Outbox({ signal: new AbortController().signal });
    const lane = box.lane<string>({ key: (s) => s, send: r.send, maxBatch: 2 });
    for (const s of ['a', 'b', 'c', 'd', 'e']) lane.add(s);
    await vi.advanceTimersByTimeAsync(250);
    expect(r.calls).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('retries a failed batch after a pause that grows', async () => {
    let down = 1;
    const r = recorder(() => down-- > 0);
    const box = new Outbox({ signal: new AbortController().signal, flushMs: 100 });
    const lane = box.lane<string>({ key: (s) => s, send: r.send });
    lane.add('a');
    await vi.advanceTimersByTimeAsync(100);
    expect(r.calls.length).toBe(1);
    await vi.advanceTimersByTimeAsync(199);
    expect(r.calls.length).toBe(1); // second try after 2 × 100 ms
    await vi.advanceTimersByTimeAsync(1);
    expect(r.calls.length).toBe(2);
    expect(r.delivered).toEqual(['a']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('splits a batch that failed twice, delivers every good item and drops only the one that always fails', async () => {
    const r = recorder((batch) => batch.includes('bad'));
    const box = new Outbox({ signal: new AbortController().signal, flushMs: 10, maxBackoffMs: 10 });
    const lane = box.lane<string>({ key: (s) => s, send: r.send, maxBatch: 8 });
    const items = ['a', 'b', 'c', 'bad', 'd', 'e', 'f', 'g'];
    items.forEach((s) => lane.add(s));
    await vi.advanceTimersByTimeAsync(2000);
    expect(r.delivered.sort()).toEqual(items.filter((s) => s !== 'bad').sort());
    expect(lane.dropped).toBe(1);
    expect(lane.pending).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    // The whole batch was never retried forever: the bad item was sent a bounded number of times.
    expect(r.calls.filter((c) => c.includes('bad')).length).toBeLessThanOrEqual(8);
  });

  it('pumps lanes in order, and a later lane waits for items that are not ready', async () => {
    const order: string[] = [];
    const box = new Outbox({ signal: new AbortController().signal });
    const tweets = box.lane<string>({ key: (s) => s, once: true, send: async (b) => void order.push(`tweets:${b}`) });
    const hidden = box.lane<string>({ key: (s) => s, ready: (id) => tweets.delivered(id), send: async (b) => void order.push(`hidden:${b}`) });
    hidden.add('1');
    hidden.add('9'); // never sent as a tweet
    tweets.add('1');
    await vi.advanceTimersByTimeAsync(250);
    expect(order).toEqual(['tweets:1', 'hidden:1']);
    expect(hidden.pending).toBe(1);
    expect(vi.getTimerCount()).toBe(0); // waiting, not polling
  });

  it('a newer item replaces a pending one with the same key', async () => {
    const sent: Array<{ k: string; v: number }[]> = [];
    const box = new Outbox({ signal: new AbortController().signal });
    const lane = box.lane<{ k: string; v: number }>({ key: (x) => x.k, send: async (b) => void sent.push(b) });
    lane.add({ k: 'health', v: 1 });
    lane.add({ k: 'health', v: 2 });
    await vi.advanceTimersByTimeAsync(250);
    expect(sent).toEqual([[{ k: 'health', v: 2 }]]);
  });

  it('abort stops the timer and every later send', async () => {
    const r = recorder();
    const ctl = new AbortController();
    const box = new Outbox({ signal: ctl.signal });
    const lane = box.lane<string>({ key: (s) => s, send: r.send });
    lane.add('a');
    ctl.abort();
    expect(vi.getTimerCount()).toBe(0);
    lane.add('b');
    await vi.advanceTimersByTimeAsync(1000);
    await box.flush();
    expect(r.calls).toEqual([]);
  });
});
