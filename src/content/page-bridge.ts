// The isolated content script's side of the page-world reader (src/page-world/).
//
// Any script on x.com can dispatch `qb:page-data`, so each message is treated as untrusted:
// the detail must be a string under a size cap, parse as JSON, and pass validatePageData;
// whatever fails is counted in `health.rejectedMessages` and dropped, nothing of it is kept.
import type { ReaderHealth } from '../shared/health';
import { BUDGETS } from '../shared/budgets';
import { PAGE_DATA_EVENT, validatePageData, type PageData } from '../shared/validate-page-data';

/** Largest detail accepted (shared/budgets.ts): the page reader splits its results to fit. */
export const MAX_MESSAGE_CHARS = BUDGETS.messageChars;

export function listenToPageReader(
  onData: (data: PageData) => void,
  health: ReaderHealth,
  signal: AbortSignal,
  target: Pick<Document, 'addEventListener' | 'removeEventListener'> = document,
): void {
  if (signal.aborted) return;
  const onEvent = (event: Event) => {
    let data: PageData | null = null;
    try {
      const detail: unknown = (event as CustomEvent).detail;
      if (typeof detail === 'string' && detail.length <= MAX_MESSAGE_CHARS) {
        data = validatePageData(JSON.parse(detail));
      }
    } catch {
      data = null;
    }
    if (!data) {
      health.rejectedMessages++;
      return;
    }
    health.responsesSeen += data.health.responsesSeen;
    health.apiTweets += data.health.apiTweets;
    health.apiUsers += data.health.apiUsers;
    health.apiFailures += data.health.apiFailures;
    try {
      onData(data);
    } catch {
      // A consumer's bug must not stop the next message.
    }
  };
  target.addEventListener(PAGE_DATA_EVENT, onEvent);
  signal.addEventListener('abort', () => target.removeEventListener(PAGE_DATA_EVENT, onEvent), { once: true });
}
