// The popup controller with a fake background: what it asks for, when, and what it shows
// when the background answers late, wrongly or not at all.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../src/shared/messages';
import type { Settings } from '../../src/shared/settings';
import { notSaved, noAnswer, PopupApp, stale, isPopupData, tabIdFromSearch, type Send } from '../../src/popup/app';
import { getMockData } from '../../src/popup/mock-data';
import { withContainer } from '../helpers/render-container';
import { RETRY_MS } from '../../src/ui/live-data';
import { RESEND_MS } from '../../src/shared/request';

/** A change feed the test fires by hand, as the background's port would. */
function fakeFeed() {
  const listeners = new Set<() => void>();
  return {
    subscribe: (fn: () => void) => {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    changed: () => listeners.forEach((fn) => fn()),
    get count() {
      return listeners.size;
    },
  };
}

let container: HTMLElement;

/** Let promises settle and Preact re-render (it renders on a microtask). */
const settle = async (rounds = 5) => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
};

/** A background that answers from an in-memory PopupData, like the real handler map. */
function fakeBackground(initial = getMockData()) {
  let data = initial;
  const messages: Envelope[] = [];
  const send = vi.fn<Send>(async (m) => {
    messages.push(m);
    if (m.type === 'get-popup-data') return structuredClone(data);
    if (m.type === 'set-settings') {
      data = { ...data, settings: { ...data.settings, ...(m.payload as Partial<Settings>) } };
      return data.settings;
    }
    if (m.type === 'set-override') {
      const { handle, override } = m.payload as { handle: string; override: 'show' | 'hide' | null };
      data = { ...data, authors: data.authors.map((a) => (a.handle === handle ? { ...a, override } : a)) };
      return data.settings;
    }
    throw new Error(`unexpected ${m.type}`);
  });
  return { send, messages, get data() { return data; } };
}

const quietSwitch = () => container.querySelector<HTMLInputElement>('input[role="switch"]')!;
const alertText = () => container.querySelector('[role="alert"]')?.textContent ?? null;

withContainer((el) => (container = el));
afterEach(() => {
  vi.useRealTimers();
});

describe('tabIdFromSearch', () => {
  it.each([
    ['?tab=42', 42],
    ['?tab=7&x=1', 7],
    ['', undefined],
    ['?tab=', undefined],
    ['?tab=-1', undefined],
    ['?tab=abc', undefined],
    ['?tab=1e3', undefined],
  ])('%s → %s', (search, expected) => {
    expect(tabIdFromSearch(search)).toBe(expected);
  });
});

describe('isPopupData', () => {
  it('accepts the mock data and refuses other shapes', () => {
    expect(isPopupData(getMockData())).toBe(true);
    expect(isPopupData(undefined)).toBe(false);
    expect(isPopupData({ settings: {} })).toBe(false);
    expect(isPopupData({ ...getMockData(), authors: [{ handle: 1 }] })).toBe(false);
    expect(isPopupData({ ...getMockData(), today: { seen: '3' } })).toBe(false);
  });
});

