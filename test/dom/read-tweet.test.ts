// The DOM reader on real saved x.com markup (test/fixtures/x-dom/) and on variants derived from it
// by small DOM edits (test/dom/read-variants.ts). Expected values were established by reading the
// saved files; see test/fixtures/x-dom/README.md.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { TweetFacts } from '../../src/shared/types';
import { cellOf, findTweetArticles, mayContainTweets, readTweet } from '../../src/content/read-tweet';
import { loadFixture, loadReal, VARIANTS } from './read-variants';
import type { FixtureName } from '../../src/content/selectors';

function only(name: FixtureName | HTMLElement): HTMLElement {
  const box = typeof name === 'string' ? loadFixture(name) : name;
  const articles = findTweetArticles(box);
  expect(articles).toHaveLength(1);
  return articles[0]!;
}
const read = (name: FixtureName | HTMLElement): TweetFacts | null => readTweet(only(name));

const SAMPLE: TweetFacts = {
  id: '1981398750557065646',
  authorHandle: 'TestUser123',
  authorName: 'Test User Account',
  text: "Democrat Shutdown Jeopardizes America's Skies",
  // The card's t.co link, expanded to the domain the card prints ("From whitehouse.gov").
  urls: ['https://whitehouse.gov'],
  hashtags: [],
  cashtags: [],
  mentions: [],
  isReply: false,
  isRepost: false,
  isQuote: false,
  hasMedia: false,
  hasCard: true,
  cardUrl: 'https://whitehouse.gov',
  isAd: false,
  createdAt: Date.parse('2025-10-23T16:34:09.000Z'),
  lang: 'en',
};

const QUOTE: TweetFacts = {
  id: '1983130065320780162',
  authorHandle: 'TestQuoter',
  authorName: 'Test Quoter',
  text: 'This is a quote tweet with additional commentary',
  urls: [],
  hashtags: [],
  cashtags: [],
  mentions: [],
  isReply: false,
  isRepost: false,
  isQuote: true,
  // From the quoted photo's link /OriginalAuthor/status/1983129251856470493/photo/1.
  quotedId: '1983129251856470493',
  quotedAuthor: 'OriginalAuthor',
  // The photo belongs to the quoted tweet, not to the quoter.
  hasMedia: false,
  hasCard: false,
  isAd: false,
  createdAt: Date.parse('2025-10-28T11:13:47.000Z'),
  lang: 'en',
};

const QUOTE_VIDEO: TweetFacts = {
  id: '1983128852952998358',
  authorHandle: 'QuotingUser',
  authorName: 'Quoting User',
  text: 'How to share Example.com links',
  // The text link is t.co; its visible text "Example.com" is the expanded target.
  urls: ['https://example.com'],
  hashtags: [],
  cashtags: [],
  mentions: [],
  isReply: false,
  isRepost: false,
  isQuote: true,
  // The quoted tweet shows no status link of its own (its time sits in a plain div): no quotedId.
  quotedAuthor: 'OriginalPoster',
  // The video (inside placementTracking) is the quoted tweet's.
  hasMedia: false,
  hasCard: false,
  isAd: false,
  createdAt: Date.parse('2025-10-28T11:08:57.000Z'),
  lang: 'en',
};

describe('readTweet on the real saved tweets', () => {
  test('x-tweet-sample.html: focal tweet with a link card (time link at the bottom)', () => {
    expect(read('x-tweet-sample.html')).toStrictEqual(SAMPLE);
  });

  test('x-tweet-quote.html: quote of a tweet with a photo', () => {
    expect(read('x-tweet-quote.html')).toStrictEqual(QUOTE);
  });

  test('x-tweet-quote-video.html: quote of a tweet with a video', () => {
    expect(read('x-tweet-quote-video.html')).toStrictEqual(QUOTE_VIDEO);
  });

  test('quote-video: the outer analytics link, pulled into the quote box by unclosed tags, is not the quoted id', () => {
    const article = only('x-tweet-quote-video.html');
    const quoteBox = article.querySelector('div[role="link"]')!;
    expect(quoteBox.querySelector('a[href$="/analytics"]')).not.toBeNull();
    expect(readTweet(article)?.quotedId).toBeUndefined();
  });

  test('placementTracking alone is not an ad (it wraps the quoted video)', () => {
    const article = only('x-tweet-quote-video.html');
    expect(article.querySelector('[data-testid="placementTracking"]')).not.toBeNull();
    expect(readTweet(article)?.isAd).toBe(false);
  });
});

