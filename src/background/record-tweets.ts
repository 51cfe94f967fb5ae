// Turns what the content script saw into stored evidence, verdicts and daily counts.
//
//   tweets-seen ─► per author, isolated: tweets not in its seen list ─► judgePost ─► addPost ─► judgeWithTrust
//                                                                  ├──► its seen list, its samples (the same row)
//                                                                  └──► days[today].seen / .selling
//
// All writes go through one queue so batches never interleave, and each batch is one
// IndexedDB transaction that reads and writes each of its authors once (and today's counts): a
// tweet is counted once, however many tabs or scrolls show it (seen-tweets.ts).
// Each author is judged on its own: one that throws is skipped (its tweets wait for the
// content script's retry), the rest of the batch is recorded.
import { addPost, contextVerdict, judgePost, newAuthorState, pSellingInContext, postThreshold } from '../classifier';
import { dayKey } from '../shared/dates';
import type { VerdictLite } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { authorKey } from '../shared/handles';
import type { Sensitivity, AuthorProfile, TweetFacts, Verdict } from '../shared/types';
import type { AuthorChange } from './popup-data';
import type { StoredAuthor, DayRow, QuietBazaarDb } from './db';
import { samplePost, withSamples, type SamplePost } from './author-samples';
import { SeenTweets } from './seen-tweets';
import { judgeWithTrust, mayExemptAsFollowed } from './judge-with-trust';
import { boundProfile, emptyJudgement, present, type Integrity } from './stored-rows';
import { localiseReason } from './localise-reasons';

export interface RecorderDeps {
  db: QuietBazaarDb;
  settings: () => Promise<Settings>;
  /** The clock, passed in so tests can set the day. */
  now: () => Date;
  /** Told after each committed batch which authors changed (popup-data.ts keeps its figures from it). */
  onAuthorsChanged?: (changes: AuthorChange[], day: string) => void;
  /** Told after every author was re-judged at once. */
  onRejudged?: () => void;
}

/** A tweet quiet mode hid, and its author (whose row counts it). */
export interface HiddenTweet {
  id: string;
  handle: string;
}

export function toVerdictLite(row: StoredAuthor): VerdictLite {
  return {
    handle: row.handle,
    verdict: row.judgement.verdict,
    // The placeholder's words, in the user's language (the stored reasons stay English).
    reason: localiseReason(row.judgement.reasons[0] ?? ''),
    ...(mayExemptAsFollowed(row.profile, row.postsVerdict) ? { followed: true } : {}),
  };
}

/** Later facts win, but a known value is never replaced by an unknown one. */
export function mergeProfile<P extends Partial<AuthorProfile>>(old: P | undefined, next: P | undefined): P | undefined {
  if (!old) return next;
  if (!next) return old;
  const merged: P = { ...old };
  for (const [k, v] of Object.entries(next)) {
    if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  }
  return merged;
}

/** Authors re-judged per transaction when the sensitivity changes: small enough to let batches in between. */
export const REJUDGE_CHUNK = 500;

export class Recorder {
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped by each rejudgeAll: an older one still running stops. */
  private rejudgeGeneration = 0;
  /** Authors skipped because judging them threw (they record again on the next batch). */
  skippedAuthors = 0;

  constructor(private readonly deps: RecorderDeps) {}

  get integrity(): Integrity {
    return this.deps.db.integrity;
  }

