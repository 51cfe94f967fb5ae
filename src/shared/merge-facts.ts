// Joins what the DOM showed with what X's API said about the same tweet.
//
// The DOM says what is on screen (who appears as author, whether it shows as a repost, the
// text as rendered); the API adds what the DOM cannot know: numeric author id, links expanded
// past t.co, the posting app, the time, the ad mark, the whole text of long posts.
// Tweets are keyed by status id, authors by numeric id: handles change.
import type { PageData } from './validate-page-data';
import type { AuthorProfile, TweetFacts } from './types';
import { authorKey } from './handles';

/** t.co links and display URLs cut with "…" say nothing reliable about the target. */
function isOpaqueUrl(u: string): boolean {
  return /^https?:\/\/t\.co\//i.test(u) || u.includes('…') || u.includes('%E2%80%A6');
}

/** "https://www.shop.com/a/b…" → "shop.com/a/b": for matching a cut display URL to its full form. */
function urlStem(u: string): string {
  return u
    .replace(/(…|%E2%80%A6)$/i, '')
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '')
    .toLowerCase();
}

function normaliseText(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function union(a: string[], b: string[], key: (s: string) => string = (s) => s): string[] {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const x of b) {
    const k = key(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}

/**
 * The DOM's facts about a tweet, completed by the API's. `api` must be the same tweet (same id);
 * anything else is ignored.
 */
export function mergeFacts(dom: TweetFacts, api: TweetFacts | undefined): TweetFacts {
  if (!api || api.id !== dom.id) return dom;
  const out: TweetFacts = { ...dom };

  // Who wrote a status never changes; the DOM rarely knows the number.
  out.authorId = dom.authorId ?? api.authorId;
  out.authorName = dom.authorName ?? api.authorName;

  // Long posts: the DOM shows the start and "Show more"; the API has the whole note.
  const shown = normaliseText(dom.text).replace(/…$/, '');
  const full = normaliseText(api.text);
  if (full.length > shown.length && full.startsWith(shown)) out.text = api.text;

  // Links: the API's are expanded; keep the DOM's only when they add a real target.
  if (api.urls.length > 0) {
    const stems = api.urls.map(urlStem);
    const extra = dom.urls.filter((u) => !isOpaqueUrl(u) && !stems.some((s) => s.startsWith(urlStem(u))));
    out.urls = union(api.urls, extra);
  }

  out.hashtags = union(dom.hashtags, api.hashtags, (s) => s.toLowerCase());
  out.cashtags = union(dom.cashtags, api.cashtags, (s) => s.toUpperCase());
  out.mentions = union(dom.mentions, api.mentions, authorKey);

  out.isReply = dom.isReply || api.isReply;
  out.replyTo = dom.replyTo ?? api.replyTo;
  out.isQuote = dom.isQuote || api.isQuote;
  out.quotedId = dom.quotedId ?? api.quotedId;
  out.quotedAuthor = dom.quotedAuthor ?? api.quotedAuthor;
  out.hasMedia = dom.hasMedia || api.hasMedia;
  out.hasCard = dom.hasCard || api.hasCard;
  if (api.cardUrl) {
    // A full target beats a t.co link or a bare domain.
    const domIsFull = dom.cardUrl !== undefined && /^https?:/i.test(dom.cardUrl) && !isOpaqueUrl(dom.cardUrl);
    if (!dom.cardUrl || (!domIsFull && /^https?:/i.test(api.cardUrl))) out.cardUrl = api.cardUrl;
  }
  out.isAd = dom.isAd || api.isAd;
  out.source = dom.source ?? api.source;
  out.createdAt = dom.createdAt ?? api.createdAt;
  out.lang = dom.lang ?? api.lang;
  // isRepost / repostedBy: the DOM's, as the repost context is where the tweet is shown.

  for (const key of Object.keys(out) as (keyof TweetFacts)[]) if (out[key] === undefined) delete out[key];
  return out;
}

/** A Map used as a least-recently-used cache of at most `max` entries, each kept at most `maxAgeMs` since it was set. */
class Lru<K, V> {
  private readonly map = new Map<K, { v: V; at: number }>();
  constructor(
    private readonly max: number,
    private readonly maxAgeMs = Infinity,
  ) {}
  get(key: K): V | undefined {
    const e = this.fresh(key);
    if (e) {
      this.map.delete(key);
      this.map.set(key, e);
    }
    return e?.v;
  }
  peek(key: K): V | undefined {
    return this.fresh(key)?.v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, { v: value, at: Date.now() });
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
  }
  has(key: K): boolean {
    return this.fresh(key) !== undefined;
  }
  get size(): number {
    return this.map.size;
  }
  private fresh(key: K): { v: V; at: number } | undefined {
    const e = this.map.get(key);
    if (e && Date.now() - e.at > this.maxAgeMs) {
      this.map.delete(key);
      return undefined;
    }
    return e;
  }
}

function fillProfile(newer: AuthorProfile, older: AuthorProfile | undefined): AuthorProfile {
  if (!older) return newer;
  const out: AuthorProfile = { ...older, ...stripUndefined(newer) };
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/**
 * What the page reader told us, bounded: the most recent tweets and profiles by id, and the
 * handle → id index (case-insensitive) that lets a renamed account still be found by id.
 */
export class ApiFactsCache {
  private readonly tweets: Lru<string, TweetFacts>;
  private readonly profiles: Lru<string, AuthorProfile>;
  /** Lowercase handle → numeric id. Several handles may point to one id (renames). */
  private readonly idByHandle: Lru<string, string>;
  private readonly ads: Lru<string, true>;

  constructor(limits: { tweets?: number; profiles?: number; maxAgeMs?: number } = {}) {
    const tweets = limits.tweets ?? 5000;
    const profiles = limits.profiles ?? 5000;
    const age = limits.maxAgeMs ?? Infinity;
    this.tweets = new Lru(tweets, age);
    this.profiles = new Lru(profiles, age);
    this.idByHandle = new Lru(profiles * 2, age);
    this.ads = new Lru(tweets, age);
  }

  addPageData(d: PageData): void {
    for (const id of d.ads) this.ads.set(id, true);
    for (const t of d.tweets) {
      const known = this.tweets.peek(t.id);
      const isAd = t.isAd || known?.isAd === true || this.ads.has(t.id);
      this.tweets.set(t.id, isAd === t.isAd ? t : { ...t, isAd });
    }
    for (const id of d.ads) {
      const t = this.tweets.peek(id);
      if (t && !t.isAd) this.tweets.set(id, { ...t, isAd: true });
    }
    for (const p of d.profiles) this.addProfile(p);
  }

  addProfile(p: AuthorProfile): void {
    if (p.id) {
      this.profiles.set(p.id, fillProfile(p, this.profiles.peek(p.id)));
      this.idByHandle.set(authorKey(p.handle), p.id);
    } else {
      // Without an id, a handle is all we can key by.
      const key = 'handle:' + authorKey(p.handle);
      this.profiles.set(key, fillProfile(p, this.profiles.peek(key)));
    }
  }

  tweet(id: string): TweetFacts | undefined {
    return this.tweets.get(id);
  }

  /** X marked this tweet as promoted in a response we read. */
  isAd(id: string): boolean {
    return this.ads.has(id) || this.tweets.peek(id)?.isAd === true;
  }

  profileById(id: string): AuthorProfile | undefined {
    return this.profiles.get(id);
  }

  /** By handle, case-insensitive; an old handle of a renamed account finds the current profile. */
  profileByHandle(handle: string): AuthorProfile | undefined {
    const key = authorKey(handle);
    const id = this.idByHandle.get(key);
    if (id !== undefined) {
      const p = this.profiles.get(id);
      if (p) return p;
    }
    return this.profiles.get('handle:' + key);
  }

  get size(): { tweets: number; profiles: number } {
    return { tweets: this.tweets.size, profiles: this.profiles.size };
  }
}