describe('PopupApp', () => {
  it('asks for the data of its tab and shows it', async () => {
    const bg = fakeBackground();
    render(<PopupApp send={bg.send} tabId={42} />, container);
    expect(container.textContent).toContain('Loading…');
    await settle();
    expect(bg.messages[0]).toEqual({ qb: 1, type: 'get-popup-data', payload: { tabId: 42 } });
    expect(container.querySelector('#noise-today .ratio')!.textContent).toBe('30%');
    expect(quietSwitch().checked).toBe(true);
  });

  it('sends an empty payload when the tab is unknown', async () => {
    const bg = fakeBackground();
    render(<PopupApp send={bg.send} />, container);
    await settle();
    expect(bg.messages[0]!.payload).toEqual({});
  });

  it('turns quiet mode off with set-settings, at once, then fetches again', async () => {
    const bg = fakeBackground();
    let release: (() => void) | undefined;
    const send: Send = async (m) => {
      if (m.type === 'set-settings') await new Promise<void>((r) => (release = r));
      return bg.send(m);
    };
    const spy = vi.fn(send);
    render(<PopupApp send={spy} tabId={1} />, container);
    await settle();
    quietSwitch().click();
    await settle();
    // Optimistic: unchecked while the background has not answered yet.
    expect(release).toBeDefined();
    expect(quietSwitch().checked).toBe(false);
    expect(container.querySelector('#quiet-mode-hint')!.textContent).toContain('Off: every tweet shows.');
    release!();
    await settle();
    expect(bg.messages.map((m) => m.type)).toEqual(['get-popup-data', 'set-settings', 'get-popup-data']);
    expect(bg.messages[1]!.payload).toEqual({ quietMode: false });
    expect(bg.data.settings.quietMode).toBe(false);
    expect(quietSwitch().checked).toBe(false);
  });

  it('sends set-override with the handle and shows the new state', async () => {
    const bg = fakeBackground();
    render(<PopupApp send={bg.send} tabId={1} />, container);
    await settle();
    container.querySelector<HTMLButtonElement>('[aria-label="Hide @gadgetflip"]')!.click();
    await settle();
    expect(bg.messages[1]).toEqual({ qb: 1, type: 'set-override', payload: { handle: 'gadgetflip', override: 'hide' } });
    expect(container.querySelector('[aria-label="Undo hide for @gadgetflip"]')).not.toBeNull();
  });

  it('sends sensitivity and hide-mixed changes', async () => {
    const bg = fakeBackground();
    render(<PopupApp send={bg.send} tabId={1} />, container);
    await settle();
    const select = container.querySelector<HTMLSelectElement>('#sensitivity')!;
    select.value = 'loose';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    container.querySelector<HTMLInputElement>('#hide-mixed')!.click();
    await settle();
    const sets = bg.messages.filter((m) => m.type === 'set-settings').map((m) => m.payload);
    expect(sets).toEqual([{ sensitivity: 'loose' }, { hideMixed: true }]);
    expect(container.querySelector<HTMLSelectElement>('#sensitivity')!.value).toBe('loose');
    expect(container.querySelector<HTMLInputElement>('#hide-mixed')!.checked).toBe(true);
  });

  it('fetches again only when the background says something changed, and stops listening when closed', async () => {
    vi.useFakeTimers();
    const bg = fakeBackground();
    const feed = fakeFeed();
    render(<PopupApp send={bg.send} subscribe={feed.subscribe} tabId={1} />, container);
    await vi.advanceTimersByTimeAsync(100); // effects run after paint
    expect(bg.send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(bg.send).toHaveBeenCalledTimes(1); // nothing changed: nothing fetched
    bg.data.today.seen = 41;
    feed.changed();
    await vi.advanceTimersByTimeAsync(10);
    expect(bg.send).toHaveBeenCalledTimes(2);
    expect(container.querySelector('#noise-today')!.textContent).toContain('41 tweets seen, 12 of them selling');
    render(null, container);
    await vi.advanceTimersByTimeAsync(10);
    expect(feed.count).toBe(0);
  });

  it('coalesces a burst of changes into one more fetch', async () => {
    const bg = fakeBackground();
    const feed = fakeFeed();
    let release: (() => void) | undefined;
    let calls = 0;
    const send: Send = async (m) => {
      calls++;
      if (calls === 2) await new Promise<void>((r) => (release = r));
      return bg.send(m);
    };
    render(<PopupApp send={send} subscribe={feed.subscribe} tabId={1} />, container);
    await settle();
    feed.changed();
    await settle();
    feed.changed();
    feed.changed();
    feed.changed();
    release!();
    await settle();
    expect(calls).toBe(3);
  });

  it('shows a clear error when the background does not answer', async () => {
    vi.useFakeTimers();
    const send = vi.fn<Send>(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    render(<PopupApp send={send} tabId={1} />, container);
    await vi.advanceTimersByTimeAsync(100 + RESEND_MS.reduce((a: number, b: number) => a + b, 0)); // request() sends it again meanwhile
    expect(alertText()).toBe(noAnswer());
    expect(container.textContent).not.toContain('Loading…');
  });

  it('loads again by itself after a failed load (here no listener answered: a background still starting), then stops asking', async () => {
    vi.useFakeTimers();
    const bg = fakeBackground();
    let refusals = 1;
    const send = vi.fn<Send>((m) => (refusals-- > 0 ? Promise.resolve(undefined) : bg.send(m)));
    render(<PopupApp send={send} tabId={1} />, container);
    await vi.advanceTimersByTimeAsync(100);
    expect(alertText()).toBe(noAnswer());
    await vi.advanceTimersByTimeAsync(RETRY_MS[0]);
    expect(send).toHaveBeenCalledTimes(2);
    expect(alertText()).toBeNull();
    expect(container.querySelector('#noise-today .ratio')!.textContent).toBe('30%');
    render(null, container);

    // A background that never answers is asked RETRY_MS.length more times, then left alone.
    const never = vi.fn<Send>(() => Promise.resolve(undefined));
    render(<PopupApp send={never} tabId={1} />, container);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(never).toHaveBeenCalledTimes(1 + RETRY_MS.length);
    expect(alertText()).toBe(noAnswer());
  });

  it('treats no reply (no listener) and a malformed reply as no answer', async () => {
    for (const reply of [undefined, { hello: 'world' }]) {
      render(<PopupApp send={async () => reply} tabId={1} />, container);
      await settle();
      expect(alertText()).toBe(noAnswer());
      render(null, container);
    }
  });

  it('gives up waiting after a timeout', async () => {
    vi.useFakeTimers();
    render(<PopupApp send={() => new Promise(() => {})} tabId={1} />, container);
    await vi.advanceTimersByTimeAsync(4000);
    expect(alertText()).toBeNull();
    await vi.advanceTimersByTimeAsync(1500);
    expect(alertText()).toBe(noAnswer());
  });

  it('keeps the last data, marked stale, when a later fetch fails, and recovers', async () => {
    vi.useFakeTimers();
    const bg = fakeBackground();
    let down = false;
    const send: Send = (m) => (down ? Promise.reject(new Error('gone')) : bg.send(m));
    const feed = fakeFeed();
    render(<PopupApp send={send} subscribe={feed.subscribe} tabId={1} />, container);
    await vi.advanceTimersByTimeAsync(100); // effects run after paint
    expect(container.querySelector('#noise-today .ratio')!.textContent).toBe('30%');
    down = true;
    feed.changed();
    await vi.advanceTimersByTimeAsync(10);
    expect(alertText()).toBe(`${noAnswer()} ${stale()}`);
    expect(container.querySelector('#noise-today .ratio')!.textContent).toBe('30%');
    down = false;
    feed.changed();
    await vi.advanceTimersByTimeAsync(10);
    expect(alertText()).toBeNull();
  });

  it('reverts the optimistic toggle and says so when a change is not saved', async () => {
    const bg = fakeBackground();
    const send: Send = (m) => (m.type === 'set-settings' ? Promise.reject(new Error('nope')) : bg.send(m));
    render(<PopupApp send={send} tabId={1} />, container);
    await settle();
    quietSwitch().click();
    await settle();
    expect(quietSwitch().checked).toBe(true);
    expect(alertText()).toBe(notSaved());
  });

  it('does not let a fetch that started before a click undo the click', async () => {
    const bg = fakeBackground();
    const feed = fakeFeed();
    let releaseLoad: (() => void) | undefined;
    let loads = 0;
    const send: Send = async (m) => {
      if (m.type === 'get-popup-data' && ++loads === 2) {
        const stale = structuredClone(bg.data); // quiet mode still on
        await new Promise<void>((r) => (releaseLoad = r));
        return stale;
      }
      return bg.send(m);
    };
    render(<PopupApp send={send} subscribe={feed.subscribe} tabId={1} />, container);
    await settle();
    feed.changed(); // the slow fetch is now in flight
    await settle();
    expect(releaseLoad).toBeDefined();
    quietSwitch().click();
    await settle();
    releaseLoad!();
    await settle();
    expect(quietSwitch().checked).toBe(false);
  });
});
