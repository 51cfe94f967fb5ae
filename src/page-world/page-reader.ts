// Passive reader of X's API responses, running in the page's own world.
//
//   page calls fetch / XHR ──► original fetch / XHR ──► the page gets its response, untouched
//                                   │ (API URLs only, after the fact)
//                                   ▼
//                 clone().text() / responseText, in a later task
//                 (an XHR text the page parsed itself: the page's value, parse-tap.ts)
//                                   ▼
//                 parseGraphqlResponse (bounded) ──► JSON string ──► `qb:page-data` on document
//                                                                   (content/page-bridge.ts validates it)
//
// Rules: we never send, change, delay or drop a request or a response; the page's call returns
// exactly what the original returned (same promise); every line of ours runs inside try/catch
// or in our own promise chain, so nothing of ours can throw into the page.
import { parseApiResponse } from './parse-graphql';
import { emptyPageData, PAGE_DATA_EVENT, PAGE_DATA_LIMITS, type PageData } from '../shared/validate-page-data';
import { BUDGETS, jsonChars } from '../shared/budgets';
import { lookNative } from './look-native';
import { tapJsonParse, type ParseTap } from './parse-tap';

/** Bodies larger than this are not read (counted as a failure): 20 MB of JSON. */
export const MAX_BODY_CHARS = 20 * 1024 * 1024;

/**
 * GraphQL operations whose responses carry tweets or users. Other operations (settings,
 * badges, mutations without content) are left alone: reading them would only cost time.
 */
const CONTENT_OPERATION =
  /(Timeline|Tweet|Tweets|TweetDetail|User|Users|Search|Followers|Following|Likes|Bookmarks|Retweeters|Favoriters|Communit|List|Highlights|Media|Viewer)/;

/** The GraphQL operation name of an X API URL, or null when we do not read it. */
export function apiOperation(rawUrl: string, base = 'https://x.com/'): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl, base);
  } catch {
    return null;
  }
  const host = url.hostname;
  if (!/(^|\.)(x|twitter)\.com$/.test(host)) return null;
  // x.com/i/api/graphql/<hash>/<Operation>, and api.x.com/graphql/<hash>/<Operation>.
  const m = /\/(?:i\/api\/)?graphql\/[^/]+\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
  if (!m || !(url.pathname.includes('/i/api/graphql/') || /^api\./.test(host))) return null;
  const op = m[1]!;
  return CONTENT_OPERATION.test(op) ? op : null;
}

/** What the reader needs from the window; a test can pass a fake. */
export interface PageWindow {
  fetch?: typeof fetch;
  XMLHttpRequest?: typeof XMLHttpRequest;
  document: Pick<Document, 'dispatchEvent'>;
  CustomEvent: typeof CustomEvent;
  setTimeout: (fn: () => void, ms?: number) => unknown;
  location?: { href: string };
  /** Its JSON.parse is wrapped to hand us the page's own parse of an XHR response (parse-tap.ts). */
  JSON?: JSON;
}

export interface PageReaderOptions {
  /** Where results go; default: a `qb:page-data` event on document with a JSON string detail. */
  post?: (data: PageData) => void;
  /** Aborting it uninstalls the reader. */
  signal?: AbortSignal;
}

/**
 * Splits one result into messages the validator accepts: at most 500 of each list, and at most
 * BUDGETS.messageChars of JSON each (an item larger than a message on its own is dropped).
 */
export function chunkPageData(d: PageData, maxChars: number = BUDGETS.messageChars): PageData[] {
  const maxItems = Math.min(PAGE_DATA_LIMITS.tweets, PAGE_DATA_LIMITS.profiles, PAGE_DATA_LIMITS.ads);
  const room = maxChars - 1000; // the envelope and the health counters
  const out: PageData[] = [];
  let part = emptyPageData();
  // The health increment, the user-list page and the viewer travel once, with the first part.
  part.health = { ...d.health };
  if (d.userList) part.userList = d.userList;
  if (d.viewer) part.viewer = d.viewer;
  let size = jsonChars({ userList: d.userList, viewer: d.viewer });
  let items = 0;
  const push = <K extends 'tweets' | 'profiles' | 'ads'>(key: K, item: PageData[K][number]) => {
    const cost = jsonChars(item) + 1;
    if (cost > room) return;
    if (size + cost > room || part[key].length >= maxItems) {
      out.push(part);
      part = emptyPageData();
      size = 0;
      items = 0;
    }
    (part[key] as PageData[K][number][]).push(item);
    size += cost;
    items++;
  };
  for (const t of d.tweets) push('tweets', t);
  for (const p of d.profiles) push('profiles', p);
  for (const a of d.ads) push('ads', a);
  if (items > 0 || out.length === 0 || part.userList || part.viewer) out.push(part);
  return out;
}

