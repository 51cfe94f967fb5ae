// Every piece of evidence the classifier reads in a post, declared once: its name, its reason
// group, what finds it (a pattern with its trigger words, or a function), what it says to a
// person, and how its weight is set (fitted toward a prior, capped, or set by hand).
//
//   RULES ──> features.ts: the feature vector x[i] (i = the rule's place here), trigger table, windows
//        ──> post.ts: the weight vector (FITTED_WEIGHTS by name, or the rule's hand weight)
//        ──> author.ts: per-author counts by reason group, and the group's phrase
//        ──> scripts/fit-weights.ts: which weights to fit, their priors, caps and signs
//
// Adding evidence: append one record to RULES (never reorder: the order is the weight vector's
// layout and the evidence's tie order), add a row to test/unit/classifier/tables.ts, refit.
// Rules describe general selling behaviour (calls to action, promo vocabulary, kinds of link,
// crypto intent, engagement bait), not particular accounts or words of one data set.
import type { AuthorProfile, TweetFacts } from '../shared/types';
import { LinkKind, readBioLinks, type LinkReading } from './links';
import { quoteTopWords, textScore } from './text-model';
import { compactRegExp } from './regexp-code';
import { isSchedulerApp } from './posting-apps';
import { isAlnumCode, isLowerLetterCode, isSpaceCode, isWordCode } from './char-codes';

/**
 * Reason groups counted per author, in a fixed order (the layout of `AuthorState.groups`:
 * append only), each with how it is told for [one post, several posts]: "1 of 7 posts carried
 * a shop link", "5 of 7 posts carried shop links". Most telling groups come first.
 */
export const COUNTED_GROUPS = [
  ['ad', 'was promoted (an ad)', 'were promoted (ads)'],
  ['shop', 'carried a shop link', 'carried shop links'],
  ['affiliate', 'carried an affiliate or referral link', 'carried affiliate or referral links'],
  ['linkpage', 'pointed to a link-in-bio page', 'pointed to link-in-bio pages'],
  ['messaging', 'sent readers to WhatsApp or Telegram', 'sent readers to WhatsApp or Telegram'],
  ['recovery', 'offered "fund recovery" help, a common scam', 'offered "fund recovery" help, a common scam'],
  ['crypto', 'pushed tokens, mints or airdrops', 'pushed tokens, mints or airdrops'],
  ['code', 'offered a discount code or deal', 'offered discount codes or deals'],
  ['giveaway', 'ran a giveaway', 'ran giveaways'],
  ['bait', 'asked for likes, reposts or follows', 'asked for likes, reposts or follows'],
  ['selfpromo', 'asked readers to subscribe to or check out their channel', 'asked readers to subscribe to or check out their channel'],
  ['money', 'promised money or profits', 'promised money or profits'],
  ['sponsored', 'was marked sponsored (#ad)', 'were marked sponsored (#ad)'],
  ['cta', 'carried a call to action (DM me, sign up, link in bio)', 'carried calls to action (DM me, sign up, link in bio)'],
  ['invite', 'invited readers to a group or community', 'invited readers to a group or community'],
  ['shortener', 'hid a link behind a shortener', 'hid links behind shorteners'],
  ['scheduler', 'was posted through a scheduling app', 'were posted through a scheduling app'],
  ['hashtags', 'was stuffed with hashtags', 'were stuffed with hashtags'],
  ['promo', 'read like marketing copy', 'read like marketing copy'],
  ['links', 'carried an outside link', 'carried outside links'],
  // Appended in version 2 of the state.
  ['adult', 'offered adult content', 'offered adult content'],
  // Appended with the learned text component and the marketing rules (state groups may be shorter: read as 0).
  ['adcopy', 'read like ad copy', 'read like ad copy'],
  ['offer', 'made an offer (a price, a trial, tickets on sale)', 'made offers (prices, trials, tickets on sale)'],
  ['brand', 'spoke as a brand about its product', 'spoke as a brand about its products'],
] as const;

/** How a rule is told in a reason: a counted group above, or talk / the profile (told elsewhere). */
export type ReasonGroup = (typeof COUNTED_GROUPS)[number][0] | 'talk' | 'profile';

/** What a rule may read: the post, the author's profile, the text and the scan of its words. */
export interface PostView {
  tweet: TweetFacts;
  profile: AuthorProfile | undefined;
  /** The text as written (NFKC when it used styled look-alike letters). */
  text: string;
  /** Lowercase, whitespace runs collapsed to one space: what patterns run on. */
  t: string;
  /**
   * The same characters as `t`, as first made (`t` is a two-byte copy, for the regexes: see
   * features.ts): what to read character by character, which is quicker on a plain string.
   */
  lower: string;
  links: LinkReading;
  /** Features found so far (rules before this one), by rule index: see `has`. */
  x: Float64Array;
  /** Facts gathered in the one pass over the words (features.ts). */
  longestWord: number;
  longestDigits: number;
  letters: number;
  upper: number;
  currency: boolean;
  symbols: boolean;
  /** A trademark sign (® ™ ℠) somewhere in the text. */
  marks: boolean;
}

export interface Rule {
  /** Stable name: the key of the rule's weight and of its evidence. */
  name: string;
  group: ReasonGroup;
  /** What one post carrying it shows, in plain words ("a shop link"). */
  says: string;
  /** The fit pulls the weight toward this (domain knowledge; 0 when absent). */
  prior?: number;
  /** Upper bound of the fitted weight. */
  cap?: number;
  /** Weight set by hand, not fitted: the development set cannot show this fact. */
  hand?: number;
  /**
   * A pattern run on the lowercase text, only when one of its trigger words is there (every
   * alternative must contain one as a whole word: features.test.ts checks), and only around them.
   */
  pattern?: RegExp;
  triggers?: readonly string[];
  /** The pattern runs on the original text, case kept, and over all of it (no window). */
  raw?: boolean;
  /** No window either, and these facts open the gate too (besides the trigger words). */
  opens?: (v: PostView) => boolean;
  /** Found when the text holds at least `min` (default 1) of these words (no pattern). */
  words?: readonly string[];
  min?: number;
  /** A precondition checked first. */
  when?: (v: PostView) => boolean;
  /** Found also when the pattern is not. */
  or?: (v: PostView) => boolean;
  /** Or a function finds it (no pattern, no words). */
  find?: (v: PostView) => boolean;
  /** Or a function gives its value (a real number; 0 = absent). */
  value?: (v: PostView) => number;
  /** A short detail for the evidence: what the pattern matched, or a function of the post. */
  detail?: 'match' | ((v: PostView) => string);
}

const link = (kind: LinkKind) => (v: PostView) => (v.links.kinds & kind) !== 0;
const noLink = (v: PostView) => (v.links.kinds & LinkKind.Any) === 0;
/** Whether an earlier rule was found in this post (by its index: see the I_ constants below RULE_INDEX). */
const has = (v: PostView, i: number) => v.x[i]! !== 0;

/** Kana: the text has Japanese in it (text.offer-abroad reads Japanese offers only then). */
const RE_KANA = /[\u3040-\u30ff]/;
/**
 * Japanese offer phrases (free shipping, a discount coupon, "% off", a limited-time sale or price,
 * buy or book now, on sale now), looked up as they are rather than compiled into one more regexp.
 */
const JA_OFFERS: readonly string[] = ['送料無料', '割引クーポン', 'クーポンコード', '%off', '％off', '% off', '%オフ', '％オフ', '期間限定セール', '期間限定価格', '期間限定割引', '期間限定特価', '今すぐ購入', '今すぐ予約', '今すぐ登録', '今すぐダウンロード', '好評発売中', '予約受付中', 'セール開催中', '半額セール'];

/** A discount as a share, "20 % Rabatt", "30% de descuento" (after a number: the text has a "%"). */
const PERCENT_ABROAD: readonly string[] = ['% rabatt', '% korting', '% sparen', '% de descuento', '% de desconto', '% di sconto', '% de réduction', '% de reduction'];

/**
 * What text.offer-abroad reads besides its phrases: a discount as a share, and Japanese offers.
 * Looked up as strings, not by a regexp: its phrases leave none to compile (V8 kept 6 KB of native
 * code for `\d{1,2} ?% (?:rabatt|…)` alone in the worker).
 */
function offerAbroadBeyondPhrases(v: PostView): boolean {
  const t = v.t;
  if (t.includes('%')) for (const w of PERCENT_ABROAD) if (t.includes(w)) return true;
  // Kana are symbols to the word scan (code ≥ 0x2190): most posts have none, and skip the regexp.
  if (!v.symbols || !RE_KANA.test(v.text)) return false;
  for (const w of JA_OFFERS) if (t.includes(w)) return true;
  return false;
}

