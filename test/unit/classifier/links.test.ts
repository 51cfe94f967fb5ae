// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cleanLink, hasAdClickId, isPublicBodySuffix, LinkKind, pageKind, readLinks } from '../../../src/classifier/links';
import { hasSponsorTag, nameWords } from '../../../src/classifier/rules';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLabeledPosts } from '../../../tools/eval/labeled-posts';

const kinds = (urls: string[], text = '') => readLinks(urls, undefined, text.toLowerCase()).kinds;

const TABLE: [string, LinkKind, { flags: string[]; keeps: string[] }][] = [
  ['shop', LinkKind.Shop, {
    flags: ['https://www.amazon.co.uk/dp/B0C1234', 'https://www.ebay.com/itm/251638183951', 'https://mugs.myshopify.com/products/blue', 'https://example.com/checkout?x=1'],
    keeps: ['https://www.nytimes.com/2026/01/01/world/story.html', 'https://github.com/rails/rails/pull/16833'],
  }],
  ['affiliate', LinkKind.Affiliate, {
    flags: ['https://www.amazon.com/dp/B00X?tag=me-20', 'https://www.paidverts.com/ref/sihaam01', 'nerdsoneth.fun/?ref=%40sophia', 'https://shop.example/x?utm_source=tw&utm_medium=cpc', 'https://brand.example/offer?utm_source=twitter&utm_medium=paid_social', 'https://brand.example/?utm_medium=display&utm_campaign=fall',
      // ad servers, click ids of ad networks, app-install trackers, affiliate networks' redirectors
      'https://ad.doubleclick.net/ddm/trackclk/N1234.5678/B2345;dc_trk_aid=1', 'https://clickserve.dartsearch.net/link/click?lid=43700&ds_s_kwgid=5870',
      'https://www.brand.example/spring?gclid=Cj0KCQjw', 'https://brand.example/app?twclid=2-abc123', 'https://brand.example/?utm_source=x&msclkid=9f8e',
      'https://app.adjust.com/abc123?campaign=spring', 'https://brand.adj.st/home?adj_t=xyz', 'https://go.skimresources.com/?id=123X456&url=https%3A%2F%2Fshop.example',
      'https://click.linksynergy.com/deeplink?id=abc&mid=123', 'https://www.anrdoezrs.net/click-100-200', 'https://www.awin1.com/cread.php?awinmid=1&awinaffid=2',
      'https://shop.example.sjv.io/c/123/456/789', 'https://rstyle.me/+abcDEF', 'https://liketk.it/4xYz'],
    keeps: ['https://en.wikipedia.org/wiki/Referral', 'https://www.adjust.com/blog/attribution-explained/', 'https://www.nytimes.com/2026/01/01/tech/ads.html?fbclid=IwAR0abc',
      'https://example.com/?gclidx=1', 'https://blog.example/how-doubleclick-worked', 'https://example.com/reference/guide', 'https://www.nytimes.com/2026/01/01/health/sleep.html?utm_source=twitter&utm_medium=social', 'https://brand.example/fall?utm_source=twitter'],
  }],
  ['campaign', LinkKind.Campaign, {
    flags: ['https://www.nytimes.com/2026/01/01/health/sleep.html?utm_source=twitter&utm_medium=social', 'https://brand.example/fall?utm_source=twitter&utm_campaign=fall'],
    keeps: ['https://brand.example/offer?utm_source=twitter&utm_medium=paid_social', 'https://www.nytimes.com/2026/01/01/health/sleep.html', 'https://example.com/?utmost=1'],
  }],
  ['reference, news or a public body', LinkKind.Content, {
    flags: ['https://en.wikipedia.org/wiki/Referral', 'https://www.incometax.gov.in/iec/foportal/', 'https://www.sat.gob.mx/tramites', 'https://www.service-public.gouv.fr/particuliers', 'https://www.mhlw.go.jp/stf/', 'https://www.u-tokyo.ac.jp/en/', 'https://www.nasa.gov/missions'],
    keeps: ['https://brand.example/spring', 'https://studio.ac/work', 'https://goodfood.co.uk/recipes'],
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

  it('reads a file named in the text as a file, not a site (CLAUDE.md, setup.sh), unless written as a link', () => {
    for (const text of ['always update your CLAUDE.md and push', 'run setup.sh then main.py', 'my main.rs compiles', 'unzip backup.zip', 'see clip.mov'])
      expect(kinds([], text.toLowerCase())).toBe(0);
    for (const text of ['read https://claude.md', 'see www.notes.md for more', 'docs at notes.md/start'])
      expect(kinds([], text) & LinkKind.Any).toBe(LinkKind.Any);
    // Endings that are sites far more often than files stay links when bare.
    for (const text of ['shop at allegro.pl', 'notes in notion.so', 'try notaly.ai']) expect(kinds([], text) & LinkKind.Any).toBe(LinkKind.Any);
  });

  it('does not count links to X itself as outside links', () => {
    expect(kinds(['https://x.com/someone/status/123'])).toBe(0);
  });

  it('cleans links that carry markup', () => {
    expect(cleanLink('https://www.paidverts.com/ref/sihaam01">https://www.paidverts.com/ref/sihaam01</a>')).toBe('paidverts.com/ref/sihaam01');
  });
});

describe('reading sites and pages by word, as the regexps they replace (issue 12: native code in the worker)', () => {
  // The regexps links.ts used before, kept here as the reference.
  const NOT_SELLING_PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:careers?|jobs?|join-us|docs?|documentation|developers?|support|help|security|safety|trust|privacy|legal|terms|status)(?:[/?#.]|$)/;
  const ARTICLE_PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:news|politics|world|business|opinion|articles?|story|stories|blog|posts?|reviews?|research|papers?|\d{4}\/\d{1,2}\/)/;
  const AD_CLICK_ID = /[?&](?:gclid|gbraid|wbraid|dclid|twclid|msclkid|ttclid|li_fat_id|sccid|epik)=/;
  const PUBLIC_BODY_SUFFIX = /^(?:gov|gob|gouv|govt|mil|edu|ac|go)\.[a-z]{2}$/;
  const RE_SPONSOR_TAG = /.(?:partner|ambassador|sponsored|_ads?|_spon|gifted)$/i;

  const words = ['careers', 'career', 'jobs', 'job', 'join-us', 'docs', 'doc', 'documentation', 'developers', 'support', 'help', 'security', 'safety', 'trust', 'privacy', 'legal', 'terms', 'status',
    'news', 'newsroom', 'politics', 'world', 'business', 'opinion', 'article', 'articles', 'story', 'stories', 'blog', 'post', 'posts', 'postcards', 'review', 'reviews', 'research', 'paper', 'papers',
    'shop', 'products', 'pricing', 'de', 'en-us', 'tv', 'x', '2024', '202', '5', '05', '123', 'careers.html', 'docs.v2', 'statuses', 'helpful', ''];
  const ends = ['', '/', '/x', '?a=1', '#top', '.html'];
  const paths: string[] = [];
  for (const a of words) for (const e of ends) {
    paths.push(`/${a}${e}`);
    for (const b of ['docs', 'news', '2024', '05', 'shop', 'careers']) paths.push(`/${a}/${b}${e}`, `/${a}/${b}/`);
  }
  paths.push('', '?x=1', '#a', '/2024/05/', '/2024/5/x', '/2024/123/', '/de/2024/05/', '/en-us/docs', '/en-us/2024/05/x', '/e/docs');

  it('pageKind says what the two path regexps said', () => {
    for (const p of paths) expect(pageKind(p) !== '', p).toBe(NOT_SELLING_PATH.test(p) || ARTICLE_PATH.test(p));
    for (const p of paths) if (NOT_SELLING_PATH.test(p) && !ARTICLE_PATH.test(p)) expect(pageKind(p), p).toBe('quiet');
  });

  it('hasAdClickId, isPublicBodySuffix and hasSponsorTag say what their regexps said', () => {
    const queries = ['?gclid=1', '&twclid=2', '?x=1&msclkid=3', '?gclidx=1', '?xgclid=1', 'gclid=1', '/gclid=1', '?li_fat_id=9', '?epik=1&a', '?a=b', '', '?sccid=4', '&ttclid='];
    for (const q of queries) expect(hasAdClickId(q), q).toBe(AD_CLICK_ID.test(q));
    const suffixes = ['gov', 'gov.in', 'gob.mx', 'gouv.fr', 'govt.nz', 'edu.au', 'ac.jp', 'go.jp', 'ac', 'co.uk', 'gov.uk', 'go.jpx', 'gov.i', 'xgov.in', 'mil.br', 'edu', 'com'];
    for (const x of suffixes) expect(isPublicBodySuffix(x), x).toBe(PUBLIC_BODY_SUFFIX.test(x));
    const tags = ['doordash_partner', 'SamsungPartner', 'partner', 'NikeAmbassador', 'ambassador', 'brand_ad', 'brand_ads', '_ad', 'ad', 'gifted', 'regifted', 'Gifted', 'sponsored', 'xsponsored', 'brand_spon', 'partners', 'lifepartner', 'road'];
    for (const t of tags) expect(hasSponsorTag([t]), t).toBe(RE_SPONSOR_TAG.test(t));
  });
});

describe('nameWords (the words of a post outside its links, read by hand)', () => {
  // The regexps rules.ts used before, kept here as the reference.
  const LINKISH = /\S*[a-z0-9]\.[a-z]{2}\S*/g;
  const NAME_WORD = /[a-z0-9]+/g;
  const reference = (lower: string) => lower.replace(LINKISH, ' ').match(NAME_WORD) ?? [];

  it('gives what the regexps gave, over the development set and odd spacing', () => {
    const texts = parseLabeledPosts(readFileSync(fileURLToPath(new URL('../../fixtures/labeled/posts.jsonl', import.meta.url)), 'utf8')).map((p) => p.text.toLowerCase());
    texts.push('', ' ', 'a.bc', 'x.y', 'meet\u00a0fernbank.com\u2009today', 'fernbank.\ncom', '@fernbank, fernbank.co.uk/x!', 'v2.0 is out', 'e.g. this', '...ab', 'ok.go');
    for (const t of texts) expect(nameWords(t), t).toEqual(reference(t));
  });
});
