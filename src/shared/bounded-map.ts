// A Map that forgets: at most `max` entries, each for at most `maxAgeMs` since it was last set.
// Per-tab state (tweet ids seen, authors sent, page facts) lives in these, so a tab left open on
// X for a day holds no more than a few thousand small entries.
//
// Entries are kept in the order they were set, so the oldest are always at the front: trimming
// by count or by age only ever looks at the front.

export interface Bounds {
  max: number;
  maxAgeMs: number;
}

export class BoundedMap<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();

  constructor(
    private readonly bounds: Bounds,
    private readonly now: () => number = Date.now,
  ) {}

  /** Sets (or refreshes) a key: it becomes the newest. */
  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.now() });
    this.trim();
    return this;
  }

  /** The value, unless the entry expired (an expired entry is dropped). Does not refresh. */
  get(key: K): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() - e.at > this.bounds.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Entries held, expired ones included until the next trim. */
  get size(): number {
    return this.entries.size;
  }

  /** Drops entries beyond the count and older than the age limit. */
  trim(): void {
    const m = this.entries;
    while (m.size > this.bounds.max) m.delete(m.keys().next().value as K);
    const cutoff = this.now() - this.bounds.maxAgeMs;
    for (const [k, e] of m) {
      if (e.at >= cutoff) break;
      m.delete(k);
    }
  }
}

/** A set with the same bounds. */
export class BoundedSet<K> {
  private readonly map: BoundedMap<K, true>;
  constructor(bounds: Bounds, now?: () => number) {
    this.map = new BoundedMap(bounds, now);
  }
  add(key: K): this {
    this.map.set(key, true);
    return this;
  }
  has(key: K): boolean {
    return this.map.has(key);
  }
  delete(key: K): boolean {
    return this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
  get size(): number {
    return this.map.size;
  }
}
