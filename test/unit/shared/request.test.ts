// request(): the pages' one way to ask the background. A message no background received is sent
// again (the worker or event page was starting or stopping); any other failure, or the timeout,
// is the caller's error at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { request, RESEND_MS, type Send } from '../../../src/shared/request';

const NOT_RECEIVED = new Error('Could not establish connection. Receiving end does not exist.');
const data = { settings: {} };

afterEach(() => void vi.useRealTimers());

describe('request', () => {
  it('sends again a message no background received, and returns the answer', async () => {
    vi.useFakeTimers();
    let refusals = 2;
    const send = vi.fn<Send>(async () => {
      if (refusals-- > 0) throw NOT_RECEIVED;
      return data;
    });
    const reply = request(send, 'get-popup-data', {}, 5000);
    await vi.advanceTimersByTimeAsync(RESEND_MS[0] + RESEND_MS[1]);
    await expect(reply).resolves.toBe(data);
    expect(send).toHaveBeenCalledTimes(3);
    // The same message each time.
    expect(send.mock.calls[0]![0]).toEqual(send.mock.calls[2]![0]);
  });

  it.each([
    ['Chromium', 'The message port closed before a response was received.'],
    ['Chromium, a listener that answers later', 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received'],
    ['Firefox', "Actor 'Conduits' destroyed before query 'RuntimeMessage' was able to receive a reply"],
  ])('sends again when the background stopped before it answered (%s)', async (_, said) => {
    vi.useFakeTimers();
    const send = vi.fn<Send>().mockRejectedValueOnce(new Error(said)).mockResolvedValue(data);
    const reply = request(send, 'get-popup-data', {}, 5000);
    await vi.advanceTimersByTimeAsync(RESEND_MS[0]);
    await expect(reply).resolves.toBe(data);
    expect(send).toHaveBeenCalledTimes(2);
  });

  /** A background that never receives, asked with `timeoutMs`: how the request ends, and how often it sent. */
  async function neverReceived(timeoutMs: number) {
    vi.useFakeTimers();
    const send = vi.fn<Send>(async () => {
      throw NOT_RECEIVED;
    });
    const outcome = request(send, 'get-popup-data', {}, timeoutMs).then(
      () => 'answered',
      (e: Error) => e,
    );
    await vi.advanceTimersByTimeAsync(10_000);
    return { error: await outcome, sends: send.mock.calls.length };
  }

  it('gives up after RESEND_MS.length more tries with the browser\'s own error', async () => {
    expect(await neverReceived(5000)).toEqual({ error: NOT_RECEIVED, sends: 1 + RESEND_MS.length });
  });

  it('does not send again when the background received the message and failed (the handler threw)', async () => {
    const refused = new Error('set-override: bad handle');
    const send = vi.fn<Send>(async () => {
      throw refused;
    });
    await expect(request(send, 'set-override', { handle: 'x', override: 'show' }, 5000)).rejects.toBe(refused);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('stops sending at the timeout', async () => {
    const { error, sends } = await neverReceived(150);
    expect(error).toEqual(new Error('timeout'));
    expect(sends).toBe(2); // at 0 and 100 ms; the next pause ends after the timeout
  });
  it('takes no answer (no listener) as an error', async () => {
    await expect(request(async () => undefined, 'get-popup-data', {}, 5000)).rejects.toThrow('no reply');
  });
});
