// The extension's IndexedDB, through Dexie. Only the background worker opens it: it is the
// single writer, so there are no cross-context races to reason about.
//
// Schema history: every change is a new `version(n)` with its `upgrade`, never an edit of an
// old one (test/unit/background/db-upgrade.test.ts opens a database written by the previous
// version, with data, and checks nothing is lost). Every row read is checked (stored-rows.ts).
import Dexie, { type Table, type Transaction } from 'dexie';
import type { StoredAuthorState } from '../classifier/author';
import type { AuthorJudgement, AuthorProfile, Verdict } from '../shared/types';
import { checkSamples, type SamplePost } from './author-samples';
import { SeenTweets } from './seen-tweets';
import { BUDGETS } from '../shared/budgets';
import { checkAuthor, checkDay, checkRowsOnRead, checkTweet, Integrity, type Checked } from './stored-rows';

/** One tweet seen on screen, as versions 1–5 kept it (version 6 keeps them in the author's row: seen-tweets.ts). */
export interface TweetRow {
  id: string;
  authorKey: string;
  /** Local day it was first seen, "YYYY-MM-DD". */
  day: string;
  /** 1 when the post was judged selling (numbers, not booleans: IndexedDB can index them). */
  selling: 0 | 1;
  /** 1 once quiet mode collapsed it. */
  hidden: 0 | 1;
}

/** The profile fields a stored author keeps: those the classifier reads, bounded (shared/budgets.ts). */
export type StoredProfile = Pick<
  AuthorProfile,
  'handle' | 'id' | 'bio' | 'bioUrls' | 'professionalType' | 'professionalCategory' | 'verifiedType' | 'affiliateLabel' | 'isFollowedByUser'
>;

/** An author as stored in IndexedDB (the popup's view of one is PopupAuthor in shared/messages.ts). */
export interface StoredAuthor {
  /** Lowercase handle. */
  key: string;
  handle: string;
  name?: string;
  /** Numeric X user id when known. Kept for reference; history never moves by it (trust model). */
  authorId?: string;
  state: StoredAuthorState;
  profile?: StoredProfile;
  judgement: AuthorJudgement;
  /** Copied out of judgement so it can be indexed. */
  verdict: AuthorJudgement['verdict'];
  /** The verdict from the posts alone, without page-only profile facts (background/judge-with-trust.ts). */
  postsVerdict?: Verdict;
  updatedAt: number;
  /** This author's tweets already counted, so each counts once (SeenTweets' stored form). */
  seen?: string;
  /** A couple of their posts, as evidence for the following audit (author-samples.ts). */
  samples?: SamplePost[];
}

export interface DayRow {
  day: string;
  seen: number;
  selling: number;
  hidden: number;
}

// ---- Following audit (issue 9) ---------------------------------------------------------------

/** One account of the viewer's Following list: id, handle, name, bio, and what the profile says. */
export interface FollowingRow {
  /** Numeric X user id. */
  id: string;
  /** Lowercase handle. */
  key: string;
  handle: string;
  name?: string;
  bio?: string;
  /** What the profile alone says (classifier's profile signs, plus organisation accounts). */
  profileAlpha: number;
  profileReasons: string[];
  /** Estimated selling share from the profile alone. */
  profileShare: number;
  /** Position in the list as X showed it (0 = followed most recently). */
  order: number;
  readAt: number;
  /** 1 once the user said "not a seller". */
  notSeller?: 1;
}

/** The one row ('following') that says whose list it is and how far it was read. */
export interface FollowingMetaRow {
  id: 'following';
  viewerId?: string;
  viewerHandle: string;
  /** M, from the viewer's profile. */
  total?: number;
  lastReadAt: number;
  reachedEnd: boolean;
  /** Next `order` to give (reset at the top of the list). */
  nextOrder: number;
  /** When the current read started at the top of the list; reaching its end then drops the accounts it did not see (unfollowed). */
  readFrom?: number;
}

/** A couple of an author's posts, as versions 2–5 kept them (version 6: StoredAuthor.samples). */
export interface SampleRow {
  key: string;
  posts: Array<{ text: string; selling: 0 | 1 }>;
  updatedAt: number;
}

/** Small derived records kept between worker starts (the popup's figures: popup-data.ts). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** Version 1's stores, as shipped in 0.1.0. */
const STORES_V1 = {
  tweets: '&id, day, authorKey',
  authors: '&key, authorId, verdict, updatedAt',
  days: '&day',
};

export class QuietBazaarDb extends Dexie {
  authors!: Table<StoredAuthor, string>;
  days!: Table<DayRow, string>;
  following!: Table<FollowingRow, string>;
  followingMeta!: Table<FollowingMetaRow, string>;
  /** Small derived records kept between worker starts (the popup's figures: popup-data.ts). */
  meta!: Table<MetaRow, string>;
  /** What the checks on read repaired or dropped. */
  readonly integrity = new Integrity();

