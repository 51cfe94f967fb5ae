// @vitest-environment node
// Every locale says everything English says, with the same substitutions, and every message
// the code asks for exists. A missing key fails here, not in front of a user.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCount, formatDay, formatPercent, installMessages, renderMessage, t, tn, type MessageTable } from '../../../src/shared/i18n';

const root = process.cwd();
const localesDir = join(root, 'public', '_locales');
const read = (lang: string): MessageTable => JSON.parse(readFileSync(join(localesDir, lang, 'messages.json'), 'utf8'));
const en = read('en');
const languages = readdirSync(localesDir).filter((d) => statSync(join(localesDir, d)).isDirectory());
const substitutions = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  it('English and at least one more language', () => {
    expect(languages).toContain('en');
    expect(languages.length).toBeGreaterThanOrEqual(2);
  });

  it('every key is a valid message name and every message is non-empty', () => {
    for (const lang of languages) {
      for (const [key, entry] of Object.entries(read(lang))) {
        expect(key, `${lang}: ${key}`).toMatch(/^[A-Za-z0-9_@]+$/);
        expect(entry.message.trim(), `${lang}: ${key}`).not.toBe('');
      }
    }
  });

  for (const lang of languages.filter((l) => l !== 'en')) {
    it(`${lang} has every English key, no other, with the same substitutions`, () => {
      const other = read(lang);
      const missing = Object.keys(en).filter((k) => !Object.hasOwn(other, k));
      const extra = Object.keys(other).filter((k) => !Object.hasOwn(en, k));
      expect(missing, `missing from ${lang}`).toEqual([]);
      expect(extra, `only in ${lang}`).toEqual([]);
      for (const [key, entry] of Object.entries(en)) {
        expect(substitutions(other[key]!.message), `${lang}: ${key}`).toEqual(substitutions(entry.message));
      }
    });
  }

  it('every message the code asks for exists in English', () => {
    const asked = new Set<string>();
    const missing: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      // Comment lines are examples, not requests (tables of keys are typed MessageKey instead).
      const text = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_@]+)'/g)) {
        asked.add(m[1]!);
        if (!Object.hasOwn(en, m[1]!)) missing.push(`${file.slice(root.length + 1)}: ${m[1]}`);
      }
      for (const m of text.matchAll(/\btn\(\s*'([A-Za-z0-9_@]+)'/g)) {
        asked.add(m[1]!);
        if (!Object.hasOwn(en, `${m[1]}_other`)) missing.push(`${file.slice(root.length + 1)}: ${m[1]}_other`);
      }
    }
    expect(missing).toEqual([]);
    expect(asked.size).toBeGreaterThan(0);
  });

  it('the manifest names only messages that exist', () => {
    const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
    expect(JSON.parse(manifest).default_locale).toBe('en');
    for (const m of manifest.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) expect(Object.hasOwn(en, m[1]!), m[1]).toBe(true);
  });
});

describe('messages as the browser renders them', () => {
  it('fills $1…$9 and named placeholders, and "$$" is a dollar sign', () => {
    expect(renderMessage({ message: '$1 of $2' }, ['3', '7'])).toBe('3 of 7');
    expect(renderMessage({ message: 'Hi $WHO$, $$5', placeholders: { who: { content: '$1' } } }, ['Ann'])).toBe('Hi Ann, $5');
  });

  it('counts, percentages and dates follow the locale', () => {
    installMessages(en, 'de-DE');
    try {
      expect(formatCount(12345)).toBe('12.345');
      expect(formatPercent(0.23)).toMatch(/^23\s%$/u);
      expect(formatDay('2025-06-02', 2025)).toBe('2. Juni');
    } finally {
      installMessages(en, 'en-US');
    }
    expect(formatCount(12345)).toBe('12,345');
    expect(formatPercent(0.23)).toBe('23%');
    expect(formatDay('2024-12-30', 2025)).toBe('Dec 30, 2024');
  });

  it('picks the plural form for the count and falls back to the key when a message is missing', () => {
    expect(tn('counts_seen', 1, ['0'])).toBe('1 tweet seen, 0 selling');
    expect(tn('counts_seen', 1200, ['3'])).toBe('1,200 tweets seen, 3 of them selling');
    expect(t('no_such_key' as never)).toBe('no_such_key');
  });
});
