// @vitest-environment node
// Phrases read by word lookup instead of by regexp (issue 12: the background worker's heap): a
// rule must find exactly what its whole pattern finds, with the same matched text, on the data and
// on crafted text (word boundaries, '_', digits, punctuation, unicode, whitespace).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractFeatures, FEATURES, N_FEATURES, setPhraseLookups } from '../../../src/classifier/features';
import { alternativesOf, anyPhraseIn, phraseRest, phraseSamples, sealPhrases, splitPhrases } from '../../../src/classifier/phrases';
import { RULES } from '../../../src/classifier/rules';
import { parseLabeledPosts, toTweetFacts } from '../../../tools/eval/labeled-posts';
import type { TweetFacts } from '../../../src/shared/types';
import { TABLE } from './tables';

const fixture = (p: string) => fileURLToPath(new URL(`../../fixtures/${p}`, import.meta.url));
const posts = parseLabeledPosts(readFileSync(fixture('labeled/posts.jsonl'), 'utf8'));
/** As the engine reads text: lowercase, whitespace runs as one space. */
const asRead = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

const split = RULES.filter((r) => r.pattern && !r.raw).map((r) => ({ rule: r, split: splitPhrases(r.pattern!) }));
sealPhrases();

/** Texts built from every phrase's own words, then glued to what may or may not end a word. */
function crafted(): string[] {
  const out: string[] = [];
  const edges = ['', ' ', 'x', '_', '1', '.', "'", '-', 'é', 'İ', '\u212a', '😀', '\n'];
  for (const { split: s } of split) {
    for (const p of s.phrases) {
      for (const sample of phraseSamples(p.entry, 6)) {
        for (const [a, b] of [['', ''], ['so ', ' now.'], ...edges.map((e) => [e, e]), ...edges.map((e) => ['a' + e, e + 'z'])]) out.push(a + sample + b);
        out.push(sample.slice(0, -1), sample + 's', sample.toUpperCase(), sample.replace(/ /g, '  '), sample.replace(/ /g, '\n'));
      }
    }
  }
  return out;
}
const CRAFTED = crafted();

describe('alternativesOf', () => {
  it('spreads a group with \\b before it and assertions after it, in order', () => {
    expect(alternativesOf(String.raw`\b(?:a|b c)\b|d`)).toEqual([String.raw`\b(?:a)\b`, String.raw`\b(?:b c)\b`, 'd']);
    expect(alternativesOf(String.raw`\b(?:a|b)(?![a-z0-9])`)).toEqual([String.raw`\b(?:a)(?![a-z0-9])`, String.raw`\b(?:b)(?![a-z0-9])`]);
  });
  it('leaves a group that is repeated or followed by more pattern', () => {
    expect(alternativesOf(String.raw`\b(?:a|b)+`)).toEqual([String.raw`\b(?:a|b)+`]);
    expect(alternativesOf(String.raw`\b(?:a|b) c`)).toEqual([String.raw`\b(?:a|b) c`]);
  });
  it('takes out the phrases and keeps the rest in order', () => {
    expect(phraseRest(/\b(?:lowest price|\d+ ?% off|deal alert|[$€£]\d)/)).toBe(String.raw`\b(?:\d+ ?% off)|\b(?:[$€£]\d)`);
    // A phrase must open with a whole word (it is found by it): one the match may end inside stays in the regexp.
    expect(phraseRest(/\b(?:liquidations?|funding rates?)\b/)).toBe('');
    expect(phraseRest(/\b(?:liquidations?|funding rates?)/)).toBe(String.raw`\b(?:liquidations?)`);
    expect(phraseRest(/\b(?:\w+ on us|[a-z]+ now)/)).toBe(String.raw`\b(?:\w+ on us)|\b(?:[a-z]+ now)`);
  });
});

