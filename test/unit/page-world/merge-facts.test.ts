// @vitest-environment node
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGraphqlResponse } from '../../../src/page-world/parse-graphql';
import { ApiFactsCache, mergeFacts } from '../../../src/shared/merge-facts';
import type { TweetFacts } from '../../../src/shared/types';
import { makeTweet } from '../../helpers/tweet-facts';
import { emptyPageData, type PageData } from '../../../src/shared/validate-page-data';

const API = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/x-api');

const facts = (over: Partial<TweetFacts> = {}): TweetFacts =>
  makeTweet({ id: '100', authorHandle: 'shop', text: 'Deals today', ...over });

const pageData = (over: Partial<PageData>): PageData => ({ ...emptyPageData(), ...over });

describe('mergeFacts', () => {
  it('returns the DOM facts when the API has nothing, or another tweet', () => {
    const dom = facts();
    expect(mergeFacts(dom, undefined)).toBe(dom);
    expect(mergeFacts(dom, facts({ id: '999', isAd: true }))).toBe(dom);
  });

  it('adds what only the API knows: author id, source, time, language', () => {
    const merged = mergeFacts(facts(), facts({ authorId: '42', source: 'Buffer', createdAt: 1_700_000_000_000, lang: 'en' }));
    expect(merged).toMatchObject({ authorId: '42', source: 'Buffer', createdAt: 1_700_000_000_000, lang: 'en' });
  });

  it('replaces t.co and cut display links with the expanded ones, keeping real DOM-only links', () => {
    const dom = facts({ urls: ['https://t.co/abc', 'https://shop.example/very/long…', 'https://other.example/'] });
    const api = facts({ urls: ['https://shop.example/very/long/path?ref=1'] });
    expect(mergeFacts(dom, api).urls).toEqual(['https://shop.example/very/long/path?ref=1', 'https://other.example/']);
  });

  it('takes the whole note when the DOM shows its start', () => {
    const full = 'Deals today on everything.\n\nShop now at example.com, use code SAVE10 at checkout for ten percent off';
    expect(mergeFacts(facts({ text: 'Deals today on everything. Shop now at example.com…' }), facts({ text: full })).text).toBe(full);
    // Different text (a translation, an edit): the DOM's stays.
    expect(mergeFacts(facts({ text: 'Ofertas hoy' }), facts({ text: full })).text).toBe('Ofertas hoy');
  });

  it('marks an ad when either side says so, and keeps what the DOM says about the repost context', () => {
    const dom = facts({ isRepost: true, repostedBy: 'friend' });
    const merged = mergeFacts(dom, facts({ isAd: true }));
    expect(merged).toMatchObject({ isAd: true, isRepost: true, repostedBy: 'friend' });
    expect(mergeFacts(facts({ isAd: true }), facts()).isAd).toBe(true);
  });

  it('prefers a full card URL over a bare domain or t.co', () => {
    expect(mergeFacts(facts({ hasCard: true, cardUrl: 'shop.example' }), facts({ hasCard: true, cardUrl: 'https://shop.example/p/1' })).cardUrl).toBe(
      'https://shop.example/p/1',
    );
    expect(mergeFacts(facts({ cardUrl: 'https://a.example/x' }), facts({ cardUrl: 'https://b.example/y' })).cardUrl).toBe('https://a.example/x');
  });

  it('unites tags and mentions without duplicates (case-insensitive)', () => {
    const merged = mergeFacts(facts({ hashtags: ['Sale'], mentions: ['Bob'] }), facts({ hashtags: ['sale', 'new'], mentions: ['bob', 'amy'] }));
    expect(merged.hashtags).toEqual(['Sale', 'new']);
    expect(merged.mentions).toEqual(['Bob', 'amy']);
  });

  it('leaves no undefined keys behind', () => {
    const merged = mergeFacts(facts(), facts());
    expect(Object.values(merged).includes(undefined)).toBe(false);
  });

  it('merges a real API tweet with a DOM reading of it', () => {
    const d = parseGraphqlResponse(JSON.parse(readFileSync(join(API, 'manual_tweet_with_video_2.json'), 'utf8')));
    const api = d.tweets.find((t) => t.isAd)!;
    const dom = facts({ id: api.id, authorHandle: 'tordosweet_co', text: api.text, urls: ['https://t.co/xyz'], hasMedia: true });
    expect(mergeFacts(dom, api)).toMatchObject({
      authorId: '1647055955388170241',
      urls: ['https://tordosweet.com/mosquitos-traps'],
      isAd: true,
      source: 'Twitter Ads',
    });
  });
});

