// Fuzz suite (fast-check): everything that reads untrusted input — the DOM reader, the GraphQL
// parser, the page-bridge validation, the background's message handlers, stored rows and the
// importer — is fed random and mutated input. No exception may escape, and nothing invalid may
// be kept or stored. Run counts are modest so the suite stays within a few seconds.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { checkAuthor, checkDay, checkTweet } from '../../../src/background/stored-rows';
import { QuietBazaarDb } from '../../../src/background/db';
import { Recorder } from '../../../src/background/record-tweets';
import { listenToPageReader } from '../../../src/content/page-bridge';
import { findTweetArticles, readTweet } from '../../../src/content/read-tweet';
import { parseApiResponse, parseGraphqlResponse } from '../../../src/page-world/parse-graphql';
import { emptyHealth } from '../../../src/shared/health';
import { validateImport, validateImportText } from '../../../src/shared/import-file';
import { DEFAULT_SETTINGS, normaliseSettings } from '../../../src/shared/settings';
import { PAGE_DATA_EVENT, validatePageData, validateProfile, validateTweet } from '../../../src/shared/validate-page-data';
import { fake, SENDERS } from '../../helpers/fake-browser';
import { makeTweet } from '../../helpers/tweet-facts';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../../helpers/fake-browser')).fake.browser }));

const HERE = dirname(fileURLToPath(import.meta.url));
const fixture = (p: string) => readFileSync(join(HERE, '../../fixtures', p), 'utf8');
const RUNS = { numRuns: 40 };
/** The machine is shared: generous time, modest runs. */
const SLOW = 30_000;

/** Random edits of a real value: keys dropped, values swapped for anything, types changed. */
function mutate(base: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[], depth: number) => {
    if (depth > 12 || paths.length > 4000) return;
    paths.push(path);
    if (Array.isArray(v)) v.slice(0, 5).forEach((x, i) => walk(x, [...path, i], depth + 1));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k], depth + 1);
  };
  walk(base, [], 0);
  const edit = fc.record({ at: fc.nat(paths.length - 1), value: fc.oneof(fc.anything(), fc.constant(undefined), fc.string({ maxLength: 3000 })) });
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    let root: unknown = copy;
    for (const { at, value } of edits) {
      const path = paths[at]!;
      if (path.length === 0) {
        root = value;
        continue;
      }
      let parent: any = root;
      for (const k of path.slice(0, -1)) parent = parent?.[k];
      if (parent && typeof parent === 'object') {
        if (value === undefined) delete parent[path[path.length - 1]!];
        else parent[path[path.length - 1]!] = value;
      }
    }
    return root;
  });
}

describe('fuzz: the DOM reader', () => {
  const markup = ['x-tweet-sample.html', 'x-tweet-quote.html', 'x-tweet-quote-video.html'].map((f) => fixture(`x-dom/${f}`));
  it('reads real markup with random attributes and text changed: never throws, only valid facts', () => {
    fc.assert(
      fc.property(fc.nat(markup.length - 1), fc.array(fc.tuple(fc.nat(), fc.constantFrom('href', 'data-testid', 'datetime', 'alt', 'lang', 'text')), { maxLength: 8 }), fc.string({ maxLength: 200 }), (which, edits, junk) => {
        const box = document.createElement('div');
        box.innerHTML = markup[which]!;
        const all = [...box.querySelectorAll('*')];
        for (const [n, attr] of edits) {
          const el = all[n % all.length]!;
          if (attr === 'text') el.textContent = junk;
          else el.setAttribute(attr, junk);
        }
        for (const article of findTweetArticles(box)) {
          const facts = readTweet(article);
          if (facts) expect(validateTweet(facts)).not.toBeNull();
        }
      }),
      RUNS,
    );
  }, SLOW);
});

describe('fuzz: the GraphQL parser', () => {
  const responses = ['raw_user_tweets.json', 'raw_search.json', 'raw_followers.json'].map((f) => JSON.parse(fixture(`x-api/${f}`)));
  it('parses mutated real responses and arbitrary JSON: never throws, output passes the validator unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(responses.length - 1).chain((i) => mutate(responses[i])), fc.jsonValue(), fc.anything()), (json) => {
        for (const out of [parseGraphqlResponse(json), parseApiResponse(json, 'Following', 'https://x.com/i/api/graphql/x/Following')]) {
          expect(validatePageData(JSON.parse(JSON.stringify(out)))).toEqual(JSON.parse(JSON.stringify(out)));
        }
      }),
      { numRuns: 40 },
    );
  }, SLOW);
});

