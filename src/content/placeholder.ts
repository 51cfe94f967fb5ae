// The one-line stand-in for a quieted tweet. It lives in a shadow root so X's styles cannot
// restyle it, and every string in it is set as text: handles and reasons are never HTML.
// Its colours follow X's own theme (light, dim, lights out: read from the page's background,
// not the OS setting), each pair at least 4.5:1 (WCAG AA); the reason wraps rather than being
// cut. Its words come from _locales (src/ui/i18n.ts).
//
// After "Show" or "Always show" a small bar stays in the tweet's place with "Hide again" /
// "Undo", so neither is a one-way door.
//
// Trust (src/shared/trust-model.ts, rule "clicks"): scripts of the x.com page share this DOM. The
// shadow root is closed, so they cannot reach our buttons, and each action also requires a
// trusted event (a real user's click or key press), so a synthetic `click()` on the host or a
// forged event does nothing.
import { QB_ATTR } from './dom-attributes';
import { word as t } from './words';

/** Closed roots, reachable only from the content script (tests read the text through this). */
const roots = new WeakMap<HTMLElement, ShadowRoot>();

export function placeholderRoot(host: HTMLElement): ShadowRoot | undefined {
  return roots.get(host);
}

/** A click handler that ignores events a script made up. */
function onTrustedClick(button: HTMLElement, action: () => void): void {
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    if (e.isTrusted !== true) return;
    action();
  });
}

export interface PlaceholderActions {
  show(): void;
  alwaysShow(): void;
}

export type XTheme = 'light' | 'dim' | 'dark';

/** X's three themes, by the page background X sets on <body>: #FFFFFF, #15202B, #000000. */
export function themeOfColor(color: string): XTheme | undefined {
  const m = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)(?:[\s,/]+([\d.]+))?/i.exec(color.trim());
  const hex = /^#([0-9a-f]{6})$/i.exec(color.trim());
  const rgb = m ? [m[1], m[2], m[3]].map(Number) : hex ? [0, 2, 4].map((i) => parseInt(hex[1]!.slice(i, i + 2), 16)) : undefined;
  if (!rgb || (m?.[4] !== undefined && Number(m[4]) === 0)) return undefined; // transparent says nothing
  const [r, g, b] = rgb as [number, number, number];
  if ((r + g + b) / 3 > 128) return 'light';
  return Math.max(r, g, b) < 12 ? 'dark' : 'dim';
}

/** The theme of the X page `doc` shows: X writes the background inline on <body> (no style recalculation to read it). */
export function xTheme(doc: Document = document): XTheme {
  const body = doc.body;
  if (!body) return 'light';
  const inline = body.style.backgroundColor;
  if (inline && inline === lastInline.color) return lastInline.theme; // Read once per colour, not per placeholder.
  const theme = themeOfColor(inline);
  if (theme) {
    lastInline.color = inline;
    lastInline.theme = theme;
    return theme;
  }
  return themeOfColor(doc.defaultView?.getComputedStyle(body).backgroundColor ?? '') ?? 'light';
}
const lastInline: { color: string; theme: XTheme } = { color: '', theme: 'light' };

/** Text, handle, button and line colours per X theme; every text pair ≥ 4.5:1 on its background. */
export const THEME_COLORS: Record<XTheme, { bg: string; text: string; who: string; button: string; line: string }> = {
  light: { bg: '#FFFFFF', text: '#536471', who: '#0F1419', button: '#006FD6', line: '#CFD9DE' },
  dim: { bg: '#15202B', text: '#8B98A5', who: '#F7F9F9', button: '#4AA8F5', line: '#38444D' },
  dark: { bg: '#000000', text: '#8B98A5', who: '#E7E9EA', button: '#1D9BF0', line: '#2F3336' },
};

const themeRules = (Object.entries(THEME_COLORS) as Array<[XTheme, (typeof THEME_COLORS)[XTheme]]>)
  .map(([name, c]) => `:host([data-theme="${name}"]) { --bg: ${c.bg}; --text: ${c.text}; --who: ${c.who}; --button: ${c.button}; --line: ${c.line}; }`)
  .join('\n');

const STYLE = `
:host { all: initial; display: block; }
${themeRules}
.qb { display: flex; align-items: center; gap: 6px 8px; flex-wrap: wrap; padding: 10px 16px;
  font: 14px/1.35 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  background: var(--bg); color: var(--text); border-bottom: 1px solid var(--line); }
.text { flex: 1 1 200px; min-width: 0; white-space: normal; overflow-wrap: anywhere; }
.who { font-weight: 600; color: var(--who); }
.actions { display: flex; gap: 8px; flex-wrap: wrap; }
button { font: inherit; font-size: 13px; cursor: pointer; border-radius: 999px; padding: 3px 12px;
  border: 1px solid var(--line); background: var(--bg); color: var(--button); }
button:hover { border-color: var(--button); }
button:focus-visible { outline: 2px solid var(--button); outline-offset: 2px; }
`;

