// The popup view, rendered from mock data into happy-dom: what a person sees and what each
// control asks for. No browser, no background.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PopupAuthor, PopupData } from '../../src/shared/messages';
import { getMockData } from '../../src/popup/mock-data';
import { PopupView, type PopupActions } from '../../src/popup/view';
import { formatCounts, formatDay, formatRatio, profileUrl } from '../../src/ui/format';
import { withContainer } from '../helpers/render-container';

let container: HTMLElement;

function fakeActions() {
  return {
    setQuietMode: vi.fn<PopupActions['setQuietMode']>(),
    setSensitivity: vi.fn<PopupActions['setSensitivity']>(),
    setHideMixed: vi.fn<PopupActions['setHideMixed']>(),
    setHideAds: vi.fn<PopupActions['setHideAds']>(),
    setExemptFollowed: vi.fn<PopupActions['setExemptFollowed']>(),
    setOverride: vi.fn<PopupActions['setOverride']>(),
  };
}

function show(data: PopupData | null, opts: { error?: string; shortcut?: string } = {}) {
  const actions = fakeActions();
  render(<PopupView data={data} actions={actions} {...opts} />, container);
  return actions;
}

function withData(patch: Partial<PopupData>): PopupData {
  return { ...getMockData(), ...patch };
}

const text = () => (container.textContent ?? '').replace(/\s+/g, ' ');

/** The accessible name of a form control named by a <label for> (what our controls use). */
function labelOf(el: Element): string {
  if (el.getAttribute('aria-label')) return el.getAttribute('aria-label')!;
  const label = container.querySelector(`label[for="${el.id}"]`);
  return (label?.textContent ?? '').trim();
}

function switchNamed(name: string): HTMLInputElement {
  const found = [...container.querySelectorAll<HTMLInputElement>('input[role="switch"]')].filter(
    (el) => labelOf(el) === name,
  );
  expect(found).toHaveLength(1);
  return found[0]!;
}

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].filter(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  );
  expect(found, `button "${name}"`).toHaveLength(1);
  return found[0]!;
}

function author(patch: Partial<PopupAuthor>): PopupAuthor {
  return {
    key: 'shopbot',
    handle: 'shopbot',
    verdict: 'seller',
    confidence: 0.8,
    sellingShare: 0.71,
    posts: 7,
    sellingPosts: 5,
    reasons: ['5 of 7 posts carried shop links'],
    override: null,
    ...patch,
  };
}

withContainer((el) => (container = el));

