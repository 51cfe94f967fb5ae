// Whether quiet mode collapses a tweet: one pure rule shared by the content script (which
// decides synchronously, before paint) and the tests.
import type { VerdictLite } from './messages';
import type { Settings } from './settings';
import { t, type MessageKey } from './i18n';

export interface QuietDecision {
  quiet: boolean;
  /** Why, in words for the placeholder: the user's language for the reasons decided here, the verdict's own as it came. */
  reason: string;
}

const KEEP: QuietDecision = { quiet: false, reason: '' };

/**
 * `say`: how a message is looked up. The content script passes its per-page cache (content/words.ts):
 * this runs before paint for every cell X renders, and t() is a call into the browser's i18n API.
 */
export function decideQuiet(
  authorKey: string,
  verdict: VerdictLite | undefined,
  settings: Settings,
  tweet: { isAd?: boolean } = {},
  say: (key: MessageKey) => string = t,
): QuietDecision {
  if (!settings.quietMode) return KEEP;
  if (settings.allowList.includes(authorKey)) return KEEP;
  if (settings.blockList.includes(authorKey)) return { quiet: true, reason: say('quiet_reason_blocked') };
  if (tweet.isAd && settings.hideAds) return { quiet: true, reason: say('quiet_reason_ad') };
  if (!verdict) return KEEP;
  if (verdict.followed && settings.exemptFollowed) return KEEP;
  if (verdict.verdict === 'seller') return { quiet: true, reason: verdict.reason || say('quiet_reason_seller') };
  if (verdict.verdict === 'mixed' && settings.hideMixed) return { quiet: true, reason: verdict.reason || say('quiet_reason_mixed') };
  return KEEP;
}
