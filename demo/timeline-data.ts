// What the demo home timeline holds, assembled once from the real fixtures (Node only).
//
//   test/fixtures/x-api/*.json      ─ X_API_PICKS: real tweet results, kept as X sent them
//   test/fixtures/x-dom/*.html      ─ the three real saved cells (shown verbatim by the page)
//   test/fixtures/labeled/posts.jsonl ─ 8 seller + 8 not_seller authors, 4 posts each, wrapped
//                                       as minimal tweet results (see chooseLabelledAuthors)
//          │
//          ▼ interleave (seeded, deterministic) ─▶ 86 timeline items ─▶ 7 HomeTimeline pages
//
// Everything is deterministic: no Math.random, no clock. Fixtures are read from disk relative to
// this file (override the folder with QB_FIXTURES_DIR).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { qbHash, qbTokenize, type TextPiece } from './render';

export type Label = 'seller' | 'not_seller' | 'unlabelled';

/** One post of the demo timeline (the manifest's view of it). */
export interface DemoPost {
  id: string;
  handle: string;
  name: string;
  text: string;
  urls: string[];
  label: Label;
  source: 'labeled' | 'x-api' | 'x-dom';
  isAd?: boolean;
  repostedBy?: string;
  replyTo?: string;
}

/** One entry of a HomeTimeline page: the itemContent X would send, and the post it shows. */
export interface TimelineItem {
  post: DemoPost;
  /** `content.itemContent` of the entry (TimelineTweet, with promotedMetadata for ads). */
  itemContent: Record<string, unknown>;
  /** Real saved markup to show instead of rendering (x-dom cells). */
  verbatimHtml?: string;
}

type Obj = Record<string, unknown>;

/** The demo's fixed "now", for time labels: the day after the newest real tweet we use. */
export const DEMO_NOW = '2026-08-07T09:00:00.000Z';
/** Cells on the first page (fetch), then on each later page (XHR). */
export const FIRST_PAGE_SIZE = 10;
export const PAGE_SIZE = 13;
/** Labelled authors per class, and posts per author. */
export const AUTHORS_PER_LABEL = 8;
export const POSTS_PER_AUTHOR = 4;

/**
 * Real tweets from the x-api fixtures, by file and rest_id, in the order they are spread through
 * the timeline. A timeline-ish mix: originals, reposts, a quote, replies, a long post, another
 * language, links, hashtags, and the promoted (ad) entry of manual_tweet_with_video_2.json.
 */
export const X_API_PICKS: ReadonlyArray<{ file: string; id: string; note: string }> = [
  { file: 'manual_tweet_with_video_2.json', id: '1667220696295178240', note: 'promoted entry (ad), 2023 user shape' },
  { file: 'raw_list_timeline.json', id: '2085472697924890822', note: 'original, news account' },
  { file: 'raw_list_timeline.json', id: '2085473570625294744', note: 'repost' },
  { file: 'raw_search.json', id: '2074967301221396711', note: 'person selling one car (hard case)' },
  { file: 'raw_community_tweets.json', id: '2085443586737283337', note: 'long post (note_tweet), hashtag' },
  { file: 'raw_user_tweets_and_replies.json', id: '2083305191776924151', note: 'reply' },
  { file: 'raw_list_timeline.json', id: '2085471123257368829', note: 'link' },
  { file: 'manual_tweet_with_video_2.json', id: '1671753569412820992', note: 'video, 2023 user shape' },
  { file: 'raw_search.json', id: '2074964027764363573', note: 'product first look (hard case)' },
  { file: 'raw_list_timeline.json', id: '2085438033092923507', note: 'quote' },
  { file: 'card_summary.json', id: '1696922210588410217', note: 'Italian, brand' },
  { file: 'raw_list_timeline.json', id: '2085473081376551402', note: 'repost with link' },
  { file: 'raw_search.json', id: '2074955725571559685', note: 'short personal post' },
  { file: 'manual_tweet_with_video_2.json', id: '1671754452045549572', note: 'reply, 2023' },
  { file: 'raw_list_timeline.json', id: '2085457186910507086', note: 'original' },
  { file: 'raw_user_tweets_and_replies.json', id: '2019881223666233717', note: 'product launch, link' },
  { file: 'raw_community_tweets.json', id: '2085424798427983917', note: 'media' },
  { file: 'raw_search.json', id: '2074976613713031490', note: 'long post, flag emoji' },
  { file: 'raw_list_timeline.json', id: '2085471763383853110', note: 'long post, card' },
];

