// What the content script has to tell the background, batched and delivered in order.
//
//   lane.add(item) ──► pending (by key; a newer item replaces a pending one) ──► one timer, flushMs
//                                                                                 │
//   pump: for each lane in the order declared, send batches of its ready items ◄──┘
//     ok      ─► delivered (a `once` lane never sends that key again); full batches again once the lane is empty
//     failure ─► items go back to the front; retried after a growing pause;
//                a batch that failed twice is split in two, an item that failed twice alone is dropped
//
// Lanes are pumped in order so that, e.g., "tweets hidden" never reaches the background before the
// tweets themselves. No timer runs while there is nothing to send; aborting the signal stops all.
//
// Busy timelines get fewer, larger messages: a pump comes flushMs after the first new item, but no
// sooner than busyFlushMs after the previous pump, and it sends only what was waiting when it
// started (what arrives while a send is on its way waits for the next pump: else a busy timeline
// sent a batch per round trip, several a second). Per-page memory is bounded: at most maxPending
// items wait per lane (the oldest go first), and a `once` lane remembers delivered keys by count and age.
import { BoundedSet } from '../shared/bounded-map';

export interface LaneSpec<T> {
  /** Identity of an item: pending items with the same key are merged (the newer wins). */
  key(item: T): string;
  /** Delivers one batch; throws (or rejects) when it was not delivered. */
  send(batch: T[]): Promise<void>;
  /** Largest batch (default 200). */
  maxBatch?: number;
  /** Each key is delivered at most once for the life of the page (default false). */
  once?: boolean;
  /** Where a `once` lane keeps its delivered keys (default: its own bounded set, DELIVERED). */
  delivered?: DeliveredKeys;
  /** Items not yet ready to go wait without counting as failures (default: all ready). */
  ready?(item: T): boolean;
  /** Most items waiting; beyond it the oldest is dropped (default 5000). */
  maxPending?: number;
}

/** Keys delivered: a set that may forget (bounded). */
export interface DeliveredKeys {
  has(key: string): boolean;
  add(key: string): void;
}

export interface OutboxOptions {
  signal: AbortSignal;
  /** Delay from the first new item to the send (default 250 ms). */
  flushMs?: number;
  /** Longest pause between retries (default 30 s). */
  maxBackoffMs?: number;
  /** Shortest time from one pump to the next while items keep coming (default: flushMs). */
  busyFlushMs?: number;
}

/**
 * Delivered keys a `once` lane remembers: as many as the intake remembers tweets read (a tweet it
 * forgot is read and offered again; the background also counts each tweet once).
 */
const DELIVERED = { max: 2000, maxAgeMs: 3_600_000 };

export interface Lane<T> {
  add(item: T): void;
  /** The key was delivered (only tracked for `once` lanes). */
  delivered(key: string): boolean;
  readonly pending: number;
  /** Items given up on after failing alone twice. */
  readonly dropped: number;
}

class LaneState<T> implements Lane<T> {
  readonly items = new Map<string, T>();
  /** When each pending key was added (a count of adds): a pump takes only what was there when it began. */
  readonly addedAt = new Map<string, number>();
  private adds = 0;
  /** Items added after this count wait for the next pump (Infinity between pumps). */
  cutoff = Infinity;
  readonly done: DeliveredKeys;
  limit: number;
  failuresInRow = 0;
  dropped = 0;

  constructor(
    readonly spec: LaneSpec<T>,
    private readonly onAdd: () => void,
  ) {
    this.limit = this.maxBatch;
    this.done = spec.delivered ?? new BoundedSet<string>(DELIVERED);
  }

  get maxBatch(): number {
    return Math.max(1, this.spec.maxBatch ?? 200);
  }

  get pending(): number {
    return this.items.size;
  }

  add(item: T): void {
    const key = this.spec.key(item);
    if (this.spec.once && this.done.has(key)) return;
    this.items.delete(key);
    this.items.set(key, item);
    this.addedAt.set(key, ++this.adds);
    const max = this.spec.maxPending ?? 5000;
    while (this.items.size > max) {
      this.remove(this.items.keys().next().value as string);
      this.dropped++;
    }
    this.onAdd();
  }

  delivered(key: string): boolean {
    return this.done.has(key);
  }

  remove(key: string): void {
    this.items.delete(key);
    this.addedAt.delete(key);
  }

