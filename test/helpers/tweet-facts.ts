// TweetFacts for tests: every required field, nothing known beyond what the test says.
import type { TweetFacts } from '../../src/shared/types';

export function makeTweet(over: Partial<TweetFacts> = {}): TweetFacts {
  return {
    id: '1',
    authorHandle: 'someone',
    text: '',
    urls: [],
    hashtags: [],
    cashtags: [],
    mentions: [],
    isReply: false,
    isRepost: false,
    isQuote: false,
    hasMedia: false,
    hasCard: false,
    isAd: false,
    ...over,
  };
}

let nextId = 1_000_000;

/** A post by `handle` with a fresh id (unique within the test run). */
export function postBy(handle: string, text: string, extra: Partial<TweetFacts> = {}): TweetFacts {
  return makeTweet({ id: String(++nextId), authorHandle: handle, text, ...extra });
}

/** A shop's post: a sale, a code and a shop link. */
export const shopPost = (handle: string, i: number): TweetFacts =>
  postBy(handle, `🔥 Flash sale ${i}! 50% OFF everything, use code SAVE${i}0 at checkout. Shop now: https://shopify-store.example.com/products/${i}?ref=tw`, {
    urls: [`https://shopify-store.example.com/products/${i}?ref=tw`],
  });

/** A person talking; every other one a reply. */
export const talkPost = (handle: string, i: number): TweetFacts =>
  postBy(handle, `I think the new bridge design is actually pretty good, what do you all think about point ${i}?`, { isReply: i % 2 === 0 });
