// The reasons behind a verdict, in the user's language, as they leave the background.
//
//   classifier (author.ts), following.ts ──English reasons──► stored (database, export files)
//                                                  │
//   VerdictLite.reason, popup and options data, ◄──┘ localiseReason: the English recognised by
//   following audit, review, get-author-reasons       its shape and told again from _locales
//
// The classifier stays pure and English (the stored data and the judge-identity check do not
// change); this reads each shape it writes back into its parts ("4 of 4 posts" + a reason group
// of rules.ts) and renders them with t()/tn(), numbers with formatCount. Text it does not
// recognise comes back as it was: English, never blank. In English the result is the input
// itself (test/unit/background/localise-reasons.test.ts checks every shape), save counts from
// 1,000 up, which gain the locale's thousands separator.
//
// Cost: in English nothing for a reason with no count from 1,000 up (it is its own rendering);
// else a Map lookup and a few regexps per reason, per verdict sent (not per tweet), results kept
// in a small cache, dropped when it fills or the language changes.
import { isDigitCode } from '../classifier/char-codes';
import { COUNTED_GROUPS } from '../classifier/rules';
import { formatCount, locale, t, tn, type MessageKey } from '../shared/i18n';
import { remember } from '../shared/remember';

/** Reasons with no number in them: English as the classifier and following.ts write it → message. */
const FIXED: ReadonlyArray<readonly [string, MessageKey]> = [
  ['you follow this account', 'why_followed'],
  ['the selling posts were seen a while ago; recent posts count more', 'why_faded'],
  ['bio links to a link-in-bio page', 'why_bio_linkpage'],
  ['bio sends readers to WhatsApp or Telegram', 'why_bio_messaging'],
  ['bio talks of a shop or orders', 'why_bio_shop_words'],
  ['registered as a business account', 'why_business_account'],
  ['verified as a business or organisation', 'why_verified_business'],
  ['no post of theirs seen yet', 'why_no_post_seen'],
  ['no post of theirs judged yet', 'why_no_post_judged'],
];

/** "N of M posts" (author.ts ofPosts) followed by what those posts did. */
const RE_OF_POSTS = /^(\d+) of (\d+) posts? (.+)$/;
const RE_SENT_THROUGH = /^sent through (.+)$/;
const RE_REPEATED = /^repeated the same text in (\d+) of (\d+) posts?$/;
const RE_REPLIES = /^replies in conversation in (\d+) of (\d+) posts?$/;
const RE_BRAND = /^names itself in (\d+) of (\d+) posts? and never says "I": a brand's own account$/;
const RE_ORG = /^says "we" in (\d+) of (\d+) posts? and never "I": an organisation's own account$/;
const RE_TOO_FEW = /^only (\d+) posts? seen; a verdict needs (\d+)$/;
const RE_UNCLEAR = /^(\d+) posts? seen, too few signs either way to tell$/;
const RE_SEEN_ONLY = /^only (\d+) posts? of theirs seen$/;
const RE_ONLY = /^only (.+)$/;
const RE_BIO_STORE = /^bio links to a store \((.+)\)$/;
const RE_CATEGORY = /^professional category: (.+)$/;

interface Tables {
  fixed: Map<string, MessageKey>;
  /** A reason group's phrase (either form) → the group's name (its messages: why_group_<name>_one/_other). */
  groups: Map<string, string>;
}
let tables: Tables | undefined;
/** Built on first use, not at the worker's start. */
function getTables(): Tables {
  if (!tables) {
    const groups = new Map<string, string>();
    for (const [name, one, other] of COUNTED_GROUPS) {
      groups.set(one, name);
      groups.set(other, name);
    }
    tables = { fixed: new Map(FIXED), groups };
  }
  return tables;
}

const count = (digits: string) => Number(digits);

/** "3 of 7 posts", in the user's language: pluralised by the total, as author.ts does. */
function ofPosts(n: string, total: string): string {
  return tn('why_of_posts', count(total), [formatCount(count(n))]);
}

