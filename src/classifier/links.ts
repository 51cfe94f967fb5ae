// What the links in a post point at. Registrable domains come from the Public Suffix List's
// ICANN rules (shared/registrable-domain.ts), read once per distinct link; the lists below are kept small and general (kinds of
// place, not particular vendors) so they hold beyond the development set.
import { hostOf, parseHost, type HostParts } from '../shared/registrable-domain';
import { readRest, RestKind } from './link-rest';
import { remember } from '../shared/remember';
import { isAlnumCode, isLowerLetterCode, isSpaceCode } from './char-codes';

/** Kinds of link, one bit each. */
export const enum LinkKind {
  Any = 1,
  Shop = 2,
  Affiliate = 4,
  Shortener = 8,
  BioPage = 16,
  Messaging = 32,
  Crypto = 64,
  CheapDomain = 128,
  Video = 256,
  Invite = 512,
  /** Reference and news sites: a link to them is sharing, not selling. */
  Content = 1024,
  /** Campaign tracking (utm_…) of an unpaid medium: brands and newsrooms alike tag their links so. */
  Campaign = 2048,
}

export interface LinkReading {
  kinds: number;
  /** Registrable domain of the most telling link (for the evidence detail). */
  shopDomain: string;
  affiliateDomain: string;
  otherDomain: string;
  /**
   * The names of the sites linked that could be the poster's own (registrable labels of four
   * letters or more, hyphens dropped, space-separated): not platforms, news, reference, video,
   * shorteners, link-in-bio pages, messaging, invitations, token sites, shop platforms nor
   * non-profits' domains; not a site's jobs, documentation, support, security or status pages,
   * nor an article.
   */
  sites: string;
}

// Registrable domains (parseHost's `domain`), or the label before the suffix for sites with many
// country domains (amazon.de, ebay.co.uk). Kept as Sets: one lookup per link.
const SHOP_DOMAINS = new Set([
  'etsy.com', 'shopify.com', 'myshopify.com', 'gumroad.com', 'aliexpress.com', 'alibaba.com',
  'temu.com', 'shein.com', 'walmart.com', 'target.com', 'bestbuy.com', 'stan.store', 'payhip.com',
  'ko-fi.com', 'buymeacoffee.com', 'patreon.com', 'redbubble.com', 'teepublic.com', 'teespring.com',
  'depop.com', 'poshmark.com', 'mercari.com', 'whop.com', 'lemonsqueezy.com', 'sellfy.com',
  'bigcartel.com', 'square.site', 'onlyfans.com', 'fansly.com', 'fiverr.com', 'udemy.com',
  'eventbrite.com', 'ticketmaster.com', 'wish.com', 'dhgate.com', 'rakuten.com', 'flipkart.com',
  'lazada.com', 'shopee.com', 'mercadolibre.com', 'kickstarter.com', 'indiegogo.com',
  'dubclub.win', 'paidverts.com', 'appsumo.com', 'podia.com', 'kajabi.com', 'teachable.com',
  'thinkific.com', 'skool.com', 'substack.com',
]);
const SHOP_LABELS = new Set(['amazon', 'ebay', 'etsy', 'aliexpress', 'mercadolivre', 'shopee', 'lazada', 'zalando']);

/**
 * Where a paid click goes first: ad servers and click trackers, app-install attribution, and
 * affiliate networks' redirectors. A link through one is an ad's landing page or a commission,
 * as strong as a referral link. Kinds of place (the plumbing of paid links), not vendors; only
 * domains that serve nothing else (a network's own site, e.g. shareasale.com, is not here).
 * onelink.me and app.link lead to app stores: link.app-store reads them.
 */
