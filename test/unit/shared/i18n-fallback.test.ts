// The extension pages' fallback when the browser hands a page an empty message bundle
// (seen in Chromium under heavy load: every getMessage returned '' and the popup showed its keys).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type I18nModule = typeof import('../../../src/shared/i18n');

const packaged = (path: string): unknown => JSON.parse(readFileSync(`public/${path}`, 'utf8'));

function fakeApi(answer: (key: string) => string, language = 'en-US') {
  (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage: answer, getUILanguage: () => language } };
}

async function freshModule(): Promise<I18nModule> {
  vi.resetModules();
  return import('../../../src/shared/i18n');
}

describe('ensureMessages', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => {
    delete (globalThis as { chrome?: unknown }).chrome;
  });

  it('uses the API and reads no file when it answers', async () => {
    fakeApi((key) => (key === 'ext_name' ? 'Quiet Bazaar' : ''));
    const i18n = await freshModule();
    const read = vi.fn(async (path: string) => packaged(path));
    expect(await i18n.ensureMessages(read)).toBe('api');
    expect(read).not.toHaveBeenCalled();
    expect(i18n.t('ext_name')).toBe('Quiet Bazaar');
  });

  it('reads the packaged English messages when the API gives empty strings', async () => {
    fakeApi(() => '');
    const i18n = await freshModule();
    expect(i18n.t('quiet_mode')).toBe('quiet_mode'); // what the flaky page showed
    const read = vi.fn(async (path: string) => packaged(path));
    expect(await i18n.ensureMessages(read)).toBe('bundled');
    expect(read).toHaveBeenCalledWith('_locales/en/messages.json');
    const en = packaged('_locales/en/messages.json') as Record<string, { message: string }>;
    expect(i18n.t('quiet_mode')).toBe(en.quiet_mode!.message);
    expect(i18n.locale()).toBe('en');
  });

  it('picks the UI language when it is packaged, with placeholders working', async () => {
    fakeApi(() => '', 'de-AT');
    const i18n = await freshModule();
    const read = vi.fn(async (path: string) => packaged(path));
    expect(await i18n.ensureMessages(read)).toBe('bundled');
    expect(read).toHaveBeenCalledWith('_locales/de/messages.json');
    const de = packaged('_locales/de/messages.json') as Record<string, { message: string }>;
    expect(i18n.t('quiet_mode')).toBe(de.quiet_mode!.message);
    expect(i18n.locale()).toBe('de');
  });

  it('falls back to English when the language file cannot be read, and says none when nothing can', async () => {
    fakeApi(() => '', 'de');
    let i18n = await freshModule();
    const read = vi.fn(async (path: string) => {
      if (path.includes('/de/')) throw new Error('gone');
      return packaged(path);
    });
    expect(await i18n.ensureMessages(read)).toBe('bundled');
    expect(i18n.locale()).toBe('en');

    fakeApi(() => '');
    i18n = await freshModule();
    expect(await i18n.ensureMessages(async () => ({ not: 'messages' }))).toBe('none');
    expect(i18n.t('quiet_mode')).toBe('quiet_mode');
  });
});

describe('messageTable', () => {
  it('keeps string messages and placeholder contents only', async () => {
    const { messageTable } = await freshModule();
    expect(messageTable(null)).toBeNull();
    expect(messageTable([1, 2])).toBeNull();
    expect(
      messageTable({
        a: { message: 'Hi $who$', placeholders: { who: { content: '$1' }, bad: { content: 3 } } },
        b: { message: 7 },
        c: 'x',
      }),
    ).toEqual({ a: { message: 'Hi $who$', placeholders: { who: { content: '$1' } } } });
  });
});

describe('messages are read when shown', () => {
  // A page installs its messages (ensureMessages) after its modules have loaded: a message read
  // by a module's top-level code would keep the key if the browser's bundle was empty then.
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  it('no module of the extension pages or the content script calls t() or tn() at the top level', () => {
    const offenders = ['src/popup', 'src/options', 'src/welcome', 'src/ui', 'src/content'].flatMap(files).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) => /^(export )?(const|let) \w+(: [\w<>]+)? = tn?\(/.test(line))
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
  });
});
