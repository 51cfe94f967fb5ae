import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenToPageReader } from '../../../src/content/page-bridge';
import { apiOperation, chunkPageData, installPageReader, MAX_BODY_CHARS, type PageWindow } from '../../../src/page-world/page-reader';
import { parseApiResponse, parseGraphqlResponse } from '../../../src/page-world/parse-graphql';

/** The runner's own JSON.parse, out of reach of the spies below. */
const realParse = JSON.parse.bind(JSON);
const parseApiResponseOf = (text: string) => parseApiResponse(realParse(text), 'HomeTimeline', HOME);
import { emptyHealth } from '../../../src/shared/health';
import { emptyPageData, type PageData } from '../../../src/shared/validate-page-data';

const API = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/x-api');
const body = (name: string) => readFileSync(join(API, name), 'utf8');
const HOME = 'https://x.com/i/api/graphql/abc123/HomeTimeline?variables=%7B%7D';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A window whose fetch answers from `answer`, recording what the reader posts. */
function fakeWindow(answer: (input: unknown, init: unknown) => Promise<Response>) {
  const posts: PageData[] = [];
  const calls: { input: unknown; init: unknown; self: unknown }[] = [];
  const originalFetch = function fetch(this: unknown, input: unknown, init?: unknown) {
    calls.push({ input, init, self: this });
    return answer(input, init);
  } as unknown as typeof fetch;
  const win: PageWindow = {
    fetch: originalFetch,
    document,
    CustomEvent,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    location: { href: 'https://x.com/home' },
  };
  const uninstall = installPageReader(win, { post: (d) => posts.push(d) });
  cleanups.push(uninstall);
  return { win, posts, calls, originalFetch };
}

/** A window whose fetch answers every request with `text` (the reader posts as it would on X). */
function answeringWith(text: string): PageWindow {
  return {
    fetch: (async () => new Response(text)) as unknown as typeof fetch,
    document,
    CustomEvent,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
  };
}

const sum = (posts: PageData[]) =>
  posts.reduce(
    (h, p) => ({
      responsesSeen: h.responsesSeen + p.health.responsesSeen,
      apiTweets: h.apiTweets + p.health.apiTweets,
      apiUsers: h.apiUsers + p.health.apiUsers,
      apiFailures: h.apiFailures + p.health.apiFailures,
    }),
    emptyPageData().health,
  );

describe('apiOperation: which URLs are read', () => {
  it.each([
    [HOME, 'HomeTimeline'],
    ['https://twitter.com/i/api/graphql/x/TweetDetail?v=1', 'TweetDetail'],
    ['/i/api/graphql/x/UserByScreenName', 'UserByScreenName'],
    ['https://api.x.com/graphql/x/SearchTimeline', 'SearchTimeline'],
    ['https://x.com/i/api/graphql/x/Followers', 'Followers'],
  ])('reads %s', (url, op) => expect(apiOperation(url)).toBe(op));

  it.each([
    'https://x.com/i/api/1.1/jot/client_event.json',
    'https://x.com/i/api/graphql/x/DMPinnedInboxQuery',
    'https://evil.example/i/api/graphql/x/HomeTimeline',
    'https://x.com.evil.example/i/api/graphql/x/HomeTimeline',
    'https://x.com/home',
    'not a url at all ::',
  ])('leaves %s alone', (url) => expect(apiOperation(url)).toBeNull());
});

