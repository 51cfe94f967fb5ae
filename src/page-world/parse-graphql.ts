// Reads tweets, users and ad marks out of one X GraphQL response.
//
// X moves things around between operations and eras, so nothing here follows a fixed path from
// the root: one bounded walk visits every object and picks out
//   - tweets:   `__typename: "Tweet"` (and the untyped `.tweet` inside a
//               `TweetWithVisibilityResults`, or an untyped object shaped like a tweet),
//   - users:    `__typename: "User"` with a `rest_id`, old (`legacy.*`) or new (`core.*`,
//               `profile_bio`, `relationship_counts`, `relationship_perspectives`) shape,
//   - ads:      any object carrying `promotedMetadata` next to its `tweet_results`.
// Reposts and quotes are tweets of their own and are found by the same walk; a repost also
// yields a record of the repost itself (original content, `isRepost`, `repostedBy`).
//
// Pure and total: no DOM, no clock; never throws; a depth and node budget bound the work.
import type { AuthorProfile, TweetFacts } from '../shared/types';
import { isHandle } from '../shared/handles';
import {
  cleanUrl,
  emptyPageData,
  PAGE_DATA_LIMITS,
  validateProfile,
  validateTweet,
  type PageData,
  type UserListOperation,
  type UserListPage,
  type ViewerInfo,
} from '../shared/validate-page-data';

export interface ParseBudget {
  /** Deepest nesting walked (the fixtures reach 30). Deeper subtrees are skipped and the response counts as a failure. */
  maxDepth?: number;
  /** Most values (objects, arrays and primitives) looked at (a 3.7 MB list timeline holds about 90,000). */
  maxNodes?: number;
}