/** The three real saved cells, and where they go among the other non-labelled items. */
export const X_DOM_FILES: ReadonlyArray<string> = ['x-tweet-sample.html', 'x-tweet-quote.html', 'x-tweet-quote-video.html'];
const X_DOM_SLOTS = [2, 8, 14];

export function fixturesDir(): string {
  const env = typeof process !== 'undefined' ? process.env['QB_FIXTURES_DIR'] : undefined;
  // A string, not `new URL(…)`: under happy-dom the global URL is not Node's.
  return env || join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures');
}

export function readFixture(...parts: string[]): string {
  return readFileSync(join(fixturesDir(), ...parts), 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Labelled posts

export interface LabelledRow {
  id: string;
  author: string | null;
  text: string;
  urls: string[];
  label: 'seller' | 'not_seller';
  source: string;
}

export interface ChosenAuthor {
  handle: string;
  label: 'seller' | 'not_seller';
  /** Posts of this author in posts.jsonl. */
  total: number;
  posts: LabelledRow[];
}

/**
 * The labelled authors, chosen by a fixed rule (documented in demo/README.md):
 * only janitr (X) posts; the author's handle must be a valid X handle; every one of the author's
 * posts carries the same label; at least 3 posts. Then, by post count (desc) and handle (asc):
 *   sellers:     the first 8;
 *   not_sellers: the first 4 from janitr's numeric-id set (news, brands, general accounts) and the
 *                first 4 from its `x_` set (crypto accounts), so crypto sellers sit next to crypto
 *                people, not only next to newsrooms.
 * Each author contributes their first 4 posts in file order.
 */
export function chooseLabelledAuthors(rows: LabelledRow[]): ChosenAuthor[] {
  const byAuthor = new Map<string, LabelledRow[]>();
  for (const r of rows) {
    if (!r.author || r.source !== 'janitr' || !/^[A-Za-z0-9_]{1,15}$/.test(r.author)) continue;
    const list = byAuthor.get(r.author) ?? [];
    list.push(r);
    byAuthor.set(r.author, list);
  }
  const pure = [...byAuthor.entries()]
    .filter(([, posts]) => posts.length >= 3 && posts.every((p) => p.label === posts[0]!.label))
    .map(([handle, posts]) => ({ handle, label: posts[0]!.label, total: posts.length, posts: posts.slice(0, POSTS_PER_AUTHOR) }))
    .sort((a, b) => b.total - a.total || (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0));
  const isXSet = (a: ChosenAuthor): boolean => a.posts.every((p) => p.id.startsWith('janitr:x_'));
  const sellers = pure.filter((a) => a.label === 'seller').slice(0, AUTHORS_PER_LABEL);
  const people = pure.filter((a) => a.label === 'not_seller');
  const half = AUTHORS_PER_LABEL / 2;
  const notSellers = [...people.filter((a) => !isXSet(a)).slice(0, half), ...people.filter(isXSet).slice(0, half)];
  return [...sellers, ...notSellers];
}

/** Seeded PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  const rnd = prng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const TWITTER_EPOCH = 1288834974657n;

/** ms since epoch of a snowflake id. */
function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + TWITTER_EPOCH);
}

/** A made-up snowflake for a time: stable, 19 digits, decodes to that time. */
export function madeUpSnowflake(ms: number, salt: string): string {
  return ((BigInt(ms) - TWITTER_EPOCH) * 4194304n + BigInt(qbHash(salt) & 0x3fffff)).toString();
}

