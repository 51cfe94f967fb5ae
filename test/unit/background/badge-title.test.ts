// @vitest-environment node
// The toolbar button's tooltip says today's counts in the user's language, with numbers in its
// format, like the popup: it was English whatever the browser's language.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { installMessages, type MessageTable } from '../../../src/shared/i18n';

const action = vi.hoisted(() => ({ title: '', text: '' }));
vi.mock('webextension-polyfill', () => ({
  default: {
    action: {
      setBadgeBackgroundColor: async () => undefined,
      setBadgeText: async ({ text }: { text: string }) => void (action.text = text),
      setTitle: async ({ title }: { title: string }) => void (action.title = title),
    },
  },
}));

const { QuietBazaarDb } = await import('../../../src/background/db');
const { updateBadge } = await import('../../../src/background/badge');

const messages = (lang: string) => JSON.parse(readFileSync(join(process.cwd(), 'public', '_locales', lang, 'messages.json'), 'utf8')) as MessageTable;
const now = new Date(2026, 10, 26, 12);
let db: InstanceType<typeof QuietBazaarDb>;

beforeEach(() => {
  db = new QuietBazaarDb(`test-${Math.random()}`);
});
afterEach(async () => {
  installMessages(messages('en'), 'en-US');
  db.close();
  await db.delete();
});

it('in German, with German numbers', async () => {
  installMessages(messages('de'), 'de-DE');
  await db.days.put({ day: '2026-11-26', seen: 1234, selling: 321, hidden: 300 });
  await updateBadge(db, now);
  expect(action.text).toBe('26%');
  expect(action.title).toBe('Quiet Bazaar: heute 1.234 Tweets gesehen, 321 davon verkaufend');
});

it('in English, one tweet and many, and the name alone before anything is seen', async () => {
  await db.days.put({ day: '2026-11-26', seen: 1, selling: 1, hidden: 1 });
  await updateBadge(db, now);
  expect(action.title).toBe('Quiet Bazaar: 1 of 1 tweet seen today was selling');
  await db.days.put({ day: '2026-11-26', seen: 12345, selling: 2, hidden: 1 });
  await updateBadge(db, now);
  expect(action.title).toBe('Quiet Bazaar: 2 of 12,345 tweets seen today were selling');
  await db.days.clear();
  await updateBadge(db, now);
  expect(action.text).toBe('');
  expect(action.title).toBe('Quiet Bazaar');
});

it('waits for the messages the worker is still reading before it sets the title', async () => {
  // At the worker's start the browser may give it an empty bundle; index.ts reads the packaged
  // messages (ensureMessages) and passes that promise: the title must come after it, in German.
  installMessages(messages('en'), 'en-US');
  await db.days.put({ day: '2026-11-26', seen: 3, selling: 1, hidden: 1 });
  let loaded!: () => void;
  const ready = new Promise<void>((resolve) => (loaded = resolve));
  const done = updateBadge(db, now, ready);
  await new Promise((r) => setTimeout(r, 20));
  installMessages(messages('de'), 'de-DE');
  loaded();
  await done;
  expect(action.title).toBe('Quiet Bazaar: heute 3 Tweets gesehen, 1 davon verkaufend');
});