describe('quiet-mode switch', () => {
  it('is a switch named exactly "Quiet mode", checked when quiet mode is on', () => {
    show(getMockData());
    const sw = switchNamed('Quiet mode');
    expect(sw.type).toBe('checkbox');
    expect(sw.checked).toBe(true);
    // The label is a real <label>, so clicking the words toggles too.
    expect(container.querySelector('label[for="quiet-mode"]')?.tagName).toBe('LABEL');
  });

  it('is unchecked when quiet mode is off', () => {
    const data = getMockData();
    show({ ...data, settings: { ...data.settings, quietMode: false } });
    expect(switchNamed('Quiet mode').checked).toBe(false);
    expect(text()).toContain('Off: every tweet shows.');
  });

  it('asks to turn quiet mode off when clicked while on', () => {
    const actions = show(getMockData());
    switchNamed('Quiet mode').click();
    expect(actions.setQuietMode).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('asks to turn quiet mode on when clicked while off', () => {
    const data = getMockData();
    const actions = show({ ...data, settings: { ...data.settings, quietMode: false } });
    switchNamed('Quiet mode').click();
    expect(actions.setQuietMode).toHaveBeenCalledExactlyOnceWith(true);
  });

  it('shows the keyboard shortcut, Alt+Shift+Q by default', () => {
    show(getMockData());
    const hint = container.querySelector('#quiet-mode-hint')!;
    expect(hint.textContent).toContain('Alt+Shift+Q');
    expect([...hint.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Alt', 'Shift', 'Q']);
    expect(switchNamed('Quiet mode').getAttribute('aria-describedby')).toBe('quiet-mode-hint');
  });

  it('shows the shortcut the user set, and none when they removed it', () => {
    show(getMockData(), { shortcut: 'Ctrl+Shift+9' });
    expect(container.querySelector('#quiet-mode-hint')!.textContent).toContain('Ctrl+Shift+9');
    show(getMockData(), { shortcut: '' });
    expect(container.querySelector('#quiet-mode-hint kbd')).toBeNull();
  });
});

describe('noise ratios', () => {
  it("shows today's and the last 7 days' selling share with the counts behind it", () => {
    show(getMockData());
    const today = container.querySelector('#noise-today')!;
    expect(today.querySelector('.ratio')!.textContent).toBe('30%');
    expect(today.textContent).toContain("40 tweets seen, 12 of them selling · quiet mode hid 9: sellers' posts and ads");
    const week = container.querySelector('#noise-week')!;
    expect(week.querySelector('.ratio')!.textContent).toBe('23%'); // 71 / 312
    expect(week.textContent).toContain('312 tweets seen, 71 of them selling · quiet mode hid 58');
  });

  it('shows "—" when nothing was seen', () => {
    show(withData({ today: { day: '2025-06-11', seen: 0, selling: 0, hidden: 0 } }));
    const today = container.querySelector('#noise-today')!;
    expect(today.querySelector('.ratio')!.textContent).toBe('—');
    expect(today.textContent).toContain('No tweets seen yet');
  });

  it.each([
    [0, 0, '—'],
    [0, 10, '0%'],
    [1, 400, '<1%'],
    [1, 3, '33%'],
    [2, 3, '67%'],
    [5, 5, '100%'],
    [7, 5, '100%'],
  ])('formats %i of %i as %s', (selling, seen, expected) => {
    expect(formatRatio(selling, seen)).toBe(expected);
  });

  it('says "tweet" for one seen, and what the hidden count holds', () => {
    expect(formatCounts({ seen: 1, selling: 1, hidden: 1 })).toBe("1 tweet seen, 1 selling · quiet mode hid 1: sellers' posts and ads");
    expect(formatCounts({ seen: 1200, selling: 0, hidden: 0 })).toBe('1,200 tweets seen, 0 of them selling · nothing hidden');
  });
});

describe('weeks', () => {
  it('renders one table row per week, newest first, with headers', () => {
    show(getMockData());
    const table = container.querySelector('table.weeks')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim())).toEqual([
      'Week',
      'Selling',
      'Seen',
    ]);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['This week', '23%', '118'],
      ['Week of Jun 2', '25%', '264'],
      ['Week of May 26', '30%', '301'],
      ['Week of May 19', '32%', '97'],
    ]);
    expect(table.querySelector('tbody tr th')!.getAttribute('scope')).toBe('row');
    expect(table.querySelectorAll('time')[1]!.getAttribute('datetime')).toBe('2025-06-02');
  });

  it('hides the bars from assistive tech (the percentage says it)', () => {
    show(getMockData());
    const bars = container.querySelectorAll('.bar');
    expect(bars).toHaveLength(4);
    bars.forEach((b) => expect(b.getAttribute('aria-hidden')).toBe('true'));
  });

  it('shows the year of weeks from another year', () => {
    expect(formatDay('2024-12-30', 2025)).toBe('Dec 30, 2024');
    expect(formatDay('2025-01-06', 2025)).toBe('Jan 6');
    expect(formatDay('not a day', 2025)).toBe('not a day');
  });

  it('says so when there are no weeks yet', () => {
    show(withData({ weeks: [] }));
    expect(container.querySelector('table.weeks')).toBeNull();
    expect(text()).toContain('No weeks recorded yet.');
  });
});

