// Rows read from IndexedDB are checked before anything uses them (trust model: storedRowsChecked).
//
//   IndexedDB ──read──► Dexie "reading" hook ──► checkAuthor / checkDay
//                                                   ├─ fine      ─► the row, as stored
//                                                   ├─ repaired  ─► a sound row; counted, written back later
//                                                   └─ dropped   ─► undefined; counted, deleted later
//
// Older versions, a crash mid-write or a hand edit can leave anything in a row. One bad row must
// cost that row at most, never a batch, the popup or the export.
import { upgradeAuthorState } from '../classifier/author';
import { approxJsonChars, BUDGETS, jsonChars } from '../shared/budgets';
import { authorKey, isHandle } from '../shared/handles';
import type { AuthorJudgement, AuthorProfile, Verdict } from '../shared/types';
import { validateProfile } from '../shared/validate-page-data';
import type { DayRow, StoredAuthor, StoredProfile, TweetRow } from './db';
import { checkSamples } from './author-samples';
import { SeenTweets } from './seen-tweets';

const VERDICTS: readonly Verdict[] = ['seller', 'mixed', 'conversationalist', 'unknown'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DIGITS = /^\d{1,25}$/;

export type Checked<T> = { row: T; repaired: boolean } | null;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isShare = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

/** Only the profile fields the classifier reads (and the id, for lookups), each bounded. */
export function boundProfile(p: AuthorProfile | undefined): StoredProfile | undefined {
  const v = p && validateProfile(p);
  if (!v) return undefined;
  const out: StoredProfile = { handle: v.handle };
  if (v.id) out.id = v.id;
  if (v.bio) out.bio = v.bio.slice(0, BUDGETS.storedBioChars);
  if (v.bioUrls) out.bioUrls = v.bioUrls.filter((u) => u.length <= BUDGETS.storedUrlChars).slice(0, BUDGETS.storedBioUrls);
  if (v.professionalType) out.professionalType = v.professionalType.slice(0, BUDGETS.storedTypeChars);
  if (v.professionalCategory) out.professionalCategory = v.professionalCategory.slice(0, BUDGETS.storedTypeChars);
  if (v.verifiedType) out.verifiedType = v.verifiedType.slice(0, BUDGETS.storedTypeChars);
  if (v.affiliateLabel) out.affiliateLabel = v.affiliateLabel.slice(0, BUDGETS.storedTypeChars);
  if (v.isFollowedByUser !== undefined) out.isFollowedByUser = v.isFollowedByUser;
  return out;
}

export function emptyJudgement(): AuthorJudgement {
  return { verdict: 'unknown', confidence: 0, sellingShare: 0, posts: 0, sellingPosts: 0, reasons: [] };
}

function checkJudgement(v: unknown): AuthorJudgement | null {
  if (!isRecord(v)) return null;
  if (!VERDICTS.includes(v.verdict as Verdict) || !isShare(v.confidence) || !isShare(v.sellingShare)) return null;
  if (!isCount(v.posts) || !isCount(v.sellingPosts) || !Array.isArray(v.reasons)) return null;
  if (!v.reasons.every((r) => typeof r === 'string' && r.length <= 300) || v.reasons.length > 20) return null;
  if (v.byVoice !== undefined && v.byVoice !== true) return null; // optional, and only ever true
  return v as unknown as AuthorJudgement;
}

/** An author row, sound; or null when nothing in it can be trusted (its key is not a handle). */
export function checkAuthor(raw: unknown): Checked<StoredAuthor> {
  if (!isRecord(raw) || typeof raw.key !== 'string') return null;
  const handle = isHandle(raw.handle) && authorKey(raw.handle) === raw.key ? raw.handle : isHandle(raw.key) ? raw.key : null;
  if (handle === null) return null;
  let repaired = handle !== raw.handle;

  const state = upgradeAuthorState(raw.state as never, typeof raw.updatedAt === 'number' ? raw.updatedAt : 0);
  // A version-1 state upgraded is not damage; a state started afresh is.
  if (state !== raw.state && !(isRecord(raw.state) && raw.state.v === 1 && state.posts === raw.state.posts)) repaired = true;
  if (state.app.length > 200) state.app = state.app.slice(0, 200);

  const judgement = checkJudgement(raw.judgement);
  if (!judgement) repaired = true;
  const row: StoredAuthor = {
    key: raw.key,
    handle,
    state,
    judgement: judgement ?? { ...emptyJudgement(), posts: state.posts },
    verdict: judgement?.verdict ?? 'unknown',
    updatedAt: typeof raw.updatedAt === 'number' && Number.isFinite(raw.updatedAt) ? raw.updatedAt : 0,
  };
  if (raw.verdict !== row.verdict || row.updatedAt !== raw.updatedAt) repaired = true;
  if (VERDICTS.includes(raw.postsVerdict as Verdict)) row.postsVerdict = raw.postsVerdict as Verdict;
  if (typeof raw.name === 'string') row.name = raw.name.slice(0, BUDGETS.storedNameChars);
  if (typeof raw.authorId === 'string' && DIGITS.test(raw.authorId)) row.authorId = raw.authorId;
  if (raw.profile !== undefined) {
    const profile = boundProfile(raw.profile as AuthorProfile);
    if (profile) row.profile = profile;
    if (!profile || jsonChars(profile) !== jsonChars(raw.profile)) repaired = true;
  }
  const seen = SeenTweets.check(raw.seen);
  if (seen.value !== undefined) row.seen = seen.value;
  if (seen.repaired) repaired = true;
  const samples = checkSamples(raw.samples);
  if (samples?.samples.length) row.samples = samples.samples;
  if (samples?.repaired) repaired = true;
  // (JSON's escapes aside: a bound, not a measure.)
  if (approxJsonChars(row) > BUDGETS.storedAuthorChars) {
    // Over budget even after bounding: keep the evidence, lose the profile.
    delete row.profile;
    repaired = true;
  }
  return { row, repaired };
}

export function checkDay(raw: unknown): Checked<DayRow> {
  if (!isRecord(raw) || typeof raw.day !== 'string' || !DAY.test(raw.day)) return null;
  let repaired = false;
  const count = (v: unknown): number => {
    if (isCount(v)) return v;
    repaired = true;
    const n = typeof v === 'string' && /^\d{1,12}$/.test(v.trim()) ? Number(v) : 0;
    return Number.isSafeInteger(n) ? n : 0;
  };
  const seen = count(raw.seen);
  const row: DayRow = { day: raw.day, seen, selling: Math.min(count(raw.selling), seen), hidden: Math.min(count(raw.hidden), seen) };
  if (row.selling !== raw.selling || row.hidden !== raw.hidden) repaired = true;
  return { row, repaired };
}

/** A tweet row of versions 1–5, checked (read once more by version 6's upgrade, db.ts). */
export function checkTweet(raw: unknown): Checked<TweetRow> {
  if (!isRecord(raw) || typeof raw.id !== 'string' || !DIGITS.test(raw.id)) return null;
  if (typeof raw.authorKey !== 'string' || !isHandle(raw.authorKey) || typeof raw.day !== 'string' || !DAY.test(raw.day)) return null;
  const bit = (v: unknown): 0 | 1 => (v === 1 || v === true ? 1 : 0);
  const row: TweetRow = { id: raw.id, authorKey: authorKey(raw.authorKey), day: raw.day, selling: bit(raw.selling), hidden: bit(raw.hidden) };
  return { row, repaired: row.selling !== raw.selling || row.hidden !== raw.hidden || row.authorKey !== raw.authorKey };
}

/** Counts what was repaired or dropped, and remembers which rows to write back or delete. */
export class Integrity {
  private repaired = new Set<string>();
  private dropped = new Set<string>();
  /** Totals from earlier runs of the worker (restored from storage). */
  private base = { repaired: 0, dropped: 0 };
  readonly pending = { authors: new Map<string, StoredAuthor | null>(), days: new Map<string, DayRow | null>() };

  note(table: 'authors' | 'days', key: string, row: unknown): void {
    const id = `${table}:${key}`;
    if (row === null) {
      if (!this.dropped.has(id)) this.dropped.add(id);
    } else if (!this.repaired.has(id)) this.repaired.add(id);
    (this.pending[table] as Map<string, unknown>).set(key, row);
  }

  restore(totals: { repaired?: unknown; dropped?: unknown } | undefined): void {
    this.base = { repaired: isCount(totals?.repaired) ? totals.repaired : 0, dropped: isCount(totals?.dropped) ? totals.dropped : 0 };
  }

  snapshot(): { repaired: number; dropped: number } {
    return { repaired: this.base.repaired + this.repaired.size, dropped: this.base.dropped + this.dropped.size };
  }

  hasPending(): boolean {
    return Object.values(this.pending).some((m) => m.size > 0);
  }
}

/** A key of a damaged row, for counting; rows without a usable key are counted by position. */
function keyOf(raw: unknown, field: string, fallback: () => string): string {
  const k = isRecord(raw) ? raw[field] : undefined;
  return typeof k === 'string' || typeof k === 'number' ? String(k) : fallback();
}

/**
 * Installs the checks on every read of `db`'s tables. Dropped rows read as undefined: callers
 * filter them out (see `present`).
 */
export function checkRowsOnRead(
  db: { authors: { hook: (e: 'reading', f: (o: any) => any) => void }; days: { hook: (e: 'reading', f: (o: any) => any) => void } },
  integrity: Integrity,
): void {
  let n = 0;
  const hook = <T>(table: 'authors' | 'days', field: string, check: (raw: unknown) => Checked<T>) => (raw: unknown) => {
    // Dexie fires the hook on get() of a missing key too: nothing was read, nothing was damaged.
    if (raw === undefined) return undefined;
    let checked: Checked<T>;
    try {
      checked = check(raw);
    } catch {
      checked = null;
    }
    if (checked && !checked.repaired) return checked.row;
    integrity.note(table, keyOf(raw, field, () => `#${n++}`), checked ? checked.row : null);
    return checked ? checked.row : undefined;
  };
  db.authors.hook('reading', hook('authors', 'key', checkAuthor));
  db.days.hook('reading', hook('days', 'day', checkDay));
}

/** The rows that survived the checks. */
export function present<T>(rows: Array<T | undefined>): T[] {
  return rows.filter((r): r is T => r !== undefined && r !== null);
}
