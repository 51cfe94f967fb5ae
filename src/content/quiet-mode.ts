// Collapses and restores timeline cells. Decisions are synchronous, from verdicts already in
// memory, so a known seller's tweet is collapsed in the same task that X inserted it.
//
//   track(cell)            new cell (or recycled) ─► decide now, before paint
//   apply / applyAll       the user acted (Show, Always show, settings) ─► decide now
//   applyVerdicts(list)    the background's verdicts changed ─► a cell whose state would change
//                          waits in the ScreenGate until it is off screen; while on screen it
//                          carries a small "folds when you scroll past" label
//
// Seller and mixed verdicts are all held (they decide what collapses before paint); the others
// (for verdict badges) are bounded by count and age, as are the per-page sets.
import type { VerdictLite } from '../shared/messages';
import type { Verdict } from '../shared/types';
import { BoundedMap } from '../shared/bounded-map';
import { decideQuiet, type QuietDecision } from '../shared/quiet-rules';
import { authorKey } from '../shared/handles';
import type { Settings } from '../shared/settings';
import { QB_ATTR, childWith } from './dom-attributes';
import { createPlaceholder, createUndoBar, refitPlaceholder, setPlaceholderReason, type PlaceholderActions, type UndoKind } from './placeholder';
import type { ScreenGate } from './screen-gate';
import { TabTweets, TWEET } from './tab-tweets';
import { word } from './words';

export interface QuietModeHooks {
  /** A tweet was collapsed for the first time on this page. */
  onHidden(tweetId: string, handle: string): void;
  /** The user asked to always show this account. */
  onAlwaysShow(handle: string): void;
  /** The user took "Always show" back from the bar left in the tweet's place. */
  onUndoAlwaysShow?(handle: string): void;
}

/** The label on a cell on screen that folds once scrolled past, in the user's language. */
export const pendingLabel = (): string => word('pending_label');

/** Per-page memory of authors' verdicts that collapse nothing (the page heap pays for each entry). */
const PER_PAGE = { max: 2000, maxAgeMs: 3_600_000 };
/** The verdicts kept for authors whose tweets stay, shared by all of them. */
const PERSON: { verdict: Verdict } = { verdict: 'conversationalist' };
const UNKNOWN: { verdict: Verdict } = { verdict: 'unknown' };
/** A seller's new reason is said on this many of its newest collapsed cells (X's own timeline keeps about 40 cells in all). */
export const REASON_CELLS = 64;
/**
 * Placeholders made most recently, oldest first, for reuse once X removed their cell; weakly (a
 * placeholder holds its cell, and a removed cell is X's to let go). A virtualised timeline removes
 * its oldest cells first, so the oldest few are all that is looked at.
 */
const SPARE = { max: 64, look: 4 };
/** Sweep cells X removed from the author index every this many tracked cells at least. */
const SWEEP_EVERY = 256;

export class QuietMode {
  private settings: Settings;
  private readonly verdicts = new Map<string, VerdictLite>();
  /**
   * Verdicts that collapse nothing (people, not enough seen): only verdict badges show them, and
   * a badge shows the verdict alone, so that is all kept (one shared object per verdict, not the
   * message's object with its handle and reason strings: a few hundred bytes per author).
   */
  private readonly otherVerdicts = new BoundedMap<string, { verdict: Verdict }>(PER_PAGE);
  /**
   * Tracked cells by author key, so a verdict change touches only that author's cells. Weakly:
   * a cell X removed (a virtualised list drops hundreds) is not kept alive here until the sweep.
   */
  private readonly cellsByAuthor = new Map<string, Set<WeakRef<HTMLElement>>>();
  private readonly indexed = new WeakMap<HTMLElement, { key: string; ref: WeakRef<HTMLElement> }>();
  /**
   * The placeholder each collapsed cell was given, with the tweet and the reason it says: found
   * and compared without reading the cell's children or writing attributes a page can observe.
   */
  private readonly placeholders = new WeakMap<HTMLElement, Held>();
  private tracked = 0;
  private nextSweep = SWEEP_EVERY;
  private readonly spare: WeakRef<HTMLElement>[] = [];

