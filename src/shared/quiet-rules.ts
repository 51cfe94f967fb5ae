// Whether quiet mode collapses a tweet: one pure rule shared by the content script (which
// decides synchronously, before paint) and the tests.
import type { VerdictLite } from './messages';
import type { Settings } from './settings';

export interface QuietDecision {
  quiet: boolean;
  /** Why, in words for the placeholder. */
  reason: string;
}

const KEEP: QuietDecision = { quiet: false, reason: '' };

export function decideQuiet(
  authorKey: string,
  verdict: VerdictLite | undefined,
  settings: Settings,
  tweet: { isAd?: boolean } = {},
): QuietDecision {
  if (!settings.quietMode) return KEEP;
  if (settings.allowList.includes(authorKey)) return KEEP;
  if (settings.blockList.includes(authorKey)) return { quiet: true, reason: 'you chose to hide this account' };
  if (tweet.isAd && settings.hideAds) return { quiet: true, reason: 'promoted post (an ad)' };
  if (!verdict) return KEEP;
  if (verdict.followed && settings.exemptFollowed) return KEEP;
  if (verdict.verdict === 'seller') return { quiet: true, reason: verdict.reason || 'mostly selling' };
  if (verdict.verdict === 'mixed' && settings.hideMixed) return { quiet: true, reason: verdict.reason || 'often selling' };
  return KEEP;
}
