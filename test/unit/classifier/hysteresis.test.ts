// @vitest-environment node
// An author's verdict does not flip between seller and not seller on one new post: judgeAuthor
// takes the previous verdict and needs a margin to leave it (author.ts, LEAVE_MARGIN / ENTER_MARGIN).
import { describe, expect, it } from 'vitest';
import { addPost, judgeAuthor, newAuthorState, type AuthorState, type PostJudgement } from '../../../src/classifier';
import type { TweetFacts, Verdict } from '../../../src/shared/types';

const T0 = 1_700_000_000_000;
const selling: PostJudgement = { selling: true, pSelling: 0.99, evidence: [{ name: 'link.shop', weight: 2 }] };
const talking: PostJudgement = { selling: false, pSelling: 0.05, evidence: [] };
let n = 0;
const facts = (): TweetFacts => ({
  id: String(++n), authorHandle: 'shop', text: `post number ${n} with words ${'x'.repeat(n % 7)}`, urls: [], hashtags: [], cashtags: [], mentions: [],
  isReply: false, isRepost: false, isQuote: false, hasMedia: false, hasCard: false, isAd: false,
});

/** A state from a pattern of posts: S = selling, T = talking. */
function state(pattern: string): AuthorState {
  const s = newAuthorState('shop');
  [...pattern].forEach((c, i) => addPost(s, facts(), c === 'S' ? selling : talking, T0 + i * 60_000));
  return s;
}
const judge = (s: AuthorState, previous?: Verdict) => judgeAuthor(s, undefined, { sensitivity: 'balanced', now: T0 + 3_600_000, previous }).verdict;
const isSeller = (v: Verdict) => v === 'seller';

describe('hysteresis between seller and not seller', () => {
  // [posts, previous verdict, verdict without hysteresis, verdict with it]
  const TABLE: [string, Verdict, boolean, boolean][] = [
    // flags: a seller stays a seller after one or two talking posts…
    ['SSSSTT', 'seller', false, true],
    // …and leaves once talk clearly dominates.
    ['SSSSTTTTTT', 'seller', false, false],
    // keeps: an author judged not selling does not become a seller on a borderline record…
    ['STSSS', 'mixed', true, false],
    // …but does once the case is clear.
    ['STSSSSS', 'mixed', true, true],
  ];
  it.each(TABLE)('%s after %s: seller without hysteresis %s, with %s', (pattern, previous, plain, held) => {
    const s = state(pattern);
    expect(isSeller(judge(s))).toBe(plain);
    expect(isSeller(judge(s, previous))).toBe(held);
  });

  it('gives the plain verdict when there is no previous one (first verdict, or a sensitivity change)', () => {
    for (const p of ['SSS', 'SSSSTT', 'TTTT', 'STSTST']) expect(judge(state(p), 'unknown')).toBe(judge(state(p)));
  });

  it('flips less often on a stream of posts that alternate around the threshold', () => {
    const flips = (withPrevious: boolean) => {
      const s = newAuthorState('shop');
      let prev: Verdict | undefined;
      let count = 0;
      const stream = 'SSSSTSTTSSTSTTSSTSTTSSTSTTSS';
      [...stream].forEach((c, i) => {
        addPost(s, facts(), c === 'S' ? selling : talking, T0 + i * 60_000);
        const v = judgeAuthor(s, undefined, { sensitivity: 'balanced', now: T0 + i * 60_000, previous: withPrevious ? prev : undefined }).verdict;
        if (prev !== undefined && isSeller(prev) !== isSeller(v)) count++;
        prev = v;
      });
      return count;
    };
    expect(flips(false)).toBeGreaterThan(2);
    expect(flips(true)).toBeLessThanOrEqual(1);
  });
});
