// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installMessages, type MessageTable } from '../../../src/shared/i18n';
import { decideQuiet } from '../../../src/shared/quiet-rules';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from '../../../src/shared/settings';
import type { VerdictLite } from '../../../src/shared/messages';

const s = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });
const v = (verdict: VerdictLite['verdict'], extra: Partial<VerdictLite> = {}): VerdictLite => ({
  handle: 'Shop', verdict, reason: '5 of 7 posts carried shop links', ...extra,
});

describe('decideQuiet', () => {
  const flags: Array<[string, Parameters<typeof decideQuiet>]> = [
    ['a seller in quiet mode', ['shop', v('seller'), s()]],
    ['a mixed author when mixed are hidden too', ['shop', v('mixed'), s({ hideMixed: true })]],
    ['an account the user chose to hide, whatever the verdict', ['shop', v('conversationalist'), s({ blockList: ['shop'] })]],
    ['an ad when ads are hidden', ['brand', undefined, s(), { isAd: true }]],
    ['a followed seller when followed accounts are not exempt', ['shop', v('seller', { followed: true }), s({ exemptFollowed: false })]],
  ];
  const keeps: Array<[string, Parameters<typeof decideQuiet>]> = [
    ['anything when quiet mode is off', ['shop', v('seller'), s({ quietMode: false })]],
    ['a seller on the allow list', ['shop', v('seller'), s({ allowList: ['shop'] })]],
    ['a mixed author by default', ['shop', v('mixed'), s()]],
    ['a conversationalist', ['shop', v('conversationalist'), s()]],
    ['an author not judged yet', ['shop', v('unknown'), s()]],
    ['an author with no verdict at all', ['shop', undefined, s()]],
    ['a followed seller (followed accounts exempt by default)', ['shop', v('seller', { followed: true }), s()]],
    ['an ad when ads are not hidden', ['brand', undefined, s({ hideAds: false }), { isAd: true }]],
    ['an allow-listed advertiser', ['brand', undefined, s({ allowList: ['brand'] }), { isAd: true }]],
  ];
  it.each(flags)('flags %s', (_, args) => {
    const d = decideQuiet(...args);
    expect(d.quiet).toBe(true);
    expect(d.reason).not.toBe('');
  });
  it.each(keeps)('keeps %s', (_, args) => expect(decideQuiet(...args).quiet).toBe(false));
  it("gives the verdict's reason for the placeholder", () => {
    expect(decideQuiet('shop', v('seller'), s()).reason).toBe('5 of 7 posts carried shop links');
  });
});

describe('normaliseSettings', () => {
  it('fills defaults for missing or broken storage', () => {
    expect(normaliseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normaliseSettings('junk')).toEqual(DEFAULT_SETTINGS);
    expect(normaliseSettings({ quietMode: 'yes', sensitivity: 'extreme' })).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps valid values and lowercases, dedupes and filters handles', () => {
    const n = normaliseSettings({ quietMode: false, sensitivity: 'strict', allowList: ['Shop', 'shop', '<img>', 42, 'ok_1'] });
    expect(n.quietMode).toBe(false);
    expect(n.sensitivity).toBe('strict');
    expect(n.allowList).toEqual(['shop', 'ok_1']);
  });

  describe('the reasons it gives itself are in the user\'s language', () => {
    const messages = (lang: string) => JSON.parse(readFileSync(join(process.cwd(), 'public', '_locales', lang, 'messages.json'), 'utf8')) as MessageTable;
    afterEach(() => installMessages(messages('en'), 'en-US'));
    it.each([
      ['en', 'en-US', 'promoted post (an ad)', 'you chose to hide this account', 'mostly selling'],
      ['de', 'de-DE', 'beworbener Beitrag (eine Anzeige)', 'du hast dieses Konto ausgeblendet', 'verkauft meistens'],
    ])('%s', (lang, locale, ad, blocked, seller) => {
      installMessages(messages(lang), locale);
      expect(decideQuiet('brand', undefined, s(), { isAd: true }).reason).toBe(ad);
      expect(decideQuiet('shop', v('conversationalist'), s({ blockList: ['shop'] })).reason).toBe(blocked);
      expect(decideQuiet('shop', v('seller', { reason: '' }), s()).reason).toBe(seller);
      // The verdict's own reason is passed on as it came.
      expect(decideQuiet('shop', v('seller'), s()).reason).toBe('5 of 7 posts carried shop links');
    });
  });
});
