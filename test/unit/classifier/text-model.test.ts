// @vitest-environment node
// The learned text component (src/classifier/text-model.ts): the shipped int8 weights score as
// their decoded floats do, and the quote reads the words textScore recorded as it would read the text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeWeights, hashGrams, MAX_GRAMS, quoteTopWords, TEXT_BUCKETS, textScore } from '../../../src/classifier/text-model';
import { TEXT_SCALE, TEXT_WEIGHTS_BASE64 } from '../../../src/classifier/text-weights';
import { parseLabeledPosts } from '../../../tools/eval/labeled-posts';

const fixture = (p: string) => fileURLToPath(new URL(`../../fixtures/${p}`, import.meta.url));
const texts = parseLabeledPosts(readFileSync(fixture('labeled/posts.jsonl'), 'utf8')).map((p) => p.text.toLowerCase());

/** Weights that are 0 but for the unigram buckets of the given words. */
function weightsFor(words: Record<string, number>): Float64Array {
  const w = new Float64Array(TEXT_BUCKETS);
  const buf = new Int32Array(MAX_GRAMS);
  for (const [word, v] of Object.entries(words)) {
    hashGrams(word, buf);
    w[buf[0]!] = v;
  }
  return w;
}

describe('textScore', () => {
  it('keeps the shipped weights as int8 and scores as the decoded floats do, to the last bit', () => {
    const floats = decodeWeights(TEXT_WEIGHTS_BASE64, TEXT_SCALE, TEXT_BUCKETS);
    // Long texts too: the shipped path reads the grams itself and must stop where hashGrams does.
    const long = texts.filter((_, i) => i % 50 === 0).map((t, i) => `${t} ${texts[i + 1]} `.repeat(1 + (i % 40)));
    for (const t of [...texts, ...long, '', ' a ', 'x'.repeat(60)]) expect(Object.is(textScore(t), textScore(t, floats))).toBe(true);
  });
});

describe('quoteTopWords', () => {
  it('quotes the same whether the text was just scored, another was, or none', () => {
    for (let i = 1; i < texts.length; i += 7) {
      const t = texts[i]!;
      textScore(texts[i - 1]!);
      const fresh = quoteTopWords(t, 3);
      textScore(t);
      expect(quoteTopWords(t, 3)).toBe(fresh);
    }
  });

  it('quotes a word past the grams a long text is cut at (up to its 400th word)', () => {
    const w = weightsFor({ zzselling: 1 });
    const t = `${'abcdefghijklmnopqrstuvwxyz '.repeat(100)}zzselling`;
    textScore(t, w);
    expect(quoteTopWords(t, 2, w)).toBe("'zzselling'");
    const tooFar = `${'ab '.repeat(400)}zzselling`;
    expect(quoteTopWords(tooFar, 2, w)).toBe('');
  });

  it('quotes a plain word only inside a pair, never alone', () => {
    const w = weightsFor({ the: 1, order: 0.5, com: 2 });
    expect(quoteTopWords('the order at example.com', 3, w)).toBe("'order'");
    expect(quoteTopWords('theirs ordered', 3, w)).toBe('');
    const v = weightsFor({ https: 2, http: 2, their: 2, theirs: 1, ordrs: 1.5 });
    expect(quoteTopWords('https http their theirs ordrs', 3, v)).toBe("'ordrs', 'theirs'");
  });
});
