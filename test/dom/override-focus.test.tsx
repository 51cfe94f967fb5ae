// Keyboard users keep their place: choosing "Always show" / "Hide" (or "Not a seller") replaces
// the buttons with the choice and "Undo", and the focus moves to "Undo" instead of being dropped
// on the page; "Undo" gives it back to the first button. "Forget everything…" puts it on
// "Cancel", never on "Delete".
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditRow, FollowingAudit, PopupData, ReviewData, ReviewRow } from '../../src/shared/messages';
import { getMockData } from '../../src/popup/mock-data';
import { PopupView } from '../../src/popup/view';
import { ReviewView } from '../../src/popup/review';
import { FollowingAuditView } from '../../src/options/following-audit';
import { OptionsView } from '../../src/options/view';
import { getMockOptionsData } from '../../src/options/mock-data';
import { PagerControls } from '../../src/ui/paged-list';
import { withContainer } from '../helpers/render-container';

let container: HTMLElement;
withContainer((el) => (container = el));

const noop = () => undefined;
/** The options page's actions, each doing nothing unless given. */
const optionsActions = (given: Partial<Parameters<typeof OptionsView>[0]['actions']> = {}) => ({
  setSettings: noop,
  addHandle: noop,
  removeHandle: noop,
  exportData: noop,
  importFile: noop,
  forgetAll: noop,
  ...given,
});
const button = (name: string) => {
  const found = [...container.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
/** Focus and press it, as Enter on a focused button does. */
const press = (b: HTMLButtonElement) => {
  b.focus();
  b.click();
};
const focused = () => {
  const el = document.activeElement as HTMLElement | null;
  return el?.getAttribute('aria-label') ?? el?.textContent ?? el?.tagName;
};

describe('the popup\'s top sellers', () => {
  let data: PopupData;
  const show = () => render(<PopupView data={data} actions={{ setQuietMode: noop, setSensitivity: noop, setHideMixed: noop, setHideAds: noop, setExemptFollowed: noop, setOverride }} />, container);
  const setOverride = vi.fn((handle: string, o: 'show' | 'hide' | null) => {
    data = { ...data, authors: data.authors.map((a) => (a.handle === handle ? { ...a, override: o } : a)) };
    show();
  });
  beforeEach(() => {
    data = getMockData();
    show();
  });

  it('"Always show" moves the focus to its "Undo", and "Undo" back to "Always show"', async () => {
    press(button('Always show @DealsDaily_HQ'));
    await vi.waitFor(() => expect(focused()).toBe('Undo always show for @DealsDaily_HQ'));
    press(button('Undo always show for @DealsDaily_HQ'));
    await vi.waitFor(() => expect(focused()).toBe('Always show @DealsDaily_HQ'));
  });

  it('"Hide" moves the focus to its "Undo"', async () => {
    press(button('Hide @DealsDaily_HQ'));
    await vi.waitFor(() => expect(focused()).toBe('Undo hide for @DealsDaily_HQ'));
  });

  it('a change made elsewhere does not take the focus', async () => {
    button('Hide @shopbot').focus();
    data = { ...data, authors: data.authors.map((a) => (a.handle === 'DealsDaily_HQ' ? { ...a, override: 'show' } : a)) };
    show();
    await new Promise((r) => setTimeout(r, 50));
    expect(focused()).toBe('Hide @shopbot');
  });
});

describe('the following audit', () => {
  const row: AuditRow = { key: 'deals', id: '1', handle: 'deals', verdict: 'seller', basis: 'posts', sellingShare: 0.8, posts: 5, sellingPosts: 4, reasons: [], samples: [], override: null, notSeller: false };
  let audit: FollowingAudit;
  const show = () => render(<FollowingAuditView audit={audit} actions={{ override: (_, o) => change({ override: o }), notSeller: (_, on) => change({ notSeller: on }) }} />, container);
  const change = (patch: Partial<AuditRow>) => {
    // The audit waits for the background's answer before it shows the choice.
    setTimeout(() => {
      audit = { ...audit, rows: audit.rows.map((r) => ({ ...r, ...patch })) };
      show();
    }, 5);
  };
  beforeEach(() => {
    audit = { viewer: { handle: 'me' }, total: 1, read: 1, lastReadAt: null, reachedEnd: true, sellers: 1, rows: [row] };
    show();
  });

  it('"Not a seller" moves the focus to its "Undo"', async () => {
    press(button('Not a seller for @deals'));
    await vi.waitFor(() => expect(focused()).toBe('Undo for @deals'));
    press(button('Undo for @deals'));
    await vi.waitFor(() => expect(focused()).toBe('Always show for @deals'));
  });
});

describe('forget everything', () => {
  it('asking puts the focus on "Cancel"; cancelling gives it back', async () => {
    render(<OptionsView data={getMockOptionsData()} actions={optionsActions()} />, container);
    press(button('Forget everything…'));
    await vi.waitFor(() => expect(focused()).toBe('Cancel'));
    press(button('Cancel'));
    await vi.waitFor(() => expect(focused()).toBe('Forget everything…'));
  });
});

describe('always show / always hide lists', () => {
  it('"Remove" puts the focus on the row now in its place, then the add field when the list is empty', async () => {
    let data = getMockOptionsData();
    const show = () =>
      render(
        <OptionsView
          data={data}
          actions={optionsActions({
            removeHandle: (_list, h) => {
              data = { ...data, settings: { ...data.settings, allowList: data.settings.allowList.filter((x) => x !== h) } };
              show();
            },
          })}
        />,
        container,
      );
    show();
    expect(data.settings.allowList).toEqual(['gordonramsay', 'xdevelopers']);
    press(button('Remove @gordonramsay from always show'));
    await vi.waitFor(() => expect(focused()).toBe('Remove @xdevelopers from always show'));
    press(button('Remove @xdevelopers from always show'));
    await vi.waitFor(() => expect((document.activeElement as HTMLElement).id).toBe('add-allow'));
  });
});

describe("the popup's dry run", () => {
  it('"Always hide" moves the focus to its "Undo"; "Always show" (the row goes) to the row in its place', async () => {
    const row = (handle: string): ReviewRow => ({ key: handle, handle, tweets: 2, wouldHide: 2, verdict: 'seller', reasons: ['2 of 2 posts carried shop links'], override: null });
    let data: ReviewData = { known: true, quietMode: true, tweets: 4, rows: [row('shopa'), row('shopb')] };
    // The review reloads after the background's answer.
    const onOverride = (handle: string, o: 'show' | 'hide' | null) =>
      setTimeout(() => {
        data = { ...data, rows: o === 'show' ? data.rows.filter((r) => r.handle !== handle) : data.rows.map((r) => (r.handle === handle ? { ...r, override: o } : r)) };
        show();
      }, 5);
    const show = () => render(<ReviewView data={data} onOverride={onOverride} />, container);
    show();
    press(button('Always hide for @shopa'));
    await vi.waitFor(() => expect(focused()).toBe('Undo for @shopa'));
    press(button('Always show for @shopa'));
    await vi.waitFor(() => expect(focused()).toBe('Always hide for @shopb'));
  });
});

describe('the following audit, more than a page', () => {
  it('"Show more" puts the focus on the first account it added, not past them', async () => {
    const rows = Array.from({ length: 60 }, (_, i): AuditRow => ({ key: `acct${i}`, id: String(i), handle: `acct${i}`, verdict: 'unknown', basis: 'none', sellingShare: 0, posts: 0, sellingPosts: 0, reasons: [], samples: [], override: null, notSeller: false }));
    render(<FollowingAuditView audit={{ viewer: { handle: 'me' }, total: 60, read: 60, lastReadAt: null, reachedEnd: true, sellers: 0, rows }} actions={{ override: noop, notSeller: noop }} />, container);
    expect(container.querySelectorAll('.audit-row')).toHaveLength(50);
    press(button('Show 10 more'));
    await vi.waitFor(() => expect(focused()).toBe('@acct50'));
    expect(container.querySelectorAll('.audit-row')).toHaveLength(60);
  });
});

describe('a pager', () => {
  it('gives the focus to Previous when Next turns disabled on the last page (and back on the first)', async () => {
    let offset = 0;
    const show = () => render(<PagerControls id="t" offset={offset} pageSize={50} total={120} onPage={onPage} />, container);
    const onPage = (o: number) => {
      offset = o;
      show();
    };
    show();
    press(button('Next'));
    await vi.waitFor(() => expect(container.querySelector('.pager-status')!.textContent).toBe('51–100 of 120'));
    expect(focused()).toBe('Next');
    press(button('Next'));
    await vi.waitFor(() => expect(focused()).toBe('Previous'));
    expect(button('Next').disabled).toBe(true);
    press(button('Previous'));
    press(button('Previous'));
    await vi.waitFor(() => expect(focused()).toBe('Next'));
    expect(button('Previous').disabled).toBe(true);
  });
});