/** The rule table. Order is the layout of the weight vector: append, never reorder, without refitting. */
export const RULES: readonly Rule[] = [
  // --- links ---
  {
    name: 'link.any', group: 'links', says: 'an outside link',
    // In the development set links are nearly all spam (its news posts lost theirs), so a fitted
    // weight would make every shared article "selling"; on X most links are not.
    hand: 0.8, find: link(LinkKind.Any), detail: (v) => v.links.otherDomain,
  },
  { name: 'link.shop', group: 'shop', says: 'a shop link', prior: 1.5, find: link(LinkKind.Shop), detail: (v) => v.links.shopDomain },
  { name: 'link.affiliate', group: 'affiliate', says: 'an affiliate or referral link', prior: 2.0, find: link(LinkKind.Affiliate), detail: (v) => v.links.affiliateDomain },
  { name: 'link.shortener', group: 'shortener', says: 'a link behind a shortener', find: link(LinkKind.Shortener) },
  { name: 'link.bio-page', group: 'linkpage', says: 'a link-in-bio page', prior: 0.8, find: link(LinkKind.BioPage) },
  { name: 'link.messaging', group: 'messaging', says: 'a WhatsApp or Telegram link', find: link(LinkKind.Messaging) },
  { name: 'link.crypto', group: 'crypto', says: 'a token or exchange link', find: link(LinkKind.Crypto) },
  { name: 'link.cheap-domain', group: 'links', says: 'a link to a throwaway domain', find: link(LinkKind.CheapDomain) },
  { name: 'link.video', group: 'selfpromo', says: 'a video link', find: link(LinkKind.Video) },
  { name: 'link.invite', group: 'invite', says: 'an invitation to a group', find: link(LinkKind.Invite) },
  { name: 'link.bare', group: 'links', says: 'little but a link', find: (v) => (v.links.kinds & LinkKind.Any) !== 0 && isBareLink(v.text) },
  { name: 'link.content', group: 'talk', says: 'a link to a reference or news site', find: link(LinkKind.Content) },
  {
    name: 'link.with-ask', group: 'cta', says: 'a link with an ask to go there', cap: 1.2, when: link(LinkKind.Any),
    // Words that ask the reader to go somewhere; with a link, the post sends traffic.
    pattern: /\b(?:please|pls|plz|click|tap|visit|go (?:to|here|check)|(?:listen|vote|join|register|download)\b|like (?:this|my|our) (?:page|video|post)|follow (?:this|my|our|him|her)|check (?:this|it|out|here)|help (?:me|us))\b/,
    triggers: LINK_ASK_WORDS(),
  },
  {
    // Small-business and product ad copy.
    name: 'text.product-pitch', group: 'promo', says: 'shop copy (handmade, in stock, worldwide shipping)', prior: 1.0,
    pattern: /\b(?:high[- ]quality|hand[- ]?made|handcrafted|crafted (?:from|with|by)|perfect (?:gift|for (?:any|every|your))|makes? a great gift|premium (?:quality|materials?)|custom(?:i[sz]ed)? (?:\w+ )?(?:made|engraved|printed|designs?|orders?)|our (?:customers|clients|products?|services?|collection|shop|store)|call us|free (?:delivery|trial|consultation|quote)|in stock|best (?:price|deals?|rates)|affordable|we (?:offer|provide|deliver|sell|ship)|solutions? for (?:your|all)|(?:book|schedule) (?:a|your) (?:demo|call|consultation|appointment)|(?:designed|built|made|perfect|ideal) for (?:home chefs|(?:e-?comm\w* )?brands|agencies|creators|founders|businesses|marketers|startups)|for (?:e-?comm\w* )?brands and agencies|(?:worldwide|international|nationwide|fast|express|same[- ]day|next[- ]day) (?:shipping|delivery)|ships? (?:worldwide|internationally|for free|free|within \d|in \d+ (?:business )?days)|(?:dm|message|inbox|contact) (?:me |us )?for (?:the )?(?:prices?|pricing|rates))\b/,
    triggers: ['high', 'hand', 'handmade', 'handcrafted', 'crafted', 'perfect', 'premium', 'custom', 'customized', 'customised', 'call', 'stock', 'affordable', 'solution', 'solutions', 'book', 'schedule', 'chefs', 'brands', 'agencies', 'creators', 'founders', 'businesses', 'marketers', 'startups', 'gift', 'customers', 'clients', 'product', 'products', 'services', 'service', 'collection', 'shop', 'store', 'delivery', 'trial', 'consultation', 'quote', 'price', 'deal', 'deals', 'rates', 'offer', 'provide', 'deliver', 'sell', 'ship', 'ships', 'shipping', 'prices', 'pricing'],
  },
  {
    // Also the ask in Spanish, Portuguese, German and French ("mándame md", "precios por dm", "me chama no direct",
    // "schreib mir eine DM", "infos en mp"); a DM told of ("me lo dijo por dm") is not an ask. Accented
    // words spelt both ways, so that these stay phrases (phrases.ts; as classes, 14 KB of native code).
    name: 'text.contact-dm', group: 'cta', says: 'an ask to DM or message',
    pattern: /\b(?:dmm? (?:me|us|for|now|to|if (?:interested|you'?re interested))|(?:send|drop) (?:me |us )?(?:a |an )?(?:dm|message)|message (?:me|us) (?:for|on|to|now)|inbox (?:me|us)|(?:reach out|contact (?:me|us)?) (?:via|on|through|by) (?:dm|whatsapp|telegram)|(?:reach out|message|contact|write)(?: us| me)? via dm\b|(?:whats ?app|telegram|call|text)(?: me| us)?\s*[:+]|text (?:me|us) (?:at|on)|contact (?:me|us) (?:for|at|on)|(?:dm|message|contact(?:ing)?|reach(?:ing)? out to|write to|text) @\w|(?:mandame|mándame|mandenme|mándenme|me mandan|enviame|envíame|escribeme|escríbeme)(?: (?:un|al|por))? (?:md|dm|privado|mensaje)\b|(?:info|infos|informacion|información|informacoes|informações|precio|precios|preco|preço|precos|preços|pedido|pedidos|prix|commande|commandes) (?:por|al|x|no|na|en) (?:md|dm|privado|direct|pv|inbox|mp|priv[eé])\b|chama (?:no|na) (?:dm|direct|pv|privado|inbox)\b|(?:schreib|schreibt) (?:mir|uns) (?:eine |per )?(?:dm|pn|nachricht)\b|(?:envoie|envoyez)(?:-moi| moi)? (?:un )?(?:dm|mp|message)\b)/,
    triggers: ['dm', 'dmm', 'send', 'drop', 'message', 'inbox', 'reach', 'reaching', 'contact', 'contacting', 'whatsapp', 'whats', 'telegram', 'call', 'text', 'write', 'md', 'privado', 'mensaje', 'direct', 'pv', 'mp', 'priv', 'pn', 'nachricht'],
    or: (v) => v.longestDigits >= 10 && RE_PHONE.test(v.t),
  },
  {
    // Also the same ask in Spanish, Portuguese and French ("link en bio", "link na bio", "lien en bio", "link abajo").
    name: 'text.link-cta', group: 'cta', says: '"link in bio" or "click the link"', prior: 1.2,
    pattern: /\b(?:links? (?:is |are )?(?:in|on) (?:my |the |our )?(?:bio|profile)|(?:my|this|the) (?:referral|invite|affiliate) link|(?:through|use|via|with) my link|links? (?:below|in (?:the )?(?:comments?|replies|thread))|click (?:on )?(?:the |my |this )?(?:link|here|below)|tap (?:the )?link|(?:visit|go to) (?:my|our|the) (?:link|website|site|page|store|shop)|check (?:the )?link|see (?:the )?link|details? (?:in|at) (?:the )?link|official link|(?:link|enlace|lien)s? (?:(?:en|na|no|dans) (?:la |ma |mi |meu |minha )?(?:bio|perfil)|abajo|abaixo|ci-dessous))\b/,
    triggers: ['link', 'links', 'enlace', 'enlaces', 'lien', 'liens', 'click', 'tap', 'website', 'site', 'page', 'store', 'shop'],
  },
  {
    name: 'text.signup-cta', group: 'cta', says: 'a call to sign up, order or buy', prior: 0.8,
    pattern: /\b(?:(?<!\bno |without )sign ?up|register(?: now| here| today|:)|join (?:now|today|us(?! in (?:wishing|congratulating|welcoming|celebrating|remembering|honou?ring|thanking))|here|(?:the|our|my)(?! team\b)|free)|subscribe (?:now|today|here)|order (?:now|today|yours|here)|pre-?orders?|shop (?:now|today|the|our|here)|buy (?:now|today|here|yours|it)|book (?:now|today|yours|a)|get (?:yours|started|it now|access|your (?:copy|tickets?|pass|spot))|grab (?:yours|your|a|one)|learn more|try (?:it|for free|now|today)|download (?:now|today|the app|free)|apply now|claim (?:yours|your|now|it)|secure your|reserve your|enroll|save your spot|don'?t miss (?:out|it))\b/,
    triggers: ['sign', 'signup', 'register', 'join', 'subscribe', 'order', 'pre', 'preorder', 'shop', 'buy', 'book', 'get', 'grab', 'learn', 'try', 'download', 'apply', 'claim', 'secure', 'reserve', 'enroll', 'save', 'miss', 'preorders'],
  },
  {
    name: 'text.self-promo', group: 'selfpromo', says: 'an ask to subscribe to or check out a channel',
    pattern: /\b(?:check (?:out )?(?:my|our)(?! (?:new |latest )?(?:blog|post|article|essay|thread|newsletter|paper|write-?up|piece|talk|slides)\b)|(?:subscribe|sub) (?:to )?(?:my|our)|my (?:channel|music video|mixtape|page|playlist|store|shop|ebook|course)|visit (?:my|our)|follow (?:me|my|our)\b(?! on this)|check out this (?:video|playlist|channel)|please (?:subscribe|check|share|support|visit)|(?:like|share) (?:and|&) subscribe|support (?:my|me|our)|give (?:me|my|it) a (?:chance|listen|try)|su(?:b?s|b)?cri(?:be|b)\b|my (?:gaming |youtube |music )?channel|i subscribe back|sub ?4 ?sub|help me (?:get|reach)|watch my|(?:made|started) a (?:\w+ )?channel|check (?:me|men) out)\b/,
    triggers: SELF_PROMO_WORDS(),
  },
  {
    name: 'text.discount-code', group: 'code', says: 'a discount code or deal', prior: 2.0, detail: 'match',
    pattern: /\b(?:use (?:my |the |promo |discount |coupon )?code|promo ?code|(?<!\bzero[- ])coupon|discount(?:ed)?|voucher|\d{1,2} ?% off|(?:save|get|take) (?:up to )?(?:\$\d+|\d+ ?%)|free shipping|off your (?:first )?order|code\s*[:"'“]\s*[a-z0-9]{3,}|bogo|half price|(?:hot|daily|best|exclusive|black friday) deals?\b|deal of the day|buy one,? get one|(?:flash|clearance|warehouse|mega|summer|winter|spring|holiday|black friday|cyber monday|boxing day|biggest) sale\b)/,
    triggers: ['use', 'promo', 'promocode', 'coupon', 'discount', 'discounted', 'voucher', 'off', 'save', 'get', 'take', 'code', 'bogo', 'half', 'deal', 'deals', 'shipping', 'buy', 'sale'],
  },
  {
    name: 'text.urgency', group: 'promo', says: 'a deadline or scarcity ("ends tonight", "only 10 left")', prior: 1.0,
    pattern: /\b(?:limited(?:[ -]time| spots?| offer|[ -]edition| supply)|hurry|act fast|act now|last chance|ends (?:soon|tonight|today|in|at)|(?:only|just) \d+ (?:left|spots?|remaining|hours?|days?)|today only|while (?:supplies|stocks?) last|first (?:come|\d+)|before it'?s (?:gone|too late)|before it ends|(?:till|until) midnight|don'?t (?:wait|be late|be left|be sidelined)|price (?:goes up|increases?|is gone)|sell(?:ing)? out|almost sold|(?:permanently )?increase in|final hours|countdown|(?:sale|offer|deal|promo|discount)s? ends)\b/,
    triggers: ['limited', 'hurry', 'act', 'last', 'ends', 'today', 'while', 'first', 'before', 'till', 'until', 'price', 'sell', 'selling', 'almost', 'permanently', 'increase', 'final', 'countdown', 'left', 'spot', 'spots', 'remaining', 'hours', 'hour', 'days', 'day', 'wait', 'late', 'sidelined'],
  },
  {
    name: 'text.price', group: 'promo', says: 'a price', prior: 0.8,
    pattern: /(?:[$€£¥]\s?\d[\d,.]*\s?(?:\/\s?(?:mo|month|yr|year)|only|usd)?|\b\d[\d,.]* (?:usd|dollars|eur|euros)\b|\b(?:only|just|for) [$€£]\d|\bper (?:month|hour|day)\b)/,
    triggers: ['usd', 'dollars', 'eur', 'euros', 'per'],
    opens: (v) => v.currency,
  },
  {
    name: 'text.giveaway', group: 'giveaway', says: 'a giveaway',
    pattern: /\b(?:give ?aways?|giving away|chance to win|win (?:a|an|free|\d+ (?!(?:\w+ )?(?:awards?|titles?|games?|matches|races?|championships?|rings?|medals?|cups?|trophies|times|straight|in a row|seasons?)\b))|winners? (?:will be|announced|gets?|in \d)|raffle|sweepstakes|how to enter|to enter(?: the (?:giveaway|raffle|draw|contest)|[:,])|prize pool|prizes? (?:worth|of|include)|win \$|lucky (?:winner|person|\d)|random winner)\b/,
    triggers: ['give', 'giveaway', 'giveaways', 'giving', 'chance', 'win', 'winner', 'winners', 'raffle', 'sweepstakes', 'enter', 'prize', 'prizes', 'lucky', 'random'],
  },
  {
    name: 'text.engagement-bait', group: 'bait', says: 'an ask for likes, reposts or follows',
    pattern: /\b(?:like\s*(?:&|and|\+|,)\s*(?:rt|retweet|repost|share|follow|comment)|(?:rt|retweet|repost)\s*(?:&|and|\+|,)\s*(?:follow|like)|follow\s*(?:&|and|\+|,)\s*(?:rt|retweet|like)|tag \d+ (?:friends?|people)|tag (?:a|your) friends?|comment ['"“]?done|drop (?:your|ur) (?:\$?[a-z]+ )?(?:wallet|address|addy|handle|link)|wallet address in|follow ?back|f4f|ifb|follow ?train|gain (?:followers|\d+)|(?:like|thumbs up) (?:this|my) comment|if (?:you|u) (?:like|want)[^.!?]{0,40}\b(?:like|follow|retweet|subscribe)\b|turn on notifications|(?:please )?share (?:this|it|to vote)|vote for|give (?:it|me|us) a like|who(?:'s| is) (?:online|active)|follow (?:everyone|all) (?:who|that))/,
    triggers: ['like', 'rt', 'retweet', 'repost', 'follow', 'followback', 'followtrain', 'tag', 'comment', 'drop', 'wallet', 'f4f', 'ifb', 'gain', 'turn', 'share', 'vote', 'give', 'online', 'active', 'want'],
  },
  {
    name: 'text.token-launch', group: 'crypto', says: 'a token launch or mint',
    pattern: /\b(?:(?:get in|buy) (?:before|early|now)|before the pump|deploy(?:ed|ing)?\b[^.!?\n]{0,60}\b(?:tokens?|coins?|ticker|fees?|supply|logo|image|name)|ticker\s*[:$&(]|\bticker\b|fair ?launch|stealth launch|bonding curve|(?:token|coin) (?:launch|is live|just launched)|launch(?:ing|ed)? (?:on|in) pump|ca\s*[:=>]|contract address|\bca (?:is|below|to be|will)|liquidity (?:locked|burned|burnt)|lp (?:locked|burned)|next (?:100|1000)x|\d+x (?:gem|potential)|ape (?:in|now)|low ?cap gem|mint (?:is )?live|free mint|mint now|(?:public|wl) mint|deploy (?:it )?again\b)|@\w+,? (?:please |pls |plz )?(?:deploy|launch)\b/,
    triggers: ['get', 'buy', 'before', 'deploy', 'deployed', 'deploying', 'ticker', 'fair', 'fairlaunch', 'stealth', 'bonding', 'token', 'coin', 'launch', 'launching', 'launched', 'ca', 'contract', 'liquidity', 'lp', 'gem', 'potential', 'lowcap', 'ape', 'mint', '100x', '1000x'],
    // A presale is a token's only with a sign of crypto beside it: a tour's presale is a ticket offer (text.offer).
    or: (v) => RE_PRESALE.test(v.t) && (RE_CRYPTO_SIGN.test(v.t) || (v.tweet.cashtags?.length ?? 0) > 0),
  },
  {
    name: 'text.airdrop-claim', group: 'crypto', says: 'an airdrop or claim',
    pattern: /\b(?:air ?drops?|claim (?:your|now|it|here|the|free)|(?:is|are) claimable|eligib(?:le|ility)|allocation|whitelist|\bwl\b|(?:token|reward)s? (?:are )?(?:live|unlocked)|connect (?:your )?wallet|claims? (?:are )?(?:live|open|being processed))\b/,
    triggers: ['air', 'airdrop', 'airdrops', 'claim', 'claimable', 'eligible', 'eligibility', 'allocation', 'whitelist', 'wl', 'token', 'tokens', 'reward', 'rewards', 'connect', 'claims'],
  },
  { name: 'text.wallet-address', group: 'crypto', says: 'a wallet or contract address', find: (v) => v.longestWord >= 25 && hasWalletAddress(v.text) },
  { name: 'tag.cashtag', group: 'crypto', says: 'a cashtag', find: (v) => (v.tweet.cashtags?.length ?? 0) >= 1, detail: (v) => '$' + v.tweet.cashtags[0] },
  { name: 'tag.cashtags-many', group: 'crypto', says: 'three cashtags or more', find: (v) => (v.tweet.cashtags?.length ?? 0) >= 3 },
  {
    name: 'text.money-scheme', group: 'money', says: 'a promise of money or profits',
    pattern: /\b(?:make (?:money|\$?\d+)|earn (?:money|\$|\d+|up to|extra|passive)|passive income|get paid|paid (?:to|up ?to)|work (?:from|at) home|financial freedom|(?:trading|forex|crypto) signals?|(?:daily|weekly) profits?|guaranteed (?:profit|returns?|income)|investment (?:plan|opportunit)|double your|cash ?app|send (?:me )?"?stocks"?|free (?:stock )?picks?|profit of|\broi\b|per hour|earn (?:points|rewards|yield|interest|\d+%|while|by)|\d+(?:\.\d+)? ?% apy|(?:deposit|stake)\w*,? (?:and |& )?earn|\$[\d,.]+k? (?:in|worth of) (?:prizes|rewards|bonus(?:es)?)|turn(?:ing|ed)? \$[\d,.]+k? (?:in)?to|(?:made|making) \$[\d,.]+k?|signals? (?:group|channel|service|room)|vip (?:group|channel|signals?|room|discord|telegram|access|members?)|\d+ ?% win ?rate|win ?rate of \d+)\b/,
    triggers: ['make', 'earn', 'passive', 'paid', 'financial', 'trading', 'forex', 'daily', 'weekly', 'guaranteed', 'investment', 'double', 'cash', 'cashapp', 'stocks', 'profit', 'roi', 'per', 'apy', 'deposit', 'deposits', 'deposited', 'depositing', 'stake', 'staked', 'staking', 'stakes', 'prizes', 'rewards', 'bonus', 'bonuses', 'turn', 'turning', 'turned', 'made', 'making', 'picks', 'pick', 'signal', 'signals', 'home', 'vip', 'win', 'winrate'],
  },
  {
    name: 'text.recovery-scam', group: 'recovery', says: '"fund recovery" help, a common scam',
    pattern: /\b(?:recover(?:y)? (?:your |lost |of )?(?:lost )?(?:crypto|funds|money|assets|account|support|assistance|guidance|help|experts?|specialists?|options|services?|team|agents?)|scam (?:alert|warning)|red flags?|fake profits|(?:deposits?|funds) (?:lost|frozen|blocked|trapped)|lost deposits|drain(?:s|ing)? (?:user )?funds|(?:lost|stolen|scammed) (?:crypto|funds|money|bitcoin)|withdrawals? (?:blocked|frozen|locked)|funds? (?:recovery|retrieval)|been scammed|scam victims?|hacked (?:account|wallet)|seed phrase|private key|recovery phrase|(?:verified|certified) (?:recovery|experts?|hackers?)|recover (?:your |my |the |all )?(?:loss(?:es)?|lost|funds?|money|btc|bitcoin|crypto)|helped me (?:get|recover)\w* (?:everything|it|all|my \w+) back|lost \$?[\d,.]+k? (?:\w+ )?(?:to|in) (?:a |an )?(?:scam|fake)|crypto ?recovery|don'?t lose hope|(?:legit|trusted|reliable) (?:service|hackers?|experts?|recovery))/,
    triggers: ['recover', 'recovery', 'lost', 'stolen', 'scammed', 'withdrawal', 'withdrawals', 'funds', 'fund', 'been', 'scam', 'hacked', 'verified', 'certified', 'seed', 'private', 'red', 'fake', 'deposit', 'deposits', 'drain', 'drains', 'draining', 'helped', 'crypto', 'cryptorecovery', 'hope', 'legit', 'trusted', 'reliable'],
  },
  {
    name: 'text.sponsored', group: 'sponsored', says: 'a sponsorship mark (#ad)', prior: 2.0,
    pattern: /(?:#(?:ad|ads|sponsored|spon|promo|promotion|affiliate|partner|paidpartner|gifted|collab)\b|\b(?:sponsored by|paid partnership|in partnership with|affiliate link|commission (?:on|from)|ad\s*\|)|\bpromoted\b)/,
    triggers: ['ad', 'ads', 'sponsored', 'spon', 'promo', 'promotion', 'affiliate', 'partner', 'paidpartner', 'gifted', 'collab', 'paid', 'partnership', 'commission', 'promoted'],
    // Or a hashtag that says so by its ending, as brands ask their partners to tag: #doordash_partner, #SamsungPartner, #NikeAmbassador.
    or: (v) => hasSponsorTag(v.tweet.hashtags),
  },
  { name: 'tag.hashtags-many', group: 'hashtags', says: 'three hashtags or more', find: (v) => (v.tweet.hashtags?.length ?? 0) >= 3 },
  { name: 'tag.hashtags-very-many', group: 'hashtags', says: 'six hashtags or more', find: (v) => (v.tweet.hashtags?.length ?? 0) >= 6 },
  {
    name: 'text.launch', group: 'promo', says: 'a launch ("introducing", "out now")', prior: 0.8,
    pattern: /\b(?:introducing|now (?:live|available|open|on sale|shipping|in stock)|is (?:now )?live\b|are (?:now )?live\b|just (?:launched|dropped|released)|(?:we(?:'re|’re| are)|i(?:'m|’m| am)) (?:excited|thrilled|proud|happy) to (?:launch|announce|introduce|share|release|unveil)|(?:we|i)(?:'ve|’ve| have)? (?:just )?launched|available (?:now|today|on|in|at)|out now|in stores|new (?:collection|drop|arrivals|release|product|feature)|meet the new|coming soon|our new|restock(?:ed|ing|s)?|back in stock)\b/,
    triggers: ['introducing', 'live', 'open', 'sale', 'shipping', 'stock', 'launched', 'dropped', 'released', 'excited', 'thrilled', 'proud', 'happy', 'available', 'stores', 'collection', 'drop', 'arrivals', 'release', 'product', 'feature', 'meet', 'soon', 'our', 'now', 'restock', 'restocked', 'restocking', 'restocks'],
  },
  {
    name: 'text.hype-copy', group: 'promo', says: 'hype copy ("thank me later", "game changer")',
    pattern: /\b(?:thank me later|save this|bookmark (?:this|it)|here(?:'s|’s| is) how|(?:you|u) need to know|most people (?:don'?t|still|won'?t|have)|game[- ]?changer|blew my mind|(?:in|with) this \d+[- ]?(?:min|minute|hour)|step[- ]by[- ]step|(?:boost|grow|scale|supercharge|level up|unlock|10x|skyrocket) your|(?:stop|start) (?:wasting|doing|using|losing)|for (?:free|\$0)|no (?:credit card|subscription|experience)|(?:100%|completely|totally) (?:free|legit|real|safe)|(?:trusted|verified|official) (?:site|platform|link)|don'?t (?:sleep on|fade)|(?:huge|massive|insane) (?:opportunity|gains?)|you won'?t believe|(?:best|top) \d+ (?:tools|ways|apps|tips)|this guy (?:literally )?(?:just )?(?:dropped|built|shows?|made|created|explains)|instead of (?:watching|paying|spending|scrolling)|stop scrolling|you'?ll ever (?:see|need|read|watch)|(?:full|free|complete) (?:course|guide|masterclass|tutorial|breakdown)|\d+[- ]?(?:min|minute|hour|hr)s? (?:masterclass|video|course|guide|tutorial)|99% of people|guide in (?:the )?(?:thread|comments|replies))\b/,
    triggers: ['thank', 'save', 'bookmark', 'need', 'most', 'gamechanger', 'blew', 'min', 'minute', 'hour', 'step', 'boost', 'grow', 'scale', 'supercharge', 'level', 'unlock', '10x', 'skyrocket', 'free', 'completely', 'totally', 'legit', 'trusted', 'verified', 'official', 'sleep', 'fade', 'huge', 'massive', 'insane', 'believe', 'guy', 'instead', 'scrolling', 'ever', 'course', 'masterclass', 'tutorial', 'breakdown', 'mins', 'minutes', 'hours', 'hr', 'hrs', 'guide', '99', 'here', 'credit', 'subscription', 'experience', 'tools', 'ways', 'apps', 'tips', 'changer', 'wasting', 'doing', 'using', 'losing'],
  },
  { name: 'text.free', group: 'promo', says: 'the word "free"', words: ['free'] },
  { name: 'text.you-address', group: 'promo', says: 'the reader addressed as "you"', words: ['you', 'your', 'youre', 'u', 'ur'], min: 2 },
  { name: 'text.pointing', group: 'promo', says: 'pointing emoji', find: (v) => v.symbols && RE_POINTING.test(v.text) },
  { name: 'text.shouting', group: 'promo', says: 'shouting in capitals', find: (v) => v.letters >= 20 && v.upper > 0.6 * v.letters },
  { name: 'tag.mentions-many', group: 'bait', says: 'three mentions or more', find: (v) => (v.tweet.mentions?.length ?? 0) >= 3 },
  // --- conversation ---
  { name: 'talk.reply', group: 'talk', says: 'a reply', find: (v) => v.tweet.isReply || RE_REPLY_LEAD.test(v.text) },
  { name: 'talk.question', group: 'talk', says: 'a question', find: (v) => v.text.indexOf('?') >= 0 && RE_QUESTION.test(v.text) },
  {
    // A newsroom or a person reporting: news words, reporting verbs in the third person ("sources
    // tell", "she said", "reveals", "confirmed"), round-ups ("ICYMI", "DYK", "this week"), sport,
    // greetings to others ("Happy birthday", "Congratulations").
    name: 'talk.news', group: 'talk', says: 'news or reporting',
    pattern: /\b(?:breaking|report(?:s|ed|edly|ing)?|according to|(?:says?|said|told)\b|announced?|officials?|court|police|president|minister|election|killed|dies|died|season|game \d|wins?(?! ?rates?\b)|beat|vs\.?|defeat\w*|scored?|icymi|dyk|interview(?:s|ed)?|statement|sources? (?:say|said|tell|told|close)|reveal(?:s|ed)?|unveil(?:s|ed)|showcas(?:es|ed)|confirm(?:s|ed)|happy birthday|congrat(?:s|ulations)|match(?:es|day)?|kick-?off|tonight|(?:this|last) (?:week|season|year)|last night|researchers|scientists|study (?:finds|found|shows)|breaks down|analysts?|(?:falls|fell|rises|rose|surges|surged|plunges|plunged|slips|slipped|jumps|jumped|tumbles|tumbled|rallies|rallied|climbs|climbed|sinks|sank) (?:to|under|below|above|over|past|by|\d|\$)|(?:outflows|inflows))\b/,
    triggers: ['reporting', 'told', 'icymi', 'dyk', 'interview', 'interviews', 'interviewed', 'statement', 'source', 'sources', 'reveal', 'reveals', 'revealed', 'unveils', 'unveiled', 'showcases', 'showcased', 'confirms', 'confirmed', 'birthday', 'congrats', 'congratulations', 'match', 'matches', 'matchday', 'kick', 'kickoff', 'tonight', 'week', 'year', 'night', 'researchers', 'scientists', 'study', 'breaks', 'analyst', 'analysts', 'breaking', 'report', 'reports', 'reported', 'reportedly', 'according', 'says', 'say', 'said', 'announce', 'announced', 'official', 'officials', 'court', 'police', 'president', 'minister', 'election', 'killed', 'dies', 'died', 'season', 'game', 'wins', 'win', 'beat', 'vs', 'defeat', 'defeats', 'defeated', 'defeating', 'score', 'scored', 'falls', 'fell', 'rises', 'rose', 'surges', 'surged', 'plunges', 'plunged', 'slips', 'slipped', 'jumps', 'jumped', 'tumbles', 'tumbled', 'rallies', 'rallied', 'climbs', 'climbed', 'sinks', 'sank', 'outflows', 'inflows'],
  },
  { name: 'talk.first-person', group: 'talk', says: 'talk in the first person', words: ['i', 'me', 'my', 'mine', 'myself'] },
  { name: 'text.we-voice', group: 'promo', says: 'a company\'s "we"', words: ['we', 'our', 'us'] },
  {
    name: 'text.product', group: 'promo', says: 'product talk (features, updates, the app)',
    pattern: /\b(?:now (?:supports?|in|with|on|has|can)|new (?:features?|model|version|update|tools?|app)|(?:big |major )?update|beta|release notes|integrations?|built (?:for|with|on)|designed (?:for|to)|open[- ]source|try (?:the|at|out|it)|masterclass|tutorial|guide|course|workflows?|(?:this|the) (?:guy|tool|app|agent)|literally|no[- ]code|\bapi\b|platform|dashboard|\bai\b)\b/,
    triggers: ['now', 'update', 'big', 'major', 'beta', 'release', 'integration', 'integrations', 'built', 'designed', 'open', 'opensource', 'try', 'masterclass', 'tutorial', 'guide', 'course', 'workflow', 'workflows', 'guy', 'tool', 'app', 'agent', 'literally', 'nocode', 'code', 'api', 'platform', 'dashboard', 'ai', 'features', 'feature', 'model', 'version', 'tools'],
  },
  {
    name: 'text.check-out', group: 'cta', says: '"check this out"',
    pattern: /\bcheck (?:this|it|them) out|check out (?:this|these|that)\b/,
    triggers: CHECK_WORDS(),
  },
  // --- facts the development set does not carry: hand-set weights ---
  // An ad is selling by definition; the others only lean, so that one of them alone never makes
  // a post selling (bias + the largest of these stays below 0).
  { name: 'post.ad', group: 'ad', says: 'an ad', hand: 8, find: (v) => v.tweet.isAd },
  {
    name: 'post.scheduler', group: 'scheduler', says: 'posted through a scheduling app', hand: 0.9,
    find: (v) => isSchedulerApp(v.tweet.source), detail: (v) => v.tweet.source ?? '',
  },
  { name: 'profile.business', group: 'profile', says: 'a business account', hand: 0.4, find: (v) => !!v.profile?.professionalType && /business/i.test(v.profile.professionalType) },
  {
    name: 'profile.bio-shop-link', group: 'profile', says: 'a shop link in the bio', hand: 0.7,
    find: (v) => readBioLinks(v.profile?.bioUrls).kind !== '', detail: (v) => readBioLinks(v.profile?.bioUrls).domain,
  },
  { name: 'profile.bio-sales', group: 'profile', says: 'a bio that talks of a shop', hand: 0.3, find: (v) => !!v.profile?.bio && RE_BIO_SALES.test(v.profile.bio.toLowerCase()) },
  { name: 'profile.followed', group: 'talk', says: 'an account you follow', hand: -0.7, find: (v) => !!v.profile?.isFollowedByUser },
  // --- added with the second fit: growth bait, creators pitching themselves, and more ---
  {
    // Asking for the growth of an account: follow trains, "if I reach 100 subs", "I'll boost you", bought followers.
    name: 'text.growth-bait', group: 'bait', says: 'an ask to grow the account',
    pattern: /\b(?:if (?:i|we) (?:reach|get|hit) (?:to )?\d[\d,.]*k? ?(?:subs|subscribers|followers|likes|views)|(?:become|be) my (?:first|\d+\w*) (?:subscriber|follower|fan)|subscribes to me\b|help me (?:out|get|reach|grow|hit)|i'?ll (?:boost|follow|shout ?out|promote|rt|retweet) (?:you|u|everyone|back)|(?:say hi|reply|comment) (?:and|&) (?:we|i)(?:'ll| will)? follow|thumbs up if|(?:like|rt|retweet|repost) (?:this )?if (?:you|u|ur)\b|drop an? (?:\S+ )?if (?:you|u|ur)\b|(?:f4f|l4l|like ?4 ?like|follow ?4 ?follow)\b|no account should be under|small accounts?\b|(?:rt|retweet|repost|engagement) (?:groups?|gc|groupchat|train)|spam my (?:profile|page|likes|posts)|must be following|(?:buy|gain|grow|need|get) (?:\d+[k+]* (?:real |active |free |more |new )?|real |active |cheap |free |more )(?:youtube |instagram |twitter |tiktok )?(?:subscribers|followers|views|likes|subs)\b|(?:get|give) (?:you )?\d+ (?:subscribers|subs|followers)|(?:views|subscribers|subs|followers|likes) for (?:no reason|free))/,
    triggers: ['subs', 'subscribers', 'subscriber', 'followers', 'follower', 'fan', 'likes', 'views', 'subscribes', 'help', 'boost', 'follow', 'shout', 'shoutout', 'promote', 'rt', 'retweet', 'repost', 'thumbs', 'if', '4', 'drop', 'f4f', 'l4l', 'like4like', 'follow4follow', 'account', 'small', 'engagement', 'spam', 'following', 'buy', 'gain', 'grow', 'need', 'get'],
  },
  {
    // "Check out @someone", "Check out \"Name\"", "Check Out The New Video": pointing at a named account or work.
    name: 'text.check-out-name', group: 'cta', says: '"check out" a named account or work', raw: true,
    pattern: /\b[Cc]heck\s*[Oo]ut[:\s-]+(?:["“'@#]|[A-Z0-9])/,
    triggers: CHECK_WORDS(),
  },
  {
    // A creator pitching their own work: "I'm a 12 yr old producer", "my own remixes", "search \"…\"", "on Spotify".
    name: 'text.creator-pitch', group: 'selfpromo', says: 'a creator pitching their work',
    pattern: /\b(?:i'?m an? (?:\d+ ?(?:yr|year)s?[- ]old )?(?:\w+ )?(?:rapper|producer|singer|artist|youtuber|streamer|musician|songwriter|dj|beatmaker)|i (?:make|do|create|produce|upload|post) (?:\w+ ){0,2}(?:videos|music|beats|covers|remixes|chiptunes|content|vlogs|tutorials)|(?:i'?m|i am) (?:kind of |pretty |fairly )?new (?:to|on|at) (?:youtube|twitter|twitch|tiktok)|my (?:own )?(?:lyrics|remix(?:es)?|covers?|beats?|tracks?|vlogs?|gameplay)\b|search (?:for |up )?["“]|type (?:in )?["“]?[\w ]{2,30}["”]? (?:in|into|on) (?:youtube|google|spotify)|(?:on|in) (?:itunes|spotify|soundcloud)\b|los invito|suscr[ií]b|inscreva|abonniert)/,
    triggers: ['rapper', 'producer', 'singer', 'artist', 'youtuber', 'streamer', 'musician', 'songwriter', 'dj', 'beatmaker', 'videos', 'music', 'beats', 'covers', 'remixes', 'chiptunes', 'content', 'vlogs', 'tutorials', 'youtube', 'twitter', 'twitch', 'tiktok', 'lyrics', 'remix', 'cover', 'beat', 'track', 'tracks', 'vlog', 'gameplay', 'search', 'google', 'spotify', 'itunes', 'soundcloud', 'invito', 'suscr', 'suscribete', 'suscribirse', 'suscribanse', 'suscribe', 'suscribirte', 'inscreva', 'abonniert', 'type'],
  },
  {
    name: 'text.adult', group: 'adult', says: 'adult content offered',
    pattern: /\b(?:onlyfans|only fans|nudes|horny|sexting|(?:free|spicy|exclusive|naughty|uncensored) (?:content|pics?|vids?)\b|18\+|no age limit|(?:free|dm|text|message|hmu)[^.!?]{0,20}\bfor (?:some )?fun\b|(?:dm|text|message|hmu) (?:me )?for (?:pics|content))/,
    triggers: ['onlyfans', 'fans', 'nudes', 'horny', 'sexting', '18', 'age', 'fun', 'pics', 'content', 'pic', 'vids', 'vid'],
  },
  {
    // Marketing verbs opening a sentence: "Experience…", "Unlock…", "Try…", "Get started…".
    name: 'text.imperative-pitch', group: 'promo', says: 'a marketing verb opening a sentence ("Unlock…", "Try…")',
    // Capped: fitted freely it rose to 1.78, just above the bias, so that one such verb made a post
    // selling ("Enjoy the long weekend everyone", "Download the slides from my talk"); at 1.5 the
    // held-out figures are the same.
    cap: 1.5,
    pattern: /(?:^|[.!?] ?)\s*(?:experience|discover|explore|unlock|elevate|transform|upgrade|enjoy|lock in|skip|grow your|boost your|level up|supercharge|stop paying|install|download|get started|start (?:your|saving|earning|building|creating)|shop|order|find your|save (?:up|\d+|big|on)|get (?:\d+|up to|your|a free|the app)|sign up|build (?:your|better|faster)|create (?:your|stunning)|learn (?:more|how)|open (?:an?|your) (?:account|store)|book (?:your|a|now)|claim|join(?! us in (?:wishing|congratulating|welcoming|celebrating|remembering|honou?ring|thanking))|try)\b/,
    triggers: ['experience', 'discover', 'explore', 'unlock', 'elevate', 'transform', 'upgrade', 'enjoy', 'lock', 'skip', 'grow', 'boost', 'level', 'supercharge', 'stop', 'install', 'download', 'start', 'join', 'try', 'started', 'shop', 'order', 'find', 'save', 'get', 'sign', 'build', 'create', 'learn', 'open', 'book', 'claim'],
  },
  {
    // A link spelled out to get past link filters: "site . com", "site*com", "site dot com".
    name: 'link.spelled-out', group: 'links', says: 'a link spelled out ("site dot com")', when: noLink,
    pattern: /\b[a-z0-9-]{3,}(?:(?: \. | dot |\*)(?:com|net|org)|\. com)\b/,
    triggers: ['com', 'net', 'org'],
  },
  // --- added with the third fit: sharing a link vs asking for the click, and ad copy without links ---
  {
    // Words that only point at a link ("Read more here:", "Watch the livestream:", "See more:"): how
    // newsrooms and brands share their stories, weaker than an ask.
    name: 'link.with-pointer', group: 'links', says: 'a link pointed at ("read more here")',
    when: (v) => (v.links.kinds & LinkKind.Any) !== 0 && !has(v, I_WITH_ASK),
    pattern: /\b(?:here\b|(?:watch|look|apply|read)\b|(?:see|find out|learn) more|full (?:story|article|report|video|interview|episode)|details? (?:here|at|below))/,
    triggers: LINK_ASK_WORDS(),
  },
  {
    // Benefit claims of ad copy ("the easiest way to", "in minutes", "trusted by 10,000 teams",
    // "free trial", "no credit card", "cancel anytime"): how an advertiser sells without a link
    // or a shop word. Each alternative starts at most a few words before one of its trigger words.
    name: 'text.benefit-claim', group: 'promo', says: 'a benefit claim ("the easiest way to", "free trial")', detail: 'match',
    pattern: /\b(?:the (?:easiest|fastest|simplest|smartest|smarter|easier|faster) way to|all[- ]in[- ]one|in (?:just |only )?(?:minutes|seconds)\b|saves? (?:you )?(?:time|hours|\d+%)|made (?:easy|simple)|effortless(?:ly)?|seamless(?:ly)?|hassle[- ]free|trusted by|(?:loved|used|chosen) by (?:over |more than )?[\d,.]+|join (?:over |more than )?[\d,.]+[km+]* (?:\w+ )?(?:users|customers|people|teams|businesses|creators|traders|members|others)|award[- ]winning|risk[- ]free|money[- ]back|cancel anytime|no (?:hidden )?fees|starting (?:at|from) [$€£]|(?:free|\d+[- ]day) trial|designed to help|helps? you (?:\w+ ){0,3}(?:faster|easier|smarter|better|more)\b|(?:your|every) (?:business|team|brand|skin|home|workflow|body) (?:deserves|needs)|upgrade your|what are you waiting for|everything you need (?:in one|for|to (?:start|get|build|grow|run|create|succeed))|(?:perfect|ultimate) (?:way|gift|solution|companion|tool)|best[- ]selling|top[- ]rated|(?:get|start|try) (?:it )?(?:for )?free|no (?:credit card|commitment|contracts?)|exclusive (?:offer|deal|access)|take your \w+ to the next level|never (?:miss a|worry about|overpay)|say goodbye to)/,
    triggers: ['easiest', 'fastest', 'simplest', 'smartest', 'smarter', 'easier', 'faster', 'all', 'minutes', 'seconds', 'save', 'saves', 'easy', 'simple', 'effortless', 'effortlessly', 'seamless', 'seamlessly', 'hassle', 'trusted', 'loved', 'used', 'chosen', 'join', 'award', 'risk', 'money', 'cancel', 'anytime', 'fees', 'starting', 'trial', 'designed', 'help', 'helps', 'deserves', 'needs', 'upgrade', 'waiting', 'everything', 'perfect', 'ultimate', 'selling', 'rated', 'free', 'credit', 'commitment', 'contract', 'contracts', 'exclusive', 'level', 'never', 'goodbye'],
  },
  {
    // Ad copy: a call to act together with two kinds of sales claim (benefits, a launch, an offer,
    // product talk, the reader addressed as "you"), in a post that neither replies nor reports.
    // Counted from rules already read: no pattern of its own. One of these alone is how people and
    // newsrooms talk too ("Introducing our new podcast"). The development set has no such ads (its
    // brand and newsroom posts were labelled not selling), so the fit could only leave it at 0:
    // set by hand so that it tips such copy over, never alone.
    name: 'text.ad-copy', group: 'promo', says: 'ad copy: a call to act with sales claims', hand: 0.7,
    find: isAdCopy,
  },
  {
    // One's own work named without an ask ("my music", "our new podcast", "my latest video"):
    // creators and newsrooms talk of their work like this, so it leans less than an ask. Pointing
    // at one's own writing ("check out my new blog post") counts here, not as text.self-promo
    // (whose "check out my" is there for channel promotion and leaves writing out by a look-ahead).
    name: 'text.own-work', group: 'selfpromo', says: 'one\'s own work named', cap: 0.5,
    when: (v) => !has(v, I_SELF_PROMO),
    pattern: /\b(?:(?:my|our) (?:rap|music|songs?|videos?|art|artwork|work|website|blog|template|app|product|podcast|stream)\b|(?:my|our) (?:latest|new) (?:video|episode|podcast|release|drop|course|product|book|album|single|song|blog|post|article|essay|newsletter|paper|write-?up|piece))\b/,
    triggers: SELF_PROMO_WORDS(),
  },
  // --- the learned text component (text-model.ts), fitted with the rules by `npm run fit` ---
  {
    // Its weight is capped, as the text score is bounded (text-model.ts): at most 1 in log-odds either way
    // (with cap 0.5 the held-out F1 is that of cap 1, 0.872; without the component 0.856).
    name: 'text.learned', group: 'adcopy', says: 'reads like ad copy', cap: 0.5,
    value: (v) => (learnedScore = learnedValue(textScore(v.lower), v.x)),
    // Quote the words that weighed most, when the text clearly leans to selling (quoting costs a
    // second pass over the words: a lean this small is not worth telling).
    detail: (v) => (learnedScore >= 1 ? quoteTopWords(v.lower) : ''),
  },
  // --- marketing: brands, ad copy, deals and paid channels (issue 7); plain-words reasons ---
  {
    // A call to act on an offer: "order now", "get it today", "switch today", "on us", "link below".
    name: 'text.act-now', group: 'cta', says: 'a call to act now ("order now", "on us", "link below")', prior: 0.8,
    pattern: /\b(?:(?:shop|order|get|switch|try|book|download|apply|watch|stream|listen|buy|grab|reserve|play|start|join|register|upgrade|subscribe|sign up|enter|save|claim|rent|preorder|pre-order)(?: (?:it|yours|them|one|the app|free|for free|up|in|now))? (?:now|today|tonight|this weekend|before)\b|(?:^|[.!?] )(?:shop|order|switch to|book|download|buy|reserve|upgrade|subscribe to|rent|browse)(?: [\w'’-]{1,15}){1,2} (?:now|today|tonight)\b|(?:is|are|it'?s|they'?re|get (?:it|one|yours|\w+)) on us\b|\bon us\b[.!]|get (?:the|a|an|your|any|one|two|three|\d+) [^.!?,]{1,40} on us(?:$|[.!,])|links? in (?:the )?(?:reply|replies)|tap (?:to|the link|below|here)|at checkout|in the app(?: now| today)?\b|(?:get|download) the app|(?:on|with|in|via) the (?:[\w'’+-]{1,12} ){1,3}app\b|(?:visit|head to|go to) (?:your )?(?:nearest|local) \w+|find (?:a|your) (?:store|location|nearest)|available (?:in|at) (?:stores|participating)|participating (?:locations|restaurants|stores))/,
    triggers: ['now', 'today', 'tonight', 'weekend', 'before', 'us', 'link', 'links', 'tap', 'checkout', 'app', 'nearest', 'local', 'store', 'location', 'stores', 'participating'],
  },
  {
    // Offers and prices: tickets on sale, trials, plans, "from $9.99", "free with", editions.
    name: 'text.offer', group: 'offer', says: 'an offer (tickets on sale, a trial, a plan, a price)', prior: 0.8,
    pattern: /\b(?:presale (?:starts|begins|opens|code|tickets?)|tickets? (?:are |is )?(?:on sale|available|now available|still available|selling)|on sale (?:now|today|this|until|through)|(?:get|buy|grab|secure) (?:your )?tickets|(?:free|\d+[- ]day|\d+[- ]month) trial|(?:starting|starts|from|just|only) (?:at )?[$€£]\s?\d|[$€£]\s?\d[\d,.]*(?:\/| per | a )(?:mo|month|year|yr|night|person)|(?:limited|special|collector'?s|deluxe|exclusive)[- ]edition|promo ?code|free (?:with|when you|for \d|for new|for the first)|(?:first|1st) (?:month|order|ride|delivery) (?:free|on us)|get (?:the|a|an|your|any|one|two|three|\d+) [^.!?,]{1,40} on us(?:$|[.!,])|no (?:annual|monthly) fee|(?:cash ?back|apr|rewards?) (?:on|card)|(?:pre-?order|preorders?) (?:now|today|yours|available|open)|(?:in stock|available) (?:now|today) at|(?:app store|google play|play store)\b|merch (?:drop|is (?:live|out|here|back)|store|shop|restock)|new merch|(?:shop|get|grab|buy) (?:the |our |my )?merch|instant (?:digital )?download|digital (?:download|planner|template)s?\b)/,
    triggers: ['presale', 'tickets', 'ticket', 'sale', 'trial', 'edition', 'promo', 'promocode', 'free', 'month', 'order', 'ride', 'delivery', 'fee', 'cash', 'cashback', 'apr', 'reward', 'rewards', 'pre', 'preorder', 'preorders', 'stock', 'available', 'store', 'play', 'google', 'us', 'merch', 'instant', 'digital'],
    opens: (v) => v.currency,
  },
  {
    // Launches: "introducing", "meet the all-new", "just dropped", "is here", "now available at home".
    name: 'text.product-launch', group: 'promo', says: 'a product launch ("meet the all-new", "just dropped", "is here")', prior: 0.5,
    pattern: /\b(?:meet (?:the )?(?:all[- ])?new|all[- ]new|(?:just|finally) (?:dropped|landed|arrived)|(?:is|are) (?:finally|officially) here\b|has (?:officially )?arrived|(?:today|now) we(?:'re|’re| are) (?:launching|introducing|releasing|rolling out)|(?:we(?:'re|’re| are)|i(?:'m|’m| am)) (?:officially )?launching|(?:now|finally) available (?:at home|everywhere|worldwide|on|in|to)|(?:new|latest) (?:flavor|flavour|menu|collection|season|drop|lineup|line-up|model|edition|update) (?:is )?(?:out|here|available|live|drops?)|(?:drops|launches|arrives|hits stores|lands) (?:on |this |next |tomorrow|today|friday|monday|tuesday|wednesday|thursday|saturday|sunday)|coming (?:soon )?to (?:stores|theaters|theatres|a store|select)|in theaters|in theatres|(?:pre-?order|preorder)(?:s)? (?:are )?(?:open|live))/,
    triggers: ['meet', 'all', 'dropped', 'landed', 'arrived', 'finally', 'officially', 'launching', 'introducing', 'releasing', 'rolling', 'available', 'flavor', 'flavour', 'menu', 'collection', 'season', 'drop', 'lineup', 'line', 'model', 'edition', 'update', 'drops', 'launches', 'arrives', 'hits', 'lands', 'coming', 'theaters', 'theatres', 'pre', 'preorder', 'preorders'],
  },
  {
    // Shows pushed to a paid channel: "now streaming on", "tonight on FOX, next day on Hulu", "on NBA TV",
    // "now on @DisneyPlus", "comes to Netflix".
    // A show pushed to a paid channel is seller by the guide (GUIDE.md), on its own: the prior says so.
    name: 'text.paid-channel', group: 'offer', says: 'a show pushed to a paid channel ("now streaming on", "only on")', prior: 2.0,
    pattern: /\b(?:(?:now |only |exclusively )?streaming (?:now |only |exclusively )?on|stream (?:it |them |now |live |all \w+ )?(?:now )?on|watch (?:it |them |now |live |all \w+ |the \w+ )?(?:now )?(?:on|only on)|next day on|(?:only|exclusively) on(?! (?:the|a|an|my|your|his|her|their|our|its|this|that|these|those|one|what|how|why)\b)|(?:tonight|tomorrow|tonite) (?:at [\d:]+ ?(?:[ap]m)?(?:\/?et)? )?on|(?:on|with) (?:netflix|hulu|peacock|paramount\+?|disney\+|disney plus|prime video|hbo max|max|espn\+|espn app|apple tv\+?|nba tv|nba league pass|league pass|nfl\+|nfl sunday ticket|dazn|fubo|fubotv|sling|crunchyroll|fox one|spectrum)\b|(?:netflix|hulu|peacock|paramount\+|prime video|hbo max|apple tv\+|nba tv|league pass|espn\+|dazn|crunchyroll) (?:original|exclusive|and|&)|(?:\d{1,2}(?::\d\d)?\s?(?:[ap]m)?\s?\/?\s?et) on|live (?:now )?on @?(?:paramountplus|peacock|peacocktv|netflix|hulu|primevideo|espnplus|espn|hbomax|streamonmax|appletv|nbatv|dazn|fubotv|youtubetv|sling)|(?:on|with) @(?:paramountplus|peacock|peacocktv|netflix|hulu|primevideo|espnplus|hbomax|streamonmax|appletv|appletvplus|nbatv|dazn|fubotv|youtubetv|crunchyroll|disneyplus)|(?:comes?|coming|arrives?|arriving|heads?|heading|lands?|landing) (?:soon )?to @?(?:netflix|hulu|peacock|paramount\+|disney\+|disneyplus|prime video|primevideo|hbo max|hbomax|apple tv\+))(?![a-z0-9])/,
    triggers: ['streaming', 'stream', 'watch', 'next', 'only', 'exclusively', 'tonight', 'disneyplus', 'comes', 'come', 'coming', 'arrives', 'arrive', 'arriving', 'heads', 'head', 'heading', 'lands', 'land', 'landing', 'tomorrow', 'tonite', 'live', 'paramountplus', 'peacocktv', 'primevideo', 'espnplus', 'hbomax', 'streamonmax', 'appletv', 'appletvplus', 'nbatv', 'youtubetv', 'netflix', 'hulu', 'peacock', 'paramount', 'disney', 'prime', 'hbo', 'max', 'espn', 'apple', 'nba', 'league', 'nfl', 'dazn', 'fubo', 'fubotv', 'sling', 'crunchyroll', 'fox', 'spectrum', 'et'],
  },
  { name: 'text.trademark', group: 'brand', says: 'a trademark sign (® ™)', prior: 0.5, find: (v) => v.marks },
  {
    // A company speaking of its product: "our new app", "we've partnered", "our customers", "we're hiring"…
    name: 'text.brand-voice', group: 'brand', says: 'a company\'s "we" about its product', prior: 0.3,
    pattern: /\b(?:our (?:new |latest |all-new |newest |upgraded )?(?:app|product|products|platform|service|services|feature|features|collection|menu|store|stores|shop|brand|plans?|card|customers|members|subscribers|users|community|ecosystem|protocol|network|token|api|sdk|model|models|game|games|show|series|podcast|launch|offer|deal|deals|restaurant|restaurants|hotel|hotels|flavors?|lineup)|we(?:'ve|’ve| have) (?:partnered|teamed up|launched|added|rolled out|integrated|shipped)|(?:we(?:'re|’re| are)) (?:partnering|teaming up|rolling out|bringing|giving away|offering|hiring)|(?:in partnership|partnered|teamed up) with @|powered by @?\w+|brought to you by|presented by|(?:official|exclusive) (?:partner|sponsor|app|store|merch))\b/,
    triggers: ['our', 'partnered', 'teamed', 'launched', 'added', 'rolled', 'integrated', 'shipped', 'partnering', 'teaming', 'rolling', 'bringing', 'giving', 'offering', 'hiring', 'partnership', 'powered', 'brought', 'presented', 'official', 'exclusive'],
  },
  {
    // Deal posts, from shops and outlets alike: "save $500 on", "$50 off", "lowest price", "Amazon has it for".
    // A deal is seller by the guide, from a shop or an outlet alike: the prior says so, as for codes.
    name: 'text.deal', group: 'code', says: 'a deal ("save $500 on", "lowest price ever")', prior: 2.0, detail: 'match',
    pattern: /\b(?:sav(?:e|ing) (?:up to )?(?:[$€£]\s?[\d,.]+|\d+ ?%)|[$€£]\s?[\d,.]+ off|(?:lowest|best|all-time low|record low|great|cheapest) price|(?:back )?down to [$€£]\s?\d|price (?:drop|cut|slashed)|(?:now|just|only) (?:[$€£]\s?[\d,.]+|\d+ ?% off)|was [$€£]\s?[\d,.]+|(?:deal|sale|price) alert|(?:amazon|walmart|best buy|target|costco) (?:has|is selling|just dropped|cut|slashed|discounted)|(?:on sale|discounted) (?:for|at|to) [$€£]|(?:deal|deals) of the (?:day|week)|today'?s (?:deal|deals|best deals)|(?:best|top|early) (?:black friday|cyber monday|prime day|labor day|memorial day|presidents'? day|holiday) deals?)/,
    triggers: ['save', 'saving', 'off', 'price', 'deal', 'deals', 'sale', 'alert', 'amazon', 'walmart', 'target', 'costco', 'best', 'discounted'],
    opens: (v) => v.currency,
  },
  { name: 'link.app-store', group: 'shop', says: 'an app store link', prior: 1.0, find: (v) => (v.links.kinds & LinkKind.Any) !== 0 && (v.tweet.urls.some((u) => RE_APP_STORE.test(u)) || RE_APP_STORE.test(v.tweet.cardUrl ?? '')) },
  {
    // A person sharing their own work for free ("I wrote a free guide", "we open-sourced"): the
    // guide's not_seller case; with a link it otherwise reads like promotion. Prior from the guide.
    name: 'talk.own-free-work', group: 'talk', says: 'someone sharing their own work for free', prior: -1,
    pattern: /(?:(?:^|[.!?] )(?:(?:i|we) )?(?:just )?(?:wrote|made|built|drew|painted|recorded|published|put together|open[- ]sourced|released)\b[^.!?]{0,50}\b(?:free|no sign ?up|no signup|open[- ]source|for anyone|for everyone|if (?:you|anyone) (?:want|need|is interested))|(?:i|we) (?:wrote|made|built) (?:up|a (?:little|short|small|quick))|(?:free|no sign ?up|no signup|open[- ]source)[^.!?]{0,30}\b(?:i|we) (?:wrote|made|built|drew|recorded|put together)|\b(?:i|my)\b[^.!?]{0,60}\bno (?:sign[- ]?up|paywall)\b)/,
    triggers: ['wrote', 'made', 'built', 'drew', 'painted', 'recorded', 'published', 'put', 'open', 'opensourced', 'released', 'i', 'my'],
  },
  // --- what X says about the account (hand-set: the development set has no profiles) ---
  { name: 'profile.verified-org', group: 'profile', says: 'an organisation verified by X', hand: 0.5, find: (v) => v.profile?.verifiedType === 'Business' },
  { name: 'profile.affiliate-badge', group: 'profile', says: 'an affiliate badge of a company', hand: 0.3, find: (v) => !!v.profile?.affiliateLabel },
  {
    name: 'profile.selling-category', group: 'profile', says: 'a selling professional category (shop, brand, product)', hand: 0.4,
    find: (v) => !!v.profile?.professionalCategory && RE_SELLING_CATEGORY.test(v.profile.professionalCategory),
    detail: (v) => v.profile?.professionalCategory ?? '',
  },
  {
    // The terms of a commercial offer, which ad copy spells out and talk has no reason to:
    // fine print ("terms apply", "new subscribers only", "no credit card required", "cancel
    // anytime"), offer shapes ("buy three, get the fourth free", "$0 down", "for the price of
    // one", "get a quote", "4.5% APY") and sales dates ("tickets go on sale Friday").
    // The development set has few ads: the prior says what such terms mean.
    name: 'text.offer-terms', group: 'offer', says: 'the terms of an offer ("terms apply", "new customers only", "buy one, get one free")', prior: 1.5, detail: 'match',
    // Not in a report of the third person ("… goes on sale Friday at $899, the company said"): news.
    when: (v) => !isReported(v),
    pattern: /\b(?:(?:terms|restrictions|conditions|exclusions|fees) (?:and conditions )?(?:may )?apply|new (?:customers|subscribers|members|users|accounts|players) only|no credit card (?:required|needed)|cancel (?:any ?time|at any time)|see (?:site|store|app|website) for (?:details|terms)|offer (?:ends|valid|expires|available (?:through|until|while))|(?:member )?fdic[- ]insured|member fdic|(?:minimum|min\.?) (?:purchase|spend|deposit)|subject to (?:credit )?approval|(?:with|on) (?:a )?(?:qualifying|eligible) (?:purchase|plan|order)s?|buy (?:one|two|three|four|\d+),? (?:and )?get (?:one|the|a|another|\d+)\b[^.!?]{0,20}\b(?:free|half off|on us)|bogo|for the price of (?:one|1)|(?<=[$€£])0 down|get a (?:free )?quote|(?:enrol|enroll)(?:ment)? (?:now|today|in our|is open)|(?:spots|seats|places) are limited|(?:tickets )?go(?:es)? on sale|available to (?:order|pre-?order|buy|reserve)|for \d+ months? (?:at no cost|free|on us)|\d+(?:\.\d+)?% (?:apy|cash ?back)|\d+x (?:the )?points)(?![a-z0-9])/,
    triggers: ['terms', 'restrictions', 'conditions', 'exclusions', 'fees', 'customers', 'subscribers', 'members', 'users', 'accounts', 'players', 'credit', 'cancel', 'details', 'offer', 'fdic', 'minimum', 'min', 'approval', 'qualifying', 'eligible', 'buy', 'bogo', 'price', 'down', 'quote', 'enrol', 'enroll', 'enrollment', 'enrolment', 'spots', 'seats', 'places', 'sale', 'available', 'months', 'month', 'apy', 'cashback', 'cash', 'points'],
  },
  {
    // A link tagged for a campaign (utm_…) of no paid medium: a brand's landing page, or a
    // newsroom's article. Weaker than a referral link; the development set has almost none, so
    // the prior says what it is worth: not enough to sell alone, enough with an offer beside it.
    name: 'link.campaign', group: 'links', says: 'a link tagged for a campaign (utm_…)', prior: 0.2,
    find: link(LinkKind.Campaign), detail: (v) => v.links.otherDomain,
  },
  {
    // A place to buy or watch named, by its capital: "Order on Plato Eats", "Shop at Nordleaf",
    // "only at BurgerBarn", "available at Costway stores", "Watch live on ESPN". Names are told by their case, so the pattern
    // reads the text with it. Kept to buying words: "Explore the old town in Tallinn", "Call Mom
    // today" and "Now at Heathrow" name places and people, not shops. Where to buy without a verb:
    // "in stores and online", "at your local dealer", "at select stores", and a product
    // named ", now at" a chain everyone knows as a shop ("Rise Oats, now at Walmart": a short list;
    // any other name needs a buying word before it, and "Now at Target, need anything?" is talk).
    name: 'text.act-at-place', group: 'cta', says: 'a place to buy or watch named ("order on …", "only at …", "watch on …")', raw: true, prior: 0.8,
    // Not in the first person: "I order from Rosa's every week" is a customer talking.
    when: (v) => !has(v, I_FIRST_PERSON),
    pattern: /(?:\b(?:(?:[Ss]hop|[Bb]uy|[Oo]rder)(?: it| them| yours| one| now| today| online| ahead)* (?:on|at|via|through)|(?:[Aa]vailable|[Ss]old|[Ii]n stores|[Oo]nly|[Ee]xclusively) (?:now |today )?at)|(?:^|[.!?:] )(?:[Ww]atch|[Ss]tream|[Ll]isten)\b[^.!?\n]{0,30}? on) (?:the )?[A-Z]|\b(?:[Ii]n stores? (?:and|&) online|[Ii]n stores (?:now|today|nationwide|everywhere)|at (?:your|a) (?:local|nearest|nearby) (?:dealers?|dealerships?|retailers?|stores?|showroom)|at select (?:stores|retailers|locations)|(?:, |[-\u2013\u2014] )[Nn]ow (?:at|in) (?:Walmart|Target|Costco|Best Buy|Amazon|Sephora|Ulta|Kroger|Tesco|Walgreens|CVS|IKEA|Whole Foods|Trader Joe's|Home Depot))\b/,
    triggers: ['shop', 'buy', 'order', 'available', 'sold', 'stores', 'store', 'only', 'exclusively', 'watch', 'stream', 'listen', 'local', 'nearest', 'nearby', 'select', 'now'],
  },
  {
    // An offer in another language: the commonest forms of a discount, a code, free delivery and
    // a call to buy now in German, Spanish, Portuguese, French, Italian and Dutch, and in Japanese
    // (read in the text as written: its words are not spaced). The other rules read English; the
    // extension speaks German too, and X's ads come in the reader's language. The development
    // set holds few such posts, so the weight stays at its prior (that of a discount code: 2.0).
    // Only offer phrases, never a bare word of trade ("Angebot", "oferta", "promo" alone): people
    // talk about sales in every language. A call to buy now in its imperative forms; where those are
    // also a statement's, only as a call ends ("Jetzt kaufen!", "¡Compra ya!", "Compra ahora en…"):
    // "Soll ich jetzt kaufen?", "Mi madre compra hoy el pan" are people. In Dutch the imperative is
    // the first person's form ("Ik koop nu een fiets"), so none is read. Accented words are spelt
    // out both ways, not as classes, so that each alternative is a phrase (phrases.ts), and the
    // percentages and Japanese are read as strings (offerAbroadBeyondPhrases): no regexp is left
    // to compile (as one regexp, with classes and a sentence start, it held 98 KB of native code).
    name: 'text.offer-abroad', group: 'code', says: 'an offer in another language ("20 % Rabatt", "envío gratis", "code promo", "送料無料")', prior: 2.0, detail: 'match',
    pattern: /(?:\b(?:rabatt|gutschein|kortings)code\b|\bgutschein:? [«"“„']?[a-z]{0,12}\d|\b(?:gratis|kostenloser|kostenlosen|kostenlose) versand\b|\bversandkostenfrei\b|\bspare bis zu \d{1,2} ?%|\bdescuento del \d{1,2} ?%|\b(?:código|codigo) (?:de descuento|promocional|promo|de desconto)\b|\b(?:cupón|cupon|cupones) de descuento\b|\bcupom(?: de desconto)?\b|\b(?:envío|envio) (?:gratis|gratuito)\b|\bfrete gr[aá]tis\b|\boferta (?:especial|limitada|por tiempo limitado|rel[aâ]mpago)\b|\bcode promo\b|\blivraison (?:gratuite|offerte)\b|\boffre (?:sp[eé]ciale|limit[eé]e|exclusive)\b|\bcodice (?:sconto|promozionale)\b|\bspedizione gratuita\b|\bofferta (?:speciale|limitata)\b|\bgratis verzending\b|\bjetzt (?:kaufen|bestellen|sichern|shoppen|buchen|herunterladen|downloaden|testen|abonnieren|zuschlagen)(?= ?[!:.]|$| unter | auf | im | bei )|\b(?:compra|compre) (?:ya|ahora|hoy)(?= ?[!.]|$| en | y )|\b(?:cómpralo|compralo|cómprala|comprala|pídelo|pidelo|descárgala|descargala|descárgalo|descargalo|suscríbete|suscribete|regístrate|registrate) (?:ya|ahora|hoy)\b|\b(?:garanta|baixe|assine) (?:j[aá]|agora|hoje)\b|\b(?:achetez|commandez|réservez|reservez|téléchargez|telechargez|profitez)(?:-en|-le|-la)? (?:d[eè]s maintenant|maintenant|vite|aujourd'hui)|\b(?:acquista|ordina|prenota|scarica) (?:ora|subito|oggi)\b)/,
    triggers: ['descuento', 'desconto', 'sconto', 'rabattcode', 'gutscheincode', 'kortingscode', 'gutschein', 'versand', 'versandkostenfrei', 'bis', 'promocional', 'promo', 'cupom', 'gratis', 'gratuito', 'frete', 'oferta', 'livraison', 'offre', 'codice', 'spedizione', 'offerta', 'verzending',
      // the calls to buy, by their verb ("cómpralo" is read as "c" and "mpralo", as \b reads it)
      'jetzt', 'compra', 'compre', 'mpralo', 'delo', 'rgala', 'rgalo', 'bete', 'strate', 'garanta', 'baixe', 'assine', 'achetez', 'commandez', 'servez', 'reservez', 'chargez', 'telechargez', 'profitez', 'acquista', 'ordina', 'prenota', 'scarica'],
    or: offerAbroadBeyondPhrases,
  },
  {
    // Ad copy stacks its evidence: a price with a call to act, an offer with a launch, a deal
    // with its terms. Two or more kinds of commercial evidence in one post, not said in the first
    // person nor as a reply, read as an ad even when each alone is weak. A company's "we" and the
    // word "free" do not count as a kind ("Introducing our new podcast!" is no offer).
    name: 'text.offer-stack', group: 'offer', says: 'several signs of an offer together (a price, a call to act, a launch)', prior: 0.8,
    find: isOfferStack,
  },
  {
    // Market reports: a price level, a market move or on-chain figures, with no call to act
    // ("$BTC swept its November lows", "the realized price is trading at $1.48", "$300M in
    // liquidations"). The guide's not_seller case; price words otherwise read as deals.
    name: 'talk.market-report', group: 'talk', says: 'a market report (prices, levels, liquidations)', prior: -1, detail: 'match',
    when: (v) => !has(v, I_ACT_NOW) && !has(v, I_SIGNUP) && !has(v, I_LINK_CTA) && !has(v, I_OFFER_TERMS) && !has(v, I_CODE),
    pattern: /\b(?:(?:current|spot|realized|realised|market|mean|average|fair) price|price (?:action|models?|levels?|target)|trading (?:at|around|near|above|below)|(?:swept|sweeps|hit|hits|broke|breaks|reclaimed|reclaims|lost|loses|retests?|retested|tags?|tagged) (?:its |the |new |fresh )?(?:\w+ )?(?:lows?|highs?|support|resistance)|(?:all-time|multi-year|year-to-date|\d+-(?:day|week|month|year)) (?:highs?|lows?)(?! price)|liquidations?|market (?:cap|structure|sentiment|maker)|(?:support|resistance) (?:at|level|zone|around|near)|on-?chain (?:data|metrics?|activity)|(?:etf )?(?:inflows|outflows)|funding rates?|open interest|short squeeze|(?:bull|bear) market)\b|[$€£]\s?[\d,.]+ (?:a|an|per) (?:gallon|barrel|ounce|bushel|dozen|pound|litre|liter|kilo|kwh|tonne|ton|share)\b|\b(?:raised|raises|raising) (?:over |more than |nearly |almost |about )?[$€£]\s?\d/,
    triggers: ['raised', 'raises', 'raising', 'gallon', 'barrel', 'ounce', 'bushel', 'dozen', 'pound', 'litre', 'liter', 'kilo', 'kwh', 'tonne', 'ton', 'share', 'current', 'spot', 'realized', 'realised', 'market', 'mean', 'average', 'fair', 'price', 'trading', 'swept', 'sweeps', 'hit', 'hits', 'broke', 'breaks', 'reclaimed', 'reclaims', 'lost', 'loses', 'retest', 'retests', 'retested', 'tag', 'tags', 'tagged', 'lows', 'low', 'highs', 'high', 'support', 'resistance', 'liquidation', 'liquidations', 'structure', 'sentiment', 'maker', 'cap', 'onchain', 'on', 'chain', 'inflows', 'outflows', 'funding', 'interest', 'squeeze', 'bull', 'bear'],
  },
  {
    // A price put to the reader: an amount, a discount or "N for $X" in a post that tells the
    // reader to do something or talks to "you" ("Find hotels from $79 a night", "Lease from $289 a
    // month", "2 for $5 on all cereals"). Not in the first person, a reply, news or a market report.
    name: 'text.priced-offer', group: 'offer', says: 'a price put to the reader ("find hotels from $79 a night")', prior: 0.8,
    find: isPricedOffer,
  },
  {
    // A short line with no link reads as a remark, unless it carries an offer, a call to act, a
    // launch or a trademark: ads are often one short line ("Tickets are on sale now", "Order on
    // Plato Eats"). Read last, after the evidence it gives way to.
    name: 'talk.short', group: 'talk', says: 'a short remark',
    find: (v) => noLink(v) && v.text.length < 40 && !hasOfferEvidence(v),
  },
  {
    // A link to the site of a name the post says: a brand pointing to its own site, the form of
    // most promoted tweets ("Banking that works as hard as you do. Fernbank." with
    // fernbank.com/checking; "Meet Auralis Orbit Pro" with auralis.com). Not platforms, news or
    // reference sites (links.ts `sites`), and not in the first person: "I moved my savings to
    // Fernbank" is a customer talking.
    name: 'link.names-its-site', group: 'brand', says: 'a link to the site of the name it says', prior: 1.0,
    when: (v) => v.links.sites !== '' && !has(v, I_FIRST_PERSON),
    // The detail is read right after find (features.ts), from the site find named.
    find: (v) => (namedSite = siteNamed(v)) !== '', detail: () => namedSite,
  },
  {
    // A paid creator platform named: the guide's "Patreon/Gumroad/OnlyFans offers" ("New works
    // will be added to Patreon soon!", "the full pack is on Gumroad"). OnlyFans is text.adult's.
    name: 'text.paid-platform', group: 'selfpromo', says: 'a paid creator platform named (Patreon, Ko-fi, Gumroad)', prior: 1.0, detail: 'match',
    pattern: /\b(?:patreon|ko-?fi|gumroad|fanbox|fantia|buy ?me ?a ?coffee|fansly|payhip|skeb)\b/,
    triggers: ['patreon', 'ko', 'kofi', 'gumroad', 'fanbox', 'fantia', 'buy', 'buymeacoffee', 'fansly', 'payhip', 'skeb'],
  },
  {
    // A warning about a scam or a fake: the guide's not_seller case, though it quotes the scam's
    // own words ("a free airdrop", "guaranteed returns", "lost deposits").
    name: 'talk.scam-warning', group: 'talk', says: 'a warning about a scam', detail: 'match',
    pattern: /\b(?:warning to|scam warning to|(?:is|are|was|were) (?:a |an |all )?(?:scams?|fake|frauds?|phishing)\b|don'?t (?:click|fall for|send (?:them|him|her|anyone)|share your|trust)|never (?:share|send|give)(?: out)? your|(?:we|they)(?:'ll| will) never (?:ask|dm|message|contact)|beware of|stay safe|watch out for|fake (?:texts?|emails?|accounts?|sites?|websites?|links?|messages?|calls?|support|airdrops?)|phishing (?:texts?|emails?|accounts?|sites?|websites?|links?|messages?|calls?)|(?:impersonating|impersonator|impersonators|impersonation) (?:accounts?|emails?|texts?|messages?|calls?|scams?)|spoofed (?:texts?|emails?|accounts?|sites?|websites?|links?|messages?|calls?))\b/,
    triggers: ['warning', 'is', 'are', 'was', 'were', 'don', 'dont', 'never', 'we', 'they', 'beware', 'stay', 'watch', 'fake', 'phishing', 'impersonating', 'impersonation', 'impersonator', 'impersonators', 'spoofed'],
  },
  {
    // A job opening of one's own team: the guide's "a person saying 'we're hiring' once" is not a
    // seller. A job ad posted again and again shows as repetition (the author's repeated texts), a
    // promoted one as an ad, and a job scam by the money it promises; recruiting told in an ad's
    // words (a marketing verb opening a sentence: "Explore open roles at Freightwise"; "click the
    // link") is a company's marketing, as promoted job ads read. With any of those this does not
    // count ("join the team" does not make it marketing). The development set holds one such post
    // (not_seller): the weight stays at its prior.
    name: 'talk.hiring', group: 'talk', says: 'a job opening ("we\'re hiring")', prior: -1.0, detail: 'match',
    when: (v) => !has(v, I_MONEY) && !has(v, I_PRICE) && !has(v, I_IMPERATIVE) && !has(v, I_ACT_NOW) && !has(v, I_LINK_CTA),
    // Phrases only. "We're looking for a senior engineer" (a role word within the sentence) cost the
    // worker 24 KB of native regexp code, or as much optimised code read word by word; left out.
    pattern: /(?:\b(?:we'?re|we are|now|i'?m|i am) hiring|\b(?:open|new) (?:roles?|positions?)|\bjob openings?)\b|(?:^|\s)#hiring\b/,
    triggers: ['hiring', 'open', 'new', 'job'],
  },
];
/** The last learned score (the detail of text.learned reads it right after its value). */
let learnedScore = 0;
/** The site link.names-its-site found named last (its detail reads it right after find). */
let namedSite = '';

/**
 * The learned score as the post model takes it. Where a self-promotion rule already spoke (a
 * channel, one's own work), the learned component may not add to it: channel promotion is what
 * it learned from the development set's YouTube spam, and the rules' caps bound that case.
 * The fit (tools/fit/pipeline.ts) applies the same.
 */
export function learnedValue(score: number, x: Float64Array): number {
  return score > 0 && (x[I_SELF_PROMO]! !== 0 || x[I_OWN_WORK]! !== 0) ? 0 : score;
}

/** Rule name → its index (the layout of the feature and weight vectors). */
export const RULE_INDEX: Readonly<Record<string, number>> = Object.fromEntries(RULES.map((r, i) => [r.name, i]));

// Indices of the rules that other rules read, looked up once here rather than by name per post.
function ruleIndex(name: string): number {
  const i = RULE_INDEX[name];
  if (i === undefined) throw new Error(`no rule named ${name}`);
  return i;
}
const I_WITH_ASK = ruleIndex('link.with-ask');
const I_SELF_PROMO = ruleIndex('text.self-promo');
const I_OWN_WORK = ruleIndex('text.own-work');
const I_REPLY = ruleIndex('talk.reply');
const I_NEWS = ruleIndex('talk.news');
const I_IMPERATIVE = ruleIndex('text.imperative-pitch');
const I_SIGNUP = ruleIndex('text.signup-cta');
const I_LINK_CTA = ruleIndex('text.link-cta');
const I_CHECK_OUT = ruleIndex('text.check-out');
const I_BENEFIT = ruleIndex('text.benefit-claim');
const I_LAUNCH = ruleIndex('text.launch');
const I_PITCH = ruleIndex('text.product-pitch');
const I_HYPE = ruleIndex('text.hype-copy');
const I_YOU = ruleIndex('text.you-address');
const I_PRODUCT = ruleIndex('text.product');
const I_CODE = ruleIndex('text.discount-code');
const I_PRICE = ruleIndex('text.price');
const I_MONEY = ruleIndex('text.money-scheme');
const I_URGENCY = ruleIndex('text.urgency');
const I_FREE = ruleIndex('text.free');

// Trigger words shared by two rules each: an ask and a mere pointer to a link, channel promotion
// and naming one's own work. (Functions, so that the table above can use them before this line.)
function LINK_ASK_WORDS(): readonly string[] {
  return ['please', 'pls', 'plz', 'click', 'tap', 'visit', 'go', 'here', 'watch', 'listen', 'vote', 'look', 'join', 'register', 'apply', 'download', 'read', 'like', 'follow', 'check', 'help', 'see', 'find', 'learn', 'full', 'details', 'detail'];
}
function SELF_PROMO_WORDS(): readonly string[] {
  return ['check', 'subscribe', 'sub', 'sub4sub', 'subs', 'visit', 'follow', 'share', 'support', 'give', 'suscribe', 'subcribe', 'subscrib', 'help', 'my', 'our', 'channel'];
}
function CHECK_WORDS(): readonly string[] {
  return ['check'];
}

/** Kinds of commercial evidence counted by text.offer-stack (one each, however many rules of a kind fire), as rule indices. */
const OFFER_KINDS: readonly (readonly number[])[] = [
  ['text.price', 'text.deal', 'text.discount-code', 'text.offer-abroad'],
  ['text.act-now', 'text.signup-cta', 'text.link-cta', 'text.imperative-pitch'],
  ['text.offer', 'text.offer-terms'],
  ['text.product-launch', 'text.launch'],
  ['text.urgency'],
  ['link.shop', 'link.app-store', 'link.affiliate', 'link.campaign', 'text.act-at-place'],
].map((kind) => kind.map(ruleIndex));
/** The launch kind's row in OFFER_KINDS. */
const K_LAUNCH = 3;
const I_FIRST_PERSON = ruleIndex('talk.first-person');
const I_ACT_NOW = ruleIndex('text.act-now');
const I_OFFER_TERMS = ruleIndex('text.offer-terms');

const I_TRADEMARK = ruleIndex('text.trademark');
const I_PAID_CHANNEL = ruleIndex('text.paid-channel');

/**
 * Any kind of commercial evidence of text.offer-stack but a launch (people and newsrooms
 * introduce things too: "Introducing our new podcast!"), a trademark sign or a paid channel.
 */
function hasOfferEvidence(v: PostView): boolean {
  const x = v.x;
  if (x[I_TRADEMARK]! !== 0 || x[I_PAID_CHANNEL]! !== 0) return true;
  for (let k = 0; k < OFFER_KINDS.length; k++) {
    if (k === K_LAUNCH) continue;
    const kind = OFFER_KINDS[k]!;
    for (let j = 0; j < kind.length; j++) if (x[kind[j]!]! !== 0) return true;
  }
  return false;
}

/** A presale (of tokens or of tickets), and what makes it a token's. */
const RE_PRESALE = /\bpre-?sale\b/;
const RE_CRYPTO_SIGN = compactRegExp(/\b(?:tokens?|coins?|crypto|airdrop|blockchain|web3|defi|nft|memecoin|wallet|whitelist|wl|on-?chain|solana|ethereum|bnb|tge)\b|\$[a-z]{2,10}\b/);

/** Reporting verbs of the third person (a subset of talk.news). */
const RE_REPORTED = compactRegExp(/\b(?:announced|announces|unveiled|unveils|reported|reports|reportedly|according to|says|said|told)\b/);

/** Reported in the third person ("Apple announced…, starting at $599"): product news, not an offer. */
function isReported(v: PostView): boolean {
  return v.x[I_NEWS]! !== 0 && RE_REPORTED.test(v.t);
}

function isOfferStack(v: PostView): boolean {
  const x = v.x;
  if (x[I_REPLY]! !== 0 || x[I_FIRST_PERSON]! !== 0) return false;
  if (isReported(v)) return false;
  let kinds = 0;
  for (let k = 0; k < OFFER_KINDS.length; k++) {
    const kind = OFFER_KINDS[k]!;
    for (let j = 0; j < kind.length; j++) {
      if (x[kind[j]!]! !== 0) {
        if (++kinds >= 2) return true;
        break;
      }
    }
  }
  return false;
}

const I_DEAL = ruleIndex('text.deal');
const I_MARKET = ruleIndex('talk.market-report');
/** A discount or a bundle price: "30% off", "2 for $5". */
const RE_PRICE_CUT = compactRegExp(/\b\d+ ?% off\b|\b\d+ for [$€£]\d/);
/** A sentence opening with a verb addressed to the reader: how ads begin ("Find…", "Lease…", "Stock up…"). */
export const AD_OPENING = /(?:^|[.!?:] )(?:get|find|try|shop|order|book|rent|lease|buy|save|stock up|upgrade|discover|learn|start|make|take|send|stay|go|win|score|hear|wake up|plan|protect|treat|enjoy|join|switch|stream|watch|ride|fly|pay|file|grab|catch|celebrate|meet|say hello to|experience|explore|unlock|add|give|skip|drive|travel|visit|call|apply|register|sign up|subscribe|download|install|claim|pick up|pre-?order|reserve|outsmart|cook|sleep|own|treat yourself|spend|earn|refinance|insure)\b/;
/**
 * AD_OPENING's verbs, read by word instead of run as a regexp: its native code was 31 KB of the
 * background worker's heap (issue 12). The same matches: the text opens, or a sentence does
 * ("[.!?:] "), with one of the verbs, then a word boundary.
 */
const AD_OPENING_VERBS = (() => {
  const alts = AD_OPENING.source.slice(AD_OPENING.source.indexOf(')(?:') + 4, AD_OPENING.source.lastIndexOf(')')).split('|');
  const all = alts.flatMap((a) => (a === 'pre-?order' ? ['pre-order', 'preorder'] : [a]));
  if (all.some((a) => !/^[a-z][a-z -]*[a-z]$/.test(a))) throw new Error('AD_OPENING: a verb this reading does not know');
  return { words: new Set(all.filter((a) => /^[a-z]+$/.test(a))), phrases: all.filter((a) => !/^[a-z]+$/.test(a)) };
})();

/** Whether AD_OPENING matches in t (exported for its test). */
export function hasAdOpening(t: string): boolean {
  if (opensWithVerb(t, 0)) return true;
  for (let sp = t.indexOf(' '); sp >= 0; sp = t.indexOf(' ', sp + 1)) {
    if (sp >= 1 && '.!?:'.includes(t[sp - 1]!) && opensWithVerb(t, sp + 1)) return true;
  }
  return false;
}

/** Whether one of AD_OPENING's verbs stands at p, followed by a word boundary. */
function opensWithVerb(t: string, p: number): boolean {
  let e = p;
  while (e < t.length && isWordCode(t.charCodeAt(e))) e++;
  if (e > p && AD_OPENING_VERBS.words.has(t.slice(p, e))) return true;
  for (const ph of AD_OPENING_VERBS.phrases) {
    if (t.startsWith(ph, p) && !isWordCode(t.charCodeAt(p + ph.length))) return true;
  }
  return false;
}
const RE_YOUR = /\byour\b/;

function isPricedOffer(v: PostView): boolean {
  const x = v.x;
  if (x[I_REPLY]! !== 0 || x[I_FIRST_PERSON]! !== 0 || x[I_MARKET]! !== 0) return false;
  const t = v.t;
  const priced = x[I_PRICE]! !== 0 || x[I_DEAL]! !== 0 || x[I_CODE]! !== 0 || ((v.currency || t.includes('%') || t.includes(' for ')) && RE_PRICE_CUT.test(t));
  if (!priced) return false;
  return x[I_YOU]! !== 0 || x[I_IMPERATIVE]! !== 0 || RE_YOUR.test(t) || hasAdOpening(t);
}

function isAdCopy(v: PostView): boolean {
  const x = v.x;
  if (x[I_REPLY]! !== 0 || x[I_NEWS]! !== 0) return false;
  // Someone giving their own thing away ("Free guide: I put my notes in one doc, link below").
  if (x[I_FIRST_PERSON]! !== 0 && x[I_FREE]! !== 0) return false;
  if (x[I_IMPERATIVE]! + x[I_SIGNUP]! + x[I_LINK_CTA]! + x[I_CHECK_OUT]! + x[I_WITH_ASK]! === 0) return false;
  const claims = x[I_BENEFIT]! + x[I_LAUNCH]! + x[I_PITCH]! + x[I_HYPE]! + x[I_YOU]! + x[I_PRODUCT]! +
    // A discount code is a whole offer by itself ("Use code SAVE20 for 20% off, shop now").
    (x[I_CODE]! > 0 ? 2 : x[I_PRICE]! + x[I_URGENCY]! + x[I_FREE]! > 0 ? 1 : 0);
  return claims >= 2;
}

const RE_APP_STORE = /\b(?:apps\.apple\.com|itunes\.apple\.com\/app|play\.google\.com\/store\/apps|app\.link|onelink\.me|smart\.link|page\.link)/;
/** Professional categories of X that sell (shops, brands, products), as opposed to news, public bodies or people. */
const RE_SELLING_CATEGORY = compactRegExp(/\b(?:shop|store|retail|product|brand|restaurant|food|beverage|apparel|clothing|fashion|beauty|cosmetic|jewel|e-?commerce|marketing|advertising|agency|software|internet company|app|games?|gaming|entertainment|hotel|travel|real estate|car|automotive|financial|bank|crypto|consumer|cafe|bakery|fitness|health & wellness)/i);
const RE_PHONE = /(?:^|\s)(?:\+\d{10,14}|0\d{9,11})(?:\s|$)/;
const RE_POINTING = /[👉👇➡⬇↓→🔗📲📩📱💰🚀🔥💎🎁]/u;
const RE_REPLY_LEAD = /^\s*(?:@\w{1,15}\s*)+/;
const RE_QUESTION = /\?(?:$|[\s"'”)!?])/;
const RE_WALLET = compactRegExp(/\b(?:0x[0-9a-fA-F]{40}|bc1[02-9ac-hj-np-z]{25,60}|[13][1-9A-HJ-NP-Za-km-z]{25,34}|[1-9A-HJ-NP-Za-km-z]{32,44})\b/);
/** Bio words that say a shop runs behind the account. */
const RE_BIO_SALES = compactRegExp(/\b(?:shop|store|order(?:s)?|dm (?:to|for) (?:order|price|collab|promo)|business (?:inquiries|enquiries|email)|promo(?:tion)?s?|collab(?:s|oration)?|deals|discount|coupon|affiliate|wholesale|we ship|shipping|buy|sale|clothing|boutique|apparel|merch|bookings?|use code)\b/);
/** A wallet or contract address: 0x… hex, bc1…, or base58 that mixes digits and both cases (an ordinary long word does not). */
function hasWalletAddress(text: string): boolean {
  const m = RE_WALLET.exec(text);
  if (!m) return false;
  const a = m[0];
  if (a.startsWith('0x') || a.startsWith('bc1')) return true;
  return /[0-9]/.test(a) && /[A-Z]/.test(a) && /[a-z]/.test(a);
}

/** The post is little more than a link (drop-a-link spam): under 12 letters outside links (words with a dot, over 6 characters). */
function isBareLink(text: string): boolean {
  let letters = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && text.charCodeAt(i) <= 32) i++;
    const start = i;
    let dot = false;
    let wordLetters = 0;
    while (i < n && text.charCodeAt(i) > 32) {
      const c = text.charCodeAt(i) | 32;
      if (c === 46) dot = true;
      else if (c >= 97 && c <= 122) wordLetters++;
      i++;
    }
    if (dot && i - start > 6) continue;
    letters += wordLetters;
    if (letters >= 12) return false;
  }
  return true;
}

/**
 * The words a post says outside its links, for the names of sites: runs of a–z and 0–9 of the
 * whitespace-separated tokens of `lower`, leaving out tokens that
 * look like links (a letter or digit, a dot, two letters: "fernbank.com/x"). Read by hand: as two
 * regexps it was 5 KB of the worker's native code (issue 12).
 */
export function nameWords(lower: string): string[] {
  const words: string[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpaceCode(lower.charCodeAt(i))) i++;
    const start = i;
    let linkish = false;
    while (i < n && !isSpaceCode(lower.charCodeAt(i))) {
      if (!linkish && lower.charCodeAt(i) === 46 && i > start && isAlnumCode(lower.charCodeAt(i - 1)) && isLowerLetterCode(lower.charCodeAt(i + 1)) && isLowerLetterCode(lower.charCodeAt(i + 2))) linkish = true;
      i++;
    }
    if (linkish) continue;
    for (let j = start; j < i; ) {
      while (j < i && !isAlnumCode(lower.charCodeAt(j))) j++;
      const w = j;
      while (j < i && isAlnumCode(lower.charCodeAt(j))) j++;
      if (j > w) words.push(lower.slice(w, j));
    }
  }
  return words;
}

/**
 * How brands' domains dress their name: "get", "try", "use" before it (getfernbank.com), the trade
 * or "app", "hq" after it (lumorabank.com, tarrantmotors.com, notalyhq.com).
 */
const SITE_PREFIXES = ['get', 'try', 'use', 'join', 'go', 'my', 'hello', 'hey', 'meet', 'the', 'with', 'shop', 'buy'];
const SITE_SUFFIXES = new Set([
  'app', 'apps', 'hq', 'inc', 'co', 'corp', 'group', 'labs', 'lab', 'official', 'online', 'global', 'world',
  'usa', 'us', 'uk', 'eu', 'io', 'ai', 'tech', 'bank', 'pay', 'money', 'finance', 'capital', 'invest',
  'insurance', 'motors', 'auto', 'cars', 'store', 'shop', 'home', 'foods', 'food', 'kitchen', 'coffee',
  'health', 'fitness', 'beauty', 'skin', 'wear', 'clothing', 'energy', 'games', 'game', 'studio', 'studios',
  'travel', 'hotels', 'air', 'airlines', 'mobile', 'wireless', 'telecom', 'learn', 'academy', 'pets', 'pet',
]);

/** Whether `site` is `name` as brands' domains write it: the name alone, or dressed (SITE_PREFIXES, SITE_SUFFIXES). */
function siteOfName(site: string, name: string): boolean {
  if (site === name) return true;
  if (name.length < 4 || site.length <= name.length) return false;
  if (site.startsWith(name)) return SITE_SUFFIXES.has(site.slice(name.length));
  if (site.endsWith(name)) return SITE_PREFIXES.includes(site.slice(0, site.length - name.length));
  return false;
}

/**
 * The first site linked (links.ts `sites`) whose name the text says outside its links: as a word
 * ("Fernbank", "@fernbank"), or as two or three words run together ("Swap Line" for
 * swap-line.io), as the domain is or dressed as brands' domains are ("Lumora" for
 * lumorabank.com, "Notaly" for getnotaly.com). '' when none.
 */
export function siteNamed(v: PostView): string {
  const sites = v.links.sites;
  if (!sites) return '';
  const words = nameWords(v.lower);
  if (!words.length) return '';
  for (const site of sites.split(' ')) {
    for (let i = 0; i < words.length; i++) {
      let joined = words[i]!;
      if (site.indexOf(joined) < 0) continue;
      if (siteOfName(site, joined)) return site;
      // Words run together only as the domain is: "the weather" is no name of theweatherbank.com.
      for (let k = 1; joined.length < site.length && k < 3 && i + k < words.length; k++) {
        joined += words[i + k]!;
        if (joined === site) return site;
      }
    }
  }
  return '';
}

/** How sponsorship tags end (#doordash_partner, #SamsungPartner, #NikeAmbassador, #brand_ad); the bare words are text.sponsored's pattern. */
const SPONSOR_TAG_ENDINGS = ['partner', 'ambassador', 'sponsored', '_ad', '_ads', '_spon', 'gifted'];

/** A hashtag with a sponsorship tag's ending and something before it (read by word, as links.ts reads sites). */
export function hasSponsorTag(tags: readonly string[] | undefined): boolean {
  if (!tags) return false;
  for (const tag of tags) {
    const t = tag.toLowerCase();
    for (const end of SPONSOR_TAG_ENDINGS) if (t.length > end.length && t.endsWith(end)) return true;
  }
  return false;
}
