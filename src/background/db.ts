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

export class QuietBazaarDb extends Dexie {
  tweets!: Table<TweetRow, string>;
  authors!: Table<StoredAuthor, string>;
  days!: Table<DayRow, string>;

  constructor(name = 'quiet-bazaar') {
    super(name);
    this.version(1).stores({
      tweets: '&id, day, authorKey',
      authors: '&key, authorId, verdict, updatedAt',
      days: '&day',
    });
  }
}
