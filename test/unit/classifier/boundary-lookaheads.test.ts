// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { boundariesAsLookaheads } from '../../../src/classifier/features';
import { RULES } from '../../../src/classifier/rules';

const posts = readFileSync(fileURLToPath(new URL('../../fixtures/labeled/posts.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => String((JSON.parse(l) as { text?: unknown }).text ?? ''));

describe('boundariesAsLookaheads', () => {
  it('rewrites boundaries after a group or closing an alternative', () => {
    expect(boundariesAsLookaheads(String.raw`\b(?:a|b)\b`)).toBe(String.raw`\b(?:a|b)(?=\b)`);
    expect(boundariesAsLookaheads(String.raw`\b(?:a\b|b\B)c`)).toBe(String.raw`\b(?:a(?=\b)|b(?=\B))c`);
  });

  it('keeps a leading boundary, one inside a word, escapes and character classes', () => {
    expect(boundariesAsLookaheads(String.raw`\ba\bc`)).toBe(String.raw`\ba\bc`);
    expect(boundariesAsLookaheads(String.raw`(?:x[\b)]\b)`)).toBe(String.raw`(?:x[\b)](?=\b))`);
    expect(boundariesAsLookaheads(String.raw`(?:x)\\b`)).toBe(String.raw`(?:x)\\b`);
  });

  it('finds the same match (place and text) as every rule pattern over the development set', () => {
    const texts = posts.flatMap((t) => [t, t.toLowerCase()]);
    for (const rule of RULES) {
      if (!rule.pattern) continue;
      const a = new RegExp(rule.pattern.source, rule.pattern.flags + 'g');
      const b = new RegExp(boundariesAsLookaheads(rule.pattern.source), rule.pattern.flags + 'g');
      for (const t of texts) {
        const ma = [...t.matchAll(a)].map((m) => `${m.index}:${m[0]}`).join('|');
        const mb = [...t.matchAll(b)].map((m) => `${m.index}:${m[0]}`).join('|');
        if (ma !== mb) expect({ rule: rule.name, t, mb }).toEqual({ rule: rule.name, t, mb: ma });
      }
    }
  });
});
