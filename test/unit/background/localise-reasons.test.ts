// @vitest-environment node
// The reasons behind a verdict reach the UI in the user's language: every shape the classifier
// (author.ts) and following.ts write is recognised and told again from _locales. In English the
// text is the classifier's own, byte for byte; in German none of it is left English; what is not
// recognised comes back unchanged. (The paths that send reasons out: reasons-leaving.test.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { judgeAuthor, newAuthorState, type AuthorState } from '../../../src/classifier/author';
import { COUNTED_GROUPS } from '../../../src/classifier/rules';
import { localiseReason, localiseReasons, tellAgain } from '../../../src/background/localise-reasons';
import { profileEvidence } from '../../../src/background/following';
import { installMessages, type MessageTable } from '../../../src/shared/i18n';
import type { AuthorProfile, Sensitivity, Verdict } from '../../../src/shared/types';

const messages = (lang: string) => JSON.parse(readFileSync(join(process.cwd(), 'public', '_locales', lang, 'messages.json'), 'utf8')) as MessageTable;
const en = messages('en');
const de = messages('de');
const inGerman = () => installMessages(de, 'de-DE');
afterEach(() => installMessages(en, 'en-US'));

// ---- Reasons as the classifier writes them -----------------------------------------------------

const GROUP_INDEX = new Map(COUNTED_GROUPS.map((g, i) => [g[0], i]));
function state(fields: Partial<AuthorState> & { group?: Record<string, number> }): AuthorState {
  const { group, ...rest } = fields;
  const s: AuthorState = { ...newAuthorState('someone'), ...rest };
  s.groups = s.groups.slice();
  for (const [name, n] of Object.entries(group ?? {})) s.groups[GROUP_INDEX.get(name as never)!] = n;
  return s;
}
const selling = (n: number, posts = n): Partial<AuthorState> => ({ posts, w: posts, selling: [n, n, n], s: [n, n, n] });
const judged = (s: AuthorState, profile?: AuthorProfile, sensitivity: Sensitivity = 'balanced', previous?: Verdict) =>
  judgeAuthor(s, profile, { sensitivity, now: 0, ...(previous ? { previous } : {}) }).reasons;

const STORE = { handle: 'someone', bioUrls: ['https://www.etsy.com/shop/someone'] } satisfies AuthorProfile;
const LINKPAGE = { handle: 'someone', bioUrls: ['https://linktr.ee/someone'] } satisfies AuthorProfile;
const MESSAGING = { handle: 'someone', bioUrls: ['https://wa.me/491701234567'] } satisfies AuthorProfile;
const SHOP_WORDS = { handle: 'someone', bio: 'Handmade candles. Shop link below, we ship worldwide' } satisfies AuthorProfile;
const BUSINESS = { handle: 'someone', professionalType: 'Business' } satisfies AuthorProfile;
const FOLLOWED = { handle: 'someone', isFollowedByUser: true } satisfies AuthorProfile;

/** Every shape of reason author.ts writes, from real judgements of made-up authors. */
function classifierReasons(): string[] {
  const out: string[] = [];
  for (const [name] of COUNTED_GROUPS) {
    out.push(...judged(state({ ...selling(1), group: { [name]: 1 } }))); // "1 of 1 post …" (too few for a verdict)
    out.push(...judged(state({ ...selling(5), group: { [name]: 1 } }))); // "1 of 5 posts <one>"
    out.push(...judged(state({ ...selling(4), group: { [name]: 3 } }))); // "3 of 4 posts <several>"
  }
  out.push(...judged(state({ ...selling(5), repeats: 2 })));
  out.push(...judged(state({ ...selling(1), repeats: 1 })));
  out.push(...judged(state({ ...selling(5), scheduled: 2, app: 'Buffer' })));
  out.push(...judged(state({ ...selling(5), scheduled: 1, app: '' })), ...judged(state({ ...selling(5), scheduled: 2, app: '' })));
  out.push(...judged(state({ ...selling(2, 6), replies: 3, quiet: 1, group: { shop: 2 } }), FOLLOWED)); // mixed: talk too
  out.push(...judged(state({ ...selling(0, 6), replies: 1, quiet: 5 }), FOLLOWED)); // a person
  out.push(...judged(state({ ...selling(1, 10), replies: 4, group: { crypto: 1 } }))); // "only 1 of 10 posts …"
  out.push(...judged(state({ ...selling(1, 10), repeats: 1 })));
  out.push(...judged(state({ posts: 6, w: 6, selling: [3, 3, 3], s: [0.2, 0.2, 0.2], group: { shop: 3 } }))); // faded
  out.push(...judged(state({ posts: 1, w: 1 })), ...judged(state({ posts: 2, w: 2 })));
  out.push(...judged(state({ posts: 5, w: 0.5, selling: [2, 2, 2], s: [0, 0, 0] }), undefined, 'strict')); // too few signs either way
  out.push(...judged(state({ ...selling(5) }))); // no reason but the count
  out.push(...judged(state({ posts: 6, w: 6, named: 3 })), ...judged(state({ posts: 6, w: 6, we: 3 })));
  out.push(...judged(state({ ...selling(3, 5), calls: 3, group: { cta: 3 } })));
  for (const p of [STORE, LINKPAGE, MESSAGING, SHOP_WORDS, BUSINESS]) out.push(...judged(state({ ...selling(3, 4), group: { shop: 3 } }), p));
  return [...new Set(out)];
}