  /**
   * `tweets`: the tab's memory of tweets, where quiet mode marks those collapsed once (reported
   * once), un-hid with "Show", and those whose bar offers to take "Show" / "Always show" back.
   */
  constructor(
    settings: Settings,
    private readonly hooks: QuietModeHooks,
    private readonly gate?: ScreenGate,
    private readonly tweets = new TabTweets(),
  ) {
    this.settings = settings;
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
  }

  getSettings(): Settings {
    return this.settings;
  }

  /** The verdict held for an author key (verdict badges). */
  verdictOf(key: string): { verdict: Verdict } | undefined {
    return this.verdicts.get(key) ?? this.otherVerdicts.get(key);
  }

  /** Remember verdicts; returns the author keys whose verdict (or a seller's reason) changed. */
  addVerdicts(list: VerdictLite[]): Set<string> {
    return new Set(this.remember(list).keys());
  }

  /** Remember verdicts; what changed for each author: its verdict (or whether it is followed), or a seller's reason alone. */
  private remember(list: VerdictLite[]): Map<string, 'verdict' | 'reason'> {
    const changed = new Map<string, 'verdict' | 'reason'>();
    const note = (key: string, what: 'verdict' | 'reason') => {
      if (changed.get(key) !== 'verdict') changed.set(key, what);
    };
    for (const v of list) {
      const key = authorKey(v.handle);
      const old = this.verdicts.get(key);
      if (v.verdict === 'seller' || v.verdict === 'mixed') {
        if (!old || old.verdict !== v.verdict || old.followed !== v.followed) note(key, 'verdict');
        else if (old.reason !== v.reason) note(key, 'reason');
        this.verdicts.set(key, v);
        this.otherVerdicts.delete(key);
      } else {
        // Nothing collapses for these: only the verdict shows (its badge).
        if ((old ?? this.otherVerdicts.get(key))?.verdict !== v.verdict) note(key, 'verdict');
        this.verdicts.delete(key);
        this.otherVerdicts.set(key, v.verdict === 'conversationalist' ? PERSON : UNKNOWN);
      }
    }
    return changed;
  }

  /** New verdicts from the background: cells on screen change only once scrolled past. Returns the authors whose verdict changed. */
  applyVerdicts(list: VerdictLite[]): Set<string> {
    const changed = this.remember(list);
    for (const [key, what] of changed) {
      if (what === 'reason') this.sayReason(key, this.verdicts.get(key)!);
      else for (const cell of this.cellsOf(key)) this.applyGently(cell);
    }
    return new Set(changed.keys());
  }

  /**
   * A seller's reason changed and nothing else (its counts change with nearly every post: "5 of
   * 7" → "6 of 8"): the author's collapsed cells say the new reason on the placeholder they hold,
   * one text change each. Only the newest REASON_CELLS cells are looked at: the reader is among
   * the newest, and nothing but the words changes, so older ones keep the reason they were
   * collapsed with. Deciding every cell again (its bits, its attributes, its children) grew with
   * the square of an author's cells in a page that keeps them. A cell in any other state (shown,
   * waiting, recycled) is decided again, as before.
   */
  private sayReason(key: string, verdict: VerdictLite): void {
    const plain = decideQuiet(key, verdict, this.settings, {}, word);
    const ad = decideQuiet(key, verdict, this.settings, { isAd: true }, word);
    let seen = 0;
    for (const cell of this.cellsOf(key, true)) {
      if (++seen > REASON_CELLS) break;
      const decision = cell.hasAttribute(QB_ATTR.ad) ? ad : plain;
      const held = this.placeholderIn(cell);
      const collapsed = decision.quiet && held?.id === cell.getAttribute(QB_ATTR.tweet) && cell.hasAttribute(QB_ATTR.quiet) && !this.gate?.isWaiting(cell);
      if (!collapsed) this.applyGently(cell);
      else if (held.reason !== decision.reason && setPlaceholderReason(held.host, decision.reason)) held.reason = decision.reason;
    }
  }