/** X's created_at format: "Thu Aug 06 21:12:23 +0000 2026". */
function xDate(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

/** Latin-script text is tagged "en" (as X's detector would mostly say); anything else "und". */
function guessLang(text: string): string {
  const letters = text.match(/\p{L}/gu) ?? [];
  const ascii = letters.filter((c) => c <= '\u024f').length;
  return letters.length === 0 || ascii / letters.length > 0.8 ? 'en' : 'und';
}

/**
 * A minimal GraphQL user for an author we only know by handle. Made up: rest_id (stable hash).
 * Unknown, so absent: bio text beyond "", counts, verification, avatar. The same for sellers and
 * people: nothing here hints at the label.
 */
function minimalUser(handle: string, name: string): Obj {
  const restId = (1_000_000_000_000_000_000n + BigInt(qbHash('user:' + handle)) * 100_000_000n + BigInt(qbHash(handle + ':u') % 100_000_000)).toString();
  return {
    __typename: 'User',
    id: Buffer.from(`User:${restId}`).toString('base64'),
    rest_id: restId,
    core: { name, screen_name: handle },
    legacy: { name, screen_name: handle, description: '', entities: { description: { urls: [] } } },
  };
}

/** Entities (code-point indices) and X's full_text (links replaced by t.co) for plain text. */
function entitiesFor(pieces: TextPiece[]): { fullText: string; entities: Obj; shownText: string; urls: string[] } {
  let fullText = '';
  let shownText = '';
  let at = 0;
  const urls: Obj[] = [];
  const hashtags: Obj[] = [];
  const symbols: Obj[] = [];
  const mentions: Obj[] = [];
  const escapeX = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const p of pieces) {
    const raw = p.kind === 'url' ? (p.href ?? '') : escapeX(p.text);
    const len = Array.from(raw).length;
    const indices = [at, at + len];
    if (p.kind === 'url') urls.push({ display_url: p.text, expanded_url: p.expanded, url: p.href, indices });
    else if (p.kind === 'hashtag') hashtags.push({ indices, text: p.text.slice(1) });
    else if (p.kind === 'cashtag') symbols.push({ indices, text: p.text.slice(1) });
    else if (p.kind === 'mention') {
      const h = p.text.slice(1);
      mentions.push({ id_str: String(minimalUser(h, h)['rest_id']), name: h, screen_name: h, indices });
    }
    fullText += raw;
    shownText += p.kind === 'url' ? (p.expanded ?? p.text) : p.text;
    at += len;
  }
  return {
    fullText,
    shownText,
    urls: pieces.filter((p) => p.kind === 'url').map((p) => p.expanded ?? p.text),
    entities: { hashtags, symbols, timestamps: [], urls, user_mentions: mentions },
  };
}

/** A tweet result in X's shape for a post we only have as text. */
export function minimalTweet(opts: { id: string; handle: string; name: string; pieces: TextPiece[]; createdMs: number; lang?: string; displayEnd?: number; isQuote?: boolean }): { result: Obj; text: string; urls: string[] } {
  const user = minimalUser(opts.handle, opts.name);
  const e = entitiesFor(opts.pieces);
  const length = Array.from(e.fullText).length;
  const result: Obj = {
    __typename: 'Tweet',
    rest_id: opts.id,
    core: { user_results: { result: user } },
    is_translatable: false,
    views: { state: 'Enabled' },
    // Unknown for these posts; the same value for every labelled author.
    source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
    legacy: {
      bookmark_count: 0,
      bookmarked: false,
      created_at: xDate(opts.createdMs),
      conversation_id_str: opts.id,
      display_text_range: [0, opts.displayEnd ?? length],
      entities: e.entities,
      favorite_count: 0,
      favorited: false,
      full_text: e.fullText,
      is_quote_status: opts.isQuote ?? false,
      lang: opts.lang ?? guessLang(e.shownText),
      quote_count: 0,
      reply_count: 0,
      retweet_count: 0,
      retweeted: false,
      user_id_str: user['rest_id'],
      id_str: opts.id,
    },
  };
  return { result, text: e.shownText, urls: e.urls };
}

export function timelineTweet(result: Obj): Obj {
  return { itemType: 'TimelineTweet', __typename: 'TimelineTweet', tweet_results: { result }, tweetDisplayType: 'Tweet' };
}

