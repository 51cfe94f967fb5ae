// The following audit's views (popup summary, full audit, dry run) and the verdict badges,
// rendered into happy-dom: what a person sees and what each control asks for.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FollowingSummaryView } from '../../src/popup/following-summary';
import { ReviewView } from '../../src/popup/review';
import { FollowingAuditView, PAGE_SIZE } from '../../src/options/following-audit';
import { VerdictBadges, BADGE_ATTR } from '../../src/content/verdict-badge';
import type { AuditRow, FollowingAudit, ReviewData, VerdictLite } from '../../src/shared/messages';
import { trustedClick } from '../helpers/trusted-click';
import { withContainer } from '../helpers/render-container';

let container: HTMLElement;
withContainer((el) => (container = el));
const text = () => (container.textContent ?? '').replace(/\s+/g, ' ');

function row(handle: string, over: Partial<AuditRow> = {}): AuditRow {
  return {
    key: handle.toLowerCase(),
    id: String(handle.length),
    handle,
    verdict: 'seller',
    basis: 'posts',
    sellingShare: 0.8,
    posts: 5,
    sellingPosts: 4,
    reasons: ['4 of 5 posts carried shop links'],
    samples: ['Shop now https://shop.example', 'Use code SAVE10'],
    override: null,
    notSeller: false,
    ...over,
  };
}

function audit(over: Partial<FollowingAudit> = {}): FollowingAudit {
  return {
    viewer: { handle: 'me' },
    total: 78,
    read: 40,
    lastReadAt: Date.UTC(2026, 10, 30, 12),
    reachedEnd: false,
    sellers: 2,
    rows: [row('ShopA'), row('ByBio', { basis: 'profile', posts: 0, sellingPosts: 0, samples: [], reasons: ['bio links to a store (gumroad.com)'] }), row('Pal', { verdict: 'unknown', basis: 'none', posts: 1, reasons: ['only 1 post of theirs seen'] })],
    ...over,
  };
}

describe('popup: following summary', () => {
  it('says N of M, the share, the top sellers with profile links, and how much of the list was read', () => {
    const onSeeAll = vi.fn();
    render(<FollowingSummaryView audit={audit()} onSeeAll={onSeeAll} />, container);
    expect(text()).toContain('2 of the 78 accounts you follow mostly sell');
    expect(text()).toContain('5% of the 40 accounts read so far');
    const links = [...container.querySelectorAll('a.handle')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['@ShopA', 'https://x.com/ShopA'],
      ['@ByBio', 'https://x.com/ByBio'],
    ]);
    expect(text()).toContain('judged by profile only');
    expect(text()).toContain('40 of 78 accounts');
    expect(text()).toContain('Scroll your Following page to the end to read all.');
    container.querySelector<HTMLButtonElement>('.link-button')!.click();
    expect(onSeeAll).toHaveBeenCalledOnce();
  });

  it('says how to read the list before it was read, and the singular when one sells', () => {
    render(<FollowingSummaryView audit={audit({ viewer: null, read: 0, rows: [], sellers: 0, lastReadAt: null })} />, container);
    expect(text()).toContain('Open your Following page on x.com');
    render(<FollowingSummaryView audit={audit({ sellers: 1, read: 78 })} />, container);
    expect(text()).toContain('1 of the 78 accounts you follow mostly sells');
    expect(text()).not.toContain('Scroll your Following page');
  });

  it('once the whole list was read, speaks of all the accounts followed, not of those "read so far"', () => {
    render(<FollowingSummaryView audit={audit({ read: 78, sellers: 2 })} />, container);
    expect(text()).toContain('3% of all 78 accounts you follow');
    expect(text()).not.toContain('so far');
    render(<FollowingSummaryView audit={audit({ read: 78, sellers: 0, rows: [row('Pal', { verdict: 'conversationalist' })] })} />, container);
    expect(text()).toContain('None of the accounts you follow mostly sells.');
    render(<FollowingAuditView audit={audit({ read: 78 })} actions={{ override: vi.fn(), notSeller: vi.fn() }} />, container);
    expect(text()).toContain('(3% of all 78 accounts you follow)');
    // Part of the list: "so far", as before.
    render(<FollowingSummaryView audit={audit({ sellers: 0, rows: [] })} />, container);
    expect(text()).toContain('None of the accounts read so far mostly sells.');
  });
});