/** Few enough items for one message (PAGE_DATA_LIMITS); its size is checked on its JSON. */
function fitsOneMessage(d: PageData): boolean {
  const maxItems = Math.min(PAGE_DATA_LIMITS.tweets, PAGE_DATA_LIMITS.profiles, PAGE_DATA_LIMITS.ads);
  return d.tweets.length <= maxItems && d.profiles.length <= maxItems && d.ads.length <= maxItems;
}

/**
 * The body of our clone as text, or null once it passes MAX_BODY_CHARS (then our branch of
 * the stream is cancelled; the page's branch goes on untouched).
 */
async function readCapped(response: Response): Promise<string | null> {
  const body = response.body;
  if (!body || typeof body.getReader !== 'function' || typeof TextDecoder !== 'function') {
    const text = await response.text();
    return text.length > MAX_BODY_CHARS ? null : text;
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
    size += parts[parts.length - 1]!.length;
    if (size > MAX_BODY_CHARS) {
      reader.cancel().catch(() => undefined);
      return null;
    }
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** The hand-off from a wrapper to the parser: text or parsed JSON of one API response, or a failure. */
interface Sink {
  /** `url`: the request's, for the operation name and its variables (lists of users). */
  text(text: unknown, url: string): void;
  json(json: unknown, url: string): void;
  failure(): void;
}

/**
 * Where parsed responses go. Every path runs in a task of its own, after the page had its
 * response, and inside try/catch: nothing of ours may reach the page.
 */
function makeSink(win: PageWindow, options: PageReaderOptions, signal: AbortSignal | undefined): Sink {
  // Keep our own references: later page code may replace these globals.
  const stringify = JSON.stringify;
  const parseJson = JSON.parse;
  const CustomEventCtor = win.CustomEvent;
  const doc = win.document;
  const dispatch = doc.dispatchEvent;
  const later = win.setTimeout.bind(win);
  // A string detail: Firefox hides objects made in the page from the content script (Xray).
  const postJson = (json: string) => dispatch.call(doc, new CustomEventCtor(PAGE_DATA_EVENT, { detail: json }));
  const post = options.post ?? ((data: PageData) => postJson(stringify(data)));

  const postAll = (data: PageData) => {
    if (signal?.aborted) return;
    try {
      if (!options.post && fitsOneMessage(data)) {
        // Most responses: one message, serialised once (chunkPageData weighs every item as JSON).
        const json = stringify(data);
        if (json.length <= BUDGETS.messageChars) return postJson(json);
      }
      for (const part of chunkPageData(data)) post(part);
    } catch {
      // Nothing we do may reach the page.
    }
  };
  const failure = () => {
    const d = emptyPageData();
    d.health.responsesSeen = 1;
    d.health.apiFailures = 1;
    postAll(d);
  };
  const inOwnTask = (work: () => void) =>
    later(() => {
      try {
        work();
      } catch {
        // Never into the page.
      }
    }, 0);

  return {
    failure,
    json: (json, url) => inOwnTask(() => postAll(parseApiResponse(json, apiOperation(url) ?? '', url))),
    text: (text, url) =>
      inOwnTask(() => {
        if (typeof text !== 'string' || text.length > MAX_BODY_CHARS) return failure();
        let json: unknown;
        try {
          json = parseJson(text);
        } catch {
          return failure();
        }
        postAll(parseApiResponse(json, apiOperation(url) ?? '', url));
      }),
  };
}

function requestUrl(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  const url = (input as Request | undefined)?.url;
  return typeof url === 'string' ? url : undefined;
}

/** Reads a fetch response of ours (a clone) once the page's promise resolved. */
function readFetchResponse(response: Response, sink: Sink, url: string): void {
  if (!response || !response.ok || response.bodyUsed) return;
  // Content-Length counts bytes (compressed, when encoded): a cheap first check.
  const length = Number(response.headers.get('content-length'));
  if (length > MAX_BODY_CHARS) return sink.failure();
  // Cloned now, before the page can consume the body; read at the stream's pace.
  readCapped(response.clone()).then(
    (text) => (text === null ? sink.failure() : sink.text(text, url)),
    () => undefined,
  );
}

/** Wraps win.fetch; returns the undo, or undefined when there is no fetch. */
function wrapFetch(win: PageWindow, base: string, sink: Sink): (() => void) | undefined {
  const originalFetch = win.fetch;
  if (typeof originalFetch !== 'function') return undefined;
  const wrapped = function fetch(this: unknown, ...args: Parameters<typeof originalFetch>): Promise<Response> {
    // The page's call goes through first and unchanged; its promise is what the page gets.
    const result = originalFetch.apply(this, args);
    try {
      const url = requestUrl(args[0]);
      if (url !== undefined && apiOperation(url, base) && result && typeof result.then === 'function') {
        // A branch of our own: the page's promise and its handlers are not touched.
        result.then(
          (response) => {
            try {
              readFetchResponse(response, sink, url);
            } catch {
              // Never into the page.
            }
          },
          () => undefined,
        );
      }
    } catch {
      // Never into the page.
    }
    return result;
  };
  lookNative(wrapped, originalFetch);
  win.fetch = wrapped as typeof fetch;
  return () => {
    if (win.fetch === (wrapped as typeof fetch)) win.fetch = originalFetch;
  };
}

/**
 * Wraps XMLHttpRequest's open and send; returns the undo, or undefined when there is no XHR.
 * With a `tap`, a text response the page parsed itself is read from the page's value.
 */
function wrapXhr(win: PageWindow, base: string, sink: Sink, tap: ParseTap | undefined): (() => void) | undefined {
  const proto = win.XMLHttpRequest?.prototype;
  if (!proto || typeof proto.open !== 'function' || typeof proto.send !== 'function') return undefined;
  const originalOpen = proto.open;
  const originalSend = proto.send;
  const addListener = proto.addEventListener;
  const urls = new WeakMap<XMLHttpRequest, string>();
  const watched = new WeakSet<XMLHttpRequest>();
  /** Sent to an API URL and not yet ended: each is one `tap.expect()` to settle. */
  const due = new WeakSet<XMLHttpRequest>();

  // At loadend, after every load and readystatechange handler of the page (and the microtasks they
  // queued) ran: by then the page has parsed the text, if it parses it as it arrives.
  const onLoadEnd = function (this: XMLHttpRequest) {
    if (!due.has(this)) return;
    due.delete(this);
    try {
      // The page may reuse one XHR for other URLs: check the one this load is for.
      const url = urls.get(this);
      if (url === undefined || !apiOperation(url, base)) return;
      if (this.readyState !== 4 || this.status < 200 || this.status >= 300) return;
      const type = this.responseType;
      if (type === '' || type === 'text') {
        const text = this.responseText;
        const pages = typeof text === 'string' ? tap?.take(text) : undefined;
        if (pages) sink.json(pages.value, url);
        else sink.text(text, url);
      } else if (type === 'json') sink.json(this.response, url);
    } catch {
      // Never into the page.
    } finally {
      tap?.settle();
    }
  };
  const open = function open(this: XMLHttpRequest, ...args: unknown[]): void {
    try {
      // open() on a request in flight ends it without a loadend.
      if (due.delete(this)) tap?.settle();
      const url = args[1];
      urls.set(this, typeof url === 'string' ? url : url instanceof URL ? url.href : String(url));
    } catch {
      // Never into the page.
    }
    return (originalOpen as (...a: unknown[]) => void).apply(this, args);
  };
  const xhrSend = function send(this: XMLHttpRequest, ...args: unknown[]): void {
    try {
      const url = urls.get(this);
      if (url !== undefined && apiOperation(url, base)) {
        if (!watched.has(this)) {
          watched.add(this);
          addListener.call(this, 'loadend', onLoadEnd);
        }
        if (!due.has(this)) {
          due.add(this);
          tap?.expect();
        }
      }
    } catch {
      // Never into the page.
    }
    try {
      return (originalSend as (...a: unknown[]) => void).apply(this, args);
    } catch (error) {
      // Not sent (the page's own mistake, passed on as it is): no loadend will come.
      if (due.delete(this)) tap?.settle();
      throw error;
    }
  };
  lookNative(open, originalOpen);
  lookNative(xhrSend, originalSend);
  proto.open = open as typeof proto.open;
  proto.send = xhrSend as typeof proto.send;
  return () => {
    if (proto.open === open) proto.open = originalOpen;
    if (proto.send === xhrSend) proto.send = originalSend;
  };
}

/**
 * Wraps the window's fetch and XMLHttpRequest so API responses are read after the page got
 * them. Aborting `options.signal` (or calling the returned function) puts the originals back
 * where nothing replaced them since, and stops posting.
 */
export function installPageReader(win: PageWindow, options: PageReaderOptions = {}): () => void {
  const { signal } = options;
  if (signal?.aborted) return () => undefined;
  const base = win.location?.href ?? 'https://x.com/';
  const sink = makeSink(win, options, signal);
  const tap = tapJsonParse(win.JSON);
  const undo = [wrapFetch(win, base, sink), wrapXhr(win, base, sink, tap), tap?.uninstall].filter((u): u is () => void => !!u);
  const uninstall = () => undo.splice(0).forEach((u) => u());
  signal?.addEventListener('abort', uninstall, { once: true });
  return uninstall;
}
