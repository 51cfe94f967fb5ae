// Quiet mode on plain DOM cells: collapse, placeholder, show, always show, restore.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietMode, REASON_CELLS } from '../../src/content/quiet-mode';
import { TabTweets, TWEET } from '../../src/content/tab-tweets';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { placeholderRoot } from '../../src/content/placeholder';
import { trustedClick } from '../helpers/trusted-click';

function cell(id: string, handle: string): HTMLElement {
  const c = document.createElement('div');
  c.setAttribute('data-testid', 'cellInnerDiv');
  c.innerHTML = `<div><article data-testid="tweet"><span>post ${id}</span></article></div>`;
  document.body.append(c);
  return c;
}

const seller = { handle: 'ShopBot', verdict: 'seller' as const, reason: '5 of 7 posts carried shop links' };
let hooks: { onHidden: ReturnType<typeof vi.fn<(id: string, handle: string) => void>>; onAlwaysShow: ReturnType<typeof vi.fn<(h: string) => void>> };
let qm: QuietMode;

beforeEach(() => {
  document.body.innerHTML = '';
  hooks = { onHidden: vi.fn<(id: string, handle: string) => void>(), onAlwaysShow: vi.fn<(h: string) => void>() };
  qm = new QuietMode({ ...DEFAULT_SETTINGS }, hooks);
  qm.addVerdicts([seller]);
});

const placeholderOf = (c: HTMLElement) => c.querySelector<HTMLElement>('[data-qb-placeholder]');

