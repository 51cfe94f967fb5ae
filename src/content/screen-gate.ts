// Nothing moves under the reader: a change to a cell that is on screen waits until the cell has
// left the screen.
//
//   defer(cell, change) ──► IntersectionObserver(cell) ──► off screen (or gone) ──► change()
//                                                     └─► on screen ──► wait for it to leave
//
// Only cells with a change waiting are observed (a handful), never the whole timeline. The first
// report for a newly observed cell comes after the next frame: a cell off screen changes then.
// What the user asks for (Show, the quiet-mode switch) and a new cell of an already known seller
// (collapsed before it is painted) do not come through here.

type ObserverCtor = new (cb: IntersectionObserverCallback) => Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;

export class ScreenGate {
  private readonly waiting = new Map<Element, () => void>();
  private readonly observer: InstanceType<ObserverCtor> | null;

  constructor(signal: AbortSignal, Observer: ObserverCtor | null = globalThis.IntersectionObserver ?? null) {
    this.observer = Observer ? new Observer((entries) => this.onEntries(entries)) : null;
    signal.addEventListener(
      'abort',
      () => {
        this.observer?.disconnect();
        this.waiting.clear();
      },
      { once: true },
    );
  }

  /** Runs `change` once `cell` is not on screen; a later defer for the same cell replaces the earlier change. */
  defer(cell: Element, change: () => void): void {
    if (!this.observer) return change();
    const observed = this.waiting.has(cell);
    this.waiting.set(cell, change);
    if (!observed) this.observer.observe(cell);
  }

  /** Drops a waiting change (the cell was decided otherwise meanwhile). */
  cancel(cell: Element): void {
    if (this.waiting.delete(cell)) this.observer?.unobserve(cell);
  }

  isWaiting(cell: Element): boolean {
    return this.waiting.has(cell);
  }

  get size(): number {
    return this.waiting.size;
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      if (e.isIntersecting && e.target.isConnected) continue;
      const change = this.waiting.get(e.target);
      this.waiting.delete(e.target);
      this.observer?.unobserve(e.target);
      change?.();
    }
  }
}
