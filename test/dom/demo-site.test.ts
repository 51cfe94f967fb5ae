// The bundled demo X site (demo/): what it serves, and that its page behaves like X's app to a
// reader of the DOM and of the GraphQL responses.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoManifest, demoPageCount, homeTimelineUrl, serveDemoX, type DemoPost, type QbDemo } from '../../demo/x-site';
import { findTweetArticles, readTweet } from '../../src/content/read-tweet';

type Obj = Record<string, unknown>;

/** Tweets of a HomeTimeline page, as a page-world reader would find them. */
function tweetsOf(body: string): { entryId: string; itemContent: Obj; tweet: Obj }[] {
  const json = JSON.parse(body) as Obj;
  const urt = ((json['data'] as Obj)['home'] as Obj)['home_timeline_urt'] as Obj;
  const out: { entryId: string; itemContent: Obj; tweet: Obj }[] = [];
  for (const ins of urt['instructions'] as Obj[]) {
    for (const entry of (ins['entries'] as Obj[] | undefined) ?? []) {
      const ic = (entry['content'] as Obj)['itemContent'] as Obj | undefined;
      if (!ic) continue;
      const result = (ic['tweet_results'] as Obj)['result'] as Obj;
      const tweet = result['__typename'] === 'TweetWithVisibilityResults' ? (result['tweet'] as Obj) : result;
      out.push({ entryId: String(entry['entryId']), itemContent: ic, tweet });
    }
  }
  return out;
}

function bottomCursorOf(body: string): string | undefined {
  const urt = (((JSON.parse(body) as Obj)['data'] as Obj)['home'] as Obj)['home_timeline_urt'] as Obj;
  for (const ins of urt['instructions'] as Obj[]) {
    for (const entry of (ins['entries'] as Obj[] | undefined) ?? []) {
      const c = entry['content'] as Obj;
      if (c['cursorType'] === 'Bottom') return String(c['value']);
    }
  }
  return undefined;
}

function pageUrlWithCursor(cursor: string | undefined): string {
  const variables: Obj = { count: 20, includePromotedContent: true };
  if (cursor) variables['cursor'] = cursor;
  return `https://x.com/i/api/graphql/AnyHash123/HomeTimeline?variables=${encodeURIComponent(JSON.stringify(variables))}`;
}

/** Every page, following bottom cursors the way the demo page (and X's app) does. */
function allPages(): string[] {
  const bodies: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const served = serveDemoX(pageUrlWithCursor(cursor));
    expect(served?.status).toBe(200);
    bodies.push(served!.body);
    cursor = bottomCursorOf(served!.body);
    if (!cursor) break;
  }
  return bodies;
}

function userOf(tweet: Obj): Obj {
  return ((tweet['core'] as Obj)['user_results'] as Obj)['result'] as Obj;
}

function screenNameOf(user: Obj): string | undefined {
  return ((user['core'] as Obj | undefined)?.['screen_name'] ?? (user['legacy'] as Obj | undefined)?.['screen_name']) as string | undefined;
}

describe('serveDemoX: the app shell', () => {
  it('answers /home with X-shaped HTML holding the home timeline structure', () => {
    const served = serveDemoX('https://x.com/home');
    expect(served).not.toBeNull();
    expect(served!.status).toBe(200);
    expect(served!.contentType).toMatch(/^text\/html/);
    const doc = new DOMParser().parseFromString(served!.body, 'text/html');
    const column = doc.querySelector('#react-root main[role="main"] [data-testid="primaryColumn"]');
    expect(column).not.toBeNull();
    expect(column!.querySelector('section[role="region"] [aria-label="Timeline: Your Home Timeline"] > div')).not.toBeNull();
    expect(served!.body.length).toBeLessThan(1_000_000);
  });

  it('answers every X host and app route with the same shell', () => {
    const home = serveDemoX('https://x.com/home')!.body;
    for (const url of ['https://x.com/', 'https://twitter.com/home', 'https://mobile.x.com/home', 'https://x.com/explore', 'https://x.com/verge/status/1']) {
      expect(serveDemoX(url)?.body, url).toBe(home);
    }
  });

  it('returns null for URLs that are not X pages over https', () => {
    for (const url of ['https://example.com/home', 'http://x.com/home', 'https://abs.twimg.com/x.js', 'https://pbs.twimg.com/a.jpg', 'https://x.com.example.net/home', 'not a url']) {
      expect(serveDemoX(url), url).toBeNull();
    }
  });

  it('answers unknown API operations and files with 404', () => {
    expect(serveDemoX('https://x.com/i/api/graphql/abc/UserByScreenName?variables=%7B%7D')?.status).toBe(404);
    expect(serveDemoX('https://x.com/favicon.ico')?.status).toBe(404);
  });
});