export const DEFAULT_BUDGET: Required<ParseBudget> = { maxDepth: 96, maxNodes: 1_500_000 };

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function obj(v: unknown): Obj | undefined {
  return isObj(v) ? v : undefined;
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
/** `o.a.b.c`, or undefined as soon as a step is not an object. */
function at(o: unknown, ...path: string[]): unknown {
  let cur: unknown = o;
  for (const key of path) {
    if (!isObj(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

const DIGITS = /^\d{1,25}$/;

const MONTHS: Record<string, number> = {
  Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11,
};

/** X's `created_at` ("Thu Aug 06 21:12:23 +0000 2026") in ms; parsed by hand, as `Date.parse` of this format is not specified. */
export function parseXDate(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^\w{3} (\w{3}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(v);
  if (!m) return undefined;
  const month = MONTHS[m[1]!];
  if (month === undefined) return undefined;
  const offset = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8])) * 60_000;
  return Date.UTC(Number(m[9]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) - offset;
}

/** X escapes these three, and only these, in `full_text` and `description`. */
function unescapeX(s: string): string {
  return s.replace(/&(amp|lt|gt);/g, (_, e: string) => (e === 'amp' ? '&' : e === 'lt' ? '<' : '>'));
}

/** The posting app's name out of `<a href="…" rel="nofollow">Buffer</a>`. */
export function sourceName(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length === 0) return undefined;
  const m = /^<a\b[^>]*>([^<]*)<\/a>$/i.exec(v.trim());
  const name = unescapeX(m ? m[1]! : v).replace(/\s+/g, ' ').trim();
  return name && name.length <= PAGE_DATA_LIMITS.source && !name.includes('<') ? name : undefined;
}

interface UrlEntity {
  url: string;
  expanded?: string;
  display?: string;
}

function urlEntities(list: unknown): UrlEntity[] {
  const out: UrlEntity[] = [];
  for (const e of arr(list)) {
    const url = str(at(e, 'url'));
    if (url === undefined) continue;
    out.push({ url, expanded: str(at(e, 'expanded_url')), display: str(at(e, 'display_url')) });
  }
  return out;
}


function isShortLink(s: string): boolean {
  return /^https?:\/\/t\.co\//i.test(s);
}

/** Replaces each t.co link in `text` with what X shows in its place (the display URL). */
function showLinks(text: string, entities: UrlEntity[]): string {
  let out = text;
  for (const e of entities) {
    if (e.display && isShortLink(e.url)) out = out.split(e.url).join(e.display);
  }
  return out;
}

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function names(list: unknown, key: string, max = PAGE_DATA_LIMITS.tags): string[] {
  const out: string[] = [];
  for (const e of arr(list)) {
    const v = str(at(e, key));
    if (v !== undefined && v.length > 0 && v.length <= PAGE_DATA_LIMITS.tag) out.push(v);
  }
  return uniq(out).slice(0, max);
}

/** The tweet inside a `tweet_results.result`-like value: unwraps `TweetWithVisibilityResults`. */
function unwrapTweet(v: unknown): Obj | undefined {
  const o = obj(v);
  if (!o) return undefined;
  if (o.__typename === 'TweetWithVisibilityResults') return obj(o.tweet);
  return o;
}

/** An object that is a tweet: typed so, or untyped with a tweet's shape. */
function isTweetNode(o: Obj): boolean {
  if (o.__typename === 'Tweet') return true;
  return o.__typename === undefined && typeof o.rest_id === 'string' && isObj(o.legacy) && typeof o.legacy.full_text === 'string';
}

function isUserNode(o: Obj): boolean {
  if (o.__typename === 'User') return true;
  return (
    o.__typename === undefined &&
    typeof o.rest_id === 'string' &&
    (typeof at(o, 'legacy', 'screen_name') === 'string' || typeof at(o, 'core', 'screen_name') === 'string')
  );
}

/**
 * Keys whose values are details of a tweet or a user (text ranges, tags, mentions and links of
 * the text, media sizes and variants, card values, analytics): never a tweet, a user or an ad,
 * and read by readTweet / readUser from their owner, so the walk does not go into them. Not
 * `entities` or `media` as a whole: a video's `additional_media_info.source_user` is a User.
 * Looked up only for keys whose value is an object or an array (most values are not).
 */
const DETAIL_KEYS: ReadonlySet<string> = new Set([
  'display_text_range',
  'indices',
  'hashtags',
  'symbols',
  'user_mentions',
  'urls',
  'timestamps',
  'sizes',
  'original_info',
  'video_info',
  'features',
  'ext_media_availability',
  'binding_values',
  'edit_control',
  'views',
  'clientEventInfo',
]);

function isCount(n: number | undefined): n is number {
  return n !== undefined && Number.isSafeInteger(n) && n >= 0;
}

/**
 * Users already read in the response being parsed: a tweet's author is met up to three times
 * (the tweet, its author, the User node itself) and is read once. Null outside a parse.
 */
let usersRead: Map<Obj, AuthorProfile | null> | null = null;

/** A user object as an AuthorProfile; null without a readable handle and numeric id. */
export function readUser(u: unknown): AuthorProfile | null {
  const o = obj(u);
  if (!o) return null;
  if (usersRead) {
    const known = usersRead.get(o);
    if (known !== undefined) return known;
    const p = readUserNow(o);
    usersRead.set(o, p);
    return p;
  }
  return readUserNow(o);
}

function readUserNow(o: Obj): AuthorProfile | null {
  const id = str(o.rest_id);
  const legacy = obj(o.legacy) ?? {};
  const core = obj(o.core) ?? {};
  const handle = str(core.screen_name) ?? str(legacy.screen_name);
  if (!id || !DIGITS.test(id) || !handle || !isHandle(handle)) return null;

  const p: AuthorProfile = { handle, id };
  const name = str(core.name) ?? str(legacy.name);
  if (name) p.name = cut(name, PAGE_DATA_LIMITS.name);

  const bioEntities = obj(legacy.entities) ?? obj(at(o, 'profile_bio', 'entities')) ?? {};
  const descUrls = urlEntities(at(bioEntities, 'description', 'urls'));
  const siteUrls = urlEntities(at(bioEntities, 'url', 'urls'));
  const description = str(legacy.description) ?? str(at(o, 'profile_bio', 'description'));
  if (description) p.bio = cut(showLinks(unescapeX(description), descUrls), PAGE_DATA_LIMITS.bio);

  const links: string[] = [];
  for (const e of [...siteUrls, ...descUrls]) {
    const target = cleanUrl(e.expanded ?? e.url);
    if (target) links.push(target);
  }
  // The website field alone (t.co) only when no entity expanded it.
  const website = str(legacy.url) ?? str(at(o, 'website', 'url'));
  const websiteUrl = cleanUrl(website);
  if (websiteUrl && !siteUrls.some((e) => e.url === website)) links.push(websiteUrl);
  if (links.length > 0 || description !== undefined) p.bioUrls = uniq(links).slice(0, PAGE_DATA_LIMITS.urls);

  const followers = num(legacy.followers_count) ?? num(at(o, 'relationship_counts', 'followers'));
  const following = num(legacy.friends_count) ?? num(at(o, 'relationship_counts', 'following'));
  const statuses = num(legacy.statuses_count) ?? num(at(o, 'tweet_counts', 'tweets'));
  if (isCount(followers)) p.followers = followers;
  if (isCount(following)) p.following = following;
  if (isCount(statuses)) p.statuses = statuses;

  const professionalType = str(at(o, 'professional', 'professional_type'));
  if (professionalType) p.professionalType = cut(professionalType, PAGE_DATA_LIMITS.shortString);
  const categories = at(o, 'professional', 'category');
  const category = Array.isArray(categories) ? str(at(categories[0], 'name')) : undefined;
  if (category) p.professionalCategory = cut(category, PAGE_DATA_LIMITS.shortString);
  const affiliate = str(at(o, 'affiliates_highlighted_label', 'label', 'description'));
  if (affiliate) p.affiliateLabel = cut(affiliate, PAGE_DATA_LIMITS.shortString);
  const blue = bool(o.is_blue_verified);
  if (blue !== undefined) p.isBlueVerified = blue;
  const verifiedType = str(legacy.verified_type) ?? str(at(o, 'verification', 'verified_type'));
  if (verifiedType) p.verifiedType = cut(verifiedType, PAGE_DATA_LIMITS.shortString);
  const following_ = bool(at(o, 'relationship_perspectives', 'following')) ?? bool(legacy.following);
  if (following_ !== undefined) p.isFollowedByUser = following_;
  const createdAt = parseXDate(core.created_at) ?? parseXDate(legacy.created_at);
  if (createdAt !== undefined) p.createdAt = createdAt;
  return p;
}

/** The handle and id of a tweet's author, from `core.user_results.result` (any era). */
function authorOf(tweet: Obj): AuthorProfile | null {
  const u = obj(at(tweet, 'core', 'user_results', 'result'));
  if (u) return readUser(u);
  return null;
}

/** The visible text of a tweet: the whole note for long posts, else `full_text` cut to its display range. */
function textOf(tweet: Obj, legacy: Obj, urls: UrlEntity[]): string {
  const note = obj(at(tweet, 'note_tweet', 'note_tweet_results', 'result'));
  const noteText = str(note?.text);
  if (noteText !== undefined) {
    // Note text is not HTML-escaped (full_text is).
    return showLinks(noteText, [...urls, ...urlEntities(at(note, 'entity_set', 'urls'))]);
  }
  const full = str(legacy.full_text) ?? '';
  // display_text_range counts code points of the escaped text; it hides leading reply
  // mentions and the trailing media link, as X's own page does.
  const range = arr(legacy.display_text_range);
  const from = num(range[0]);
  const to = num(range[1]);
  let shown = full;
  if (from !== undefined && to !== undefined && from >= 0 && to >= from) shown = codePointSlice(full, from, to);
  // The page shows media, not their t.co link, even when the range includes it.
  for (const m of arr(at(legacy, 'entities', 'media'))) {
    const link = str(at(m, 'url'));
    if (link && isShortLink(link)) shown = shown.split(link).join('');
  }
  return showLinks(unescapeX(shown), urls).trim();
}

/** `Array.from(s).slice(from, to).join('')` without an array of every character (this runs for every tweet). */
export function codePointSlice(s: string, from: number, to: number): string {
  let start = -1;
  let cp = 0;
  let i = 0;
  for (; i < s.length; cp++) {
    if (cp === from) start = i;
    if (cp === to) break;
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  if (start < 0) return '';
  return start === 0 && i === s.length ? s : s.slice(start, i);
}

/** A tweet object as TweetFacts (its own content; reposts are expanded by the caller). Null when unreadable. */
export function readTweet(t: unknown): TweetFacts | null {
  const tweet = unwrapTweet(t);
  if (!tweet) return null;
  const legacy = obj(tweet.legacy);
  if (!legacy) return null;
  const id = str(tweet.rest_id) ?? str(legacy.id_str);
  if (!id || !DIGITS.test(id)) return null;
  const author = authorOf(tweet);
  if (!author) return null;

  const entities = obj(legacy.entities) ?? {};
  const note = obj(at(tweet, 'note_tweet', 'note_tweet_results', 'result'));
  const noteEntities = obj(note?.entity_set) ?? {};
  const urlEnts = [...urlEntities(entities.urls), ...urlEntities(noteEntities.urls)];

  const urls: string[] = [];
  for (const e of urlEnts) {
    const target = cleanUrl(e.expanded ?? e.url);
    if (target) urls.push(target);
  }

  const mentions = uniq([...names(entities.user_mentions, 'screen_name'), ...names(noteEntities.user_mentions, 'screen_name')])
    .filter((h) => isHandle(h))
    .slice(0, PAGE_DATA_LIMITS.tags);

  const media = arr(at(legacy, 'extended_entities', 'media')).length > 0 || arr(entities.media).length > 0;
  const card = obj(tweet.card);

  const facts: TweetFacts = {
    id,
    authorHandle: author.handle,
    authorId: author.id,
    text: cut(textOf(tweet, legacy, urlEnts), PAGE_DATA_LIMITS.text),
    urls: uniq(urls).slice(0, PAGE_DATA_LIMITS.urls),
    hashtags: uniq([...names(entities.hashtags, 'text'), ...names(noteEntities.hashtags, 'text')]).slice(0, PAGE_DATA_LIMITS.tags),
    cashtags: uniq([...names(entities.symbols, 'text'), ...names(noteEntities.symbols, 'text')]).slice(0, PAGE_DATA_LIMITS.tags),
    mentions,
    isReply: typeof legacy.in_reply_to_status_id_str === 'string',
    isRepost: false,
    isQuote: legacy.is_quote_status === true || isObj(tweet.quoted_status_result),
    hasMedia: media,
    hasCard: card !== undefined,
    isAd: false,
  };
  if (author.name) facts.authorName = author.name;

  const replyTo = str(legacy.in_reply_to_screen_name);
  if (isHandle(replyTo)) facts.replyTo = replyTo;

  if (facts.isQuote) {
    const quoted = unwrapTweet(at(tweet, 'quoted_status_result', 'result'));
    const quotedId = str(legacy.quoted_status_id_str) ?? str(quoted?.rest_id);
    if (quotedId && DIGITS.test(quotedId)) facts.quotedId = quotedId;
    const quotedAuthor = quoted ? authorOf(quoted) : null;
    if (quotedAuthor) facts.quotedAuthor = quotedAuthor.handle;
  }

  if (card) {
    const cardUrl = readCardUrl(card, urlEnts);
    if (cardUrl) facts.cardUrl = cardUrl;
  }

  const source = sourceName(tweet.source ?? legacy.source);
  if (source) facts.source = source;
  const createdAt = parseXDate(legacy.created_at);
  if (createdAt !== undefined) facts.createdAt = createdAt;
  const lang = str(legacy.lang);
  if (lang && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang)) facts.lang = lang;
  return facts;
}

/** The card's target: its t.co resolved through the tweet's url entities, else the domain it names. */
function readCardUrl(card: Obj, urls: UrlEntity[]): string | undefined {
  const values = new Map<string, string>();
  for (const b of arr(at(card, 'legacy', 'binding_values'))) {
    const key = str(at(b, 'key'));
    const value = str(at(b, 'value', 'string_value'));
    if (key && value !== undefined) values.set(key, value);
  }
  const short = values.get('card_url') ?? str(at(card, 'legacy', 'url')) ?? str(card.rest_id);
  if (short) {
    const expanded = cleanUrl(urls.find((e) => e.url === short)?.expanded);
    if (expanded) return expanded;
    const direct = isShortLink(short) ? undefined : cleanUrl(short);
    if (direct) return direct;
  }
  const domain = values.get('domain') ?? values.get('vanity_url');
  if (domain && /^[A-Za-z0-9.-]{1,253}$/.test(domain) && domain.includes('.')) return domain.toLowerCase();
  return undefined;
}

/** Tweet plus, when it is a repost, a record of the repost that carries the original's content. */
function readTweetAndRepost(tweet: Obj): TweetFacts | null {
  const own = readTweet(tweet);
  if (!own) return null;
  const legacy = obj(tweet.legacy);
  const original = unwrapTweet(at(legacy, 'retweeted_status_result', 'result') ?? at(tweet, 'retweeted_status_result', 'result'));
  if (!original) return own;
  const orig = readTweet(original);
  if (!orig) return { ...own, isRepost: true };
  // The repost as the timeline shows it: the original's content, by its author, reposted by this one.
  return { ...orig, id: own.id, isRepost: true, repostedBy: own.authorHandle, isAd: false };
}

/** Looks like X's kind of content (so finding nothing in it means we no longer understand it). */
function hasContentMarkers(o: Obj): boolean {
  const t = o.__typename;
  if (t === 'Tweet' || t === 'User' || t === 'TweetWithVisibilityResults' || t === 'TimelineTweet' || t === 'TimelineUser') {
    return true;
  }
  if ('tweet_results' in o || 'user_results' in o) return true;
  const entryId = o.entryId;
  return typeof entryId === 'string' && /^(promoted-)?(tweet|user)-\d/.test(entryId);
}

function mergeProfile(into: AuthorProfile, from: AuthorProfile): void {
  const target = into as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(from)) if (target[k] === undefined && v !== undefined) target[k] = v;
}

/**
 * Everything readable in one GraphQL response. Never throws. `health` says what happened to
 * this one response: seen, how many tweets and users it gave, and 1 failure when it was not an
 * object, blew the budget, or looked like X's content yet gave nothing we could read.
 */
export function parseGraphqlResponse(json: unknown, budget?: ParseBudget): PageData {
  const result = emptyPageData();
  result.health.responsesSeen = 1;
  const maxDepth = Math.max(1, budget?.maxDepth ?? DEFAULT_BUDGET.maxDepth);
  const maxNodes = Math.max(1, budget?.maxNodes ?? DEFAULT_BUDGET.maxNodes);
  const tweets = new Map<string, TweetFacts>();
  const profiles = new Map<string, AuthorProfile>();
  const ads = new Set<string>();
  let failed = false;
  let markers = false;

  const addProfile = (p: AuthorProfile | null) => {
    if (!p?.id) return;
    const known = profiles.get(p.id);
    if (!known) profiles.set(p.id, p);
    else if (known !== p) mergeProfile(known, p);
  };

  const outerUsers = usersRead;
  usersRead = new Map();
  try {
    if (typeof json !== 'object' || json === null) {
      failed = true;
    } else {
      // Depth first, in document order (the order tweets are listed in). Recursive: the depth
      // budget bounds the stack (a deeper subtree is skipped and counts as a failure).
      let nodes = 0;
      const walk = (v: object, depth: number): void => {
        if (++nodes > maxNodes) return;
        if (depth >= maxDepth) {
          failed = true;
          return;
        }
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) {
            const child: unknown = v[i];
            if (typeof child === 'object' && child !== null) walk(child, depth + 1);
            else nodes++;
            if (nodes > maxNodes) return;
          }
          return;
        }
        const o = v as Obj;
        if (!markers && hasContentMarkers(o)) markers = true;

        // Most objects are neither (legacy, entities, timeline wrappers): their type and rest_id
        // are read once here, as isTweetNode / isUserNode would read them. This walk runs once per
        // response, mostly before V8 has optimised it, where each property read counts.
        const type = o.__typename;
        let tweet = false;
        if (type === 'Tweet' || type === 'User' || (type === undefined && typeof o.rest_id === 'string')) {
          // A TweetWithVisibilityResults' untyped `.tweet` is reached next and read as a tweet by its shape.
          if (isTweetNode(o)) {
            tweet = true;
            const t = readTweetAndRepost(o);
            if (t && !tweets.has(t.id)) tweets.set(t.id, t);
            // Its author (`core.user_results.result`), read here; the walk does not go into `core`
            // again (a fifth of a timeline's nodes: every tweet's author in full).
            addProfile(authorOf(o));
          } else if (isUserNode(o)) {
            addProfile(readUser(o));
          }
        }

        if (o.promotedMetadata !== undefined && isObj(o.promotedMetadata)) {
          const promoted = unwrapTweet(at(o, 'tweet_results', 'result'));
          const id = str(promoted?.rest_id);
          if (id && DIGITS.test(id)) ads.add(id);
        }

        // Own keys only (for-in would also walk what a page script put on Object.prototype).
        const keys = Object.keys(o);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!;
          const child = o[key];
          if (typeof child === 'object' && child !== null) {
            if (!DETAIL_KEYS.has(key) && !(tweet && markers && key === 'core')) walk(child, depth + 1);
          } else nodes++;
          if (nodes > maxNodes) return;
        }
      };
      walk(json, 0);
      if (nodes > maxNodes) failed = true;
    }
  } catch {
    failed = true;
  } finally {
    usersRead = outerUsers;
  }

  for (const id of ads) {
    const t = tweets.get(id);
    if (t) t.isAd = true;
  }
  // Through the same schema the content script applies, so what we send is what it keeps.
  for (const t of tweets.values()) {
    const valid = validateTweet(t);
    if (valid) result.tweets.push(valid);
  }
  for (const p of profiles.values()) {
    const valid = validateProfile(p);
    if (valid) result.profiles.push(valid);
  }
  result.ads = [...ads];
  result.health.apiTweets = result.tweets.length;
  result.health.apiUsers = result.profiles.length;
  if (failed || (markers && result.tweets.length === 0 && result.profiles.length === 0)) result.health.apiFailures = 1;
  return result;
}

