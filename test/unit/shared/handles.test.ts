// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { authorKey, handleAfterAt, isHandle, parseHandle } from '../../../src/shared/handles';
import { normaliseSettings } from '../../../src/shared/settings';
import { validateProfile } from '../../../src/shared/validate-page-data';
import { validateImport } from '../../../src/background/export-import';

describe('handles: one rule, 1–15 of [A-Za-z0-9_]', () => {
  it.each(['a', 'jack', 'X', 'under_score', '___', '123', 'abcdefghijklmno'])('accepts %s', (h) => expect(isHandle(h)).toBe(true));
  it.each(['', 'abcdefghijklmnop', '@jack', 'with space', 'dash-ed', 'dot.ted', 'ünï', '<b>', 42, null, undefined])(
    'refuses %s',
    (h) => expect(isHandle(h)).toBe(false),
  );
  it('parseHandle takes an optional "@"; handleAfterAt requires it', () => {
    expect(parseHandle('@Jack')).toBe('Jack');
    expect(parseHandle('Jack')).toBe('Jack');
    expect(parseHandle('@@Jack')).toBeUndefined();
    expect(handleAfterAt('@Jack')).toBe('Jack');
    expect(handleAfterAt('Jack')).toBeUndefined();
  });
  it('authorKey is the lowercase handle without "@"', () => {
    expect(authorKey('@JaCk')).toBe('jack');
    expect(authorKey('jack')).toBe('jack');
  });
  it('authorKey gives the same keys once they are shared (the content script), past its bound too', async () => {
    const { vi } = await import('vitest');
    vi.resetModules();
    const fresh = await import('../../../src/shared/handles');
    fresh.shareAuthorKeys(3);
    const handles = ['@JaCk', 'JaCk', 'jack', 'Alice', 'BOB', 'bob', '@Carol', 'Dave', 'JaCk', 'alice'];
    for (let round = 0; round < 3; round++) expect(handles.map(fresh.authorKey)).toEqual(['jack', 'jack', 'jack', 'alice', 'bob', 'bob', 'carol', 'dave', 'jack', 'alice']);
  });
  it('settings, page data and imports all apply the same limit', () => {
    const long = 'a'.repeat(16);
    expect(normaliseSettings({ allowList: ['Ok_1', long] }).allowList).toEqual(['ok_1']);
    expect(validateProfile({ handle: long })).toBeNull();
    expect(validateImport({ format: 'quiet-bazaar-export', version: 1, settings: { allowList: [long] } }).ok).toBe(false);
  });
});
