// @vitest-environment node
// Export, import and "forget everything", through the background's handler map with a fake
// `browser` and a real Dexie on fake-indexeddb. An imported file is untrusted: every bad file
// must leave the stored settings exactly as they were and say what was wrong.
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, SENDERS } from '../../helpers/fake-browser';
import { makeTweet } from '../../helpers/tweet-facts';
import { validateImport, validateImportText, MAX_IMPORT_BYTES } from '../../../src/background/export-import';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../helpers/fake-browser')).fake.browser }));

const { store } = fake;
const { options, tab, stranger } = SENDERS;
const send = (type: string, payload: unknown, sender: object = options) => fake.send(type, payload, sender);
const tweet = (id: string, authorHandle: string, text: string, urls: string[] = []) => makeTweet({ id, authorHandle, text, urls });

async function seed(): Promise<void> {
  const shop = [1, 2, 3, 4, 5].map((i) =>
    tweet(`10${i}`, 'DealsBot', `MEGA SALE ${i}: 60% off everything today only, use code DEAL${i} https://deals-shop.example.com/p/${i}?ref=tw`, [`https://deals-shop.example.com/p/${i}?ref=tw`]),
  );
  const talk = [1, 2, 3].map((i) => tweet(`20${i}`, 'Chatty', `Had a lovely walk by the river this morning, thought ${i} about my grandmother`));
  await send('tweets-seen', { tweets: [...shop, ...talk], profiles: [] }, tab);
}

const goodFile = (settings: object = {}) => ({
  format: 'quiet-bazaar-export',
  version: 1,
  exportedAt: '2026-01-05T10:00:00.000Z',
  settings: { ...DEFAULT_SETTINGS, sensitivity: 'strict', hideMixed: true, allowList: ['alice', 'bob', 'carol'], blockList: ['spam_co', 'dealsbot'], ...settings },
  days: [],
  authors: [],
});

const savedSettings = () => structuredClone(store['qb:settings']);

beforeAll(async () => {
  await import('../../../src/background/index');
});

