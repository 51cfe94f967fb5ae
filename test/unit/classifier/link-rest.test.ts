// @vitest-environment node
// link-rest.ts and posting-apps.ts read what five regexps of word lists read, without their native
// code. The regexps are kept here as the definition: both must say the same of every text, on
// table rows and on random texts made of the words and delimiters the patterns turn on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRest, RestKind } from '../../../src/classifier/link-rest';
import { isSchedulerApp } from '../../../src/classifier/posting-apps';

const SHOP_PATH = /\/(?:shop|store|products?|checkout|cart|buy|order|itm|dp|gp\/product|pricing|deals?|promo|coupons?|sale|collections?\/[a-z0-9-]+\/products)(?:[/?#.]|$)|[?&](?:checkout|add-to-cart|promocode\w*|coupon|discount)=/;
const AFFILIATE = /[?&](?:tag|ref|ref_?id|referral|referrer|aff|aff_?id|affiliate\w*|partner\w*|via|rfsn|irclickid|clickid|sub_?id|coupon|promo\w*|code|invite\w*)=|\/(?:ref|r|aff|affiliates?|partners?|refer|referral|invite)\/[a-z0-9%@._-]+/;
const PAID_MEDIUM = /[?&]utm_medium=(?:paid|cpc|ppc|cpm|cpv|cpa|display|ads?|sponsored|promoted|kol|influencers?|affiliates?|partners?|social[_-]?paid|paid[_-]?\w+|\w+[_-]ads?)(?:[&#]|$)/;
const CAMPAIGN = /[?&]utm_[a-z]+=/;
const CRYPTO_PATH = /\/(?:claim|airdrop|mint|presale|whitelist|wl|token|coin|swap|stake|rewards?)(?:[/?#.-]|$)/;
const SCHEDULER = /\b(?:buffer|hootsuite|sprout ?social|later(?:\.com)?|dlvr\.?it|ifttt|zapier|publer|socialpilot|sendible|loomly|agorapulse|socialbee|tweetdeck teams|hypefury|typefully|tweet ?hunter|taplio|postpone|radaar|meet ?edgar|coschedule|metricool|social ?champ|falcon\.io|brandwatch|emplifi|khoros|sprinklr|oktopost|planable|vista social|statusbrew|crowdfire|onlypult|feedhive|blaze|ocoya|postiz|make\.com|n8n)\b/i;

function byRegexps(rest: string): number {
  return (SHOP_PATH.test(rest) ? RestKind.Shop : 0) |
    (AFFILIATE.test(rest) ? RestKind.Affiliate : 0) |
    (PAID_MEDIUM.test(rest) ? RestKind.PaidMedium : 0) |
    (CAMPAIGN.test(rest) ? RestKind.Campaign : 0) |
    (CRYPTO_PATH.test(rest) ? RestKind.Crypto : 0);
}

const REST_ROWS: [string, number][] = [
  ['/shop', RestKind.Shop],
  ['/shop.html', RestKind.Shop],
  ['/shopping', 0],
  ['/en/products/blue-mug?variant=2', RestKind.Shop],
  ['/gp/product/b0c1', RestKind.Shop],
  ['/gp/products', RestKind.Shop],
  ['/gp/productsx', 0],
  ['/collections/summer-24/products/hat', RestKind.Shop],
  ['/collections/summer_24', 0],
  ['/?add-to-cart=12', RestKind.Shop],
  ['/p?promocode_x=1', RestKind.Shop | RestKind.Affiliate],
  ['/p?promocode-x=1', 0],
  ['/?ref=anna', RestKind.Affiliate],
  ['/?a=1&ref_id=9', RestKind.Affiliate],
  ['/?partnerid=9', RestKind.Affiliate],
  ['/r/anna', RestKind.Affiliate],
  ['/r/', 0],
  ['/r/?x', 0],
  ['/invite/x7k2', RestKind.Affiliate],
  ['/refer/anna02', RestKind.Affiliate],
  ['/referrer/anna02', 0],
  ['/?utm_source=twitter&utm_medium=social', RestKind.Campaign],
  ['/?utm_medium=cpc', RestKind.PaidMedium | RestKind.Campaign],
  ['/?utm_medium=paid_social&x=1', RestKind.PaidMedium | RestKind.Campaign],
  ['/?utm_medium=paid-', RestKind.Campaign],
  ['/?utm_medium=google-ads#top', RestKind.PaidMedium | RestKind.Campaign],
  ['/?utm_medium=google-cpc-ads', RestKind.Campaign],
  ['/?utm_medium=cpc%20x', RestKind.Campaign],
  ['/?utm_medium2=cpc', 0],
  ['/claim-now', RestKind.Crypto],
  ['/rewards/', RestKind.Crypto],
  ['/token.html', RestKind.Crypto],
  ['/tokens', 0],
  ['/news/2026/03/the-shop-that-closed', 0],
  ['', 0],
];

describe('readRest', () => {
  it.each(REST_ROWS)('%s', (rest, want) => {
    expect(byRegexps(rest)).toBe(want); // the row says what the regexps say
    expect(readRest(rest)).toBe(want);
  });

  it('says what the regexps say of random link rests', () => {
    const part = fc.constantFrom(
      '/', '/', '?', '&', '=', '#', '.', '-', '_', '%', '@', 'x', '7', 'A',
      'shop', 'store', 'product', 'products', 'gp', 'collections', 'collection', 'buy', 'deals', 'promo', 'code',
      'ref', 'r', 'aff', 'affiliate', 'partner', 'invite', 'refer', 'sub', 'id', 'tag', 'via', 'promocode', 'checkout', 'add-to-cart',
      'utm_', 'utm_medium', 'medium', 'paid', 'social', 'cpc', 'ads', 'ad', 'display', 'kol',
      'claim', 'mint', 'rewards', 'reward', 'token', 'wl',
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 14 }), (parts) => {
        const rest = parts.join('');
        expect(readRest(rest)).toBe(byRegexps(rest));
      }),
      { numRuns: 20_000, seed: 12 },
    );
  });

  it('reads a long hostile rest (each delimiter is read up to the next one: quadratic would be minutes)', () => {
    const rest = '?'.repeat(50_000) + '&'.repeat(50_000) + '/'.repeat(50_000) + '?ref=x';
    expect(readRest(rest)).toBe(RestKind.Affiliate);
    expect(readRest('/a'.repeat(50_000) + '/shop')).toBe(RestKind.Shop);
  });
});

describe('isSchedulerApp', () => {
  it.each([
    ['Buffer', true],
    ['Hootsuite Inc.', true],
    ['SproutSocial', true],
    ['Sprout Social', true],
    ['later.com', true],
    ['dlvr.it', true],
    ['Twitter Web App', false],
    ['Bufferbot', false],
    ['Blazer Blaze', true],
    ['Twitter for iPhone', false],
    ['n8n.io', true],
    ['\u212Ahoros', false], // a Kelvin sign is not a K to a regexp's /i
    ['', false],
  ])('%s', (source, want) => {
    expect(SCHEDULER.test(source)).toBe(want);
    expect(isSchedulerApp(source)).toBe(want);
  });

  it('says what the regexp says of random sources', () => {
    const part = fc.constantFrom(' ', '.', '-', '_', 'x', 'Buffer', 'buffer', 'BUFFER', 'sprout', 'social', 'Later', 'later', '.com',
      'dlvr', 'it', 'tweet', 'hunter', 'meet', 'edgar', 'make', 'n8n', 'Blaze', 'r', 'vista', 'teams', 'TweetDeck', 'İ', 'é');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const source = parts.join('');
        expect(isSchedulerApp(source)).toBe(SCHEDULER.test(source));
      }),
      { numRuns: 20_000, seed: 12 },
    );
  });
});