const PAID_LINK_DOMAINS = new Set([
  // ad servers and click trackers
  'doubleclick.net', 'googleadservices.com', 'dartsearch.net', 'atdmt.com', 'everesttech.net',
  'adsrvr.org', 'flashtalking.com', 'serving-sys.com', 'adform.net',
  // app-install attribution
  'adj.st', 'sng.link',
  // affiliate networks' redirectors and creators' commission links
  'skimresources.com', 'redirectingat.com', 'linksynergy.com', 'anrdoezrs.net', 'jdoqocy.com',
  'dpbolvw.net', 'kqzyfj.com', 'tkqlhce.com', 'awin1.com', 'tidd.ly', 'prf.hn', 'pntra.com',
  'sjv.io', 'pxf.io', '7eer.net', 'fxo.co', 'rstyle.me', 'shopstyle.it', 'liketk.it', 'shop-links.co',
  'howl.me',
]);
/** Attribution trackers on a host of a company's own domain (adjust.com is also its site). */
const PAID_LINK_HOSTS = new Set(['app.adjust.com', 'app.appsflyer.com']);
/**
 * Ad click ids: an ad network adds one to its ad's landing page (Google gclid, gbraid, wbraid,
 * dclid; X twclid; Microsoft msclkid; TikTok ttclid; LinkedIn li_fat_id; Snap ScCid; Pinterest
 * epik). Facebook's fbclid is not one: Facebook adds it to any link clicked there.
 */
const AD_CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'dclid', 'twclid', 'msclkid', 'ttclid', 'li_fat_id', 'sccid', 'epik'];
/** Each as a query parameter: "?gclid=", "&gclid=", … */
const AD_CLICK_PARAMS = AD_CLICK_IDS.flatMap((id) => [`?${id}=`, `&${id}=`]);
/** A query parameter of AD_CLICK_IDS in a link's path and query (read by word: a regexp of them was 4 KB of the worker's native code). */
export function hasAdClickId(rest: string): boolean {
  if (rest.indexOf('=') < 0) return false;
  for (const param of AD_CLICK_PARAMS) if (rest.includes(param)) return true;
  return false;
}

const SHORTENERS = new Set([
  'bit.ly', 'bitly.com', 'tinyurl.com', 'goo.gl', 'ow.ly', 'buff.ly', 'dlvr.it', 'ift.tt', 'adf.ly',
  'is.gd', 'cutt.ly', 'rebrand.ly', 'shorturl.at', 'rb.gy', 'tiny.cc', 't.ly', 'bl.ink', 'lnkd.in',
  'amzn.to', 'amzn.eu', 's.id', 'shorte.st', 'ouo.io', 'linkvertise.com', 'po.st', 'j.mp', 'v.gd',
  'qrco.de', 'tr.ee', 'shrtco.de', 'clck.ru', 'u.to', 'urlz.fr', 'x.gd', 'hyperurl.co', 'geni.us',
]);
/** Shorteners that are known to lead to shops. */
const SHOP_SHORTENERS = new Set(['amzn.to', 'amzn.eu', 'geni.us']);

const BIO_PAGES = new Set([
  'linktr.ee', 'beacons.ai', 'lnk.bio', 'linkin.bio', 'bio.link', 'campsite.bio', 'taplink.cc',
  'allmylinks.com', 'hoo.be', 'solo.to', 'milkshake.app', 'carrd.co', 'msha.ke', 'koji.to',
  'tap.bio', 'withkoji.com', 'linkfly.to', 'snipfeed.co', 'flowcode.com', 'linkpop.com', 'lnk.to',
  'fanlink.to', 'hypeddit.com', 'toneden.io', 'biolinky.co', 'link.me', 'later.com', 'tr.ee',
]);

const MESSAGING = new Set([
  'wa.me', 'whatsapp.com', 't.me', 'telegram.me', 'telegram.org', 'telegram.dog', 'm.me',
  'signal.me', 'kik.me', 'line.me', 'wechat.com', 'snapchat.com',
]);
const INVITE_HOSTS = new Set(['discord.gg', 'chat.whatsapp.com', 'discord.com', 'discordapp.com']);

const CRYPTO = new Set([
  'pump.fun', 'dexscreener.com', 'dextools.io', 'birdeye.so', 'opensea.io', 'magiceden.io',
  'xrp.cafe', 'zora.co', 'uniswap.org', 'raydium.io', 'jup.ag', 'gmgn.ai', 'bullx.io', 'four.meme',
  'clanker.world', 'mint.fun', 'galxe.com', 'zealy.io', 'layer3.xyz', 'taskon.xyz', 'premint.xyz',
  'alphabot.app', 'bonk.fun', 'moonshot.money', 'pancakeswap.finance', 'sushi.com', 'coinmarketcap.com',
  'dexview.com', 'geckoterminal.com', 'photon-sol.tinyastro.io', 'believe.app', 'virtuals.io',
  'launchlab.fun', 'letsbonk.fun', 'tensor.trade', 'element.market', 'mintify.com', 'bankr.bot',
]);

