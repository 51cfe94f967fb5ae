// The options page with long lists: settings first in the tab order, one page of rows in the
// DOM whatever the list's length, search and paging; the sellers list and the history, each
// loading its own data from a fake background and again when told something changed.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope, HistoryData, PopupAuthor } from '../../src/shared/messages';
import { OptionsApp, type Send } from '../../src/options/app';
import { OptionsView, type OptionsActions } from '../../src/options/view';
import { getMockOptionsData } from '../../src/options/mock-data';
import { HistoryView } from '../../src/options/history';
import { SellersView } from '../../src/options/sellers';
import { withContainer } from '../helpers/render-container';

let container: HTMLElement;
const settle = async (rounds = 8) => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
};
const noopActions: OptionsActions = {
  setSettings: vi.fn(),
  addHandle: vi.fn(),
  removeHandle: vi.fn(),
  exportData: vi.fn(),
  importFile: vi.fn(),
  forgetAll: vi.fn(),
};
const handles = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const focusables = () => [...container.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input, select, summary, label.file-button')];
const type = async (input: HTMLInputElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle(2);
};

withContainer((el) => (container = el));

describe('long lists', () => {
  const big = () => {
    const d = getMockOptionsData();
    d.settings = { ...d.settings, allowList: handles('friend_', 10_000), blockList: handles('spam_', 10_000) };
    return d;
  };

  it('puts 50 rows of each list in the page, not 10,000', () => {
    render(<OptionsView data={big()} actions={noopActions} />, container);
    expect(container.querySelectorAll('[data-list="allow"] li.handle-row')).toHaveLength(50);
    expect(container.querySelectorAll('[data-list="block"] li.handle-row')).toHaveLength(50);
    expect(container.querySelectorAll('*').length).toBeLessThan(1000);
    expect(container.querySelector('[data-list="allow"] .list-count')!.textContent).toBe('10,000 accounts');
  });

  it('reaches every setting before any list row with the keyboard', () => {
    render(<OptionsView data={big()} actions={noopActions} />, container);
    const order = focusables();
    const firstRow = order.findIndex((el) => el.closest('li.handle-row'));
    const settings = ['quiet-mode', 'sensitivity', 'hide-mixed', 'hide-ads', 'exempt-followed'].map((id) => order.findIndex((el) => el.id === id));
    expect(settings.every((i) => i >= 0 && i < firstRow)).toBe(true);
    expect(Math.max(...settings)).toBeLessThan(6);
  });

  it('searches a list and pages through what matches', async () => {
    render(<OptionsView data={big()} actions={noopActions} />, container);
    const allow = container.querySelector<HTMLElement>('[data-list="allow"]')!;
    expect(allow.querySelector('.pager-status')!.textContent).toBe('1–50 of 10,000');
    allow.querySelector<HTMLButtonElement>('.pager button:last-child')!.click();
    await settle(2);
    expect(allow.querySelector('.pager-status')!.textContent).toBe('51–100 of 10,000');
    expect(allow.querySelector('li .handle')!.textContent).toBe('@friend_50');
    await type(allow.querySelector<HTMLInputElement>('#allow-search')!, '@FRIEND_999');
    expect([...allow.querySelectorAll('li .handle')].map((e) => e.textContent)).toEqual(['@friend_999', '@friend_9990', '@friend_9991', '@friend_9992', '@friend_9993', '@friend_9994', '@friend_9995', '@friend_9996', '@friend_9997', '@friend_9998', '@friend_9999']);
    expect(allow.querySelector('.pager')).toBeNull();
    await type(allow.querySelector<HTMLInputElement>('#allow-search')!, 'nobody');
    expect(allow.textContent).toContain('Nothing matches "nobody".');
  });

  it('says when the lists are too long for browser sync and stay on this computer', () => {
    render(<OptionsView data={{ ...big(), sync: 'lists-local' }} actions={noopActions} />, container);
    expect(container.querySelector('[data-list="allow"] .sync-note')!.textContent).toContain('too long for browser sync');
    render(<OptionsView data={{ ...getMockOptionsData(), sync: 'synced' }} actions={noopActions} />, container);
    expect(container.querySelector('.sync-note')).toBeNull();
    expect(container.querySelector('.lede')!.textContent).toContain('follow you to your other browsers');
  });

  it('leaves a short list without search or pager', () => {
    render(<OptionsView data={getMockOptionsData()} actions={noopActions} />, container);
    expect(container.querySelector('#allow-search')).toBeNull();
    expect(container.querySelector('.pager')).toBeNull();
  });
});

function seller(i: number): PopupAuthor {
  return { key: `shop${i}`, handle: `Shop${i}`, verdict: 'seller', confidence: 0.9, sellingShare: 0.9, posts: 5, sellingPosts: 4, reasons: ['4 of 5 posts carried shop links'], override: null };
}

describe('the sellers and history panels', () => {
  function background() {
    const all = Array.from({ length: 120 }, (_, i) => seller(i));
    const calls: Envelope[] = [];
    const send = vi.fn<Send>(async (m) => {
      calls.push(m);
      switch (m.type) {
        case 'get-options-data':
          return getMockOptionsData();
        case 'get-sellers': {
          const { query = '', offset = 0, limit = 50 } = m.payload as { query?: string; offset?: number; limit?: number };
          const matching = all.filter((a) => a.key.includes(query.toLowerCase()));
          return { total: matching.length, offset, items: matching.slice(offset, offset + limit) };
        }
        case 'get-history':
          return { weeks: [{ start: '2026-01-05', seen: 10, selling: 4, hidden: 3 }], days: [] } satisfies HistoryData;
        case 'set-override':
          return getMockOptionsData().settings;
        default:
          throw new Error(m.type);
      }
    });
    return { send, calls };
  }

  it('pages and searches the sellers through the background, and marks a choice at once', async () => {
    const { send, calls } = background();
    render(<OptionsApp send={send} />, container);
    await settle();
    const sellers = container.querySelector<HTMLElement>('#sellers')!;
    expect(sellers.querySelectorAll('li.seller')).toHaveLength(50);
    expect(sellers.querySelector('.list-count')!.textContent).toBe('120 accounts');
    sellers.querySelector<HTMLButtonElement>('.pager button:last-child')!.click();
    await settle();
    expect(calls.filter((m) => m.type === 'get-sellers').at(-1)!.payload).toEqual({ query: '', offset: 50, limit: 50 });
    expect(sellers.querySelector('.pager-status')!.textContent).toBe('51–100 of 120');
    await type(sellers.querySelector<HTMLInputElement>('#sellers-search')!, 'shop11');
    await settle();
    expect([...sellers.querySelectorAll('li.seller .handle')].map((e) => e.textContent)).toEqual(['@Shop11', '@Shop110', '@Shop111', '@Shop112', '@Shop113', '@Shop114', '@Shop115', '@Shop116', '@Shop117', '@Shop118', '@Shop119']);
    sellers.querySelector<HTMLButtonElement>('[aria-label="Hide @Shop11"]')!.click();
    await settle(1);
    expect(sellers.querySelector('[aria-label="Undo hide for @Shop11"]')).not.toBeNull();
    expect(calls.find((m) => m.type === 'set-override')!.payload).toEqual({ handle: 'shop11', override: 'hide' });
  });

  it('offers no search before any account sells; a search that matched nothing keeps its field', () => {
    const props = { failed: false, onQuery: vi.fn(), onPage: vi.fn(), setOverride: vi.fn() };
    render(<SellersView {...props} page={{ total: 0, offset: 0, items: [] }} query="" />, container);
    expect(container.querySelector('#sellers-search')).toBeNull();
    expect(container.textContent).toContain('No account judged to sell yet');
    render(<SellersView {...props} page={{ total: 0, offset: 0, items: [] }} query="nobody" />, container);
    expect(container.querySelector<HTMLInputElement>('#sellers-search')?.value).toBe('nobody');
    // While the first page loads, the field is there (no jump when it arrives).
    render(<SellersView {...props} page={null} query="" />, container);
    expect(container.querySelector('#sellers-search')).not.toBeNull();
  });

  it('loads again when the background says something changed', async () => {
    const { send, calls } = background();
    const listeners = new Set<() => void>();
    const changed = () => listeners.forEach((fn) => fn());
    const subscribe = (fn: () => void) => (listeners.add(fn), () => void listeners.delete(fn));
    render(<OptionsApp send={send} subscribe={subscribe} />, container);
    await settle();
    const before = calls.length;
    changed();
    await settle();
    expect(calls.slice(before).map((m) => m.type).sort()).toEqual(['get-history', 'get-options-data', 'get-sellers']);
  });

  it('shows every week kept and the last 7 days as tables (the chart is decoration)', () => {
    const history: HistoryData = {
      weeks: [
        { start: '2026-01-05', seen: 100, selling: 30, hidden: 20 },
        { start: '2025-12-29', seen: 50, selling: 5, hidden: 2 },
      ],
      days: [
        { day: '2026-01-06', seen: 0, selling: 0, hidden: 0 },
        { day: '2026-01-07', seen: 40, selling: 10, hidden: 8 },
      ],
    };
    render(<HistoryView history={history} />, container);
    const [days, weeks] = [...container.querySelectorAll('table')];
    expect(days!.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(days!.querySelector('tbody tr:last-child')!.textContent).toBe('Wed Jan 7401082' + '5%');
    expect(weeks!.querySelector('tbody tr')!.textContent).toBe('This week100302030%');
    expect(weeks!.querySelector('tbody tr:last-child th')!.textContent).toBe('Week of Dec 29, 2025');
    expect(container.querySelector('.chart')!.getAttribute('aria-hidden')).toBe('true');
    expect(container.querySelectorAll('.chart-bar')).toHaveLength(2);
  });
});
