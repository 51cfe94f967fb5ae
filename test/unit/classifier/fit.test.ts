// @vitest-environment node
// `npm run fit` is deterministic: the same development set gives the same weights, bit for bit.
// The fit is run again here and the modules it would write are compared, by hash, with the
// committed ones (src/classifier/weights.ts and text-weights.ts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLabeledPosts } from '../../../tools/eval/labeled-posts';
import { buildDataset } from '../../../tools/fit/dataset';
import { chooseThresholds, fitAll, type Prf } from '../../../tools/fit/pipeline';
import { renderTextWeights, renderWeights } from '../../../tools/fit/render';

const path = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

describe('fit', () => {
  it('gives the committed weights from the committed development set', { timeout: 600_000 }, () => {
    const posts = parseLabeledPosts(readFileSync(path('test/fixtures/labeled/posts.jsonl'), 'utf8'));
    const res = fitAll(buildDataset(posts));
    expect(hash(renderTextWeights(res))).toBe(hash(readFileSync(path('src/classifier/text-weights.ts'), 'utf8')));
    expect(hash(renderWeights(res, posts.length))).toBe(hash(readFileSync(path('src/classifier/weights.ts'), 'utf8')));
  });

  describe('thresholds', () => {
    // A held-out curve at 0.05, 0.06 … 0.99, as fitAll makes it, from precision and recall by threshold.
    const curve = (precisionAt: (t: number) => number, recallAt: (t: number) => number): Prf[] =>
      Array.from({ length: 95 }, (_, i) => {
        const t = (i + 5) / 100;
        const precision = precisionAt(t);
        const recall = recallAt(t);
        return { t, precision, recall, f1: (2 * precision * recall) / (precision + recall) };
      });

    it('puts balanced at even odds (0.5) when its precision keeps the floor, not at the F1 peak', () => {
      const c = curve((t) => 0.7 + 0.5 * t, (t) => 1.05 - 0.45 * t);
      const best = c.reduce((a, x) => (x.f1 > a.f1 ? x : a));
      expect(best.t).not.toBe(0.5);
      expect(chooseThresholds(c).balanced.t).toBe(0.5);
    });

    it('falls back to the best F1 over the precision floor when 0.5 is under it', () => {
      const c = curve((t) => 0.5 + 0.6 * t, (t) => 1 - 0.3 * t);
      expect(c.find((x) => x.t === 0.5)!.precision).toBeLessThan(0.93);
      const balanced = chooseThresholds(c).balanced;
      expect(balanced.t).toBeGreaterThan(0.5);
      expect(balanced.precision).toBeGreaterThanOrEqual(0.93);
    });

    it('keeps strict at or above balanced and loose at or below it', () => {
      const c = curve((t) => 0.7 + 0.3 * t, (t) => 1 - 0.6 * t);
      const { strict, balanced, loose } = chooseThresholds(c);
      expect(strict.t).toBeGreaterThanOrEqual(balanced.t);
      expect(loose.t).toBeLessThanOrEqual(balanced.t);
    });
  });
});