describe('serveDemoX: HomeTimeline GraphQL pages', () => {
  it('parse as JSON in X shape, and every tweet has an id and a user', () => {
    const bodies = allPages();
    expect(bodies.length).toBe(demoPageCount());
    for (const body of bodies) {
      const tweets = tweetsOf(body);
      expect(tweets.length).toBeGreaterThan(0);
      for (const { tweet } of tweets) {
        expect(tweet['__typename'] ?? 'Tweet').toBe('Tweet');
        expect(String(tweet['rest_id'])).toMatch(/^\d{15,20}$/);
        const user = userOf(tweet);
        expect(user['__typename']).toBe('User');
        expect(String(user['rest_id'])).toMatch(/^\d+$/);
        expect(screenNameOf(user)).toMatch(/^\w{1,15}$/);
        expect(typeof (tweet['legacy'] as Obj)['full_text']).toBe('string');
      }
    }
  });

  it('hold exactly the manifest posts, in order, over 5 to 8 pages; the last page ends the timeline', () => {
    const bodies = allPages();
    expect(bodies.length).toBeGreaterThanOrEqual(5);
    expect(bodies.length).toBeLessThanOrEqual(8);
    const ids = bodies.flatMap((b) =>
      tweetsOf(b).map(({ tweet }) => {
        const rt = ((tweet['legacy'] as Obj)['retweeted_status_result'] as Obj | undefined)?.['result'] as Obj | undefined;
        return String((rt ?? tweet)['rest_id']);
      }),
    );
    expect(ids).toEqual(demoManifest().posts.map((p) => p.id));
    expect(bodies.at(-1)).toContain('"TimelineTerminateTimeline"');
  });

  it('mark the ad entry with promotedMetadata, and only it', () => {
    const ads = allPages().flatMap((b) => tweetsOf(b).filter((t) => 'promotedMetadata' in t.itemContent));
    const manifestAds = demoManifest().posts.filter((p) => p.isAd);
    expect(ads.map((a) => String(a.tweet['rest_id']))).toEqual(manifestAds.map((p) => p.id));
    expect(ads.length).toBe(1);
    expect(ads[0]!.entryId).toMatch(/^promoted-tweet-/);
  });

  it('serve the first page without a cursor, at the URL the page uses', () => {
    expect(serveDemoX(homeTimelineUrl(0))!.body).toBe(allPages()[0]);
    expect(serveDemoX(homeTimelineUrl(2))!.body).toBe(allPages()[2]);
  });
});