describe('vendor-heavy accounts', () => {
  it('lists each account with handle, name, verdict, share and first reasons', () => {
    show(getMockData());
    const items = [...container.querySelectorAll('ul.accounts > li')];
    expect(items).toHaveLength(5);
    const first = items[0]!;
    expect(first.querySelector('.handle')!.textContent).toBe('@DealsDaily_HQ');
    expect(first.querySelector('.name')!.textContent).toBe('Deals Daily 🔥');
    expect(first.querySelector('.badge')!.textContent).toBe('Mostly sells');
    expect(first.querySelector('.account-share')!.textContent).toBe('12 of 13 posts selling');
    const visible = [...first.querySelectorAll(':scope > ul.reasons > li')].map((li) => li.textContent);
    expect(visible).toEqual(['12 of 13 posts carried shop links', '9 of 13 posts had discount codes']);
  });

  it('keeps the remaining reasons behind a disclosure', () => {
    show(getMockData());
    const first = container.querySelector('ul.accounts > li')!;
    const details = first.querySelector('details')!;
    expect(details.querySelector('summary')!.textContent).toBe('2 more reasons');
    expect([...details.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Bio links to a storefront (amzn.to)',
      'Posts through Buffer, a scheduling app',
    ]);
  });

  it('shows a mixed account with its own badge', () => {
    show(getMockData());
    const jane = [...container.querySelectorAll('ul.accounts > li')].find((li) =>
      li.textContent?.includes('@jane_makes'),
    )!;
    expect(jane.getAttribute('data-verdict')).toBe('mixed');
    expect(jane.querySelector('.badge')!.textContent).toBe('Mixed');
  });

  it('links a real handle to its profile, and nothing else', () => {
    show(getMockData());
    const link = container.querySelector<HTMLAnchorElement>('ul.accounts > li a.handle')!;
    expect(link.getAttribute('href')).toBe('https://x.com/DealsDaily_HQ');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(profileUrl('javascript:alert(1)')).toBeNull();
    expect(profileUrl('a/../../evil')).toBeNull();
  });

  it('offers "Always show" and "Hide" named with the handle when there is no override', () => {
    const actions = show(withData({ authors: [author({ override: null })] }));
    button('Always show @shopbot').click();
    expect(actions.setOverride).toHaveBeenLastCalledWith('shopbot', 'show');
    button('Hide @shopbot').click();
    expect(actions.setOverride).toHaveBeenLastCalledWith('shopbot', 'hide');
    expect(actions.setOverride).toHaveBeenCalledTimes(2);
  });

  it('offers "Undo" for an account always shown', () => {
    const actions = show(withData({ authors: [author({ override: 'show' })] }));
    expect(text()).toContain('You always show this account');
    expect(container.querySelector('[aria-label="Always show @shopbot"]')).toBeNull();
    const undo = button('Undo always show for @shopbot');
    expect(undo.textContent).toBe('Undo');
    undo.click();
    expect(actions.setOverride).toHaveBeenCalledExactlyOnceWith('shopbot', null);
  });

  it('offers "Undo" for an account always hidden', () => {
    const actions = show(withData({ authors: [author({ override: 'hide' })] }));
    expect(text()).toContain('You always hide this account');
    button('Undo hide for @shopbot').click();
    expect(actions.setOverride).toHaveBeenCalledExactlyOnceWith('shopbot', null);
  });

  it('passes the handle as given, with the row it was clicked in', () => {
    const actions = show(getMockData());
    button('Hide @gadgetflip').click();
    button('Undo hide for @CryptoMoonSignals').click();
    expect(actions.setOverride.mock.calls).toEqual([
      ['gadgetflip', 'hide'],
      ['CryptoMoonSignals', null],
    ]);
  });

  it('says what will appear, and when, while no account was judged yet', () => {
    show(withData({ authors: [], vendorCount: 0 }));
    expect(container.querySelector('ul.accounts')).toBeNull();
    expect(text()).toContain('No account judged yet.');
    expect(text()).toContain('at least 3 of its posts seen before a verdict');
    expect(container.querySelector('.see-all')).toBeNull();
  });

  it('lists the week\'s top sellers and opens the options page at the full list', () => {
    const actions = { ...fakeActions(), openOptions: vi.fn() };
    render(<PopupView data={withData({ vendorCount: 230 })} actions={actions} />, container);
    const seeAll = button('See all 230 accounts that sell');
    seeAll.click();
    expect(actions.openOptions).toHaveBeenCalledWith('sellers');
    expect(text()).toContain('"Mixed": they sell sometimes and talk sometimes');
  });

  it('says none was seen this week when older ones exist', () => {
    show(withData({ authors: [], vendorCount: 4 }));
    expect(text()).toContain('None seen in the last 7 days.');
  });
});

describe('untrusted text', () => {
  const evil = '<img src=x onerror=alert(1)>';

  it('shows a handle, name and reason carrying markup as text, not HTML', () => {
    show(
      withData({
        authors: [
          author({
            key: evil,
            handle: evil,
            name: '<b>bold</b><script>alert(2)</script>',
            reasons: ['<a href="javascript:alert(3)">click</a>', 'x', '<iframe src=//evil>'],
          }),
        ],
      }),
    );
    expect(container.querySelector('img, script, iframe, b, a[href^="javascript"]')).toBeNull();
    expect(container.querySelector('.handle')!.textContent).toBe(`@${evil}`);
    expect(container.querySelector('.handle')!.tagName).toBe('SPAN'); // not a link
    expect(container.querySelector('.name')!.textContent).toBe('<b>bold</b><script>alert(2)</script>');
    expect(text()).toContain('<a href="javascript:alert(3)">click</a>');
    // Attributes are set as values, so the handle sits inside the accessible name harmlessly.
    expect(button(`Hide @${evil}`)).toBeTruthy();
  });

  it('never uses innerHTML-style rendering in the popup sources', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join, dirname } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const dir = join(dirname(fileURLToPath(import.meta.url)), '../../src/popup');
    for (const f of readdirSync(dir)) {
      expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/dangerouslySetInnerHTML|innerHTML|outerHTML/);
    }
  });
});