describe('phrases and the rest of a pattern', () => {
  it('read most of the rule patterns as phrases', () => {
    const phrases = split.reduce((n, s) => n + s.split.phrases.length, 0);
    const all = split.reduce((n, s) => n + alternativesOf(s.rule.pattern!.source).length, 0);
    expect(phrases / all).toBeGreaterThan(0.8);
  });

  it('match exactly where the whole pattern does: every rule, the development set, the tables and crafted text', () => {
    const texts = [...posts.map((p) => asRead(p.text)), ...Object.values(TABLE).flatMap((t) => [...t.flags, ...t.keeps]).map(asRead), ...CRAFTED];
    expect(CRAFTED.length).toBeGreaterThan(20000);
    for (const { rule, split: s } of split) {
      const whole = new RegExp(rule.pattern!.source, rule.pattern!.flags);
      const rest = s.rest ? new RegExp(s.rest, rule.pattern!.flags) : undefined;
      let found = 0;
      for (const t of texts) {
        const want = whole.test(t);
        const got = anyPhraseIn(s, t) || (rest?.test(t) ?? false);
        if (want) found++;
        if (got !== want) expect({ rule: rule.name, t, got }).toEqual({ rule: rule.name, t, got: want });
      }
      expect(found, rule.name).toBeGreaterThan(0);
    }
  });
});

describe('the engine with phrase lookups', () => {
  afterEach(() => setPhraseLookups(true));

  function features(f: TweetFacts): [number[], string[]] {
    const x = new Float64Array(N_FEATURES);
    const d = new Array<string>(N_FEATURES).fill('');
    extractFeatures(f, undefined, x, d);
    return [[...x], d];
  }
  const tweet = (text: string) => toTweetFacts({ id: '1', author: 'a', text, urls: [], label: 'not_seller', source: 'test' });

  it('finds the same features and details (the matched text) as running each whole pattern, on the data and crafted posts', () => {
    // Crafted posts: the phrases in sentences, with '_', 'İ' and the Kelvin sign (the scan's words
    // then differ from the text's), styled letters, and over 256 words (more than the scan keeps).
    const samples = CRAFTED.filter((_, i) => i % 7 === 0);
    const long = Array.from({ length: 40 }, (_, i) => samples.slice(i * 9, i * 9 + 9).join(' ')).map((s) => s + ' ' + 'now on us '.repeat(90));
    const texts = [...posts.map((p) => p.text), ...samples, ...samples.slice(0, 400).map((s) => 'Hey @some_one: ' + s + ' İ'), ...samples.slice(0, 200).map((s) => s + ' \u212a'), ...long];
    let detailed = 0;
    for (const text of texts) {
      const f = tweet(text);
      setPhraseLookups(true);
      const [x1, d1] = features(f);
      setPhraseLookups(false);
      const [x0, d0] = features(f);
      if (JSON.stringify([x1, d1]) !== JSON.stringify([x0, d0])) {
        const diff = FEATURES.map((r, i) => [r.name, x0[i], x1[i], d0[i], d1[i]]).filter((r) => r[1] !== r[2] || r[3] !== r[4]);
        expect({ text, diff }).toEqual({ text, diff: [] });
      }
      if (d1.some((d, i) => d && x1[i] && ['text.deal', 'talk.market-report', 'text.offer-terms', 'text.discount-code', 'text.benefit-claim'].includes(FEATURES[i]!.name))) detailed++;
    }
    expect(detailed).toBeGreaterThan(100);
  });
});

describe('phrases from the build', () => {
  afterEach(() => {
    delete (globalThis as { __QB_PHRASES__?: string }).__QB_PHRASES__;
  });

  it('a classifier given the build\'s phrases parses no pattern, and judges every development post and table row exactly as one that read its patterns', async () => {
    vi.resetModules();
    const fromSource = await import('../../../src/classifier');
    const features = await import('../../../src/classifier/features');
    expect(features.phrasesFromBuild).toBe(false);
    (globalThis as { __QB_PHRASES__?: string }).__QB_PHRASES__ = features.phraseLines();
    vi.resetModules();
    const fromBuild = await import('../../../src/classifier');
    expect((await import('../../../src/classifier/features')).phrasesFromBuild).toBe(true);
    const texts = [...posts.map((p) => p.text), ...Object.values(TABLE).flatMap((t) => [...t.flags, ...t.keeps])];
    for (const text of texts) {
      const f = toTweetFacts({ id: '1', author: 'a', text, urls: [], label: 'not_seller', source: 'test' });
      expect(fromBuild.judgePost(f)).toEqual(fromSource.judgePost(f));
    }
  });

  it('a build\'s phrases for other rules are not taken', async () => {
    (globalThis as { __QB_PHRASES__?: string }).__QB_PHRASES__ = JSON.stringify({ program: [], pool: '', rules: [0] });
    vi.resetModules();
    expect((await import('../../../src/classifier/features')).phrasesFromBuild).toBe(false);
  });
});
