// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  addPost, AUTHOR_THRESHOLDS, judgeAuthor, judgePost, newAuthorState, postThreshold, type AuthorState,
} from '../../../src/classifier';
import { pSellingInContext, SELLER_CONTEXT_P, upgradeAuthorState, type AuthorStateV1 } from '../../../src/classifier/author';
import { toTweetFacts } from '../../../tools/eval/labeled-posts';
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
    // The placeholder and popup lead with the count that made the verdict.
    expect(j.reasons[0]).toBe('16 of 17 posts were not selling');
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

  it('weighs recently seen posts more than posts seen long ago', () => {
    const old = feed(newAuthorState('changed'), [...SHOP, ...SHOP], T0);
    feed(old, TALK, T0 + 400 * DAY);
    const j = judge(old);
    // 6 selling posts seen over a year ago count for far less than 8 talking posts seen now.
    expect(j.sellingShare).toBeLessThan(0.2);
    expect(j.verdict).toBe('conversationalist');
  });
});

// Token shilling, as in the bug seen in the browser.
const TOKENS = [
  '$PEPE2 fair launch is live on pump.fun, CA: 7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU ape in before the pump 🚀',
  'Presale ends tonight! Get in early on $MOON, next 100x gem 🔥 https://moonsale.xyz',
  'Free mint live now 💎 claim your airdrop allocation, connect wallet: https://claim-drop.xyz',
  'Ticker: $BLOOP stealth launch, liquidity locked, CA below 👇 dont miss it',
  'Airdrop is live 🎁 claim your $WAVE tokens before it ends, eligibility check: https://wave-claim.xyz',
];
const PLAIN = 'Had a lovely walk by the river this morning, the leaves are turning already';
const SENSITIVITIES = ['strict', 'balanced', 'loose'] as const;
const NOV_2026 = Date.UTC(2026, 10, 20, 12);

interface Sighting { text: string; seenAt: number; createdAt?: number }
/** Posts as the reader saw them: `seenAt` is the `now` given to addPost. */
function see(handle: string, sightings: readonly Sighting[]): AuthorState {
  const s = newAuthorState(handle);
  for (const { text, seenAt, createdAt } of sightings) {
    const f = tweet(text, createdAt === undefined ? {} : { createdAt });
    addPost(s, f, judgePost(f), seenAt);
  }
  return s;
}
const judgeAt = (s: AuthorState, sensitivity: Sensitivity, now: number) => judgeAuthor(s, undefined, { sensitivity, now });