  /** Runs jobs one after another; a failed job does not stop the next. Repaired rows are written back after. */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run
      .catch(() => undefined)
      .then(() => (this.deps.db.integrity.hasPending() ? this.deps.db.writeBackRepairs() : undefined))
      .catch(() => undefined);
    return run;
  }

  /**
   * Records the tweets not seen before. `judged`, when given, receives each recorded tweet's
   * pSelling (the post alone), so a caller that needs it does not judge the post again.
   */
  recordTweets(tweets: TweetFacts[], profiles: AuthorProfile[], judged?: Map<string, number>, hidden: HiddenTweet[] = []): Promise<VerdictLite[]> {
    return this.serial(() => this.record(tweets, profiles, judged, hidden));
  }

  recordProfiles(profiles: AuthorProfile[]): Promise<VerdictLite[]> {
    return this.serial(() => this.record([], profiles));
  }

  /** Counts hidden tweets once each, on the day each was first seen; tweets not counted as seen are ignored. */
  recordHidden(tweets: HiddenTweet[]): Promise<void> {
    return this.serial(async () => {
      const { db } = this.deps;
      const hidden = byAuthorOf(tweets);
      if (!hidden.size) return;
      await db.transaction('rw', db.authors, db.days, async () => {
        const keys = [...hidden.keys()];
        const rows = new Map<string, StoredAuthor>();
        (await db.authors.bulkGet(keys)).forEach((r, i) => r && rows.set(keys[i]!, r));
        const { changed, perDay } = markHidden(rows, hidden);
        if (changed.length) await db.authors.bulkPut(changed);
        await addHiddenToDays(db, perDay);
      });
    });
  }

  /** Verdicts of every author worth hiding, for a content script that just started. */
  async quietCandidates(): Promise<VerdictLite[]> {
    const rows = present(await this.deps.db.authors.where('verdict').anyOf('seller', 'mixed').limit(20000).toArray());
    return rows.map(toVerdictLite);
  }

  /**
   * Re-judge every author, e.g. after the sensitivity changed: in chunks of REJUDGE_CHUNK, each
   * its own job in the queue and its own transaction, so tweets seen meanwhile are recorded in
   * between and the popup's reads are never blocked for long. A newer call stops an older one.
   * Resolves when done (true) or superseded (false).
   */
  async rejudgeAll(sensitivity: Sensitivity): Promise<boolean> {
    const generation = ++this.rejudgeGeneration;
    let after: string | undefined;
    for (;;) {
      if (generation !== this.rejudgeGeneration) return false;
      const next = await this.serial(async () => {
        const { db } = this.deps;
        const now = this.deps.now().getTime();
        return db.transaction('rw', db.authors, async () => {
          const keys = await (after === undefined ? db.authors.orderBy(':id') : db.authors.where(':id').above(after))
            .limit(REJUDGE_CHUNK)
            .primaryKeys();
          const rows = present(await db.authors.bulkGet(keys));
          for (const row of rows) this.judge(row, sensitivity, now);
          if (rows.length) await db.authors.bulkPut(rows);
          return keys.length < REJUDGE_CHUNK ? undefined : keys[keys.length - 1];
        });
      });
      if (next === undefined) {
        this.deps.onRejudged?.();
        return true;
      }
      after = next;
    }
  }

  /** Judges one author in place; false (and counted) when its state could not be judged. */
  private judge(row: StoredAuthor, sensitivity: Sensitivity, now: number, previous?: StoredAuthor['verdict']): boolean {
    try {
      const { judgement, postsVerdict } = judgeWithTrust(row.state, row.profile, { sensitivity, now, ...(previous ? { previous } : {}) });
      row.judgement = judgement;
      row.verdict = judgement.verdict;
      row.postsVerdict = postsVerdict;
      return true;
    } catch {
      this.skippedAuthors++;
      return false;
    }
  }

  /** `hidden`: tweets quiet mode hid, counted in the same transaction after the batch's tweets (recordHidden). */
  private async record(tweetsIn: TweetFacts[], profilesIn: AuthorProfile[], judged?: Map<string, number>, hiddenIn: HiddenTweet[] = []): Promise<VerdictLite[]> {
    const { db } = this.deps;
    const settings = await this.deps.settings();
    const nowDate = this.deps.now();
    const now = nowDate.getTime();
    const today = dayKey(nowDate);

    const tweets = new Map<string, TweetFacts>();
    for (const t of tweetsIn) if (!tweets.has(t.id)) tweets.set(t.id, t);
    const profiles = new Map<string, AuthorProfile>();
    for (const p of profilesIn) profiles.set(authorKey(p.handle), mergeProfile(profiles.get(authorKey(p.handle)), p)!);

    const changes: AuthorChange[] = [];
    const byAuthor = new Map<string, TweetFacts[]>();
    for (const t of tweets.values()) {
      const key = authorKey(t.authorHandle);
      const list = byAuthor.get(key);
      if (list) list.push(t);
      else byAuthor.set(key, [t]);
    }
    const hidden = byAuthorOf(hiddenIn);
    const verdicts = await db.transaction('rw', db.authors, db.days, async () => {
      const keyList = [...new Set([...profiles.keys(), ...byAuthor.keys()])];
      const readList = hidden.size ? [...new Set([...keyList, ...hidden.keys()])] : keyList;
      const rows = new Map<string, StoredAuthor>();
      (await db.authors.bulkGet(readList)).forEach((r, i) => r && rows.set(readList[i]!, r));
      const before = new Map([...rows].map(([k, r]) => [k, r.verdict]));
      // No renames here (trust model, noRenamesFromPage): a handle is its own author, whatever
      // id the page claims; a renamed account starts afresh under its new handle.

      const touched: StoredAuthor[] = [];
      let seen = 0;
      let selling = 0;
      for (const key of keyList) {
        const existing = rows.get(key);
        const counted = existing?.seen ? SeenTweets.read(existing.seen).seen : undefined;
        const fresh = (byAuthor.get(key) ?? []).filter((t) => !counted?.has(t.id));
        // A profile alone, with no post seen, is not an author we judge yet.
        if (!existing && !fresh.length) continue;
        // Nothing new, and a profile (if any) that adds nothing to an author refreshed lately: nothing to rewrite.
        if (existing && !fresh.length && (!profiles.has(key) || profileAddsNothing(existing, profiles.get(key), now))) continue;
        const outcome = this.recordAuthor(key, existing, counted, fresh, profiles.get(key), settings.sensitivity, now, today, judged);
        if (!outcome) continue; // skipped on its own; the others go on
        rows.set(key, outcome.row);
        touched.push(outcome.row);
        seen += fresh.length;
        selling += outcome.selling;
      }

      for (const row of touched) changes.push({ before: before.get(row.key), row });
      // Hidden tweets after the batch's own (a known seller's tweet hidden as it arrived comes with it).
      const { changed, perDay } = markHidden(rows, hidden);
      const written = new Set(touched);
      for (const row of changed) if (!written.has(row)) touched.push(row);
      if (touched.length) await db.authors.bulkPut(touched);
      if (seen) {
        const d: DayRow = (await db.days.get(today)) ?? { day: today, seen: 0, selling: 0, hidden: 0 };
        d.seen += seen;
        d.selling += selling;
        d.hidden = Math.min(d.seen, d.hidden + (perDay.get(today) ?? 0));
        perDay.delete(today);
        await db.days.put(d);
      }
      await addHiddenToDays(db, perDay);
      return keyList.flatMap((k) => (rows.has(k) ? [toVerdictLite(rows.get(k)!)] : []));
    });
    this.deps.onAuthorsChanged?.(changes, today);
    return verdicts;
  }

  /** One author's new posts and profile, on a copy: null (and counted) when anything in it throws. */
  private recordAuthor(
    key: string,
    existing: StoredAuthor | undefined,
    counted: SeenTweets | undefined,
    fresh: TweetFacts[],
    profileIn: AuthorProfile | undefined,
    sensitivity: Sensitivity,
    now: number,
    today: string,
    judged?: Map<string, number>,
  ): { row: StoredAuthor; selling: number } | null {
    try {
      const first = fresh[0];
      const row: StoredAuthor = existing
        ? { ...existing, state: structuredClone(existing.state) }
        : { key, handle: first!.authorHandle, state: newAuthorState(first!.authorHandle), judgement: emptyJudgement(), verdict: 'unknown', updatedAt: now };
      const profile = boundProfile(mergeProfile<AuthorProfile>(row.profile, profileIn));
      if (profile) row.profile = profile;
      if (profileIn?.name) row.name = profileIn.name.slice(0, 50);
      if (profileIn?.id) row.authorId = profileIn.id;
      const seen = counted ?? new SeenTweets();
      const samples: SamplePost[] = [];
      let selling = 0;
      // The author's verdict from their posts alone at balanced, post by post, for the context of
      // the next: from the stored one when the reader's sensitivity is balanced (its hysteresis).
      let postsVerdict: Verdict | undefined = sensitivity === 'balanced' ? existing?.postsVerdict : undefined;
      for (const t of fresh) {
        if (t.authorName) row.name = t.authorName.slice(0, 50);
        if (t.authorId) row.authorId = t.authorId;
        // The post alone: profile facts come from the page world and only lean the author's
        // verdict (judge-with-trust.ts), so they must not be counted into each post's evidence.
        const post = judgePost(t);
        judged?.set(t.id, post.pSelling);
        // Whether this post was selling, judged as `npm run eval` does: in the light of the
        // author's earlier posts (a repeat of an earlier pitch counts more, and a plain post of an
        // author whose posts make a seller is its marketing).
        postsVerdict = contextVerdict(row.state, { sensitivity: 'balanced', now, previous: postsVerdict });
        const isSelling = pSellingInContext(row.state, t, post, postsVerdict) >= postThreshold('balanced');
        row.state = addPost(row.state, t, post, now);
        if (isSelling) selling++;
        seen.add(t.id, today, isSelling);
        // The audit's evidence: judged alone, as the post reads (not in the light of earlier ones).
        const sample = samplePost(t.text, post.pSelling >= postThreshold('balanced'));
        if (sample) samples.push(sample);
      }
      if (fresh.length) row.seen = seen.toString();
      if (samples.length) row.samples = withSamples(row.samples, samples);
      // The previous verdict gives hysteresis: one new post does not flip seller / not seller.
      if (!this.judge(row, sensitivity, now, existing?.judgement.verdict)) return null;
      row.updatedAt = now;
      return { row, selling };
    } catch {
      this.skippedAuthors++;
      return null;
    }
  }

  /** Drop authors unjudged or judged conversationalists not seen for `days` (daily totals stay). */
  prune(days = 90): Promise<void> {
    return this.serial(async () => {
      const { db } = this.deps;
      const now = this.deps.now();
      const staleBefore = now.getTime() - days * 86_400_000;
      await db.authors
        .where('updatedAt')
        .below(staleBefore)
        .filter((a) => !a || a.verdict === 'unknown' || a.verdict === 'conversationalist')
        .delete();
    });
  }
}

