// The one-line stand-in for a quieted tweet. It lives in a shadow root so X's styles cannot
// restyle it, and every string in it is set as text: handles and reasons are never HTML.
//
// Trust (src/shared/trust-model.ts, rule "clicks"): scripts of the x.com page share this DOM. The
// shadow root is closed, so they cannot reach our buttons, and each action also requires a
// trusted event (a real user's click or key press), so a synthetic `click()` on the host or a
// forged event does nothing.
import { QB_ATTR } from './dom-attributes';

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

const STYLE = `
:host { all: initial; display: block; }
.qb { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; padding: 10px 16px;
  font: 14px/1.35 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: rgb(83, 100, 113); border-bottom: 1px solid rgba(127, 127, 127, 0.25); }
.text { flex: 1 1 200px; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.who { font-weight: 600; }
button { font: inherit; font-size: 13px; cursor: pointer; border-radius: 999px; padding: 3px 12px;
  border: 1px solid rgba(127, 127, 127, 0.45); background: transparent; color: rgb(29, 155, 240); }
button:hover { background: rgba(29, 155, 240, 0.1); }
button:focus-visible { outline: 2px solid rgb(29, 155, 240); outline-offset: 2px; }
@media (prefers-color-scheme: dark) { .qb { color: rgb(139, 152, 165); } }
`;

/** Build the placeholder host element (not yet in the document). */
export function createPlaceholder(handle: string, reason: string, actions: PlaceholderActions): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute(QB_ATTR.placeholder, '');
  const root = host.attachShadow({ mode: 'closed' });
  roots.set(host, root);
  const style = document.createElement('style');
  style.textContent = STYLE;
  const bar = document.createElement('div');
  bar.className = 'qb';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', `Quiet Bazaar hid a post from @${handle}`);
  const text = document.createElement('span');
  text.className = 'text';
  const who = document.createElement('span');
  who.className = 'who';
  text.append('Quieted ', who, ` — ${reason}`);
  who.textContent = `@${handle}`;
  text.title = `Quieted @${handle}: ${reason}`;
  const show = document.createElement('button');
  show.type = 'button';
  show.textContent = 'Show';
  show.setAttribute('aria-label', `Show this post from @${handle}`);
  onTrustedClick(show, () => actions.show());
  const always = document.createElement('button');
  always.type = 'button';
  always.textContent = `Always show @${handle}`;
  onTrustedClick(always, () => actions.alwaysShow());
  bar.append(text, show, always);
  root.append(style, bar);
  // X opens the tweet on any click in its cell: keep clicks on our bar to ourselves.
  host.addEventListener('click', (e) => e.stopPropagation());
  return host;
}
