// Turns what the content script saw into stored evidence, verdicts and daily counts.
//
//   tweets-seen ─► new tweet ids only ─► judgePost ─► addPost to the author's state ─► judgeAuthor
//                                  └──► days[today].seen / .selling
//
// All writes go through one queue so batches never interleave, and each batch is one
// IndexedDB transaction: a tweet is counted once, however many tabs or scrolls show it.
import { addPost, judgeAuthor, judgePost, newAuthorState, pSellingInContext, postThreshold } from '../classifier';
import { dayKey } from '../shared/dates';
import type { VerdictLite } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { authorKey } from '../shared/handles';
import type { Sensitivity, AuthorJudgement, AuthorProfile, TweetFacts } from '../shared/types';
import type { AuthorChange } from './popup-data';
import type { StoredAuthor, DayRow, QuietBazaarDb, TweetRow } from './db';

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

export function toVerdictLite(row: StoredAuthor): VerdictLite {
  return {
    handle: row.handle,
    verdict: row.judgement.verdict,
    reason: row.judgement.reasons[0] ?? '',
    ...(row.profile?.isFollowedByUser ? { followed: true } : {}),
  };
}

/** Later facts win, but a known value is never replaced by an unknown one. */
export function mergeProfile(old: AuthorProfile | undefined, next: AuthorProfile | undefined): AuthorProfile | undefined {
  if (!old) return next;
  if (!next) return old;
  const merged: AuthorProfile = { ...old };
  for (const [k, v] of Object.entries(next) as Array<[keyof AuthorProfile, unknown]>) {
    if (v !== undefined) (merged as unknown as Record<string, unknown>)[k] = v;
  }
  return merged;
}

