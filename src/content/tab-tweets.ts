// What a tab remembers about each tweet it met, in one place: one entry per tweet id holding its
// author and a few bits (read, ad, delivered, counted, hidden once, shown once, undo offered).
// Before, each of these was its own bounded Set or Map of the same 2,000 ids (ten collections,
// each with its own hash table, stamps and often its own copy of the id string); the page heap
// paid for all of them.
//
//   id ─► hash table (status ids as two numbers) ─► ring of slots: id, time first met, flags,
//                                                   author (an index into a small table of
//                                                   handles, shared by all that author's tweets)
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
/** `lo` of a slot given up (its entry moved or forgotten), and of a key that is not a status id. */
const FREE = -1;
const OTHER = -2;

export class TabTweets {
  /**
   * Status ids (decimal, up to 20 digits) are kept as numbers, not strings: the digits above the
   * last nine, and the last nine. A string and a Map entry per id were two thirds of this table's
   * memory (about 80 of 110 bytes a tweet). They are found through an open-addressed hash table
   * of slot + 1 (0: empty), at most half full, with linear probing.
   */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly hi: Float64Array;
  private readonly lo: Int32Array;
  /** Keys that are not status ids (a link X gave no id; tests): by string, both ways. */
  private readonly other = new Map<string, number>();
  private readonly otherKeys = new Map<number, string>();
  private readonly at: Float64Array;
  private readonly bits: Uint16Array;
  private readonly authorAt: Int32Array;
  private head = 0;
  private used = 0;
  private live = 0;
  /** The id parse() read last. */
  private pHi = 0;
  private pLo = 0;
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
    let size = 8;
    while (size < 2 * n) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    this.hi = new Float64Array(n);
    this.lo = new Int32Array(n).fill(FREE);
    this.at = new Float64Array(n);
    this.bits = new Uint16Array(n);
    this.authorAt = new Int32Array(n).fill(NO_AUTHOR);
  }

  /** Entries held (expired ones included until the next trim). */
  get size(): number {
    return this.live;
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
    for (let s = 0; s < this.bits.length; s++) this.bits[s]! &= ~flag; // A slot taken again starts at 0 anyway.
  }

  /** A Set-like view of one bit, for code that wants `has` / `add` (the Outbox's delivered keys). */
  view(flag: number): { has(id: string): boolean; add(id: string): void } {
    return { has: (id) => this.is(id, flag), add: (id) => this.mark(id, flag) };
  }

  private slot(id: string): number | undefined {
    const s = this.find(id);
    if (s < 0) return undefined;
    if (this.now() - this.at[s]! > this.bounds.maxAgeMs) {
      this.release(s);
      return undefined;
    }
    return s;
  }

  /** A new slot at the tail for `id`, trimming the head by count and age first. */
  private take(id: string): number {
    const cap = this.at.length;
    const t = this.now();
    const cutoff = t - this.bounds.maxAgeMs;
    while (this.used > 0) {
      const h = this.head;
      const held = this.lo[h] !== FREE;
      if (this.used < cap && held && this.at[h]! >= cutoff) break;
      if (held) this.release(h);
      this.head = (h + 1) % cap;
      this.used--;
    }
    const s = (this.head + this.used) % cap;
    this.used++;
    this.at[s] = t;
    this.bits[s] = 0;
    this.authorAt[s] = NO_AUTHOR;
    this.index(s, id);
    return s;
  }

  /** Moves an entry to the tail (its old slot is given up). */
  private move(from: number, id: string): number {
    const bits = this.bits[from]!;
    const author = this.authorAt[from]!;
    this.authorAt[from] = NO_AUTHOR; // The reference moves with it.
    this.unindex(from);
    const s = this.take(id);
    this.bits[s] = bits;
    this.authorAt[s] = author;
    return s;
  }

  /** Forgets the entry in slot `s` (the slot stays in the ring until the head passes it). */
  private release(s: number): void {
    if (this.lo[s] === FREE) return;
    this.unindex(s);
    const a = this.authorAt[s]!;
    this.authorAt[s] = NO_AUTHOR;
    if (a !== NO_AUTHOR && --this.refs[a]! === 0) {
      this.authorIndex.delete(this.handles[a]!);
      this.handles[a] = '';
      this.freeAuthors.push(a);
    }
  }

  /** Reads a status id (no leading zero, at most 20 digits) into pHi / pLo; false for any other key. */
  private parse(id: string): boolean {
    const n = id.length;
    if (n === 0 || n > 20 || (n > 1 && id.charCodeAt(0) === 48)) return false;
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < n; i++) {
      const d = id.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return false;
      if (i < n - 9) hi = hi * 10 + d;
      else lo = lo * 10 + d;
    }
    this.pHi = hi;
    this.pLo = lo;
    return true;
  }

  /** Where an id's search starts in the table. */
  private home(hi: number, lo: number): number {
    let h = Math.imul(lo ^ Math.imul(hi | 0, 0x85ebca6b), 0x9e3779b1);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** The slot holding `id`, or -1. */
  private find(id: string): number {
    if (!this.parse(id)) return this.other.get(id) ?? -1;
    const { pHi: hi, pLo: lo, table, mask } = this;
    for (let i = this.home(hi, lo); ; i = (i + 1) & mask) {
      const e = table[i]!;
      if (e === 0) return -1;
      if (this.lo[e - 1] === lo && this.hi[e - 1] === hi) return e - 1;
    }
  }

  /** Files slot `s` under `id`. */
  private index(s: number, id: string): void {
    this.live++;
    if (!this.parse(id)) {
      this.lo[s] = OTHER;
      this.other.set(id, s);
      this.otherKeys.set(s, id);
      return;
    }
    this.hi[s] = this.pHi;
    this.lo[s] = this.pLo;
    let i = this.home(this.pHi, this.pLo);
    while (this.table[i] !== 0) i = (i + 1) & this.mask;
    this.table[i] = s + 1;
  }

  /** Takes slot `s` out of the index (it is given up). */
  private unindex(s: number): void {
    const lo = this.lo[s]!;
    if (lo === FREE) return;
    this.live--;
    this.lo[s] = FREE;
    if (lo === OTHER) {
      this.other.delete(this.otherKeys.get(s)!);
      this.otherKeys.delete(s);
      return;
    }
    const { table, mask } = this;
    let i = this.home(this.hi[s]!, lo);
    while (table[i] !== s + 1) i = (i + 1) & mask;
    // Backward-shift deletion: pull later entries of the run into the gap where their search would pass it.
    table[i] = 0;
    for (let j = (i + 1) & mask; table[j] !== 0; j = (j + 1) & mask) {
      const e = table[j]!;
      const k = this.home(this.hi[e - 1]!, this.lo[e - 1]!);
      const between = i <= j ? i < k && k <= j : i < k || k <= j; // home in (i, j]: it stays
      if (between) continue;
      table[i] = e;
      table[j] = 0;
      i = j;
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
