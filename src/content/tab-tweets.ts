// What a tab remembers about each tweet it met, in one place: one entry per tweet id holding its
// author and a few bits (read, ad, delivered, counted, hidden once, shown once, undo offered).
// Before, each of these was its own bounded Set or Map of the same 2,000 ids (ten collections,
// each with its own hash table, stamps and often its own copy of the id string); the page heap
// paid for all of them.
//
//   ids ─► Map id → slot ─► ring of slots: id, time first met, flags, author (an index into a
//                           small table of handles, shared by all that author's tweets)
//
// Bounded by count AND age (issue 12): slots are taken in the order tweets are first met, so the
// oldest is always at the ring's head and trimming by either bound only looks there. An entry
// the user acted on (Show, Always show) is moved to the tail, so their choice lasts as long as a
// new tweet would.
//
// Why 2,000 and an hour: X's virtualised list holds about 40 cells, but scrolling back re-renders
// tweets met long before; 2,000 is a long session of scrolling (an hour at one tweet every two
// seconds). What forgetting costs: a forgotten tweet rendered again is read again, counted again
// in the dry run's per-author counts and offered to the background again, which keeps each
// author's tweets by id and counts it once (src/background/seen-tweets.ts).
import type { Bounds } from '../shared/bounded-map';

/** The bits an entry carries. */
export const TWEET = {
  /** Read from the DOM (tweet-intake.ts): not read again. */
  read: 1,
  /** X marked it as an ad (the DOM or its API). */
  ad: 2,
  /** Delivered to the background (the reporter's tweets lane): not sent again. */
  delivered: 4,
  /** Counted in this page's per-author counts (following-reader.ts PageAuthors). */
  counted: 8,
  /** Counted as an ad there. */
  countedAd: 16,
  /** Collapsed at least once (quiet-mode.ts): the background heard of it once. */
  hidden: 32,
  /** The user chose "Show" on it. */
  shown: 64,
  /** A bar offers to take back "Show" ... */
  undoShown: 128,
  /** ... or "Always show". */
  undoAlways: 256,
} as const;

export const TAB_TWEETS: Bounds = { max: 2000, maxAgeMs: 3_600_000 };

const NO_AUTHOR = -1;

export class TabTweets {
  private readonly slotOf = new Map<string, number>();
  /** Ring of slots; an id of undefined is a slot given up (its entry moved or deleted). */
  private readonly ids: Array<string | undefined>;
  private readonly at: Float64Array;
  private readonly bits: Uint16Array;
  private readonly authorAt: Int32Array;
  private head = 0;
  private used = 0;
  /** Authors of the entries held: handle → index, with how many entries use each (freed at 0). */
  private readonly authorIndex = new Map<string, number>();
  private readonly handles: string[] = [];
  private readonly refs: number[] = [];
  private readonly freeAuthors: number[] = [];

  constructor(
    private readonly bounds: Bounds = TAB_TWEETS,
    private readonly now: () => number = Date.now,
  ) {
    const n = Math.max(1, bounds.max);
    this.ids = new Array<string | undefined>(n).fill(undefined);
    this.at = new Float64Array(n);
    this.bits = new Uint16Array(n);
    this.authorAt = new Int32Array(n).fill(NO_AUTHOR);
  }

  /** Entries held (expired ones included until the next trim). */
  get size(): number {
    return this.slotOf.size;
  }

  /** Whether the tweet is remembered (and not expired). */
  has(id: string): boolean {
    return this.slot(id) !== undefined;
  }

  /** Its bits; 0 for a tweet not remembered. */
  flags(id: string): number {
    const s = this.slot(id);
    return s === undefined ? 0 : this.bits[s]!;
  }

  /** Whether all of `flag` are set. */
  is(id: string, flag: number): boolean {
    return (this.flags(id) & flag) === flag;
  }

  /** The id string the entry keeps (so callers can key other maps by it instead of a copy). */
  storedId(id: string): string | undefined {
    const s = this.slot(id);
    return s === undefined ? undefined : this.ids[s];
  }