describe('readTweet on derived variants', () => {
  test('repost: reposter read from the socialContext link, not from its (French) text', () => {
    expect(read('repost')).toStrictEqual({ ...QUOTE_VIDEO, isRepost: true, repostedBy: 'RepostEr' });
  });

  test('pinned: a socialContext line without a profile link is not a repost', () => {
    expect(read('pinned')).toStrictEqual(QUOTE);
  });

  test('repost: a socialContext link saying "liked" is not a repost', () => {
    const box = VARIANTS.repost();
    box.querySelector('[data-testid="socialContext"]')!.textContent = 'Repost Er liked';
    expect(read(box)).toStrictEqual(QUOTE_VIDEO);
  });

  test('ad: the "Ad" label in the header; id from the analytics link since the time link is gone', () => {
    const { createdAt: _none, ...rest } = QUOTE_VIDEO;
    expect(read('ad')).toStrictEqual({ ...rest, isAd: true });
  });

  test('promoted: the older "Promoted" line marks an ad', () => {
    expect(read('promoted')).toStrictEqual({ ...SAMPLE, isAd: true });
  });

  test('ad in another language: no time of its own inside placementTracking is an ad', () => {
    const box = VARIANTS.ad();
    const label = [...box.querySelectorAll('span')].find((s) => s.textContent === 'Ad')!;
    label.textContent = 'Anuncio';
    expect(read(box)?.isAd).toBe(false);
    const article = only(box);
    const tracking = document.createElement('div');
    tracking.setAttribute('data-testid', 'placementTracking');
    article.before(tracking);
    tracking.append(article);
    expect(readTweet(article)?.isAd).toBe(true);
  });

  test('"Ad" as a display name or in the text is not an ad label', () => {
    const box = loadReal('x-tweet-sample.html');
    box.querySelector('[data-testid="User-Name"] span span')!.textContent = 'Ad';
    box.querySelector('[data-testid="tweetText"] span')!.textContent = 'Ad';
    expect(read(box)).toStrictEqual({ ...SAMPLE, authorName: 'Ad', text: 'Ad' });
  });

  test('reply: "Replying to @ReplyTarget" line', () => {
    expect(read('reply')).toStrictEqual({ ...QUOTE, isReply: true, replyTo: 'ReplyTarget' });
  });

  test('no data-testid="tweet": the role=article fallback reads the same facts', () => {
    expect(read('no-testid')).toStrictEqual(QUOTE_VIDEO);
  });

  test('no status link anywhere: null', () => {
    expect(read('no-status-link')).toBeNull();
  });

  test('no time link on a quote: id from the outer analytics link', () => {
    const box = loadReal('x-tweet-quote.html');
    const link = box.querySelector('time')!.closest('a')!;
    link.replaceWith(...link.childNodes);
    expect(read(box)?.id).toBe(QUOTE.id);
  });

  test('follow button: numeric author id from its test id', () => {
    expect(read('follow-button')).toStrictEqual({ ...SAMPLE, authorId: '1234567890123456789' });
  });

  test('rich text: emoji alt, hashtag, cashtag, mention, t.co link shown expanded', () => {
    expect(read('rich-text')).toStrictEqual({
      ...SAMPLE,
      text: 'Spring sale 🔥 with @ShopFriend: 30% off #deals $SHOP https://shop.example.com/spring-sal…\n🛍',
      urls: ['https://shop.example.com/spring-sal', 'https://whitehouse.gov'],
      hashtags: ['deals'],
      cashtags: ['SHOP'],
      mentions: ['ShopFriend'],
    });
  });

  test('a t.co link whose text is not a URL keeps its t.co href', () => {
    const box = VARIANTS['rich-text']();
    box.querySelector('a[href^="https://t.co/AbCd"]')!.textContent = 'the shop';
    expect(read(box)?.urls).toEqual(['https://t.co/AbCdEf1234', 'https://whitehouse.gov']);
  });

  test('the card link also in the text: one URL, the fuller expansion from the text', () => {
    const box = VARIANTS['rich-text']();
    box.querySelector('a[href^="https://t.co/AbCd"]')!.setAttribute('href', 'https://t.co/xYHSw5Tm00');
    const facts = read(box);
    expect(facts?.urls).toEqual(['https://shop.example.com/spring-sal']);
    expect(facts?.cardUrl).toBe('https://shop.example.com/spring-sal');
  });

  test('emoji in the display name come from <img alt>', () => {
    const box = loadReal('x-tweet-sample.html');
    box.querySelector('[data-testid="User-Name"] span span')!.insertAdjacentHTML('beforeend', ' <img alt="🛒" src="x.svg">');
    expect(read(box)?.authorName).toBe('Test User Account 🛒');
  });

  test('handle from the "@handle" text when the name row has no links', () => {
    const box = loadReal('x-tweet-quote.html');
    const row = box.querySelector('[data-testid="User-Name"]')!;
    for (const a of row.querySelectorAll('a:not([href*="/status/"])')) a.replaceWith(...a.childNodes);
    expect(read(box)).toMatchObject({ authorHandle: 'TestQuoter', id: QUOTE.id, quotedAuthor: 'OriginalAuthor' });
  });

  test('handle from the avatar container when User-Name is missing', () => {
    const box = loadReal('x-tweet-sample.html');
    box.querySelector('[data-testid="User-Name"]')!.remove();
    expect(read(box)).toMatchObject({ authorHandle: 'TestUser123', id: SAMPLE.id });
  });

  test('a quote nested as an article (older markup) is still the quote', () => {
    const box = loadReal('x-tweet-quote.html');
    const quoteBox = box.querySelector('div[role="link"]')!;
    const nested = document.createElement('article');
    nested.setAttribute('role', 'article');
    nested.setAttribute('data-testid', 'tweet');
    nested.append(...quoteBox.childNodes);
    quoteBox.replaceWith(nested);
    expect(read(box)).toStrictEqual(QUOTE);
  });
});