  constructor(name = 'quiet-bazaar') {
    super(name);
    // Nothing here uses liveQuery: without Dexie's observability layer a write builds no key
    // ranges for it, and a transaction posts none to a BroadcastChannel when it commits (work in
    // the worker and in the browser process after every batch).
    this.unuse({ stack: 'dbcore', name: 'Observability' });
    this.version(1).stores(STORES_V1);
    // Following audit (issue 9): the viewer's Following list, and sample posts per author.
    this.version(2).stores({
      following: '&id, key',
      followingMeta: '&id',
      samples: '&key, updatedAt',
    });
    this.version(3).stores({ meta: '&key' });
    // 4: same stores; every existing author, day and tweet row is checked once (bounded
    // profiles, repaired counts), so rows written by earlier versions start sound.
    this.version(4).stores({}).upgrade(async (tx) => {
      const repair = <T>(check: (raw: unknown) => Checked<T>) => (value: unknown, ref: { value: unknown }) => {
        const checked = value === undefined ? null : check(value);
        if (checked) ref.value = checked.row;
        else delete (ref as { value?: unknown }).value;
      };
      await tx.table('authors').toCollection().modify(repair(checkAuthor));
      await tx.table('days').toCollection().modify(repair(checkDay));
      await tx.table('tweets').toCollection().modify(repair(checkTweet));
    });
    // 5: the tweets' authorKey index is dropped: nothing reads by it, and every tweet recorded
    // paid for an entry in it (the rows keep the field).
    this.version(5).stores({ tweets: '&id, day' });
    // 6: one row per author. Its counted tweets (a row each, two requests per tweet seen) and its
    // audit samples (a row of their own) move into the author's row, which every batch reads and
    // writes anyway; 7 then deletes the two tables (Dexie reads a table in an upgrade only in a
    // version before the one that deletes it).
    this.version(6).stores({}).upgrade((tx) => moveIntoAuthors(tx));
    this.version(7).stores({ tweets: null, samples: null });
    checkRowsOnRead(this, this.integrity);
  }

  /** Writes back the rows the checks repaired and deletes those they dropped, if still so. */
  async writeBackRepairs(): Promise<void> {
    const { pending } = this.integrity;
    for (const name of ['authors', 'days'] as const) {
      const keys = [...pending[name].keys()];
      if (!keys.length) continue;
      pending[name].clear();
      const table = this[name] as Table<unknown, string>;
      await this.transaction('rw', table, async () => {
        for (const key of keys) {
          const current = await table.get(key); // checked again: notes it anew if still damaged
          if (!pending[name].has(key)) continue;
          pending[name].delete(key);
          if (current === undefined) await table.delete(key);
          else await table.put(current);
        }
      });
    }
  }
}

/**
 * Version 6's move: each author's newest counted tweets (as many as BUDGETS.seenPerAuthor, by id:
 * X's ids grow with time) and its samples into its row. Tweets and samples of authors with no row
 * (pruned) go with their tables.
 */
async function moveIntoAuthors(tx: Transaction): Promise<void> {
  const byAuthor = new Map<string, TweetRow[]>();
  await tx.table('tweets').each((raw: unknown) => {
    const checked = checkTweet(raw);
    if (!checked) return;
    const list = byAuthor.get(checked.row.authorKey);
    if (list) list.push(checked.row);
    else byAuthor.set(checked.row.authorKey, [checked.row]);
  });
  const samples = new Map<string, unknown>();
  await tx.table('samples').each((raw: unknown) => {
    const r = raw as Partial<SampleRow> | null;
    if (r && typeof r.key === 'string') samples.set(r.key, r.posts);
  });
  const newer = (a: TweetRow, b: TweetRow) => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  await tx
    .table('authors')
    .toCollection()
    .modify((row: Record<string, unknown> | undefined) => {
      // A row the checks drop on read (checkRowsOnRead) comes here as undefined: left for them.
      if (!row || typeof row !== 'object') return;
      const key = typeof row.key === 'string' ? row.key : '';
      const tweets = byAuthor.get(key);
      if (tweets) {
        const seen = new SeenTweets();
        for (const t of tweets.sort(newer).slice(-BUDGETS.seenPerAuthor)) {
          seen.add(t.id, t.day, t.selling === 1);
          if (t.hidden === 1) seen.hide(t.id);
        }
        row.seen = seen.toString();
      }
      const posts = checkSamples(samples.get(key));
      if (posts?.samples.length) row.samples = posts.samples;
    });
}
