// Joins what the DOM showed with what X's API said about the same tweet.
//
// The DOM says what is on screen (who appears as author, whether it shows as a repost, the
// text as rendered); the API adds what the DOM cannot know: numeric author id, links expanded
// past t.co, the posting app, the time, the ad mark, the whole text of long posts.
// Tweets are keyed by status id, authors by numeric id: handles change.
//
// The page world only corroborates (shared/trust-model.ts, rules sameTweet, sameText,
// linksCorroborated, adMarks): API facts are merged only into the same tweet by the same
// author, with the same text, and links only where the DOM shows a link they expand.
import type { PageData } from './validate-page-data';
import { BUDGETS, approxJsonChars } from './budgets';
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

/** Text as both readers render it, links aside: X prints links cut and in pieces in the DOM. */
function comparable(s: string): string {
  return normaliseText(
    s
      .replace(/\S*(?:https?:\/\/|…|\.\.\.)\S*/gi, ' ')
      .replace(/\S+\.[a-z]{2,}(?:\/\S*)?/gi, ' '),
  );
}

/** X cuts long posts near 280 characters and adds "Show more": a DOM text this long may be a start. */
const LONG_POST_SHOWN = 200;

/**
 * How the page's text relates to the DOM's: the same post, the whole of a post the DOM cut, or
 * something else (a translation, an edit — or a forgery).
 */
export function compareText(domText: string, apiText: string): 'same' | 'continues' | 'differs' {
  if (domText === apiText) return 'same'; // Most posts without links: no need to compare them word by word.
  const shown = comparable(domText);
  const full = comparable(apiText);
  if (shown === full) return 'same';
  const cut = /(?:…|\.\.\.)\s*$/.test(domText) || normaliseText(domText).length >= LONG_POST_SHOWN;
  return cut && shown.length > 0 && full.length > shown.length && full.startsWith(shown) ? 'continues' : 'differs';
}

