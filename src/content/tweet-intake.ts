// What the content script does with each tweet article X renders: read it once, then let quiet
// mode decide on its cell (before paint), and hand new tweets on.
//
//   articles ─► statusKey (one querySelector: the status id) ─► known? ─ yes ─► track the cell (no read)
//                                                     └─ no ──► readTweet ─► remember ─► onNew(facts)
//
// X re-renders the same tweet many times (scrolling back, re-mounting, filling in counts): the full
// read runs once per tweet. What is remembered is bounded by count and age.
import { BoundedMap } from '../shared/bounded-map';
import type { ReaderHealth } from '../shared/health';
import type { TweetFacts } from '../shared/types';
import { cellOf, readTweet, statusKey } from './read-tweet';

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

interface Known {
  id: string;
  authorHandle: string;
  isAd: boolean;
}

/** Tweets read on this page: a tweet X renders again after these were forgotten is read again (and not sent twice: the Outbox remembers more). */
const KNOWN = { max: 2000, maxAgeMs: 3_600_000 };
/** Cells of recent tweets, for X's API marking one as an ad after it was rendered (a page fetched ahead is a few dozen). */
const RECENT_CELLS = { max: 500, maxAgeMs: 600_000 };

export class TweetIntake {
  private readonly known = new BoundedMap<string, Known>(KNOWN);
  /** The cell each recent tweet was last seen in, for facts that arrive later (X's API marking an ad). */
  private readonly cells = new BoundedMap<string, WeakRef<HTMLElement>>(RECENT_CELLS);
  /** Full reads done (for tests and the benchmark: one per tweet). */
  reads = 0;

  constructor(private readonly deps: IntakeDeps) {}

  take(articles: HTMLElement[]): void {
    const { health } = this.deps;
    for (const article of articles) {
      health.articlesSeen++;
      const key = statusKey(article);
      let tweet = key ? this.known.get(key) : undefined;
      if (!tweet) {
        this.reads++;
        const facts = readTweet(article);
        if (!facts) {
          health.articleFailures++;
          continue;
        }
        tweet = { id: facts.id, authorHandle: facts.authorHandle, isAd: facts.isAd };
        // The tweet's own id string as the key when it is the same id (one string kept, not two).
        if (key) this.known.set(key === tweet.id ? tweet.id : key, tweet);
        this.deps.onNew(facts);
      }
      health.articlesRead++;
      // Once X's API said it is an ad, it stays one here (the API's facts are dropped once sent).
      if (!tweet.isAd && this.deps.isAd(tweet.id, tweet.authorHandle)) tweet.isAd = true;
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
