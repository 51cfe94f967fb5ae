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
import { fitAll } from '../../../tools/fit/pipeline';
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
});
