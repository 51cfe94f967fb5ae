// Hysteresis on a realistic stream: the page benchmark's timeline (real labelled X posts, authors
// recurring as on a timeline, 10,000 cells) folded through the classifier post by post, each
// author re-judged with its previous verdict as the recorder does. Once a seller, an author stays
// one while its posts keep coming as they did: a verdict that left seller showed that author's
// next tweets again (the benchmark's "tweets of already quieted authors visible").
import { describe, expect, it } from 'vitest';
import { benchTimeline } from '../../../demo/bench-timeline';
import { addPost, judgeAuthor, judgePost, newAuthorState, type AuthorState } from '../../../src/classifier';
import type { TweetFacts, Verdict } from '../../../src/shared/types';

describe('verdicts on the page benchmark\'s stream', () => {
  it('no author leaves seller once judged one, over 10,000 cells', () => {
    const authors = new Map<string, { state: AuthorState; verdict: Verdict }>();
    const left: string[] = [];
    let now = Date.UTC(2026, 7, 6, 9);
    let sellers = 0;
    for (const { post } of benchTimeline(10_000).items) {
      if (post.source !== 'labeled') continue; // the promoted cells: ads, not authors
      const key = post.handle.toLowerCase();
      let a = authors.get(key);
      if (!a) authors.set(key, (a = { state: newAuthorState(post.handle), verdict: 'unknown' }));
      const facts: TweetFacts = { id: post.id, authorHandle: post.handle, text: post.text, urls: post.urls ?? [], hashtags: [], cashtags: [], mentions: [], hasMedia: false, hasCard: false, isReply: false, isRepost: false, isQuote: false, isAd: false };
      now += 1000;
      addPost(a.state, facts, judgePost(facts), now);
      const verdict = judgeAuthor(a.state, undefined, { sensitivity: 'balanced', now, previous: a.verdict }).verdict;
      if (a.verdict === 'seller' && verdict !== 'seller') left.push(`${key} at ${a.state.posts} posts: ${verdict}`);
      if (a.verdict !== 'seller' && verdict === 'seller') sellers++;
      a.verdict = verdict;
    }
    expect(sellers).toBeGreaterThan(100); // the stream does make sellers
    expect(left).toEqual([]);
  });
});