/** Hidden tweets by author key. */
function byAuthorOf(tweets: HiddenTweet[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const t of tweets) {
    const key = authorKey(t.handle);
    const ids = out.get(key);
    if (ids) ids.add(t.id);
    else out.set(key, new Set([t.id]));
  }
  return out;
}

/** Marks hidden tweets in their authors' seen lists (in place): the rows changed, and how many newly hidden per day first seen. */
function markHidden(rows: ReadonlyMap<string, StoredAuthor>, hidden: ReadonlyMap<string, ReadonlySet<string>>): { changed: StoredAuthor[]; perDay: Map<string, number> } {
  const changed: StoredAuthor[] = [];
  const perDay = new Map<string, number>();
  for (const [key, ids] of hidden) {
    const row = rows.get(key);
    if (!row?.seen) continue;
    const { seen } = SeenTweets.read(row.seen);
    let hid = false;
    for (const id of ids) {
      const day = seen.hide(id);
      if (day === null) continue;
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      hid = true;
    }
    if (!hid) continue;
    row.seen = seen.toString();
    changed.push(row);
  }
  return { changed, perDay };
}

/** Adds hidden counts to their days (never more hidden than seen). */
async function addHiddenToDays(db: QuietBazaarDb, perDay: ReadonlyMap<string, number>): Promise<void> {
  for (const [day, n] of perDay) {
    const d = (await db.days.get(day)) ?? { day, seen: 0, selling: 0, hidden: 0 };
    d.hidden = Math.min(d.seen, d.hidden + n);
    await db.days.put(d);
  }
}

/** Refreshed at most this often by a profile alone (prune() reads updatedAt in days). */
const PROFILE_REFRESH_MS = 3_600_000;

/** True when a profile would change none of the author's stored facts (so not its verdict either). */
function profileAddsNothing(row: StoredAuthor, p: AuthorProfile | undefined, now: number): boolean {
  if (!p || now - row.updatedAt >= PROFILE_REFRESH_MS) return false;
  if (p.name && p.name.slice(0, 50) !== row.name) return false;
  if (p.id && p.id !== row.authorId) return false;
  const merged = boundProfile(mergeProfile<AuthorProfile>(row.profile, p));
  return JSON.stringify(merged) === JSON.stringify(row.profile);
}
