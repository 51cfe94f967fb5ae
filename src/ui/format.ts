// Pure text helpers for the popup and options pages: every word from _locales (src/shared/i18n.ts),
// every number and date through Intl in the user's language.
import type { Verdict } from '../shared/types';
import { parseHandle } from '../shared/handles';
import { formatCount, formatDay, formatPercent, t, tn, type MessageKey } from './i18n';

export { formatCount, formatDay } from './i18n';

/** Share of selling tweets among those seen, as "23%"; "—" when nothing was seen. */
export function formatRatio(selling: number, seen: number): string {
  if (!(seen > 0)) return '—';
  const share = Math.max(0, Math.min(selling, seen)) / seen;
  // "0%" would read as "no noise at all" when there was a little.
  if (share > 0 && share < 0.01) return t('ratio_below_one', [formatPercent(0.01)]);
  return formatPercent(share);
}

/** A 0..1 share as a whole percentage, clamped. */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '—';
  return formatPercent(share);
}

/**
 * "40 tweets seen, 12 of them selling · quiet mode hid 9: sellers' posts and ads". Hidden is not a
 * part of selling (a seller's every post is hidden, and ads too), so the sentence says what it counts.
 */
export function formatCounts(stats: { seen: number; selling: number; hidden: number }): string {
  if (!(stats.seen > 0)) return t('counts_none');
  return `${tn('counts_seen', stats.seen, [formatCount(stats.selling)])} · ${stats.hidden > 0 ? tn('counts_hidden', stats.hidden) : t('counts_hidden_none')}`;
}

const VERDICT_KEYS: Record<Verdict, MessageKey> = {
  seller: 'verdict_seller',
  mixed: 'verdict_mixed',
  conversationalist: 'verdict_conversationalist',
  unknown: 'verdict_unknown',
};

/** Badge text for a verdict: plain words a reader knows. */
export function verdictLabel(v: Verdict): string {
  return VERDICT_KEYS[v] ? t(VERDICT_KEYS[v]) : v;
}

/** "@handle" from a handle that may or may not carry the "@". */
export function atHandle(handle: string): string {
  return `@${handle.replace(/^@/, '')}`;
}

/** Profile link, only for a handle that is a real X handle (never build URLs from odd strings). */
export function profileUrl(handle: string): string | null {
  const h = parseHandle(handle);
  return h ? `https://x.com/${h}` : null;
}