// ---- Lists of users (Following, Followers) and the viewer ------------------------------------
//
// Following and Followers responses share one shape (see test/fixtures/x-api/README.md):
//   data.user.result.timeline.timeline.instructions[] (TimelineAddEntries) → entries[]
//     entryId "user-<id>":   content.itemContent { __typename/itemType "TimelineUser", user_results.result: User }
//     entryId "cursor-…":    content { cursorType "Top" | "Bottom", value }
// The list's owner is not in the response (its `data.user.result` is a bare `{__typename}`): it is
// the `userId` in the request's `variables`. Found by type, not by path, like everything above.

const LIST_OPERATIONS: ReadonlySet<string> = new Set<UserListOperation>(['Following', 'Followers']);

/** `variables` of a GraphQL request URL, or {} when absent or not JSON. */
function requestVariables(url: string | undefined): Obj {
  if (!url) return {};
  try {
    const raw = new URL(url, 'https://x.com/').searchParams.get('variables');
    return obj(raw ? JSON.parse(raw) : undefined) ?? {};
  } catch {
    return {};
  }
}

function isTimelineUser(o: Obj): boolean {
  return o.__typename === 'TimelineUser' || o.itemType === 'TimelineUser';
}

/**
 * X ends a list with a Bottom cursor whose value starts "0|" (twscrape and other readers stop
 * there), or with no Bottom cursor at all. Not seen in the fixtures' first page: a guess.
 */