describe('the fetch wrapper is passive', () => {
  it('hands the page the very response the original fetch gave, body and headers intact', async () => {
    const text = body('manual_tweet_with_video_2.json');
    const response = new Response(text, { status: 200, headers: { 'content-type': 'application/json', 'x-rate-limit-remaining': '42' } });
    const { win, posts, calls } = fakeWindow(async () => response);
    const init = { method: 'GET', headers: { authorization: 'Bearer x' } };
    const got = await win.fetch!(HOME, init as RequestInit);
    expect(got).toBe(response);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input).toBe(HOME);
    expect(calls[0]!.init).toBe(init);
    expect(got.headers.get('x-rate-limit-remaining')).toBe('42');
    expect(await got.text()).toBe(text);
    await vi.waitFor(() => expect(posts.length).toBeGreaterThan(0));
    expect(posts[0]).toEqual(parseGraphqlResponse(JSON.parse(text)));
    expect(posts[0]!.ads).toEqual(['1667220696295178240']);
  });

  it('looks like fetch: same name and length', () => {
    const { win, originalFetch } = fakeWindow(async () => new Response('{}'));
    expect(win.fetch).not.toBe(originalFetch);
    expect(win.fetch!.name).toBe('fetch');
    expect(win.fetch!.length).toBe(originalFetch.length);
  });

  it('does not read other requests', async () => {
    const { win, posts } = fakeWindow(async () => new Response('{"data":{}}'));
    await (await win.fetch!('https://x.com/i/api/1.1/jot/client_event.json')).text();
    await (await win.fetch!(new Request('https://abs.twimg.com/x.js'))).text();
    await new Promise((r) => setTimeout(r, 20));
    expect(posts).toEqual([]);
  });

  it('reads Request and URL inputs too', async () => {
    const text = body('_issue_42.json');
    const { win, posts } = fakeWindow(async () => new Response(text));
    await win.fetch!(new Request(HOME));
    await win.fetch!(new URL(HOME));
    await vi.waitFor(() => expect(posts.length).toBe(2));
  });

  it('passes a network error through unchanged, the same error object', async () => {
    const boom = new TypeError('Failed to fetch');
    const { win, posts } = fakeWindow(() => Promise.reject(boom));
    await expect(win.fetch!(HOME)).rejects.toBe(boom);
    await new Promise((r) => setTimeout(r, 20));
    expect(posts).toEqual([]);
  });

  it('does not read error responses (4xx, 5xx)', async () => {
    const { win, posts } = fakeWindow(async () => new Response('{"errors":[]}', { status: 429 }));
    const got = await win.fetch!(HOME);
    expect(got.status).toBe(429);
    await new Promise((r) => setTimeout(r, 20));
    expect(posts).toEqual([]);
  });

  it('parses only after the page has its response, in a later task', async () => {
    const order: string[] = [];
    const text = body('_issue_42.json');
    const posts: string[] = [];
    const win = answeringWith(text);
    cleanups.push(installPageReader(win, { post: () => (order.push('parsed'), posts.push('x')) }));
    const page = win.fetch!(HOME).then(async (r) => {
      order.push('page got response');
      await r.json();
      order.push('page read body');
    });
    await page;
    await vi.waitFor(() => expect(posts.length).toBe(1));
    expect(order).toEqual(['page got response', 'page read body', 'parsed']);
  });

  it('counts truncated JSON as a failure; the page still gets its body', async () => {
    const text = body('_issue_42.json').slice(0, 5000);
    const { win, posts } = fakeWindow(async () => new Response(text));
    expect(await (await win.fetch!(HOME)).text()).toBe(text);
    await vi.waitFor(() => expect(posts.length).toBe(1));
    expect(posts[0]).toEqual({ ...emptyPageData(), health: { responsesSeen: 1, apiTweets: 0, apiUsers: 0, apiFailures: 1 } });
  });

  it('skips a 50 MB response as a failure without parsing it; the page gets all 50 MB', async () => {
    const big = '{"data":"' + 'x'.repeat(50 * 1024 * 1024) + '"}';
    const { win, posts } = fakeWindow(async () => new Response(big));
    const got = await (await win.fetch!(HOME)).text();
    expect(got.length).toBe(big.length);
    await vi.waitFor(() => expect(posts.length).toBe(1));
    expect(posts[0]!.health).toEqual({ responsesSeen: 1, apiTweets: 0, apiUsers: 0, apiFailures: 1 });
    expect(big.length).toBeGreaterThan(MAX_BODY_CHARS);
  }, 30_000);

  it('skips a response whose Content-Length is over the cap without reading it', async () => {
    const response = new Response('{}', { headers: { 'content-length': String(MAX_BODY_CHARS + 1) } });
    const clone = vi.spyOn(response, 'clone');
    const { win, posts } = fakeWindow(async () => response);
    await win.fetch!(HOME);
    await vi.waitFor(() => expect(posts.length).toBe(1));
    expect(posts[0]!.health.apiFailures).toBe(1);
    expect(clone).not.toHaveBeenCalled();
  });

  it('keeps our failures away from the page: a throwing post, a hostile response object', async () => {
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('unhandledRejection', onError);
    try {
      const win: PageWindow = {
        fetch: (async () => new Response(body('_issue_42.json'))) as unknown as typeof fetch,
        document,
        CustomEvent,
        setTimeout: (fn, ms) => setTimeout(fn, ms),
      };
      let threw = 0;
      cleanups.push(
        installPageReader(win, {
          post: () => {
            threw++;
            throw new Error('ours');
          },
        }),
      );
      await (await win.fetch!(HOME)).text();
      // A "response" whose every property throws (but `then`, or no promise could resolve to it).
      const hostile = new Proxy(
        {},
        {
          get: (_, key) => {
            if (key === 'then') return undefined;
            throw new Error('trap');
          },
        },
      );
      const win2: PageWindow = { ...win, fetch: (async () => hostile) as unknown as typeof fetch };
      cleanups.push(installPageReader(win2, { post: () => undefined }));
      await expect(win2.fetch!(HOME)).resolves.toBe(hostile);
      await vi.waitFor(() => expect(threw).toBe(1));
      await new Promise((r) => setTimeout(r, 20));
      expect(errors).toEqual([]);
    } finally {
      process.off('unhandledRejection', onError);
    }
  });

  it('puts the original fetch back when uninstalled', () => {
    const { win, originalFetch } = fakeWindow(async () => new Response('{}'));
    cleanups.pop()!();
    expect(win.fetch).toBe(originalFetch);
  });
});

