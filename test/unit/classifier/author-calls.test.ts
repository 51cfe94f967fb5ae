// @vitest-environment node
// The author side counts the share of posts that call readers to act on an offer ("order now",
// "link in bio", tickets on sale), selling or not: half or more is a sign, told in the reasons.
import { describe, expect, it } from 'vitest';
import { addPost, judgeAuthor, newAuthorState, type PostJudgement } from '../../../src/classifier';
import type { TweetFacts } from '../../../src/shared/types';

const T0 = 1_700_000_000_000;
let n = 0;
const facts = (): TweetFacts => ({
  id: String(++n), authorHandle: 'brand', text: `post ${n} ${'y'.repeat(n % 9)} words here`, urls: [], hashtags: [], cashtags: [], mentions: [],
  isReply: false, isRepost: false, isQuote: false, hasMedia: false, hasCard: false, isAd: false,
});
const post = (pSelling: number, call: boolean): PostJudgement => ({
  selling: pSelling >= 0.5, pSelling, evidence: call ? [{ name: 'text.act-now', weight: 0.8 }] : [{ name: 'talk.first-person', weight: -0.1 }],
});
const judge = (posts: PostJudgement[]) => {
  const s = newAuthorState('brand');
  posts.forEach((p, i) => addPost(s, facts(), p, T0 + i * 60_000));
  return { state: s, j: judgeAuthor(s, undefined, { sensitivity: 'balanced', now: T0 + 3_600_000 }) };
};

describe('calls to act on an offer, per author', () => {
  it('flags: counts every post with a call, selling or not, and tells it when half or more call', () => {
    const { state, j } = judge([post(0.9, true), post(0.9, true), post(0.3, true), post(0.9, true)]);
    expect(state.calls).toBe(4);
    expect(j.reasons).toContain('4 of 4 posts called readers to act on an offer');
  });

  it('keeps: a call in one post of four is no sign, and talk alone counts none', () => {
    const one = judge([post(0.9, true), post(0.1, false), post(0.1, false), post(0.1, false)]);
    expect(one.state.calls).toBe(1);
    expect(one.j.reasons.join(' ')).not.toContain('called readers');
    expect(judge([post(0.1, false), post(0.1, false), post(0.1, false)]).state.calls).toBe(0);
  });

  it('leans the share of selling posts up when half or more call', () => {
    const calling = judge([post(0.9, true), post(0.9, true), post(0.3, true), post(0.3, true)]).j;
    const quiet = judge([post(0.9, true), post(0.9, false), post(0.3, false), post(0.3, false)]).j;
    expect(calling.sellingShare).toBeGreaterThan(quiet.sellingShare);
  });
});