export class Recorder {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: RecorderDeps) {}

  /** Runs jobs one after another; a failed job does not stop the next. */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  recordTweets(tweets: TweetFacts[], profiles: AuthorProfile[]): Promise<VerdictLite[]> {
    return this.serial(() => this.record(tweets, profiles));
  }

  recordProfiles(profiles: AuthorProfile[]): Promise<VerdictLite[]> {
    return this.serial(() => this.record([], profiles));
  }

  recordHidden(ids: string[]): Promise<void> {
    return this.serial(async () => {
      const { db } = this.deps;
      await db.transaction('rw', db.tweets, db.days, async () => {
        const rows = (await db.tweets.bulkGet([...new Set(ids)])).filter((r): r is TweetRow => !!r && r.hidden === 0);
        if (!rows.length) return;
        const perDay = new Map<string, number>();
        for (const r of rows) {
          r.hidden = 1;
          perDay.set(r.day, (perDay.get(r.day) ?? 0) + 1);
        }
        await db.tweets.bulkPut(rows);
        for (const [day, n] of perDay) {
          const d = (await db.days.get(day)) ?? { day, seen: 0, selling: 0, hidden: 0 };
          d.hidden += n;
          await db.days.put(d);
        }
      });
    });
  }

  /** Verdicts of every author worth hiding, for a content script that just started. */
  async quietCandidates(): Promise<VerdictLite[]> {
    const rows = await this.deps.db.authors.where('verdict').anyOf('seller', 'mixed').limit(20000).toArray();
    return rows.map(toVerdictLite);
  }

  /** Re-judge every author, e.g. after the sensitivity changed. */
  rejudgeAll(sensitivity: Sensitivity): Promise<void> {
    return this.serial(async () => {
      const { db } = this.deps;
      const now = this.deps.now().getTime();
      await db.transaction('rw', db.authors, async () => {
        await db.authors.toCollection().modify((row) => {
          row.judgement = judgeAuthor(row.state, row.profile, { sensitivity, now });
          row.verdict = row.judgement.verdict;
        });
      });
      this.deps.onRejudged?.();
    });
  }

  private async record(tweetsIn: TweetFacts[], profilesIn: AuthorProfile[]): Promise<VerdictLite[]> {
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
    const verdicts = await db.transaction('rw', db.tweets, db.authors, db.days, async () => {
      const known = await db.tweets.bulkGet([...tweets.keys()]);
      const fresh = [...tweets.values()].filter((_, i) => !known[i]);

      const keys = new Set<string>(profiles.keys());
      for (const t of tweets.values()) keys.add(authorKey(t.authorHandle));
      const keyList = [...keys];
      const rows = new Map<string, StoredAuthor>();
      (await db.authors.bulkGet(keyList)).forEach((r, i) => r && rows.set(keyList[i]!, r));
      const before = new Map([...rows].map(([k, r]) => [k, r.verdict]));

      // A handle we have not seen, but an id we have: the account was renamed. Move its evidence.
      for (const key of keyList) {
        if (rows.has(key)) continue;
        const id = profiles.get(key)?.id ?? [...tweets.values()].find((t) => authorKey(t.authorHandle) === key)?.authorId;
        if (!id) continue;
        const old = await db.authors.where('authorId').equals(id).first();
        if (old && old.key !== key) {
          await db.authors.delete(old.key);
          rows.set(key, { ...old, key, handle: profiles.get(key)?.handle ?? old.handle });
        }
      }

      const touched = new Set<string>();
      const tweetRows: TweetRow[] = [];
      let selling = 0;
      for (const t of fresh) {
        const key = authorKey(t.authorHandle);
        let row = rows.get(key);
        const profile = mergeProfile(row?.profile, profiles.get(key));
        if (!row) {
          row = {
            key,
            handle: t.authorHandle,
            state: newAuthorState(t.authorHandle),
            judgement: emptyJudgement(),
            verdict: 'unknown',
            updatedAt: now,
          };
          rows.set(key, row);
        }
        if (t.authorName) row.name = t.authorName;
        if (t.authorId) row.authorId = t.authorId;
        row.profile = profile;
        const post = judgePost(t, profile);
        // Whether this post was selling, judged as `npm run eval` does: in the light of the
        // author's earlier posts (a repeat of an earlier pitch counts more).
        const isSelling = pSellingInContext(row.state, t, post) >= postThreshold('balanced');
        row.state = addPost(row.state, t, post, now);
        if (isSelling) selling++;
        tweetRows.push({ id: t.id, authorKey: key, day: today, selling: isSelling ? 1 : 0, hidden: 0 });
        touched.add(key);
      }
      for (const [key, p] of profiles) {
        const row = rows.get(key);
        if (!row) continue; // A profile alone, with no post seen, is not an author we judge yet.
        row.profile = mergeProfile(row.profile, p);
        if (p.id) row.authorId = p.id;
        if (p.name) row.name = p.name;
        touched.add(key);
      }
      for (const key of touched) {
        const row = rows.get(key)!;
        // The previous verdict gives hysteresis: one new post does not flip seller / not seller.
        row.judgement = judgeAuthor(row.state, row.profile, { sensitivity: settings.sensitivity, now, previous: row.judgement?.verdict });
        row.verdict = row.judgement.verdict;
        row.updatedAt = now;
      }

      if (tweetRows.length) await db.tweets.bulkPut(tweetRows);
      if (touched.size) await db.authors.bulkPut([...touched].map((k) => rows.get(k)!));
      for (const k of touched) changes.push({ before: before.get(k), row: rows.get(k)! });
      if (fresh.length) {
        const d: DayRow = (await db.days.get(today)) ?? { day: today, seen: 0, selling: 0, hidden: 0 };
        d.seen += fresh.length;
        d.selling += selling;
        await db.days.put(d);
      }
      return [...rows.values()].map(toVerdictLite);
    });
    this.deps.onAuthorsChanged?.(changes, today);
    return verdicts;
  }

  /** Drop per-tweet rows older than `days` (daily totals stay) and stale unjudged authors. */
  prune(days = 90): Promise<void> {
    return this.serial(async () => {
      const { db } = this.deps;
      const now = this.deps.now();
      const cutoff = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - days));
      await db.tweets.where('day').below(cutoff).delete();
      const staleBefore = now.getTime() - days * 86_400_000;
      await db.authors
        .where('updatedAt')
        .below(staleBefore)
        .filter((a) => a.verdict === 'unknown' || a.verdict === 'conversationalist')
        .delete();
    });
  }
}

function emptyJudgement(): AuthorJudgement {
  return { verdict: 'unknown', confidence: 0, sellingShare: 0, posts: 0, sellingPosts: 0, reasons: [] };
}
