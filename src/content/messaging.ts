// Typed messages to the background, retried while its worker starts up.
import browser from 'webextension-polyfill';
import { envelope, type MessageType, type Reply, type Request } from '../shared/messages';
import { notReceived } from '../shared/request';

/** True while this content script still belongs to a live extension (false after an update or reload). */
export function isExtensionAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
}

/**
 * Send one message; sent again, after 100, 200, 400 ms, only while no background received it
 * ("Receiving end does not exist" while the worker wakes: shared/request.ts notReceived). A
 * handler's own error (a batch the background refused) comes back at once: the outbox decides
 * what to do with its items (outbox.ts), and sending the same batch again would fail the same way.
 * Sending again a message the worker did handle before it stopped is safe: the reads read again,
 * the writes set a value, and the background counts each tweet once (background/seen-tweets.ts).
 */
export async function send<T extends MessageType>(type: T, payload: Request<T>, tries = 4): Promise<Reply<T>> {
  for (let i = 0; ; i++) {
    if (!isExtensionAlive()) throw new Error('extension context is gone');
    try {
      return (await browser.runtime.sendMessage(envelope(type, payload))) as Reply<T>;
    } catch (err) {
      if (i + 1 >= tries || !notReceived(err)) throw err;
      await new Promise((r) => setTimeout(r, 100 * 2 ** i));
    }
  }
}
