// The following audit (issue 9): which of the accounts the user follows mostly sell.
//
//   content ─following-seen─► recordFollowing ─► following (id, handle, name, bio, profile signs)
//                                            └─► followingMeta (viewer, M, last read, end reached)
//   content ─tweets-seen────► recorder ────────► authors[].samples (two short posts each, selling first: author-samples.ts)
//   popup / options ─get-following-audit─► buildAudit: each followed account joined with its
//       author verdict (from posts), else judged by its profile alone, else "not enough seen yet"
//   popup ─get-review─► buildReview: what quiet mode would hide on that tab (the dry run)
//
// Nothing here asks X for anything: the list is what X's page delivered while the user scrolled it.
import { judgeAuthor, newAuthorState, readProfileSigns } from '../classifier';
import type {
  AuditRow,
  FollowingAudit,
  FollowingSeen,
  Override,
  PageAuthor,
  ReviewData,
  ReviewRow,
} from '../shared/messages';
import { decideQuiet } from '../shared/quiet-rules';
import type { Settings } from '../shared/settings';
import { authorKey, type AuthorProfile, type Verdict } from '../shared/types';
import { isHandle } from '../shared/handles';
import { isTweetId, validateProfile } from '../shared/validate-page-data';
import type { StoredAuthor as AuthorRow, FollowingMetaRow, FollowingRow, QuietBazaarDb } from './db';
import { cutText as cut } from './author-samples';
import { toVerdictLite } from './record-tweets';
import { localiseReasons } from './localise-reasons';
import { countText } from '../shared/count-text';

/** X lets most accounts follow at most 5,000 to 7,500 others; more is not a real list. */
export const MAX_FOLLOWING = 10_000;
export const MAX_USERS_PER_PAGE = 500;
/** A profile alone makes a seller only with this much evidence: a store link, or two lesser signs. */
export const PROFILE_SELLER_ALPHA = 1;
const BIO_CHARS = 400;

/** The payload of 'following-seen', rebuilt from what passes (a content script runs in X's page). */
export function validateFollowingSeen(raw: unknown): FollowingSeen | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const viewer = r.viewer as Record<string, unknown> | undefined;
  if (!viewer || typeof viewer !== 'object' || !isHandle(viewer.handle)) return null;
  if (!Array.isArray(r.users) || r.users.length > MAX_USERS_PER_PAGE) return null;
  if (typeof r.isFirstPage !== 'boolean' || typeof r.isLastPage !== 'boolean') return null;
  const users: AuthorProfile[] = [];
  for (const u of r.users) {
    const p = validateProfile(u);
    if (p?.id) users.push(p);
  }
  const out: FollowingSeen = {
    viewer: { handle: viewer.handle, ...(isTweetId(viewer.id) ? { id: viewer.id } : {}) },
    users,
    isFirstPage: r.isFirstPage,
    isLastPage: r.isLastPage,
  };
  if (typeof r.total === 'number' && Number.isSafeInteger(r.total) && r.total >= 0 && r.total <= 1e7) out.total = r.total;
  return out;
}

/** The classifier's profile signs, plus what only the audit weighs: an organisation's gold check. */
export function profileEvidence(p: AuthorProfile): { alpha: number; reasons: string[] } {
  const signs = readProfileSigns(p);
  const out = { alpha: signs.alpha, reasons: [...signs.reasons] };
  if (p.verifiedType && /^business$/i.test(p.verifiedType)) {
    out.alpha += 0.5;
    out.reasons.push('verified as a business or organisation');
  }
  if (p.professionalType && !/business/i.test(p.professionalType) && out.reasons.length > 0) {
    // A creator account says little alone; next to a shop link it backs it up.
    out.reasons.push(`professional category: ${p.professionalType.toLowerCase()}`);
  }
  return out;
}

