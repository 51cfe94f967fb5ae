// What the content script does with each tweet article X renders: read it once, then let quiet
// mode decide on its cell (before paint), and hand new tweets on.
//
//   articles ─► statusKey (one querySelector) ─► known? ─ yes ─► track the cell (no read)
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

const PER_PAGE = { max: 5000, maxAgeMs: 3_600_000 };

export class TweetIntake {
  private readonly known = new BoundedMap<string, Known>(PER_PAGE);
  /** The cell each tweet was last seen in, for facts that arrive later (X's API marking an ad). */
  private readonly cells = new BoundedMap<string, WeakRef<HTMLElement>>(PER_PAGE);
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
        if (key) this.known.set(key, tweet);
        this.deps.onNew(facts);
      }
      health.articlesRead++;
      const cell = cellOf(article);
      this.cells.set(tweet.id, new WeakRef(cell));
      this.deps.track(cell, { ...tweet, isAd: tweet.isAd || this.deps.isAd(tweet.id, tweet.authorHandle) });
    }
    if (articles.length) this.deps.onHealth();
  }

  /** The cell showing this tweet, if it is still in the page. */
  cellOf(id: string): HTMLElement | undefined {
    const cell = this.cells.get(id)?.deref();
    return cell?.isConnected ? cell : undefined;
  }
}
