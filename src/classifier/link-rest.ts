// What a link says after its host (its path, query and fragment, lowercase): a shop's page, a
// referral or affiliate tag, a paid campaign, a crypto claim page. Read in one pass over the
// '/', '?' and '&' of the text, each word looked up in a set.
//
// These were five regexps of word lists (the patterns are kept in test/unit/classifier/
// link-rest.test.ts, which checks that both read every case alike). V8 compiles such a list to
// native code of 9–12 KB a regexp, held by the background worker for as long as it lives
// (issue 12: the worker's heap); sets and a loop hold none.
import { isAlnumCode, isLowerLetterCode, isWordCode } from './char-codes';

/** What the rest of a link says, one bit each. */
export const enum RestKind {
  /** A shop's page: /shop, /products, /cart, /gp/product/…, ?coupon=, ?add-to-cart=. */
  Shop = 1,
  /** A referral or affiliate tag: ?ref=, ?tag=, ?aff_id=, /r/NAME, /invite/NAME. */
  Affiliate = 2,
  /** A paid campaign (utm_medium=cpc, paid_social, display, kol…): an ad's landing page. */
  PaidMedium = 4,
  /** A campaign tag (utm_…=): only that the link is tracked, as newsrooms' shared articles are too. */
  Campaign = 8,
  /** A crypto claim or sale page: /claim, /airdrop, /mint, /presale… */
  Crypto = 16,
}

/** Path words of a shop's pages (the word ends at / ? # . or the end): "/gp/product/…" and "/collections/…/products" too. */
const SHOP_PAGES = new Set(['shop', 'store', 'product', 'products', 'checkout', 'cart', 'buy', 'order', 'itm', 'dp', 'pricing', 'deal', 'deals', 'promo', 'coupon', 'coupons', 'sale']);
/** Query keys of a shop's pages; and any key that starts "promocode". */
const SHOP_KEYS = new Set(['checkout', 'add-to-cart', 'coupon', 'discount']);
/** Query keys of referral and affiliate tags; and any key that starts with AFFILIATE_KEY_PREFIXES. */
const AFFILIATE_KEYS = new Set(['tag', 'ref', 'refid', 'ref_id', 'referral', 'referrer', 'aff', 'affid', 'aff_id', 'via', 'rfsn', 'irclickid', 'clickid', 'subid', 'sub_id', 'coupon', 'code']);
const AFFILIATE_KEY_PREFIXES = ['affiliate', 'partner', 'promo', 'invite'];
/** Path words before a referrer's name ("/r/anna", "/invite/x7k2", "/refer/anna02"). */
const AFFILIATE_DIRS = new Set(['ref', 'r', 'aff', 'affiliate', 'affiliates', 'partner', 'partners', 'refer', 'referral', 'invite']);
/** utm_medium values of paid media; and social_paid, paid_…, …_ads (paidMedium). */
const PAID_MEDIA = new Set(['paid', 'cpc', 'ppc', 'cpm', 'cpv', 'cpa', 'display', 'ad', 'ads', 'sponsored', 'promoted', 'kol', 'influencer', 'influencers', 'affiliate', 'affiliates', 'partner', 'partners']);
/** Path words of crypto claim and sale pages (the word ends at / ? # . - or the end). */
const CRYPTO_PAGES = new Set(['claim', 'airdrop', 'mint', 'presale', 'whitelist', 'wl', 'token', 'coin', 'swap', 'stake', 'reward', 'rewards']);

const SLASH = 47, QUESTION = 63, AMP = 38, HASH = 35, DOT = 46, DASH = 45, EQUALS = 61;

/** The RestKind bits of a link's rest (the text from its first / ? or # on). */
export function readRest(rest: string): number {
  let kinds = 0;
  const n = rest.length;
  for (let i = 0; i < n; i++) {
    const c = rest.charCodeAt(i);
    if (c === SLASH) kinds |= readPathWord(rest, i);
    else if (c === QUESTION || c === AMP) kinds |= readQueryKey(rest, i);
  }
  return kinds;
}

