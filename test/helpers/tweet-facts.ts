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
