// TweetIntake on real saved X markup: each tweet is read once, however often X renders it;
// quiet mode still sees every cell; what is remembered is bounded.
import { describe, expect, it } from 'vitest';
import { emptyHealth } from '../../src/shared/health';
import type { TweetFacts } from '../../src/shared/types';
import { findTweetArticles } from '../../src/content/read-tweet';
import { TabTweets, TWEET } from '../../src/content/tab-tweets';
import { TweetIntake } from '../../src/content/tweet-intake';
import { loadReal } from './read-variants';

function setup(isAd: (id: string) => boolean = () => false, tweets?: TabTweets) {
  const tracked: Array<{ cell: HTMLElement; id: string; isAd: boolean }> = [];
  const fresh: TweetFacts[] = [];
  const health = emptyHealth();
  const intake = new TweetIntake({
    track: (cell, t) => tracked.push({ cell, id: t.id, isAd: t.isAd }),
    isAd,
    onNew: (f) => fresh.push(f),
    health,
    onHealth: () => undefined,
  }, tweets);
  return { intake, tracked, fresh, health };
}

const render = () => {
  const box = loadReal('x-tweet-sample.html');
  document.body.append(box);
  return findTweetArticles(box);
};

describe('TweetIntake', () => {
  it('reads a tweet once, however many times X renders or touches it', () => {
    const { intake, tracked, fresh, health } = setup();
    const first = render();
    intake.take(first);
    intake.take(first); // X filled something in inside the same article
    intake.take(render()); // the same tweet rendered again in a new cell (scrolling back)
    expect(intake.reads).toBe(1);
    expect(fresh).toHaveLength(1);
    expect(tracked).toHaveLength(3); // quiet mode decided on every cell
    expect(new Set(tracked.map((t) => t.id)).size).toBe(1);
    expect(health.articlesSeen).toBe(3);
    expect(health.articlesRead).toBe(3);
  });

  it('reads a recycled article again when it shows another tweet', () => {
    const { intake, fresh } = setup();
    const [article] = render();
    intake.take([article!]);
    for (const a of article!.querySelectorAll('a[href*="/status/"]')) a.setAttribute('href', a.getAttribute('href')!.replace(/\/status\/\d+/, '/status/42'));
    intake.take([article!]);
    expect(fresh.map((f) => f.id)).toEqual(['1981398750557065646', '42']);
  });

  it("passes on X's API ad mark for a tweet whose markup does not show one", () => {
    const { intake, tracked } = setup((id) => id === '1981398750557065646');
    intake.take(render());
    expect(tracked[0]!.isAd).toBe(true);
  });

  it('finds the cell of a tweet while it is in the page, and not after X removed it', () => {
    const { intake } = setup();
    const [article] = render();
    intake.take([article!]);
    const cell = intake.cellOf('1981398750557065646');
    expect(cell?.contains(article!) || cell === article).toBe(true);
    cell!.remove();
    expect(intake.cellOf('1981398750557065646')).toBeUndefined();
  });

  it('counts an unreadable article as a failure and reads nothing from it', () => {
    const { intake, fresh, health } = setup();
    const box = document.createElement('div');
    box.innerHTML = '<article data-testid="tweet"><span>no links at all</span></article>';
    intake.take(findTweetArticles(box));
    expect(fresh).toEqual([]);
    expect(health.articleFailures).toBe(1);
  });

  it("keeps what it read in the tab's memory of tweets: read again only once forgotten (by count or age), the author and X's late ad mark kept", () => {
    let t = 0;
    const tweets = new TabTweets({ max: 2, maxAgeMs: 1000 }, () => t);
    let apiAd = false;
    const { intake, tracked, fresh } = setup(() => apiAd, tweets);
    intake.take(render());
    apiAd = true; // X's API marks it an ad after the first render...
    intake.take(render());
    apiAd = false; // ...and then drops its facts (sent): the tweet stays an ad here.
    intake.take(render());
    expect(intake.reads).toBe(1);
    expect(tracked.map((x) => x.isAd)).toEqual([false, true, true]);
    expect(tweets.author('1981398750557065646')).toBe(fresh[0]!.authorHandle);
    expect(tweets.is('1981398750557065646', TWEET.read | TWEET.ad)).toBe(true);
    t += 1001; // An hour later, in the tab's terms: forgotten, so read again.
    intake.take(render());
    expect(intake.reads).toBe(2);
    tweets.mark('a', TWEET.read);
    tweets.mark('b', TWEET.read); // Two newer tweets: forgotten by count.
    intake.take(render());
    expect(intake.reads).toBe(3);
  });
});