describe('reader health', () => {
  it("warns when the page can't be read", () => {
    show(withData({ status: 'dom-unreadable' }));
    const alert = container.querySelector('[role="alert"]')!;
    expect(alert.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      "Can't read this page: X may have changed its layout. Quiet Bazaar is not hiding anything here.",
    );
  });

  it("notes softly when X's responses could not be read", () => {
    show(withData({ status: 'api-unreadable' }));
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(text()).toContain("The richer data in X's responses could not be read");
  });

  it('asks to open x.com on another site, and still shows the totals', () => {
    show(withData({ status: 'not-x', health: null }));
    expect(text()).toContain("Open x.com to see your timeline's noise.");
    expect(container.querySelector('#noise-today .ratio')!.textContent).toBe('30%');
  });

  it('says only a quiet line when all is well or idle', () => {
    show(getMockData());
    expect(container.querySelector('.note')).toBeNull();
    expect(container.querySelector('.status-line')!.textContent).toBe('Reading this tab: 46 tweets read.');
    show(withData({ status: 'idle' }));
    expect(container.querySelector('.note')).toBeNull();
    expect(container.querySelector('.status-line')!.textContent).toBe('No tweets read on this tab yet.');
  });
});

describe('settings', () => {
  it('shows the sensitivity as a labelled select and reports a change', () => {
    const actions = show(getMockData());
    const select = container.querySelector<HTMLSelectElement>('select#sensitivity')!;
    expect(labelOf(select)).toBe('Sensitivity');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Strict', 'Balanced', 'Loose']);
    expect(select.value).toBe('balanced');
    select.value = 'strict';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(actions.setSensitivity).toHaveBeenCalledExactlyOnceWith('strict');
  });

  it('shows "Hide mixed accounts too" and reports a toggle', () => {
    const data = getMockData();
    const actions = show(data);
    const box = container.querySelector<HTMLInputElement>('input#hide-mixed')!;
    expect(labelOf(box)).toBe('Hide mixed accounts too');
    expect(box.checked).toBe(false);
    box.click();
    expect(actions.setHideMixed).toHaveBeenCalledExactlyOnceWith(true);
    show({ ...data, settings: { ...data.settings, hideMixed: true } });
    expect(container.querySelector<HTMLInputElement>('input#hide-mixed')!.checked).toBe(true);
  });

  it.each([
    ['hide-ads', 'Hide promoted posts (ads)', 'hideAds', 'setHideAds'],
    ['exempt-followed', 'Never quiet accounts I follow', 'exemptFollowed', 'setExemptFollowed'],
  ] as const)('shows "%s" checked by default and reports turning it off', (id, label, key, action) => {
    const data = getMockData();
    const actions = show(data);
    const box = container.querySelector<HTMLInputElement>(`input#${id}`)!;
    expect(labelOf(box)).toBe(label);
    expect(box.checked).toBe(data.settings[key]);
    box.click();
    expect(actions[action]).toHaveBeenCalledExactlyOnceWith(!data.settings[key]);
  });
});

describe('loading and errors', () => {
  it('shows a loading line before data arrives, with the switch disabled', () => {
    show(null);
    expect(text()).toContain('Loading…');
    expect(switchNamed('Quiet mode').disabled).toBe(true);
    // Busy, not a false "off": neither checked nor unchecked while the settings load.
    expect(switchNamed('Quiet mode').indeterminate).toBe(true);
    expect(switchNamed('Quiet mode').getAttribute('aria-busy')).toBe('true');
    expect(container.querySelector('#quiet-mode-hint')!.textContent).toContain('Loading your settings');
  });

  it('shows the error alone when there is no data', () => {
    show(null, { error: 'The background did not answer.' });
    expect(container.querySelector('[role="alert"]')!.textContent).toBe('The background did not answer.');
    expect(text()).not.toContain('Loading…');
    expect(container.querySelector('#noise-today')).toBeNull();
  });

  it('shows the error above stale data', () => {
    show(getMockData(), { error: 'The background did not answer.' });
    expect(container.querySelector('[role="alert"]')!.textContent).toBe('The background did not answer.');
    expect(container.querySelector('#noise-today')).not.toBeNull();
  });
});
