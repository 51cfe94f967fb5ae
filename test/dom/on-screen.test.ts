// Nothing moves under the reader: verdicts that arrive for a cell on screen wait until it has
// been scrolled past (ScreenGate + QuietMode), with a fake IntersectionObserver standing in for
// the browser's layout. What the user asks for, and known sellers' new cells, act at once.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietMode, pendingLabel } from '../../src/content/quiet-mode';
import { ScreenGate } from '../../src/content/screen-gate';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

/** Cells "on screen" are those in `visible`; report() delivers what a browser would after a frame. */
class FakeObserver {
  static all: FakeObserver[] = [];
  static visible = new Set<Element>();
  readonly targets = new Set<Element>();
  readonly queue: Element[] = [];
  constructor(private readonly cb: IntersectionObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(el: Element): void {
    this.targets.add(el);
    this.queue.push(el);
  }
  unobserve(el: Element): void {
    this.targets.delete(el);
  }
  disconnect(): void {
    this.targets.clear();
  }
  /** A frame went by: report the targets queued and those whose visibility changed. */
  static frame(changed: Element[] = []): void {
    for (const o of FakeObserver.all) {
      const due = [...new Set([...o.queue, ...changed.filter((c) => o.targets.has(c))])];
      o.queue.length = 0;
      if (!due.length) continue;
      o.cb(due.map((target) => ({ target, isIntersecting: FakeObserver.visible.has(target) }) as IntersectionObserverEntry), o as unknown as IntersectionObserver);
    }
  }
}

function cell(id: string): HTMLElement {
  const c = document.createElement('div');
  c.setAttribute('data-testid', 'cellInnerDiv');
  c.innerHTML = `<div><article data-testid="tweet"><span>post ${id}</span></article></div>`;
  document.body.append(c);
  return c;
}

const seller = (handle: string) => ({ handle, verdict: 'seller' as const, reason: '4 of 4 posts pushed a shop' });
let qm: QuietMode;
let hidden: string[];
let controller: AbortController;

beforeEach(() => {
  document.body.innerHTML = '';
  FakeObserver.all = [];
  FakeObserver.visible = new Set();
  hidden = [];
  controller = new AbortController();
  const gate = new ScreenGate(controller.signal, FakeObserver as unknown as typeof IntersectionObserver);
  qm = new QuietMode({ ...DEFAULT_SETTINGS }, { onHidden: (id) => hidden.push(id), onAlwaysShow: vi.fn() }, gate);
});

describe('a verdict that arrives for a cell on screen', () => {
  it('does not collapse it in place: it is labelled, and collapses once scrolled past', () => {
    const c = cell('1');
    qm.track(c, { id: '1', authorHandle: 'shop', isAd: false });
    FakeObserver.visible.add(c);
    qm.applyVerdicts([seller('shop')]);
    FakeObserver.frame();
    expect(c.hasAttribute('data-qb-quiet')).toBe(false);
    expect(c.getAttribute('data-qb-pending')).toBe(pendingLabel());
    expect(pendingLabel()).toBe('Quiet Bazaar: folds when you scroll past');
    expect(hidden).toEqual([]);
    // The reader scrolls on: the cell leaves the screen.
    FakeObserver.visible.delete(c);
    FakeObserver.frame([c]);
    expect(c.hasAttribute('data-qb-quiet')).toBe(true);
    expect(c.hasAttribute('data-qb-pending')).toBe(false);
    expect(hidden).toEqual(['1']);
  });

  it('collapses cells that are off screen after the next frame, without a label', () => {
    const c = cell('2');
    qm.track(c, { id: '2', authorHandle: 'shop', isAd: false });
    qm.applyVerdicts([seller('shop')]);
    FakeObserver.frame();
    expect(c.hasAttribute('data-qb-quiet')).toBe(true);
    expect(c.hasAttribute('data-qb-pending')).toBe(false);
  });

  it('does not reveal an on-screen collapsed cell when a verdict flips back; it waits too', () => {
    qm.applyVerdicts([seller('shop')]);
    const c = cell('3');
    qm.track(c, { id: '3', authorHandle: 'shop', isAd: false });
    expect(c.hasAttribute('data-qb-quiet')).toBe(true);
    FakeObserver.visible.add(c);
    qm.applyVerdicts([{ handle: 'shop', verdict: 'conversationalist', reason: '' }]);
    FakeObserver.frame();
    expect(c.hasAttribute('data-qb-quiet')).toBe(true);
    FakeObserver.visible.delete(c);
    FakeObserver.frame([c]);
    expect(c.hasAttribute('data-qb-quiet')).toBe(false);
  });

  it('a later verdict that agrees with the cell cancels the wait', () => {
    const c = cell('4');
    qm.track(c, { id: '4', authorHandle: 'shop', isAd: false });
    FakeObserver.visible.add(c);
    qm.applyVerdicts([seller('shop')]);
    FakeObserver.frame();
    qm.applyVerdicts([{ handle: 'shop', verdict: 'unknown', reason: '' }]);
    expect(c.hasAttribute('data-qb-pending')).toBe(false);
    FakeObserver.visible.delete(c);
    FakeObserver.frame([c]);
    expect(c.hasAttribute('data-qb-quiet')).toBe(false);
  });
});

describe('what is not held back', () => {
  it("a known seller's new cell collapses at once (before paint), on screen or not", () => {
    qm.applyVerdicts([seller('shop')]);
    FakeObserver.frame();
    const c = cell('5');
    qm.track(c, { id: '5', authorHandle: 'shop', isAd: false });
    expect(c.hasAttribute('data-qb-quiet')).toBe(true);
  });

  it('the quiet-mode switch restores and collapses on-screen cells at once: the user asked', () => {
    qm.applyVerdicts([seller('shop')]);
    const c = cell('6');
    qm.track(c, { id: '6', authorHandle: 'shop', isAd: false });
    FakeObserver.visible.add(c);
    qm.setSettings({ ...DEFAULT_SETTINGS, quietMode: false });
    qm.applyAll(document);
    expect(c.hasAttribute('data-qb-quiet')).toBe(false);
    qm.setSettings({ ...DEFAULT_SETTINGS, quietMode: true });
    qm.applyAll(document);
    expect(c.hasAttribute('data-qb-quiet')).toBe(true);
  });

  it('a user action on a cell waiting to fold wins, and the wait is dropped', () => {
    const c = cell('7');
    qm.track(c, { id: '7', authorHandle: 'shop', isAd: false });
    FakeObserver.visible.add(c);
    qm.applyVerdicts([seller('shop')]);
    FakeObserver.frame();
    qm.setSettings({ ...DEFAULT_SETTINGS, quietMode: false });
    qm.applyAll(document);
    expect(c.hasAttribute('data-qb-pending')).toBe(false);
    FakeObserver.visible.delete(c);
    FakeObserver.frame([c]);
    expect(c.hasAttribute('data-qb-quiet')).toBe(false);
  });

  it('an ad X marks late, on screen, also waits until scrolled past', () => {
    const c = cell('8');
    qm.track(c, { id: '8', authorHandle: 'brand', isAd: false });
    FakeObserver.visible.add(c);
    qm.markAd(c);
    FakeObserver.frame();
    expect(c.hasAttribute('data-qb-quiet')).toBe(false);
    FakeObserver.visible.delete(c);
    FakeObserver.frame([c]);
    expect(c.hasAttribute('data-qb-quiet')).toBe(true);
  });
});

describe('ScreenGate', () => {
  it('observes only the cells with a change waiting, and stops when the signal aborts', () => {
    const gate = new ScreenGate(controller.signal, FakeObserver as unknown as typeof IntersectionObserver);
    const a = cell('a');
    const run = vi.fn();
    FakeObserver.visible.add(a);
    gate.defer(a, run);
    FakeObserver.frame();
    expect(gate.size).toBe(1);
    controller.abort();
    FakeObserver.visible.delete(a);
    FakeObserver.frame([a]);
    expect(run).not.toHaveBeenCalled();
    expect(gate.size).toBe(0);
  });

  it('without IntersectionObserver, changes apply at once', () => {
    const gate = new ScreenGate(new AbortController().signal, null);
    const run = vi.fn();
    gate.defer(cell('b'), run);
    expect(run).toHaveBeenCalledOnce();
  });
});
