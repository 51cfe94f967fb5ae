// Rolls the stored days and authors up into what the popup shows.
import { dayKey, lastDays, parseDayKey, weekKey } from '../shared/dates';
import { healthStatus, type ReaderHealth } from '../shared/health';
import type { PopupAuthor, DayStats, PeriodStats, PopupData } from '../shared/messages';
import type { Settings } from '../shared/settings';
import type { StoredAuthor, DayRow, QuietBazaarDb } from './db';

const WEEKS_SHOWN = 8;
const AUTHORS_SHOWN = 50;

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
  const byWeek = new Map<string, DayRow[]>();
  for (const d of days) {
    const w = weekKey(parseDayKey(d.day));
    const rows = byWeek.get(w);
    if (rows) rows.push(d);
    else byWeek.set(w, [d]);
  }
  const current = weekKey(now);
  if (!byWeek.has(current)) byWeek.set(current, []);
  return [...byWeek.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .slice(0, count)
    .map(([w, rows]) => sum(w, rows));
}

function toView(row: StoredAuthor, override: PopupAuthor['override']): PopupAuthor {
  return { ...row.judgement, key: row.key, handle: row.handle, ...(row.name ? { name: row.name } : {}), override };
}

export async function buildPopupData(
  db: QuietBazaarDb,
  settings: Settings,
  health: ReaderHealth | null,
  now: Date,
): Promise<PopupData> {
  const todayKey = dayKey(now);
  const since = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 7 * WEEKS_SHOWN));
  const days = await db.days.where('day').aboveOrEqual(since).toArray();
  const today: DayStats = days.find((d) => d.day === todayKey) ?? { day: todayKey, seen: 0, selling: 0, hidden: 0 };
  const week = new Set(lastDays(7, now));
  const last7 = sum([...week][0]!, days.filter((d) => week.has(d.day)));

  const overridden = [...settings.allowList, ...settings.blockList];
  const [vendors, chosen] = await Promise.all([
    db.authors.where('verdict').anyOf('seller', 'mixed').toArray(),
    db.authors.bulkGet(overridden),
  ]);
  const rows = new Map<string, StoredAuthor>();
  for (const r of [...vendors, ...chosen]) if (r) rows.set(r.key, r);
  const authors: PopupAuthor[] = [...rows.values()]
    .map((r) =>
      toView(r, settings.allowList.includes(r.key) ? 'show' : settings.blockList.includes(r.key) ? 'hide' : null),
    )
    .sort((a, b) => rank(b) - rank(a) || b.sellingShare - a.sellingShare || b.posts - a.posts)
    .slice(0, AUTHORS_SHOWN);

  return {
    settings,
    today,
    last7,
    weeks: rollUpWeeks(days, now),
    authors,
    health,
    status: health ? healthStatus(health) : 'not-x',
  };
}

function rank(a: PopupAuthor): number {
  return a.verdict === 'seller' ? 2 : a.verdict === 'mixed' ? 1 : 0;
}
