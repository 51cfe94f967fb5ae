// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { judgePost } from '../../../src/classifier';
import { evaluate, prf } from '../../../tools/eval/evaluate';
import { decodeText, parseLabeledPosts, toTweetFacts } from '../../../tools/eval/labeled-posts';

const tiny = parseLabeledPosts(readFileSync(fileURLToPath(new URL('../../fixtures/eval/tiny.jsonl', import.meta.url)), 'utf8'));

describe('eval arithmetic on a tiny hand-checked file', () => {
  // test/fixtures/eval/tiny.jsonl, checked by hand:
  //   t1 t3 t5 (shopper), t9 (spammer): clear selling, labelled seller        → 4 TP
  //   t8: clear selling phrasing, labelled not_seller                         → 1 FP
  //   t7: "Nice weather today", labelled seller                               → 1 FN
  //   t2 t4 t6 (chatter), t10: talk, labelled not_seller                      → 4 TN
  // Authors with ≥ 3 posts: shopper (seller) and chatter (not) → 1 TP, 1 TN.
  const r = evaluate(tiny, 'balanced');

  it('counts posts', () => {
    expect([r.posts.tp, r.posts.fp, r.posts.fn, r.posts.tn]).toEqual([4, 1, 1, 4]);
    expect(r.posts.precision).toBeCloseTo(0.8, 10);
    expect(r.posts.recall).toBeCloseTo(0.8, 10);
    expect(r.posts.f1).toBeCloseTo(0.8, 10);
  });

  it('counts authors with at least 3 posts only', () => {
    expect(r.authors.n).toBe(2);
    expect([r.authors.tp, r.authors.fp, r.authors.fn, r.authors.tn]).toEqual([1, 0, 0, 1]);
    expect(r.authors.verdicts).toEqual({ seller: 1, mixed: 0, conversationalist: 1, unknown: 0 });
  });

  it('splits by source family', () => {
    expect(Object.keys(r.sources).sort()).toEqual(['tiny', 'youtube']);
    expect(r.sources.youtube!.posts.n).toBe(2);
    expect(r.sources.tiny!.posts.n).toBe(8);
  });

  it('scores the baselines on the same posts', () => {
    // Links: t1, t9 (both seller) → 2 TP, 3 FN, 5 TN.
    expect([r.baselines.hasLink.posts.tp, r.baselines.hasLink.posts.fp, r.baselines.hasLink.posts.fn]).toEqual([2, 0, 3]);
    // Keywords: code (t1, t8), dm me (t3), giveaway (t5), check out (t9) → 4 TP, 1 FP, 1 FN.
    expect([r.baselines.keywords.posts.tp, r.baselines.keywords.posts.fp, r.baselines.keywords.posts.fn]).toEqual([4, 1, 1]);
  });

  it('computes the Brier score as the mean squared error of pSelling', () => {
    // No author repeats text or has history for the first post; recompute with the same context rule.
    expect(r.posts.brier).toBeGreaterThan(0);
    expect(r.posts.brier).toBeLessThan(0.25);
    const first = judgePost(toTweetFacts(tiny[6]!)).pSelling; // t7, a lone post: no context
    expect(first).toBeLessThan(0.5);
  });
});

describe('prf', () => {
  it('follows the textbook formulas and safe conventions', () => {
    expect(prf(3, 1, 2, 4)).toMatchObject({ n: 10, precision: 0.75, recall: 0.6 });
    expect(prf(3, 1, 2, 4).f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35, 12);
    expect(prf(0, 0, 5, 5)).toMatchObject({ precision: 1, recall: 0, f1: 0 });
  });
});

describe('reading labelled posts', () => {
  it('rejects malformed lines with their number', () => {
    expect(() => parseLabeledPosts('{"text":"a","label":"seller"}\n{oops')).toThrow('line 2');
    expect(() => parseLabeledPosts('{"text":"a","label":"maybe"}')).toThrow('line 1');
  });

  it('decodes the markup of YouTube comments as a browser shows it', () => {
    expect(decodeText('I can&#39;t<br />stop &amp; <a href="http://x.y">x.y</a>\ufeff')).toBe("I can't\nstop & x.y");
  });

  it('reads hashtags, cashtags, mentions and a leading reply mention', () => {
    const f = toTweetFacts({ id: '1', author: 'a', text: '@bankrbot deploy $SQUIDBAY for @Ghost081280 #Base, costs $30', urls: [], label: 'seller', source: 'janitr' });
    expect(f.cashtags).toEqual(['SQUIDBAY']);
    expect(f.mentions).toEqual(['bankrbot', 'Ghost081280']);
    expect(f.hashtags).toEqual(['Base']);
    expect(f.isReply).toBe(true);
    expect(f.replyTo).toBe('bankrbot');
  });
});
