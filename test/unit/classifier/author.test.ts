// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  addPost, AUTHOR_THRESHOLDS, judgeAuthor, judgePost, newAuthorState, postThreshold, type AuthorState,
} from '../../../src/classifier';
import { toTweetFacts } from '../../../src/classifier/eval/labeled-posts';
import type { AuthorProfile, Sensitivity, TweetFacts } from '../../../src/shared/types';

const T0 = 1_760_000_000_000;
const DAY = 24 * 3600 * 1000;
let nextId = 1;

function tweet(text: string, extra: Partial<TweetFacts> = {}): TweetFacts {
  const id = String(nextId++);
  return { ...toTweetFacts({ id, author: 'a', text, urls: [], label: 'not_seller', source: 't' }), ...extra };
}

function feed(state: AuthorState, texts: readonly (string | TweetFacts)[], start = T0): AuthorState {
  texts.forEach((t, i) => {
    const f = typeof t === 'string' ? tweet(t) : t;
    addPost(state, f, judgePost(f), start + i * 60_000);
  });
  return state;
}

const judge = (s: AuthorState, sensitivity: Sensitivity = 'balanced', profile?: AuthorProfile) =>
  judgeAuthor(s, profile, { sensitivity, now: T0 + 365 * DAY });

// Real phrasing from the development set.
const TALK = [
  'Great film, although it doesn\'t feel like fast and furious anymore',
  'satisfying, I love this',
  'i think 2026 is the year that we all get new hobbies',
  'Maybe "optimizer" rather than "bundler", but your point stands.',
  'really want this video to get 1 billion views, would be amazing!',
  'who is going to reach the billion first : katy or taylor ?',
  'This song never gets old love it.',
  'My honest opinion. It\'s a very mediocre song.',
];
const SHOP = [
  'Use code SPRING for 20% off everything, shop now https://www.etsy.com/shop/mugs',
  'New mugs just dropped! Order now https://www.etsy.com/listing/123/mug',
  'Limited time: free shipping on all mugs https://www.etsy.com/shop/mugs',
];

describe('author verdicts', () => {
  it('one salesy post among many talking posts stays a conversationalist', () => {
    const s = feed(newAuthorState('Talker'), [...TALK, SHOP[0]!, ...TALK]);
    const j = judge(s);
    expect(j.verdict).toBe('conversationalist');
    expect(j.posts).toBe(17);
    expect(j.sellingPosts).toBe(1);
  });

  it('one shop link in fifty posts stays a conversationalist', () => {
    const texts: string[] = [];
    for (let i = 0; i < 49; i++) texts.push(TALK[i % TALK.length]!);
    texts.splice(20, 0, SHOP[0]!);
    const j = judge(feed(newAuthorState('fifty'), texts));
    expect(j.verdict).toBe('conversationalist');
    expect(j.sellingShare).toBeLessThan(0.1);
  });

  it('a new account with two shop posts gets no verdict yet, except when loose', () => {
    const s = feed(newAuthorState('newshop'), SHOP.slice(0, 2));
    const balanced = judge(s);
    expect(balanced.verdict).toBe('unknown');
    expect(balanced.reasons[0]).toBe('only 2 posts seen; a verdict needs 3');
    expect(judge(s, 'strict').verdict).toBe('unknown');
    expect(judge(s, 'loose').verdict).toBe('seller');
  });

  it('calls a shop that posts only promotion a seller, and says why first', () => {
    const j = judge(feed(newAuthorState('mugshop'), [...SHOP, ...SHOP.map((t) => t.replace('mugs', 'cups'))]));
    expect(j.verdict).toBe('seller');
    expect(j.reasons[0]).toBe('6 of 6 posts carried shop links');
    expect(j.confidence).toBeGreaterThan(0.75);
  });

  it('a brand that also replies in conversation is mixed', () => {
    const replies = [
      '@ana thanks for the kind words, glad you love it!',
      '@ben sorry to hear that, what went wrong with the order?',
      '@cat haha yes, we love that one too',
      '@dan I think the blue one suits you better honestly',
      '@eve thank you so much!',
    ].map((t) => tweet(t, { isReply: true }));
    const j = judge(feed(newAuthorState('brand'), [SHOP[0]!, replies[0]!, SHOP[1]!, replies[1]!, SHOP[2]!, replies[2]!, replies[3]!, replies[4]!]));
    expect(j.verdict).toBe('mixed');
    expect(j.reasons).toContain('replies in conversation in 5 of 8 posts');
  });

  it('counts a repeated text, and tells it', () => {
    const spam = 'High-Risk Platforms Alert 🚩 Investment irregularities are linked to #FrameAvageLab #ArgentoLuxeron #GiustoWex. Act fast — DM for recovery support.';
    const j = judge(feed(newAuthorState('repeat'), [spam, spam, spam.replace('#GiustoWex', '#Other'), spam]));
    expect(j.verdict).toBe('seller');
    expect(j.reasons.some((r) => /^repeated the same text in [23] of 4 posts$/.test(r))).toBe(true);
  });

  it('uses the profile: a bio store link tips a borderline author and is told', () => {
    const s = feed(newAuthorState('borderline'), [SHOP[0]!, TALK[0]!, SHOP[1]!, TALK[1]!]);
    const without = judge(s);
    const withBio = judge(s, 'balanced', { handle: 'borderline', bioUrls: ['https://www.etsy.com/shop/mugs'], professionalType: 'Business' });
    expect(withBio.sellingShare).toBeGreaterThan(without.sellingShare);
    expect(withBio.reasons).toContain('bio links to a store (etsy.com)');
  });

  it('mentions that the reader follows the account, leaving the exemption to the caller', () => {
    const j = judge(feed(newAuthorState('friend'), TALK), 'balanced', { handle: 'friend', isFollowedByUser: true });
    expect(j.reasons).toContain('you follow this account');
  });

  it('weighs recent posts more than old ones', () => {
    const old = feed(newAuthorState('changed'), [...SHOP, ...SHOP], T0);
    const recent = TALK.map((t, i) => tweet(t, { createdAt: T0 + 400 * DAY + i * 1000 }));
    feed(old, recent, T0 + 400 * DAY);
    const j = judge(old);
    // 6 selling posts over a year ago count for far less than 8 talking posts now.
    expect(j.sellingShare).toBeLessThan(0.2);
    expect(j.verdict).toBe('conversationalist');
  });
});