/** Just enough of an XMLHttpRequest for the wrapper. */
class FakeXhr extends EventTarget {
  static sent: unknown[][] = [];
  status = 0;
  readyState = 0;
  responseType: XMLHttpRequestResponseType = '';
  responseText = '';
  response: unknown = '';
  url = '';
  /** Thrown by send, as a real XHR throws when not opened. */
  sendError: Error | undefined;
  open(method: string, url: string | URL): void {
    this.url = String(url);
  }
  send(bodyArg?: unknown): void {
    if (this.sendError) throw this.sendError;
    FakeXhr.sent.push([this.url, bodyArg]);
  }
  /** What the network would do: fill in the response and fire load. */
  finish(status: number, text: string): void {
    this.status = status;
    if (this.responseType === 'json') this.response = JSON.parse(text);
    else {
      this.responseText = text;
      this.response = text;
    }
    this.readyState = 4;
    this.dispatchEvent(new Event('load'));
    this.dispatchEvent(new Event('loadend'));
  }
}

function xhrWindow() {
  const posts: PageData[] = [];
  class Xhr extends FakeXhr {}
  const win: PageWindow = {
    XMLHttpRequest: Xhr as unknown as typeof XMLHttpRequest,
    document,
    CustomEvent,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
  };
  const originalOpen = Xhr.prototype.open;
  const originalSend = Xhr.prototype.send;
  cleanups.push(installPageReader(win, { post: (d) => posts.push(d) }));
  return { Xhr, posts, originalOpen, originalSend };
}