describe('readTweet never throws', () => {
  test.each([
    ['an empty article', () => document.createElement('article')],
    ['a plain div', () => document.createElement('div')],
    ['an article of garbage', () => {
      const a = document.createElement('article');
      a.innerHTML = '<a href="/status/">@</a><time datetime="not a date"></time><div data-testid="User-Name"><a href="/home">x</a></div>';
      return a;
    }],
    ['an object whose queries throw', () => ({ querySelectorAll() { throw new Error('boom'); } }) as unknown as Element],
  ])('%s gives null', (_name, make) => {
    expect(readTweet(make())).toBeNull();
  });

  test('a bad datetime leaves createdAt unset', () => {
    const box = loadReal('x-tweet-sample.html');
    box.querySelector('time')!.setAttribute('datetime', 'yesterday');
    const { createdAt: _none, ...rest } = SAMPLE;
    expect(read(box)).toStrictEqual(rest);
  });
});

describe('findTweetArticles', () => {
  test('finds the three tweets of the timeline, in order', () => {
    const ids = findTweetArticles(loadFixture('timeline')).map((a) => readTweet(a)?.id);
    expect(ids).toEqual([SAMPLE.id, QUOTE.id, QUOTE_VIDEO.id]);
  });

  test('includes root when root is an article', () => {
    const article = loadReal('x-tweet-quote.html').querySelector('article')!;
    expect(findTweetArticles(article)).toEqual([article]);
  });

  test('does not return a nested quote article separately', () => {
    const box = loadReal('x-tweet-quote.html');
    const quoteBox = box.querySelector('div[role="link"]')!;
    quoteBox.insertAdjacentHTML('afterbegin', '<article role="article" data-testid="tweet"></article>');
    const found = findTweetArticles(box);
    expect(found).toHaveLength(1);
    expect(findTweetArticles(quoteBox)).toEqual([]);
    expect(found[0]).toBe(box.querySelector('article'));
  });

  test('nothing in a node without tweets', () => {
    expect(findTweetArticles(document.createElement('div'))).toEqual([]);
  });
});

describe('cellOf', () => {
  test('the cellInnerDiv around the article', () => {
    const box = loadReal('x-tweet-quote.html');
    expect(cellOf(box.querySelector('article')!)).toBe(box.querySelector('[data-testid="cellInnerDiv"]'));
  });

  test('the article itself when there is no cell (the sample was saved without one)', () => {
    const article = loadReal('x-tweet-sample.html').querySelector('article')!;
    expect(cellOf(article)).toBe(article);
  });
});

describe('mayContainTweets', () => {
  test('yes for a cell, an article, and a wrapper holding an article', () => {
    const box = loadFixture('timeline');
    expect(mayContainTweets(box.querySelector('[data-testid="cellInnerDiv"]')!)).toBe(true);
    expect(mayContainTweets(box.querySelector('article')!)).toBe(true);
    expect(mayContainTweets(box.querySelector('section')!)).toBe(true);
    expect(mayContainTweets(loadFixture('no-testid'))).toBe(true);
  });

  test('no for text, comments and elements without tweets', () => {
    expect(mayContainTweets(document.createTextNode('hello'))).toBe(false);
    expect(mayContainTweets(document.createComment('x'))).toBe(false);
    const div = document.createElement('div');
    div.innerHTML = '<span>Who to follow</span><button data-testid="123-follow">Follow</button>';
    expect(mayContainTweets(div)).toBe(false);
  });
});

describe('performance guards', () => {
  afterEach(() => vi.restoreAllMocks());

  test('no document-wide queries and no layout reads', () => {
    const box = loadFixture('timeline');
    document.body.append(box);
    const spies = [
      vi.spyOn(document, 'querySelector'),
      vi.spyOn(document, 'querySelectorAll'),
      vi.spyOn(document, 'getElementById'),
      vi.spyOn(window, 'getComputedStyle'),
      vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect'),
      vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get'),
      vi.spyOn(HTMLElement.prototype, 'innerText', 'get'),
    ];
    for (const article of findTweetArticles(box)) expect(readTweet(article)).not.toBeNull();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    box.remove();
  });
});
