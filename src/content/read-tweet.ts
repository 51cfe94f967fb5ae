// DOM -> TweetFacts. The only code that reads tweet markup; it returns plain data and decides nothing.
//
//   article ─┬─ socialContext line ("X reposted": link to the reposter)   -> isRepost, repostedBy
//            ├─ User-Name row (name link, @handle link, time link)         -> author, id, createdAt
//            ├─ "Replying to @x" line                                      -> isReply, replyTo
//            ├─ tweetText (links, #tags, $tags, @mentions, emoji <img>)    -> text, urls, tags, lang
//            ├─ media / card.wrapper                                       -> hasMedia, hasCard, cardUrl
//            └─ quote box: div[role=link] with its own User-Name           -> isQuote, quotedId, quotedAuthor
//
// Everything of the outer tweet is read "outside the quote box": the quoted tweet has its own
// User-Name, time, tweetText and media. Media inside the quote does NOT count as the outer
// tweet's media: hasMedia says what the author attached, and the quoted author's photos are theirs.
//
// Runs inside a MutationObserver callback for every tweet X renders: queries are scoped to the
// article, there are no layout reads (textContent, never innerText), and nothing throws.
import type { TweetFacts } from '../shared/types';
import { handleAfterAt, isHandle } from '../shared/handles';
import * as S from './selectors';

/** Tweet articles inside root (root itself included if it is one), outer tweets only: an article nested as a quote is not returned separately. */
export function findTweetArticles(root: ParentNode): HTMLElement[] {
  const found: HTMLElement[] = [];
  try {
    if (isElement(root) && root.matches(S.articleTag) && S.isTweetArticle(root) && !isNestedArticle(root)) found.push(root as HTMLElement);
    for (const el of queryAll<HTMLElement>(root, S.articleTag)) {
      if (S.isTweetArticle(el) && !isNestedArticle(el)) found.push(el);
    }
  } catch {
    // A detached or exotic node: nothing to read.
  }
  return found;
}

/** Read one article into plain data; null when no status id or no author can be found (counted as a failure by the caller). Never throws. */
export function readTweet(article: Element): TweetFacts | null {
  try {
    return read(article);
  } catch {
    return null;
  }
}

/**
 * A cheap identity for the tweet an article shows: the status id of its first status link (one
 * querySelector that stops at the first hit). The same tweet rendered again gives the same key;
 * a recycled article showing another tweet gives another.
 */
export function statusKey(article: Element): string | undefined {
  try {
    const link = article.querySelector(S.statusLink);
    return statusOf(link)?.id ?? link?.getAttribute('href') ?? undefined;
  } catch {
    return undefined;
  }
}

/** The timeline slot to collapse for this article: the closest cellInnerDiv, else the article itself. */
export function cellOf(article: Element): HTMLElement {
  return (article.closest<HTMLElement>(S.cell) ?? article) as HTMLElement;
}

/** Cheap check used inside the MutationObserver: could this added node contain tweets? */
export function mayContainTweets(node: Node): boolean {
  if (!isElement(node)) return false;
  // Fast path: the node is a cell or a tweet; else one querySelector that stops at the first hit.
  return node.matches(`${S.cell}, ${S.tweetArticle}`) || node.querySelector(S.tweetArticle) !== null;
}

// ---------------------------------------------------------------------------------------------

const NONE: readonly Element[] = [];

/**
 * The article and what belongs to its own tweet. One query finds every part with a test id
 * (selectors.withTestId), sorted here by test id in document order, and one every link: a part
 * that is absent costs nothing more (a querySelector for it walks the whole article; one query
 * with a selector list costs more than two). Everything of the outer tweet is looked up outside
 * the quote box.
 */
class Scope {
  readonly quote: Element | undefined;
  private readonly byTestId = new Map<string, Element[]>();
  /** a[href], in document order. */
  readonly links: Element[];
  readonly avatars: Element[] = [];
  readonly followButtons: Element[] = [];

