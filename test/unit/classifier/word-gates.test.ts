// @vitest-environment node
// Word gates (src/classifier/word-gates.ts): what a pattern cannot match without, and that
// skipping a regex on it never changes a feature.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFeatures, FEATURES, N_FEATURES, setWordGates } from '../../../src/classifier/features';
import { RULES } from '../../../src/classifier/rules';
import { CURRENCY, DIGIT, patternGate, type Gate } from '../../../src/classifier/word-gates';
import type { TweetFacts } from '../../../src/shared/types';
import { parseLabeledPosts, toTweetFacts } from '../../../tools/eval/labeled-posts';
import { TABLE } from './tables';

const fixture = (p: string) => fileURLToPath(new URL(`../../fixtures/${p}`, import.meta.url));

/** Whether a gate lets a text through, read as features.ts reads words (a-z and 0-9 runs, lowercase). */
function opens(g: Gate | undefined, text: string): boolean {
  if (!g) return true;
  const t = text.toLowerCase();
  const words = t.split(/[^a-z0-9]+/).filter(Boolean);
  const has = (tok: string): boolean => {
    if (tok === CURRENCY) return /[$€£¥]/.test(t);
    if (tok === DIGIT) return /[0-9]/.test(t);
    if (tok.endsWith('*')) return words.some((w) => w.startsWith(tok.slice(0, -1)));
    return words.includes(tok);
  };
  return g.some((conj) => conj.every((clause) => clause.some(has)));
}

describe('patternGate', () => {
  it('asks for whole words alternative by alternative', () => {
    const g = patternGate(/\b(?:chance to win|raffle|how to enter)\b/)!;
    expect(g).toEqual([[['chance'], ['to'], ['win']], [['raffle']], [['how'], ['to'], ['enter']]]);
    expect(opens(g, 'Enter the raffle!')).toBe(true);
    expect(opens(g, 'a chance to win')).toBe(true);
    expect(opens(g, 'to win a chance')).toBe(true); // words only, in any order: too open is fine
    expect(opens(g, 'win win')).toBe(false);
  });

  it('reads optional letters as each way of writing the word', () => {
    const g = patternGate(/\b(?:air ?drops?)\b/)!;
    expect(g.map((c) => c.flat().join(' ')).sort()).toEqual(['air drop', 'air drops', 'airdrop', 'airdrops']);
  });

  it('counts a word the pattern only starts by its first four letters', () => {
    const g = patternGate(/\b(?:recover(?:y)? (?:your )?funds)\b/)!;
    expect(g).toEqual([[['reco*'], ['funds']]]);
    expect(opens(g, 'recovery funds')).toBe(true);
    expect(opens(g, 'recover funds')).toBe(true);
  });

  it('needs nothing of a word that may run on into others', () => {
    // "win" may be the start of "winner": only a word starting so; "wi", too short, not even that.
    expect(patternGate(/\bwin/)).toEqual([[['win*']]]);
    expect(patternGate(/\bwi/)).toBeUndefined();
    expect(patternGate(/(?:dm|inbox) me/)).toBeUndefined();
    // A currency sign or a digit is a token too.
    expect(patternGate(/(?:[$€£]\s?\d+ off)\b/)).toEqual([[[CURRENCY], [DIGIT], ['off']]]);
  });

  it('gives no gate for flags or syntax it does not read', () => {
    expect(patternGate(/\bbuy now\b/i)).toBeUndefined();
    expect(patternGate(/\b(\w+) \1\b/)).toBeUndefined();
    expect(patternGate(/\b(?:buy now|\w+ly)\b/)).toBeUndefined();
  });

  it('lets through every text on which a rule pattern matches (development set and tables)', () => {
    const posts = parseLabeledPosts(readFileSync(fixture('labeled/posts.jsonl'), 'utf8'));
    const texts = [...posts.map((p) => toTweetFacts(p).text), ...Object.values(TABLE).flatMap((r) => [...r.flags, ...r.keeps])];
    const closed: string[] = [];
    let gated = 0;
    for (const r of RULES) {
      if (!r.pattern || r.raw) continue;
      const g = patternGate(r.pattern);
      if (g) gated++;
      for (const text of texts) {
        const t = text.toLowerCase().replace(/\s+/g, ' ');
        if (r.pattern.test(t) && !opens(g, text)) closed.push(`${r.name}: ${r.pattern.exec(t)?.[0]} ← ${text.slice(0, 80)}`);
      }
    }
    expect(closed).toEqual([]);
    expect(gated).toBeGreaterThan(20);
  });
});

describe('the engine with word gates', () => {
  const posts = parseLabeledPosts(readFileSync(fixture('labeled/posts.jsonl'), 'utf8'));
  const long = 'word '.repeat(60);
  const extra = Object.values(TABLE).flatMap((r) => [...r.flags, ...r.keeps]).flatMap((t) => [t, `${long}${t}`, `${t} ${long}`]);
  const tweet = (text: string): TweetFacts => toTweetFacts({ id: '1', author: 'a', text, urls: [], label: 'not_seller', source: 'test' });
  const odd = ['\u212Aeep it: limited time', 'İnstagram giveaway, chance to win', '𝐜𝐥𝐚𝐢𝐦 𝐲𝐨𝐮𝐫 𝐚𝐢𝐫𝐝𝐫𝐨𝐩 now', 'Save $20 today', 'ＦＲＥＥ ｓｈｉｐｐｉｎｇ'];
  const facts = [...posts.map(toTweetFacts), ...extra.map(tweet), ...odd.map(tweet)];
  const read = (f: TweetFacts): string => {
    const x = new Float64Array(N_FEATURES);
    const details = new Array<string>(N_FEATURES).fill('');
    extractFeatures(f, undefined, x, details);
    return JSON.stringify([[...x], details]);
  };

  it('gives the same features and details as running every pattern', () => {
    const differ: string[] = [];
    try {
      for (const f of facts) {
        setWordGates(true);
        const a = read(f);
        setWordGates(false);
        const b = read(f);
        if (a !== b) differ.push(f.text.slice(0, 80));
      }
    } finally {
      setWordGates(true);
    }
    expect(differ).toEqual([]);
    expect(FEATURES.length).toBe(N_FEATURES);
  });

  it('gives the same features on texts with words cut out and glued (a gate must not need a word the match can do without)', () => {
    // Deterministic mutants of the posts some pattern matches: one to three words dropped, or two
    // neighbours glued, so matches survive with fewer of the words a gate could lean on.
    let seed = 7;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % n;
    };
    const gated = RULES.filter((r) => r.pattern && !r.raw && patternGate(r.pattern));
    const differ: string[] = [];
    let tried = 0;
    try {
      for (const f of facts) {
        const lower = f.text.toLowerCase();
        if (!gated.some((r) => r.pattern!.test(lower))) continue;
        for (let m = 0; m < 6; m++) {
          const words = f.text.split(' ');
          if (words.length < 3) break;
          const cuts = 1 + rand(3);
          for (let c = 0; c < cuts && words.length > 2; c++) {
            const at = rand(words.length - 1);
            if (rand(2) === 0) words.splice(at, 1);
            else words.splice(at, 2, words[at]! + words[at + 1]!);
          }
          const g = tweet(words.join(' '));
          tried++;
          setWordGates(true);
          const a = read(g);
          setWordGates(false);
          const b = read(g);
          if (a !== b) differ.push(g.text.slice(0, 80));
        }
      }
    } finally {
      setWordGates(true);
    }
    expect(differ).toEqual([]);
    expect(tried).toBeGreaterThan(1000);
  });
});