describe('fuzz: the page-bridge validation', () => {
  it('any detail a page script dispatches is either rejected and counted, or valid', () => {
    const received: unknown[] = [];
    const health = emptyHealth();
    listenToPageReader((d) => received.push(d), health, new AbortController().signal);
    const valid = { tweets: [makeTweet({ id: '5' })], profiles: [{ handle: 'a' }], ads: ['5'], health: { responsesSeen: 1, apiTweets: 1, apiUsers: 1, apiFailures: 0 } };
    fc.assert(
      fc.property(fc.oneof(mutate(valid).map((v) => JSON.stringify(v) ?? 'null'), fc.string(), fc.anything()), (detail) => {
        const before = received.length + health.rejectedMessages;
        document.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail }));
        expect(received.length + health.rejectedMessages).toBe(before + 1);
        for (const d of received) expect(validatePageData(d)).toEqual(d);
        received.length = 0;
      }),
      RUNS,
    );
  }, SLOW);
});

describe('fuzz: stored rows', () => {
  it('every check accepts or repairs anything into a sound row, and a repaired row checks clean', () => {
    fc.assert(
      fc.property(fc.anything(), fc.record({ key: fc.string(), handle: fc.string(), state: fc.anything(), judgement: fc.anything(), verdict: fc.anything(), profile: fc.anything(), updatedAt: fc.anything() }, { requiredKeys: [] }), (raw, shaped) => {
        for (const r of [raw, shaped]) {
          for (const check of [checkAuthor, checkDay, checkTweet] as Array<(x: unknown) => { row: unknown; repaired: boolean } | null>) {
            const once = check(r);
            if (once) expect(check(structuredClone(once.row))?.repaired).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('random rows in every table never stop recording, and what is read back is sound', async () => {
    const db = new QuietBazaarDb('fuzz-rows');
    const recorder = new Recorder({ db, settings: async () => DEFAULT_SETTINGS, now: () => new Date(2026, 5, 10) });
    let id = 1;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ key: fc.constantFrom('alice', 'bob', 'carol'), junk: fc.anything() }), { maxLength: 4 }), fc.anything(), async (authors, day) => {
        await db.authors.bulkPut(authors.map((a) => ({ ...(a.junk as object), key: a.key }) as never));
        await db.days.put({ ...(typeof day === 'object' && day ? day : {}), day: '2026-06-10' } as never);
        const tweets = ['alice', 'bob', 'carol', 'dave'].map((h) => makeTweet({ id: String(id++), authorHandle: h, text: 'hello there' }));
        await recorder.recordTweets(tweets, []);
        for (const row of await db.authors.toArray()) if (row) expect(checkAuthor(row)?.repaired).toBe(false);
        const today = await db.days.get('2026-06-10');
        expect(checkDay(today)?.repaired).toBe(false);
      }),
      { numRuns: 30 },
    );
    db.close();
  }, SLOW);
});

describe('fuzz: the importer', () => {
  const good = { format: 'quiet-bazaar-export', version: 1, settings: { quietMode: true, sensitivity: 'strict', allowList: ['a_b'], blockList: ['c'] } };
  it('any file is refused with a message, or imports only sound settings', () => {
    fc.assert(
      fc.property(fc.oneof(mutate(good), fc.anything(), fc.string().map((s) => ({ text: s }))), (raw) => {
        const result = typeof raw === 'object' && raw && 'text' in raw ? validateImportText(String((raw as { text: unknown }).text)) : validateImport(raw);
        if (!result.ok) expect(result.error).toMatch(/^Nothing was imported/);
        else expect(normaliseSettings({ ...DEFAULT_SETTINGS, ...result.patch })).toEqual({ ...DEFAULT_SETTINGS, ...result.patch });
      }),
      { numRuns: 200 },
    );
  }, SLOW);
});

describe('fuzz: the message handlers', () => {
  beforeAll(async () => {
    await import('../../../src/background/index');
  });

  it('any payload to any message: an answer or a plain error, never a crash, and nothing invalid stored', async () => {
    const types = ['tweets-seen', 'profiles-seen', 'tweets-hidden', 'health', 'get-verdicts', 'get-popup-data', 'set-settings', 'set-override', 'get-options-data', 'import-settings', 'get-review', 'get-author-reasons', 'following-seen'];
    const tweet = makeTweet({ id: '42', authorHandle: 'someone', text: 'hi' });
    const payload = fc.oneof(fc.anything(), mutate({ tweets: [tweet], profiles: [{ handle: 'someone' }] }), mutate({ handle: 'someone', override: 'show' }), mutate({ sensitivity: 'loose', allowList: ['x'] }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...types), payload, fc.constantFrom(SENDERS.tab, SENDERS.popup), async (type, body, sender) => {
        const reply = fake.send(type, body, sender);
        if (reply === undefined) return; // not this sender's message
        try {
          await reply;
        } catch (err) {
          expect(err).toBeInstanceOf(Error);
        }
        const stored = fake.store['qb:settings'];
        if (stored !== undefined) expect(normaliseSettings(stored)).toEqual(stored);
      }),
      { numRuns: 80 },
    );
    const db = new QuietBazaarDb();
    for (const row of await db.authors.toArray()) {
      expect(checkAuthor(row)?.repaired).toBe(false);
      if (row.profile) expect(validateProfile(row.profile)).not.toBeNull();
    }
    db.close();
  }, 60_000);
});