describe('recency follows when the reader saw the posts, not when they were written', () => {
  // The bug: 4 token posts written Feb–Aug 2026 and one new plain post, all seen in Nov 2026,
  // was judged a conversationalist ("only 4 of 5 posts pushed tokens…").
  const bug = (): AuthorState => see('shiller', [
    ...TOKENS.slice(0, 4).map((text, i) => ({ text, createdAt: Date.UTC(2026, 1 + 2 * i, 10), seenAt: NOV_2026 + i * 5000 })),
    { text: PLAIN, createdAt: NOV_2026 + 20_000, seenAt: NOV_2026 + 20_000 },
  ]);
  const tenPlain = Array.from({ length: 10 }, (_, i) => `${PLAIN} (day ${'abcdefghij'[i]})`);

  const flags: [string, () => AuthorState, Partial<Record<Sensitivity, string>>][] = [
    ['4 of 5 posts selling, old posts and a new one seen in one session', bug, { strict: 'mixed', balanced: 'seller', loose: 'seller' }],
    ['a seller whose posts were seen 3 months apart', () => see('slowseller', TOKENS.map((text, i) => ({ text, seenAt: NOV_2026 + i * 91 * DAY }))),
      { strict: 'seller', balanced: 'seller', loose: 'seller' }],
    ['a seller seen in two visits 3 months apart', () => see('twovisits', [
      ...TOKENS.slice(0, 3).map((text, i) => ({ text, seenAt: NOV_2026 + i * 60_000 })),
      ...TOKENS.slice(1).map((text, i) => ({ text: text + ' 2', seenAt: NOV_2026 + 91 * DAY + i * 60_000 })),
    ]), { strict: 'seller', balanced: 'seller', loose: 'seller' }],
    ['a seller whose old posts turn up while scrolling back (oldest seen last)', () => see('scrollback',
      TOKENS.map((text, i) => ({ text, createdAt: NOV_2026 - i * 70 * DAY, seenAt: NOV_2026 + i * 3000 }))),
    { strict: 'seller', balanced: 'seller', loose: 'seller' }],
  ];
  describe('flags', () => {
    for (const [name, make, expected] of flags) {
      it(name, () => {
        const s = make();
        for (const sens of SENSITIVITIES) {
          const j = judgeAt(s, sens, s.at + DAY);
          expect(j.verdict, sens).not.toBe('conversationalist');
          if (expected[sens]) expect(j.verdict, sens).toBe(expected[sens]);
        }
      });
    }

    it('tells the bug case by its selling, not by its one plain post', () => {
      const j = judgeAt(bug(), 'balanced', NOV_2026 + DAY);
      expect(j.reasons[0]).toBe('4 of 5 posts pushed tokens, mints or airdrops');
      expect(j.reasons.join(' | ')).not.toMatch(/\bonly\b/);
    });
  });

  const keeps: [string, () => AuthorState, Sensitivity[]][] = [
    ['a reformed account: 5 selling posts seen 200 days ago, then 10 plain posts seen now', () => see('reformed', [
      ...TOKENS.map((text, i) => ({ text, seenAt: NOV_2026 - 200 * DAY + i * 60_000 })),
      ...tenPlain.map((text, i) => ({ text, seenAt: NOV_2026 + i * 60_000 })),
    ]), [...SENSITIVITIES]],
    ['a talker seen again after a long gap stays a talker', () => see('regular', [
      ...TALK.map((text, i) => ({ text, seenAt: NOV_2026 - 300 * DAY + i * 60_000 })),
      { text: PLAIN, seenAt: NOV_2026 },
    ]), [...SENSITIVITIES]],
  ];
  describe('keeps', () => {
    for (const [name, make, sens] of keeps) {
      it(name, () => {
        const s = make();
        for (const x of sens) {
          const j = judgeAt(s, x, NOV_2026 + DAY);
          expect(j.verdict, x).toBe('conversationalist');
        }
      });
    }

    it('says why a reformed account is no longer a seller', () => {
      const j = judgeAt(keeps[0]![1](), 'balanced', NOV_2026 + DAY);
      expect(j.reasons).toContain('the selling posts were seen a while ago; recent posts count more');
      expect(j.reasons).toContain('10 of 15 posts showed no sign of selling');
    });

    it('never calls a talker on too little recent evidence: one plain post is unknown', () => {
      const s = see('one', [{ text: PLAIN, seenAt: NOV_2026 }]);
      for (const x of SENSITIVITIES) expect(judgeAt(s, x, NOV_2026).verdict).toBe('unknown');
    });
  });

  it('never calls an author with 4 of 5 selling posts a conversationalist, however they were seen', () => {
    const gaps = [0, 1, 30, 60, 120, 365, 1000];
    for (const gap of gaps) {
      for (let plainAt = 0; plainAt < 5; plainAt++) {
        const texts = TOKENS.slice(0, 4);
        texts.splice(plainAt, 0, PLAIN);
        const s = see('many', texts.map((text, i) => ({ text, seenAt: NOV_2026 + i * gap * DAY })));
        for (const x of SENSITIVITIES) expect(judgeAt(s, x, s.at).verdict, `${x} gap ${gap} plain at ${plainAt}`).not.toBe('conversationalist');
      }
    }
  });

  it('ignores createdAt entirely', () => {
    const a = see('dated', TOKENS.map((text, i) => ({ text, seenAt: NOV_2026 + i, createdAt: Date.UTC(2020 + i, 0, 1) })));
    const b = see('dated', TOKENS.map((text, i) => ({ text, seenAt: NOV_2026 + i })));
    expect(a).toEqual(b);
  });
});

describe('stored states of version 1', () => {
  /** What the old addPost stored for the bug case: weights decayed by the posts' own dates. */
  const v1 = (): AuthorStateV1 => {
    const s = bugLikeV2();
    expect(s.selling).toEqual([4, 4, 4]);
    return { ...s, v: 1, s: [0.05, 0.05, 0.05], w: 1.05, at: NOV_2026 };
  };
  const bugLikeV2 = () => see('shiller', [...TOKENS.slice(0, 4), PLAIN].map((text, i) => ({ text, seenAt: NOV_2026 + i })));

  it('judges them from their plain counts, without changing them', () => {
    const old = v1();
    const before = JSON.stringify(old);
    const j = judgeAuthor(old, undefined, { sensitivity: 'balanced', now: NOV_2026 + DAY });
    expect(j.verdict).toBe('seller');
    expect(j.sellingPosts).toBe(4);
    expect(JSON.stringify(old)).toBe(before);
  });

  it('upgrades them in addPost', () => {
    const old = v1();
    const f = tweet(TOKENS[0]! + ' again');
    const s = addPost(old, f, judgePost(f), NOV_2026 + DAY);
    expect(s.v).toBe(2);
    expect(s.posts).toBe(6);
    expect(s.w).toBeCloseTo(6, 1);
    expect(judgeAuthor(s, undefined, { sensitivity: 'balanced', now: NOV_2026 + DAY }).verdict).toBe('seller');
  });

  it('starts afresh from a malformed state, keeping the handle', () => {
    const broken = { v: 1, handle: 'oops', posts: 'many' } as unknown as AuthorStateV1;
    expect(upgradeAuthorState(broken, NOV_2026)).toEqual(newAuthorState('oops'));
    const future = { ...newAuthorState('later'), v: 3 } as unknown as AuthorState;
    expect(upgradeAuthorState(future, NOV_2026).v).toBe(2);
  });
});

