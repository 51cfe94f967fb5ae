// The tweets of one author already counted, kept in that author's own row (db.ts, version 6).
//
// Each tweet is counted once, however many tabs or scrolls show it. A row per tweet cost two
// IndexedDB requests per tweet (read, write) on top of the author's; in the author's row it costs
// nothing more: the row is read and written for each batch anyway.
//
// Stored as one string, "id.YYYYMMDD.flags" entries separated by spaces, oldest first (flags: 1 the
// post was judged selling, 2 quiet mode hid it). A string is copied in one piece when the row is
// written and checked by one regular expression when it is read.
import { BUDGETS } from '../shared/budgets';

const ENTRY = /^(\d{1,25})\.(\d{8})\.([0-3])$/;
const WHOLE = /^\d{1,25}\.\d{8}\.[0-3](?: \d{1,25}\.\d{8}\.[0-3])*$/;
const SELLING = 1;
const HIDDEN = 2;

/** "2026-12-02" → "20261202", and back. */
const pack = (day: string) => day.replace(/-/g, '');
const unpack = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

/** Entries in a sound value: one more than its spaces. */
function entries(value: string): number {
  let n = 1;
  for (let i = value.indexOf(' '); i >= 0; i = value.indexOf(' ', i + 1)) n++;
  return n;
}

export class SeenTweets {
  private readonly ids: string[] = [];
  private readonly days: string[] = [];
  private readonly flags: number[] = [];
  private index: Map<string, number> | null = null;

  /**
   * The entries of a stored value. `repaired` when anything in it had to be dropped (a damaged
   * row, or more entries than SEEN_PER_AUTHOR: the oldest go).
   */
  static read(raw: unknown): { seen: SeenTweets; repaired: boolean } {
    const seen = new SeenTweets();
    if (raw === undefined || raw === '') return { seen, repaired: false };
    if (typeof raw !== 'string' || raw.length > BUDGETS.seenPerAuthor * 40) return { seen, repaired: true };
    const sound = WHOLE.test(raw);
    for (const entry of raw.split(' ')) {
      const m = sound ? null : ENTRY.exec(entry);
      if (sound) {
        const [id, day, flags] = entry.split('.');
        seen.push(id!, day!, Number(flags));
      } else if (m) seen.push(m[1]!, m[2]!, Number(m[3]));
    }
    const over = seen.ids.length - BUDGETS.seenPerAuthor;
    if (over > 0) seen.drop(over);
    return { seen, repaired: !sound || over > 0 };
  }

  /**
   * A stored value checked without taking it apart (every read of an author row checks it): the
   * value itself when sound, else what could be kept of it (undefined: nothing).
   */
  static check(raw: unknown): { value: string | undefined; repaired: boolean } {
    if (raw === undefined || raw === '') return { value: undefined, repaired: false };
    if (typeof raw === 'string' && raw.length <= BUDGETS.seenPerAuthor * 40 && WHOLE.test(raw) && entries(raw) <= BUDGETS.seenPerAuthor) {
      return { value: raw, repaired: false };
    }
    const { seen } = SeenTweets.read(raw);
    return { value: seen.size ? seen.toString() : undefined, repaired: true };
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.lookup().has(id);
  }

  /** Counts a tweet first seen on `day` ("YYYY-MM-DD"); the oldest entry goes when full. False if already counted. */
  add(id: string, day: string, selling: boolean): boolean {
    if (this.has(id)) return false;
    this.push(id, pack(day), selling ? SELLING : 0);
    this.index?.set(id, this.ids.length - 1);
    if (this.ids.length > BUDGETS.seenPerAuthor) this.drop(this.ids.length - BUDGETS.seenPerAuthor);
    return true;
  }

  /** Marks a counted tweet hidden: the day it was first seen ("YYYY-MM-DD"), or null when unknown or already hidden. */
  hide(id: string): string | null {
    const i = this.lookup().get(id);
    if (i === undefined || this.flags[i]! & HIDDEN) return null;
    this.flags[i]! |= HIDDEN;
    return unpack(this.days[i]!);
  }

  toString(): string {
    let out = '';
    for (let i = 0; i < this.ids.length; i++) out += `${i ? ' ' : ''}${this.ids[i]}.${this.days[i]}.${this.flags[i]}`;
    return out;
  }

  private push(id: string, day: string, flags: number): void {
    this.ids.push(id);
    this.days.push(day);
    this.flags.push(flags);
  }

  private drop(n: number): void {
    this.ids.splice(0, n);
    this.days.splice(0, n);
    this.flags.splice(0, n);
    this.index = null;
  }

  private lookup(): Map<string, number> {
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.ids.length; i++) this.index.set(this.ids[i]!, i);
    }
    return this.index;
  }
}
