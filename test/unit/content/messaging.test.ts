// @vitest-environment node
// The content script's messages to the background: sent again only while no background received
// them (its worker waking up), never when the background answered with an error of its own.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

const runtime = vi.hoisted(() => ({ id: 'quiet-bazaar' as string | undefined, sendMessage: vi.fn<(m: unknown) => Promise<unknown>>() }));
vi.mock('webextension-polyfill', () => ({ default: { runtime } }));
const { send } = await import('../../../src/content/messaging');

const NOT_THERE = 'Could not establish connection. Receiving end does not exist.';

beforeEach(() => {
  vi.useFakeTimers();
  runtime.id = 'quiet-bazaar';
  runtime.sendMessage.mockReset();
});
afterEach(() => vi.useRealTimers());

/** Settle `p` while advancing the fake clock, as the pauses between tries need. */
async function settle<T>(p: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const out = p.then((value) => ({ value }), (error: unknown) => ({ error }));
  await vi.advanceTimersByTimeAsync(5000);
  return out;
}

it('sends again while the background is not there yet, then takes its answer', async () => {
  runtime.sendMessage.mockRejectedValueOnce(new Error(NOT_THERE)).mockRejectedValueOnce(new Error('The message port closed before a response was received.')).mockResolvedValueOnce({ verdicts: [] });
  const r = await settle(send('get-verdicts', {}));
  expect(r.value).toEqual({ verdicts: [] });
  expect(runtime.sendMessage).toHaveBeenCalledTimes(3);
});

it("returns the background's own error at once, without sending the message again", async () => {
  runtime.sendMessage.mockRejectedValue(new Error('invalid tweets-seen batch'));
  const r = await settle(send('get-verdicts', {}));
  expect((r.error as Error).message).toBe('invalid tweets-seen batch');
  expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
});

it('gives up after four tries when no background ever answers', async () => {
  runtime.sendMessage.mockRejectedValue(new Error(NOT_THERE));
  const r = await settle(send('get-verdicts', {}));
  expect((r.error as Error).message).toBe(NOT_THERE);
  expect(runtime.sendMessage).toHaveBeenCalledTimes(4);
});

it('stops when the extension is gone (updated or removed)', async () => {
  runtime.sendMessage.mockRejectedValue(new Error(NOT_THERE));
  const p = settle(send('get-verdicts', {}));
  runtime.id = undefined;
  const r = await p;
  expect((r.error as Error).message).toBe('extension context is gone');
  expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
});