  /** Drop the verdicts of authors not in `keep` (after a re-judging, they are no longer vendors). */
  forgetExcept(keep: Set<string>): void {
    for (const key of [...this.verdicts.keys()]) if (!keep.has(key)) this.verdicts.delete(key);
    if (!keep.size) this.otherVerdicts.clear();
  }

  /** Tag a cell with the tweet it now holds (X recycles cells) and collapse or restore it, now. */
  track(cell: HTMLElement, tweet: { id: string; authorHandle: string; isAd: boolean }): void {
    const tagged = cell.getAttribute(QB_ATTR.tweet);
    if (tagged === null) return this.trackNew(cell, tweet);
    if (tagged !== tweet.id) this.tag(cell, tweet);
    if (tweet.isAd) cell.setAttribute(QB_ATTR.ad, '');
    else cell.removeAttribute(QB_ATTR.ad);
    this.apply(cell);
  }

  /**
   * A cell no Quiet Bazaar ever tagged (most cells: X renders new ones as the timeline grows)
   * carries none of our attributes or bars, so it is decided from what the intake read instead of
   * reading our attributes back, with the same outcome as apply(): this runs, before paint, for
   * every cell X renders, and each DOM call costs the page's main thread.
   */
  private trackNew(cell: HTMLElement, tweet: { id: string; authorHandle: string; isAd: boolean }): void {
    const key = this.tag(cell, tweet);
    if (tweet.isAd) cell.setAttribute(QB_ATTR.ad, '');
    if (!tweet.id || !key) return; // apply() decides nothing for these.
    this.gate?.cancel(cell);
    const flags = this.tweets.flags(tweet.id);
    const decision = this.decideFor(flags, key, tweet.isAd);
    if (decision.quiet) return this.collapse(cell, decision.reason);
    // restore(): only the undo bar a tweet the user un-hid asks for (the cell has none yet).
    const kind = this.quietModeOn() ? undoKind(flags) : undefined;
    if (kind) this.appendUndo(cell, tweet.id, tweet.authorHandle, kind);
  }

  /** Tag a cell with the tweet it holds and index it under its author; returns the author key. */
  private tag(cell: HTMLElement, tweet: { id: string; authorHandle: string }): string {
    const key = authorKey(tweet.authorHandle);
    cell.setAttribute(QB_ATTR.tweet, tweet.id);
    cell.setAttribute(QB_ATTR.author, key);
    cell.setAttribute(QB_ATTR.handle, tweet.authorHandle);
    this.index(cell, key);
    return key;
  }

  /** X's API said a tracked tweet is an ad: collapse it, once off screen. */
  markAd(cell: HTMLElement): void {
    if (cell.hasAttribute(QB_ATTR.ad)) return;
    cell.setAttribute(QB_ATTR.ad, '');
    this.applyGently(cell);
  }

  /** Re-decide one tracked cell from its attributes and the current settings and verdicts, now. */
  apply(cell: HTMLElement): void {
    const decision = this.decide(cell);
    if (!decision) return;
    this.gate?.cancel(cell);
    cell.removeAttribute(QB_ATTR.pending);
    if (decision.quiet) this.collapse(cell, decision.reason);
    else this.restore(cell);
  }

  /** Re-decide every tracked cell in `root` (or only those authors'), now: the user changed something. */
  applyAll(root: ParentNode, onlyAuthors?: Set<string>): void {
    if (onlyAuthors) {
      for (const key of onlyAuthors) for (const cell of this.cellsOf(key)) this.apply(cell);
      return;
    }
    for (const cell of root.querySelectorAll<HTMLElement>(`[${QB_ATTR.tweet}]`)) this.apply(cell);
  }

  private decide(cell: HTMLElement): QuietDecision | undefined {
    const id = cell.getAttribute(QB_ATTR.tweet);
    const key = cell.getAttribute(QB_ATTR.author);
    if (!id || !key) return undefined;
    return this.decideFor(this.tweets.flags(id), key, cell.hasAttribute(QB_ATTR.ad));
  }

