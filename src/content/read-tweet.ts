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
    if (isElement(root) && root.matches(S.tweetArticle) && !isNestedArticle(root)) found.push(root as HTMLElement);
    for (const el of root.querySelectorAll<HTMLElement>(S.tweetArticle)) {
      if (!isNestedArticle(el)) found.push(el);
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

function read(article: Element): TweetFacts | null {
  const quote = findQuoteBox(article);
  /** Belongs to the outer tweet: not inside the quote box. */
  const own = (el: Element): boolean => !quote || !quote.contains(el);
  const allOwn = (selector: string): Element[] => [...article.querySelectorAll(selector)].filter(own);
  const firstOwn = (selector: string): Element | undefined => allOwn(selector)[0];

  // Author: the User-Name row, else the avatar container.
  const nameRow = firstOwn(S.userName);
  let authorHandle = nameRow ? handleIn(nameRow) : undefined;
  authorHandle ??= handleFromAvatar(firstOwn(S.avatarContainer));
  const authorName = nameRow ? nameIn(nameRow) : undefined;

  // Id and time: the outer <time> (header in timelines, footer on a focal tweet) and its link.
  const timeEl = firstOwn(S.time);
  let status = statusOf(timeEl?.closest('a'));
  if (!status || (authorHandle && !sameHandle(status.handle, authorHandle))) {
    // No time link (ads, changed markup): another status link of the author (analytics, photo).
    // The quote box is searched too, last: unclosed tags can pull the outer action bar into it.
    const links = [...article.querySelectorAll(S.statusLink)];
    const ordered = [...links.filter(own), ...links.filter((a) => !own(a))];
    const quotedHandle = quote ? quotedHandleIn(quote) : undefined;
    status =
      ordered
        .map((a) => statusOf(a))
        .find(
          (s) =>
            s !== undefined &&
            (authorHandle
              ? sameHandle(s.handle, authorHandle)
              : !quotedHandle || !sameHandle(s.handle, quotedHandle)),
        ) ?? status;
  }
  authorHandle ??= status?.handle;
  if (!status || !authorHandle) return null;

  const datetime = timeEl?.getAttribute('datetime');
  const createdAtMs = datetime ? Date.parse(datetime) : NaN;

  // Text and what is linked inside it.
  const textEl = firstOwn(S.tweetText);
  const text = textEl ? visibleText(textEl).trim() : '';
  const lang = textEl?.getAttribute('lang') || undefined;
  const hashtags: string[] = [];
  const cashtags: string[] = [];
  const mentions: string[] = [];
  const urls = new LinkList();
  if (textEl) {
    for (const a of textEl.querySelectorAll(S.link)) {
      const href = a.getAttribute('href') ?? '';
      const shown = visibleText(a).trim();
      const tag = S.HASHTAG_PATH.exec(href)?.[1] ?? (/^[#＃](\S+)$/.exec(shown)?.[1]);
      const cash = S.CASHTAG_PATH.exec(href)?.[1] ?? (/^\$([A-Za-z][\w.]*)$/.exec(shown)?.[1]);
      const mention = profileHandle(href) ?? handleAfterAt(shown);
      if (tag) pushUnique(hashtags, safeDecode(tag));
      else if (cash) pushUnique(cashtags, safeDecode(cash));
      else if (/^https?:\/\//i.test(href)) urls.add(href, expandedFrom(href, shown));
      else if (mention) pushUnique(mentions, mention);
    }
  }

  // Card: its link (t.co) and the domain X prints on it.
  const card = firstOwn(S.cardWrapper);
  let cardUrl: string | undefined;
  if (card) {
    const cardLinks = [...card.querySelectorAll(S.link)];
    const href = cardLinks.map((a) => a.getAttribute('href') ?? '').find((h) => /^https?:\/\//i.test(h));
    const domain = cardDomain(cardLinks);
    if (href) cardUrl = urls.add(href, domain ? `https://${domain}` : undefined);
    else if (domain) cardUrl = urls.add(`https://${domain}`);
  }

  // Repost: a socialContext line inside a link to the reposter's profile. The text is
  // localised, so the handle comes from the href; the text is only used to veto ("liked").
  let repostedBy: string | undefined;
  const context = firstOwn(S.socialContext);
  if (context) {
    const contextLink = context.closest(S.link) ?? context.querySelector(S.link);
    const handle = contextLink && article.contains(contextLink) ? profileHandle(contextLink.getAttribute('href')) : undefined;
    if (handle && !S.NOT_REPOST_CONTEXT.test(context.textContent ?? '')) repostedBy = handle;
  }

  // Reply: "Replying to @x": an @handle profile link outside the name row, the text and the
  // social context, above the text. Structural, so it does not depend on the localised words.
  let replyTo: string | undefined;
  for (const a of allOwn(S.link)) {
    if (nameRow?.contains(a) || textEl?.contains(a) || context?.contains(a) || a.contains(context ?? null)) continue;
    if (card?.contains(a)) continue;
    if (textEl && !(a.compareDocumentPosition(textEl) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    const handle = profileHandle(a.getAttribute('href'));
    if (handle && /^@\w/.test((a.textContent ?? '').trim())) {
      replyTo = handle;
      break;
    }
  }

  // Quote.
  let quotedAuthor: string | undefined;
  let quotedId: string | undefined;
  if (quote) {
    quotedAuthor = quotedHandleIn(quote);
    for (const a of quote.querySelectorAll(S.statusLink)) {
      const s = statusOf(a);
      if (!s || s.id === status.id) continue;
      if (quotedAuthor ? sameHandle(s.handle, quotedAuthor) : !sameHandle(s.handle, authorHandle)) {
        quotedId = s.id;
        quotedAuthor ??= s.handle;
        break;
      }
    }
  }

  // Author id from a follow button of the outer tweet (focal tweets show one).
  let authorId: string | undefined;
  for (const b of allOwn(S.followButton)) {
    const m = S.FOLLOW_TEST_ID.exec(b.getAttribute('data-testid') ?? '');
    if (m) {
      authorId = m[1];
      break;
    }
  }

  const facts: TweetFacts = {
    id: status.id,
    authorHandle,
    text,
    urls: urls.values(),
    hashtags,
    cashtags,
    mentions,
    isReply: replyTo !== undefined,
    isRepost: repostedBy !== undefined,
    isQuote: quote !== undefined,
    hasMedia: allOwn(S.media).length > 0,
    hasCard: card !== undefined,
    isAd: isAd(article, own, timeEl, textEl),
  };
  if (authorName) facts.authorName = authorName;
  if (authorId) facts.authorId = authorId;
  if (replyTo) facts.replyTo = replyTo;
  if (repostedBy) facts.repostedBy = repostedBy;
  if (quotedId) facts.quotedId = quotedId;
  if (quotedAuthor) facts.quotedAuthor = quotedAuthor;
  if (cardUrl) facts.cardUrl = cardUrl;
  if (Number.isFinite(createdAtMs)) facts.createdAt = createdAtMs;
  if (lang) facts.lang = lang;
  return facts;
}

/** The quoted tweet's box: the nearest role=link box (or nested article) around a second User-Name. */
function findQuoteBox(article: Element): Element | undefined {
  for (const row of article.querySelectorAll(S.userName)) {
    const box = row.parentElement?.closest(`${S.quoteBox}, article`);
    if (box && box !== article && article.contains(box)) return box;
  }
  return undefined;
}

/** Ad: the "Ad"/"Promoted" label outside links and text; or no time of its own inside placementTracking. */
function isAd(article: Element, own: (el: Element) => boolean, timeEl: Element | undefined, textEl: Element | undefined): boolean {
  for (const span of article.querySelectorAll(S.span)) {
    if (span.firstElementChild) continue;
    const label = span.textContent?.trim();
    if (!label || label.length > 12 || !S.AD_LABELS.has(label)) continue;
    if (!own(span) || textEl?.contains(span) || span.closest(S.link)) continue;
    return true;
  }
  // Structural fallback for other languages: ads show no time. placementTracking alone is not
  // enough (it also wraps videos), but with no time of the tweet's own it is.
  if (timeEl) return false;
  return article.closest(S.placementTracking) !== null || [...article.querySelectorAll(S.placementTracking)].some(own);
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
function handleIn(row: Element): string | undefined {
  for (const a of row.querySelectorAll(S.link)) {
    const h = profileHandle(a.getAttribute('href'));
    if (h) return h;
  }
  for (const span of row.querySelectorAll(S.span)) {
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

/** Text as a reader sees it: text nodes, emoji <img alt>, line breaks; no layout reads. */
function visibleText(el: Node): string {
  let out = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) out += n.nodeValue ?? '';
    else if (n.nodeType === 1) {
      const tag = (n as Element).tagName;
      if (tag === 'IMG') out += (n as Element).getAttribute('alt') ?? '';
      else if (tag === 'BR') out += '\n';
      else if (tag !== 'svg' && tag !== 'SVG') out += visibleText(n);
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

function isElement(node: unknown): node is Element {
  return (node as Node | null)?.nodeType === 1;
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
