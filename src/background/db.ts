// The extension's IndexedDB, through Dexie. Only the background worker opens it: it is the
// single writer, so there are no cross-context races to reason about.
import Dexie, { type Table } from 'dexie';
import type { AuthorState } from '../classifier';
import type { AuthorJudgement, AuthorProfile } from '../shared/types';

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

export interface StoredAuthor {
  /** Lowercase handle. */
  key: string;
  handle: string;
  name?: string;
  /** Numeric X user id when known: handles change, ids do not. */
  authorId?: string;
  state: AuthorState;
  profile?: AuthorProfile;
  judgement: AuthorJudgement;
  /** Copied out of judgement so it can be indexed. */
  verdict: AuthorJudgement['verdict'];
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

export class QuietBazaarDb extends Dexie {
  tweets!: Table<TweetRow, string>;
  authors!: Table<StoredAuthor, string>;
  days!: Table<DayRow, string>;
  following!: Table<FollowingRow, string>;
  followingMeta!: Table<FollowingMetaRow, string>;
  samples!: Table<SampleRow, string>;
  /** Small derived records kept between worker starts (the popup's figures: popup-data.ts). */
  meta!: Table<MetaRow, string>;

  constructor(name = 'quiet-bazaar') {
    super(name);
    this.version(1).stores({
      tweets: '&id, day, authorKey',
      authors: '&key, authorId, verdict, updatedAt',
      days: '&day',
    });
    // Following audit (issue 9): the viewer's Following list, and sample posts per author.
    this.version(2).stores({
      following: '&id, key',
      followingMeta: '&id',
      samples: '&key, updatedAt',
    });
    this.version(3).stores({ meta: '&key' });
  }
}