/** What "N of M posts" did: a reason group, or one of author.ts' other counted sentences. null: not known. */
function postsDid(n: string, total: string, rest: string): string | null {
  const c = count(n);
  const group = getTables().groups.get(rest);
  if (group) return tn(`why_group_${group}`, c, [ofPosts(n, total)]);
  switch (rest) {
    case 'showed no sign of selling':
      return tn('why_quiet', c, [ofPosts(n, total)]);
    case 'was not selling':
    case 'were not selling':
      return tn('why_not_selling', c, [ofPosts(n, total)]);
    case 'called readers to act on an offer':
      return tn('why_calls', c, [ofPosts(n, total)]);
    case 'judged selling':
      return t('why_judged_selling', [ofPosts(n, total)]);
    case 'sent through a scheduling app':
      return tn('why_sent_scheduler', c, [ofPosts(n, total)]);
  }
  const app = RE_SENT_THROUGH.exec(rest);
  if (app) return tn('why_sent_through', c, [ofPosts(n, total), app[1]!]);
  return null;
}

/** The reason in the user's language, or null when its shape is not known. */
function render(english: string): string | null {
  const fixed = getTables().fixed.get(english);
  if (fixed) return t(fixed);
  let m = RE_OF_POSTS.exec(english);
  if (m) {
    const did = postsDid(m[1]!, m[2]!, m[3]!);
    if (did !== null) return did;
  }
  if ((m = RE_REPEATED.exec(english))) return t('why_repeated', [ofPosts(m[1]!, m[2]!)]);
  if ((m = RE_REPLIES.exec(english))) return t('why_replies', [ofPosts(m[1]!, m[2]!)]);
  if ((m = RE_BRAND.exec(english))) return t('why_brand_named', [ofPosts(m[1]!, m[2]!)]);
  if ((m = RE_ORG.exec(english))) return t('why_org_we', [ofPosts(m[1]!, m[2]!)]);
  if ((m = RE_TOO_FEW.exec(english))) return tn('why_too_few', count(m[1]!), [formatCount(count(m[2]!))]);
  if ((m = RE_UNCLEAR.exec(english))) return tn('why_unclear', count(m[1]!));
  if ((m = RE_SEEN_ONLY.exec(english))) return tn('why_seen_only', count(m[1]!));
  if ((m = RE_BIO_STORE.exec(english))) return t('why_bio_store', [m[1]!]);
  if ((m = RE_CATEGORY.exec(english))) return t('why_professional_category', [m[1]!]);
  // "only <the one sign of selling>" (a person's verdict): the inner reason, when it is known.
  if ((m = RE_ONLY.exec(english))) {
    const inner = render(m[1]!);
    if (inner !== null) return t('why_only', [inner]);
  }
  return null;
}

const RE_KEY = /\bwhy_[a-z_]+/;
const CACHE_MAX = 512;
const cache = new Map<string, string>();
let cacheLocale = '';

/** One reason, as the classifier or following.ts wrote it, in the user's language (English when not recognised). */
export function localiseReason(english: string): string {
  if (!english) return english;
  const lang = locale();
  if (lang !== cacheLocale) {
    cache.clear();
    cacheLocale = lang;
  }
  // In English a reason is told back as it was written, save counts from 1,000 up (their
  // thousands separator): most reasons, with their counts changing at every post, skip the
  // shapes, the messages and the cache (tellAgain's English test holds the premise).
  if (isEnglish(lang) && !hasFourDigits(english)) return english;
  return remember(cache, CACHE_MAX, english, tellAgain);
}

/** The reason told again from _locales in the current language, with no shortcut or cache (English when not recognised). */
export function tellAgain(english: string): string {
  const out = render(english);
  // A message missing from the bundle comes back as its key: English is better than a key.
  return !out || RE_KEY.test(out) ? english : out;
}

/** The language the classifier writes in ("en", "en-US", "en-GB"…). */
function isEnglish(lang: string): boolean {
  return lang === 'en' || lang.startsWith('en-');
}

/** Four digits in a row: a count from 1,000 up, which English writes with a separator. */
function hasFourDigits(s: string): boolean {
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isDigitCode(s.charCodeAt(i))) run = 0;
    else if (++run === 4) return true;
  }
  return false;
}

/** Every reason of a list (a new array; the stored one is not touched). */
export function localiseReasons(reasons: readonly string[]): string[] {
  return reasons.map(localiseReason);
}
