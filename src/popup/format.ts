// Pure text helpers for the popup. English only for now, like the rest of the UI.
import type { Verdict } from '../shared/types';
import { parseHandle } from '../shared/handles';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Share of selling tweets among those seen, as "23%"; "—" when nothing was seen. */
export function formatRatio(selling: number, seen: number): string {
  if (!(seen > 0)) return '—';
  const pct = (Math.max(0, Math.min(selling, seen)) / seen) * 100;
  // "0%" would read as "no noise at all" when there was a little.
  if (pct > 0 && pct < 1) return '<1%';
  return `${Math.round(pct)}%`;
}

/** A 0..1 share as a whole percentage, clamped. */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '—';
  return `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%`;
}

export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.max(0, Math.round(n)).toLocaleString('en-US') : '0';
}

/** "12 of 40 tweets were selling · 9 hidden", or a plain sentence when nothing was seen. */
export function formatCounts(stats: { seen: number; selling: number; hidden: number }): string {
  if (!(stats.seen > 0)) return 'No tweets seen yet';
  const noun = stats.seen === 1 ? 'tweet' : 'tweets';
  const verb = stats.selling === 1 ? 'was' : 'were';
  return `${formatCount(stats.selling)} of ${formatCount(stats.seen)} ${noun} ${verb} selling · ${formatCount(stats.hidden)} hidden`;
}

/** "2025-06-02" → "Jun 2, 2025" (the year only when it differs from `thisYear`). */
export function formatDay(key: string, thisYear?: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return key;
  const year = Number(m[1]);
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return key;
  const day = `${month} ${Number(m[3])}`;
  return thisYear === undefined || year === thisYear ? day : `${day}, ${year}`;
}

/** Badge text for a verdict: plain words a reader knows. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  seller: 'Seller',
  mixed: 'Mixed',
  conversationalist: 'Person',
  unknown: 'Not sure yet',
};

/** "@handle" from a handle that may or may not carry the "@". */
export function atHandle(handle: string): string {
  return `@${handle.replace(/^@/, '')}`;
}

/** Profile link, only for a handle that is a real X handle (never build URLs from odd strings). */
export function profileUrl(handle: string): string | null {
  const h = parseHandle(handle);
  return h ? `https://x.com/${h}` : null;
}
