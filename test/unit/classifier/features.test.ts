// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { judgePost } from '../../../src/classifier';
import { extractFeatures, FEATURES, GATED, N_FEATURES, SHARED_GATES, setMatchWindows } from '../../../src/classifier/features';
import { parseLabeledPosts, toTweetFacts } from '../../../tools/eval/labeled-posts';
import type { TweetFacts } from '../../../src/shared/types';
import { TABLE } from './tables';
import { RULES } from '../../../src/classifier/rules';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

function tweet(text: string, extra: Partial<TweetFacts> = {}): TweetFacts {
  // The same reading the eval uses: hashtags, cashtags, mentions from the text.
  const facts = toTweetFacts({ id: '1', author: 'someone', text, urls: [], label: 'not_seller', source: 'test' });
  return { ...facts, ...extra };
}

function evidenceOf(text: string, extra: Partial<TweetFacts> = {}): string[] {
  return judgePost(tweet(text, extra)).evidence.map((e) => e.name);
}

/** The rules a post sets off (whatever their fitted weight, which may be 0). */
function rulesOf(text: string): string[] {
  const x = new Float64Array(N_FEATURES);
  extractFeatures(tweet(text), undefined, x, new Array<string>(N_FEATURES).fill(''));
  return FEATURES.filter((_, i) => x[i] !== 0).map((f) => f.name);
}


describe('evidence', () => {
  for (const [name, { flags, keeps }] of Object.entries(TABLE)) {
    describe(name, () => {
      it.each(flags)('flags %j', (text) => expect(rulesOf(text)).toContain(name));
      it.each(keeps)('keeps %j', (text) => expect(rulesOf(text)).not.toContain(name));
    });
  }

  it('has a table row for every rule found by a pattern or by words (adding a rule = one record + one row)', () => {
    const patterned = RULES.filter((r) => r.pattern || r.words).map((r) => r.name);
    expect(patterned.filter((n) => !(n in TABLE))).toEqual([]);
  });

  it('flags many hashtags and cashtags from the facts', () => {
    const ev = evidenceOf('Recover now #CryptoRecovery #BitcoinRecovery #CryptoScam #TrustWallet $SHIB $CRM $COST');
    expect(ev).toContain('tag.hashtags-many');
    expect(ev).toContain('tag.cashtags-many');
  });

  it('flags an ad, a scheduler app and profile facts with hand-set weights', () => {
    const p = judgePost(tweet('Meet the new Pixel.', { isAd: true, source: 'Hootsuite Inc.' }), {
      handle: 'someone', bioUrls: ['https://linktr.ee/someone'], professionalType: 'Business', bio: 'Handmade candles. DM to order',
    });
    const names = p.evidence.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['post.ad', 'post.scheduler', 'profile.business', 'profile.bio-shop-link', 'profile.bio-sales']));
    expect(p.selling).toBe(true);
    expect(p.evidence[0]!.name).toBe('post.ad'); // most telling first
  });

  it('reads what X says about the account: organisation verification, affiliate badge, a selling category', () => {
    const p = judgePost(tweet('New menu today.'), {
      handle: 'brand', verifiedType: 'Business', affiliateLabel: 'Acme', professionalCategory: 'Restaurant', professionalType: 'Business',
    });
    const names = p.evidence.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['profile.verified-org', 'profile.affiliate-badge', 'profile.selling-category', 'profile.business']));
    const news = judgePost(tweet('New menu today.'), { handle: 'paper', verifiedType: 'Government', professionalCategory: 'Media & News Company' });
    expect(news.evidence.map((e) => e.name)).not.toEqual(expect.arrayContaining(['profile.verified-org']));
    expect(news.evidence.map((e) => e.name)).not.toContain('profile.selling-category');
  });

  it('keeps a followed account leaning towards talk', () => {
    const p = judgePost(tweet('nice'), { handle: 'x', isFollowedByUser: true });
    expect(p.evidence.find((e) => e.name === 'profile.followed')?.weight).toBeLessThan(0);
  });
});

