// Counters that let the popup say "can't read this page" instead of failing silently.
// The content script keeps one set per tab and reports it to the background.

export interface ReaderHealth {
  /** Tweet articles found in the DOM. */
  articlesSeen: number;
  /** Of which read into TweetFacts. */
  articlesRead: number;
  /** Articles we could not read (no id or no author found). */
  articleFailures: number;
  /** X API responses the page-world reader looked at. */
  responsesSeen: number;
  /** Tweets and users parsed from those responses. */
  apiTweets: number;
  apiUsers: number;
  /** Responses that could not be parsed (bad JSON, unknown shape, budget exceeded). */
  apiFailures: number;
  /** Messages from the page world that failed validation (possibly forged). */
  rejectedMessages: number;
}

export function emptyHealth(): ReaderHealth {
  return {
    articlesSeen: 0,
    articlesRead: 0,
    articleFailures: 0,
    responsesSeen: 0,
    apiTweets: 0,
    apiUsers: 0,
    apiFailures: 0,
    rejectedMessages: 0,
  };
}

export type HealthStatus = 'ok' | 'idle' | 'dom-unreadable' | 'api-unreadable';

/** What the popup should say about the reader on the current tab. */
export function healthStatus(h: ReaderHealth): HealthStatus {
  if (h.articlesSeen > 0 && h.articlesRead === 0) return 'dom-unreadable';
  if (h.articlesSeen >= 5 && h.articleFailures / h.articlesSeen > 0.5) return 'dom-unreadable';
  if (h.responsesSeen >= 2 && h.apiTweets === 0 && h.apiUsers === 0 && h.apiFailures > 0) return 'api-unreadable';
  if (h.articlesSeen === 0 && h.responsesSeen === 0) return 'idle';
  return 'ok';
}