describe('the XMLHttpRequest wrapper is passive', () => {
  it('reads responseText on load for API URLs and passes open/send through', async () => {
    const { Xhr, posts, originalOpen, originalSend } = xhrWindow();
    expect(Xhr.prototype.open).not.toBe(originalOpen);
    expect(Xhr.prototype.open.name).toBe('open');
    expect(Xhr.prototype.send.length).toBe(originalSend.length);
    const text = body('_issue_28_1.json');
    const xhr = new Xhr();
    xhr.open('GET', HOME);
    xhr.send(null);
    expect(FakeXhr.sent.at(-1)).toEqual([HOME, null]);
    let pageSaw = '';
    xhr.addEventListener('load', () => (pageSaw = xhr.responseText));
    xhr.finish(200, text);
    expect(pageSaw).toBe(text);
    await vi.waitFor(() => expect(posts.length).toBe(1));
    expect(posts[0]!.tweets.length).toBe(4);
  });

  it("reads `response` when responseType is 'json', and nothing for other types or URLs", async () => {
    const { Xhr, posts } = xhrWindow();
    const json = new Xhr();
    json.responseType = 'json';
    json.open('GET', HOME);
    json.send();
    json.finish(200, body('_issue_42.json'));
    const blob = new Xhr();
    blob.responseType = 'blob';
    blob.open('GET', HOME);
    blob.send();
    blob.finish(200, '{}');
    const other = new Xhr();
    other.open('GET', 'https://x.com/i/api/1.1/jot/client_event.json');
    other.send();
    other.finish(200, body('_issue_42.json'));
    await vi.waitFor(() => expect(posts.length).toBe(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(posts.length).toBe(1);
    expect(posts[0]!.tweets.length).toBe(2);
  });

  it('follows a reused XHR to its current URL', async () => {
    const { Xhr, posts } = xhrWindow();
    const xhr = new Xhr();
    xhr.open('GET', HOME);
    xhr.send();
    xhr.finish(200, body('_issue_42.json'));
    xhr.open('GET', 'https://x.com/i/api/1.1/jot/client_event.json');
    xhr.send();
    xhr.finish(200, body('_issue_28_1.json'));
    await vi.waitFor(() => expect(posts.length).toBe(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(posts.map((p) => p.tweets.length)).toEqual([2]);
  });

  it('counts a broken body as a failure and never throws into the page', async () => {
    const { Xhr, posts } = xhrWindow();
    const xhr = new Xhr();
    xhr.open('GET', HOME);
    xhr.send();
    expect(() => xhr.finish(200, '{"data": {"tru')).not.toThrow();
    await vi.waitFor(() => expect(posts.length).toBe(1));
    expect(sum(posts)).toEqual({ responsesSeen: 1, apiTweets: 0, apiUsers: 0, apiFailures: 1 });
  });
});

/** An XHR window with a JSON of its own, and a spy on the JSON.parse the reader keeps for itself. */
function xhrWindowWithJson() {
  const ours = vi.spyOn(JSON, 'parse');
  cleanups.push(() => ours.mockRestore());
  const pageJson = { parse: realParse, stringify: JSON.stringify } as unknown as JSON;
  const posts: PageData[] = [];
  class Xhr extends FakeXhr {}
  const win: PageWindow = {
    XMLHttpRequest: Xhr as unknown as typeof XMLHttpRequest,
    JSON: pageJson,
    document,
    CustomEvent,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
  };
  cleanups.push(installPageReader(win, { post: (d) => posts.push(d) }));
  ours.mockClear();
  /** Our parses of a text this long (the page's own go through pageJson, not the spy). */
  const oursOf = (text: string) => ours.mock.calls.filter((c) => c[0] === text).length;
  return { Xhr, posts, pageJson, oursOf };
}

describe("the page's own parse of an XHR response is read, not parsed again", () => {
  it('reads the value the page parsed in its load handler: the same tweets, no second parse', async () => {
    const { Xhr, posts, pageJson, oursOf } = xhrWindowWithJson();
    const text = body('_issue_28_1.json');
    const xhr = new Xhr();
    xhr.open('GET', HOME);
    let pageGot: unknown;
    xhr.addEventListener('load', () => (pageGot = pageJson.parse(xhr.responseText)));
    xhr.send();
    xhr.finish(200, text);
    expect(pageGot).toEqual(realParse(text));
    await vi.waitFor(() => expect(posts.length).toBe(1));
    expect(posts[0]).toEqual(parseApiResponseOf(text));
    expect(oursOf(text)).toBe(0);
  });

  it('parses its own copy when the page did not parse the text (or parsed it later)', async () => {
    const { Xhr, posts, oursOf } = xhrWindowWithJson();
    const text = body('_issue_28_1.json');
    const xhr = new Xhr();
    xhr.open('GET', HOME);
    xhr.send();
    xhr.finish(200, text);
    await vi.waitFor(() => expect(posts.length).toBe(1));
    expect(posts[0]!.tweets.length).toBe(4);
    expect(oursOf(text)).toBe(1);
  });

  it("keeps nothing of the page's once no API response is due, also after a send that threw", async () => {
    const { Xhr, posts, pageJson, oursOf } = xhrWindowWithJson();
    const text = body('_issue_42.json');
    const broken = new Xhr();
    broken.open('GET', HOME);
    const error = new Error('InvalidStateError');
    broken.sendError = error;
    // The page gets the very exception the original threw.
    expect(() => broken.send()).toThrow(error);
    // Not due: the page's parse of the text is not kept, so the next response of it is parsed by us.
    pageJson.parse(text);
    const xhr = new Xhr();
    xhr.open('GET', HOME);
    xhr.send();
    xhr.finish(200, text);
    await vi.waitFor(() => expect(posts.length).toBe(1));
    expect(posts[0]!.tweets.length).toBe(2);
    expect(oursOf(text)).toBe(1);
  });
});

describe('from the page reader to the content script', () => {
  it('posts a JSON string on document that page-bridge validates and counts', async () => {
    const received: PageData[] = [];
    const health = emptyHealth();
    const controller = new AbortController();
    cleanups.push(() => controller.abort());
    listenToPageReader((d) => received.push(d), health, controller.signal);
    let detailType = '';
    const spy = (e: Event) => (detailType = typeof (e as CustomEvent).detail);
    document.addEventListener('qb:page-data', spy);
    cleanups.push(() => document.removeEventListener('qb:page-data', spy));

    const text = body('raw_search.json');
    const win = answeringWith(text);
    cleanups.push(installPageReader(win));
    await win.fetch!('https://x.com/i/api/graphql/h/SearchTimeline');
    await vi.waitFor(() => expect(received.length).toBe(1));
    expect(detailType).toBe('string');
    expect(received[0]).toEqual(parseGraphqlResponse(JSON.parse(text)));
    expect(health).toMatchObject({ responsesSeen: 1, apiTweets: 25, apiUsers: 20, apiFailures: 0, rejectedMessages: 0 });
  });

  it('posts a result larger than one message allows in several, each within the budget', async () => {
    const received: PageData[] = [];
    const details: string[] = [];
    const health = emptyHealth();
    const controller = new AbortController();
    cleanups.push(() => controller.abort());
    listenToPageReader((d) => received.push(d), health, controller.signal);
    const spy = (e: Event) => details.push((e as CustomEvent).detail as string);
    document.addEventListener('qb:page-data', spy);
    cleanups.push(() => document.removeEventListener('qb:page-data', spy));
    // 600 tweets of 4,000 characters: more items and more characters than one message holds.
    const tweet = (i: number) => ({
      __typename: 'Tweet',
      rest_id: String(1000 + i),
      core: { user_results: { result: { __typename: 'User', rest_id: String(50 + (i % 7)), legacy: { screen_name: `author${i % 7}` } } } },
      legacy: { full_text: `${i} ` + 'x'.repeat(4000), entities: {} },
    });
    const text = JSON.stringify({ data: { entries: Array.from({ length: 600 }, (_, i) => tweet(i)) } });
    const win = answeringWith(text);
    cleanups.push(installPageReader(win));
    await win.fetch!('https://x.com/i/api/graphql/h/SearchTimeline');
    await vi.waitFor(() => expect(received.flatMap((d) => d.tweets).length).toBe(600));
    expect(details.length).toBeGreaterThan(2);
    expect(details.every((d) => d.length <= 1_000_000)).toBe(true);
    expect(health).toMatchObject({ responsesSeen: 1, apiTweets: 600, apiUsers: 7, apiFailures: 0, rejectedMessages: 0 });
  });

  it('splits a result larger than one message allows', () => {
    const d = emptyPageData();
    d.health = { responsesSeen: 1, apiTweets: 1200, apiUsers: 3, apiFailures: 0 };
    d.tweets = Array.from({ length: 1200 }, (_, i) => ({ id: String(i) }) as PageData['tweets'][number]);
    const parts = chunkPageData(d);
    expect(parts.map((p) => p.tweets.length)).toEqual([500, 500, 200]);
    expect(sum(parts)).toEqual(d.health);
  });

  it('keeps each message within the byte budget, and drops an item too large for any message', () => {
    const d = emptyPageData();
    d.tweets = Array.from({ length: 30 }, (_, i) => ({ id: String(i), text: 'x'.repeat(9000) }) as PageData['tweets'][number]);
    d.profiles = [{ handle: 'huge', bio: 'y'.repeat(200_000) }];
    const parts = chunkPageData(d, 50_000);
    expect(parts.every((p) => JSON.stringify(p).length <= 50_000)).toBe(true);
    expect(parts.flatMap((p) => p.tweets).length).toBe(30);
    expect(parts.flatMap((p) => p.profiles)).toEqual([]);
  });
});

describe('installPageReader honours an AbortSignal', () => {
  it('aborting puts fetch and XMLHttpRequest back and posts nothing more', async () => {
    const originalFetch = (async () => new Response(body('raw_user_tweets.json'))) as unknown as typeof fetch;
    class Xhr {
      open() {}
      send() {}
      addEventListener() {}
    }
    const openBefore = Xhr.prototype.open;
    const posts: PageData[] = [];
    const ctl = new AbortController();
    const win: PageWindow = { fetch: originalFetch, XMLHttpRequest: Xhr as unknown as typeof XMLHttpRequest, document, CustomEvent, setTimeout: (fn, ms) => setTimeout(fn, ms) };
    installPageReader(win, { post: (d) => posts.push(d), signal: ctl.signal });
    expect(win.fetch).not.toBe(originalFetch);
    expect(Xhr.prototype.open).not.toBe(openBefore);
    const wrapped = win.fetch!;
    ctl.abort();
    expect(win.fetch).toBe(originalFetch);
    expect(Xhr.prototype.open).toBe(openBefore);
    // A call through a reference the page kept before the abort is still not read.
    await wrapped(HOME);
    await new Promise((r) => setTimeout(r, 20));
    expect(posts).toEqual([]);
  });
});
