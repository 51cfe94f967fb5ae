// @vitest-environment node
// approxJsonChars weighs cache entries without building their JSON: close to jsonChars for the
// facts the content script caches, and bounded for anything nested without end.
import { describe, expect, it } from 'vitest';
import { approxJsonChars, jsonChars } from '../../../src/shared/budgets';
import { makeTweet } from '../../helpers/tweet-facts';

describe('approxJsonChars', () => {
  it('is within a fifth of the JSON length for tweets and profiles', () => {
    const values = [
      makeTweet({ id: '1', text: 'Big sale today at our shop https://shop.example.com', urls: ['https://shop.example.com/'] }),
      makeTweet({ id: '2', text: 'x'.repeat(9000), hashtags: ['a', 'b'], createdAt: 1786006800000 }),
      { handle: 'alice', id: '11', bio: 'Shop owner. DMs open.', bioUrls: ['https://shop.example.com/'], followers: 1200, isBlueVerified: true },
      '1234567890',
      true,
    ];
    for (const v of values) {
      const exact = jsonChars(v);
      expect(Math.abs(approxJsonChars(v) - exact) / exact).toBeLessThan(0.2);
    }
  });

  it('skips undefined properties as JSON does, and gives up on deep nesting', () => {
    expect(approxJsonChars({ a: undefined, b: 'x' })).toBe(approxJsonChars({ b: 'x' }));
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(approxJsonChars(deep)).toBe(Infinity);
  });
});
