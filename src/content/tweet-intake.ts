// What the content script does with each tweet article X renders: read it once, then let quiet
// mode decide on its cell (before paint), and hand new tweets on.
//
//   articles ─► statusKey (one querySelector: the status id) ─► known? ─ yes ─► track the cell (no read)
//                                                     └─ no ──► readTweet ─► remember ─► onNew(facts)
//
// X re-renders the same tweet many times (scrolling back, re-mounting, filling in counts): the full
// read runs once per tweet. What is remembered is bounded by count and age (tab-tweets.ts).
import { BoundedMap } from '../shared/bounded-map';
import type { ReaderHealth } from '../shared/health';
import type { TweetFacts } from '../shared/types';
import { cellOf, readTweet, statusKey } from './read-tweet';
import { TAB_TWEETS, TabTweets, TWEET } from './tab-tweets';

export interface IntakeDeps {
  track(cell: HTMLElement, tweet: { id: string; authorHandle: string; isAd: boolean }): void;
  /** X's API marked this tweet as an ad. */
  /** X marked this tweet by this author as an ad in its API response (trust model: adMarks). */
  isAd(id: string, authorHandle: string): boolean;
  /** A tweet read for the first time on this page. */
  onNew(facts: TweetFacts): void;
  health: ReaderHealth;
  onHealth(): void;
}

/**
 * Cells of recent tweets, for X's API marking one as an ad after it was rendered: a response
 * describes a page of about 20 tweets, so 100 cells is several pages (500 held 400 more entries
 * and WeakRefs for nothing: about 30 KB of the page heap).
 */
const RECENT_CELLS = { max: 100, maxAgeMs: 600_000 };

export class TweetIntake {
  /** The tweet's id where the first status link in its article names another (rare: e.g. an ad without a time link). */
  private readonly aliases = new BoundedMap<string, string>(TAB_TWEETS);
  /** The cell each recent tweet was last seen in, for facts that arrive later (X's API marking an ad). */
  private readonly cells = new BoundedMap<string, WeakRef<HTMLElement>>(RECENT_CELLS);
  /** Full reads done (for tests and the benchmark: one per tweet). */
  reads = 0;

  /** `tweets`: the tab's memory of tweets (read ones are not read again while remembered). */
  constructor(
    private readonly deps: IntakeDeps,
    private readonly tweets = new TabTweets(),
  ) {}

  take(articles: HTMLElement[]): void {
    const { health } = this.deps;
    for (const article of articles) {
      health.articlesSeen++;
      const key = statusKey(article);
      const known = key ? this.tweets.flags(key) : 0;
      let tweet: { id: string; authorHandle: string; isAd: boolean };
      if (known & TWEET.read) {
        tweet = { id: this.aliases.get(key!) ?? key!, authorHandle: this.tweets.author(key!) ?? '', isAd: (known & TWEET.ad) !== 0 };
      } else {
        this.reads++;
        const facts = readTweet(article);
        if (!facts) {
          health.articleFailures++;
          continue;
        }
        tweet = { id: facts.id, authorHandle: facts.authorHandle, isAd: facts.isAd };
        // Remembered by the status id the next render is looked up by.
        if (key) {
          if (key !== facts.id) this.aliases.set(key, facts.id);
          this.tweets.mark(key, facts.isAd ? TWEET.read | TWEET.ad : TWEET.read, facts.authorHandle);
        }
        this.deps.onNew(facts);
      }
      health.articlesRead++;
      // Once X's API said it is an ad, it stays one here (the API's facts are dropped once sent).
      if (!tweet.isAd && this.deps.isAd(tweet.id, tweet.authorHandle)) {
        tweet.isAd = true;
        if (key) this.tweets.mark(key, TWEET.ad);
      }
      const cell = cellOf(article);
      this.cells.set(tweet.id, new WeakRef(cell));
      this.deps.track(cell, tweet);
    }
    if (articles.length) this.deps.onHealth();
  }

  /** The cell showing this tweet, if it is still in the page. */
  cellOf(id: string): HTMLElement | undefined {
    const cell = this.cells.get(id)?.deref();
    return cell?.isConnected ? cell : undefined;
  }
}
