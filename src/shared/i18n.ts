// Every piece of UI text goes through here: the browser's i18n API reads it from
// public/_locales/<lang>/messages.json, and numbers, percentages and dates go through Intl in
// the same language. Works in extension pages, the content script and the background.
//
//   t('popup_title')                         plain message
//   t('counts_seen', [formatCount(n)])       $1… substitutions (named placeholders in messages.json)
//   tn('accounts_count', n)                  plural: picks `accounts_count_one` / `_other` by Intl.PluralRules
//
// Outside an extension (unit tests, previews) `installMessages` provides a table that is read
// with the same placeholder rules as the browser's.
import type en from '../../public/_locales/en/messages.json';

/** A key of the English messages (the reference locale): a typo is a type error. */
export type MessageKey = keyof typeof en;

export type Subs = ReadonlyArray<string | number>;

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage?(): string;
}

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type MessageTable = Record<string, MessageEntry>;

let installed: { table: MessageTable; locale: string } | null = null;

/** For contexts without the i18n API (tests, previews): read messages from this table. */
export function installMessages(table: MessageTable, locale = 'en'): void {
  installed = { table, locale };
  cache.clear();
}

function api(): I18nApi | undefined {
  if (installed) return undefined;
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

/** The same substitution rules as chrome.i18n.getMessage: $name$ placeholders, then $1…$9, "$$" is "$". */
export function renderMessage(entry: MessageEntry, subs: string[]): string {
  const named = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) =>
    named.has(name.toLowerCase()) ? named.get(name.toLowerCase())! : whole,
  );
  return withPlaceholders.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

function lookup(key: string, subs: string[]): string {
  const i18n = api();
  if (i18n) return i18n.getMessage(key, subs.length ? subs : undefined);
  const entry = installed?.table[key];
  return entry ? renderMessage(entry, subs) : '';
}

/** The message for `key` in the user's language; the key itself if it is missing (visible, not blank). */
export function t(key: MessageKey, subs: Subs = []): string {
  return lookup(key, subs.map(String)) || key;
}

/** Whether a message exists (for optional variants such as plural forms). */
export function hasMessage(key: string): boolean {
  return lookup(key, []) !== '';
}

/**
 * A counted message: `${base}_${plural category}` (one, few, many…) or `${base}_other`.
 * The count, formatted for the locale, is $1; `subs` follow as $2….
 */
export function tn(base: string, count: number, subs: Subs = []): string {
  const category = pluralRules().select(count);
  const all = [formatCount(count), ...subs.map(String)];
  return lookup(`${base}_${category}`, all) || lookup(`${base}_other`, all) || base;
}

const cache = new Map<string, unknown>();
function memo<T>(name: string, make: () => T): T {
  const key = `${name}|${locale()}`;
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

/** The language the messages come in ("@@ui_locale"), so numbers and dates match the words. */
export function locale(): string {
  if (installed) return installed.locale;
  const i18n = api();
  const fromApi = i18n?.getMessage('@@ui_locale')?.replace(/_/g, '-') || i18n?.getUILanguage?.();
  if (fromApi) return fromApi;
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en';
}

/**
 * Extension pages call this before their first render. Chromium under heavy load has been seen
 * (in our e2e runs, about 1 page in 50) to give a page an empty message bundle: every
 * getMessage returns '' and the page would show its keys. Then the bundled messages.json of the
 * UI language (or English) is read from the extension's own files (never the network) and used
 * instead. Costs nothing when the API answers.
 */
export async function ensureMessages(
  read: (path: string) => Promise<unknown> = readPackagedJson,
  probe: MessageKey = 'ext_name',
): Promise<'api' | 'bundled' | 'none'> {
  if (installed) return 'bundled';
  const i18n = api();
  if (!i18n || i18n.getMessage(probe)) return 'api';
  const language = (i18n.getUILanguage?.() || (typeof navigator !== 'undefined' ? navigator.language : '') || 'en').toLowerCase();
  const wanted = PACKAGED_LOCALES.find((l) => language === l || language.startsWith(`${l}-`)) ?? 'en';
  for (const lang of wanted === 'en' ? ['en'] : [wanted, 'en']) {
    try {
      const table = messageTable(await read(`_locales/${lang}/messages.json`));
      if (table) {
        installMessages(table, lang);
        return 'bundled';
      }
    } catch {
      // try the next language
    }
  }
  return 'none';
}

/** The languages shipped in public/_locales. */
export const PACKAGED_LOCALES = ['en', 'de'] as const;

async function readPackagedJson(path: string): Promise<unknown> {
  const g = globalThis as { browser?: { runtime?: { getURL(p: string): string } }; chrome?: { runtime?: { getURL(p: string): string } } };
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  if (!runtime) throw new Error('no extension runtime');
  const response = await fetch(runtime.getURL(path));
  return response.json();
}

/** A messages.json read back: only string messages (and string placeholder contents) are kept. */
export function messageTable(json: unknown): MessageTable | null {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const table: MessageTable = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue;
    const { message, placeholders } = value as { message?: unknown; placeholders?: unknown };
    if (typeof message !== 'string') continue;
    const entry: MessageEntry = { message };
    if (placeholders && typeof placeholders === 'object') {
      const kept: Record<string, { content: string }> = {};
      for (const [name, ph] of Object.entries(placeholders as Record<string, unknown>)) {
        const content = ph && typeof ph === 'object' ? (ph as { content?: unknown }).content : undefined;
        if (typeof content === 'string') kept[name] = { content };
      }
      entry.placeholders = kept;
    }
    table[key] = entry;
  }
  return Object.keys(table).length ? table : null;
}

const pluralRules = () => memo('plural', () => new Intl.PluralRules(locale()));

/** 12345 → "12,345" (en) / "12.345" (de). */
export function formatCount(n: number): string {
  const v = Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0;
  return memo('count', () => new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 })).format(v);
}

/** A 0..1 share as a whole percentage in the user's locale ("23%", "23 %"). */
export function formatPercent(share: number): string {
  const v = Number.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0;
  return memo('percent', () => new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 })).format(v);
}

/** A "YYYY-MM-DD" day as a short local date ("Jun 2" / "2. Juni"), with the year when it is not `thisYear`. */
export function formatDay(key: string, thisYear?: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return key;
  const year = Number(m[1]);
  const date = new Date(year, Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(date.getTime()) || date.getMonth() !== Number(m[2]) - 1) return key;
  const withYear = thisYear !== undefined && year !== thisYear;
  const format = withYear
    ? memo('day-year', () => new Intl.DateTimeFormat(locale(), { month: 'short', day: 'numeric', year: 'numeric' }))
    : memo('day', () => new Intl.DateTimeFormat(locale(), { month: 'short', day: 'numeric' }));
  return format.format(date);
}

/** A "YYYY-MM-DD" day as its weekday ("Mon" / "Mo."). */
export function formatWeekday(key: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return key;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return memo('weekday', () => new Intl.DateTimeFormat(locale(), { weekday: 'short' })).format(date);
}