export class FollowingStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: QuietBazaarDb) {}

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Store one page of the viewer's Following list. A different viewer starts a new list. */
  recordFollowing(page: FollowingSeen, settings: Settings, now: number): Promise<void> {
    return this.serial(async () => {
      const { db } = this;
      await db.transaction('rw', db.following, db.followingMeta, async () => {
        let meta = await db.followingMeta.get('following');
        const sameViewer =
          meta &&
          (page.viewer.id && meta.viewerId ? page.viewer.id === meta.viewerId : authorKey(page.viewer.handle) === authorKey(meta.viewerHandle));
        if (meta && !sameViewer) {
          await db.following.clear();
          meta = undefined;
        }
        const next: FollowingMetaRow = meta ?? { id: 'following', viewerHandle: page.viewer.handle, lastReadAt: now, reachedEnd: false, nextOrder: 0 };
        next.viewerHandle = page.viewer.handle;
        if (page.viewer.id) next.viewerId = page.viewer.id;
        if (page.total !== undefined) next.total = page.total;
        next.lastReadAt = now;
        if (page.isFirstPage) {
          next.nextOrder = 0;
          next.readFrom = now;
        }
        if (page.isLastPage) next.reachedEnd = true;

        const old = await db.following.bulkGet(page.users.map((u) => u.id!));
        let room = MAX_FOLLOWING - (await db.following.count());
        const rows: FollowingRow[] = [];
        page.users.forEach((u, i) => {
          const before = old[i];
          if (!before && room-- <= 0) return;
          const evidence = profileEvidence(u);
          const row: FollowingRow = {
            id: u.id!,
            key: authorKey(u.handle),
            handle: u.handle,
            profileAlpha: evidence.alpha,
            profileReasons: evidence.reasons,
            profileShare: judgeAuthor(newAuthorState(u.handle), u, { sensitivity: settings.sensitivity, now }).sellingShare,
            order: next.nextOrder++,
            readAt: now,
          };
          if (u.name) row.name = u.name;
          if (u.bio) row.bio = cut(u.bio, BIO_CHARS);
          if (before?.notSeller) row.notSeller = 1;
          rows.push(row);
        });
        await db.following.bulkPut(rows);
        if (page.isLastPage && next.readFrom !== undefined) {
          // Read from the top to the end: an account this read did not see is no longer followed.
          const since = next.readFrom;
          await db.following.filter((r) => r.readAt < since).delete();
          delete next.readFrom;
        }
        await db.followingMeta.put(next);
      });
    });
  }

  /** "Not a seller" on the audit (the caller also puts the account on the allow list). */
  setNotSeller(handle: string, notSeller: boolean): Promise<void> {
    return this.serial(async () => {
      const rows = await this.db.following.where('key').equals(authorKey(handle)).toArray();
      for (const r of rows) {
        if (notSeller) r.notSeller = 1;
        else delete r.notSeller;
      }
      await this.db.following.bulkPut(rows);
    });
  }

  forget(): Promise<void> {
    return this.serial(async () => {
      const { db } = this;
      await db.transaction('rw', db.following, db.followingMeta, async () => {
        await Promise.all([db.following.clear(), db.followingMeta.clear()]);
      });
    });
  }
}

/** Author rows of these accounts: by handle, else by id (the account was renamed). */
async function authorsOf(db: QuietBazaarDb, accounts: Array<{ key: string; id?: string }>): Promise<Map<string, AuthorRow>> {
  const out = new Map<string, AuthorRow>();
  const byKey = await db.authors.bulkGet(accounts.map((a) => a.key));
  const missing: string[] = [];
  accounts.forEach((a, i) => {
    const row = byKey[i];
    if (row) out.set(a.key, row);
    else if (a.id) missing.push(a.id);
  });
  if (missing.length) {
    const byId = new Map<string, string>();
    for (const a of accounts) if (a.id) byId.set(a.id, a.key);
    for (const row of await db.authors.where('authorId').anyOf(missing).toArray()) {
      const key = byId.get(row.authorId!);
      if (key && !out.has(key)) out.set(key, row);
    }
  }
  return out;
}

function overrideOf(key: string, settings: Settings): Override {
  return settings.allowList.includes(key) ? 'show' : settings.blockList.includes(key) ? 'hide' : null;
}

const RANK: Record<Verdict, number> = { seller: 3, mixed: 2, unknown: 1, conversationalist: 0 };

/** One followed account as the audit shows it. */
export function auditRowOf(f: FollowingRow, author: AuthorRow | undefined, settings: Settings): AuditRow {
  const base = {
    key: f.key,
    id: f.id,
    handle: author?.handle ?? f.handle,
    ...(f.name ? { name: f.name } : author?.name ? { name: author.name } : {}),
    samples: (author?.samples ?? []).map((p) => p.text),
    override: overrideOf(f.key, settings),
    notSeller: f.notSeller === 1,
  };
  const j = author?.judgement;
  if (j && j.verdict !== 'unknown') {
    return { ...base, verdict: j.verdict, basis: j.byVoice ? 'voice' : 'posts', sellingShare: j.sellingShare, posts: j.posts, sellingPosts: j.sellingPosts, reasons: localiseReasons(j.reasons) };
  }
  const posts = j?.posts ?? 0;
  const seen = posts === 0 ? 'no post of theirs seen yet' : `only ${countText(posts)} post${posts === 1 ? '' : 's'} of theirs seen`;
  if (f.profileAlpha >= PROFILE_SELLER_ALPHA) {
    return { ...base, verdict: 'seller', basis: 'profile', sellingShare: f.profileShare, posts, sellingPosts: j?.sellingPosts ?? 0, reasons: localiseReasons([...f.profileReasons, seen]) };
  }
  return { ...base, verdict: 'unknown', basis: 'none', sellingShare: f.profileShare, posts, sellingPosts: j?.sellingPosts ?? 0, reasons: localiseReasons([seen, ...f.profileReasons]) };
}

