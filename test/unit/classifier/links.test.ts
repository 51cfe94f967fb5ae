// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cleanLink, LinkKind, readLinks } from '../../../src/classifier/links';

const kinds = (urls: string[], text = '') => readLinks(urls, undefined, text.toLowerCase()).kinds;

const TABLE: [string, LinkKind, { flags: string[]; keeps: string[] }][] = [
  ['shop', LinkKind.Shop, {
    flags: ['https://www.amazon.co.uk/dp/B0C1234', 'https://www.ebay.com/itm/251638183951', 'https://mugs.myshopify.com/products/blue', 'https://example.com/checkout?x=1'],
    keeps: ['https://www.nytimes.com/2026/01/01/world/story.html', 'https://github.com/rails/rails/pull/16833'],
  }],
  ['affiliate', LinkKind.Affiliate, {
    flags: ['https://www.amazon.com/dp/B00X?tag=me-20', 'https://www.paidverts.com/ref/sihaam01', 'nerdsoneth.fun/?ref=%40sophia', 'https://shop.example/x?utm_source=tw&utm_medium=cpc', 'https://brand.example/offer?utm_source=twitter&utm_medium=paid_social', 'https://brand.example/?utm_medium=display&utm_campaign=fall'],
    keeps: ['https://en.wikipedia.org/wiki/Referral', 'https://example.com/reference/guide', 'https://www.nytimes.com/2026/01/01/health/sleep.html?utm_source=twitter&utm_medium=social', 'https://brand.example/fall?utm_source=twitter'],
  }],
  ['campaign', LinkKind.Campaign, {
    flags: ['https://www.nytimes.com/2026/01/01/health/sleep.html?utm_source=twitter&utm_medium=social', 'https://brand.example/fall?utm_source=twitter&utm_campaign=fall'],
    keeps: ['https://brand.example/offer?utm_source=twitter&utm_medium=paid_social', 'https://www.nytimes.com/2026/01/01/health/sleep.html', 'https://example.com/?utmost=1'],
  }],
  ['shortener', LinkKind.Shortener, { flags: ['https://bit.ly/0xGyda', 'amzn.to/3abc'], keeps: ['https://t.co/abc123', 'https://bitcoin.org'] }],
  ['link-in-bio page', LinkKind.BioPage, { flags: ['https://linktr.ee/someone', 'beacons.ai/shop'], keeps: ['https://linkedin.com/in/someone'] }],
  ['messaging', LinkKind.Messaging, { flags: ['wa.me/+12134626461', 'https://t.me/joinchat/abc'], keeps: ['https://time.com/article'] }],
  ['crypto', LinkKind.Crypto, { flags: ['pump.fun/coin/4FoKU8sYt', 'https://elonsol.lol/claim'], keeps: ['https://bitcoin.org/en/'] }],
  ['cheap domain', LinkKind.CheapDomain, { flags: ['us-oil.cc', 'coinbase-rewards.xyz'], keeps: ['https://www.bbc.co.uk/news'] }],
];

describe('link kinds', () => {
  for (const [name, bit, { flags, keeps }] of TABLE) {
    describe(name, () => {
      it.each(flags)('flags %s', (u) => expect(kinds([u]) & bit).toBe(bit));
      it.each(keeps)('keeps %s', (u) => expect(kinds([u]) & bit).toBe(0));
    });
  }

  it('finds links shown as text, even broken over lines after https://', () => {
    expect(kinds([], 'Join the Funklana community https://\nx.com/i/communities/\n2018032591966802430') & LinkKind.Invite).toBe(LinkKind.Invite);
    expect(kinds([], 'Claim your tokens instantly 🔗 us-oil.cc $SOL') & LinkKind.CheapDomain).toBe(LinkKind.CheapDomain);
  });

  it('ignores dotted words that are not domains', () => {
    expect(kinds([], 'I use Node.js and Claw.exe, e.g. every day in the U.S.')).toBe(0);
  });

  it('does not count links to X itself as outside links', () => {
    expect(kinds(['https://x.com/someone/status/123'])).toBe(0);
  });

  it('cleans links that carry markup', () => {
    expect(cleanLink('https://www.paidverts.com/ref/sihaam01">https://www.paidverts.com/ref/sihaam01</a>')).toBe('paidverts.com/ref/sihaam01');
  });
});