describe('QuietMode', () => {
  it("collapses a known seller's cell synchronously, with a placeholder saying who and why", () => {
    const c = cell('1', 'ShopBot');
    qm.track(c, { id: '1', authorHandle: 'ShopBot', isAd: false });
    expect(c.hasAttribute('data-qb-quiet')).toBe(true);
    const text = placeholderRoot(placeholderOf(c)!)!.textContent!;
    expect(text).toContain('@ShopBot');
    expect(text).toContain('5 of 7 posts carried shop links');
    expect(hooks.onHidden).toHaveBeenCalledWith('1', 'ShopBot');
  });

  it('leaves other authors alone', () => {
    const c = cell('2', 'alice');
    qm.track(c, { id: '2', authorHandle: 'alice', isAd: false });
    expect(c.hasAttribute('data-qb-quiet')).toBe(false);
    expect(placeholderOf(c)).toBeNull();
  });

  it('"Show" reveals only that tweet', () => {
    const a = cell('1', 'ShopBot');
    const b = cell('3', 'ShopBot');
    qm.track(a, { id: '1', authorHandle: 'ShopBot', isAd: false });
    qm.track(b, { id: '3', authorHandle: 'ShopBot', isAd: false });
    const [show] = placeholderRoot(placeholderOf(a)!)!.querySelectorAll('button');
    trustedClick(show!);
    expect(a.hasAttribute('data-qb-quiet')).toBe(false);
    expect(placeholderOf(a)).toBeNull();
    expect(b.hasAttribute('data-qb-quiet')).toBe(true);
  });

  it('"Always show @handle" reveals every tweet of the account at once and tells the background', () => {
    const a = cell('1', 'ShopBot');
    const b = cell('3', 'ShopBot');
    qm.track(a, { id: '1', authorHandle: 'ShopBot', isAd: false });
    qm.track(b, { id: '3', authorHandle: 'ShopBot', isAd: false });
    const buttons = placeholderRoot(placeholderOf(a)!)!.querySelectorAll('button');
    expect(buttons[1]!.textContent).toBe('Always show @ShopBot');
    trustedClick(buttons[1]!);
    expect(document.querySelectorAll('[data-qb-quiet]')).toHaveLength(0);
    expect(hooks.onAlwaysShow).toHaveBeenCalledWith('ShopBot');
  });

  it('turning quiet mode off restores every cell; on re-hides them; hidden is counted once', () => {
    const a = cell('1', 'ShopBot');
    qm.track(a, { id: '1', authorHandle: 'ShopBot', isAd: false });
    qm.setSettings({ ...DEFAULT_SETTINGS, quietMode: false });
    qm.applyAll(document);
    expect(a.hasAttribute('data-qb-quiet')).toBe(false);
    qm.setSettings({ ...DEFAULT_SETTINGS, quietMode: true });
    qm.applyAll(document);
    expect(a.hasAttribute('data-qb-quiet')).toBe(true);
    expect(hooks.onHidden).toHaveBeenCalledTimes(1);
  });

  it('re-decides a recycled cell that now holds another author', () => {
    const c = cell('1', 'ShopBot');
    qm.track(c, { id: '1', authorHandle: 'ShopBot', isAd: false });
    qm.track(c, { id: '9', authorHandle: 'alice', isAd: false });
    expect(c.hasAttribute('data-qb-quiet')).toBe(false);
    expect(c.getAttribute('data-qb-author')).toBe('alice');
  });

  it('renders a hostile handle and reason as text, never HTML', () => {
    qm.addVerdicts([{ handle: 'evil', verdict: 'seller', reason: '<img src=x onerror="window.pwned=1">' }]);
    const c = cell('5', 'evil');
    qm.track(c, { id: '5', authorHandle: 'evil', isAd: false });
    const root = placeholderRoot(placeholderOf(c)!)!;
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x');
  });

  it('collapses ads when X marked them, with the reason', () => {
    const c = cell('7', 'brand');
    qm.track(c, { id: '7', authorHandle: 'brand', isAd: true });
    expect(placeholderRoot(placeholderOf(c)!)!.textContent).toContain('promoted post');
  });

  it("says an author's new reason on the placeholders already there, without building them again; a new tweet in the cell gets a new one", () => {
    const a = cell('1', 'ShopBot');
    const b = cell('3', 'ShopBot');
    qm.track(a, { id: '1', authorHandle: 'ShopBot', isAd: false });
    qm.track(b, { id: '3', authorHandle: 'ShopBot', isAd: false });
    const before = [placeholderOf(a)!, placeholderOf(b)!];
    const buttonsBefore = placeholderRoot(before[0]!)!.querySelectorAll('button');
    qm.applyVerdicts([{ ...seller, reason: '6 of 8 posts carried shop links' }]);
    expect([placeholderOf(a), placeholderOf(b)]).toEqual(before);
    expect(placeholderOf(a)).toBe(before[0]);
    for (const ph of before) {
      const text = placeholderRoot(ph)!.textContent!;
      expect(text).toContain('6 of 8 posts carried shop links');
      expect(text).not.toContain('5 of 7');
      expect(text).toContain('@ShopBot');
    }
    expect(a.querySelectorAll('[data-qb-placeholder]')).toHaveLength(1);
    // Its buttons still act for the same tweet.
    trustedClick(buttonsBefore[0]!);
    expect(a.hasAttribute('data-qb-quiet')).toBe(false);
    expect(b.hasAttribute('data-qb-quiet')).toBe(true);
    // X recycles cell b for another tweet of the same author: a placeholder of its own.
    qm.track(b, { id: '4', authorHandle: 'ShopBot', isAd: false });
    expect(placeholderOf(b)).not.toBe(before[1]);
    expect(b.querySelectorAll('[data-qb-placeholder]')).toHaveLength(1);
  });

  it("a seller's new reason changes only the words inside its placeholders: the page sees no attribute or node of its tree written", async () => {
    const cells = Array.from({ length: 30 }, (_, i) => cell(String(100 + i), 'ShopBot'));
    cells.forEach((c, i) => qm.track(c, { id: String(100 + i), authorHandle: 'ShopBot', isAd: false }));
    const records: MutationRecord[] = [];
    const mo = new MutationObserver((r) => records.push(...r));
    mo.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
    qm.applyVerdicts([{ ...seller, reason: '6 of 8 posts carried shop links' }]);
    await Promise.resolve();
    records.push(...mo.takeRecords());
    mo.disconnect();
    // No attribute on X's cells or on our placeholder hosts; the reason's text is inside the closed root.
    expect(records.filter((r) => r.type === 'attributes')).toEqual([]);
    expect(records.filter((r) => r.type === 'childList')).toEqual([]);
    for (const c of cells) expect(placeholderRoot(placeholderOf(c)!)!.textContent).toContain('6 of 8 posts carried shop links');
  });

  it("a new reason leaves the author's other cells as they were: an ad keeps its own reason, a tweet the user showed stays shown, a recycled cell is decided again", () => {
    const plain = cell('1', 'ShopBot');
    const ad = cell('2', 'ShopBot');
    const shown = cell('3', 'ShopBot');
    const recycled = cell('4', 'ShopBot');
    qm.track(plain, { id: '1', authorHandle: 'ShopBot', isAd: false });
    qm.track(ad, { id: '2', authorHandle: 'ShopBot', isAd: true });
    qm.track(shown, { id: '3', authorHandle: 'ShopBot', isAd: false });
    qm.track(recycled, { id: '4', authorHandle: 'ShopBot', isAd: false });
    trustedClick(placeholderRoot(placeholderOf(shown)!)!.querySelectorAll('button')[0]!);
    const adReason = placeholderRoot(placeholderOf(ad)!)!.textContent;
    // X recycles a cell for another tweet of the same author, and the tag is not yet read again.
    recycled.setAttribute('data-qb-tweet', '5');
    qm.applyVerdicts([{ ...seller, reason: '6 of 8 posts carried shop links' }]);
    expect(placeholderRoot(placeholderOf(plain)!)!.textContent).toContain('6 of 8');
    expect(placeholderRoot(placeholderOf(ad)!)!.textContent).toBe(adReason);
    expect(shown.hasAttribute('data-qb-quiet')).toBe(false);
    expect(shown.querySelector('[data-qb-undo]')).not.toBeNull();
    expect(recycled.querySelectorAll('[data-qb-placeholder]')).toHaveLength(1);
    expect(placeholderRoot(placeholderOf(recycled)!)!.textContent).toContain('6 of 8');
    // The reason and nothing else: the author is always shown now, every cell opens.
    qm.setSettings({ ...DEFAULT_SETTINGS, allowList: ['shopbot'] });
    qm.applyVerdicts([{ ...seller, reason: '7 of 9 posts carried shop links' }]);
    expect(document.querySelectorAll('[data-qb-quiet]')).toHaveLength(0);
  });

  it(`a new reason is said on the author's newest ${REASON_CELLS} cells (older ones keep theirs), while a new verdict reaches every cell`, () => {
    const n = REASON_CELLS + 6;
    const cells = Array.from({ length: n }, (_, i) => cell(String(1000 + i), 'ShopBot'));
    cells.forEach((c, i) => qm.track(c, { id: String(1000 + i), authorHandle: 'ShopBot', isAd: false }));
    qm.applyVerdicts([{ ...seller, reason: '6 of 8 posts carried shop links' }]);
    const says = (c: HTMLElement) => placeholderRoot(placeholderOf(c)!)!.textContent!;
    expect(cells.slice(6).every((c) => says(c).includes('6 of 8'))).toBe(true);
    expect(cells.slice(0, 6).every((c) => says(c).includes('5 of 7'))).toBe(true);
    qm.applyVerdicts([{ handle: 'ShopBot', verdict: 'conversationalist', reason: '' }]);
    expect(cells.filter((c) => c.hasAttribute('data-qb-quiet'))).toHaveLength(0);
  });

  it('takes over a cell a previous instance of the script collapsed (the extension was updated): one placeholder, which acts', () => {
    const c = cell('1', 'ShopBot');
    qm.track(c, { id: '1', authorHandle: 'ShopBot', isAd: false });
    const again = new QuietMode({ ...DEFAULT_SETTINGS }, hooks);
    again.addVerdicts([{ ...seller, reason: '6 of 8 posts carried shop links' }]);
    again.track(c, { id: '1', authorHandle: 'ShopBot', isAd: false });
    expect(c.querySelectorAll('[data-qb-placeholder]')).toHaveLength(1);
    expect(placeholderRoot(placeholderOf(c)!)!.textContent).toContain('6 of 8');
    trustedClick(placeholderRoot(placeholderOf(c)!)!.querySelectorAll('button')[0]!);
    expect(c.hasAttribute('data-qb-quiet')).toBe(false);
    expect(c.querySelectorAll('[data-qb-placeholder]')).toHaveLength(0);
  });

  it('its index of cells by author holds what the page holds: a virtualised timeline of 2,000 cells leaves a few hundred at most, a page that keeps them all of them', () => {
    const live: HTMLElement[] = [];
    for (let i = 0; i < 2000; i++) {
      const handle = i % 3 ? `person${i % 50}` : 'ShopBot';
      const c = cell(String(5000 + i), handle);
      qm.track(c, { id: String(5000 + i), authorHandle: handle, isAd: false });
      live.push(c);
      if (live.length > 40) live.shift()!.remove();
    }
    expect(qm.indexedCells).toBeLessThanOrEqual(40 + 256);
    document.body.innerHTML = '';
    const kept = new QuietMode({ ...DEFAULT_SETTINGS }, hooks);
    for (let i = 0; i < 1000; i++) kept.track(cell(String(9000 + i), `person${i % 50}`), { id: String(9000 + i), authorHandle: `person${i % 50}`, isAd: false });
    expect(kept.indexedCells).toBe(1000);
  });

  it('a page script cannot reach or press the placeholder (issue 8, failure 2: forged clicks)', () => {
    const a = cell('1', 'ShopBot');
    qm.track(a, { id: '1', authorHandle: 'ShopBot', isAd: false });
    const host = placeholderOf(a)!;
    expect(host.shadowRoot).toBeNull(); // closed: what the page sees
    const buttons = placeholderRoot(host)!.querySelectorAll('button');
    // Even with a reference to the buttons, synthetic clicks do nothing.
    buttons[0]!.click();
    buttons[1]!.click();
    buttons[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    host.click();
    expect(a.hasAttribute('data-qb-quiet')).toBe(true);
    expect(hooks.onAlwaysShow).not.toHaveBeenCalled();
  });

  it("keeps \"Show\" and its undo bar in the tab's memory of tweets: kept when X renders the tweet again in a new cell, and kept longest", () => {
    const tweets = new TabTweets({ max: 3, maxAgeMs: Infinity });
    qm = new QuietMode({ ...DEFAULT_SETTINGS }, hooks, undefined, tweets);
    qm.addVerdicts([seller]);
    const a = cell('1', 'ShopBot');
    qm.track(a, { id: '1', authorHandle: 'ShopBot', isAd: false });
    tweets.mark('2', TWEET.read);
    tweets.mark('3', TWEET.read);
    trustedClick(placeholderRoot(placeholderOf(a)!)!.querySelectorAll('button')[0]!);
    expect(tweets.is('1', TWEET.hidden | TWEET.shown | TWEET.undoShown)).toBe(true);
    a.remove();
    tweets.mark('4', TWEET.read); // A newer tweet: '2' is forgotten, not the one the user acted on.
    const again = cell('1', 'ShopBot');
    qm.track(again, { id: '1', authorHandle: 'ShopBot', isAd: false });
    expect(again.hasAttribute('data-qb-quiet')).toBe(false);
    expect(again.querySelector('[data-qb-undo]')).not.toBeNull();
    expect(hooks.onHidden).toHaveBeenCalledTimes(1);
    expect(tweets.has('2')).toBe(false);
  });

  it('a cell tracked for the first time ends as one decided again from its attributes (seller, other, ad, shown, quiet mode off)', () => {
    const state = (c: HTMLElement) =>
      [...c.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ') + ' | ' + [...c.children].map((k) => k.getAttributeNames().filter((n) => n.startsWith('data-qb-')).join(',')).join(';');
    const cases = [
      { id: '1', authorHandle: 'ShopBot', isAd: false },
      { id: '2', authorHandle: 'someone', isAd: false },
      { id: '3', authorHandle: 'Brand', isAd: true },
      { id: '4', authorHandle: 'ShopBot', isAd: false, shown: true },
      { id: '5', authorHandle: '', isAd: false },
    ];
    for (const quietMode of [true, false]) {
      for (const { shown, ...tweet } of cases) {
        const tweets = new TabTweets();
        if (shown) tweets.mark(tweet.id, TWEET.shown | TWEET.undoShown);
        qm = new QuietMode({ ...DEFAULT_SETTINGS, quietMode }, hooks, undefined, tweets);
        qm.addVerdicts([seller]);
        const fresh = cell(tweet.id, tweet.authorHandle);
        qm.track(fresh, tweet); // untagged: decided from what was read
        const first = state(fresh);
        qm.apply(fresh); // decided again from its attributes
        expect(state(fresh), `${tweet.authorHandle || '(none)'} quiet ${quietMode}`).toBe(first);
      }
    }
  });

  it('a placeholder whose cell X removed says the next tweet, and acts on that tweet only', () => {
    qm.addVerdicts([{ handle: 'DealsDaily', verdict: 'seller', reason: '4 of 4 posts offered deals' }]);
    const old = cell('1', 'ShopBot');
    qm.track(old, { id: '1', authorHandle: 'ShopBot', isAd: false });
    const host = placeholderOf(old)!;
    old.remove(); // a virtualised list drops its oldest cell
    const next = cell('2', 'DealsDaily');
    qm.track(next, { id: '2', authorHandle: 'DealsDaily', isAd: false });
    expect(placeholderOf(next)).toBe(host);
    expect(placeholderOf(old)).toBeNull();
    const root = placeholderRoot(host)!;
    expect(root.textContent).toContain('@DealsDaily');
    expect(root.textContent).toContain('4 of 4 posts offered deals');
    expect(root.textContent).not.toContain('ShopBot');
    const [show, always] = root.querySelectorAll('button');
    expect(always!.textContent).toBe('Always show @DealsDaily');
    expect(show!.getAttribute('aria-label')).toContain('@DealsDaily');
    expect(root.querySelector('[role="group"]')!.getAttribute('aria-label')).toContain('@DealsDaily');
    trustedClick(show!);
    expect(next.hasAttribute('data-qb-quiet')).toBe(false);
    expect(hooks.onAlwaysShow).not.toHaveBeenCalled();

    // The removed cell put back is decided again, with a placeholder of its own.
    document.body.append(old);
    qm.track(old, { id: '1', authorHandle: 'ShopBot', isAd: false });
    expect(placeholderRoot(placeholderOf(old)!)!.textContent).toContain('@ShopBot');
  });

  it('a placeholder still on the page is never taken for another cell', () => {
    const a = cell('1', 'ShopBot');
    qm.track(a, { id: '1', authorHandle: 'ShopBot', isAd: false });
    const b = cell('3', 'ShopBot');
    qm.track(b, { id: '3', authorHandle: 'ShopBot', isAd: false });
    expect(placeholderOf(a)).not.toBeNull();
    expect(placeholderOf(b)).not.toBe(placeholderOf(a));
    // Shown, then X removes the cell: its placeholder left with "Show" is not reused either.
    trustedClick(placeholderRoot(placeholderOf(a)!)!.querySelectorAll('button')[0]!);
    a.remove();
    const c = cell('4', 'ShopBot');
    qm.track(c, { id: '4', authorHandle: 'ShopBot', isAd: false });
    expect(placeholderOf(c)).not.toBeNull();
    expect(placeholderOf(b)!.parentElement).toBe(b);
  });
});