// Places people link to when they share or cite something (code, papers, news, encyclopaedias).
const CONTENT = new Set([
  'github.com', 'gitlab.com', 'wikipedia.org', 'arxiv.org', 'medium.com', 'zenn.dev', 'qiita.com',
  'dev.to', 'stackoverflow.com', 'reddit.com', 'nytimes.com', 'bbc.co.uk', 'bbc.com', 'reuters.com',
  'apnews.com', 'theguardian.com', 'washingtonpost.com', 'cnn.com', 'theverge.com', 'wired.com',
  'techcrunch.com', 'bloomberg.com', 'ft.com', 'wsj.com', 'npr.org', 'nature.com', 'science.org',
  'nasa.gov', 'who.int', 'imdb.com', 'archive.org', 'mozilla.org', 'w3.org', 'ietf.org', 'python.org',
  'bitcointalk.org', 'x.ai', 'news.ycombinator.com', 'ycombinator.com', 'coindesk.com', 'theblock.co',
]);
const CONTENT_SUFFIXES = new Set(['gov', 'edu', 'ac.uk', 'gov.uk', 'int', 'mil']);
/** Governments' and universities' suffixes of every country: gov.in, gob.mx, gouv.fr, govt.nz, edu.au, ac.jp, go.jp. */
const PUBLIC_BODY_LABELS = new Set(['gov', 'gob', 'gouv', 'govt', 'mil', 'edu', 'ac', 'go']);
export function isPublicBodySuffix(suffix: string): boolean {
  const dot = suffix.indexOf('.');
  return dot > 0 && suffix.length - dot === 3 && isLowerLetterCode(suffix.charCodeAt(dot + 1)) && isLowerLetterCode(suffix.charCodeAt(dot + 2)) && PUBLIC_BODY_LABELS.has(suffix.slice(0, dot));
}

const VIDEO = new Set(['youtube.com', 'youtu.be', 'twitch.tv', 'tiktok.com', 'kick.com', 'rumble.com', 'vimeo.com']);

// Top-level domains that cost next to nothing and are favoured by drop-and-run promotion pages.
const CHEAP_TLDS = new Set([
  'xyz', 'lol', 'fun', 'cc', 'one', 'top', 'click', 'online', 'site', 'live', 'win', 'icu', 'vip',
  'buzz', 'monster', 'rest', 'cyou', 'cfd', 'sbs', 'ong', 'bond', 'mom', 'pw', 'tk', 'ml', 'ga',
  'cf', 'gq', 'fit', 'work', 'life', 'world', 'today', 'link', 'pro', 'club', 'xin', 'gift', 'claims',
]);
const SHOP_TLDS = new Set(['shop', 'store', 'shopping', 'sale', 'deals', 'market', 'boutique']);

/** Platforms whose name a post says about where a thing is, not whose thing it is ("on Spotify"). */
const PLATFORM_LABELS = new Set([
  'apple', 'google', 'microsoft', 'spotify', 'soundcloud', 'bandcamp', 'facebook', 'instagram',
  'threads', 'linkedin', 'pinterest', 'snapchat', 'bsky', 'mastodon', 'tumblr', 'notion', 'canva',
  'figma', 'dropbox', 'zoom', 'luma', 'meetup', 'calendly', 'typeform', 'forms', 'docs', 'drive',
  'wordpress', 'blogspot', 'wixsite', 'squarespace', 'beehiiv', 'ghost', 'huggingface', 'vercel',
  'netlify', 'npmjs', 'pypi', 'steampowered', 'steamcommunity', 'itch', 'imgur', 'giphy', 'flickr',
  'tableau', 'observablehq', 'kaggle', 'readthedocs', 'gitbook', 'greenhouse', 'lever', 'workable',
]);
/** Pages of a site that sell nothing: its jobs, documentation, support, security, legal and status pages ("Apply in: tendril.studio/careers"). */
const QUIET_PAGES = new Set(['career', 'careers', 'job', 'jobs', 'join-us', 'doc', 'docs', 'documentation', 'developer', 'developers', 'support', 'help', 'security', 'safety', 'trust', 'privacy', 'legal', 'terms', 'status']);
/**
 * A newsroom's or a writer's site, by its name ("harbourgazette.co.uk", "dailyledger.com") or by
 * the path of an article (dated, or under news, politics, blog…): an outlet naming itself informs.
 */
