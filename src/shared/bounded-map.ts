// A Map that forgets: at most `max` entries, each for at most `maxAgeMs` since it was last set.
// Per-tab state (tweet ids seen, authors sent, page facts) lives in these, so a tab left open on
// X for a day holds no more than a few thousand small entries.
//
// Entries are kept in the order they were set, so the oldest are always at the front: trimming
// by count or by age only ever looks at the front.
//
// Small per entry, as a tab holds thousands: a set's entry is its key and the time it was set;
// a map's adds the value. Times are kept in ms since the collection was made, which V8 stores
// as a small integer in place for 12 days (a Date.now() would be a heap number per entry).

export interface Bounds {
  max: number;
  maxAgeMs: number;
}

/** Key → time it was last set, in insertion order; what BoundedMap and BoundedSet share. */
class Stamps<K> {
  readonly at = new Map<K, number>();
  private readonly base: number;

  constructor(
    private readonly bounds: Bounds,
    private readonly now: () => number,
  ) {
    this.base = now();
  }

  /** Math.floor keeps it a small integer: a bare difference of two Date.now() is a heap number in V8's interpreter. */
  private clock(): number {
    return Math.floor(this.now() - this.base);
  }

  /** Stamps a key as the newest, then trims; `dropped` hears of each key trimmed away (oldest first). */
  touch(key: K, dropped: (key: K) => void): void {
    this.at.delete(key);
    this.at.set(key, this.clock());
    this.trim(dropped);
  }

  /** False (and dropped) once expired; undefined for a key never set. */
  fresh(key: K, dropped: (key: K) => void): boolean | undefined {
    const at = this.at.get(key);
    if (at === undefined) return undefined;
    if (this.clock() - at > this.bounds.maxAgeMs) {
      this.at.delete(key);
      dropped(key);
      return false;
    }
    return true;
  }

  trim(dropped: (key: K) => void): void {
    const m = this.at;
    while (m.size > this.bounds.max) {
      const oldest = m.keys().next().value as K;
      m.delete(oldest);
      dropped(oldest);
    }
    const cutoff = this.clock() - this.bounds.maxAgeMs;
    for (const [k, at] of m) {
      if (at >= cutoff) break;
      m.delete(k);
      dropped(k);
    }
  }
}

const ignore = (): void => undefined;

export class BoundedMap<K, V> {
  private readonly stamps: Stamps<K>;
  private readonly values = new Map<K, V>();
  private readonly drop = (key: K): void => void this.values.delete(key);

  constructor(bounds: Bounds, now: () => number = Date.now) {
    this.stamps = new Stamps(bounds, now);
  }

  /** Sets (or refreshes) a key: it becomes the newest. */
  set(key: K, value: V): this {
    this.values.set(key, value);
    this.stamps.touch(key, this.drop);
    return this;
  }

  /** The value, unless the entry expired (an expired entry is dropped). Does not refresh. */
  get(key: K): V | undefined {
    return this.stamps.fresh(key, this.drop) ? this.values.get(key) : undefined;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  delete(key: K): boolean {
    this.values.delete(key);
    return this.stamps.at.delete(key);
  }

  clear(): void {
    this.values.clear();
    this.stamps.at.clear();
  }

  /** Entries held, expired ones included until the next trim. */
  get size(): number {
    return this.stamps.at.size;
  }

  /** Drops entries beyond the count and older than the age limit. */
  trim(): void {
    this.stamps.trim(this.drop);
  }
}

/** A set with the same bounds: one Map of key → time, nothing else per entry. */
export class BoundedSet<K> {
  private readonly stamps: Stamps<K>;
  constructor(bounds: Bounds, now: () => number = Date.now) {
    this.stamps = new Stamps(bounds, now);
  }
  add(key: K): this {
    this.stamps.touch(key, ignore);
    return this;
  }
  has(key: K): boolean {
    return this.stamps.fresh(key, ignore) === true;
  }
  delete(key: K): boolean {
    return this.stamps.at.delete(key);
  }
  clear(): void {
    this.stamps.at.clear();
  }
  get size(): number {
    return this.stamps.at.size;
  }
}
