// @vitest-environment node
// The engine's compact forms of the patterns (issue 12: the background worker's heap) match as written.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compactSource, flushAfterGroups } from '../../../src/classifier/regexp-code';
import { AD_OPENING, hasAdOpening, RULES } from '../../../src/classifier/rules';

const posts = readFileSync(fileURLToPath(new URL('../../fixtures/labeled/posts.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => String((JSON.parse(l) as { text?: unknown }).text ?? ''));

describe('flushAfterGroups', () => {
  it('puts an empty lookahead after a group that follows something consumed and is followed by more', () => {
    expect(flushAfterGroups(String.raw`\bour (?:new |latest )?(?:app|product)\b`)).toBe(String.raw`\bour (?:new |latest )?(?=)(?:app|product)(?=)\b`);
    expect(flushAfterGroups(String.raw`x[a-z](?:y|z)w|v`)).toBe(String.raw`x[a-z](?:y|z)(?=)w|v`);
  });

  it('not after a group that opens its alternative, a lookaround, or one that ends its alternative', () => {
    expect(flushAfterGroups(String.raw`\b(?:(?<!\bno )sign|(?:big |major )?update|a(?:b|c))`)).toBe(String.raw`\b(?:(?<!\bno )sign|(?:big |major )?update|a(?:b|c))`);
    expect(flushAfterGroups(String.raw`a[)(]\)(?:b)c`)).toBe(String.raw`a[)(]\)(?:b)(?=)c`);
  });

  it('finds the same matches (place and text) as every rule pattern over the development set', () => {
    const texts = posts.flatMap((t) => [t, t.toLowerCase()]);
    for (const rule of RULES) {
      if (!rule.pattern) continue;
      const a = new RegExp(rule.pattern.source, rule.pattern.flags + 'g');
      const b = new RegExp(compactSource(rule.pattern.source), rule.pattern.flags + 'g');
      for (const t of texts) {
        const ma = [...t.matchAll(a)].map((m) => `${m.index}:${m[0]}`).join('|');
        const mb = [...t.matchAll(b)].map((m) => `${m.index}:${m[0]}`).join('|');
        if (ma !== mb) expect({ rule: rule.name, t, mb }).toEqual({ rule: rule.name, t, mb: ma });
      }
    }
  });
});

describe('hasAdOpening', () => {
  it('agrees with the AD_OPENING pattern over the development set and edge cases', () => {
    const edge = ['get', 'getting started', 'go!', 'so. go now', 'yes: pre-order today', 'a. preorder', 'x.pick up', 'ok! pick upx', 'ok? treat yourself',
      'fine: say hello to', 'fine: say hello too', 'no.  get', 'end. get_', 'end. get9', '. get', 'sign up', 'signup'];
    const texts = [...edge, ...posts.map((t) => t.toLowerCase().replace(/\s+/g, ' '))];
    for (const t of texts) expect({ t, found: hasAdOpening(t) }).toEqual({ t, found: AD_OPENING.test(t) });
  });
});
