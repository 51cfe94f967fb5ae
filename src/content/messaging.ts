// Typed messages to the background, retried while its worker starts up.
import browser from 'webextension-polyfill';
import { envelope, type MessageType, type Reply, type Request } from '../shared/messages';

/** True while this content script still belongs to a live extension (false after an update or reload). */
export function isExtensionAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
}

export async function send<T extends MessageType>(type: T, payload: Request<T>, tries = 4): Promise<Reply<T>> {
  let lastError: unknown;
  for (let i = 0; i < tries; i++) {
    if (!isExtensionAlive()) throw new Error('extension context is gone');
    try {
      return (await browser.runtime.sendMessage(envelope(type, payload))) as Reply<T>;
    } catch (err) {
      // "Receiving end does not exist" while the service worker wakes: wait and try again.
      lastError = err;
      await new Promise((r) => setTimeout(r, 100 * 2 ** i));
    }
  }
  throw lastError;
}
