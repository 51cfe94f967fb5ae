// Asking the background from an extension page (popup, options): one typed request with a
// timeout, so a worker that never answers shows up as an error instead of a frozen page.
//
// A background that is starting or stopping (an MV3 worker, a Firefox event page after its idle
// time) can refuse a message outright: "Could not establish connection. Receiving end does not
// exist." Or it stops while the message is on its way or being handled (Chromium: "The message
// port closed before a response was received.", or for a listener that answers later, as
// webextension-polyfill's do: "… but the message channel closed before a response was received";
// Firefox: "Actor 'Conduits' destroyed before query 'RuntimeMessage' was able to receive a
// reply"). The message is sent again after a short pause,
// within the same timeout. Every message the pages send is safe to repeat, even if it was handled:
// reads, and writes that set a value (a setting, an account's override, an import) rather than
// add to one.
import { envelope, type Envelope, type MessageType, type Reply, type Request } from './messages';

export type Send = (message: Envelope) => Promise<unknown>;

/** How Chromium and Firefox say that no background received the message, or none lived to answer it. */
const NOT_RECEIVED = /Receiving end does not exist|Could not establish connection|message (?:port|channel) closed before a response|destroyed before query/i;

/** Pauses before sending again a message no background received. */
export const RESEND_MS = [100, 300, 600] as const;

/** Whether sending failed because no background received the message (or none lived to answer): worth sending again. */
export function notReceived(error: unknown): boolean {
  return error instanceof Error && NOT_RECEIVED.test(error.message);
}

export async function request<T extends MessageType>(
  send: Send,
  type: T,
  payload: Request<T>,
  timeoutMs: number,
): Promise<Reply<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error('timeout'));
    }, timeoutMs);
  });
  const message = envelope(type, payload) as Envelope;
  const sendUntilReceived = async (): Promise<unknown> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send(message);
      } catch (error) {
        const pause = RESEND_MS[attempt];
        if (pause === undefined || timedOut || !notReceived(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
        if (timedOut) throw error;
      }
    }
  };
  try {
    const reply = await Promise.race([sendUntilReceived(), timeout]);
    // No listener answered: sendMessage resolves with undefined.
    if (reply === undefined || reply === null) throw new Error('no reply');
    return reply as Reply<T>;
  } finally {
    clearTimeout(timer);
  }
}