/** Same status, same author (by handle, and by id when both sides know it). */
export function isSameTweet(dom: TweetFacts, api: TweetFacts): boolean {
  if (api.id !== dom.id || authorKey(api.authorHandle) !== authorKey(dom.authorHandle)) return false;
  return !dom.authorId || !api.authorId || dom.authorId === api.authorId;
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
  if (!api || !isSameTweet(dom, api)) return dom;
  const text = compareText(dom.text, api.text);
  if (text === 'differs') return dom;
  const out: TweetFacts = { ...dom };
  // Only defined values are written: a key deleted afterwards would turn the object into a
  // dictionary in V8, slower to read and to clone into the message to the background.
  const fill = <K extends keyof TweetFacts>(key: K, value: TweetFacts[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };

  // Who wrote a status never changes; the DOM rarely knows the number.
  fill('authorId', dom.authorId ?? api.authorId);
  fill('authorName', dom.authorName ?? api.authorName);

  // Long posts: the DOM shows the start and "Show more"; the API has the whole note.
  if (text === 'continues') out.text = api.text;

  out.urls = corroboratedUrls(dom.urls, api.urls, text === 'continues', dom.hasCard ? 1 : 0);

  out.hashtags = union(dom.hashtags, api.hashtags, (s) => s.toLowerCase());
  out.cashtags = union(dom.cashtags, api.cashtags, (s) => s.toUpperCase());
  out.mentions = union(dom.mentions, api.mentions, authorKey);

  out.isReply = dom.isReply || api.isReply;
  fill('replyTo', dom.replyTo ?? api.replyTo);
  out.isQuote = dom.isQuote || api.isQuote;
  fill('quotedId', dom.quotedId ?? api.quotedId);
  fill('quotedAuthor', dom.quotedAuthor ?? api.quotedAuthor);
  out.hasMedia = dom.hasMedia || api.hasMedia;
  // A card is something the DOM shows; the page's word alone does not add one.
  if (api.cardUrl && dom.hasCard) {
    // A full target beats a t.co link or a bare domain.
    const domIsFull = dom.cardUrl !== undefined && /^https?:/i.test(dom.cardUrl) && !isOpaqueUrl(dom.cardUrl);
    if (!dom.cardUrl || (!domIsFull && /^https?:/i.test(api.cardUrl))) out.cardUrl = api.cardUrl;
  }
  out.isAd = dom.isAd || api.isAd;
  fill('source', dom.source ?? api.source);
  fill('createdAt', dom.createdAt ?? api.createdAt);
  fill('lang', dom.lang ?? api.lang);
  // isRepost / repostedBy: the DOM's, as the repost context is where the tweet is shown.

  // The DOM's own facts carry no undefined values (read-tweet adds optional ones only when found);
  // should one come with one, it is dropped as before.
  for (const key in dom) if (out[key as keyof TweetFacts] === undefined) delete out[key as keyof TweetFacts];
  return out;
}

/**
 * The page's expanded links, where the DOM shows a link they expand: a cut display URL the
 * API's link starts with, or a t.co link (one API link each, in order). DOM links that are real
 * targets stay; a card the DOM shows vouches for one link. Text the DOM cut (a long post) may hold links the DOM does not show yet: those
 * come with the text they belong to.
 */
function corroboratedUrls(domUrls: string[], apiUrls: string[], textContinues: boolean, cards: number): string[] {
  if (apiUrls.length === 0) return domUrls;
  const taken = new Set<string>();
  const out: string[] = [];
  let opaque = cards; // X hides the link of a card from the text: the card shows it
  for (const u of domUrls) {
    if (/^https?:\/\/t\.co\//i.test(u)) {
      opaque++;
      continue;
    }
    const stem = urlStem(u);
    const match = isOpaqueUrl(u) || stem.length > 0 ? apiUrls.find((a) => !taken.has(a) && urlStem(a).startsWith(stem)) : undefined;
    if (match) {
      taken.add(match);
      out.push(match);
    } else if (!isOpaqueUrl(u)) out.push(u);
  }
  for (const a of apiUrls) {
    if (taken.has(a)) continue;
    if (opaque > 0) opaque--;
    else if (!textContinues) continue;
    taken.add(a);
    out.push(a);
  }
  return union([], out);
}

/**
 * A Map used as a least-recently-used cache of at most `max` entries and `maxChars` characters
 * (as JSON, estimated: budgets.approxJsonChars), each kept at most `maxAgeMs` since it was set: an entry larger than
 * `maxEntryChars` is not kept at all.
 */
class Lru<K, V> {
  private readonly map = new Map<K, { value: V; size: number; at: number }>();
  private chars = 0;
  /** Times are ms since this cache was made: small integers, not a heap number per entry. */
  private readonly base = Date.now();
  /** Entries refused for their size. */
  oversized = 0;
  constructor(
    private readonly max: number,
    private readonly maxAgeMs = Infinity,
    private readonly maxChars = Infinity,
    private readonly maxEntryChars = Infinity,
  ) {}
  get(key: K): V | undefined {
    const e = this.fresh(key);
    if (e !== undefined) {
      this.map.delete(key);
      this.map.set(key, e);
    }
    return e?.value;
  }
  peek(key: K): V | undefined {
    return this.fresh(key)?.value;
  }
  set(key: K, value: V): void {
    const size = this.maxChars === Infinity ? 0 : approxJsonChars(value) + (typeof key === 'string' ? key.length : 8);
    this.delete(key);
    if (size > this.maxEntryChars) {
      this.oversized++;
      return;
    }
    this.map.set(key, { value, size, at: this.clock() });
    this.chars += size;
    while (this.map.size > this.max || this.chars > this.maxChars) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }
  delete(key: K): void {
    const e = this.map.get(key);
    if (!e) return;
    this.chars -= e.size;
    this.map.delete(key);
  }
  get totalChars(): number {
    return this.chars;
  }
  has(key: K): boolean {
    return this.fresh(key) !== undefined;
  }
  private fresh(key: K): { value: V; size: number; at: number } | undefined {
    const e = this.map.get(key);
    if (e && this.clock() - e.at > this.maxAgeMs) {
      this.delete(key);
      return undefined;
    }
    return e;
  }
  get size(): number {
    return this.map.size;
  }
  /** Math.floor: a small integer in place; a bare difference of two Date.now() is a heap number per entry in V8. */
  private clock(): number {
    return Math.floor(Date.now() - this.base);
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
  /** Ads whose facts were sent and forgotten: tweet id → author key (what isAdBy checks). */
  private readonly adAuthors: Lru<string, string>;

  /** `ads`: ad ids held, each way (default: as many as tweets). */
  constructor(limits: { tweets?: number; profiles?: number; ads?: number; maxAgeMs?: number; chars?: number } = {}) {
    const tweets = limits.tweets ?? 5000;
    const ads = limits.ads ?? tweets;
    const profiles = limits.profiles ?? 5000;
    const age = limits.maxAgeMs ?? Infinity;
    // The byte budget is shared: tweets get most of it, profiles a quarter (a few ids are noise).
    const chars = limits.chars ?? BUDGETS.pageCacheChars;
    this.tweets = new Lru(tweets, age, chars * 0.7, BUDGETS.pageEntryChars);
    this.profiles = new Lru(profiles, age, chars * 0.25, BUDGETS.pageEntryChars);
    // A handle per profile held and room for old handles of renamed accounts (rare); twice as many
    // as profiles mostly held handles whose profile was pushed out already (they find nothing).
    this.idByHandle = new Lru(Math.ceil(profiles * 1.5), age, chars * 0.025);
    this.ads = new Lru(ads, age, chars * 0.0125);
    this.adAuthors = new Lru(ads, age, chars * 0.0125);
  }

  addPageData(d: PageData): void {
    for (const id of d.ads) this.ads.set(id, true);
    for (const t of d.tweets) {
      const known = this.tweets.peek(t.id);
      const isAd = t.isAd || known?.isAd === true || this.ads.has(t.id) || this.adAuthors.peek(t.id) === authorKey(t.authorHandle);
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

  /**
   * Forget a tweet's facts (they went to the background with it). Of an ad only its author is
   * kept: it marks the tweet as one when X renders it again.
   */
  forgetTweet(id: string): void {
    const t = this.tweets.peek(id);
    if (!t) return;
    if (t.isAd) this.adAuthors.set(id, authorKey(t.authorHandle));
    this.tweets.delete(id);
  }

  /**
   * X marked this tweet as promoted in a response we read, and that response described the
   * same tweet by the same author the DOM shows (a bare id in `ads` marks nothing).
   */
  isAdBy(id: string, authorHandle: string): boolean {
    const t = this.tweets.peek(id);
    if (t) return t.isAd && authorKey(t.authorHandle) === authorKey(authorHandle);
    return this.adAuthors.peek(id) === authorKey(authorHandle);
  }

  /** Characters held, and entries refused for their size (bounded figures for tests). */
  get footprint(): { chars: number; oversized: number } {
    const all = [this.tweets, this.profiles, this.idByHandle, this.ads, this.adAuthors];
    return { chars: all.reduce((n, l) => n + l.totalChars, 0), oversized: all.reduce((n, l) => n + l.oversized, 0) };
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
