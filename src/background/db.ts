// The extension's IndexedDB, through Dexie. Only the background worker opens it: it is the
// single writer, so there are no cross-context races to reason about.
//
// Schema history: every change is a new `version(n)` with its `upgrade`, never an edit of an
// old one (test/unit/background/db-upgrade.test.ts opens a database written by the previous
// version, with data, and checks nothing is lost). Every row read is checked (stored-rows.ts).
import Dexie, { type Table } from 'dexie';
import type { StoredAuthorState } from '../classifier/author';
import type { AuthorJudgement, AuthorProfile, Verdict } from '../shared/types';
import { checkAuthor, checkDay, checkRowsOnRead, checkTweet, Integrity, type Checked } from './stored-rows';

/** One tweet seen on screen, kept for deduplication and per-day counts. */
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

/** A couple of an author's posts, as evidence for the audit. */
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
  tweets!: Table<TweetRow, string>;
  authors!: Table<StoredAuthor, string>;
  days!: Table<DayRow, string>;
  following!: Table<FollowingRow, string>;
  followingMeta!: Table<FollowingMetaRow, string>;
  samples!: Table<SampleRow, string>;
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
    checkRowsOnRead(this, this.integrity);
  }

  /** Writes back the rows the checks repaired and deletes those they dropped, if still so. */
  async writeBackRepairs(): Promise<void> {
    const { pending } = this.integrity;
    for (const name of ['authors', 'days', 'tweets'] as const) {
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