  /** A tweet the user chose to show stays shown (`flags`: the tweet's in the tab's memory); else the author's verdict and the settings decide. */
  private decideFor(flags: number, key: string, isAd: boolean): QuietDecision {
    if (flags & TWEET.shown) return { quiet: false, reason: '' };
    // Its own reasons from the page's cache of messages (words.ts), not the i18n API per cell.
    return decideQuiet(key, this.verdicts.get(key), this.settings, { isAd }, word);
  }

  /** Apply a change that is not the user's: at once if nothing would move, else once off screen. */
  private applyGently(cell: HTMLElement): void {
    const decision = this.decide(cell);
    if (!decision) return;
    const isQuiet = cell.hasAttribute(QB_ATTR.quiet);
    if (decision.quiet === isQuiet) return this.apply(cell); // Same height: only the reason may change.
    if (!this.gate) return this.apply(cell);
    if (decision.quiet) cell.setAttribute(QB_ATTR.pending, pendingLabel());
    else cell.removeAttribute(QB_ATTR.pending);
    this.gate.defer(cell, () => this.apply(cell));
  }

  private collapse(cell: HTMLElement, reason: string): void {
    const id = cell.getAttribute(QB_ATTR.tweet)!;
    const handle = handleOf(cell);
    const held = this.placeholderIn(cell);
    if (held?.id === id) {
      // The same tweet: already says it, or says the new reason in place.
      if (held.reason !== reason && setPlaceholderReason(held.host, reason)) held.reason = reason;
    } else {
      // Ours from another tweet the cell held, or one a previous instance of this script left.
      this.dropPlaceholder(cell);
      const actions: PlaceholderActions = {
        show: () => {
          this.tweets.mark(id, TWEET.shown | TWEET.undoShown, undefined, true);
          this.apply(cell);
        },
        alwaysShow: () => {
          const key = authorKey(handle);
          this.tweets.unmark(id, TWEET.undoShown);
          this.tweets.mark(id, TWEET.undoAlways, undefined, true);
          if (!this.settings.allowList.includes(key)) {
            // Act at once; the background's settings change will confirm it.
            this.settings = { ...this.settings, allowList: [...this.settings.allowList, key] };
          }
          this.applyAll(cell.ownerDocument, new Set([key]));
          this.hooks.onAlwaysShow(handle);
        },
      };
      const spare = this.takeSpare();
      const ph = spare && refitPlaceholder(spare, handle, reason, actions) ? spare : createPlaceholder(handle, reason, actions);
      cell.append(ph);
      this.spare.push(new WeakRef(ph));
      if (this.spare.length > SPARE.max) this.spare.shift();
      this.placeholders.set(cell, { host: ph, id, reason });
    }
    childWith(cell, QB_ATTR.undo)?.remove();
    cell.setAttribute(QB_ATTR.quiet, '');
    if (!this.tweets.is(id, TWEET.hidden)) {
      this.tweets.mark(id, TWEET.hidden);
      this.hooks.onHidden(id, handle);
    }
  }

  private restore(cell: HTMLElement): void {
    this.showUndo(cell);
    if (!cell.hasAttribute(QB_ATTR.quiet)) return;
    cell.removeAttribute(QB_ATTR.quiet);
    this.dropPlaceholder(cell);
  }

  /** Takes the cell's placeholder out: ours, else one a previous instance of this script left. */
  private dropPlaceholder(cell: HTMLElement): void {
    (this.placeholderIn(cell)?.host ?? childWith(cell, QB_ATTR.placeholder))?.remove();
    this.placeholders.delete(cell);
  }

  /**
   * A placeholder of ours whose cell X removed from the page, taken out of that cell for another;
   * undefined when the oldest are still on the page (or gone: taken back by the user, or let go
   * with their cell). Should X put that cell back, it is decided again as any cell it inserts.
   */
  private takeSpare(): HTMLElement | undefined {
    for (let looked = 0; looked < SPARE.look && this.spare.length; looked++) {
      const host = this.spare[0]!.deref();
      const cell = host?.parentElement;
      if (cell?.isConnected) return undefined;
      this.spare.shift();
      if (!host || !cell || this.placeholders.get(cell)?.host !== host) continue;
      host.remove();
      this.placeholders.delete(cell);
      return host;
    }
    return undefined;
  }

