// Collapses and restores timeline cells. Decisions are synchronous, from verdicts already in
// memory, so a known seller's tweet is collapsed in the same task that X inserted it.
import type { VerdictLite } from '../shared/messages';
import { decideQuiet } from '../shared/quiet-rules';
import { authorKey } from '../shared/handles';
import type { Settings } from '../shared/settings';
import { QB_ATTR } from './dom-attributes';
import { createPlaceholder } from './placeholder';

export interface QuietModeHooks {
  /** A tweet was collapsed for the first time on this page. */
  onHidden(tweetId: string): void;
  /** The user asked to always show this account. */
  onAlwaysShow(handle: string): void;
}

export class QuietMode {
  private settings: Settings;
  private readonly verdicts = new Map<string, VerdictLite>();
  /** Tweets the user un-hid with "Show" (for this page's life). */
  private readonly shownOnce = new Set<string>();
  private readonly hiddenOnce = new Set<string>();

  constructor(settings: Settings, private readonly hooks: QuietModeHooks) {
    this.settings = settings;
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
  }

  getSettings(): Settings {
    return this.settings;
  }

  /** Remember verdicts; returns the author keys whose verdict or reason changed. */
  addVerdicts(list: VerdictLite[]): Set<string> {
    const changed = new Set<string>();
    for (const v of list) {
      const key = authorKey(v.handle);
      const old = this.verdicts.get(key);
      if (!old || old.verdict !== v.verdict || old.reason !== v.reason || old.followed !== v.followed) changed.add(key);
      this.verdicts.set(key, v);
    }
    return changed;
  }

  /** The verdict held for an author key (verdict badges). */
  verdictOf(key: string): VerdictLite | undefined {
    return this.verdicts.get(key);
  }

  /** Drop the verdicts of authors not in `keep` (after a re-judging, they are no longer vendors). */
  forgetExcept(keep: Set<string>): void {
    for (const key of [...this.verdicts.keys()]) if (!keep.has(key)) this.verdicts.delete(key);
  }

  /** Tag a cell with the tweet it now holds (X recycles cells) and collapse or restore it. */
  track(cell: HTMLElement, tweet: { id: string; authorHandle: string; isAd: boolean }): void {
    if (cell.getAttribute(QB_ATTR.tweet) !== tweet.id) {
      cell.setAttribute(QB_ATTR.tweet, tweet.id);
      cell.setAttribute(QB_ATTR.author, authorKey(tweet.authorHandle));
      cell.setAttribute(QB_ATTR.handle, tweet.authorHandle);
    }
    if (tweet.isAd) cell.setAttribute(QB_ATTR.ad, '');
    else cell.removeAttribute(QB_ATTR.ad);
    this.apply(cell);
  }

  /** Re-decide one tracked cell from its attributes and the current settings and verdicts. */
  apply(cell: HTMLElement): void {
    const id = cell.getAttribute(QB_ATTR.tweet);
    const key = cell.getAttribute(QB_ATTR.author);
    const handle = cell.getAttribute(QB_ATTR.handle) ?? key ?? '';
    if (!id || !key) return;
    const decision = this.shownOnce.has(id)
      ? { quiet: false, reason: '' }
      : decideQuiet(key, this.verdicts.get(key), this.settings, { isAd: cell.hasAttribute(QB_ATTR.ad) });
    if (decision.quiet) this.collapse(cell, id, handle, decision.reason);
    else this.restore(cell);
  }

  /** Re-decide every tracked cell in `root` (after a settings or verdict change). */
  applyAll(root: ParentNode, onlyAuthors?: Set<string>): void {
    for (const cell of root.querySelectorAll<HTMLElement>(`[${QB_ATTR.tweet}]`)) {
      if (onlyAuthors && !onlyAuthors.has(cell.getAttribute(QB_ATTR.author) ?? '')) continue;
      this.apply(cell);
    }
  }

  private collapse(cell: HTMLElement, id: string, handle: string, reason: string): void {
    const existing = cell.querySelector<HTMLElement>(`:scope > [${QB_ATTR.placeholder}]`);
    const label = `${id}|${reason}`;
    if (!existing || existing.dataset.qbFor !== label) {
      existing?.remove();
      const ph = createPlaceholder(handle, reason, {
        show: () => {
          this.shownOnce.add(id);
          this.apply(cell);
        },
        alwaysShow: () => {
          const key = authorKey(handle);
          if (!this.settings.allowList.includes(key)) {
            // Act at once; the background's settings change will confirm it.
            this.settings = { ...this.settings, allowList: [...this.settings.allowList, key] };
          }
          this.applyAll(cell.ownerDocument, new Set([key]));
          this.hooks.onAlwaysShow(handle);
        },
      });
      ph.dataset.qbFor = label;
      cell.append(ph);
    }
    cell.setAttribute(QB_ATTR.quiet, '');
    if (!this.hiddenOnce.has(id)) {
      this.hiddenOnce.add(id);
      this.hooks.onHidden(id);
    }
  }

  private restore(cell: HTMLElement): void {
    if (!cell.hasAttribute(QB_ATTR.quiet)) return;
    cell.removeAttribute(QB_ATTR.quiet);
    cell.querySelector(`:scope > [${QB_ATTR.placeholder}]`)?.remove();
  }
}