describe('ApiFactsCache', () => {
  it('finds tweets by id and profiles by id or handle, case-insensitively', () => {
    const cache = new ApiFactsCache();
    cache.addPageData(pageData({ tweets: [facts({ authorId: '7' })], profiles: [{ handle: 'ShopCo', id: '7', followers: 10 }] }));
    expect(cache.tweet('100')?.authorId).toBe('7');
    expect(cache.profileById('7')?.followers).toBe(10);
    expect(cache.profileByHandle('shopco')?.id).toBe('7');
    expect(cache.profileByHandle('@SHOPCO')?.id).toBe('7');
    expect(cache.profileByHandle('nobody')).toBeUndefined();
  });

  it('still finds a renamed account by its old handle, and updates the profile', () => {
    const cache = new ApiFactsCache();
    cache.addPageData(pageData({ profiles: [{ handle: 'old_name', id: '7', bio: 'shop' }] }));
    cache.addPageData(pageData({ profiles: [{ handle: 'new_name', id: '7', followers: 5 }] }));
    expect(cache.profileByHandle('old_name')).toEqual({ handle: 'new_name', id: '7', bio: 'shop', followers: 5 });
    expect(cache.profileByHandle('new_name')?.id).toBe('7');
  });

  it('remembers an ad mark that arrives before or after the tweet', () => {
    const cache = new ApiFactsCache();
    cache.addPageData(pageData({ ads: ['100'] }));
    // A bare id marks nothing (trust model, adMarks) until the page also describes the tweet.
    expect(cache.isAdBy('100', 'shop')).toBe(false);
    cache.addPageData(pageData({ tweets: [facts()] }));
    expect(cache.tweet('100')?.isAd).toBe(true);
    expect(cache.isAdBy('100', 'SHOP')).toBe(true);
    expect(cache.isAdBy('100', 'someone_else')).toBe(false);
    cache.addPageData(pageData({ tweets: [facts({ id: '200' })] }));
    cache.addPageData(pageData({ ads: ['200'] }));
    expect(cache.tweet('200')?.isAd).toBe(true);
    // A later response without the mark does not clear it.
    cache.addPageData(pageData({ tweets: [facts({ id: '200' })] }));
    expect(cache.tweet('200')?.isAd).toBe(true);
  });

  it('once sent, an ad keeps only its author: still an ad by that author, its facts gone', () => {
    const cache = new ApiFactsCache();
    cache.addPageData(pageData({ tweets: [facts({ isAd: true }), facts({ id: '300' })] }));
    cache.forgetTweet('100');
    cache.forgetTweet('300');
    expect(cache.tweet('100')).toBeUndefined();
    expect(cache.isAdBy('100', 'Shop')).toBe(true);
    expect(cache.isAdBy('100', 'someone_else')).toBe(false);
    expect(cache.isAdBy('300', 'shop')).toBe(false);
    // X describing it again (without the mark) keeps it an ad.
    cache.addPageData(pageData({ tweets: [facts()] }));
    expect(cache.tweet('100')?.isAd).toBe(true);
  });

  it('is bounded: the least recently used entries go first', () => {
    const cache = new ApiFactsCache({ tweets: 3, profiles: 2 });
    cache.addPageData(pageData({ tweets: ['1', '2', '3'].map((id) => facts({ id })) }));
    cache.tweet('1'); // used: now the most recent
    cache.addPageData(pageData({ tweets: [facts({ id: '4' })] }));
    expect(cache.tweet('2')).toBeUndefined();
    expect(cache.tweet('1')).toBeDefined();
    expect(cache.size.tweets).toBe(3);
    cache.addPageData(pageData({ profiles: ['a', 'b', 'c'].map((h, i) => ({ handle: h, id: String(i + 1) })) }));
    expect(cache.size.profiles).toBe(2);
    expect(cache.profileByHandle('a')).toBeUndefined();
  });

  it('holds at most `ads` ad ids each way: marks waiting for their tweet, and authors of ads sent', () => {
    const cache = new ApiFactsCache({ tweets: 10, profiles: 2, ads: 2 });
    cache.addPageData(pageData({ ads: ['1', '2', '3'] })); // '1' forgotten: three marks, room for two.
    cache.addPageData(pageData({ tweets: ['1', '2', '3'].map((id) => facts({ id })) }));
    expect(['1', '2', '3'].map((id) => cache.isAdBy(id, 'shop'))).toEqual([false, true, true]);
    cache.addPageData(pageData({ tweets: [facts({ id: '4', isAd: true })] }));
    for (const id of ['1', '2', '3', '4']) cache.forgetTweet(id);
    // Sent ads keep their author, two of them: the oldest sent goes.
    expect(['2', '3', '4'].map((id) => cache.isAdBy(id, 'shop'))).toEqual([false, true, true]);
  });

  it('holds a whole real list timeline', () => {
    const cache = new ApiFactsCache();
    const d = parseGraphqlResponse(JSON.parse(readFileSync(join(API, 'raw_list_timeline.json'), 'utf8')));
    cache.addPageData(d);
    expect(cache.size).toEqual({ tweets: 181, profiles: 96 });
    expect(cache.profileByHandle('ilvestoomas')?.id).toBe('579747564');
  });
});