function labelledItems(authors: ChosenAuthor[]): TimelineItem[][] {
  // rounds[r] = every author's r-th post.
  const rounds: TimelineItem[][] = [];
  let made = 0;
  for (const a of authors) {
    a.posts.forEach((row, r) => {
      const digits = /^janitr:(\d{15,20})$/.exec(row.id)?.[1];
      // Posts without a real id get a made-up one, dated in January 2026 (janitr's x_ set era).
      const createdMs = digits ? snowflakeTime(digits) : Date.UTC(2026, 0, 20, 12) + made++ * 37 * 60_000;
      const id = digits ?? madeUpSnowflake(createdMs, row.id);
      const pieces = qbTokenize(row.text, row.urls);
      const t = minimalTweet({ id, handle: a.handle, name: a.handle, pieces, createdMs });
      (rounds[r] ??= []).push({
        post: { id, handle: a.handle, name: a.handle, text: row.text, urls: t.urls, label: a.label, source: 'labeled' },
        itemContent: timelineTweet(t.result),
      });
    });
  }
  return rounds;
}

// ---------------------------------------------------------------------------------------------
// x-api and x-dom

function findItemContent(json: unknown, id: string): Obj | undefined {
  let found: Obj | undefined;
  const walk = (v: unknown): void => {
    if (found || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as Obj;
    const r = (o['tweet_results'] as Obj | undefined)?.['result'] as Obj | undefined;
    const t = r && r['__typename'] === 'TweetWithVisibilityResults' ? (r['tweet'] as Obj | undefined) : r;
    if (t && t['rest_id'] === id) {
      found = o;
      return;
    }
    for (const k of Object.keys(o)) walk(o[k]);
  };
  walk(json);
  return found;
}

export function apiItem(file: string, id: string, json: unknown): TimelineItem {
  const ic = findItemContent(json, id);
  if (!ic) throw new Error(`demo: tweet ${id} not found in ${file}`);
  const itemContent: Obj = { ...ic, itemType: 'TimelineTweet', __typename: 'TimelineTweet' };
  const r = (ic['tweet_results'] as Obj)['result'] as Obj;
  const outer = r['__typename'] === 'TweetWithVisibilityResults' ? (r['tweet'] as Obj) : r;
  const userOf = (t: Obj): { handle: string; name: string } => {
    const u = (((t['core'] as Obj)['user_results'] as Obj)['result'] ?? {}) as Obj;
    const core = (u['core'] ?? {}) as Obj;
    const legacy = (u['legacy'] ?? {}) as Obj;
    const handle = String(core['screen_name'] ?? legacy['screen_name']);
    return { handle, name: String(core['name'] ?? legacy['name'] ?? handle) };
  };
  const rtResult = (((outer['legacy'] as Obj)['retweeted_status_result'] as Obj | undefined)?.['result'] ?? undefined) as Obj | undefined;
  const rt = rtResult && rtResult['__typename'] === 'TweetWithVisibilityResults' ? (rtResult['tweet'] as Obj) : rtResult;
  const shown = rt ?? outer;
  const legacy = shown['legacy'] as Obj;
  const note = ((((shown['note_tweet'] as Obj | undefined)?.['note_tweet_results'] as Obj | undefined)?.['result'] as Obj | undefined) ?? {}) as Obj;
  const entities = (note['entity_set'] ?? legacy['entities'] ?? {}) as Obj;
  const urls = ((entities['urls'] ?? []) as Obj[]).map((u) => String(u['expanded_url']));
  const author = userOf(shown);
  const post: DemoPost = {
    id: String(shown['rest_id']),
    handle: author.handle,
    name: author.name,
    text: String(note['text'] ?? legacy['full_text'] ?? '').replace(/&(amp|lt|gt);/g, (_m, e: string) => (e === 'amp' ? '&' : e === 'lt' ? '<' : '>')),
    urls,
    label: 'unlabelled',
    source: 'x-api',
  };
  if ('promotedMetadata' in ic) post.isAd = true;
  if (rt) post.repostedBy = userOf(outer).handle;
  // A reply to oneself (a thread) shows no "Replying to" line.
  const replyTo = legacy['in_reply_to_screen_name'];
  if (typeof replyTo === 'string' && replyTo.toLowerCase() !== author.handle.toLowerCase()) post.replyTo = replyTo;
  return { post, itemContent };
}

function stripTags(html: string): string {
  return html
    .replace(/<img[^>]*alt="([^"]*)"[^>]*>/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A saved cell: shown verbatim; its GraphQL twin is rebuilt from what the markup says. */
function domItem(file: string): TimelineItem {
  const raw = readFixture('x-dom', file).trim();
  const html = raw.includes('data-testid="cellInnerDiv"') ? raw : `<div class="css-175oi2r" data-testid="cellInnerDiv">${raw}</div>`;
  const status = /href="\/(\w{1,15})\/status\/(\d+)"/.exec(html);
  if (!status) throw new Error(`demo: no status link in ${file}`);
  const [, handle, id] = status as unknown as [string, string, string];
  const nameRow = html.slice(html.indexOf('data-testid="User-Name"'));
  const name = stripTags(/<span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">([^<]*)<\/span>/.exec(nameRow)?.[1] ?? handle);
  const textMatch = /<div dir="auto" lang="(\w+)"[^>]*data-testid="tweetText"[^>]*>([\s\S]*?)<\/div>/.exec(html);
  const text = stripTags(textMatch?.[2] ?? '');
  const lang = textMatch?.[1] ?? 'en';
  const datetime = /<time datetime="([^"]+)"/.exec(html)?.[1] ?? DEMO_NOW;
  const cardLink = /data-testid="card\.wrapper"[\s\S]*?href="(https:\/\/t\.co\/\w+)"[^>]*aria-label="([\w.-]+)/.exec(html);
  const pieces: TextPiece[] = [{ kind: 'text', text }];
  let displayEnd: number | undefined;
  if (cardLink) {
    // The card's link is in full_text but outside the display range, as X does for card links.
    displayEnd = Array.from(text).length;
    pieces.push({ kind: 'text', text: ' ' }, { kind: 'url', text: cardLink[2]!, href: cardLink[1]!, expanded: `https://${cardLink[2]}` });
  }
  const t = minimalTweet({ id, handle, name, pieces, createdMs: Date.parse(datetime), lang, isQuote: html.split('data-testid="User-Name"').length > 2, ...(displayEnd !== undefined ? { displayEnd } : {}) });
  return {
    post: { id, handle, name, text, urls: t.urls, label: 'unlabelled', source: 'x-dom' },
    itemContent: timelineTweet(t.result),
    verbatimHtml: html,
  };
}

