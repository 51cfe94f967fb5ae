// What the popup shows, kept up to date as the recorder writes, so opening the popup reads a
// handful of rows whatever the size of the database:
//
//   Recorder batch ──noteAuthors(changes)──► PopupFigures (in memory: verdict counts + top sellers)
//                                                 │ persisted (throttled) in db.meta, read back
//                                                 ▼ when the worker wakes up
//   get-popup-data ──► figures + settings + days of the last 8 weeks (a key range, ≤ 56 rows)
//
// Only a change that can invalidate the figures wholesale (re-judging everyone after a
// sensitivity change, forgetting everything, pruning) rebuilds them from the authors table,
// in the background, never because a popup opened.
import { dayKey, lastDays, parseDayKey, weekKey } from '../shared/dates';
import { healthStatus, type ReaderHealth } from '../shared/health';
import type { DayStats, HistoryData, PeriodStats, PopupAuthor, PopupData, SellerPage, SellerSummary } from '../shared/messages';
import type { Settings } from '../shared/settings';
import type { Verdict } from '../shared/types';
import type { DayRow, QuietBazaarDb, StoredAuthor } from './db';
import { localiseReasons } from './localise-reasons';
// Rows a check on read dropped come back undefined (stored-rows.ts).
import { present } from './stored-rows';

export const WEEKS_SHOWN = 8;
/** Sellers the popup lists; the options page lists them all. */
export const SELLERS_SHOWN = 5;
/** Sellers kept ranked in memory; below REFILL_AT (with more known) they are re-read once. */
const TOP_KEPT = 40;
const REFILL_AT = 15;
// 4: a profile reason (e.g. "registered as a business account") often comes fourth, after three about the posts.
const REASONS_KEPT = 4;
const META_KEY = 'popup-figures';
const PERSIST_MS = 2000;

/** The verdict of an author before and after a write (`before` undefined: a new author). */
export interface AuthorChange {
  before?: Verdict;
  row: StoredAuthor;
}

export interface Figures {
  version: 1;
  counts: Record<Verdict, number>;
  /** Sellers then mixed, most selling first. */
  top: SellerSummary[];
}

const emptyCounts = (): Record<Verdict, number> => ({ seller: 0, mixed: 0, conversationalist: 0, unknown: 0 });

export function toSummary(row: StoredAuthor, lastDay: string): SellerSummary {
  const j = row.judgement;
  return {
    key: row.key,
    handle: row.handle,
    ...(row.name ? { name: row.name } : {}),
    verdict: j.verdict,
    confidence: j.confidence,
    sellingShare: j.sellingShare,
    posts: j.posts,
    sellingPosts: j.sellingPosts,
    reasons: j.reasons.slice(0, REASONS_KEPT),
    lastDay,
  };
}

const isVendor = (v: Verdict) => v === 'seller' || v === 'mixed';
const rank = (v: Verdict) => (v === 'seller' ? 2 : v === 'mixed' ? 1 : 0);

