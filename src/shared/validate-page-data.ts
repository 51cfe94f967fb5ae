// The schema of what the page-world reader sends to the content script, and its validator.
//
// The page world is X's, not ours: any script there can dispatch a `qb:page-data` event with
// whatever it likes. So everything that crosses is rebuilt here field by field from what
// passes the checks; unknown keys are never copied (no `__proto__` surprises), invalid items
// are dropped, invalid optional fields are left unknown, long free text is cut.
import type { AuthorProfile, TweetFacts } from './types';
import { isHandle } from './handles';
import { BUDGETS } from './budgets';

/** The DOM event on `document` that carries a PageData, as a JSON string, from page world to content script. */
export const PAGE_DATA_EVENT = 'qb:page-data';

/** What one message from the page-world reader carries. `health` is the increment for this message. */
export interface PageData {
  tweets: TweetFacts[];
  profiles: AuthorProfile[];
  /** Ids of tweets X marked as promoted. */
  ads: string[];
  health: { responsesSeen: number; apiTweets: number; apiUsers: number; apiFailures: number };
  /** One page of a Following / Followers list (following audit). */
  userList?: UserListPage;
  /** The signed-in account, when the response names it (following audit). */
  viewer?: ViewerInfo;
}

// ---- Following audit: a page of a list of users, and the viewer -----------------------------

export type UserListOperation = 'Following' | 'Followers';

/** One page of a list of users as X delivered it. */
export interface UserListPage {
  operation: UserListOperation;
  /** Numeric id of the account whose list this is (from the request URL), when known. */
  ownerId?: string;
  /** In the order X shows them. */
  users: AuthorProfile[];
  /** The page had no next cursor (or X's "0|" end cursor): the end of the list. */
  isLastPage: boolean;
  /** The page was asked for without a cursor: the top of the list. */
  isFirstPage: boolean;
}

/** Who is signed in to x.com, as X's responses say. */
export interface ViewerInfo {
  id: string;
  handle: string;
  /** How many accounts the viewer follows (X's `friends_count` / `relationship_counts.following`). */
  following?: number;
}

export const PAGE_DATA_LIMITS = {
  tweets: 500,
  profiles: 500,
  ads: 500,
  text: 10_000,
  /** Profiles: what an author row may store (shared/budgets.ts). */
  bio: BUDGETS.storedBioChars,
  bioUrls: BUDGETS.storedBioUrls,
  bioUrl: BUDGETS.storedUrlChars,
  name: 200,
  source: 200,
  shortString: 64,
  url: 2_048,
  urls: 50,
  tags: 50,
  tag: 140,
  /** Largest health increment one message may claim. */
  count: 100_000,
} as const;

const DIGITS = /^\d{1,25}$/;
const DOMAIN = /^(?=.{1,253}$)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const LANG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
/** 2006-03-01 (X's first post) to 2100: anything else is not a real timestamp. */
const MIN_TIME = Date.UTC(2006, 2, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);

export function emptyPageData(): PageData {
  return { tweets: [], profiles: [], ads: [], health: { responsesSeen: 0, apiTweets: 0, apiUsers: 0, apiFailures: 0 } };
}

export function isTweetId(v: unknown): v is string {
  return typeof v === 'string' && DIGITS.test(v);
}

/** An absolute http(s) URL of sane length, normalised by the URL parser; undefined otherwise. */
export function cleanUrl(v: unknown, max: number = PAGE_DATA_LIMITS.url): string | undefined {
  if (typeof v !== 'string' || v.length === 0 || v.length > max) return undefined;
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    if (u.username || u.password) return undefined;
    return u.href.length <= max ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A string, cut to `max` characters (without splitting a surrogate pair). */
function cutString(v: unknown, max: number): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (v.length <= max) return v;
  let end = max;
  const code = v.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return v.slice(0, end);
}

function shortString(v: unknown, max: number): string | undefined {
  return typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined;
}

function time(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= MIN_TIME && v <= MAX_TIME ? Math.trunc(v) : undefined;
}

function count(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 1e12 ? v : undefined;
}