/** following.ts' own reasons, as it writes them (the audit's profile evidence and "seen" notes). */
function followingReasons(): string[] {
  return [
    ...profileEvidence({ handle: 'a', verifiedType: 'Business', professionalType: 'Creator', bioUrls: ['https://www.etsy.com/shop/a'] }).reasons,
    'no post of theirs seen yet',
    'only 1 post of theirs seen',
    'only 2 posts of theirs seen',
    'no post of theirs judged yet',
  ];
}

const ALL = () => [...classifierReasons(), ...followingReasons()];

describe('localiseReason', () => {
  it('covers the shapes it should (the made-up authors give what they are meant to)', () => {
    const all = ALL();
    const expected = [
      '1 of 1 post carried a shop link',
      '1 of 5 posts carried a shop link',
      '3 of 4 posts carried shop links',
      '1 of 5 posts was promoted (an ad)',
      'repeated the same text in 2 of 5 posts',
      '2 of 5 posts sent through Buffer',
      '1 of 5 posts sent through a scheduling app',
      'replies in conversation in 3 of 6 posts',
      '5 of 6 posts showed no sign of selling',
      'you follow this account',
      '6 of 6 posts were not selling',
      'only 1 of 10 posts pushed tokens, mints or airdrops',
      'only repeated the same text in 1 of 10 posts',
      'the selling posts were seen a while ago; recent posts count more',
      'only 1 post seen; a verdict needs 3',
      'only 2 posts seen; a verdict needs 3',
      '5 posts seen, too few signs either way to tell',
      '5 of 5 posts judged selling',
      'names itself in 3 of 6 posts and never says "I": a brand\'s own account',
      'says "we" in 3 of 6 posts and never "I": an organisation\'s own account',
      '3 of 5 posts called readers to act on an offer',
      'bio links to a store (etsy.com)',
      'bio links to a link-in-bio page',
      'bio sends readers to WhatsApp or Telegram',
      'bio talks of a shop or orders',
      'registered as a business account',
      'verified as a business or organisation',
      'professional category: creator',
    ];
    for (const r of expected) expect(all, r).toContain(r);
  });

  it('in English, gives back exactly what the classifier and following.ts wrote', () => {
    const all = ALL();
    expect(all.length).toBeGreaterThan(90);
    // Told again from the messages (tellAgain), and as localiseReason gives it (which, in English,
    // skips the telling for a reason with no count from 1,000 up: this is why it may).
    for (const r of all) expect([tellAgain(r), localiseReason(r)]).toEqual([r, r]);
    // The forms made-up authors do not reach (one plain post among talk).
    for (const r of ['1 of 1 post was not selling', '1 of 3 posts was not selling', '1 of 5 posts showed no sign of selling', '1 of 4 posts called readers to act on an offer', '1 of 2 posts sent through Hootsuite'])
      expect([tellAgain(r), localiseReason(r)]).toEqual([r, r]);
  });

  it('in English, every reason group has both forms as rules.ts tells them', () => {
    for (const [name, one, other] of COUNTED_GROUPS) {
      expect(en[`why_group_${name}_one`]?.message, name).toBe(`$2 ${one}`);
      expect(en[`why_group_${name}_other`]?.message, name).toBe(`$2 ${other}`);
      expect(de[`why_group_${name}_one`]?.message, name).toBeTruthy();
      expect(de[`why_group_${name}_other`]?.message, name).toBeTruthy();
    }
  });

  it('in German, leaves none of them English, and uses every message it has', () => {
    const all = ALL();
    inGerman();
    for (const r of all) {
      const out = localiseReason(r);
      expect(out, r).not.toBe(r);
      expect(out, r).not.toMatch(/\b(?:of|posts? seen|the|was|were|and|in conversation|bio links|only)\b|why_/);
    }
    // Every why_ message is reached by some reason (none is dead, none is missing a shape).
    const marked: MessageTable = {};
    for (const [key, entry] of Object.entries(en)) marked[key] = { message: key.startsWith('why_') ? `«${key.replace(/_/g, '-')}» ${entry.message}` : entry.message };
    installMessages(marked, 'en-x-marked');
    const used = new Set<string>();
    const extra = ['1 of 1 post was not selling', '1 of 5 posts showed no sign of selling', '1 of 4 posts called readers to act on an offer', '1 of 2 posts sent through Hootsuite', '1 post seen, too few signs either way to tell'];
    for (const r of [...all, ...extra]) for (const m of tellAgain(r).matchAll(/«([a-z-]+)»/g)) used.add(m[1]!.replace(/-/g, '_'));
    const unused = Object.keys(en).filter((k) => k.startsWith('why_') && !used.has(k));
    expect(unused).toEqual([]);
  });

  it.each([
    ['1 of 1 post carried a shop link', '1 von 1 Post enthielt einen Shop-Link'],
    ['1 of 5 posts carried a shop link', '1 von 5 Posts enthielt einen Shop-Link'],
    ['4 of 4 posts pushed tokens, mints or airdrops', '4 von 4 Posts warben für Tokens, Mints oder Airdrops'],
    ['2 of 7 posts were promoted (ads)', '2 von 7 Posts waren beworben (Anzeigen)'],
    ['repeated the same text in 2 of 5 posts', 'wiederholte denselben Text in 2 von 5 Posts'],
    ['2 of 5 posts sent through Buffer', '2 von 5 Posts wurden über Buffer gesendet'],
    ['1 of 5 posts sent through a scheduling app', '1 von 5 Posts wurde über eine Planungs-App gesendet'],
    ['replies in conversation in 3 of 6 posts', 'antwortete in 3 von 6 Posts im Gespräch'],
    ['5 of 6 posts showed no sign of selling', '5 von 6 Posts zeigten keine Spur von Verkauf'],
    ['you follow this account', 'du folgst diesem Konto'],
    ['the selling posts were seen a while ago; recent posts count more', 'die verkaufenden Posts liegen eine Weile zurück; neuere Posts zählen mehr'],
    ['6 of 6 posts were not selling', '6 von 6 Posts verkauften nicht'],
    ['1 of 3 posts was not selling', '1 von 3 Posts verkaufte nicht'],
    ['only 1 of 10 posts pushed tokens, mints or airdrops', 'nur 1 von 10 Posts warb für Tokens, Mints oder Airdrops'],
    ['only 1 post seen; a verdict needs 3', 'erst 1 Post gesehen; ein Urteil braucht 3'],
    ['only 2 posts seen; a verdict needs 3', 'erst 2 Posts gesehen; ein Urteil braucht 3'],
    ['4 posts seen, too few signs either way to tell', '4 Posts gesehen, zu wenige Hinweise für ein Urteil'],
    ['5 of 5 posts judged selling', '5 von 5 Posts als verkaufend beurteilt'],
    ['names itself in 3 of 6 posts and never says "I": a brand\'s own account', 'nennt sich in 3 von 6 Posts selbst beim Namen und sagt nie „ich“: das eigene Konto einer Marke'],
    ['says "we" in 3 of 6 posts and never "I": an organisation\'s own account', 'sagt in 3 von 6 Posts „wir“ und nie „ich“: das eigene Konto einer Organisation'],
    ['3 of 5 posts called readers to act on an offer', '3 von 5 Posts riefen dazu auf, ein Angebot wahrzunehmen'],
    ['bio links to a store (etsy.com)', 'Bio verlinkt einen Shop (etsy.com)'],
    ['bio links to a link-in-bio page', 'Bio verlinkt eine Link-in-Bio-Seite'],
    ['bio sends readers to WhatsApp or Telegram', 'Bio schickt Leser zu WhatsApp oder Telegram'],
    ['bio talks of a shop or orders', 'Bio spricht von einem Shop oder Bestellungen'],
    ['registered as a business account', 'als Unternehmenskonto registriert'],
    ['verified as a business or organisation', 'als Unternehmen oder Organisation verifiziert'],
    ['professional category: creator', 'Berufskategorie: creator'],
    ['no post of theirs seen yet', 'noch kein Post von ihnen gesehen'],
    ['only 1 post of theirs seen', 'erst 1 Post von ihnen gesehen'],
    ['only 2 posts of theirs seen', 'erst 2 Posts von ihnen gesehen'],
    ['no post of theirs judged yet', 'noch kein Post von ihnen beurteilt'],
    ['1234 of 2000 posts carried shop links', '1.234 von 2.000 Posts enthielten Shop-Links'],
  ])('in German: %s', (english, german) => {
    inGerman();
    expect(localiseReason(english)).toBe(german);
  });

  it('gives back what it does not recognise unchanged, never blank, in either language', () => {
    const odd = ['', 'something new the classifier says', '3 of 5 posts did something new', 'only something new', 'Leise gemacht', 'du folgst diesem Konto'];
    for (const r of odd) expect(localiseReason(r)).toBe(r);
    inGerman();
    for (const r of odd) expect(localiseReason(r)).toBe(r);
  });

  it('in English, gives a reason with no count from 1,000 up back as written, without telling it again', () => {
    const marked: MessageTable = {};
    for (const [key, entry] of Object.entries(en)) marked[key] = { message: key.startsWith('why_') ? `«${key.replace(/_/g, '-')}» ${entry.message}` : entry.message };
    installMessages(marked, 'en-GB');
    expect(tellAgain('4 of 4 posts carried a shop link')).toMatch(/^«why-/);
    expect(localiseReason('4 of 4 posts carried a shop link')).toBe('4 of 4 posts carried a shop link');
    expect(localiseReason('1234 of 2000 posts carried shop links')).toMatch(/^«why-/); // told again, for its separators
    installMessages(marked, 'fr-FR'); // another language falls back to English messages, but its numbers are its own
    expect(localiseReason('4 of 4 posts carried a shop link')).toMatch(/^«why-/);
  });

  it('counts from 1,000 up take the thousands separator (English too)', () => {
    expect(localiseReason('1234 of 2000 posts carried shop links')).toBe('1,234 of 2,000 posts carried shop links');
    expect(localiseReason('only 1500 posts of theirs seen')).toBe('only 1,500 posts of theirs seen');
    expect(localiseReason('1 of 999 posts carried a shop link')).toBe('1 of 999 posts carried a shop link');
  });

  it('keeps English when a message is missing from the bundle, rather than showing a key', () => {
    const partial = { ...de };
    delete partial.why_followed;
    delete partial.why_group_shop_one;
    delete partial.why_group_shop_other;
    delete partial.why_group_ad_one;
    installMessages(partial, 'de-x-partial');
    expect(localiseReason('you follow this account')).toBe('you follow this account');
    expect(localiseReason('1 of 5 posts carried a shop link')).toBe('1 of 5 posts carried a shop link');
    // A missing plural form falls back to _other, as tn does everywhere.
    expect(localiseReason('1 of 5 posts was promoted (an ad)')).toBe('1 von 5 Posts waren beworben (Anzeigen)');
  });

  it('follows a change of language (the cache is per language)', () => {
    expect(localiseReason('you follow this account')).toBe('you follow this account');
    inGerman();
    expect(localiseReason('you follow this account')).toBe('du folgst diesem Konto');
    installMessages(en, 'en-US');
    expect(localiseReason('you follow this account')).toBe('you follow this account');
  });

  it('localiseReasons gives a new list and leaves the stored one as it was', () => {
    inGerman();
    const stored = ['you follow this account', 'no post of theirs seen yet'];
    const out = localiseReasons(stored);
    expect(out).toEqual(['du folgst diesem Konto', 'noch kein Post von ihnen gesehen']);
    expect(stored).toEqual(['you follow this account', 'no post of theirs seen yet']);
  });
});