describe('demo content', () => {
  const posts = demoManifest().posts;

  it('holds 60 to 90 posts from all three real sources', () => {
    expect(posts.length).toBeGreaterThanOrEqual(60);
    expect(posts.length).toBeLessThanOrEqual(90);
    expect(new Set(posts.map((p) => p.source))).toEqual(new Set(['labeled', 'x-api', 'x-dom']));
    expect(new Set(posts.map((p) => p.id)).size).toBe(posts.length);
  });

  it('has 8 seller and 8 not_seller labelled authors with at least 3 posts each', () => {
    const byAuthor = new Map<string, DemoPost[]>();
    for (const p of posts.filter((p) => p.source === 'labeled')) byAuthor.set(p.handle, [...(byAuthor.get(p.handle) ?? []), p]);
    const sellers = [...byAuthor.values()].filter((ps) => ps[0]!.label === 'seller');
    const people = [...byAuthor.values()].filter((ps) => ps[0]!.label === 'not_seller');
    expect(sellers.length).toBe(8);
    expect(people.length).toBe(8);
    for (const ps of byAuthor.values()) expect(ps.length).toBeGreaterThanOrEqual(3);
  });

  it("spreads each labelled author's posts: the first two come in the first half, the last in the second", () => {
    const half = posts.length / 2;
    const positions = new Map<string, number[]>();
    posts.forEach((p, i) => {
      if (p.source === 'labeled') positions.set(p.handle, [...(positions.get(p.handle) ?? []), i]);
    });
    for (const [handle, at] of positions) {
      expect(at[1], handle).toBeLessThan(half);
      expect(at.at(-1), handle).toBeGreaterThanOrEqual(half);
    }
  });

  it('includes reposts, replies and exactly one ad', () => {
    expect(posts.filter((p) => p.repostedBy).length).toBeGreaterThan(0);
    expect(posts.filter((p) => p.replyTo).length).toBeGreaterThan(0);
    expect(posts.filter((p) => p.isAd).length).toBe(1);
  });
});

describe('determinism', () => {
  afterEach(() => {
    vi.resetModules();
  });

  it('gives identical bodies on repeated calls and after a fresh build of the data', async () => {
    const urls = ['https://x.com/home', homeTimelineUrl(0), homeTimelineUrl(3)];
    const first = urls.map((u) => serveDemoX(u)!.body);
    expect(urls.map((u) => serveDemoX(u)!.body)).toEqual(first);
    vi.resetModules();
    const fresh = (await import('../../demo/x-site')) as typeof import('../../demo/x-site');
    expect(urls.map((u) => fresh.serveDemoX(u)!.body)).toEqual(first);
    expect(fresh.demoManifest()).toEqual(demoManifest());
  });
});

// ---------------------------------------------------------------------------------------------
// The page itself, run in happy-dom with X's endpoints answered by serveDemoX.

class DemoXhr {
  status = 0;
  responseText = '';
  withCredentials = false;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private url = '';
  open(_method: string, url: string): void {
    this.url = url;
  }
  setRequestHeader(): void {}
  send(): void {
    const served = serveDemoX(new URL(this.url, 'https://x.com/home').href);
    setTimeout(() => {
      if (!served) return this.onerror?.();
      this.status = served.status;
      this.responseText = served.body;
      this.onload?.();
    }, 0);
  }
}