describe('options: the full audit', () => {
  it('shows verdict, share, basis, reasons and two samples; "Not a seller" and the overrides ask the background', () => {
    const actions = { override: vi.fn(), notSeller: vi.fn() };
    render(<FollowingAuditView audit={audit()} actions={actions} />, container);
    const rows = container.querySelectorAll('.audit-row');
    expect(rows).toHaveLength(3);
    // Five posts seen: what was seen, not the estimate (it leans toward the usual share until 10).
    expect(rows[0]!.textContent).toContain('4 of 5 posts seen were selling');
    expect(rows[0]!.textContent).not.toContain('80%');
    expect(rows[0]!.querySelectorAll('blockquote.sample')).toHaveLength(2);
    expect(rows[1]!.textContent).toContain('judged by profile only');
    expect(rows[2]!.textContent).toContain('not enough seen yet');
    const button = (r: Element, name: string) => [...r.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name)!;
    button(rows[0]!, 'Not a seller for @ShopA').click();
    button(rows[1]!, 'Always hide for @ByBio').click();
    expect(actions.notSeller).toHaveBeenCalledWith('ShopA', true);
    expect(actions.override).toHaveBeenCalledWith('ByBio', 'hide');
    // A person is not offered "not a seller".
    expect(button(rows[2]!, 'Not a seller for @Pal')).toBeUndefined();
  });

  it('gives the estimate beside the posts seen from 10 posts on, and the posts seen alone before', () => {
    const few = row('Newcomer', { sellingShare: 0.73, posts: 4, sellingPosts: 4 });
    const many = row('Veteran', { sellingShare: 0.62, posts: 40, sellingPosts: 25 });
    render(<FollowingAuditView audit={audit({ rows: [few, many] })} actions={{ override: vi.fn(), notSeller: vi.fn() }} />, container);
    const [a, b] = [...container.querySelectorAll('.audit-row .account-share')].map((p) => p.textContent);
    expect(a).toBe('4 of 4 posts seen were selling');
    expect(b).toBe('about 62% of their posts sell · 25 of 40 posts seen were selling');
    render(<FollowingSummaryView audit={audit({ rows: [few, many], sellers: 2 })} />, container);
    const hints = [...container.querySelectorAll('.audit-top .hint')].map((h) => h.textContent);
    expect(hints).toEqual(['4 of 4 posts seen were selling', 'about 62% of their posts sell']);
  });

  it('says a brand judged by its voice is one, instead of a share that reads as "hardly sells"', () => {
    const brand = row('Velora', { basis: 'voice', sellingShare: 0.14, sellingPosts: 0, posts: 4, reasons: ['names itself in 2 of 4 posts and never says "I": a brand\'s own account'] });
    render(<FollowingAuditView audit={audit({ rows: [brand] })} actions={{ override: vi.fn(), notSeller: vi.fn() }} />, container);
    const shown = container.querySelector('.audit-row')!.textContent!;
    expect(shown).toContain("a brand's or organisation's own account: its posts are its marketing · 0 of 4 posts seen were selling");
    expect(shown).not.toContain('14%');
    render(<FollowingSummaryView audit={audit({ rows: [brand], sellers: 1 })} />, container);
    expect(text()).toContain("@Velora Mostly sells a brand's or organisation's own account");
    expect(text()).not.toContain('14%');
  });

  it('remembers "not a seller" with an undo, and pages long lists', () => {
    const actions = { override: vi.fn(), notSeller: vi.fn() };
    const many = Array.from({ length: PAGE_SIZE + 10 }, (_, i) => row(`acct${i}`));
    many[0] = row('acct0', { notSeller: true, override: 'show' });
    render(<FollowingAuditView audit={audit({ rows: many })} actions={actions} />, container);
    expect(container.querySelectorAll('.audit-row')).toHaveLength(PAGE_SIZE);
    expect(container.querySelector('.audit-row')!.textContent).toContain('You said: not a seller');
    [...container.querySelector('.audit-row')!.querySelectorAll('button')][0]!.click();
    expect(actions.notSeller).toHaveBeenCalledWith('acct0', false);
  });
});