describe('author state', () => {
  it('stays small and plain JSON however many posts it has', () => {
    const s = newAuthorState('Big_Account');
    const texts = [...TALK, ...SHOP];
    for (let i = 0; i < 2000; i++) {
      const f = tweet(`${texts[i % texts.length]} variant ${'abcdefghij'[i % 10]}${'klmnopqrst'[Math.floor(i / 10) % 10]}`);
      addPost(s, f, judgePost(f), T0 + i * 1000);
    }
    const json = JSON.stringify(s);
    expect(json.length).toBeLessThan(2048);
    const back = JSON.parse(json) as AuthorState;
    expect(judge(back)).toEqual(judge(s));
    expect(s.handle).toBe('big_account');
  });

  it('judgeAuthor does not change the state', () => {
    const s = feed(newAuthorState('pure'), [...SHOP, ...TALK]);
    const before = JSON.stringify(s);
    judge(s);
    judge(s, 'loose', { handle: 'pure', bio: 'shop', bioUrls: ['https://linktr.ee/x'] });
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('sensitivity mapping', () => {
  it('orders the post thresholds strict > balanced > loose', () => {
    expect(postThreshold('strict')).toBeGreaterThan(postThreshold('balanced'));
    expect(postThreshold('balanced')).toBeGreaterThan(postThreshold('loose'));
  });

  it('asks more evidence of an author the stricter it is', () => {
    const { strict, balanced, loose } = AUTHOR_THRESHOLDS;
    expect(strict.minPosts).toBeGreaterThanOrEqual(balanced.minPosts);
    expect(balanced.minPosts).toBeGreaterThanOrEqual(loose.minPosts);
    expect(strict.seller).toBeGreaterThan(balanced.seller);
    expect(balanced.seller).toBeGreaterThan(loose.seller);
  });

  it('never turns a seller under strict into a non-seller under looser settings', () => {
    const scenarios = [
      [...SHOP, ...SHOP, TALK[0]!],
      [...SHOP, TALK[0]!, TALK[1]!],
      [SHOP[0]!, SHOP[1]!],
      [...TALK, ...SHOP, ...SHOP],
    ];
    for (const texts of scenarios) {
      const s = feed(newAuthorState('steady'), texts);
      const [st, ba, lo] = (['strict', 'balanced', 'loose'] as const).map((x) => judge(s, x));
      if (st!.verdict === 'seller') expect(ba!.verdict).toBe('seller');
      if (ba!.verdict === 'seller') expect(lo!.verdict).toBe('seller');
      expect(lo!.sellingPosts).toBeGreaterThanOrEqual(ba!.sellingPosts);
      expect(ba!.sellingPosts).toBeGreaterThanOrEqual(st!.sellingPosts);
    }
  });

  it('judges a post selling at a threshold that follows the sensitivity', () => {
    const p = judgePost(tweet(SHOP[0]!));
    expect(p.selling).toBe(p.pSelling >= postThreshold('balanced'));
  });
});