describe('the demo page (happy-dom)', () => {
  let qbDemo: QbDemo;
  const requested: string[] = [];

  beforeAll(async () => {
    const html = serveDemoX('https://x.com/home')!.body;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const script = doc.querySelector('script')!.textContent!;
    doc.querySelector('script')!.remove();
    document.body.innerHTML = doc.body.innerHTML;
    vi.stubGlobal('fetch', async (input: string) => {
      const url = new URL(input, 'https://x.com/home').href;
      requested.push(`fetch ${url}`);
      const served = serveDemoX(url);
      return new Response(served?.body ?? '', { status: served?.status ?? 404, headers: { 'content-type': served?.contentType ?? 'text/plain' } });
    });
    vi.stubGlobal(
      'XMLHttpRequest',
      class extends DemoXhr {
        override open(method: string, url: string): void {
          requested.push(`xhr ${url}`);
          super.open(method, url);
        }
      },
    );
    new Function(script)();
    qbDemo = (window as unknown as { qbDemo: QbDemo }).qbDemo;
    expect(qbDemo).toBeDefined();
    await qbDemo.ready();
  });

  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it('renders the first page from a fetch() of HomeTimeline', () => {
    expect(requested[0]).toMatch(/^fetch https:\/\/x\.com\/i\/api\/graphql\/\w+\/HomeTimeline\?variables=/);
    expect(qbDemo.rendered()).toBe(10);
    const cells = document.querySelectorAll('[aria-label="Timeline: Your Home Timeline"] > div > [data-testid="cellInnerDiv"]');
    expect(cells.length).toBe(10);
    for (const cell of cells) expect((cell as HTMLElement).style.transform).toMatch(/^translateY\(\d+(\.\d+)?px\)$/);
  });

  it('loads later pages by XMLHttpRequest with a cursor until done', async () => {
    let guard = 0;
    while (!qbDemo.done() && guard++ < 20) await qbDemo.loadMore();
    expect(qbDemo.done()).toBe(true);
    expect(qbDemo.rendered()).toBe(demoManifest().posts.length);
    expect(requested.slice(1).every((r) => r.startsWith('xhr ') && r.includes('cursor'))).toBe(true);
    expect(await qbDemo.loadMore()).toBe(0);
  });

  it('renders cells that read-tweet reads back with the right id and handle', () => {
    const posts = demoManifest().posts;
    const articles = findTweetArticles(document.body);
    expect(articles.length).toBe(posts.length);
    articles.forEach((article, i) => {
      const post = posts[i]!;
      const facts = readTweet(article);
      expect(facts, `${i} ${post.handle}`).not.toBeNull();
      expect(facts!.id, `${i} ${post.handle}`).toBe(post.id);
      expect(facts!.authorHandle.toLowerCase(), `${i}`).toBe(post.handle.toLowerCase());
      expect(facts!.isAd, `${i} ad`).toBe(post.isAd === true);
      if (post.repostedBy) expect(facts!.repostedBy).toBe(post.repostedBy);
      if (post.replyTo) expect(facts!.replyTo).toBe(post.replyTo);
    });
  });

  it('reads links, cashtags and mentions of labelled posts as X renders them', () => {
    const posts = demoManifest().posts;
    const articles = findTweetArticles(document.body);
    const withUrl = posts.findIndex((p) => p.source === 'labeled' && p.urls.length > 0);
    const facts = readTweet(articles[withUrl]!)!;
    expect(facts.urls).toEqual(posts[withUrl]!.urls);
    const withCashtag = posts.findIndex((p) => p.source === 'labeled' && /\$[A-Z]{2,}/.test(p.text));
    expect(readTweet(articles[withCashtag]!)!.cashtags.length).toBeGreaterThan(0);
    const withMention = posts.findIndex((p) => p.source === 'labeled' && p.text.startsWith('@bankrbot'));
    expect(readTweet(articles[withMention]!)!.mentions).toContain('bankrbot');
  });

  it('appendPost renders one cell synchronously at the end', () => {
    const before = qbDemo.rendered();
    const cell = qbDemo.appendPost({ handle: 'shop_now', text: 'Big sale! 50% off at shop.example.com #deal $BTC @someone', urls: ['shop.example.com'], repostedBy: 'friend' });
    expect(cell.isConnected).toBe(true);
    expect(cell.getAttribute('data-testid')).toBe('cellInnerDiv');
    expect(qbDemo.rendered()).toBe(before + 1);
    const facts = readTweet(findTweetArticles(cell)[0]!)!;
    expect(facts.authorHandle).toBe('shop_now');
    expect(facts.repostedBy).toBe('friend');
    expect(facts.urls).toEqual(['https://shop.example.com']);
    expect(facts.hashtags).toEqual(['deal']);
    expect(facts.cashtags).toEqual(['BTC']);
    expect(facts.mentions).toEqual(['someone']);
    const ad = qbDemo.appendPost({ handle: 'brand', text: 'Buy now', isAd: true });
    expect(readTweet(findTweetArticles(ad)[0]!)!.isAd).toBe(true);
  });
});