  /** The author's handle as first met, if known. */
  author(id: string): string | undefined {
    const s = this.slot(id);
    if (s === undefined) return undefined;
    const a = this.authorAt[s]!;
    return a === NO_AUTHOR ? undefined : this.handles[a];
  }

  /**
   * Sets bits on a tweet, remembering it if new (with its author when given; a known author is
   * kept). `renew` moves it to the newest place: it is forgotten last.
   */
  mark(id: string, flag: number, authorHandle?: string, renew = false): void {
    let s = this.slot(id);
    if (s === undefined) s = this.take(id);
    else if (renew) s = this.move(s, id);
    this.bits[s]! |= flag;
    if (authorHandle !== undefined && this.authorAt[s] === NO_AUTHOR) this.authorAt[s] = this.authorRef(authorHandle);
  }

  /** Clears bits on a tweet (it stays remembered). */
  unmark(id: string, flag: number): void {
    const s = this.slot(id);
    if (s !== undefined) this.bits[s]! &= ~flag;
  }

  /** Clears bits on every tweet (e.g. the page's counts start afresh on another path). */
  unmarkAll(flag: number): void {
    for (const s of this.slotOf.values()) this.bits[s]! &= ~flag;
  }

  /** A Set-like view of one bit, for code that wants `has` / `add` (the Outbox's delivered keys). */
  view(flag: number): { has(id: string): boolean; add(id: string): void } {
    return { has: (id) => this.is(id, flag), add: (id) => this.mark(id, flag) };
  }

  private slot(id: string): number | undefined {
    const s = this.slotOf.get(id);
    if (s === undefined) return undefined;
    if (this.now() - this.at[s]! > this.bounds.maxAgeMs) {
      this.release(s);
      return undefined;
    }
    return s;
  }

  /** A new slot at the tail for `id`, trimming the head by count and age first. */
  private take(id: string): number {
    const cap = this.ids.length;
    const t = this.now();
    const cutoff = t - this.bounds.maxAgeMs;
    while (this.used > 0) {
      const h = this.head;
      const old = this.ids[h];
      if (this.used < cap && old !== undefined && this.at[h]! >= cutoff) break;
      if (old !== undefined) this.release(h);
      this.head = (h + 1) % cap;
      this.used--;
    }
    const s = (this.head + this.used) % cap;
    this.used++;
    this.ids[s] = id;
    this.at[s] = t;
    this.bits[s] = 0;
    this.authorAt[s] = NO_AUTHOR;
    this.slotOf.set(id, s);
    return s;
  }

  /** Moves an entry to the tail (its old slot is given up). */
  private move(from: number, id: string): number {
    const bits = this.bits[from]!;
    const author = this.authorAt[from]!;
    this.authorAt[from] = NO_AUTHOR; // The reference moves with it.
    this.ids[from] = undefined;
    this.slotOf.delete(id);
    const s = this.take(id);
    this.bits[s] = bits;
    this.authorAt[s] = author;
    return s;
  }

  /** Forgets the entry in slot `s` (the slot stays in the ring until the head passes it). */
  private release(s: number): void {
    const id = this.ids[s];
    if (id === undefined) return;
    this.slotOf.delete(id);
    this.ids[s] = undefined;
    const a = this.authorAt[s]!;
    this.authorAt[s] = NO_AUTHOR;
    if (a !== NO_AUTHOR && --this.refs[a]! === 0) {
      this.authorIndex.delete(this.handles[a]!);
      this.handles[a] = '';
      this.freeAuthors.push(a);
    }
  }

  private authorRef(handle: string): number {
    let a = this.authorIndex.get(handle);
    if (a === undefined) {
      a = this.freeAuthors.pop() ?? this.handles.length;
      this.handles[a] = handle;
      this.refs[a] = 0;
      this.authorIndex.set(handle, a);
    }
    this.refs[a]!++;
    return a;
  }
}
