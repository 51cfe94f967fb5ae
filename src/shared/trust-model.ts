// The trust model: who may decide what. Every rule below is enforced where the file named says,
// and tested with a forged message in test/unit/trust/trust-model.test.ts.
//
// Sources, from most to least trusted:
//   user     a trusted click or key press in our own UI (popup, options, the placeholder's
//            buttons), or a file the user picked — the only source that may change lists and settings.
//   dom      what X rendered and the user sees, read by src/content/read-tweet.ts.
//   page     anything from the x.com page's own JavaScript world: the page-world reader's
//            `qb:page-data` events (X's API responses as we parsed them — or forged by any
//            script there), synthetic events, clicks on our elements. Scripts of other
//            extensions and injected scripts live there too, so the page world only corroborates.
//   storage  rows we wrote earlier (IndexedDB) and settings in storage.local: ours, but possibly
//            damaged (older versions, crashes, hand edits), so validated on every read.
//
// Rules:
export const TRUST_RULES = {
  clicks:
    'The placeholder lives in a closed shadow root and acts only on trusted events (content/placeholder.ts): a page script can neither reach nor press "Show" or "Always show".',
  sameTweet:
    'Page facts about a tweet are merged only for a tweet the DOM shows with the same id and the same author (shared/merge-facts.ts); otherwise the DOM reading is used alone.',
  sameText:
    "The page's text replaces the DOM's only when both are the same after normalising spaces, or the DOM visibly cut the post (ends with \"…\") and the page's text continues it (shared/merge-facts.ts).",
  linksCorroborated:
    "The page's expanded links are taken only where the DOM shows a link they expand: a cut display URL the page's link starts with, or a t.co link (at most as many as the DOM shows) (shared/merge-facts.ts).",
  adMarks:
    "An ad mark from the page counts only for a tweet the page also described, with the same id and author as the DOM shows; a bare list of ids marks nothing (shared/merge-facts.ts ApiFactsCache.isAdBy).",
  profileLeansOnly:
    "Profile facts only the page knows (bio, bio links, business type and category, verification, affiliate badge, followed-by-you) may lean a verdict but never make a seller (or mixed) of an author whose posts alone do not (background/judge-with-trust.ts).",
  followedNeverUnhides:
    "A followed-by-you claim never un-hides an author whose posts alone make a seller; it exempts only authors the posts did not condemn (background/judge-with-trust.ts).",
  noRenamesFromPage:
    "A numeric id seen with a new handle never moves an author's stored history to that handle; evidence is keyed by the handle the DOM shows (background/record-tweets.ts).",
  budgets:
    'Every message, cached entry and stored author is bounded (sizes in shared/budgets.ts); what is over is counted and dropped, never stored.',
  storedRowsChecked:
    'Every row read from IndexedDB or imported is validated; a damaged one is repaired or dropped and counted, and one bad author never stops the others (background/stored-rows.ts).',
  listsFromUserOnly:
    'Allow and block lists and settings change only through messages from our own extension pages, or "Always show" from a trusted click, each as a patch through one serial queue (background/settings-store.ts).',
} as const;

export type TrustRule = keyof typeof TRUST_RULES;

/** Verdicts in order of how much they quiet. */
const SEVERITY = { unknown: 0, conversationalist: 0, mixed: 1, seller: 2 } as const;

/**
 * The verdict an author gets when `withPage` was judged with page-only facts and `postsOnly`
 * without them: page facts may push a `mixed` author to `seller` (lean), or lower a verdict, but
 * never lift an author the posts left below `mixed`.
 */
export function leanOnly<V extends keyof typeof SEVERITY>(withPage: V, postsOnly: V): 'postsOnly' | 'withPage' {
  if (SEVERITY[withPage] <= SEVERITY[postsOnly]) return 'withPage';
  return SEVERITY[postsOnly] >= SEVERITY.mixed ? 'withPage' : 'postsOnly';
}
