// @vitest-environment node
//
// Promoted tweets as X's API gives them: text and landing-page links (test/fixtures/ads/
// promoted-with-links.jsonl; invented brands), with posts with links that sell nothing (outlets,
// blogs, documentation, public bodies, free projects). Five batches, each written by a helper who
// had read no rule, test or README (2026-12-02):
//   ads-links-1: 40 ads (half of them brand copy with no price, discount or "buy") and 25 near
//                misses, written after link.names-its-site's first form and read to refine it
//                (dressed domains such as lumorabank.com, jobs and security pages, newsrooms):
//                27 of 40 before the rule, 28 with its first form, 35 after.
//   ads-links-2: the same mix, not read until the refinements were done: 26 → 28 of 40; near
//                misses 4 → 4 of 25 (then a review outlet's /reviews/ page stopped counting as
//                its own site: articles).
//   ads-links-3: the same mix, other trades, measured once before it was read: 27 → 29 of 40,
//                near misses 5 → 6 of 25; then non-profit domains stopped counting (a city
//                museum's free day on its .org.uk site): 5 of 25.
//   ads-links-4: 50 ads written "the way real ads on X read" (no quota of brand lines) and 30
//                near misses, measured once before it was read: 43 → 45 of 50, near misses 4 → 5.
//   ads-links-5: 50 ads from many countries and languages and 30 near misses, the same: 47 → 47
//                of 50, near misses 6 → 7. Then governments' and universities' suffixes of every
//                country (gov.in, gouv.fr, go.jp…), news names in other languages ("tagesschau")
//                and data and job platforms (Tableau Public, Greenhouse) stopped counting as a
//                poster's own site: near misses 4 of 30 and 5 of 30.
// "Before" is main at 84dfadb, before the landing-page round. The misses left are brand lines
// whose domain is not the name said ("Sparkling water, but make it interesting." →
// drinkfizzbloom.com) or that name nothing ("What's your money doing while you sleep?"); the near
// misses flagged are mostly product news and people's reviews with prices, public bodies' calls
// to sign up or claim, and free releases announced as launches.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { judgePost } from '../../../src/classifier';
import { parseLabeledPosts, toTweetFacts, type LabeledPost } from '../../../tools/eval/labeled-posts';

const posts = parseLabeledPosts(readFileSync(fileURLToPath(new URL('../../fixtures/ads/promoted-with-links.jsonl', import.meta.url)), 'utf8'));

function judged(batch: string, label: LabeledPost['label']): { n: number; flagged: string[]; missed: string[] } {
  const flagged: string[] = [];
  const missed: string[] = [];
  const rows = posts.filter((p) => p.source === batch && p.label === label);
  for (const p of rows) {
    const j = judgePost(toTweetFacts(p));
    const line = `p=${j.pSelling.toFixed(2)} ${p.text} ${p.urls.join(' ')} | ${j.evidence.map((e) => e.name).join(', ')}`;
    (j.selling ? flagged : missed).push(line);
  }
  return { n: rows.length, flagged, missed };
}

describe('promoted tweets with their links (balanced)', () => {
  it('has all five batches whole', () => {
    for (const batch of ['ads-links-1', 'ads-links-2', 'ads-links-3']) {
      expect(judged(batch, 'seller').n).toBe(40);
      expect(judged(batch, 'not_seller').n).toBe(25);
    }
    for (const batch of ['ads-links-4', 'ads-links-5']) {
      expect(judged(batch, 'seller').n).toBe(50);
      expect(judged(batch, 'not_seller').n).toBe(30);
    }
  });

  it('flags at least 17 in 20 of the first batch, read to refine the rule (35 of 40 today)', () => {
    const { n, flagged, missed } = judged('ads-links-1', 'seller');
    expect(flagged.length / n, missed.join('\n')).toBeGreaterThanOrEqual(0.85);
  });

  it('flags at least 13 in 20 of the second batch, measured before it was read (28 of 40 today, 26 before the rule)', () => {
    const { n, flagged, missed } = judged('ads-links-2', 'seller');
    expect(flagged.length / n, missed.join('\n')).toBeGreaterThanOrEqual(0.65);
  });

  it('flags at least 7 in 10 of the third batch, measured before it was read (29 of 40 today, 27 before the rule)', () => {
    const { n, flagged, missed } = judged('ads-links-3', 'seller');
    expect(flagged.length / n, missed.join('\n')).toBeGreaterThanOrEqual(0.7);
  });

  it('flags at least 17 in 20 of the fourth and fifth batches, ads as real ones read (45 and 47 of 50 today)', () => {
    for (const batch of ['ads-links-4', 'ads-links-5']) {
      const { n, flagged, missed } = judged(batch, 'seller');
      expect(flagged.length / n, missed.join('\n')).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('flags at most 1 in 5 of the near misses of each batch (4, 4, 5, 4 and 5 today)', () => {
    for (const batch of ['ads-links-1', 'ads-links-2', 'ads-links-3', 'ads-links-4', 'ads-links-5']) {
      const { n, flagged } = judged(batch, 'not_seller');
      expect(flagged.length / n, flagged.join('\n')).toBeLessThanOrEqual(0.2);
    }
  });

  it('reads a link to the site of the name the ad says, dressed as brands dress their domains', () => {
    const names = (text: string, urls: string[]) =>
      judgePost(toTweetFacts({ id: '1', author: null, text, urls, label: 'seller', source: 'test' })).evidence.map((e) => e.name);
    expect(names('Your paycheck, up to two days early. That is just how Lumora works.', ['https://www.lumorabank.com/early-pay'])).toContain('link.names-its-site');
    expect(names('All your docs in one place. Meet Notaly.', ['https://getnotaly.com/'])).toContain('link.names-its-site');
    // Not its jobs, its security notices, a newsroom naming itself, nor a customer in the first person.
    expect(names('Life at Voltaris: meet the team building clean energy.', ['https://careers.voltaris.com/'])).not.toContain('link.names-its-site');
    expect(names('Texts pretending to be from Harbourline are a scam.', ['https://www.harbourline.co.uk/security/scams'])).not.toContain('link.names-its-site');
    expect(names("The Harbour Gazette's guide to the local elections.", ['https://www.harbourgazette.co.uk/politics/guide'])).not.toContain('link.names-its-site');
    expect(names('Free entry all Sunday at Harlow City Museum.', ['https://www.harlowcitymuseum.org.uk/visit/free-sunday'])).not.toContain('link.names-its-site');
    expect(names('Filing at Incometax is extended to 15 September.', ['https://www.incometax.gov.in/iec/foportal/'])).not.toContain('link.names-its-site');
    expect(names('I moved my savings to Lumora last year and never looked back.', ['https://www.lumorabank.com/'])).not.toContain('link.names-its-site');
  });
});