function isLastListPage(bottom: string | undefined, users: number): boolean {
  return bottom === undefined || /^0\|/.test(bottom) || users === 0;
}

/**
 * One page of a Following / Followers list; null for any other operation or when the response
 * holds no list at all. Bounded like parseGraphqlResponse; never throws.
 */
export function parseUserList(json: unknown, operation: string, requestUrl?: string, budget?: ParseBudget): UserListPage | null {
  if (!LIST_OPERATIONS.has(operation) || !isObj(json)) return null;
  const maxDepth = Math.max(1, budget?.maxDepth ?? DEFAULT_BUDGET.maxDepth);
  const maxNodes = Math.max(1, budget?.maxNodes ?? DEFAULT_BUDGET.maxNodes);
  const users: AuthorProfile[] = [];
  const seen = new Set<string>();
  let bottom: string | undefined;
  let sawList = false;
  try {
    const stack: { v: unknown; depth: number }[] = [{ v: json, depth: 0 }];
    let nodes = 0;
    while (stack.length > 0) {
      const { v, depth } = stack.pop()!;
      if (++nodes > maxNodes) break;
      if (typeof v !== 'object' || v === null || depth >= maxDepth) continue;
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], depth: depth + 1 });
        continue;
      }
      const o = v as Obj;
      if (isTimelineUser(o)) {
        sawList = true;
        const u = readUser(at(o, 'user_results', 'result'));
        if (u && !seen.has(u.id!) && users.length < PAGE_DATA_LIMITS.profiles) {
          seen.add(u.id!);
          users.push(u);
        }
        continue; // Nothing else of ours inside a user item.
      }
      if (typeof o.cursorType === 'string') {
        sawList = true;
        if (o.cursorType === 'Bottom' && typeof o.value === 'string') bottom = o.value;
        continue;
      }
      const keys = Object.keys(o);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: o[keys[i]!], depth: depth + 1 });
    }
  } catch {
    return null;
  }
  if (!sawList) return null;
  const vars = requestVariables(requestUrl);
  const page: UserListPage = {
    operation: operation as UserListOperation,
    users,
    isLastPage: isLastListPage(bottom, users.length),
    isFirstPage: typeof vars.cursor !== 'string' || vars.cursor === '',
  };
  const owner = str(vars.userId);
  if (owner && DIGITS.test(owner)) page.ownerId = owner;
  return page;
}

/**
 * The signed-in account, from a response that names it: X's `Viewer` operation answers
 * `data.viewer.user_results.result` (newer clients: `data.viewer_v2`). Not in the fixtures: the
 * shape is a guess from X's web client, so the content script also reads the page's own
 * "Profile" link (selectors.ts) and takes the viewer only when one of them says so.
 */
export function readViewer(json: unknown): ViewerInfo | null {
  for (const key of ['viewer', 'viewer_v2']) {
    const u = readUser(at(json, 'data', key, 'user_results', 'result'));
    if (u?.id) {
      const v: ViewerInfo = { id: u.id, handle: u.handle };
      if (u.following !== undefined) v.following = u.following;
      return v;
    }
  }
  return null;
}

/** Everything parseGraphqlResponse reads, plus the list page and the viewer for the operations that carry them. */
export function parseApiResponse(json: unknown, operation: string, requestUrl?: string, budget?: ParseBudget): PageData {
  const data = parseGraphqlResponse(json, budget);
  const list = parseUserList(json, operation, requestUrl, budget);
  if (list) data.userList = list;
  const viewer = readViewer(json);
  if (viewer) data.viewer = viewer;
  return data;
}
