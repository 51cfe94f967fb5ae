// The toolbar badge shows today's noise ratio: the share of tweets seen today that were selling.
import browser from 'webextension-polyfill';
import { countText } from '../shared/count-text';
import { dayKey } from '../shared/dates';
import { formatCount, t, tn } from '../shared/i18n';
import type { QuietBazaarDb } from './db';

/** "23%" for 23 % of tweets selling today; empty before anything is seen. */
export function badgeText(seen: number, selling: number): string {
  if (seen <= 0) return '';
  return `${countText(Math.round((100 * selling) / seen))}%`;
}

/**
 * What this worker last set: each call to the browser is a message to its process, and the
 * badge is updated after every batch, so only what changed is sent (the colour once).
 */
let shown: { text: string; title: string } | undefined;

/**
 * `messagesReady`: the worker's messages in the user's language (i18n.ts ensureMessages), which
 * the title waits for: at the worker's start the badge is updated once, before any message, and
 * then its title was English whenever the browser gave the worker an empty bundle.
 */
export async function updateBadge(db: QuietBazaarDb, now: Date, messagesReady: Promise<unknown> = Promise.resolve()): Promise<void> {
  const [today] = await Promise.all([db.days.get(dayKey(now)), messagesReady]);
  const text = badgeText(today?.seen ?? 0, today?.selling ?? 0);
  // In the browser's language, numbers in its format, as the popup says them.
  const title = today?.seen ? tn('toolbar_title', today.seen, [formatCount(today.selling)]) : t('ext_name');
  const before = shown;
  if (!before) await browser.action.setBadgeBackgroundColor({ color: '#0f766e' });
  if (before?.text !== text) await browser.action.setBadgeText({ text });
  if (before?.title !== title) await browser.action.setTitle({ title });
  shown = { text, title };
}