  /** The pump about to start takes what is pending now. */
  beginPump(): void {
    this.cutoff = this.adds;
  }

  endPump(): void {
    this.cutoff = Infinity;
  }

  readyBatch(): T[] {
    const out: T[] = [];
    for (const [key, item] of this.items) {
      if (out.length >= this.limit) break;
      if ((this.addedAt.get(key) ?? 0) > this.cutoff) continue;
      if (!this.spec.ready || this.spec.ready(item)) out.push(item);
    }
    return out;
  }

  hasReady(): boolean {
    for (const item of this.items.values()) if (!this.spec.ready || this.spec.ready(item)) return true;
    return false;
  }

  /** Put a failed batch back in front, unless a newer item with the same key arrived meanwhile. */
  putBack(batch: T[]): void {
    const rest = [...this.items];
    this.items.clear();
    for (const item of batch) {
      const key = this.spec.key(item);
      this.items.set(key, item);
      if (!this.addedAt.has(key)) this.addedAt.set(key, 0);
    }
    for (const [k, v] of rest) {
      this.items.delete(k);
      this.items.set(k, v);
    }
  }
}

export class Outbox {
  private readonly lanes: LaneState<any>[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pumping = false;
  /** Failed pumps in a row: the pause before the next one doubles with each. */
  private backoff = 0;
  private readonly flushMs: number;
  private readonly maxBackoffMs: number;
  private readonly busyFlushMs: number;
  private lastPump = -Infinity;

  constructor(private readonly options: OutboxOptions) {
    this.flushMs = options.flushMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.busyFlushMs = options.busyFlushMs ?? this.flushMs;
    options.signal.addEventListener('abort', () => clearTimeout(this.timer), { once: true });
  }

  /** A new lane, pumped after the lanes declared before it. */
  lane<T>(spec: LaneSpec<T>): Lane<T> {
    const lane = new LaneState<T>(spec, () => this.schedule(this.nextDelay()));
    this.lanes.push(lane);
    return lane;
  }

  /** Sends what is ready now (tests and shutdown); normally the timer calls it. */
  async flush(): Promise<void> {
    if (this.pumping || this.options.signal.aborted) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pumping = true;
    this.lastPump = Date.now();
    let failed = false;
    for (const lane of this.lanes) lane.beginPump();
    try {
      for (const lane of this.lanes) {
        if (!(await this.drain(lane))) {
          failed = true;
          break; // Later lanes may depend on this one: wait for it.
        }
      }
    } finally {
      for (const lane of this.lanes) lane.endPump();
      this.pumping = false;
    }
    this.backoff = failed ? this.backoff + 1 : 0;
    if (this.lanes.some((l) => l.hasReady())) {
      this.schedule(failed ? Math.min(this.maxBackoffMs, this.flushMs * 2 ** this.backoff) : this.nextDelay());
    }
  }

  /** flushMs from now, but not sooner than busyFlushMs after the last pump. */
  private nextDelay(): number {
    return Math.max(this.flushMs, this.lastPump + this.busyFlushMs - Date.now());
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined || this.pumping || this.options.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  /** Sends the lane's ready items batch by batch; false when a batch failed. */
  private async drain<T>(lane: LaneState<T>): Promise<boolean> {
    for (;;) {
      if (this.options.signal.aborted) return true;
      const batch = lane.readyBatch();
      if (!batch.length) return true;
      for (const item of batch) lane.remove(lane.spec.key(item));
      try {
        await lane.spec.send(batch);
      } catch {
        this.failed(lane, batch);
        return false;
      }
      if (lane.spec.once) for (const item of batch) lane.done.add(lane.spec.key(item));
      lane.failuresInRow = 0;
      // Small batches until the lane is empty: growing back sooner would re-send a bad item in a big batch.
      if (lane.items.size === 0) lane.limit = lane.maxBatch;
    }
  }

  private failed<T>(lane: LaneState<T>, batch: T[]): void {
    lane.failuresInRow++;
    if (lane.failuresInRow < 2) return lane.putBack(batch);
    lane.failuresInRow = 0;
    if (batch.length > 1) {
      // Twice the same batch: something in it may be what fails. Halve until it is found.
      lane.limit = Math.ceil(batch.length / 2);
      return lane.putBack(batch);
    }
    lane.dropped++; // Failed twice on its own: give up on it rather than block everything after it.
  }
}