describe('export', () => {
  beforeEach(async () => {
    await send('forget-all', {});
    await send('set-settings', { ...DEFAULT_SETTINGS });
    await seed();
  });

  it('is a versioned file of settings, daily stats and one summary per author', async () => {
    await send('set-override', { handle: 'Chatty', override: 'show' });
    const file = await send('export-data', {});
    expect(file).toMatchObject({ format: 'quiet-bazaar-export', version: 1 });
    expect(new Date(file.exportedAt).toISOString()).toBe(file.exportedAt);
    expect(file.settings).toMatchObject({ quietMode: true, allowList: ['chatty'] });
    expect(file.days).toHaveLength(1);
    expect(file.days[0]).toMatchObject({ seen: 8 });
    expect(file.days[0].day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(file.authors.map((a: any) => a.handle).sort()).toEqual(['Chatty', 'DealsBot']);
    const deals = file.authors.find((a: any) => a.handle === 'DealsBot');
    expect(Object.keys(deals).sort()).toEqual(['handle', 'posts', 'reasons', 'sellingPosts', 'verdict']);
    expect(deals).toMatchObject({ verdict: 'seller', posts: 5 });
    expect(deals.reasons.length).toBeGreaterThan(0);
    // It survives JSON and reads back as a valid import.
    expect(validateImportText(JSON.stringify(file)).ok).toBe(true);
  });

  it('is answered only to the extension\'s own pages', () => {
    for (const type of ['export-data', 'get-options-data', 'import-settings', 'forget-all']) {
      expect(send(type, {}, tab)).toBeUndefined();
      expect(send(type, {}, stranger)).toBeUndefined();
    }
  });
});

describe('import', () => {
  beforeEach(async () => {
    await send('set-settings', { ...DEFAULT_SETTINGS, allowList: ['keepme'], blockList: [] });
  });

  it('restores settings and both lists from a good file, and reports the counts', async () => {
    const reply = await send('import-settings', goodFile());
    expect(reply).toMatchObject({ ok: true, allowed: 3, blocked: 2 });
    expect(store['qb:settings']).toEqual({
      ...DEFAULT_SETTINGS,
      sensitivity: 'strict',
      hideMixed: true,
      allowList: ['alice', 'bob', 'carol'],
      blockList: ['spam_co', 'dealsbot'],
    });
  });

  it('lowercases handles, drops the "@" and duplicates; keys the file leaves out keep their value', async () => {
    const file = goodFile();
    file.settings = { allowList: ['@Alice', 'alice', 'BOB'] } as any;
    const reply = await send('import-settings', file);
    expect(reply.ok).toBe(true);
    expect(store['qb:settings']).toEqual({ ...DEFAULT_SETTINGS, allowList: ['alice', 'bob'], blockList: [] });
  });

  const hostile = '<img src=x onerror=alert(1)>';
  const bad: Array<[string, unknown, RegExp]> = [
    ['not an object', 'just a string', /not a Quiet Bazaar export/],
    ['an array', [goodFile()], /not a Quiet Bazaar export/],
    ['null', null, /not a Quiet Bazaar export/],
    ['a wrong format', { ...goodFile(), format: 'something-else' }, /format is "something-else"/],
    ['no format', { ...goodFile(), format: undefined }, /not a Quiet Bazaar export/],
    ['a newer version', { ...goodFile(), version: 2 }, /version 2/],
    ['a version as a string', { ...goodFile(), version: '1' }, /version "1"/],
    ['no settings', { ...goodFile(), settings: undefined }, /no settings/],
    ['settings as a list', { ...goodFile(), settings: [] }, /no settings/],
    ['empty settings', { ...goodFile(), settings: {} }, /no settings Quiet Bazaar knows/],
    ['a boolean as a string', goodFile({ quietMode: 'yes' }), /settings\.quietMode is "yes", expected true or false/],
    ['an unknown sensitivity', goodFile({ sensitivity: 'paranoid' }), /settings\.sensitivity is "paranoid"/],
    ['a list that is not a list', goodFile({ allowList: 'alice' }), /always-show list .* is not a list/],
    ['a number in a list', goodFile({ blockList: ['ok', 42] }), /always-hide list holds 42/],
    ['a hostile handle', goodFile({ allowList: ['alice', hostile] }), /is not an X handle/],
    ['a handle too long for X', goodFile({ blockList: ['a'.repeat(16)] }), /is not an X handle/],
    ['a huge list', goodFile({ allowList: Array.from({ length: 10_001 }, (_, i) => `u${i}`) }), /10001 entries; at most 10000/],
    ['a handle on both lists', goodFile({ allowList: ['same'], blockList: ['same'] }), /@same is on both/],
  ];

  it.each(bad)('refuses a file with %s: nothing changes and the error says why', async (_name, payload, message) => {
    const before = savedSettings();
    const reply = await send('import-settings', payload);
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/^Nothing was imported: /);
    expect(reply.error).toMatch(message);
    expect(reply.error.length).toBeLessThan(200);
    expect(savedSettings()).toEqual(before);
  });

  it('refuses a payload over the size cap', async () => {
    const before = savedSettings();
    const reply = await send('import-settings', { ...goodFile(), padding: 'x'.repeat(MAX_IMPORT_BYTES) });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/too large/) });
    expect(savedSettings()).toEqual(before);
  });

  it('checks the text of a file before parsing: not JSON, or too big', () => {
    expect(validateImportText('{"format": "quiet-bazaar-export", ')).toEqual({ ok: false, error: 'Nothing was imported: the file is not valid JSON.' });
    expect(validateImportText('')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(validateImportText(' '.repeat(MAX_IMPORT_BYTES + 1))).toMatchObject({ ok: false, error: expect.stringMatching(/larger than 5 MB/) });
    expect(validateImportText(JSON.stringify(goodFile()))).toMatchObject({ ok: true });
  });

  it('quotes hostile values briefly, as text', () => {
    const r = validateImport(goodFile({ allowList: ['<script>' + 'x'.repeat(500)] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeLessThan(140);
  });
});

describe('forget everything', () => {
  it('clears tweets, verdicts and stats, keeps settings, and bumps the epoch', async () => {
    await send('set-settings', { ...DEFAULT_SETTINGS, hideMixed: true, allowList: ['chatty'], blockList: ['spam_co'] });
    await seed();
    const settings = savedSettings();
    const before = await send('get-options-data', {});
    expect(before.stored).toMatchObject({ seen: expect.any(Number), authors: 2, days: 1 });
    expect(before.stored.seen).toBeGreaterThan(0);
    const epoch = Number(store['qb:epoch'] ?? 0);

    expect(await send('forget-all', {})).toEqual({ ok: true });

    const after = await send('get-options-data', {});
    expect(after).toEqual({ settings, stored: { seen: 0, authors: 0, days: 0 } });
    expect(savedSettings()).toEqual(settings);
    expect(store['qb:epoch']).toBe(epoch + 1);
    expect((await send('get-verdicts', {}, tab)).verdicts).toEqual([]);
    const popup = await send('get-popup-data', {});
    expect(popup.today.seen).toBe(0);
    expect(popup.authors).toEqual([]);
    // The same tweets seen again count afresh.
    await seed();
    expect((await send('get-options-data', {})).stored.seen).toBe(8);
  });
});
