// The content script's cached messages say exactly what the i18n API would, for every message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { word } from '../../../src/content/words';
import { t, type MessageKey } from '../../../src/shared/i18n';

const messages = JSON.parse(readFileSync(join(process.cwd(), 'public', '_locales', 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>;

describe('word', () => {
  const keys = Object.keys(messages) as MessageKey[];

  it('says what t() says, with 0 to 4 substitutions, for every English message', () => {
    expect(keys.length).toBeGreaterThan(100);
    const subsets: (string | number)[][] = [[], ['@alice'], ['@alice', 3], ['a', 'b', 'c', 'd']];
    for (const key of keys) for (const subs of subsets) expect(word(key, subs), `${key} ${JSON.stringify(subs)}`).toBe(t(key, subs));
  });

  it('fills the same message anew on every call (the cache keeps the message, not a filled-in copy)', () => {
    const withSlot = keys.find((k) => /\$1|\$[A-Z_]+\$/.test(messages[k]!.message) && t(k, ['@one']).includes('@one'));
    expect(withSlot).toBeDefined();
    const first = word(withSlot!, ['@one']);
    const second = word(withSlot!, ['@two']);
    expect(first).toContain('@one');
    expect(second).toContain('@two');
    expect(second).not.toContain('@one');
  });

  it('a missing substitution is left empty, as the browser does', () => {
    const withSlot = keys.find((k) => t(k, ['@one']).includes('@one'))!;
    expect(word(withSlot)).toBe(t(withSlot));
  });
});
