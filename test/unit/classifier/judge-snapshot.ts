// The judgePost snapshot: every post of the development set, the hand-written tables
// (tables.ts, also padded with filler so match windows start and end mid-text), and some
// synthetic profile, ad and posting-app facts, each with what judgePost says of it.
// scripts/snapshot-judge.ts writes test/fixtures/eval/judge-post-snapshot.json from this;
// judge-snapshot.test.ts checks judgePost still says exactly the same (speed work must not
// change any output). Regenerate only when a change of output is intended.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { judgePost } from '../../../src/classifier';
import { parseLabeledPosts, toTweetFacts } from '../../../tools/eval/labeled-posts';
import type { AuthorProfile, TweetFacts } from '../../../src/shared/types';
import { COMMERCE_BORDERLINE, COMMERCE_FLAGS, COMMERCE_KEEPS, TABLE } from './tables';

export const SNAPSHOT_PATH = fileURLToPath(new URL('../../fixtures/eval/judge-post-snapshot.json', import.meta.url));

export interface SnapshotRow {
  id: string;
  /** pSelling rounded to 1e-9. */
  p: number;
  selling: boolean;
  /** "name weight" or "name weight detail", in evidence order. */
  evidence: string[];
}

const URL_IN_TEXT = /https?:\/\/\S+/g;

function fromText(id: string, text: string, withUrls: boolean): TweetFacts {
  const urls = withUrls ? (text.match(URL_IN_TEXT) ?? []) : [];
  return toTweetFacts({ id, author: 'someone', text, urls, label: 'not_seller', source: 'test' });
}

const PROFILES: AuthorProfile[] = [
  { handle: 'shop', bio: 'Handmade jewelry shop. DM to order, worldwide shipping', bioUrls: ['https://www.etsy.com/shop/example'], professionalType: 'Business' },
  { handle: 'links', bio: 'Creator. Business inquiries: mail', bioUrls: ['https://linktr.ee/someone', 'https://wa.me/123'], isFollowedByUser: true },
  { handle: 'plain', bio: 'I like birds and long walks', bioUrls: ['https://example.org/blog'], professionalType: 'Creator' },
];

/** Every case of the snapshot: [id, facts, profile?]. */
export function snapshotCases(): [string, TweetFacts, AuthorProfile | undefined][] {
  const root = fileURLToPath(new URL('../../fixtures/labeled/posts.jsonl', import.meta.url));
  const posts = parseLabeledPosts(readFileSync(root, 'utf8'));
  const cases: [string, TweetFacts, AuthorProfile | undefined][] = [];
  posts.forEach((p, i) => cases.push([`dev:${i}:${p.id}`, toTweetFacts(p), undefined]));
  const long = 'word '.repeat(60);
  const tableTexts = Object.values(TABLE).flatMap((r) => [...r.flags, ...r.keeps]);
  tableTexts.forEach((t, i) => {
    [t, `${long}${t}`, `${t} ${long}`, `${long}${t}${long}`].forEach((v, j) => cases.push([`table:${i}:${j}`, fromText('1', v, false), undefined]));
  });
  [...COMMERCE_FLAGS, ...COMMERCE_KEEPS, ...COMMERCE_BORDERLINE].forEach((t, i) => cases.push([`commerce:${i}`, fromText('1', t, true), undefined]));
  // Profiles, ads and posting apps, which the development set does not carry.
  posts.slice(0, 300).forEach((p, i) => {
    const f = toTweetFacts(p);
    const extra: Partial<TweetFacts> = i % 3 === 0 ? { isAd: true } : i % 3 === 1 ? { source: 'Buffer' } : { source: 'Twitter for iPhone', cardUrl: 'https://amzn.to/abc' };
    cases.push([`extra:${i}`, { ...f, ...extra }, PROFILES[i % PROFILES.length]]);
  });
  return cases;
}

export function snapshotRows(): SnapshotRow[] {
  return snapshotCases().map(([id, f, profile]) => {
    const j = judgePost(f, profile);
    return {
      id,
      p: Math.round(j.pSelling * 1e9) / 1e9,
      selling: j.selling,
      evidence: j.evidence.map((e) => (e.detail ? `${e.name} ${e.weight} ${e.detail}` : `${e.name} ${e.weight}`)),
    };
  });
}