function list<T>(v: unknown, max: number, item: (x: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: T[] = [];
  const seen = new Set<T>();
  for (let i = 0; i < v.length && out.length < max; i++) {
    const x = item(v[i]);
    if (x !== undefined && !seen.has(x)) {
      seen.add(x);
      out.push(x);
    }
  }
  return out;
}

const tag = (x: unknown) => {
  const s = shortString(x, PAGE_DATA_LIMITS.tag);
  return s !== undefined && !/[\s#$@<>]/.test(s) ? s : undefined;
};
const handle = (x: unknown) => (isHandle(x) ? x : undefined);
const id = (x: unknown) => (isTweetId(x) ? x : undefined);

function cardLink(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  return cleanUrl(v) ?? (DOMAIN.test(v) ? v.toLowerCase() : undefined);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Copies `value` onto `target[key]` only when it is known: optional fields stay absent, not undefined. */
function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

export function validateTweet(raw: unknown): TweetFacts | null {
  if (!isRecord(raw)) return null;
  const booleans = ['isReply', 'isRepost', 'isQuote', 'hasMedia', 'hasCard', 'isAd'] as const;
  if (!isTweetId(raw.id) || !isHandle(raw.authorHandle)) return null;
  if (typeof raw.text !== 'string') return null;
  for (const b of booleans) if (typeof raw[b] !== 'boolean') return null;
  const urls = list(raw.urls, PAGE_DATA_LIMITS.urls, (u) => cleanUrl(u));
  const hashtags = list(raw.hashtags, PAGE_DATA_LIMITS.tags, tag);
  const cashtags = list(raw.cashtags, PAGE_DATA_LIMITS.tags, tag);
  const mentions = list(raw.mentions, PAGE_DATA_LIMITS.tags, handle);
  if (!urls || !hashtags || !cashtags || !mentions) return null;
  const t: TweetFacts = {
    id: raw.id,
    authorHandle: raw.authorHandle,
    text: cutString(raw.text, PAGE_DATA_LIMITS.text) ?? '',
    urls,
    hashtags,
    cashtags,
    mentions,
    isReply: raw.isReply as boolean,
    isRepost: raw.isRepost as boolean,
    isQuote: raw.isQuote as boolean,
    hasMedia: raw.hasMedia as boolean,
    hasCard: raw.hasCard as boolean,
    isAd: raw.isAd as boolean,
  };
  put(t, 'authorName', shortString(raw.authorName, PAGE_DATA_LIMITS.name));
  put(t, 'authorId', id(raw.authorId));
  put(t, 'replyTo', handle(raw.replyTo));
  put(t, 'repostedBy', handle(raw.repostedBy));
  put(t, 'quotedId', id(raw.quotedId));
  put(t, 'quotedAuthor', handle(raw.quotedAuthor));
  put(t, 'cardUrl', cardLink(raw.cardUrl));
  put(t, 'source', shortString(raw.source, PAGE_DATA_LIMITS.source));
  put(t, 'createdAt', time(raw.createdAt));
  put(t, 'lang', typeof raw.lang === 'string' && raw.lang.length <= 20 && LANG.test(raw.lang) ? raw.lang : undefined);
  return t;
}

export function validateProfile(raw: unknown): AuthorProfile | null {
  if (!isRecord(raw) || !isHandle(raw.handle)) return null;
  const p: AuthorProfile = { handle: raw.handle };
  put(p, 'id', id(raw.id));
  put(p, 'name', shortString(raw.name, PAGE_DATA_LIMITS.name));
  put(p, 'bio', cutString(raw.bio, PAGE_DATA_LIMITS.bio));
  put(p, 'bioUrls', list(raw.bioUrls, PAGE_DATA_LIMITS.bioUrls, (u) => cleanUrl(u, PAGE_DATA_LIMITS.bioUrl)));
  put(p, 'followers', count(raw.followers));
  put(p, 'following', count(raw.following));
  put(p, 'statuses', count(raw.statuses));
  put(p, 'professionalType', shortString(raw.professionalType, PAGE_DATA_LIMITS.shortString));
  put(p, 'isBlueVerified', typeof raw.isBlueVerified === 'boolean' ? raw.isBlueVerified : undefined);
  put(p, 'verifiedType', shortString(raw.verifiedType, PAGE_DATA_LIMITS.shortString));
  put(p, 'professionalCategory', shortString(raw.professionalCategory, PAGE_DATA_LIMITS.shortString));
  put(p, 'affiliateLabel', shortString(raw.affiliateLabel, PAGE_DATA_LIMITS.shortString));
  put(p, 'isFollowedByUser', typeof raw.isFollowedByUser === 'boolean' ? raw.isFollowedByUser : undefined);
  put(p, 'createdAt', time(raw.createdAt));
  return p;
}

function healthCount(v: unknown): number | null {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= PAGE_DATA_LIMITS.count ? v : null;
}

/**
 * The page data in `raw`, rebuilt from what passes the schema; null when the envelope itself is
 * wrong (not an object, a list missing or too long, health counters missing or absurd).
 */
export function validatePageData(raw: unknown): PageData | null {
  try {
    if (!isRecord(raw) || !isRecord(raw.health)) return null;
    const { tweets, profiles, ads } = raw;
    if (!Array.isArray(tweets) || !Array.isArray(profiles) || !Array.isArray(ads)) return null;
    if (
      tweets.length > PAGE_DATA_LIMITS.tweets ||
      profiles.length > PAGE_DATA_LIMITS.profiles ||
      ads.length > PAGE_DATA_LIMITS.ads
    ) {
      return null;
    }
    const responsesSeen = healthCount(raw.health.responsesSeen);
    const apiTweets = healthCount(raw.health.apiTweets);
    const apiUsers = healthCount(raw.health.apiUsers);
    const apiFailures = healthCount(raw.health.apiFailures);
    if (responsesSeen === null || apiTweets === null || apiUsers === null || apiFailures === null) return null;
    const out: PageData = {
      tweets: [],
      profiles: [],
      ads: list(ads, PAGE_DATA_LIMITS.ads, id) ?? [],
      health: { responsesSeen, apiTweets, apiUsers, apiFailures },
    };
    for (const t of tweets) {
      const v = validateTweet(t);
      if (v) out.tweets.push(v);
    }
    for (const p of profiles) {
      const v = validateProfile(p);
      if (v) out.profiles.push(v);
    }
    // Following audit.
    const userList = raw.userList === undefined ? null : validateUserList(raw.userList);
    if (userList) out.userList = userList;
    const viewer = raw.viewer === undefined ? null : validateViewer(raw.viewer);
    if (viewer) out.viewer = viewer;
    return out;
  } catch {
    // A getter or proxy cannot reach us through JSON.parse, but callers may pass anything.
    return null;
  }
}

// ---- Following audit: validators for `userList` and `viewer` ---------------------------------

/** A list page rebuilt from what passes; null when absent or malformed (the rest of the message still counts). */
export function validateUserList(raw: unknown): UserListPage | null {
  if (!isRecord(raw)) return null;
  if (raw.operation !== 'Following' && raw.operation !== 'Followers') return null;
  if (!Array.isArray(raw.users) || raw.users.length > PAGE_DATA_LIMITS.profiles) return null;
  if (typeof raw.isLastPage !== 'boolean' || typeof raw.isFirstPage !== 'boolean') return null;
  const users: AuthorProfile[] = [];
  const ids = new Set<string>();
  for (const u of raw.users) {
    const p = validateProfile(u);
    // Listed users are keyed by id: one without is of no use to the list.
    if (p?.id && !ids.has(p.id)) {
      ids.add(p.id);
      users.push(p);
    }
  }
  const page: UserListPage = { operation: raw.operation, users, isLastPage: raw.isLastPage, isFirstPage: raw.isFirstPage };
  put(page, 'ownerId', id(raw.ownerId));
  return page;
}

export function validateViewer(raw: unknown): ViewerInfo | null {
  if (!isRecord(raw) || !isTweetId(raw.id) || !isHandle(raw.handle)) return null;
  const v: ViewerInfo = { id: raw.id, handle: raw.handle };
  put(v, 'following', count(raw.following));
  return v;
}
