// Whether quiet mode collapses a tweet: one pure rule shared by the content script (which
// decides synchronously, before paint) and the tests.
import type { VerdictLite } from './messages';
import type { Settings } from './settings';
import { t } from './i18n';

export interface QuietDecision {
  quiet: boolean;
  /** Why, in words for the placeholder: the user's language for the reasons decided here, the verdict's own as it came. */
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
  if (settings.blockList.includes(authorKey)) return { quiet: true, reason: t('quiet_reason_blocked') };
  if (tweet.isAd && settings.hideAds) return { quiet: true, reason: t('quiet_reason_ad') };
  if (!verdict) return KEEP;
  if (verdict.followed && settings.exemptFollowed) return KEEP;
  if (verdict.verdict === 'seller') return { quiet: true, reason: verdict.reason || t('quiet_reason_seller') };
  if (verdict.verdict === 'mixed' && settings.hideMixed) return { quiet: true, reason: verdict.reason || t('quiet_reason_mixed') };
  return KEEP;
}