describe('popup: review (dry run)', () => {
  const data: ReviewData = {
    known: true,
    quietMode: false,
    tweets: 12,
    rows: [{ key: 'shopa', handle: 'ShopA', tweets: 3, wouldHide: 3, verdict: 'seller', reasons: ['4 of 5 posts carried shop links'], override: null }],
  };

  it('lists each account quiet mode would hide, with its tweets on the page, and acts per account', () => {
    const onOverride = vi.fn();
    render(<ReviewView data={data} onOverride={onOverride} />, container);
    expect(text()).toContain('Quiet mode is off');
    expect(text()).toContain('3 tweets on this page, 3 would be hidden');
    expect(text()).toContain('4 of 5 posts carried shop links');
    container.querySelector<HTMLButtonElement>('button[aria-label="Always show for @ShopA"]')!.click();
    expect(onOverride).toHaveBeenCalledWith('ShopA', 'show');
  });

  it('says so when the tab is not an X tab or nothing would be hidden', () => {
    render(<ReviewView data={{ ...data, known: false, rows: [] }} onOverride={vi.fn()} />, container);
    expect(text()).toContain('Open x.com and scroll a little');
    render(<ReviewView data={{ ...data, rows: [] }} onOverride={vi.fn()} />, container);
    expect(text()).toContain('Quiet mode would hide nothing on this page.');
  });
});

describe('verdict badges', () => {
  function cell(id: string, handle: string): HTMLElement {
    const c = document.createElement('div');
    c.setAttribute('data-qb-tweet', id);
    c.setAttribute('data-qb-author', handle.toLowerCase());
    c.setAttribute('data-qb-handle', handle);
    c.append(document.createElement('article'));
    container.append(c);
    return c;
  }

  it('puts one badge per tracked cell, in a closed shadow root, with its author\'s verdict; off removes them', () => {
    const roots: ShadowRoot[] = [];
    const attach = Element.prototype.attachShadow;
    const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const r = attach.call(this, init);
      roots.push(r);
      return r;
    });
    const verdicts = new Map<string, VerdictLite>([['shopa', { handle: 'ShopA', verdict: 'seller', reason: '' }], ['pal', { handle: 'Pal', verdict: 'conversationalist', reason: '' }]]);
    const reasonsOf = vi.fn(async () => ({ verdict: 'seller' as const, reasons: ['4 of 5 posts carried shop links'], posts: 5 }));
    const badges = new VerdictBadges({ verdictOf: (k) => verdicts.get(k), reasonsOf });
    const cells = [cell('1', 'ShopA'), cell('2', 'Pal'), cell('3', 'Newbie')];
    badges.apply(cells[0]!); // Off: nothing.
    expect(container.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(0);
    badges.setEnabled(true, container);
    expect(cells.map((c) => c.querySelector(`:scope > [${BADGE_ATTR}]`)?.getAttribute('data-qb-verdict'))).toEqual(['seller', 'conversationalist', 'unknown']);
    const host = cells[0]!.querySelector<HTMLElement>(`[${BADGE_ATTR}]`)!;
    // Applying again (every scroll does) reuses the badge: no new element, no new shadow root.
    badges.applyAll(container);
    expect(container.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(3);
    expect(cells[0]!.querySelector(`[${BADGE_ATTR}]`)).toBe(host);
    expect(roots).toHaveLength(3);
    expect(host.shadowRoot).toBeNull();
    const root = roots[0]!;
    expect(root.querySelector('button')!.textContent).toBe('seller');
    expect(roots[1]!.querySelector('button')!.textContent).toBe('people');
    expect(roots[2]!.querySelector('button')!.textContent).toBe('not enough seen');
    spy.mockRestore();

    // A script's click does nothing; the user's opens the reasons.
    root.querySelector('button')!.click();
    expect(host.hasAttribute('data-qb-open')).toBe(false);
    expect(reasonsOf).not.toHaveBeenCalled();
    trustedClick(root.querySelector('button')!);
    expect(host.hasAttribute('data-qb-open')).toBe(true);
    expect(reasonsOf).toHaveBeenCalledWith('ShopA');

    // The author's verdict changes: the badge follows.
    verdicts.set('pal', { handle: 'Pal', verdict: 'seller', reason: '' });
    badges.applyAll(container, new Set(['pal']));
    expect(cells[1]!.querySelector(`[${BADGE_ATTR}]`)!.getAttribute('data-qb-verdict')).toBe('seller');

    badges.setEnabled(false, container);
    expect(container.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(0);
  });
});
