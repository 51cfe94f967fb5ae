// Export, import and "forget everything" for the options page.
//
//   export-data     ─► settings + days + one summary line per author ─► ExportFile (the page saves it)
//   import-settings ─► validateImport (untrusted: strict, all or nothing) ─► settings and lists only
//   forget-all      ─► clear authors (with their counted tweets and samples) and days (settings stay)
//
// validateImport lives in shared/import-file.ts (pure): the options page runs the same check before
// sending, and the background runs it again on what arrives.
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, type DayStats } from '../shared/messages';
import type { Settings } from '../shared/settings';
export { applyImport, MAX_IMPORT_BYTES, MAX_LIST_LENGTH, validateImport, validateImportText, type Validated } from '../shared/import-file';
import type { DayRow, QuietBazaarDb, StoredAuthor } from './db';
import { present } from './stored-rows';

export async function buildExport(db: QuietBazaarDb, settings: Settings, now: Date): Promise<ExportFile> {
  const [days, authors] = await Promise.all([
    db.days.orderBy('day').toArray().then((r) => present<DayRow>(r)),
    db.authors.toArray().then((r) => present<StoredAuthor>(r)),
  ]);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    settings,
    days: days.map((d): DayStats => ({ day: d.day, seen: d.seen, selling: d.selling, hidden: d.hidden })),
    authors: authors
      .map((a) => ({
        handle: a.handle,
        verdict: a.judgement.verdict,
        reasons: [...a.judgement.reasons],
        posts: a.judgement.posts,
        sellingPosts: a.judgement.sellingPosts,
      }))
      .sort((a, b) => b.sellingPosts - a.sellingPosts || b.posts - a.posts || a.handle.localeCompare(b.handle)),
  };
}

/** Deletes every stored verdict, counted tweet, sample and daily count in one transaction. Settings live elsewhere. */
export async function forgetAll(db: QuietBazaarDb): Promise<void> {
  await db.transaction('rw', db.authors, db.days, async () => {
    await Promise.all([db.authors.clear(), db.days.clear()]);
  });
}

/** How much is stored, for the options page. */
export async function storedCounts(db: QuietBazaarDb): Promise<{ seen: number; authors: number; days: number }> {
  const [days, authors] = await Promise.all([db.days.toArray().then(present), db.authors.count()]);
  return { seen: days.reduce((n, d) => n + d.seen, 0), authors, days: days.length };
}