// ---------------------------------------------------------------------------------------------
// The timeline

export interface DemoTimeline {
  items: TimelineItem[];
  /** Item index ranges of each HomeTimeline page. */
  pages: TimelineItem[][];
  authors: ChosenAuthor[];
}

let cached: DemoTimeline | undefined;

export function demoTimeline(): DemoTimeline {
  if (cached) return cached;
  const rows = readFixture('labeled', 'posts.jsonl')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledRow);
  const authors = chooseLabelledAuthors(rows);
  const rounds = labelledItems(authors).map((round, r) => shuffled(round, 2026 + r));

  const jsonCache = new Map<string, unknown>();
  const api = X_API_PICKS.map(({ file, id }) => {
    if (!jsonCache.has(file)) jsonCache.set(file, JSON.parse(readFixture('x-api', file)));
    return apiItem(file, id, jsonCache.get(file));
  });
  const others: TimelineItem[] = [...api];
  X_DOM_FILES.forEach((file, i) => others.splice(X_DOM_SLOTS[i]!, 0, domItem(file)));

  // One non-labelled item after every 3 labelled posts; whatever is left goes at the end.
  const items: TimelineItem[] = [];
  let o = 0;
  let n = 0;
  for (const round of rounds) {
    for (const item of round) {
      items.push(item);
      if (++n % 3 === 0 && o < others.length) items.push(others[o++]!);
    }
  }
  while (o < others.length) items.push(others[o++]!);

  const pages: TimelineItem[][] = [items.slice(0, FIRST_PAGE_SIZE)];
  for (let i = FIRST_PAGE_SIZE; i < items.length; i += PAGE_SIZE) pages.push(items.slice(i, i + PAGE_SIZE));
  cached = { items, pages, authors };
  return cached;
}