const NEWS_WORDS = ['news', 'times', 'post', 'gazette', 'herald', 'journal', 'tribune', 'daily', 'weekly', 'magazine', 'review', 'press', 'radio', 'tv', 'report', 'chronicle', 'observer', 'courier', 'inquirer', 'examiner', 'sentinel', 'register', 'ledger', 'digest', 'wire', 'insider', 'media', 'blog', 'podcast', 'zeitung', 'schau', 'nachrichten', 'kurier', 'blatt', 'noticias', 'diario', 'jornal', 'giornale', 'corriere', 'gazzetta', 'nieuws', 'nyheter', 'shimbun'];
/** Page names that open an article's path (a prefix: "/news-and-events", "/articles"). */
const ARTICLE_PAGES = ['news', 'politics', 'world', 'business', 'opinion', 'article', 'story', 'stories', 'blog', 'post', 'review', 'research', 'paper'];
/** The same as a site's first label ("careers.voltaris.com", "status.fernbank.com"). */
const QUIET_HOSTS = new Set(['career', 'careers', 'jobs', 'docs', 'developer', 'developers', 'support', 'help', 'status', 'security', 'trust', 'engineering', 'research']);
/** Suffixes of non-profits (museums, charities, associations): their own site informs more than it sells. */
const NON_PROFIT_SUFFIXES = new Set(['org', 'org.uk', 'org.au', 'org.nz', 'ngo', 'museum']);
/** Not a site of the poster's own, for `sites`. */
const NOT_OWN_SITE = LinkKind.Content | LinkKind.Video | LinkKind.Shortener | LinkKind.BioPage | LinkKind.Messaging | LinkKind.Invite | LinkKind.Crypto;

// Our own site's links (statuses, photos) are not outbound links.
const SELF_HOSTS = new Set(['x.com', 'twitter.com', 't.co', 'pic.twitter.com', 'pic.x.com']);

const COMMUNITY_PATH = /^(?:x|twitter)\.com\/i\/communities\//;