function button(label: string, action: () => void, ariaLabel?: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  if (label) b.textContent = label;
  if (ariaLabel) b.setAttribute('aria-label', ariaLabel);
  onTrustedClick(b, action);
  return b;
}

/** A host with a closed shadow root in X's current theme, holding `text` and `buttons`. */
function bar(attr: string, label: string, text: HTMLElement, buttons: HTMLButtonElement[]): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute(attr, '');
  host.setAttribute('data-theme', xTheme(document));
  const root = host.attachShadow({ mode: 'closed' });
  roots.set(host, root);
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = document.createElement('div');
  box.className = 'qb';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', label);
  text.className = 'text';
  const actions = document.createElement('span');
  actions.className = 'actions';
  actions.append(...buttons);
  box.append(text, actions);
  root.append(style, box);
  // X opens the tweet on any click in its cell: keep clicks on our bar to ourselves.
  host.addEventListener('click', (e) => e.stopPropagation());
  return host;
}

/**
 * What can change on a placeholder of ours: the handle and reason it says, the labels naming the
 * handle, and the actions its buttons take. A placeholder is built once and may be said again
 * for another tweet (refitPlaceholder): its buttons call whatever `actions` it holds now.
 */
interface Parts {
  who: Text;
  why: Text;
  box: HTMLElement;
  show: HTMLButtonElement;
  always: Text;
  actions: PlaceholderActions;
}
const parts = new WeakMap<HTMLElement, Parts>();

const reasonText = (reason: string) => ` — ${reason}`;

/** Build the placeholder host element (not yet in the document). */
export function createPlaceholder(handle: string, reason: string, actions: PlaceholderActions): HTMLElement {
  const text = document.createElement('span');
  const whoBox = document.createElement('span');
  whoBox.className = 'who';
  const who = document.createTextNode('');
  whoBox.append(who);
  const why = document.createTextNode(reasonText(reason));
  text.append(`${t('placeholder_quieted')} `, whoBox, why);
  const always = document.createTextNode('');
  let host: HTMLElement | undefined;
  const act = (which: keyof PlaceholderActions) => () => {
    if (host) parts.get(host)?.actions[which]();
  };
  const show = button(t('placeholder_show'), act('show'));
  const alwaysButton = button('', act('alwaysShow'));
  alwaysButton.append(always);
  host = bar(QB_ATTR.placeholder, '', text, [show, alwaysButton]);
  const p: Parts = { who, why, box: text.parentElement!, show, always, actions };
  sayHandle(p, `@${handle}`);
  parts.set(host, p);
  return host;
}

/** The handle a placeholder says, and the labels naming it (the group's, Show's, Always show's text). */
function sayHandle(p: Parts, at: string): void {
  p.who.data = at;
  p.always.data = t('override_show_label', [at]);
  p.box.setAttribute('aria-label', t('placeholder_label', [at]));
  p.show.setAttribute('aria-label', t('placeholder_show_label', [at]));
}

/**
 * Says another tweet on a placeholder of ours that is in no cell (X removed the cell it was in):
 * the handle, the labels naming it, the reason, the theme and the actions; false when `host` is
 * not one. Four text changes instead of a shadow root, its style, two buttons and their listeners
 * built again: a virtualised timeline removes a cell for each it adds.
 */
export function refitPlaceholder(host: HTMLElement, handle: string, reason: string, actions: PlaceholderActions): boolean {
  const p = parts.get(host);
  if (!p) return false;
  const at = `@${handle}`;
  if (p.who.data !== at) sayHandle(p, at);
  const why = reasonText(reason);
  if (p.why.data !== why) p.why.data = why;
  const theme = xTheme(document);
  if (host.getAttribute('data-theme') !== theme) host.setAttribute('data-theme', theme);
  p.actions = actions;
  return true;
}

/**
 * Says a new reason on a placeholder of ours (an author's verdict changes its counts with every
 * post: "5 of 7" → "6 of 8"); false when `host` is not one. A rebuild cost a shadow root, its
 * style and two buttons for each of the author's cells on the page, at every new verdict.
 */
export function setPlaceholderReason(host: HTMLElement, reason: string): boolean {
  const p = parts.get(host);
  if (!p) return false;
  p.why.data = reasonText(reason);
  return true;
}

export type UndoKind = 'shown' | 'always';

/**
 * The bar left in a tweet's place after "Show" (kind 'shown': "Hide again") or "Always show"
 * (kind 'always': "Undo"), so the user can take either back where they made it.
 */
export function createUndoBar(handle: string, kind: UndoKind, undo: () => void): HTMLElement {
  const at = `@${handle}`;
  const text = document.createElement('span');
  text.textContent = kind === 'shown' ? t('placeholder_shown', [at]) : t('override_state_show_handle', [at]);
  const label = kind === 'shown' ? t('placeholder_hide_again') : t('undo');
  const aria = kind === 'shown' ? t('placeholder_hide_again_label', [at]) : t('override_undo_show_label', [at]);
  const host = bar(QB_ATTR.undo, t('placeholder_label', [at]), text, [button(label, undo, aria)]);
  host.setAttribute('data-kind', kind);
  return host;
}
