// Asking the background from an extension page (popup, options): one typed request with a
// timeout, so a worker that never answers shows up as an error instead of a frozen page.
import { envelope, type Envelope, type MessageType, type Reply, type Request } from './messages';

export type Send = (message: Envelope) => Promise<unknown>;

export async function request<T extends MessageType>(
  send: Send,
  type: T,
  payload: Request<T>,
  timeoutMs: number,
): Promise<Reply<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
  });
  try {
    const reply = await Promise.race([send(envelope(type, payload) as Envelope), timeout]);
    // No listener answered: sendMessage resolves with undefined.
    if (reply === undefined || reply === null) throw new Error('no reply');
    return reply as Reply<T>;
  } finally {
    clearTimeout(timer);
  }
}