/** Sellers before mixed, then more selling posts, the larger share of them, more posts seen, then by handle. */
export function compareSellers(a: SellerSummary, b: SellerSummary): number {
  return (
    rank(b.verdict) - rank(a.verdict) ||
    b.sellingPosts - a.sellingPosts ||
    b.sellingShare - a.sellingShare ||
    b.posts - a.posts ||
    // Ties by handle: the same accounts in the same order however the list was built (kept up
    // write by write, or read again by a woken worker), so it never reorders under the pointer.
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

function sum(start: string, rows: DayRow[]): PeriodStats {
  const p: PeriodStats = { start, seen: 0, selling: 0, hidden: 0 };
  for (const r of rows) {
    p.seen += r.seen;
    p.selling += r.selling;
    p.hidden += r.hidden;
  }
  return p;
}

/** Calendar weeks (Monday first) holding the given days, newest first, the current week always included. */
export function rollUpWeeks(days: DayRow[], now: Date, count = WEEKS_SHOWN): PeriodStats[] {
  const byWeek = new Map<string, PeriodStats>();
  for (const d of days) {
    const w = weekKey(parseDayKey(d.day));
    const p = byWeek.get(w) ?? { start: w, seen: 0, selling: 0, hidden: 0 };
    p.seen += d.seen;
    p.selling += d.selling;
    p.hidden += d.hidden;
    byWeek.set(w, p);
  }
  const current = weekKey(now);
  if (!byWeek.has(current)) byWeek.set(current, { start: current, seen: 0, selling: 0, hidden: 0 });
  return [...byWeek.values()].sort((a, b) => (a.start < b.start ? 1 : -1)).slice(0, count);
}

export class PopupFigures {
  private figures: Figures | null = null;
  private loading: Promise<{ figures: Figures; scanned: boolean }> | null = null;
  private persistTimer: ReturnType<typeof setTimeout> | undefined;
  private refilling = false;

  constructor(private readonly db: QuietBazaarDb) {}

  /** The figures: from memory, else as persisted, else (first start after an upgrade) rebuilt once. */
  async load(): Promise<Figures> {
    return (await this.loadFrom()).figures;
  }

  /** `scanned`: read from the authors table just now, so it already holds every committed write. */
  private loadFrom(): Promise<{ figures: Figures; scanned: boolean }> {
    if (this.figures) return Promise.resolve({ figures: this.figures, scanned: false });
    this.loading ??= (async () => {
      const stored = (await this.db.meta.get(META_KEY))?.value as Figures | undefined;
      const ok = !!stored && stored.version === 1 && Array.isArray(stored.top);
      this.figures ??= ok ? stored : await this.scan();
      this.loading = null;
      return { figures: this.figures, scanned: !ok };
    })();
    return this.loading;
  }

  /** The recorder's writes (already committed), applied as deltas: no read of the database. */
  async noteAuthors(changes: AuthorChange[], day: string): Promise<void> {
    if (!changes.length) return;
    const { figures: f, scanned } = await this.loadFrom();
    if (scanned) return;
    const top = new Map(f.top.map((s) => [s.key, s]));
    for (const { before, row } of changes) {
      if (before) f.counts[before] = Math.max(0, f.counts[before] - 1);
      f.counts[row.verdict]++;
      if (isVendor(row.verdict)) top.set(row.key, toSummary(row, day));
      else top.delete(row.key);
    }
    f.top = [...top.values()].sort(compareSellers).slice(0, TOP_KEPT);
    this.persistSoon();
    if (f.top.length < REFILL_AT && f.counts.seller + f.counts.mixed > f.top.length) void this.rebuild();
  }

  /** Everything may have changed (re-judged, forgotten, pruned): read the authors again. */
  async rebuild(): Promise<void> {
    if (this.refilling) return;
    this.refilling = true;
    try {
      this.figures = await this.scan();
      this.persistSoon();
    } finally {
      this.refilling = false;
    }
  }

  private async scan(): Promise<Figures> {
    const counts = emptyCounts();
    const verdicts = Object.keys(counts) as Verdict[];
    const [n, vendors] = await Promise.all([
      Promise.all(verdicts.map((v) => this.db.authors.where('verdict').equals(v).count())),
      this.db.authors.where('verdict').anyOf('seller', 'mixed').toArray().then((r) => present(r)),
    ]);
    verdicts.forEach((v, i) => (counts[v] = n[i]!));
    const top = vendors.map((r) => toSummary(r, dayKey(new Date(r.updatedAt)))).sort(compareSellers).slice(0, TOP_KEPT);
    return { version: 1, counts, top };
  }

  private persistSoon(): void {
    if (this.persistTimer) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = undefined;
      if (this.figures) void this.db.meta.put({ key: META_KEY, value: this.figures }).catch(() => undefined);
    }, PERSIST_MS);
  }

  /** Writes pending figures now (tests, and before the worker is known to stop). */
  async flush(): Promise<void> {
    clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    if (this.figures) await this.db.meta.put({ key: META_KEY, value: this.figures });
  }

  async build(settings: Settings, health: ReaderHealth | null, now: Date): Promise<PopupData> {
    const todayKey = dayKey(now);
    const since = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 7 * WEEKS_SHOWN));
    const [days, figures] = await Promise.all([this.db.days.where('day').aboveOrEqual(since).toArray().then((r) => present(r)), this.load()]);
    const today: DayStats = days.find((d) => d.day === todayKey) ?? { day: todayKey, seen: 0, selling: 0, hidden: 0 };
    const week = lastDays(7, now);
    const inWeek = new Set(week);
    const last7 = sum(week[0]!, days.filter((d) => inWeek.has(d.day)));
    const allow = new Set(settings.allowList);
    const block = new Set(settings.blockList);
    const authors: PopupAuthor[] = figures.top
      .filter((s) => s.lastDay >= week[0]!)
      .slice(0, SELLERS_SHOWN)
      .map(({ lastDay: _, ...s }) => ({ ...s, reasons: localiseReasons(s.reasons), override: allow.has(s.key) ? 'show' : block.has(s.key) ? 'hide' : null }));
    return {
      settings,
      today,
      last7,
      weeks: rollUpWeeks(days, now),
      authors,
      vendorCount: figures.counts.seller + figures.counts.mixed,
      health,
      status: health ? healthStatus(health) : 'not-x',
    };
  }
}

/** One page of seller and mixed accounts for the options page, filtered by handle or name. */
export async function listSellers(
  db: QuietBazaarDb,
  settings: Settings,
  req: { query?: string; offset?: number; limit?: number },
): Promise<SellerPage> {
  const query = typeof req.query === 'string' ? req.query.trim().replace(/^@/, '').toLowerCase().slice(0, 64) : '';
  const limit = Math.max(1, Math.min(200, Math.floor(Number(req.limit) || 50)));
  const vendors = present(await db.authors.where('verdict').anyOf('seller', 'mixed').toArray());
  const matching = vendors
    .filter((r) => !query || r.key.includes(query) || (r.name ?? '').toLowerCase().includes(query))
    .map((r) => toSummary(r, dayKey(new Date(r.updatedAt))))
    .sort(compareSellers);
  // Past the end (the list shrank under the page the options page was on: a stricter sensitivity,
  // verdicts that turned), the last whole page: a stray last row would leave no pager to go back.
  const lastPage = Math.floor(Math.max(0, matching.length - 1) / limit) * limit;
  const asked = Math.max(0, Math.floor(Number(req.offset) || 0));
  const offset = asked < matching.length ? asked : lastPage;
  const allow = new Set(settings.allowList);
  const block = new Set(settings.blockList);
  return {
    total: matching.length,
    offset,
    items: matching
      .slice(offset, offset + limit)
      .map(({ lastDay: _, ...s }) => ({ ...s, reasons: localiseReasons(s.reasons), override: allow.has(s.key) ? 'show' : block.has(s.key) ? 'hide' : null })),
  };
}

/** Every week kept (newest first) and the last 7 days (today last), for the options page. */
export async function buildHistory(db: QuietBazaarDb, now: Date): Promise<HistoryData> {
  const days = present(await db.days.toArray());
  const byDay = new Map(days.map((d) => [d.day, d]));
  return {
    weeks: rollUpWeeks(days, now, Infinity),
    days: lastDays(7, now).map((day) => {
      const d = byDay.get(day);
      return { day, seen: d?.seen ?? 0, selling: d?.selling ?? 0, hidden: d?.hidden ?? 0 };
    }),
  };
}