  constructor(readonly article: Element) {
    for (const el of queryAll(article, S.withTestId)) {
      const id = el.getAttribute('data-testid')!;
      const list = this.byTestId.get(id);
      if (list) list.push(el);
      else this.byTestId.set(id, [el]);
      if (id.startsWith(S.AVATAR_CONTAINER_PREFIX)) this.avatars.push(el);
      else if (id.endsWith(S.FOLLOW_SUFFIXES[0]) || id.endsWith(S.FOLLOW_SUFFIXES[1])) this.followButtons.push(el);
    }
    this.links = queryAll(article, S.link);
    this.quote = findQuoteBox(article, this.withTestId(S.TEST_ID.userName));
  }
  /** Belongs to the outer tweet: not inside the quote box. */
  own = (el: Element): boolean => !this.quote || !this.quote.contains(el);
  withTestId(id: string): readonly Element[] {
    return this.byTestId.get(id) ?? NONE;
  }
  /** The first of `list` (in document order) that belongs to the outer tweet. */
  firstOf(list: readonly Element[]): Element | undefined {
    for (const el of list) if (this.own(el)) return el;
    return undefined;
  }
  /** Those of `list` that belong to the outer tweet. */
  allOf(list: readonly Element[]): readonly Element[] {
    return this.quote ? list.filter(this.own) : list;
  }
  /** The outer tweet's first part with this test id. */
  part(id: string): Element | undefined {
    return this.firstOf(this.withTestId(id));
  }
  /** For selectors outside the index (e.g. <time>). */
  first(selector: string): Element | undefined {
    if (!this.quote) return this.article.querySelector(selector) ?? undefined;
    for (const el of queryAll(this.article, selector)) if (this.own(el)) return el;
    return undefined;
  }
}

function read(article: Element): TweetFacts | null {
  const scope = new Scope(article);
  const nameRow = scope.part(S.TEST_ID.userName);
  const who = readAuthorAndStatus(scope, nameRow);
  if (!who) return null;
  const { status, authorHandle, timeEl } = who;
  const text = readText(scope.part(S.TEST_ID.tweetText), scope.links);
  const card = scope.part(S.TEST_ID.cardWrapper);
  const cardUrl = card ? readCard(card, text.urls) : undefined;
  const context = scope.part(S.TEST_ID.socialContext);
  const repostedBy = context ? readRepost(article, context) : undefined;
  const replyTo = readReplyTo(scope, { nameRow, textEl: text.el, context, card });
  const quoted = scope.quote ? readQuoted(scope.quote, status.id, authorHandle) : {};
  const authorId = readAuthorId(scope);
  const authorName = nameRow ? nameIn(nameRow) : undefined;
  const datetime = timeEl?.getAttribute('datetime');
  const createdAtMs = datetime ? Date.parse(datetime) : NaN;

  const facts: TweetFacts = {
    id: status.id,
    authorHandle,
    text: text.text,
    urls: text.urls.values(),
    hashtags: text.hashtags,
    cashtags: text.cashtags,
    mentions: text.mentions,
    isReply: replyTo !== undefined,
    isRepost: repostedBy !== undefined,
    isQuote: scope.quote !== undefined,
    hasMedia: scope.part(S.TEST_ID.tweetPhoto) !== undefined || scope.part(S.TEST_ID.videoPlayer) !== undefined,
    hasCard: card !== undefined,
    isAd: isAd(scope, timeEl, text.el),
  };
  if (authorName) facts.authorName = authorName;
  if (authorId) facts.authorId = authorId;
  if (replyTo) facts.replyTo = replyTo;
  if (repostedBy) facts.repostedBy = repostedBy;
  if (quoted.id) facts.quotedId = quoted.id;
  if (quoted.author) facts.quotedAuthor = quoted.author;
  if (cardUrl) facts.cardUrl = cardUrl;
  if (Number.isFinite(createdAtMs)) facts.createdAt = createdAtMs;
  if (text.lang) facts.lang = text.lang;
  return facts;
}

/** Author (User-Name row, else avatar), then the status id from the outer <time>'s link (header in timelines, footer on a focal tweet). */
function readAuthorAndStatus(scope: Scope, nameRow: Element | undefined): { status: Status; authorHandle: string; timeEl: Element | undefined } | null {
  const { article, quote } = scope;
  let authorHandle = nameRow ? handleIn(nameRow, scope.links) : undefined;
  authorHandle ??= handleFromAvatar(scope.firstOf(scope.avatars));
  const timeEl = scope.first(S.time);
  let status = statusOf(timeEl?.closest('a'));
  if (!status || (authorHandle && !sameHandle(status.handle, authorHandle))) {
    // No time link (ads, changed markup): another status link of the author (analytics, photo).
    // The quote box is searched too, last: unclosed tags can pull the outer action bar into it.
    const links = scope.links.filter(isStatusLink);
    const ordered = [...links.filter(scope.own), ...links.filter((a) => !scope.own(a))];
    const quotedHandle = quote ? quotedHandleIn(quote) : undefined;
    status =
      ordered
        .map((a) => statusOf(a))
        .find((s) => s !== undefined && (authorHandle ? sameHandle(s.handle, authorHandle) : !quotedHandle || !sameHandle(s.handle, quotedHandle))) ?? status;
  }
  authorHandle ??= status?.handle;
  if (!status || !authorHandle) return null;
  return { status, authorHandle, timeEl };
}

