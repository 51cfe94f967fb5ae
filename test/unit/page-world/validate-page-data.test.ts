// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { validatePageData, validateProfile, validateTweet, type PageData } from '../../../src/shared/validate-page-data';
import type { TweetFacts } from '../../../src/shared/types';

const tweet = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: '1667220696295178240',
  authorHandle: 'tordosweet_co',
  text: 'Get yours',
  urls: ['https://tordosweet.com/traps'],
  hashtags: ['deal'],
  cashtags: ['BTC'],
  mentions: ['someone'],
  isReply: false,
  isRepost: false,
  isQuote: false,
  hasMedia: true,
  hasCard: false,
  isAd: true,
  ...over,
});
const envelope = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  tweets: [tweet()],
  profiles: [{ handle: 'tordosweet_co', id: '1647055955388170241', followers: 370 }],
  ads: ['1667220696295178240'],
  health: { responsesSeen: 1, apiTweets: 1, apiUsers: 1, apiFailures: 0 },
  ...over,
});

describe('validatePageData keeps', () => {
  it('a well-formed message, rebuilt', () => {
    const d = validatePageData(envelope())!;
    expect(d.tweets).toEqual([tweet()]);
    expect(d.profiles).toEqual([{ handle: 'tordosweet_co', id: '1647055955388170241', followers: 370 }]);
    expect(d.ads).toEqual(['1667220696295178240']);
    expect(d.health).toEqual({ responsesSeen: 1, apiTweets: 1, apiUsers: 1, apiFailures: 0 });
  });

  it('every optional field of a tweet when valid', () => {
    const full = tweet({
      authorName: 'Tordo',
      authorId: '1647055955388170241',
      replyTo: 'a_b',
      repostedBy: 'c',
      quotedId: '1',
      quotedAuthor: 'd',
      cardUrl: 'shop.example.com',
      source: 'Buffer',
      createdAt: Date.UTC(2024, 0, 1),
      lang: 'en',
    });
    expect(validateTweet(full)).toEqual(full);
  });

  it('long text, cut to 10,000 characters without splitting an emoji', () => {
    const text = 'a'.repeat(9_999) + '😀' + 'b'.repeat(50);
    const t = validateTweet(tweet({ text }))!;
    expect(t.text.length).toBe(9_999);
  });
});

describe('validatePageData drops', () => {
  it('the whole message when the envelope is wrong', () => {
    for (const raw of [
      null,
      'x',
      [],
      42,
      envelope({ tweets: 'no' }),
      envelope({ profiles: undefined }),
      envelope({ ads: {} }),
      envelope({ health: undefined }),
      envelope({ health: { responsesSeen: -1, apiTweets: 0, apiUsers: 0, apiFailures: 0 } }),
      envelope({ health: { responsesSeen: 1.5, apiTweets: 0, apiUsers: 0, apiFailures: 0 } }),
      envelope({ health: { responsesSeen: '1', apiTweets: 0, apiUsers: 0, apiFailures: 0 } }),
      envelope({ health: { responsesSeen: 1e9, apiTweets: 0, apiUsers: 0, apiFailures: 0 } }),
      envelope({ tweets: Array.from({ length: 501 }, () => tweet()) }),
      envelope({ ads: Array.from({ length: 501 }, (_, i) => String(i)) }),
    ]) {
      expect(validatePageData(raw)).toBeNull();
    }
  });

  it('a tweet whose required fields are missing or of the wrong type', () => {
    const bad = [
      tweet({ id: 'abc' }),
      tweet({ id: 123 }),
      tweet({ id: '1'.repeat(26) }),
      tweet({ authorHandle: 'has space' }),
      tweet({ authorHandle: '<script>' }),
      tweet({ authorHandle: 'a'.repeat(51) }),
      tweet({ text: null }),
      tweet({ urls: 'https://x.com' }),
      tweet({ hashtags: undefined }),
      tweet({ isAd: 'true' }),
      tweet({ isReply: 1 }),
      'tweet',
      null,
    ];
    const d = validatePageData(envelope({ tweets: bad }))!;
    expect(d.tweets).toEqual([]);
    expect(d.profiles.length).toBe(1);
  });

  it('invalid optional fields and list items, keeping the tweet', () => {
    const t = validateTweet(
      tweet({
        authorId: 'VXNlcjox',
        urls: ['javascript:alert(1)', 'data:text/html,x', 'https://user:pw@evil.example/', 'not a url', 'https://ok.example/a', 42],
        mentions: ['ok_1', 'bad handle', '@x'],
        hashtags: ['ok', '#no', 'x'.repeat(141), 'has space'],
        cardUrl: 'javascript:alert(1)',
        createdAt: 1e20,
        lang: '<b>',
        source: 'x'.repeat(201),
        replyTo: '../../etc',
      }),
    ) as TweetFacts;
    expect(t.urls).toEqual(['https://ok.example/a']);
    expect(t.mentions).toEqual(['ok_1']);
    expect(t.hashtags).toEqual(['ok']);
    for (const k of ['authorId', 'cardUrl', 'createdAt', 'lang', 'source', 'replyTo'] as const) expect(t[k]).toBeUndefined();
  });

  it('invalid profile fields, and profiles without a valid handle', () => {
    expect(validateProfile({ id: '1' })).toBeNull();
    expect(validateProfile({ handle: 'a b' })).toBeNull();
    expect(
      validateProfile({
        handle: 'ok',
        id: 'x1',
        followers: -5,
        following: 1.5,
        statuses: '10',
        isBlueVerified: 'yes',
        bioUrls: ['ftp://x.example', 'https://shop.example'],
        createdAt: -1,
      }),
    ).toEqual({ handle: 'ok', bioUrls: ['https://shop.example/'] });
  });

  it('unknown keys, and never lets __proto__ through', () => {
    const raw = JSON.parse(
      JSON.stringify(envelope()).replace('"id":"1667220696295178240"', '"__proto__":{"polluted":true},"extra":1,"id":"1667220696295178240"'),
    );
    const d = validatePageData(raw) as PageData;
    expect(Object.keys(d.tweets[0]!)).not.toContain('extra');
    expect((d.tweets[0] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