// Link-looking tokens in the text: DOM text shows links as display text ("tickets.b.tc/event/…",
// sometimes broken over lines after "https://"). parseHost then decides whether the suffix is real.
const TEXT_LINK = /(?:https?:\/\/\s*)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(\/[^\s"<>)\]]*)?/g;

function stripScheme(u: string): string {
  let s = u.trim().toLowerCase();
  const i = s.indexOf('://');
  if (i >= 0 && i < 10) s = s.slice(i + 3);
  if (s.startsWith('www.')) s = s.slice(4);
  return s;
}

// Hosts repeat across posts (youtube.com, amzn.to, a shop's own site), and reading one against
// the suffix list costs more than the rest of a link: the parts of recent hosts are kept. Bounded:
// when full it starts over (the classifier is pure: no clock, so no ages).
const HOST_CACHE_MAX = 512;
const hostCache = new Map<string, HostParts | null>();

/** parseHost of a host (what parseHost reads of a link is its host), remembered. */
function partsOf(host: string): HostParts | null {
  return remember(hostCache, HOST_CACHE_MAX, host, parseHost);
}

/** Classify one link (lowercased, scheme-less); `fromText` = found in text, so the suffix must be a real one. */
function readOne(link: string, fromText: boolean, out: LinkReading, seen: string[]): void {
  const hostname = hostOf(link);
  if (hostname === null) return;
  const r = partsOf(hostname);
  if (r === null || r.domain === null) return;
  const host = r.hostname;
  if (fromText && r.isIcann !== true) return;
  if (fromText && r.domainWithoutSuffix !== null && r.domainWithoutSuffix.length < 2 && r.subdomain === '') {
    // "b.tc" is real, "a.m" is not: single-letter registrable labels need a path to count.
    if (link.indexOf('/') < 0) return;
  }
  const domain = r.domain;
  if (seen.includes(link)) return;
  seen.push(link);
  const slash = link.search(/[/?#]/);
  const rest = slash >= 0 ? link.slice(slash) : '';
  if (SELF_HOSTS.has(domain) || SELF_HOSTS.has(host)) {
    if (COMMUNITY_PATH.test(link)) out.kinds |= LinkKind.Invite | LinkKind.Any;
    return;
  }
  let kinds = LinkKind.Any;
  const label = r.domainWithoutSuffix ?? '';
  const suffix = r.publicSuffix ?? '';
  const says = rest ? readRest(rest) : 0;
  if (SHOP_DOMAINS.has(domain) || SHOP_LABELS.has(label) || SHOP_SHORTENERS.has(domain) || SHOP_TLDS.has(suffix) || says & RestKind.Shop) {
    kinds |= LinkKind.Shop;
    if (!out.shopDomain) out.shopDomain = domain;
  }
  if (PAID_LINK_DOMAINS.has(domain) || PAID_LINK_HOSTS.has(host) || says & (RestKind.Affiliate | RestKind.PaidMedium) || (rest && hasAdClickId(rest))) {
    kinds |= LinkKind.Affiliate;
    if (!out.affiliateDomain) out.affiliateDomain = domain;
  } else if (says & RestKind.Campaign) kinds |= LinkKind.Campaign;
  if (SHORTENERS.has(domain)) kinds |= LinkKind.Shortener;
  if (BIO_PAGES.has(domain)) kinds |= LinkKind.BioPage;
  if (MESSAGING.has(domain)) kinds |= LinkKind.Messaging;
  if (INVITE_HOSTS.has(host) || INVITE_HOSTS.has(domain)) {
    if (domain !== 'discord.com' && domain !== 'discordapp.com') kinds |= LinkKind.Invite;
    else if (rest.startsWith('/invite')) kinds |= LinkKind.Invite;
  }
  if (CRYPTO.has(domain) || CRYPTO.has(host) || says & RestKind.Crypto) kinds |= LinkKind.Crypto;
  if (CHEAP_TLDS.has(suffix)) kinds |= LinkKind.CheapDomain;
  if (VIDEO.has(domain)) kinds |= LinkKind.Video;
  if (CONTENT.has(domain) || CONTENT.has(host) || CONTENT_SUFFIXES.has(suffix) || isPublicBodySuffix(suffix)) kinds |= LinkKind.Content;
  if (!out.otherDomain) out.otherDomain = domain;
  const name = ownSiteName(r, kinds, rest);
  if (name && !(' ' + out.sites + ' ').includes(' ' + name + ' ')) out.sites = out.sites ? `${out.sites} ${name}` : name;
  out.kinds |= kinds;
}

/** The name of a linked site that could be the poster's own (LinkReading.sites), hyphens dropped; '' when it cannot be. */
function ownSiteName(r: HostParts, kinds: number, rest: string): string {
  const label = r.domainWithoutSuffix ?? '';
  if ((kinds & NOT_OWN_SITE) !== 0 || label.length < 4) return '';
  if (PLATFORM_LABELS.has(label) || SHOP_LABELS.has(label) || SHOP_DOMAINS.has(r.domain ?? '') || NON_PROFIT_SUFFIXES.has(r.publicSuffix ?? '')) return '';
  if (NEWS_WORDS.some((w) => label.includes(w)) || QUIET_HOSTS.has(firstLabel(r.subdomain)) || pageKind(rest) !== '') return '';
  const name = label.indexOf('-') >= 0 ? label.replace(/-/g, '') : label;
  return name.length >= 4 ? name : '';
}

/**
 * Read every link of a post: the `urls` given by the reader, the card link, and link-looking
 * text. `textLower` is the post text, lowercased. Returns a fresh reading.
 */
export function readLinks(urls: readonly string[], cardUrl: string | undefined, textLower: string): LinkReading {
  const out: LinkReading = { kinds: 0, shopDomain: '', affiliateDomain: '', otherDomain: '', sites: '' };
  const seen: string[] = [];
  for (let i = 0; i < urls.length; i++) {
    const u = urls[i];
    if (u) readOne(cleanLink(u), false, out, seen);
  }
  if (cardUrl) readOne(cleanLink(cardUrl), false, out, seen);
  // The caller passes '' when the text has no dot between word characters (no link to find).
  if (textLower && HAS_DOT_WORD.test(textLower)) {
    TEXT_LINK.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((TEXT_LINK.lastIndex = linkSearchStart(textLower, TEXT_LINK.lastIndex)) >= 0 &&
      (m = TEXT_LINK.exec(textLower)) !== null && guard++ < 12) {
      const link = m[1] + (m[2] ?? '');
      // "CLAUDE.md", "main.py", "build.sh": a file's name, not a site (see FILE_SUFFIXES).
      if (m[0].length === link.length && link.indexOf('/') < 0 && isFileName(link)) continue;
      // Links already given by the reader show up again as display text: skip exact repeats.
      if (!seen.includes(link) && !alreadyCovered(seen, link)) readOne(link, true, out, seen);
    }
  }
  return out;
}
const HAS_DOT_WORD = /[a-z0-9]\.[a-z]{2}/;

/**
 * Suffixes that are real domain endings and also the endings of files people name in posts
 * ("update your CLAUDE.md", "run setup.sh", "backup.zip"): Moldova's .md, Paraguay's .py, Saint
 * Helena's .sh, Serbia's .rs (Rust), Google's .zip and .mov. Written in the text bare — no
 * "https://", no "www.", no path — such a name is read as a file, as X's own linkifier leaves a
 * country ending without a scheme or a path as plain text ("CLAUDE.md"). With any of those it is
 * a link as any other. Not .pl, .so or .ml: shops, startups (notion.so) and free scam domains use
 * them far more than posts name Perl, library or OCaml files.
 */
const FILE_SUFFIXES: ReadonlySet<string> = new Set(['md', 'py', 'sh', 'rs', 'zip', 'mov']);

function isFileName(host: string): boolean {
  const dot = host.lastIndexOf('.');
  return dot > 0 && FILE_SUFFIXES.has(host.slice(dot + 1));
}

function isLabelChar(c: number): boolean {
  return isAlnumCode(c) || c === 45;
}

/**
 * Where TEXT_LINK can first match at or after `from`, or -1 if it cannot: starting the search
 * there gives the same match as starting at `from`, without trying the regex at every position
 * of the words before. A match holds a dot right after a letter or digit (after "www" or a label),
 * and before its first dot only "http(s)://", spaces and then label characters. So it starts no
 * earlier than the label characters before the first such dot, or the "http(s)://" and spaces
 * right before those.
 */
function linkSearchStart(s: string, from: number): number {
  let d = from;
  for (;;) {
    d = s.indexOf('.', d + 1);
    if (d < 0) return -1;
    if (d - 1 >= from && isLabelChar(s.charCodeAt(d - 1)) && s.charCodeAt(d - 1) !== 45) break;
  }
  let q = d - 1;
  while (q > from && isLabelChar(s.charCodeAt(q - 1))) q--;
  // "http://" or "https://", then maybe spaces, right before the label characters.
  let r = q;
  while (r > from && isSpaceCode(s.charCodeAt(r - 1))) r--;
  if (r - 3 >= from && s.startsWith('://', r - 3)) {
    r -= 3;
    if (r - 1 >= from && s.charCodeAt(r - 1) === 115) r--;
    if (r - 4 >= from && s.startsWith('http', r - 4)) return r - 4;
  }
  return q;
}

function alreadyCovered(seen: string[], link: string): boolean {
  // Display text is often a truncated prefix of the expanded link ("example.com/very-lo…").
  const trimmed = link.replace(/[….]+$/, '');
  for (const s of seen) if (s.startsWith(trimmed)) return true;
  return false;
}

/** Links from HTML-ish sources can carry markup after them (`…">text</a>`): cut at the first such character. */
export function cleanLink(u: string): string {
  let s = stripScheme(u);
  const cut = s.search(/["<>\s\ufeff]/);
  if (cut >= 0) s = s.slice(0, cut);
  return s.replace(/&amp;/g, '&');
}

/** What the links in a profile's bio say about the account: a store, a link-in-bio page, a chat app, or nothing. */
export interface BioLinks {
  kind: 'store' | 'linkpage' | 'messaging' | '';
  /** The domain that tells it (for reasons and evidence). */
  domain: string;
}

const NO_BIO_LINKS: BioLinks = { kind: '', domain: '' };
let lastBioUrls: readonly string[] | undefined;
let lastBioLinks: BioLinks = NO_BIO_LINKS;

/** The one bio-link classifier (post evidence and author reasons both use it). Pure; remembers its last answer. */
export function readBioLinks(urls: readonly string[] | undefined): BioLinks {
  if (!urls || urls.length === 0) return NO_BIO_LINKS;
  if (urls === lastBioUrls) return lastBioLinks;
  const l = readLinks(urls, undefined, '');
  let out = NO_BIO_LINKS;
  if (l.kinds & (LinkKind.Shop | LinkKind.Affiliate)) out = { kind: 'store', domain: l.shopDomain || l.affiliateDomain || l.otherDomain };
  else if (l.kinds & LinkKind.BioPage) out = { kind: 'linkpage', domain: l.otherDomain };
  else if (l.kinds & LinkKind.Messaging) out = { kind: 'messaging', domain: l.otherDomain };
  lastBioUrls = urls;
  lastBioLinks = out;
  return out;
}

// The readers of a site's names and pages above, by word: as regexps they were about 50 KB of the
// background worker's native code (issue 12), and they run on every link.

function isDigits(s: string): boolean {
  if (!s) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A subdomain's first label, "www." skipped: "careers" of "www.careers.x". */
function firstLabel(subdomain: string): string {
  const s = subdomain.startsWith('www.') ? subdomain.slice(4) : subdomain;
  const dot = s.indexOf('.');
  return dot >= 0 ? s.slice(0, dot) : s === 'www' ? '' : s;
}

/** The path segment of `rest` that starts at `from`, up to the next "/", "?" or "#". */
function segmentEnd(rest: string, from: number): number {
  let e = from;
  while (e < rest.length) {
    const c = rest.charCodeAt(e);
    if (c === 47 || c === 63 || c === 35) break;
    e++;
  }
  return e;
}

/** A language in a path: "de", "en-us". */
function isLanguage(seg: string): boolean {
  const c = (i: number) => isLowerLetterCode(seg.charCodeAt(i));
  return (seg.length === 2 && c(0) && c(1)) || (seg.length === 5 && c(0) && c(1) && seg[2] === '-' && c(3) && c(4));
}

/**
 * What a site's page is by its path (`rest`: "/…", lowercase), its first segment or, after a
 * language ("/de/…"), its second: 'quiet' for a page that sells nothing (jobs, documentation,
 * support, security, legal, status: "/careers", "/docs.html"), 'article' for an article (a segment
 * opening with news, blog, story…, or a date "/2024/05/"), else ''.
 */
export function pageKind(rest: string): 'quiet' | 'article' | '' {
  if (rest.charCodeAt(0) !== 47) return '';
  const end = segmentEnd(rest, 1);
  const kind = segmentKind(rest, 1, end);
  if (kind || rest.charCodeAt(end) !== 47 || !isLanguage(rest.slice(1, end))) return kind;
  return segmentKind(rest, end + 1, segmentEnd(rest, end + 1));
}

function segmentKind(rest: string, from: number, end: number): 'quiet' | 'article' | '' {
  const seg = rest.slice(from, end);
  const dot = seg.indexOf('.');
  if (QUIET_PAGES.has(dot >= 0 ? seg.slice(0, dot) : seg)) return 'quiet';
  for (const page of ARTICLE_PAGES) if (seg.startsWith(page)) return 'article';
  if (seg.length === 4 && isDigits(seg) && rest.charCodeAt(end) === 47) {
    const next = segmentEnd(rest, end + 1);
    if (next - end - 1 <= 2 && isDigits(rest.slice(end + 1, next)) && rest.charCodeAt(next) === 47) return 'article';
  }
  return '';
}
