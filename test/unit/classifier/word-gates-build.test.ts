// @vitest-environment node
// The word gates as the build reads them (scripts/build.ts defines __QB_WORD_GATES__ in the
// bundles, so the worker does not read ~40 patterns at every start): the same gates, read back
// exactly, and the same judgement of every development post as gates read at run time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { RULES } from '../../../src/classifier/rules';
import { decodeGate, encodeGate, patternGate } from '../../../src/classifier/word-gates';
import { parseLabeledPosts, toTweetFacts } from '../../../tools/eval/labeled-posts';

const fixture = (p: string) => fileURLToPath(new URL(`../../fixtures/${p}`, import.meta.url));

afterAll(() => {
  delete (globalThis as { __QB_WORD_GATES__?: string }).__QB_WORD_GATES__;
});

describe('word gates from the build', () => {
  it('every rule gate survives encodeGate / decodeGate', () => {
    let gated = 0;
    for (const rule of RULES) {
      if (!rule.pattern || rule.raw) continue;
      const gate = patternGate(rule.pattern);
      if (gate) gated++;
      expect(decodeGate(encodeGate(gate))).toEqual(gate);
    }
    expect(gated).toBeGreaterThan(10);
  });

  it('a classifier given the build\'s lines uses them, and judges every development post exactly as one that read its patterns', async () => {
    vi.resetModules();
    const fromSource = await import('../../../src/classifier');
    const features = await import('../../../src/classifier/features');
    expect(features.gatesFromBuild).toBe(false);
    (globalThis as { __QB_WORD_GATES__?: string }).__QB_WORD_GATES__ = features.wordGateLines();
    vi.resetModules();
    const fromBuild = await import('../../../src/classifier');
    expect((await import('../../../src/classifier/features')).gatesFromBuild).toBe(true);

    const posts = parseLabeledPosts(readFileSync(fixture('labeled/posts.jsonl'), 'utf8'));
    for (const p of posts) {
      const t = toTweetFacts(p);
      const a = fromSource.judgePost(t);
      const b = fromBuild.judgePost(t);
      expect(b.pSelling).toBe(a.pSelling);
      expect(b.evidence).toEqual(a.evidence);
    }
  }, 60_000);

  it('lines for other rules than these are not used (read at run time instead)', async () => {
    (globalThis as { __QB_WORD_GATES__?: string }).__QB_WORD_GATES__ = 'a;b\nc';
    vi.resetModules();
    expect((await import('../../../src/classifier/features')).gatesFromBuild).toBe(false);
  });
});