/** End of the word that starts at `from`: the next / ? # . (and -, when `dash`) or the end. */
function wordEnd(s: string, from: number, dash: boolean): number {
  let j = from;
  for (; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === SLASH || c === QUESTION || c === HASH || c === DOT || (dash && c === DASH)) break;
  }
  return j;
}

/** What the path word after the slash at `i` says. */
function readPathWord(s: string, i: number): number {
  let kinds = 0;
  const end = wordEnd(s, i + 1, false);
  const word = s.slice(i + 1, end);
  if (SHOP_PAGES.has(word)) kinds |= RestKind.Shop;
  // A referrer's name after its directory: the word ends at the next slash, and a name follows.
  if (s.charCodeAt(end) === SLASH && AFFILIATE_DIRS.has(word) && isNameCode(s.charCodeAt(end + 1))) kinds |= RestKind.Affiliate;
  const cryptoEnd = wordEnd(s, i + 1, true);
  if (CRYPTO_PAGES.has(cryptoEnd === end ? word : s.slice(i + 1, cryptoEnd))) kinds |= RestKind.Crypto;
  return kinds;
}

/** What the query key after the ? or & at `i` says (a key of [a-z0-9_-] and an "=", else nothing). */
function readQueryKey(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && isKeyCode(s.charCodeAt(j))) j++;
  if (j === i + 1 || s.charCodeAt(j) !== EQUALS) return 0;
  const key = s.slice(i + 1, j);
  let kinds = 0;
  if (SHOP_KEYS.has(key) || startsAndWord(key, 'promocode')) kinds |= RestKind.Shop;
  if (AFFILIATE_KEYS.has(key)) kinds |= RestKind.Affiliate;
  else for (const prefix of AFFILIATE_KEY_PREFIXES) if (startsAndWord(key, prefix)) kinds |= RestKind.Affiliate;
  if (key.startsWith('utm_')) {
    if (key === 'utm_medium' && isPaidMedium(s, j + 1)) kinds |= RestKind.PaidMedium;
    if (isLowerRun(key, 4)) kinds |= RestKind.Campaign;
  }
  return kinds;
}

/** The utm_medium value that starts at `from` (up to & # or the end) names a paid medium. */
function isPaidMedium(s: string, from: number): boolean {
  let j = from;
  while (j < s.length && isKeyCode(s.charCodeAt(j))) j++;
  if (j < s.length && s.charCodeAt(j) !== AMP && s.charCodeAt(j) !== HASH) return false;
  const v = s.slice(from, j);
  if (PAID_MEDIA.has(v)) return true;
  if (v === 'socialpaid' || v === 'social_paid' || v === 'social-paid') return true;
  // paid[_-]?\w+
  if (v.length > 4 && v.startsWith('paid')) {
    const k = v.charCodeAt(4) === DASH ? 5 : 4;
    if (k < v.length && isWordRun(v, k, v.length)) return true;
  }
  // \w+[_-]ads?
  const ad = v.endsWith('ads') ? v.length - 3 : v.endsWith('ad') ? v.length - 2 : -1;
  if (ad >= 2) {
    const sep = v.charCodeAt(ad - 1);
    if ((sep === 95 || sep === DASH) && isWordRun(v, 0, ad - 1)) return true;
  }
  return false;
}

/** `key` is `prefix` and word characters after it (prefix\w*). */
function startsAndWord(key: string, prefix: string): boolean {
  return key.startsWith(prefix) && isWordRun(key, prefix.length, key.length);
}

function isWordRun(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isWordCode(s.charCodeAt(k))) return false;
  return true;
}

/** s[from..] is one or more a–z. */
function isLowerRun(s: string, from: number): boolean {
  if (from >= s.length) return false;
  for (let k = from; k < s.length; k++) if (!isLowerLetterCode(s.charCodeAt(k))) return false;
  return true;
}

/** A query key's or value's characters: \w and -. */
function isKeyCode(c: number): boolean {
  return isWordCode(c) || c === DASH;
}

/** A referrer name's characters: [a-z0-9%@._-]. */
function isNameCode(c: number): boolean {
  return isAlnumCode(c) || c === 37 || c === 64 || c === DOT || c === 95 || c === DASH;
}
