// Verdicts in plain sight (option "Show verdicts on tweets", off by default): a small badge on
// every tracked cell with its author's verdict — seller / mixed / people / not enough seen — that
// opens the reasons on click.
//
// Cheap by design (the content script runs while X scrolls): one host element per cell, a CLOSED
// shadow root (the page cannot reach in or click our buttons by script: handlers also check
// isTrusted), no layout reads, no selectors beyond the cell attributes quiet mode already sets.
// The verdict is also on the host as `data-qb-verdict`, for tests and for users' own styles.
import type { VerdictLite } from '../shared/messages';
import type { Verdict } from '../shared/types';
import { t, type MessageKey } from '../shared/i18n';
import { QB_ATTR, childWith } from './dom-attributes';

export const BADGE_ATTR = 'data-qb-badge';
export const BADGE_VERDICT_ATTR = 'data-qb-verdict';
/** On the host while its reasons are open. */
export const BADGE_OPEN_ATTR = 'data-qb-open';

const BADGE_KEYS: Record<Verdict, MessageKey> = {
  seller: 'badge_seller',
  mixed: 'badge_mixed',
  conversationalist: 'badge_people',
  unknown: 'badge_unknown',
};

/** The badge's word for a verdict, in the user's language (seller / mixed / people / not enough seen). */
export function badgeLabel(v: Verdict): string {
  return t(BADGE_KEYS[v] ?? 'badge_unknown');
}

const STYLE = `
:host { all: initial; position: absolute; top: 6px; right: 84px; z-index: 2; display: block; }
.b { font: 600 11px/16px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  border-radius: 999px; padding: 0 8px; border: 1px solid currentColor; background: rgba(0, 0, 0, 0.6);
  cursor: pointer; color: rgb(139, 152, 165); }
.b[data-v="seller"] { color: rgb(244, 33, 46); }
.b[data-v="mixed"] { color: rgb(255, 173, 31); }
.b[data-v="conversationalist"] { color: rgb(0, 186, 124); }
.b:focus-visible { outline: 2px solid rgb(29, 155, 240); outline-offset: 2px; }
.p { position: absolute; right: 0; top: 20px; width: 260px; padding: 8px 12px; border-radius: 8px;
  font: 13px/1.35 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  background: rgb(21, 32, 43); color: rgb(231, 233, 234); border: 1px solid rgb(56, 68, 77); }
.p[hidden] { display: none; }
.p ul { margin: 4px 0 0; padding-left: 18px; }
`;

interface BadgeParts {
  button: HTMLButtonElement;
  panel: HTMLElement;
  handle: string;
  verdict: Verdict | '';
}

export interface VerdictBadgeDeps {
  verdictOf(authorKey: string): Pick<VerdictLite, 'verdict'> | undefined;
  /** All the reasons, from the background (a click is rare: no need to hold them all here). */
  reasonsOf(handle: string): Promise<{ verdict: Verdict; reasons: string[]; posts: number }>;
}

export class VerdictBadges {
  private enabled = false;
  /** The parts of each badge, reachable only from here (the shadow root is closed). */
  private readonly parts = new WeakMap<HTMLElement, BadgeParts>();

  constructor(private readonly deps: VerdictBadgeDeps) {}

  isEnabled(): boolean {
    return this.enabled;
  }

  /** Turn badges on (on every tracked cell in `root`) or off (all removed). */
  setEnabled(on: boolean, root: ParentNode): void {
    if (on === this.enabled) return;
    this.enabled = on;
    if (on) this.applyAll(root);
    else for (const host of root.querySelectorAll(`[${BADGE_ATTR}]`)) host.remove();
  }

  /** Show the current verdict of the cell's author (call after quiet mode tracked the cell). */
  apply(cell: HTMLElement): void {
    if (!this.enabled) return;
    const key = cell.getAttribute(QB_ATTR.author);
    if (!key) return;
    const handle = cell.getAttribute(QB_ATTR.handle) ?? key;
    const verdict = this.deps.verdictOf(key)?.verdict ?? 'unknown';
    let host = childWith(cell, BADGE_ATTR);
    let parts = host ? this.parts.get(host) : undefined;
    if (!host || !parts) {
      host?.remove();
      host = document.createElement('div');
      host.setAttribute(BADGE_ATTR, '');
      parts = this.build(host);
      this.parts.set(host, parts);
      cell.append(host);
    }
    if (parts.handle !== handle) {
      // X recycled the cell for another author: close what was open for the last one.
      parts.handle = handle;
      parts.panel.hidden = true;
      host.removeAttribute(BADGE_OPEN_ATTR);
    }
    if (parts.verdict !== verdict) {
      parts.verdict = verdict;
      parts.button.dataset.v = verdict;
      parts.button.textContent = badgeLabel(verdict);
      host.setAttribute(BADGE_VERDICT_ATTR, verdict);
    }
    parts.button.setAttribute('aria-label', t('badge_label', [handle, badgeLabel(verdict)]));
  }

  applyAll(root: ParentNode, onlyAuthors?: Set<string>): void {
    if (!this.enabled) return;
    for (const cell of root.querySelectorAll<HTMLElement>(`[${QB_ATTR.tweet}]`)) {
      if (onlyAuthors && !onlyAuthors.has(cell.getAttribute(QB_ATTR.author) ?? '')) continue;
      this.apply(cell);
    }
  }

  private build(host: HTMLElement): BadgeParts {
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'b';
    button.setAttribute('aria-expanded', 'false');
    const panel = document.createElement('div');
    panel.className = 'p';
    panel.hidden = true;
    panel.setAttribute('role', 'note');
    root.append(style, button, panel);
    const parts: BadgeParts = { button, panel, handle: '', verdict: '' };
    button.addEventListener('click', (e) => {
      e.stopPropagation();
      e.preventDefault();
      // A script in the page can dispatch clicks; only the user's own open the reasons.
      if (!e.isTrusted) return;
      const open = panel.hasAttribute('hidden');
      panel.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      host.toggleAttribute(BADGE_OPEN_ATTR, open);
      if (open) void this.fill(parts);
    });
    // X opens the tweet on any click in its cell: keep clicks on the badge to ourselves.
    host.addEventListener('click', (e) => e.stopPropagation());
    return parts;
  }

  private async fill(parts: BadgeParts): Promise<void> {
    const handle = parts.handle;
    parts.panel.textContent = t('badge_loading');
    let text: string;
    let reasons: string[] = [];
    try {
      const r = await this.deps.reasonsOf(handle);
      text = t('badge_head', [handle, badgeLabel(r.verdict), r.posts]);
      reasons = r.reasons.slice(0, 6);
    } catch {
      text = t('badge_error');
    }
    if (parts.handle !== handle) return; // Recycled meanwhile.
    const head = document.createElement('div');
    head.textContent = text;
    const list = document.createElement('ul');
    for (const r of reasons) {
      const li = document.createElement('li');
      li.textContent = r;
      list.append(li);
    }
    parts.panel.replaceChildren(head, ...(reasons.length ? [list] : []));
  }
}