interface TextFacts {
  el: Element | undefined;
  text: string;
  lang: string | undefined;
  hashtags: string[];
  cashtags: string[];
  mentions: string[];
  urls: LinkList;
}

/** Text and what is linked inside it. */
function readText(textEl: Element | undefined, links: readonly Element[]): TextFacts {
  const out: TextFacts = {
    el: textEl,
    text: textEl ? visibleText(textEl).trim() : '',
    lang: textEl?.getAttribute('lang') || undefined,
    hashtags: [],
    cashtags: [],
    mentions: [],
    urls: new LinkList(),
  };
  if (!textEl) return out;
  for (const a of inside(textEl, links)) {
    const href = a.getAttribute('href') ?? '';
    const shown = visibleText(a).trim();
    const tag = S.HASHTAG_PATH.exec(href)?.[1] ?? /^[#＃](\S+)$/.exec(shown)?.[1];
    const cash = S.CASHTAG_PATH.exec(href)?.[1] ?? /^\$([A-Za-z][\w.]*)$/.exec(shown)?.[1];
    const mention = profileHandle(href) ?? /^@(\w{1,15})$/.exec(shown)?.[1];
    if (tag) pushUnique(out.hashtags, safeDecode(tag));
    else if (cash) pushUnique(out.cashtags, safeDecode(cash));
    else if (/^https?:\/\//i.test(href)) out.urls.add(href, expandedFrom(href, shown));
    else if (mention) pushUnique(out.mentions, mention);
  }
  return out;
}

/** Card: its link (t.co) and the domain X prints on it; returns the URL kept for it. */
function readCard(card: Element, urls: LinkList): string | undefined {
  const cardLinks = queryAll(card, S.link);
  const href = cardLinks.map((a) => a.getAttribute('href') ?? '').find((h) => /^https?:\/\//i.test(h));
  const domain = cardDomain(cardLinks);
  if (href) return urls.add(href, domain ? `https://${domain}` : undefined);
  if (domain) return urls.add(`https://${domain}`);
  return undefined;
}

/**
 * Repost: a socialContext line inside a link to the reposter's profile. The text is localised,
 * so the handle comes from the href; the text is only used to veto ("liked").
 */
function readRepost(article: Element, context: Element): string | undefined {
  const contextLink = context.closest(S.link) ?? context.querySelector(S.link);
  const handle = contextLink && article.contains(contextLink) ? profileHandle(contextLink.getAttribute('href')) : undefined;
  return handle && !S.NOT_REPOST_CONTEXT.test(context.textContent ?? '') ? handle : undefined;
}

/**
 * Reply: "Replying to @x": an @handle profile link outside the name row, the text and the social
 * context, above the text. Structural, so it does not depend on the localised words.
 */
function readReplyTo(scope: Scope, parts: { nameRow?: Element | undefined; textEl?: Element | undefined; context?: Element | undefined; card?: Element | undefined }): string | undefined {
  const { nameRow, textEl, context, card } = parts;
  for (const a of scope.allOf(scope.links)) {
    // The href first: most links are not to a profile, and it spares the DOM checks below.
    const handle = profileHandle(a.getAttribute('href'));
    if (!handle) continue;
    if (nameRow?.contains(a) || textEl?.contains(a) || context?.contains(a) || a.contains(context ?? null)) continue;
    if (card?.contains(a)) continue;
    if (textEl && !(a.compareDocumentPosition(textEl) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    // The text last: reading it copies it.
    if (/^@\w/.test((a.textContent ?? '').trim())) return handle;
  }
  return undefined;
}

/** The quoted tweet's author and id. */
function readQuoted(quote: Element, ownId: string, authorHandle: string): { id?: string; author?: string } {
  let author = quotedHandleIn(quote);
  for (const a of queryAll(quote, S.statusLink)) {
    const s = statusOf(a);
    if (!s || s.id === ownId) continue;
    if (author ? sameHandle(s.handle, author) : !sameHandle(s.handle, authorHandle)) {
      author ??= s.handle;
      return { id: s.id, author };
    }
  }
  return author ? { author } : {};
}

/** Author id from a follow button of the outer tweet (focal tweets show one). */
function readAuthorId(scope: Scope): string | undefined {
  for (const b of scope.allOf(scope.followButtons)) {
    const m = S.FOLLOW_TEST_ID.exec(b.getAttribute('data-testid') ?? '');
    if (m) return m[1];
  }
  return undefined;
}

/** The quoted tweet's box: the nearest role=link box (or nested article) around a second User-Name. */
function findQuoteBox(article: Element, nameRows: readonly Element[]): Element | undefined {
  for (const row of nameRows) {
    const box = row.parentElement?.closest(`${S.quoteBox}, article`);
    if (box && box !== article && article.contains(box)) return box;
  }
  return undefined;
}

/** Ad: the "Ad"/"Promoted" label outside links and text; or no time of its own inside placementTracking. */
function isAd(scope: Scope, timeEl: Element | undefined, textEl: Element | undefined): boolean {
  const { article, own } = scope;
  // A label is a span's whole text, so the article's text holds it: most tweets skip the spans.
  const all = article.textContent ?? '';
  let mayHaveLabel = false;
  for (const label of S.AD_LABELS) if (all.includes(label)) mayHaveLabel = true;
  for (const span of mayHaveLabel ? queryAll(article, S.span) : NONE) {
    if (span.firstElementChild) continue;
    // Most spans hold one text node: its value, without textContent's copy.
    const only = span.firstChild;
    const label = (only && only.nodeType === 3 && !only.nextSibling ? only.nodeValue : span.textContent)?.trim();
    if (!label || label.length > 12 || !S.AD_LABELS.has(label)) continue;
    if (!own(span) || textEl?.contains(span) || span.closest(S.link)) continue;
    return true;
  }
  // Structural fallback for other languages: ads show no time. placementTracking alone is not
  // enough (it also wraps videos), but with no time of the tweet's own it is.
  if (timeEl) return false;
  return article.closest(S.placementTracking) !== null || scope.withTestId(S.TEST_ID.placementTracking).some(own);
}

// ---------------------------------------------------------------------------------------------
// Small readers

interface Status {
  handle: string;
  id: string;
}

function statusOf(a: Element | null | undefined): Status | undefined {
  const m = a ? S.STATUS_PATH.exec(pathOf(a.getAttribute('href'))) : null;
  return m ? { handle: m[1]!, id: m[2]! } : undefined;
}

/** Path of an href, whether relative (`/x/status/1`) or absolute (`https://x.com/x/status/1`). */
function pathOf(href: string | null): string {
  if (!href) return '';
  const m = /^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com(\/.*)?$/i.exec(href);
  return m ? (m[1] ?? '/') : href;
}

/** Handle of a profile link (`/handle`), or undefined for any other link. */
function profileHandle(href: string | null | undefined): string | undefined {
  const m = S.PROFILE_PATH.exec(pathOf(href ?? null));
  if (!m || S.NOT_PROFILES.has(m[1]!.toLowerCase())) return undefined;
  return m[1];
}

/** Handle in a User-Name row: its profile link, else its "@handle" text. */
function handleIn(row: Element, links?: readonly Element[]): string | undefined {
  for (const a of links ? inside(row, links) : queryAll(row, S.link)) {
    const h = profileHandle(a.getAttribute('href'));
    if (h) return h;
  }
  for (const span of queryAll(row, S.span)) {
    const h = handleAfterAt(span.textContent?.trim() ?? '');
    if (h) return h;
  }
  return undefined;
}

function handleFromAvatar(el: Element | undefined): string | undefined {
  const id = el?.getAttribute('data-testid') ?? '';
  const h = id.startsWith(S.AVATAR_CONTAINER_PREFIX) ? id.slice(S.AVATAR_CONTAINER_PREFIX.length) : '';
  return isHandle(h) ? h : undefined;
}

function quotedHandleIn(quote: Element): string | undefined {
  const row = quote.querySelector(S.userName);
  return (row ? handleIn(row) : undefined) ?? handleFromAvatar(quote.querySelector(S.avatarContainer) ?? undefined);
}

/** Display name: the first text of the name row that is not the @handle. */
function nameIn(row: Element): string | undefined {
  const first = row.querySelector(S.span);
  const name = first ? visibleText(first).trim() : '';
  return name && !/^@\w+$/.test(name) ? name : undefined;
}

/**
 * Text as a reader sees it: text nodes, emoji <img alt>, line breaks; no layout reads. Most
 * elements hold none of those three: then it is their textContent, one native call instead of a
 * walk that makes a JS wrapper for every node (this runs on every tweet X renders).
 */
function visibleText(el: Element): string {
  return el.querySelector(S.textSpecial) ? walkText(el) : (el.textContent ?? '');
}

function walkText(el: Node): string {
  let out = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) out += n.nodeValue ?? '';
    else if (n.nodeType === 1) {
      const tag = (n as Element).tagName;
      if (tag === 'IMG') out += (n as Element).getAttribute('alt') ?? '';
      else if (tag === 'BR') out += '\n';
      else if (tag !== 'svg' && tag !== 'SVG') out += walkText(n);
    }
  }
  return out;
}

const SHOWN_URL = /^(?:(https?):\/\/)?((?:[a-z0-9\u00a1-\uffff-]+\.)+[a-z\u00a1-\uffff]{2,})(?::\d+)?([/?#]\S*)?$/i;

/**
 * Expanded URL from a t.co link's visible text ("https://shop.example.com/x…" or
 * "shop.example.com/x…"): X prints the real target, cut with an ellipsis. Only for t.co links.
 */
function expandedFrom(href: string, shown: string): string | undefined {
  if (!S.SHORT_LINK.test(href)) return undefined;
  const m = SHOWN_URL.exec(shown.replace(/(?:…|\.\.\.)$/, ''));
  if (!m) return undefined;
  return `${(m[1] ?? 'https').toLowerCase()}://${m[2]!.toLowerCase()}${m[3] ?? ''}`;
}

const DOMAIN = /^(?:[a-z0-9\u00a1-\uffff-]+\.)+[a-z\u00a1-\uffff]{2,}$/i;

/** Domain a card shows: first word of its media link's aria-label, or the short "From x.com" line. */
function cardDomain(links: Element[]): string | undefined {
  for (const a of links) {
    const first = a.getAttribute('aria-label')?.trim().split(/\s+/)[0];
    if (first && DOMAIN.test(first)) return first.toLowerCase();
  }
  for (const a of links) {
    const words = (a.textContent ?? '').trim().split(/\s+/);
    if (words.length > 3) continue;
    const domain = words.reverse().find((w) => DOMAIN.test(w));
    if (domain) return domain.toLowerCase();
  }
  return undefined;
}

/** Links in order, one per target: a t.co link seen twice keeps its best expansion. */
class LinkList {
  private readonly byKey = new Map<string, string>();
  /** Adds href (or its expansion) and returns the URL kept for it. */
  add(href: string, expanded?: string): string {
    const kept = this.byKey.get(href);
    const best = kept && kept !== href && (!expanded || kept.length >= expanded.length) ? kept : (expanded ?? kept ?? href);
    this.byKey.set(href, best);
    return best;
  }
  values(): string[] {
    return [...new Set(this.byKey.values())];
  }
}

/** Those of `list` inside `el` (the article's links, already found, instead of another query). */
function inside(el: Element, list: readonly Element[]): Element[] {
  return list.filter((x) => el.contains(x));
}

/** A query's elements as an array: indexing a NodeList costs far less than iterating it. */
function queryAll<E extends Element = Element>(root: ParentNode, selector: string): E[] {
  const list = root.querySelectorAll<E>(selector);
  const out = new Array<E>(list.length);
  for (let i = 0; i < out.length; i++) out[i] = list[i]!;
  return out;
}

function isElement(node: unknown): node is Element {
  return (node as Node | null)?.nodeType === 1;
}

function isStatusLink(a: Element): boolean {
  return (a.getAttribute('href') ?? '').includes('/status/');
}

function isNestedArticle(article: Element): boolean {
  return article.parentElement?.closest('article') != null;
}

function sameHandle(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function pushUnique(list: string[], value: string): void {
  if (value && !list.includes(value)) list.push(value);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