describe('judgePost', () => {
  it('judges plain conversation as not selling', () => {
    for (const text of ['Great film, although it doesn\'t feel like fast and furious anymore', 'satisfying, I love this', 'i think 2026 is the year that we all get new hobbies']) {
      expect(judgePost(tweet(text)).selling).toBe(false);
    }
  });

  it('judges clear promotion as selling', () => {
    for (const text of [
      'Coinbase is giving away ETH! I just claimed 2.5 ETH for free. Hurry before it ends! coinbase-rewards.xyz',
      'LAST CHANCE FOR LIFETIME VIP!!! OFFERING -90% off TILL MIDNIGHT https://dubclub.win/r/p/pri-7nf8k/?checkout=1',
      '🔥 FREE MINT GIVEAWAY 🔥 One lucky winner gets a FREE NFT 🐂 How to enter: 1️⃣ Like & RT 2️⃣ Follow @BBSociety33',
    ]) {
      expect(judgePost(tweet(text)).selling).toBe(true);
    }
  });

  it('does not make a single shared article link selling', () => {
    const p = judgePost(tweet('Good long read on the election results', { urls: ['https://www.nytimes.com/2026/01/01/us/politics/results.html'] }));
    expect(p.selling).toBe(false);
  });

  it('is pure: the same facts give the same judgement', () => {
    const t = tweet('Use code SAVE20 for 20% off, shop now, link in bio');
    expect(judgePost(t)).toEqual(judgePost(t));
  });

  it('gives weights and details that explain the score', () => {
    const p = judgePost(tweet('Use code SAVE20 for 20% off', { urls: ['https://www.amazon.com/dp/B00X?tag=me-20'] }));
    const shop = p.evidence.find((e) => e.name === 'link.shop');
    expect(shop?.detail).toBe('amazon.com');
    expect(p.evidence.find((e) => e.name === 'link.affiliate')?.detail).toBe('amazon.com');
    expect(p.pSelling).toBeGreaterThan(0.5);
  });
});

describe('word triggers', () => {
  // Each gated regex runs only when one of its trigger words is in the text; this proves, over
  // every post of the development set and the tables above, that gating never hides a match.
  const posts = parseLabeledPosts(readFileSync(fixture('labeled/posts.jsonl'), 'utf8'));
  const texts = [...posts.map((p) => toTweetFacts(p).text), ...Object.values(TABLE).flatMap((r) => [...r.flags, ...r.keeps])];
  const words = (t: string) => new Set(t.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  // Rules that open on a currency sign (price, offer, deal) also run whenever one is in the text.
  const opensOnCurrency = new Set(RULES.filter((r) => r.opens).map((r) => r.pattern!.source));

  it.each([...GATED, ...SHARED_GATES].map(([re, trig], i) => [i, re, trig] as const))('regex %i matches only with a trigger word present', (_i, re, trig) => {
    const missed: string[] = [];
    for (const text of texts) {
      const t = text.toLowerCase();
      if (!re.test(t)) continue;
      if (opensOnCurrency.has(re.source) && /[$€£¥]/.test(t)) continue;
      const w = words(text);
      if (!trig.some((x) => w.has(x))) missed.push(`${re.exec(t)?.[0]} ← ${text.slice(0, 80)}`);
    }
    expect(missed).toEqual([]);
  });
});

describe('reading the text as a person would', () => {
  it('matches phrases across doubled spaces and line breaks', () => {
    expect(evidenceOf('Great video! Check  out our channel\nfor tech reviews')).toContain('text.self-promo');
    expect(evidenceOf('check\nout my\tchannel')).toContain('text.self-promo');
  });

  it('reads styled look-alike letters as plain ones', () => {
    expect(evidenceOf('𝐜𝐥𝐚𝐢𝐦 𝐲𝐨𝐮𝐫 𝐚𝐢𝐫𝐝𝐫𝐨𝐩 now')).toContain('text.airdrop-claim');
    expect(evidenceOf('ｓｕｂｓｃｒｉｂｅ ｔｏ ｍｙ ｃｈａｎｎｅｌ')).toContain('text.self-promo');
  });
});

describe('match windows', () => {
  // Gated regexes look only around their trigger words (features.ts, LOOK_BEHIND / LOOK_AHEAD);
  // over the development set, the tables and some long texts, that never changes a feature.
  const posts = parseLabeledPosts(readFileSync(fixture('labeled/posts.jsonl'), 'utf8'));
  const long = 'word '.repeat(60);
  const extra = Object.values(TABLE).flatMap((r) => [...r.flags, ...r.keeps]).flatMap((t) => [t, `${long}${t}`, `${t} ${long}`, `${long}${t}${long}`]);
  const facts = [...posts.map(toTweetFacts), ...extra.map((t) => tweet(t))];
  const read = (f: TweetFacts): number[] => {
    const x = new Float64Array(N_FEATURES);
    extractFeatures(f, undefined, x, new Array<string>(N_FEATURES).fill(''));
    return [...x];
  };

  it('gives the same features as matching over the whole text', () => {
    const differ: string[] = [];
    for (const f of facts) {
      setMatchWindows(true);
      const a = read(f);
      setMatchWindows(false);
      const b = read(f);
      a.forEach((v, i) => v !== b[i] && differ.push(`${FEATURES[i]!.name} ← ${f.text.slice(0, 80)}`));
    }
    setMatchWindows(true);
    expect(differ).toEqual([]);
  });
});
