// @vitest-environment node
// The reasons behind a verdict leave the background in the user's language (localise-reasons.ts)
// by every path that sends them out: the popup's and options page's data, the placeholder's
// VerdictLite, a badge's reasons, the review and the following audit. The database and the
// popup's persisted figures keep the classifier's English.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newAuthorState } from '../../../src/classifier/author';
import { QuietBazaarDb, type StoredAuthor } from '../../../src/background/db';
import { PopupFigures, listSellers } from '../../../src/background/popup-data';
import { auditRowOf, authorReasons, buildReview } from '../../../src/background/following';
import { toVerdictLite } from '../../../src/background/record-tweets';
import { installMessages, type MessageTable } from '../../../src/shared/i18n';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import type { AuthorJudgement } from '../../../src/shared/types';

const messages = (lang: string) => JSON.parse(readFileSync(join(process.cwd(), 'public', '_locales', lang, 'messages.json'), 'utf8')) as MessageTable;
const en = messages('en');
const de = messages('de');
const inGerman = () => installMessages(de, 'de-DE');
afterEach(() => installMessages(en, 'en-US'));

describe('reasons leaving the background', () => {
  let db: QuietBazaarDb;
  const now = new Date(2026, 10, 26, 12, 0);
  const judgement: AuthorJudgement = {
    verdict: 'seller',
    confidence: 0.95,
    sellingShare: 0.8,
    posts: 4,
    sellingPosts: 4,
    reasons: ['4 of 4 posts pushed tokens, mints or airdrops', 'repeated the same text in 2 of 4 posts', 'bio links to a store (etsy.com)'],
  };
  const GERMAN = ['4 von 4 Posts warben für Tokens, Mints oder Airdrops', 'wiederholte denselben Text in 2 von 4 Posts', 'Bio verlinkt einen Shop (etsy.com)'];
  const row = (): StoredAuthor => ({
    key: 'coinshill',
    handle: 'CoinShill',
    state: { ...newAuthorState('coinshill'), posts: 4 },
    judgement,
    verdict: 'seller',
    updatedAt: now.getTime(),
  }) as StoredAuthor;

  beforeEach(async () => {
    db = new QuietBazaarDb(`l10n-${Math.random()}`);
    await db.authors.put(row());
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it("the popup's sellers and the options page's list are in German, the database stays English", async () => {
    inGerman();
    const figures = new PopupFigures(db);
    const data = await figures.build(DEFAULT_SETTINGS, null, now);
    expect(data.authors.map((a) => a.reasons)).toEqual([GERMAN]);
    const page = await listSellers(db, DEFAULT_SETTINGS, {});
    expect(page.items.map((a) => a.reasons)).toEqual([GERMAN]);
    expect((await db.authors.get('coinshill'))!.judgement.reasons).toEqual(judgement.reasons);
    // The figures kept in memory (and persisted) hold the English: a change of language needs no rebuild.
    await figures.flush();
    const kept = (await db.meta.get('popup-figures'))!.value as { top: Array<{ reasons: string[] }> };
    expect(kept.top[0]!.reasons).toEqual(judgement.reasons);
    installMessages(en, 'en-US');
    expect((await figures.build(DEFAULT_SETTINGS, null, now)).authors[0]!.reasons).toEqual(judgement.reasons);
  });

  it("the placeholder's reason, a badge's reasons, the review and the audit are in German", async () => {
    inGerman();
    expect(toVerdictLite(row()).reason).toBe(GERMAN[0]);
    expect((await authorReasons(db, 'CoinShill')).reasons).toEqual(GERMAN);
    expect((await authorReasons(db, 'nobody')).reasons).toEqual(['noch kein Post von ihnen beurteilt']);
    const review = await buildReview(db, DEFAULT_SETTINGS, [{ handle: 'CoinShill', tweets: 3, ads: 0 }]);
    expect(review.rows[0]!.reasons).toEqual(GERMAN);
    const following = { id: '1', key: 'coinshill', handle: 'CoinShill', profileAlpha: 1, profileReasons: ['bio links to a store (etsy.com)'], profileShare: 0.5, order: 0, readAt: 0 };
    expect(auditRowOf(following, row(), DEFAULT_SETTINGS).reasons).toEqual(GERMAN);
    expect(auditRowOf(following, undefined, DEFAULT_SETTINGS).reasons).toEqual(['Bio verlinkt einen Shop (etsy.com)', 'noch kein Post von ihnen gesehen']);
    expect(auditRowOf({ ...following, profileAlpha: 0, profileReasons: [] }, { ...row(), judgement: { ...judgement, verdict: 'unknown', posts: 2 } }, DEFAULT_SETTINGS).reasons).toEqual(['erst 2 Posts von ihnen gesehen']);
  });
});