/** Judged by its posts (their share, or the account's voice across them) first: 0, else 1. */
const byPosts = (r: AuditRow) => (r.basis === 'posts' || r.basis === 'voice' ? 0 : 1);

/** Sorted by how much each sells: verdict, then share, then posts seen. */
export function sortAudit(rows: AuditRow[]): AuditRow[] {
  // An account the user called "not a seller" keeps its place (with its note), so the choice stays in sight.
  const rank = (r: AuditRow) => RANK[r.verdict];
  return rows.sort(
    (a, b) =>
      rank(b) - rank(a) ||
      byPosts(a) - byPosts(b) ||
      b.sellingShare - a.sellingShare ||
      b.posts - a.posts ||
      (a.key < b.key ? -1 : 1),
  );
}

export function isCountedSeller(r: AuditRow): boolean {
  return r.verdict === 'seller' && !r.notSeller;
}

export async function buildAudit(db: QuietBazaarDb, settings: Settings, limit = MAX_FOLLOWING): Promise<FollowingAudit> {
  const meta = await db.followingMeta.get('following');
  if (!meta) return { viewer: null, total: null, read: 0, lastReadAt: null, reachedEnd: false, sellers: 0, rows: [] };
  const following = await db.following.toArray();
  const authors = await authorsOf(db, following);
  const rows = sortAudit(following.map((f) => auditRowOf(f, authors.get(f.key), settings)));
  return {
    viewer: { handle: meta.viewerHandle },
    total: meta.total ?? null,
    read: following.length,
    lastReadAt: meta.lastReadAt,
    reachedEnd: meta.reachedEnd,
    sellers: rows.filter(isCountedSeller).length,
    rows: rows.slice(0, Math.max(0, Math.min(limit, MAX_FOLLOWING))),
  };
}

/**
 * The dry run: the accounts quiet mode would hide among those this tab showed, decided by the
 * same rule the content script applies (quiet mode taken as on).
 */
export async function buildReview(db: QuietBazaarDb, settings: Settings, onPage: PageAuthor[] | undefined): Promise<ReviewData> {
  if (!onPage) return { known: false, quietMode: settings.quietMode, tweets: 0, rows: [] };
  const on = { ...settings, quietMode: true };
  const keys = onPage.map((a) => authorKey(a.handle));
  const authors = await db.authors.bulkGet(keys);
  const rows: ReviewRow[] = [];
  onPage.forEach((a, i) => {
    const key = keys[i]!;
    const author = authors[i];
    const lite = author ? toVerdictLite(author) : undefined;
    const plain = decideQuiet(key, lite, on, { isAd: false });
    const ad = decideQuiet(key, lite, on, { isAd: true });
    const wouldHide = (plain.quiet ? a.tweets - a.ads : 0) + (ad.quiet ? a.ads : 0);
    if (wouldHide <= 0) return;
    const why = plain.quiet ? plain.reason : ad.reason;
    // `why` is in the user's language already (the verdict's reason went through toVerdictLite).
    const reasons = [why, ...localiseReasons(author?.judgement.reasons ?? [])].filter((r, j, all) => r && all.indexOf(r) === j);
    rows.push({
      key,
      handle: author?.handle ?? a.handle,
      ...(author?.name ? { name: author.name } : {}),
      tweets: a.tweets,
      wouldHide,
      verdict: author?.judgement.verdict ?? 'unknown',
      reasons,
      override: overrideOf(key, settings),
    });
  });
  rows.sort((x, y) => y.wouldHide - x.wouldHide || (x.key < y.key ? -1 : 1));
  return { known: true, quietMode: settings.quietMode, tweets: onPage.reduce((n, a) => n + a.tweets, 0), rows };
}

/** A tab's per-author counts, rebuilt from what passes. */
export function validatePageAuthors(raw: unknown): PageAuthor[] {
  const list = raw && typeof raw === 'object' ? (raw as { authors?: unknown }).authors : undefined;
  if (!Array.isArray(list)) return [];
  const out = new Map<string, PageAuthor>();
  for (const a of list.slice(0, 5_000)) {
    if (!a || typeof a !== 'object') continue;
    const { handle, tweets, ads } = a as Record<string, unknown>;
    if (!isHandle(handle) || typeof tweets !== 'number' || typeof ads !== 'number') continue;
    if (!Number.isSafeInteger(tweets) || !Number.isSafeInteger(ads) || tweets < 1 || ads < 0 || ads > tweets || tweets > 100_000) continue;
    out.set(authorKey(handle), { handle, tweets, ads });
  }
  return [...out.values()];
}

export async function authorReasons(db: QuietBazaarDb, handle: string): Promise<{ verdict: Verdict; reasons: string[]; posts: number }> {
  const row = await db.authors.get(authorKey(handle));
  if (!row) return { verdict: 'unknown', reasons: localiseReasons(['no post of theirs judged yet']), posts: 0 };
  return { verdict: row.judgement.verdict, reasons: localiseReasons(row.judgement.reasons), posts: row.judgement.posts };
}