  /** The placeholder this instance gave the cell, if the cell still holds it. */
  private placeholderIn(cell: HTMLElement): Held | undefined {
    const held = this.placeholders.get(cell);
    return held?.host.parentNode === cell ? held : undefined;
  }

  /** The "Hide again" / "Undo" bar on a cell the user just un-hid (and only there). */
  private showUndo(cell: HTMLElement): void {
    const id = cell.getAttribute(QB_ATTR.tweet) ?? '';
    const kind = this.quietModeOn() ? undoKind(this.tweets.flags(id)) : undefined;
    const existing = childWith(cell, QB_ATTR.undo);
    if (existing && existing.dataset.kind === kind) return;
    existing?.remove();
    if (!kind) return;
    this.appendUndo(cell, id, handleOf(cell), kind);
  }

  private appendUndo(cell: HTMLElement, id: string, handle: string, kind: UndoKind): void {
    cell.append(
      createUndoBar(handle, kind, () => {
        this.tweets.unmark(id, TWEET.undoShown | TWEET.undoAlways);
        if (kind === 'shown') {
          this.tweets.unmark(id, TWEET.shown);
          this.apply(cell);
          return;
        }
        const key = authorKey(handle);
        this.settings = { ...this.settings, allowList: this.settings.allowList.filter((h) => h !== key) };
        this.applyAll(cell.ownerDocument, new Set([key]));
        this.hooks.onUndoAlwaysShow?.(handle);
      }),
    );
  }

  private quietModeOn(): boolean {
    return this.settings.quietMode;
  }

  private index(cell: HTMLElement, key: string): void {
    const old = this.indexed.get(cell);
    if (old && old.key !== key) this.cellsByAuthor.get(old.key)?.delete(old.ref);
    const ref = old?.ref ?? new WeakRef(cell);
    this.indexed.set(cell, { key, ref });
    let set = this.cellsByAuthor.get(key);
    if (!set) this.cellsByAuthor.set(key, (set = new Set()));
    set.add(ref);
    // The next sweep waits for as many new cells as this one left (SWEEP_EVERY at least): a page
    // that keeps its cells is swept ever more rarely, so the sweeps cost O(1) a cell, not O(cells).
    if (++this.tracked >= this.nextSweep) this.nextSweep = this.tracked + Math.max(SWEEP_EVERY, this.sweep());
  }

  /** Cells in the author index (tests: it holds what the page holds, not every cell ever tracked). */
  get indexedCells(): number {
    let n = 0;
    for (const set of this.cellsByAuthor.values()) n += set.size;
    return n;
  }

  /** The author's cells still in the document (`newestFirst`: the latest tracked first). */
  private *cellsOf(key: string, newestFirst = false): Iterable<HTMLElement> {
    const set = this.cellsByAuthor.get(key);
    if (!set) return;
    const refs = [...set];
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[newestFirst ? refs.length - 1 - i : i]!;
      const cell = ref.deref();
      if (cell?.isConnected && cell.getAttribute(QB_ATTR.author) === key) yield cell;
      else set.delete(ref);
    }
  }

  /** Forget cells X removed (a virtualised list drops cells far above): the index holds what the page holds. Returns the cells left. */
  private sweep(): number {
    let left = 0;
    for (const [key, set] of this.cellsByAuthor) {
      for (const ref of set) if (!ref.deref()?.isConnected) set.delete(ref);
      if (!set.size) this.cellsByAuthor.delete(key);
      left += set.size;
    }
    return left;
  }
}

/** A placeholder of ours in a cell: its host, the tweet it stands for and the reason it says. */
interface Held {
  host: HTMLElement;
  id: string;
  reason: string;
}

/** The undo bar a tweet's bits ask for ("Always show" was the later choice when both were made). */
function undoKind(flags: number): UndoKind | undefined {
  return flags & TWEET.undoAlways ? 'always' : flags & TWEET.undoShown ? 'shown' : undefined;
}

/** The handle a tracked cell shows (as X wrote it), else its author key. */
function handleOf(cell: HTMLElement): string {
  return cell.getAttribute(QB_ATTR.handle) ?? cell.getAttribute(QB_ATTR.author) ?? '';
}
