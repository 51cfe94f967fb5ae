// @vitest-environment node
//
// Ordinary commerce on an X timeline, which the development set (crypto spam, scams, YouTube
// comment spam, news and brand posts) barely shows. Written by hand, before the commerce priors
// of scripts/fit-weights.ts were tuned, and not edited to fit the model afterwards: a row the
// model cannot meet without breaking the development targets is left as `it.todo` with the reason.
//
//   flags: an ordinary shop, coupon, DM-for-price, restock, affiliate or ad-copy post (no crypto)
//          must be selling at the default sensitivity (balanced).
//   keeps: an ordinary person's or newsroom's post (opinions, questions, news, sharing an article,
//          congratulations, event chatter) must not be selling at balanced.
//   borderline: one's own blog post with an ask ("Check out my new blog post …"). Decision: a
//          single such post may lean either way at balanced (people do promote their own work,
//          and the author model needs several posts before a verdict), but it must never be
//          near-certain: it must stay below the strict threshold. Sharing the same post without
//          an ask is a keep.
import { describe, expect, it } from 'vitest';
import { judgePost, postThreshold } from '../../../src/classifier';
import { toTweetFacts } from '../../../tools/eval/labeled-posts';
import type { TweetFacts } from '../../../src/shared/types';
import { COMMERCE_BORDERLINE as BORDERLINE, COMMERCE_FLAGS as FLAGS, COMMERCE_KEEPS as KEEPS } from './tables';

const URL_IN_TEXT = /https?:\/\/\S+/g;

/** The post as the extension reads it: links in the text are also in `urls` (expanded). */
function tweet(text: string): TweetFacts {
  const urls = text.match(URL_IN_TEXT) ?? [];
  return toTweetFacts({ id: '1', author: 'someone', text, urls, label: 'not_seller', source: 'test' });
}

function p(text: string): number {
  return judgePost(tweet(text)).pSelling;
}

function why(text: string): string {
  const j = judgePost(tweet(text));
  return `p=${j.pSelling.toFixed(2)} ${j.evidence.map((e) => `${e.name} ${e.weight}`).join(', ')}`;
}


/** Rows that cannot be met without breaking the development targets: [text, reason]. */
const TODO_FLAGS: readonly (readonly [string, string])[] = [];
const TODO_KEEPS: readonly (readonly [string, string])[] = [
  [
    "Can someone DM me the notes from today's lecture? I missed it",
    'p≈0.41: "DM me" is how the development set\'s scammers and sellers ask (text.contact-dm ≈ 1.9, fitted from the data, no prior), ' +
      'and a question only takes off ≈0.26; telling a request for notes from a request for orders needs what is asked for, which no feature reads',
  ],
  [
    'Got 20% off my groceries with the store loyalty card, not bad',
    'p≈0.50: "20% off" alone is text.discount-code, whose prior (2.0) is what makes "Use code SAVE20 for 20% off" selling; ' +
      'telling a discount one got from one offered ("got" vs "get", "my groceries" vs "your order") needs a feature of its own',
  ],
];

const balanced = postThreshold('balanced');
const strict = postThreshold('strict');
const todo = (list: readonly (readonly [string, string])[], text: string) => list.some(([t]) => t === text);

describe('commerce: ordinary sellers are selling at balanced', () => {
  for (const text of FLAGS) {
    if (todo(TODO_FLAGS, text)) continue;
    it(text, () => {
      expect(p(text), why(text)).toBeGreaterThanOrEqual(balanced);
    });
  }
  for (const [text, reason] of TODO_FLAGS) it.todo(`${text} — ${reason}`);
});

describe('commerce: ordinary people and newsrooms are not selling at balanced', () => {
  for (const text of KEEPS) {
    if (todo(TODO_KEEPS, text)) continue;
    it(text, () => {
      expect(p(text), why(text)).toBeLessThan(balanced);
    });
  }
  for (const [text, reason] of TODO_KEEPS) it.todo(`${text} — ${reason}`);
});

describe('commerce: one own blog post with an ask is at most borderline', () => {
  for (const text of BORDERLINE) {
    it(text, () => {
      expect(p(text), why(text)).toBeLessThan(strict);
    });
  }
});
