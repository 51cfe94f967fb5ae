// The placeholder fits X: X's theme from the page background (not the OS), AA contrast in all
// three themes, the reason wraps, and "Show" / "Always show" can be taken back in place.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietMode } from '../../src/content/quiet-mode';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { THEME_COLORS, placeholderRoot, themeOfColor, xTheme, createPlaceholder } from '../../src/content/placeholder';
import { trustedClick } from '../helpers/trusted-click';

function cell(id: string, handle: string): HTMLElement {
  const c = document.createElement('div');
  c.innerHTML = `<div><article data-testid="tweet"><span>post ${id}</span></article></div>`;
  document.body.append(c);
  return c;
}
const placeholderOf = (c: HTMLElement) => c.querySelector<HTMLElement>('[data-qb-placeholder]');
const undoOf = (c: HTMLElement) => c.querySelector<HTMLElement>('[data-qb-undo]');
const buttons = (host: HTMLElement) => [...placeholderRoot(host)!.querySelectorAll('button')];

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

describe("X's theme", () => {
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['#FFFFFF', 'light'],
    ['rgb(21, 32, 43)', 'dim'],
    ['rgb(0, 0, 0)', 'dark'],
    ['#000000', 'dark'],
    ['rgba(0, 0, 0, 0)', undefined],
    ['', undefined],
  ])('%s → %s', (color, theme) => {
    expect(themeOfColor(color)).toBe(theme);
  });

  it('is read from the page body, whatever the OS scheme', () => {
    document.body.style.backgroundColor = 'rgb(21, 32, 43)';
    expect(xTheme(document)).toBe('dim');
    const host = createPlaceholder('ShopBot', 'reason', { show: vi.fn(), alwaysShow: vi.fn() });
    expect(host.getAttribute('data-theme')).toBe('dim');
    document.body.style.backgroundColor = '';
  });

  it.each(Object.entries(THEME_COLORS))('%s: every text colour is at least 4.5:1 on its background (WCAG AA)', (_name, c) => {
    for (const fg of [c.text, c.who, c.button]) expect(contrast(fg, c.bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('wraps the reason instead of cutting it with an ellipsis', () => {
    const host = createPlaceholder('ShopBot', 'a long reason '.repeat(20), { show: vi.fn(), alwaysShow: vi.fn() });
    const css = placeholderRoot(host)!.querySelector('style')!.textContent!;
    expect(css).not.toMatch(/ellipsis|nowrap/);
    expect(placeholderRoot(host)!.textContent).toContain('a long reason '.repeat(20).trim());
  });
});

describe('taking it back in place', () => {
  const seller = { handle: 'ShopBot', verdict: 'seller' as const, reason: '5 of 7 posts carried shop links' };
  let hooks: { onHidden: any; onAlwaysShow: any; onUndoAlwaysShow: any };
  let qm: QuietMode;
  beforeEach(() => {
    document.body.innerHTML = '';
    hooks = { onHidden: vi.fn(), onAlwaysShow: vi.fn(), onUndoAlwaysShow: vi.fn() };
    qm = new QuietMode({ ...DEFAULT_SETTINGS }, hooks);
    qm.addVerdicts([seller]);
  });

  it('"Show" leaves "Hide again", which collapses the tweet again', () => {
    const a = cell('1', 'ShopBot');
    qm.track(a, { id: '1', authorHandle: 'ShopBot', isAd: false });
    trustedClick(buttons(placeholderOf(a)!)[0]!);
    expect(a.hasAttribute('data-qb-quiet')).toBe(false);
    const undo = undoOf(a)!;
    expect(placeholderRoot(undo)!.textContent).toContain('You are seeing a post from @ShopBot that quiet mode hid.');
    expect(buttons(undo).map((b) => b.textContent)).toEqual(['Hide again']);
    trustedClick(buttons(undo)[0]!);
    expect(a.hasAttribute('data-qb-quiet')).toBe(true);
    expect(undoOf(a)).toBeNull();
  });

  it('"Always show" leaves "Undo" on that tweet only; Undo collapses the account again and tells the background', () => {
    const a = cell('1', 'ShopBot');
    const b = cell('3', 'ShopBot');
    qm.track(a, { id: '1', authorHandle: 'ShopBot', isAd: false });
    qm.track(b, { id: '3', authorHandle: 'ShopBot', isAd: false });
    trustedClick(buttons(placeholderOf(a)!)[1]!);
    expect(document.querySelectorAll('[data-qb-quiet]')).toHaveLength(0);
    expect(undoOf(b)).toBeNull();
    const undo = undoOf(a)!;
    expect(buttons(undo)[0]!.getAttribute('aria-label')).toBe('Undo always show for @ShopBot');
    trustedClick(buttons(undo)[0]!);
    expect(document.querySelectorAll('[data-qb-quiet]')).toHaveLength(2);
    expect(hooks.onUndoAlwaysShow).toHaveBeenCalledWith('ShopBot');
    expect(qm.getSettings().allowList).toEqual([]);
  });

  it('a forged click on the bar does nothing', () => {
    const a = cell('1', 'ShopBot');
    qm.track(a, { id: '1', authorHandle: 'ShopBot', isAd: false });
    trustedClick(buttons(placeholderOf(a)!)[0]!);
    buttons(undoOf(a)!)[0]!.click();
    expect(a.hasAttribute('data-qb-quiet')).toBe(false);
  });
});