describe('reasons read as English', () => {
  const ad = (text: string) => tweet(text, { isAd: true });
  it.each([
    ['1 of 1 post was promoted (an ad)', 'loose', [ad('The best project tool for teams. Try it free.')]],
    ['2 of 2 posts were promoted (ads)', 'loose', [ad('The best project tool for teams. Try it free.'), ad('Plan your week in minutes with our app.')]],
    ['only 1 of 9 posts carried a shop link', 'balanced', [SHOP[0]!, ...TALK]],
    ['3 of 4 posts carried shop links', 'balanced', [...SHOP, TALK[0]!]],
  ] as const)('"%s" (%s)', (reason, sens, texts) => {
    const j = judge(feed(newAuthorState('grammar'), texts), sens);
    expect(j.reasons).toContain(reason);
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

describe('a post in the light of its author (pSellingInContext)', () => {
  const plain = 'The future of tennis is in good hands.';
  const sellerState = () =>
    feed(newAuthorState('brand'), [
      'Get 20% off all running shoes this weekend with code RUN20. Shop now: brand.example/run',
      'Our winter sale is on: up to 40% off jackets, today only. Shop now',
      'New drop: the Aero 2 trainer, $120, order now at brand.example/aero',
      'Free shipping on every order this week. Use code SHIPFREE at checkout',
    ]);

  it('reads a plain post of an author whose posts make a seller as its marketing, at every sensitivity', () => {
    const s = sellerState();
    expect(judge(s).verdict).toBe('seller');
    const f = tweet(plain);
    const post = judgePost(f);
    expect(post.pSelling).toBeLessThan(postThreshold('balanced'));
    expect(pSellingInContext(s, f, post, 'seller')).toBe(SELLER_CONTEXT_P);
    for (const sens of ['strict', 'balanced', 'loose'] as const) expect(SELLER_CONTEXT_P).toBeGreaterThanOrEqual(postThreshold(sens));
  });

  it('not for an author who is not a seller, nor a post that shows itself as news, a market report or a scam warning', () => {
    const s = sellerState();
    const f = tweet(plain);
    const post = judgePost(f);
    for (const verdict of ['mixed', 'conversationalist', 'unknown', undefined] as const) expect(pSellingInContext(s, f, post, verdict)).toBeLessThan(postThreshold('balanced'));
    for (const text of [
      'BREAKING: the league announced the final will move to Saturday, officials said',
      '$BTC swept its November lows and is trading at $79,000 after $1B in liquidations',
      'Warning to everyone: fake accounts are offering our shoes at 90% off. It is a scam, do not click.',
    ]) {
      const g = tweet(text);
      const p = judgePost(g);
      expect(pSellingInContext(s, g, p, 'seller'), text).toBeLessThan(SELLER_CONTEXT_P);
    }
  });

  it('keeps a post that reads as selling by itself as it reads', () => {
    const s = sellerState();
    const f = tweet('Last chance: 30% off everything with code LAST30, shop now');
    const post = judgePost(f);
    expect(pSellingInContext(s, f, post, 'seller')).toBeGreaterThan(SELLER_CONTEXT_P);
  });
});

describe('judgeAuthor without reasons (a post\'s context)', () => {
  it('gives the same verdict, confidence and share, and writes no reasons', () => {
    const states = [
      feed(newAuthorState('shop'), ['Get 20% off with code RUN20. Shop now: brand.example/run', 'Winter sale: 40% off jackets today only', 'New drop, $120, order now', 'Free shipping this week, code SHIPFREE']),
      feed(newAuthorState('alice'), ['I think the new bridge is pretty good', 'Lovely walk by the river today', 'Anyone else watching the match?']),
      feed(newAuthorState('brand'), ['Brandco: the future of tennis', 'Brandco presents the new season', 'Brandco. Made for runners', 'Rain or shine with Brandco']),
    ];
    for (const s of states) {
      for (const sensitivity of ['strict', 'balanced', 'loose'] as const) {
        for (const previous of [undefined, 'seller', 'mixed', 'conversationalist'] as const) {
          const full = judgeAuthor(s, undefined, { sensitivity, now: T0 + DAY, previous });
          const bare = judgeAuthor(s, undefined, { sensitivity, now: T0 + DAY, previous, reasons: false });
          expect({ ...bare, reasons: full.reasons }).toEqual(full);
          expect(bare.reasons).toEqual([]);
        }
      }
    }
  });
});
