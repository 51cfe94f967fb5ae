// The hand-designed features of one post. Each is a small number (mostly 0/1) with a name,
// a reason group (how it is told to a person) and a weight (src/classifier/weights.ts).
//
//   TweetFacts + AuthorProfile ──> extractFeatures ──> x[0..N) ──> Σ wᵢxᵢ ──> pSelling
//                                         └──> details[i] (domain, code, …) for the evidence
//
// Features describe general selling behaviour (calls to action, promo vocabulary, kinds of link,
// crypto intent, engagement bait) rather than particular accounts or words of one data set.
import type { AuthorProfile, TweetFacts } from '../shared/types';
import { LinkKind, readLinks } from './links';

const L_ANY = LinkKind.Any, L_SHOP = LinkKind.Shop, L_AFF = LinkKind.Affiliate, L_SHORT = LinkKind.Shortener,
  L_BIO = LinkKind.BioPage, L_MSG = LinkKind.Messaging, L_CRYPTO = LinkKind.Crypto, L_CHEAP = LinkKind.CheapDomain,
  L_VIDEO = LinkKind.Video, L_INVITE = LinkKind.Invite, L_CONTENT = LinkKind.Content;

/** How a feature is told in a reason ("5 of 7 posts carried shop links"). */
export type ReasonGroup =
  | 'shop' | 'affiliate' | 'linkpage' | 'shortener' | 'messaging' | 'invite' | 'crypto' | 'code'
  | 'cta' | 'selfpromo' | 'giveaway' | 'bait' | 'money' | 'recovery' | 'sponsored' | 'hashtags'
  | 'promo' | 'ad' | 'scheduler' | 'profile' | 'links' | 'talk' | 'adult';

export interface FeatureDef {
  name: string;
  group: ReasonGroup;
  /** Weight fitted on the development set (true) or set by hand because the set cannot show it (false). */
  fitted: boolean;
}

const F = (name: string, group: ReasonGroup, fitted = true): FeatureDef => ({ name, group, fitted });

/** The feature table. Order is the layout of the weight vector: append, never reorder, without refitting. */
export const FEATURES: readonly FeatureDef[] = [
  F('link.any', 'links', false),
  F('link.shop', 'shop'),
  F('link.affiliate', 'affiliate'),
  F('link.shortener', 'shortener'),
  F('link.bio-page', 'linkpage'),
  F('link.messaging', 'messaging'),
  F('link.crypto', 'crypto'),
  F('link.cheap-domain', 'links'),
  F('link.video', 'selfpromo'),
  F('link.invite', 'invite'),
  F('link.bare', 'links'),
  F('link.content', 'talk'),
  F('link.with-ask', 'cta'),
  F('text.product-pitch', 'promo'),
  F('text.contact-dm', 'cta'),
  F('text.link-cta', 'cta'),
  F('text.signup-cta', 'cta'),
  F('text.self-promo', 'selfpromo'),
  F('text.discount-code', 'code'),
  F('text.urgency', 'promo'),
  F('text.price', 'promo'),
  F('text.giveaway', 'giveaway'),
  F('text.engagement-bait', 'bait'),
  F('text.token-launch', 'crypto'),
  F('text.airdrop-claim', 'crypto'),
  F('text.wallet-address', 'crypto'),
  F('tag.cashtag', 'crypto'),
  F('tag.cashtags-many', 'crypto'),
  F('text.money-scheme', 'money'),
  F('text.recovery-scam', 'recovery'),
  F('text.sponsored', 'sponsored'),
  F('tag.hashtags-many', 'hashtags'),
  F('tag.hashtags-very-many', 'hashtags'),
  F('text.launch', 'promo'),
  F('text.hype-copy', 'promo'),
  F('text.free', 'promo'),
  F('text.you-address', 'promo'),
  F('text.pointing', 'promo'),
  F('text.shouting', 'promo'),
  F('tag.mentions-many', 'bait'),
  F('talk.reply', 'talk'),
  F('talk.question', 'talk'),
  F('talk.short', 'talk'),
  F('talk.news', 'talk'),
  F('talk.first-person', 'talk'),
  F('text.we-voice', 'promo'),
  F('text.product', 'promo'),
  F('text.check-out', 'cta'),
  // Facts the development set does not carry: hand-set weights, see weights.ts.
  F('post.ad', 'ad', false),
  F('post.scheduler', 'scheduler', false),
  F('profile.business', 'profile', false),
  F('profile.bio-shop-link', 'profile', false),
  F('profile.bio-sales', 'profile', false),
  F('profile.followed', 'talk', false),
  // Added with the second fit (see weights.ts): growth bait, creators pitching themselves, and more.
  F('text.growth-bait', 'bait'),
  F('text.check-out-name', 'cta'),
  F('text.creator-pitch', 'selfpromo'),
  F('text.adult', 'adult'),
  F('text.imperative-pitch', 'promo'),
  F('link.spelled-out', 'links'),
  // Added with the third fit: sharing a link vs asking for the click, and ad copy without links.
  F('link.with-pointer', 'links'),
  F('text.benefit-claim', 'promo'),
  F('text.ad-copy', 'promo', false),
  F('text.own-work', 'selfpromo'),
];

export const N_FEATURES = FEATURES.length;
export const FEATURE_INDEX: Readonly<Record<string, number>> = Object.fromEntries(FEATURES.map((f, i) => [f.name, i]));

const enum I {
  LinkAny, LinkShop, LinkAffiliate, LinkShortener, LinkBioPage, LinkMessaging, LinkCrypto, LinkCheap,
  LinkVideo, LinkInvite, LinkBare, LinkContent, LinkAsk, Pitch, ContactDm, LinkCta, SignupCta, SelfPromo, Code, Urgency, Price, Giveaway,
  Bait, TokenLaunch, Airdrop, Wallet, Cashtag, CashtagsMany, Money, Recovery, Sponsored, HashtagsMany,
  HashtagsVeryMany, Launch, Hype, Free, YouAddress, Pointing, Shouting, MentionsMany, Reply, Question,
  Short, News, FirstPerson, We, Product, CheckOut, Ad, Scheduler, Business, BioShopLink, BioSales, Followed,
  GrowthBait, CheckOutName, CreatorPitch, Adult, Imperative, SpelledLink, LinkPointer, Benefit, AdCopy, OwnWork,
}

// --- text patterns (run on lowercased text; phrases seen in real promotion, kept general) ---
const RE_CONTACT_DM = /\b(?:dmm? (?:me|us|for|now|to|if (?:interested|you'?re interested))|(?:send|drop) (?:me |us )?(?:a |an )?(?:dm|message)|message (?:me|us) (?:for|on|to|now)|inbox (?:me|us)|(?:reach out|contact (?:me|us)?) (?:via|on|through|by) (?:dm|whatsapp|telegram)|(?:reach out|message|contact|write)(?: us| me)? via dm\b|(?:whats ?app|telegram|call|text)(?: me| us)?\s*[:+]|text (?:me|us) (?:at|on)|contact (?:me|us) (?:for|at|on)|(?:dm|message|contact(?:ing)?|reach(?:ing)? out to|write to|text) @\w)/;
const RE_LINK_CTA = /\b(?:links? (?:is |are )?(?:in|on) (?:my |the |our )?(?:bio|profile)|(?:my|this|the) (?:referral|invite|affiliate) link|(?:through|use|via|with) my link|links? (?:below|in (?:the )?(?:comments?|replies|thread))|click (?:on )?(?:the |my |this )?(?:link|here|below)|tap (?:the )?link|(?:visit|go to) (?:my|our|the) (?:link|website|site|page|store|shop)|check (?:the )?link|see (?:the )?link|details? (?:in|at) (?:the )?link|official link)\b/;
/** Words that ask the reader to go somewhere; with a link, the post sends traffic. */
const RE_LINK_ASK = /\b(?:please|pls|plz|click|tap|visit|go (?:to|here|check)|(?:listen|vote|join|register|download)\b|like (?:this|my|our) (?:page|video|post)|follow (?:this|my|our|him|her)|check (?:this|it|out|here)|help (?:me|us))\b/;
/**
 * Words that only point at a link ("Read more here:", "Watch the livestream:", "See more:"): how
 * newsrooms and brands share their stories, weaker than an ask. Shares RE_LINK_ASK's trigger bit.
 */
const RE_LINK_SHARE = /\b(?:here\b|(?:watch|look|apply|read)\b|(?:see|find out|learn) more|full (?:story|article|report|video|interview|episode)|details? (?:here|at|below))/;
/** Small-business and product ad copy. */
const RE_PITCH = /\b(?:high[- ]quality|hand[- ]?made|handcrafted|crafted (?:from|with|by)|perfect (?:gift|for (?:any|every|your))|makes? a great gift|premium (?:quality|materials?)|custom(?:i[sz]ed)? (?:\w+ )?(?:made|engraved|printed|designs?|orders?)|our (?:customers|clients|products?|services?|collection|shop|store)|call us|free (?:delivery|trial|consultation|quote)|in stock|best (?:price|deals?|rates)|affordable|we (?:offer|provide|deliver|sell|ship)|solutions? for (?:your|all)|(?:book|schedule) (?:a|your) (?:demo|call|consultation|appointment)|(?:designed|built|made|perfect|ideal) for (?:home chefs|(?:e-?comm\w* )?brands|agencies|creators|founders|businesses|marketers|startups)|for (?:e-?comm\w* )?brands and agencies|(?:worldwide|international|nationwide|fast|express|same[- ]day|next[- ]day) (?:shipping|delivery)|ships? (?:worldwide|internationally|for free|free|within \d|in \d+ (?:business )?days)|(?:dm|message|inbox|contact) (?:me |us )?for (?:the )?(?:prices?|pricing|rates))\b/;
const RE_SIGNUP_CTA = /\b(?:sign ?up|register(?: now| here| today|:)|join (?:now|today|us(?! in (?:wishing|congratulating|welcoming|celebrating|remembering|honou?ring|thanking))|here|the|our|my|free)|subscribe (?:now|today|here)|order (?:now|today|yours|here)|pre-?orders?|shop (?:now|today|the|our|here)|buy (?:now|today|here|yours|it)|book (?:now|today|yours|a)|get (?:yours|started|it now|access|your (?:copy|tickets?|pass|spot))|grab (?:yours|your|a|one)|learn more|try (?:it|for free|now|today)|download (?:now|today|the app|free)|apply now|claim (?:yours|your|now|it)|secure your|reserve your|enroll|save your spot|don'?t miss (?:out|it))\b/;
const RE_SELF_PROMO = /\b(?:check (?:out )?(?:my|our)(?! (?:new |latest )?(?:blog|post|article|essay|thread|newsletter|paper|write-?up|piece|talk|slides)\b)|(?:subscribe|sub) (?:to )?(?:my|our)|my (?:channel|music video|mixtape|page|playlist|store|shop|website|ebook|course)|visit (?:my|our)|follow (?:me|my|our)\b(?! on this)|check out this (?:video|playlist|channel)|please (?:subscribe|check|share|support|visit)|(?:like|share) (?:and|&) subscribe|support (?:my|me|our)|give (?:me|my|it) a (?:chance|listen|try)|su(?:b?s|b)?cri(?:be|b)\b|my (?:gaming |youtube |music )?channel|i subscribe back|sub ?4 ?sub|help me (?:get|reach)|watch my|(?:made|started) a (?:\w+ )?channel|check (?:me|men) out)\b/;
/**
 * One's own work named without an ask ("my music", "our new podcast", "my latest video"): creators
 * and newsrooms talk of their work like this, so it leans less than an ask. Runs on RE_SELF_PROMO's bit.
 * Pointing at one's own writing ("check out my new blog post") counts here, not as RE_SELF_PROMO's ask
 * (whose "check out my" is there for channel promotion): RE_SELF_PROMO leaves it out by a look-ahead.
 */
const RE_OWN_WORK = /\b(?:(?:my|our) (?:rap|music|songs?|videos?|art|artwork|work|website|blog|template|app|product|podcast|stream)\b|(?:my|our) (?:latest|new) (?:video|episode|podcast|release|drop|course|product|book|album|single|song|blog|post|article|essay|newsletter|paper|write-?up|piece))\b/;
const RE_CODE = /\b(?:use (?:my |the |promo |discount |coupon )?code|promo ?code|coupon|discount(?:ed)?|voucher|\d{1,2} ?% off|(?:save|get|take) (?:up to )?(?:\$\d+|\d+ ?%)|free shipping|off your (?:first )?order|code\s*[:"'“]\s*[a-z0-9]{3,}|bogo|half price|(?:hot|daily|best|exclusive|black friday) deals?\b|deal of the day|buy one,? get one|(?:flash|clearance|warehouse|mega|summer|winter|spring|holiday|black friday|cyber monday|boxing day|biggest) sale\b)/;
const RE_URGENCY = /\b(?:limited(?: time| spots?| offer| edition| supply|-time)|hurry|act fast|act now|last chance|ends (?:soon|tonight|today|in|at)|(?:only|just) \d+ (?:left|spots?|remaining|hours?|days?)|today only|while (?:supplies|stocks?) last|first (?:come|\d+)|before it'?s (?:gone|too late)|before it ends|(?:till|until) midnight|don'?t (?:wait|be late|be left|be sidelined)|price (?:goes up|increases?|is gone)|sell(?:ing)? out|almost sold|(?:permanently )?increase in|final hours|countdown|(?:sale|offer|deal|promo|discount)s? ends)\b/;
const RE_PRICE = /(?:[$€£¥]\s?\d[\d,.]*\s?(?:\/\s?(?:mo|month|yr|year)|only|usd)?|\b\d[\d,.]* (?:usd|dollars|eur|euros)\b|\b(?:only|just|for) [$€£]\d|\bper (?:month|hour|day)\b)/;
const RE_GIVEAWAY = /\b(?:give ?aways?|giving away|chance to win|win (?:a|an|free|\d+ (?!(?:\w+ )?(?:awards?|titles?|games?|matches|races?|championships?|rings?|medals?|cups?|trophies|times|straight|in a row|seasons?)\b))|winners? (?:will be|announced|gets?|in \d)|raffle|sweepstakes|how to enter|to enter(?: the (?:giveaway|raffle|draw|contest)|[:,])|prize pool|prizes? (?:worth|of|include)|win \$|lucky (?:winner|person|\d)|random winner)\b/;
const RE_BAIT = /\b(?:like\s*(?:&|and|\+|,)\s*(?:rt|retweet|repost|share|follow|comment)|(?:rt|retweet|repost)\s*(?:&|and|\+|,)\s*(?:follow|like)|follow\s*(?:&|and|\+|,)\s*(?:rt|retweet|like)|tag \d+ (?:friends?|people)|tag (?:a|your) friends?|comment ['"“]?done|drop (?:your|ur) (?:\$?[a-z]+ )?(?:wallet|address|addy|handle|link)|wallet address in|follow ?back|f4f|ifb|follow ?train|gain (?:followers|\d+)|(?:like|thumbs up) (?:this|my) comment|if (?:you|u) (?:like|want)[^.!?]{0,40}\b(?:like|follow|retweet|subscribe)\b|turn on notifications|(?:please )?share (?:this|it|to vote)|vote for|give (?:it|me|us) a like|who(?:'s| is) (?:online|active)|follow (?:everyone|all) (?:who|that))/;
const RE_TOKEN_LAUNCH = /\b(?:(?:get in|buy) (?:before|early|now)|before the pump|deploy(?:ed|ing)?\b[^.!?\n]{0,60}\b(?:tokens?|coins?|ticker|fees?|supply|logo|image|name)|ticker\s*[:$&(]|\bticker\b|presale|pre-sale|fair ?launch|stealth launch|bonding curve|(?:token|coin) (?:launch|is live|just launched)|launch(?:ing|ed)? (?:on|in) pump|ca\s*[:=>]|contract address|\bca (?:is|below|to be|will)|liquidity (?:locked|burned|burnt)|lp (?:locked|burned)|next (?:100|1000)x|\d+x (?:gem|potential)|ape (?:in|now)|low ?cap gem|mint (?:is )?live|free mint|mint now|(?:public|wl) mint|deploy (?:it )?again\b)|@\w+,? (?:please |pls |plz )?(?:deploy|launch)\b/;
const RE_AIRDROP = /\b(?:air ?drops?|claim (?:your|now|it|here|the|free)|(?:is|are) claimable|eligib(?:le|ility)|allocation|whitelist|\bwl\b|(?:token|reward)s? (?:are )?(?:live|unlocked)|connect (?:your )?wallet|claims? (?:are )?(?:live|open|being processed))\b/;
const RE_WALLET = /\b(?:0x[0-9a-fA-F]{40}|bc1[02-9ac-hj-np-z]{25,60}|[13][1-9A-HJ-NP-Za-km-z]{25,34}|[1-9A-HJ-NP-Za-km-z]{32,44})\b/;
const RE_MONEY = /\b(?:make (?:money|\$?\d+)|earn (?:money|\$|\d+|up to|extra|passive)|passive income|get paid|paid (?:to|up ?to)|work (?:from|at) home|financial freedom|(?:trading|forex|crypto) signals?|(?:daily|weekly) profits?|guaranteed (?:profit|returns?|income)|investment (?:plan|opportunit)|double your|cash ?app|send (?:me )?"?stocks"?|free (?:stock )?picks?|profit of|\broi\b|per hour|earn (?:points|rewards|yield|interest|\d+%|while|by)|\d+(?:\.\d+)? ?% apy|(?:deposit|stake)\w*,? (?:and |& )?earn|\$[\d,.]+k? (?:in|worth of) (?:prizes|rewards|bonus(?:es)?)|turn(?:ing|ed)? \$[\d,.]+k? (?:in)?to|(?:made|making) \$[\d,.]+k?)\b/;
const RE_RECOVERY = /\b(?:recover(?:y)? (?:your |lost |of )?(?:lost )?(?:crypto|funds|money|assets|account|support|assistance|guidance|help|experts?|specialists?|options|services?|team|agents?)|scam (?:alert|warning)|red flags?|fake profits|(?:deposits?|funds) (?:lost|frozen|blocked|trapped)|lost deposits|drain(?:s|ing)? (?:user )?funds|(?:lost|stolen|scammed) (?:crypto|funds|money|bitcoin)|withdrawals? (?:blocked|frozen|locked)|funds? (?:recovery|retrieval)|been scammed|scam victims?|hacked (?:account|wallet)|seed phrase|private key|recovery phrase|(?:verified|certified) (?:recovery|experts?|hackers?)|recover (?:your |my |the |all )?(?:loss(?:es)?|lost|funds?|money|btc|bitcoin|crypto)|helped me (?:get|recover)\w* (?:everything|it|all|my \w+) back|lost \$?[\d,.]+k? (?:\w+ )?(?:to|in) (?:a |an )?(?:scam|fake)|crypto ?recovery|don'?t lose hope|(?:legit|trusted|reliable) (?:service|hackers?|experts?|recovery))/;
const RE_SPONSORED = /(?:#(?:ad|ads|sponsored|spon|promo|promotion|affiliate|partner|paidpartner|gifted|collab)\b|\b(?:sponsored by|paid partnership|in partnership with|affiliate link|commission (?:on|from)|ad\s*\|)|\bpromoted\b)/;
const RE_LAUNCH = /\b(?:introducing|now (?:live|available|open|on sale|shipping|in stock)|is (?:now )?live\b|are (?:now )?live\b|just (?:launched|dropped|released)|(?:we(?:'re|’re| are)|i(?:'m|’m| am)) (?:excited|thrilled|proud|happy) to (?:launch|announce|introduce|share|release|unveil)|(?:we|i)(?:'ve|’ve| have)? (?:just )?launched|available (?:now|today|on|in|at)|out now|in stores|new (?:collection|drop|arrivals|release|product|feature)|meet the new|coming soon|our new|restock(?:ed|ing|s)?|back in stock)\b/;
const RE_HYPE = /\b(?:thank me later|save this|bookmark (?:this|it)|here(?:'s|’s| is) how|(?:you|u) need to know|most people (?:don'?t|still|won'?t|have)|game[- ]?changer|blew my mind|(?:in|with) this \d+[- ]?(?:min|minute|hour)|step[- ]by[- ]step|(?:boost|grow|scale|supercharge|level up|unlock|10x|skyrocket) your|(?:stop|start) (?:wasting|doing|using|losing)|for (?:free|\$0)|no (?:credit card|subscription|experience)|(?:100%|completely|totally) (?:free|legit|real|safe)|(?:trusted|verified|official) (?:site|platform|link)|don'?t (?:sleep on|fade)|(?:huge|massive|insane) (?:opportunity|gains?)|you won'?t believe|(?:best|top) \d+ (?:tools|ways|apps|tips)|this guy (?:literally )?(?:just )?(?:dropped|built|shows?|made|created|explains)|instead of (?:watching|paying|spending|scrolling)|stop scrolling|you'?ll ever (?:see|need|read|watch)|(?:full|free|complete) (?:course|guide|masterclass|tutorial|breakdown)|\d+[- ]?(?:min|minute|hour|hr)s? (?:masterclass|video|course|guide|tutorial)|99% of people|guide in (?:the )?(?:thread|comments|replies))\b/;
/**
 * Whitespace to collapse to one space: a run that starts with other whitespace than a space, or a
 * space followed by more. Replacing these gives the same text as replacing every /\s+/ (each run,
 * as a whole, by one space) with far fewer matches, since single spaces are left alone.
 */
const RE_SPACES = /[^\S ]\s*| \s+/g;
const RE_PHONE = /(?:^|\s)(?:\+\d{10,14}|0\d{9,11})(?:\s|$)/;
const RE_POINTING = /[👉👇➡⬇↓→🔗📲📩📱💰🚀🔥💎🎁]/u;
const RE_REPLY_LEAD = /^\s*(?:@\w{1,15}\s*)+/;
/**
 * A newsroom or a person reporting: news words, reporting verbs in the third person ("sources
 * tell", "she said", "reveals", "confirmed"), round-ups ("ICYMI", "DYK", "this week"), sport,
 * greetings to others ("Happy birthday", "Congratulations").
 */
const RE_NEWS = /\b(?:breaking|report(?:s|ed|edly|ing)?|according to|(?:says?|said|told)\b|announced?|officials?|court|police|president|minister|election|killed|dies|died|season|game \d|wins?|beat|vs\.?|defeat\w*|scored?|icymi|dyk|interview(?:s|ed)?|statement|sources? (?:say|said|tell|told|close)|reveal(?:s|ed)?|unveil(?:s|ed)|showcas(?:es|ed)|confirm(?:s|ed)|happy birthday|congrat(?:s|ulations)|match(?:es|day)?|kick-?off|tonight|(?:this|last) (?:week|season|year)|last night|researchers|scientists|study (?:finds|found|shows)|breaks down|analysts?)\b/;
const RE_QUESTION = /\?(?:$|[\s"'”)!?])/;
const RE_PRODUCT = /\b(?:now (?:supports?|in|with|on|has|can)|new (?:features?|model|version|update|tools?|app)|(?:big |major )?update|beta|release notes|integrations?|built (?:for|with|on)|designed (?:for|to)|open[- ]source|try (?:the|at|out|it)|masterclass|tutorial|guide|course|workflows?|(?:this|the) (?:guy|tool|app|agent)|literally|no[- ]code|\bapi\b|platform|dashboard|\bai\b)\b/;
const RE_CHECK_OUT = /\bcheck (?:this|it|them) out|check out (?:this|these|that)\b/;
/** Asking for the growth of an account: follow trains, "if I reach 100 subs", "I'll boost you", bought followers. */
const RE_GROWTH = /\b(?:if (?:i|we) (?:reach|get|hit) (?:to )?\d[\d,.]*k? ?(?:subs|subscribers|followers|likes|views)|(?:become|be) my (?:first|\d+\w*) (?:subscriber|follower|fan)|subscribes to me\b|help me (?:out|get|reach|grow|hit)|i'?ll (?:boost|follow|shout ?out|promote|rt|retweet) (?:you|u|everyone|back)|(?:say hi|reply|comment) (?:and|&) (?:we|i)(?:'ll| will)? follow|thumbs up if|(?:like|rt|retweet|repost) (?:this )?if (?:you|u|ur)\b|drop an? (?:\S+ )?if (?:you|u|ur)\b|(?:f4f|l4l|like ?4 ?like|follow ?4 ?follow)\b|no account should be under|small accounts?\b|(?:rt|retweet|repost|engagement) (?:groups?|gc|groupchat|train)|spam my (?:profile|page|likes|posts)|must be following|(?:buy|gain|grow|need|get) (?:\d+[k+]* (?:real |active |free |more |new )?|real |active |cheap |free |more )(?:youtube |instagram |twitter |tiktok )?(?:subscribers|followers|views|likes|subs)\b|(?:get|give) (?:you )?\d+ (?:subscribers|subs|followers)|(?:views|subscribers|subs|followers|likes) for (?:no reason|free))/;
/** A creator pitching their own work: "I'm a 12 yr old producer", "my own remixes", "search \"…\"", "on Spotify". */
const RE_CREATOR = /\b(?:i'?m an? (?:\d+ ?(?:yr|year)s?[- ]old )?(?:\w+ )?(?:rapper|producer|singer|artist|youtuber|streamer|musician|songwriter|dj|beatmaker)|i (?:make|do|create|produce|upload|post) (?:\w+ ){0,2}(?:videos|music|beats|covers|remixes|chiptunes|content|vlogs|tutorials)|(?:i'?m|i am) (?:kind of |pretty |fairly )?new (?:to|on|at) (?:youtube|twitter|twitch|tiktok)|my (?:own )?(?:lyrics|remix(?:es)?|covers?|beats?|tracks?|vlogs?|gameplay)\b|search (?:for |up )?["“]|type (?:in )?["“]?[\w ]{2,30}["”]? (?:in|into|on) (?:youtube|google|spotify)|(?:on|in) (?:itunes|spotify|soundcloud)\b|los invito|suscr[ií]b|inscreva|abonniert)/;
/** Adult-content solicitation. */
const RE_ADULT = /\b(?:onlyfans|only fans|nudes|horny|sexting|(?:free|spicy|exclusive|naughty|uncensored) (?:content|pics?|vids?)\b|18\+|no age limit|(?:free|dm|text|message|hmu)[^.!?]{0,20}\bfor (?:some )?fun\b|(?:dm|text|message|hmu) (?:me )?for (?:pics|content))/;
/** Marketing verbs opening a sentence: "Experience…", "Unlock…", "Try…", "Get started…". */
const RE_IMPERATIVE = /(?:^|[.!?] ?)\s*(?:experience|discover|explore|unlock|elevate|transform|upgrade|enjoy|lock in|skip|grow your|boost your|level up|supercharge|stop paying|install|download|get started|start (?:your|saving|earning|building|creating)|shop|order|find your|save (?:up|\d+|big|on)|get (?:\d+|up to|your|a free|the app)|sign up|build (?:your|better|faster)|create (?:your|stunning)|learn (?:more|how)|open (?:an?|your) (?:account|store)|book (?:your|a|now)|claim|join(?! us in (?:wishing|congratulating|welcoming|celebrating|remembering|honou?ring|thanking))|try)\b/;
/**
 * Benefit claims of ad copy ("the easiest way to", "in minutes", "trusted by 10,000 teams",
 * "free trial", "no credit card", "cancel anytime"): how an advertiser sells without a link or
 * a shop word. Each alternative starts at most a few words before one of its trigger words.
 */
const RE_BENEFIT = /\b(?:the (?:easiest|fastest|simplest|smartest|smarter|easier|faster) way to|all[- ]in[- ]one|in (?:just |only )?(?:minutes|seconds)\b|saves? (?:you )?(?:time|hours|\d+%)|made (?:easy|simple)|effortless(?:ly)?|seamless(?:ly)?|hassle[- ]free|trusted by|(?:loved|used|chosen) by (?:over |more than )?[\d,.]+|join (?:over |more than )?[\d,.]+[km+]* (?:\w+ )?(?:users|customers|people|teams|businesses|creators|traders|members|others)|award[- ]winning|risk[- ]free|money[- ]back|cancel anytime|no (?:hidden )?fees|starting (?:at|from) [$€£]|(?:free|\d+[- ]day) trial|designed to help|helps? you (?:\w+ ){0,3}(?:faster|easier|smarter|better|more)\b|(?:your|every) (?:business|team|brand|skin|home|workflow|body) (?:deserves|needs)|upgrade your|what are you waiting for|everything you need (?:in one|for|to (?:start|get|build|grow|run|create|succeed))|(?:perfect|ultimate) (?:way|gift|solution|companion|tool)|best[- ]selling|top[- ]rated|(?:get|start|try) (?:it )?(?:for )?free|no (?:credit card|commitment|contracts?)|exclusive (?:offer|deal|access)|take your \w+ to the next level|never (?:miss a|worry about|overpay)|say goodbye to)/;
/** A link spelled out to get past link filters: "site . com", "site*com", "site dot com". */
const RE_SPELLED_LINK = /\b[a-z0-9-]{3,}(?:(?: \. | dot |\*)(?:com|net|org)|\. com)\b/;
/** "Check out @someone", "Check out \"Name\"", "Check Out The New Video": pointing at a named account or work (case-sensitive). */
const RE_CHECK_OUT_NAME = /\b[Cc]heck\s*[Oo]ut[:\s-]+(?:["“'@#]|[A-Z0-9])/;

// --- word triggers ---
// Running ~25 alternation regexes over every post costs more than the budget (5 µs a post), so
// each regex runs only when the text holds one of its trigger words: every alternative of the
// regex contains one of them as a whole word (words are runs of a-z and 0-9, as for \b). The text is tokenised once, without allocating
// (each word is hashed as it is read). test/unit/classifier/features.test.ts checks, over the
// whole development set, that gating never changes a feature.
const enum T {
  ContactDm, LinkCta, LinkAsk, Pitch, Signup, SelfPromo, Code, Urgency, Price, Giveaway, Bait, Token,
  Airdrop, Money, Recovery, Sponsored, Launch, Hype, News, Product, CheckOut,
  Growth, Creator, Adult, Imperative, SpelledLink, Benefit,
  // Word features decided by the words alone (31 bits at most in all: the mask is an int32).
  We, FirstPerson, Free, You,
}

/** [regex, its trigger words]; index = T. */
export const GATED: readonly (readonly [RegExp, readonly string[]])[] = [
  [RE_CONTACT_DM, ['dm', 'dmm', 'send', 'drop', 'message', 'inbox', 'reach', 'reaching', 'contact', 'contacting', 'whatsapp', 'whats', 'telegram', 'call', 'text', 'write']],
  [RE_LINK_CTA, ['link', 'links', 'click', 'tap', 'website', 'site', 'page', 'store', 'shop']],
  // RE_LINK_SHARE runs on the same bit: its words are here too.
  [RE_LINK_ASK, ['please', 'pls', 'plz', 'click', 'tap', 'visit', 'go', 'here', 'watch', 'listen', 'vote', 'look', 'join', 'register', 'apply', 'download', 'read', 'like', 'follow', 'check', 'help', 'see', 'find', 'learn', 'full', 'details', 'detail']],
  [RE_PITCH, ['high', 'hand', 'handmade', 'handcrafted', 'crafted', 'perfect', 'premium', 'custom', 'customized', 'customised', 'call', 'stock', 'affordable', 'solution', 'solutions', 'book', 'schedule', 'chefs', 'brands', 'agencies', 'creators', 'founders', 'businesses', 'marketers', 'startups', 'gift', 'customers', 'clients', 'product', 'products', 'services', 'service', 'collection', 'shop', 'store', 'delivery', 'trial', 'consultation', 'quote', 'price', 'deal', 'deals', 'rates', 'offer', 'provide', 'deliver', 'sell', 'ship', 'ships', 'shipping', 'prices', 'pricing']],
  [RE_SIGNUP_CTA, ['sign', 'signup', 'register', 'join', 'subscribe', 'order', 'pre', 'preorder', 'shop', 'buy', 'book', 'get', 'grab', 'learn', 'try', 'download', 'apply', 'claim', 'secure', 'reserve', 'enroll', 'save', 'miss', 'preorders']],
  [RE_SELF_PROMO, ['check', 'subscribe', 'sub', 'sub4sub', 'subs', 'visit', 'follow', 'share', 'support', 'give', 'suscribe', 'subcribe', 'subscrib', 'help', 'my', 'our', 'channel']],
  [RE_CODE, ['use', 'promo', 'promocode', 'coupon', 'discount', 'discounted', 'voucher', 'off', 'save', 'get', 'take', 'code', 'bogo', 'half', 'deal', 'deals', 'shipping', 'buy', 'sale']],
  [RE_URGENCY, ['limited', 'hurry', 'act', 'last', 'ends', 'today', 'while', 'first', 'before', 'till', 'until', 'price', 'sell', 'selling', 'almost', 'permanently', 'increase', 'final', 'countdown', 'left', 'spot', 'spots', 'remaining', 'hours', 'hour', 'days', 'day', 'wait', 'late', 'sidelined']],
  [RE_PRICE, ['usd', 'dollars', 'eur', 'euros', 'per']],
  [RE_GIVEAWAY, ['give', 'giveaway', 'giveaways', 'giving', 'chance', 'win', 'winner', 'winners', 'raffle', 'sweepstakes', 'enter', 'prize', 'prizes', 'lucky', 'random']],
  [RE_BAIT, ['like', 'rt', 'retweet', 'repost', 'follow', 'followback', 'followtrain', 'tag', 'comment', 'drop', 'wallet', 'f4f', 'ifb', 'gain', 'turn', 'share', 'vote', 'give', 'online', 'active', 'want']],
  [RE_TOKEN_LAUNCH, ['get', 'buy', 'before', 'deploy', 'deployed', 'deploying', 'ticker', 'presale', 'pre', 'fair', 'fairlaunch', 'stealth', 'bonding', 'token', 'coin', 'launch', 'launching', 'launched', 'ca', 'contract', 'liquidity', 'lp', 'gem', 'potential', 'lowcap', 'ape', 'mint', '100x', '1000x']],
  [RE_AIRDROP, ['air', 'airdrop', 'airdrops', 'claim', 'claimable', 'eligible', 'eligibility', 'allocation', 'whitelist', 'wl', 'token', 'tokens', 'reward', 'rewards', 'connect', 'claims']],
  [RE_MONEY, ['make', 'earn', 'passive', 'paid', 'financial', 'trading', 'forex', 'daily', 'weekly', 'guaranteed', 'investment', 'double', 'cash', 'cashapp', 'stocks', 'profit', 'roi', 'per', 'apy', 'deposit', 'deposits', 'deposited', 'depositing', 'stake', 'staked', 'staking', 'stakes', 'prizes', 'rewards', 'bonus', 'bonuses', 'turn', 'turning', 'turned', 'made', 'making', 'picks', 'pick', 'signal', 'signals', 'home']],
  [RE_RECOVERY, ['recover', 'recovery', 'lost', 'stolen', 'scammed', 'withdrawal', 'withdrawals', 'funds', 'fund', 'been', 'scam', 'hacked', 'verified', 'certified', 'seed', 'private', 'red', 'fake', 'deposit', 'deposits', 'drain', 'drains', 'draining', 'helped', 'crypto', 'cryptorecovery', 'hope', 'legit', 'trusted', 'reliable']],
  [RE_SPONSORED, ['ad', 'ads', 'sponsored', 'spon', 'promo', 'promotion', 'affiliate', 'partner', 'paidpartner', 'gifted', 'collab', 'paid', 'partnership', 'commission', 'promoted']],
  [RE_LAUNCH, ['introducing', 'live', 'open', 'sale', 'shipping', 'stock', 'launched', 'dropped', 'released', 'excited', 'thrilled', 'proud', 'happy', 'available', 'stores', 'collection', 'drop', 'arrivals', 'release', 'product', 'feature', 'meet', 'soon', 'our', 'now', 'restock', 'restocked', 'restocking', 'restocks']],
  [RE_HYPE, ['thank', 'save', 'bookmark', 'need', 'most', 'gamechanger', 'blew', 'min', 'minute', 'hour', 'step', 'boost', 'grow', 'scale', 'supercharge', 'level', 'unlock', '10x', 'skyrocket', 'free', 'completely', 'totally', 'legit', 'trusted', 'verified', 'official', 'sleep', 'fade', 'huge', 'massive', 'insane', 'believe', 'guy', 'instead', 'scrolling', 'ever', 'course', 'masterclass', 'tutorial', 'breakdown', 'mins', 'minutes', 'hours', 'hr', 'hrs', 'guide', '99', 'here', 'credit', 'subscription', 'experience', 'tools', 'ways', 'apps', 'tips', 'changer', 'wasting', 'doing', 'using', 'losing']],
  [RE_NEWS, ['reporting', 'told', 'icymi', 'dyk', 'interview', 'interviews', 'interviewed', 'statement', 'source', 'sources', 'reveal', 'reveals', 'revealed', 'unveils', 'unveiled', 'showcases', 'showcased', 'confirms', 'confirmed', 'birthday', 'congrats', 'congratulations', 'match', 'matches', 'matchday', 'kick', 'kickoff', 'tonight', 'week', 'year', 'night', 'researchers', 'scientists', 'study', 'breaks', 'analyst', 'analysts', 'breaking', 'report', 'reports', 'reported', 'reportedly', 'according', 'says', 'say', 'said', 'announce', 'announced', 'official', 'officials', 'court', 'police', 'president', 'minister', 'election', 'killed', 'dies', 'died', 'season', 'game', 'wins', 'win', 'beat', 'vs', 'defeat', 'defeats', 'defeated', 'defeating', 'score', 'scored']],
  [RE_PRODUCT, ['now', 'update', 'big', 'major', 'beta', 'release', 'integration', 'integrations', 'built', 'designed', 'open', 'opensource', 'try', 'masterclass', 'tutorial', 'guide', 'course', 'workflow', 'workflows', 'guy', 'tool', 'app', 'agent', 'literally', 'nocode', 'code', 'api', 'platform', 'dashboard', 'ai', 'features', 'feature', 'model', 'version', 'tools']],
  [RE_CHECK_OUT, ['check']],
  [RE_GROWTH, ['subs', 'subscribers', 'subscriber', 'followers', 'follower', 'fan', 'likes', 'views', 'subscribes', 'help', 'boost', 'follow', 'shout', 'shoutout', 'promote', 'rt', 'retweet', 'repost', 'thumbs', 'if', '4', 'drop', 'f4f', 'l4l', 'like4like', 'follow4follow', 'account', 'small', 'engagement', 'spam', 'following', 'buy', 'gain', 'grow', 'need', 'get']],
  [RE_CREATOR, ['rapper', 'producer', 'singer', 'artist', 'youtuber', 'streamer', 'musician', 'songwriter', 'dj', 'beatmaker', 'videos', 'music', 'beats', 'covers', 'remixes', 'chiptunes', 'content', 'vlogs', 'tutorials', 'youtube', 'twitter', 'twitch', 'tiktok', 'lyrics', 'remix', 'cover', 'beat', 'track', 'tracks', 'vlog', 'gameplay', 'search', 'google', 'spotify', 'itunes', 'soundcloud', 'invito', 'suscr', 'suscribete', 'suscribirse', 'suscribanse', 'suscribe', 'suscribirte', 'inscreva', 'abonniert', 'type']],
  [RE_ADULT, ['onlyfans', 'fans', 'nudes', 'horny', 'sexting', '18', 'age', 'fun', 'pics', 'content', 'pic', 'vids', 'vid']],
  [RE_IMPERATIVE, ['experience', 'discover', 'explore', 'unlock', 'elevate', 'transform', 'upgrade', 'enjoy', 'lock', 'skip', 'grow', 'boost', 'level', 'supercharge', 'stop', 'install', 'download', 'start', 'join', 'try', 'started', 'shop', 'order', 'find', 'save', 'get', 'sign', 'build', 'create', 'learn', 'open', 'book', 'claim']],
  [RE_SPELLED_LINK, ['com', 'net', 'org']],
  [RE_BENEFIT, ['easiest', 'fastest', 'simplest', 'smartest', 'smarter', 'easier', 'faster', 'all', 'minutes', 'seconds', 'save', 'saves', 'easy', 'simple', 'effortless', 'effortlessly', 'seamless', 'seamlessly', 'hassle', 'trusted', 'loved', 'used', 'chosen', 'join', 'award', 'risk', 'money', 'cancel', 'anytime', 'fees', 'starting', 'trial', 'designed', 'help', 'helps', 'deserves', 'needs', 'upgrade', 'waiting', 'everything', 'perfect', 'ultimate', 'selling', 'rated', 'free', 'credit', 'commitment', 'contract', 'contracts', 'exclusive', 'level', 'never', 'goodbye']],
];
/** Regexes that run on another's trigger bit, with that bit's words (for the trigger test). */
export const SHARED_GATES: readonly (readonly [RegExp, readonly string[]])[] = [
  [RE_LINK_SHARE, GATED[T.LinkAsk]![1]],
  [RE_OWN_WORK, GATED[T.SelfPromo]![1]],
];
const WORD_FEATURES: readonly (readonly [T, readonly string[]])[] = [
  [T.We, ['we', 'our', 'us']],
  [T.FirstPerson, ['i', 'me', 'my', 'mine', 'myself']],
  [T.Free, ['free']],
  [T.You, ['you', 'your', 'youre', 'u', 'ur']],
];

/** FNV-1a of a word (lowercase letters and digits). */
function hashWord(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// Word hash → bit mask of T, in an open-addressing table (faster than a Map on the hot path).
// A hash collision only runs a regex for nothing.
const TABLE_BITS = 12;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const tableKeys = new Uint32Array(1 << TABLE_BITS);
const tableBits = new Int32Array(1 << TABLE_BITS);
function addTrigger(word: string, bit: number): void {
  const h = hashWord(word) || 1;
  let i = h & TABLE_MASK;
  while (tableKeys[i] !== 0 && tableKeys[i] !== h) i = (i + 1) & TABLE_MASK;
  tableKeys[i] = h;
  tableBits[i]! |= 1 << bit;
}
GATED.forEach(([, words], bit) => words.forEach((w) => addTrigger(w, bit)));
for (const [bit, words] of WORD_FEATURES) for (const w of words) addTrigger(w, bit);

function lookup(h: number): number {
  if (h === 0) h = 1;
  let i = h & TABLE_MASK;
  for (;;) {
    const k = tableKeys[i]!;
    if (k === h) return tableBits[i]!;
    if (k === 0) return 0;
    i = (i + 1) & TABLE_MASK;
  }
}

// Results of one pass over the original text (module state: extractFeatures is never re-entered).
let scanMask = 0;
let scanYou = 0;
/** Longest word, longest run of digits (phone numbers), and letters / capitals for shouting. */
let scanLongest = 0;
let scanDigits = 0;
let scanLetters = 0;
let scanUpper = 0;
/** A dot between a letter or digit and a letter ("shop.example", "b.tc"): a link may hide in the text. */
let scanDotted = false;
/** Whitespace other than single spaces (runs, newlines, tabs): the phrase regexes expect single spaces. */
let scanSpaced = false;
/** A currency sign ($ € £ ¥): the price regex may match without a trigger word. */
let scanCurrency = false;
/** Arrows, pictographs and other symbols at or above U+2190 (where the pointing emoji live). */
let scanSymbols = false;
/** Letters styled with Unicode look-alikes (𝐛𝐨𝐥𝐝, ｆｕｌｌｗｉｄｔｈ, Ⓒⓘⓡⓒⓛⓔⓓ), often used to slip past filters. */
let scanStyled = false;
/** Where each trigger bit's first and last trigger word start, in the lowercased, space-collapsed text. */
const firstAt = new Int32Array(32);
const lastAt = new Int32Array(32);
/** Whether those positions can be trusted (lowercasing "İ" lengthens the text and shifts them). */
let scanExact = true;

/** JavaScript's \s (which the collapsing regex uses) above ASCII. */
function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// ASCII character classes for the scan: word characters (a-z, A-Z, 0-9) carry their lowercase
// code in the low 7 bits and a class in the high bits, so the inner word loop reads one table.
const W_LOWER = 0x100, W_UPPER = 0x200, W_DIGIT = 0x400, W_WORD = W_LOWER | W_UPPER | W_DIGIT;
const C_SPACE = 0x800, C_CURRENCY = 0x1000;
const ASCII_CLASS = (() => {
  const a = new Uint16Array(128);
  for (let c = 97; c <= 122; c++) a[c] = W_LOWER | c;
  for (let c = 65; c <= 90; c++) a[c] = W_UPPER | (c + 32);
  for (let c = 48; c <= 57; c++) a[c] = W_DIGIT | c;
  for (const c of [9, 10, 11, 12, 13, 32]) a[c] = C_SPACE;
  a[36] = C_CURRENCY;
  return a;
})();

/**
 * One pass over the text: words are hashed as they are read (no string per word) and looked up
 * in the trigger table, and the facts above are gathered on the way.
 */
function scanWords(text: string): void {
  let mask = 0;
  let you = 0;
  let longest = 0;
  let digits = 0;
  let letters = 0;
  let upper = 0;
  let dotted = false;
  let spaced = false;
  let styled = false;
  let symbols = false;
  let currency = false;
  let exact = true;
  let prevSpace = false;
  /** Characters removed before this point when runs of whitespace collapse to one space. */
  let shift = 0;
  const youBit = 1 << T.You;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let k = c < 128 ? ASCII_CLASS[c]! : 0;
    if ((k & W_WORD) === 0) {
      // Not a word character.
      if (k === C_SPACE) {
        if (prevSpace) {
          shift++;
          spaced = true;
        } else if (c !== 32) spaced = true;
        prevSpace = true;
      } else if (c >= 128 && isWideSpace(c)) {
        spaced = true;
        if (prevSpace) shift++;
        prevSpace = true;
      } else {
        prevSpace = false;
        if (k === C_CURRENCY) currency = true;
        else if (c >= 128) {
          if (c === 0xa3 || c === 0xa5 || c === 0x20ac) currency = true;
          else if (c >= 0x2000) {
            if (c >= 0x2190) symbols = true;
            if (c === 0xd835 || (c >= 0xff01 && c <= 0xff5e) || (c >= 0x24b6 && c <= 0x24e9)) styled = true;
          } else if (c === 0x130) exact = false;
        }
      }
      i++;
      continue;
    }
    // A word: [start, i).
    const start = i;
    // A dot between a letter or digit and a letter ("shop.example").
    if (!dotted && (k & W_DIGIT) === 0 && i >= 2 && text.charCodeAt(i - 1) === 46) {
      const b = text.charCodeAt(i - 2);
      if (b < 128 && (ASCII_CLASS[b]! & W_WORD) !== 0) dotted = true;
    }
    let h = 0x811c9dc5;
    let nDigits = 0;
    let nUpper = 0;
    for (;;) {
      h = Math.imul(h ^ (k & 0x7f), 0x01000193);
      if (k & W_DIGIT) nDigits++;
      else if (k & W_UPPER) nUpper++;
      if (++i >= n) break;
      c = text.charCodeAt(i);
      if (c >= 128) break;
      k = ASCII_CLASS[c]!;
      if ((k & W_WORD) === 0) break;
    }
    prevSpace = false;
    const len = i - start;
    letters += len - nDigits;
    upper += nUpper;
    const bits = lookup(h >>> 0);
    if (bits !== 0) {
      const at = start - shift;
      let fresh = bits & ~mask;
      while (fresh !== 0) {
        firstAt[31 - Math.clz32(fresh & -fresh)] = at;
        fresh &= fresh - 1;
      }
      let all = bits;
      while (all !== 0) {
        lastAt[31 - Math.clz32(all & -all)] = at;
        all &= all - 1;
      }
      mask |= bits;
      if (bits & youBit) you++;
    }
    if (len > longest) longest = len;
    if (nDigits === len && len > digits) digits = len;
  }
  scanMask = mask;
  scanYou = you;
  scanLongest = longest;
  scanDigits = digits;
  scanLetters = letters;
  scanUpper = upper;
  scanDotted = dotted;
  scanSpaced = spaced;
  scanCurrency = currency;
  scanSymbols = symbols;
  scanStyled = styled;
  scanExact = exact;
}

/**
 * A match of a gated regex contains one of its trigger words, and in every alternative the match
 * starts at most LOOK_BEHIND characters before its first trigger word and ends at most LOOK_AHEAD
 * after that word's start (checked by hand when the bounds were set; the longest are the
 * "deploy … token" and "type … in youtube" alternatives). So each regex looks only from its first
 * trigger word to its last: test/unit/classifier/features.test.ts checks over the development set
 * and the tables that this never changes a feature. It saves a third of the regex work.
 * When adding an alternative, keep it within the bounds, or give it a trigger word near its start.
 */
const LOOK_BEHIND = 48;
const LOOK_AHEAD = 80;
let useWindows = true;
/** For the equivalence test: match gated regexes over the whole text (false) or the windows (true). */
export function setMatchWindows(on: boolean): void {
  useWindows = on;
}
/** Global copies of the gated regexes (index = T), set to start at a window; and of the shared ones. */
const GLOBAL_BY_BIT: readonly RegExp[] = GATED.map(([re]) => new RegExp(re.source, 'g'));
const GLOBAL_SHARED: readonly (readonly [RegExp, RegExp])[] = SHARED_GATES.map(([re]) => [re, new RegExp(re.source, 'g')] as const);

function on(bit: T, re: RegExp, t: string): boolean {
  if ((scanMask & (1 << bit)) === 0) return false;
  if (!useWindows || !scanExact) return re.test(t);
  const from = firstAt[bit]! - LOOK_BEHIND;
  let to = lastAt[bit]! + LOOK_AHEAD;
  const n = t.length;
  if (from <= 0 && to >= n) return re.test(t);
  // Cut at a space, so that no word is cut short (a cut "aim" would read as "ai").
  if (to < n) {
    to = t.indexOf(' ', to);
    if (to < 0) to = n;
  }
  let g = GLOBAL_BY_BIT[bit]!;
  if (GATED[bit]![0] !== re) for (const [r, gr] of GLOBAL_SHARED) if (r === re) g = gr;
  g.lastIndex = from > 0 ? from : 0;
  const found = g.test(to < n ? t.slice(0, to) : t);
  g.lastIndex = 0;
  return found;
}

/** Bio words that say a shop runs behind the account. */
const RE_BIO_SALES = /\b(?:shop|store|order(?:s)?|dm (?:to|for) (?:order|price|collab|promo)|business (?:inquiries|enquiries|email)|promo(?:tion)?s?|collab(?:s|oration)?|deals|discount|coupon|affiliate|wholesale|we ship|shipping|buy|sale|clothing|boutique|apparel|merch|bookings?|use code)\b/;
/** Posting apps made for scheduling and publishing marketing in bulk. */
const RE_SCHEDULER = /\b(?:buffer|hootsuite|sprout ?social|later(?:\.com)?|dlvr\.?it|ifttt|zapier|publer|socialpilot|sendible|loomly|agorapulse|socialbee|tweetdeck teams|hypefury|typefully|tweet ?hunter|taplio|postpone|radaar|meet ?edgar|coschedule|metricool|social ?champ|falcon\.io|brandwatch|emplifi|khoros|sprinklr|oktopost|planable|vista social|statusbrew|crowdfire|onlypult|feedhive|blaze|ocoya|postiz|make\.com|n8n)\b/i;

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

function detailOf(re: RegExp, s: string): string {
  const m = re.exec(s);
  return m ? m[0].trim().slice(0, 40) : '';
}

/**
 * Fill `x` (length N_FEATURES, zeroed here) with the features of one post, and `details`
 * with short human details for some of them. Pure apart from writing into the two outputs.
 */
export function extractFeatures(tweet: TweetFacts, profile: AuthorProfile | undefined, x: Float64Array, details: string[]): void {
  x.fill(0);
  let text = tweet.text ?? '';
  scanWords(text);
  // Styled look-alike letters read as the plain ones (NFKC); only then is the text scanned again.
  if (scanStyled) {
    text = text.normalize('NFKC');
    scanWords(text);
  }
  // Phrases are matched on lowercase text with single spaces ("Check  out\nmy channel").
  const t = scanSpaced ? text.toLowerCase().replace(RE_SPACES, ' ') : text.toLowerCase();

  // Links.
  const links = readLinks(tweet.urls ?? [], tweet.cardUrl, scanDotted ? t : '');
  const k = links.kinds;
  if (k & L_ANY) { x[I.LinkAny] = 1; details[I.LinkAny] = links.otherDomain; }
  if (k & L_SHOP) { x[I.LinkShop] = 1; details[I.LinkShop] = links.shopDomain; }
  if (k & L_AFF) { x[I.LinkAffiliate] = 1; details[I.LinkAffiliate] = links.affiliateDomain; }
  if (k & L_SHORT) x[I.LinkShortener] = 1;
  if (k & L_BIO) x[I.LinkBioPage] = 1;
  if (k & L_MSG) x[I.LinkMessaging] = 1;
  if (k & L_CRYPTO) x[I.LinkCrypto] = 1;
  if (k & L_CHEAP) x[I.LinkCheap] = 1;
  if (k & L_VIDEO) x[I.LinkVideo] = 1;
  if (k & L_INVITE) x[I.LinkInvite] = 1;
  if (k & L_CONTENT) x[I.LinkContent] = 1;
  if (k & L_ANY && isBareLink(text)) x[I.LinkBare] = 1;
  const m = scanMask;
  if (k & L_ANY) {
    if (on(T.LinkAsk, RE_LINK_ASK, t)) x[I.LinkAsk] = 1;
    else if (on(T.LinkAsk, RE_LINK_SHARE, t)) x[I.LinkPointer] = 1;
  }
  if (on(T.Pitch, RE_PITCH, t)) x[I.Pitch] = 1;

  // Calls to action and promotion vocabulary.
  if (on(T.ContactDm, RE_CONTACT_DM, t) || (scanDigits >= 10 && RE_PHONE.test(t))) x[I.ContactDm] = 1;
  if (on(T.LinkCta, RE_LINK_CTA, t)) x[I.LinkCta] = 1;
  if (on(T.Signup, RE_SIGNUP_CTA, t)) x[I.SignupCta] = 1;
  if (on(T.SelfPromo, RE_SELF_PROMO, t)) x[I.SelfPromo] = 1;
  else if (on(T.SelfPromo, RE_OWN_WORK, t)) x[I.OwnWork] = 1;
  if (on(T.Code, RE_CODE, t)) { x[I.Code] = 1; details[I.Code] = detailOf(RE_CODE, t); }
  if (on(T.Urgency, RE_URGENCY, t)) x[I.Urgency] = 1;
  if ((m & (1 << T.Price) || scanCurrency) && RE_PRICE.test(t)) x[I.Price] = 1;
  if (on(T.Giveaway, RE_GIVEAWAY, t)) x[I.Giveaway] = 1;
  if (on(T.Bait, RE_BAIT, t)) x[I.Bait] = 1;
  if (on(T.Token, RE_TOKEN_LAUNCH, t)) x[I.TokenLaunch] = 1;
  if (on(T.Airdrop, RE_AIRDROP, t)) x[I.Airdrop] = 1;
  if (scanLongest >= 25 && hasWalletAddress(text)) x[I.Wallet] = 1;
  const cashtags = tweet.cashtags?.length ?? 0;
  if (cashtags >= 1) { x[I.Cashtag] = 1; details[I.Cashtag] = '$' + tweet.cashtags[0]; }
  if (cashtags >= 3) x[I.CashtagsMany] = 1;
  if (on(T.Money, RE_MONEY, t)) x[I.Money] = 1;
  if (on(T.Recovery, RE_RECOVERY, t)) x[I.Recovery] = 1;
  if (on(T.Sponsored, RE_SPONSORED, t)) x[I.Sponsored] = 1;
  const hashtags = tweet.hashtags?.length ?? 0;
  if (hashtags >= 3) x[I.HashtagsMany] = 1;
  if (hashtags >= 6) x[I.HashtagsVeryMany] = 1;
  if (on(T.Launch, RE_LAUNCH, t)) x[I.Launch] = 1;
  if (on(T.Hype, RE_HYPE, t)) x[I.Hype] = 1;
  if (m & (1 << T.Free)) x[I.Free] = 1;
  if (scanYou >= 2) x[I.YouAddress] = 1;
  if (scanSymbols && RE_POINTING.test(text)) x[I.Pointing] = 1;
  if (scanLetters >= 20 && scanUpper > 0.6 * scanLetters) x[I.Shouting] = 1;
  if ((tweet.mentions?.length ?? 0) >= 3) x[I.MentionsMany] = 1;

  // Conversation.
  if (tweet.isReply || RE_REPLY_LEAD.test(text)) x[I.Reply] = 1;
  if (text.indexOf('?') >= 0 && RE_QUESTION.test(text)) x[I.Question] = 1;
  if (!(k & L_ANY) && text.length < 40) x[I.Short] = 1;
  if (m & (1 << T.We)) x[I.We] = 1;
  if (on(T.Product, RE_PRODUCT, t)) x[I.Product] = 1;
  if (on(T.CheckOut, RE_CHECK_OUT, t)) x[I.CheckOut] = 1;
  // Case matters here, so the original text (whose positions differ from t's): no window.
  if (m & (1 << T.CheckOut) && RE_CHECK_OUT_NAME.test(text)) x[I.CheckOutName] = 1;
  if (on(T.Growth, RE_GROWTH, t)) x[I.GrowthBait] = 1;
  if (on(T.Creator, RE_CREATOR, t)) x[I.CreatorPitch] = 1;
  if (on(T.Adult, RE_ADULT, t)) x[I.Adult] = 1;
  if (on(T.Imperative, RE_IMPERATIVE, t)) x[I.Imperative] = 1;
  if (!(k & L_ANY) && on(T.SpelledLink, RE_SPELLED_LINK, t)) x[I.SpelledLink] = 1;
  if (on(T.News, RE_NEWS, t)) x[I.News] = 1;
  if (m & (1 << T.FirstPerson)) x[I.FirstPerson] = 1;
  if (on(T.Benefit, RE_BENEFIT, t)) { x[I.Benefit] = 1; details[I.Benefit] = detailOf(RE_BENEFIT, t); }
  // Ad copy: a call to act together with two kinds of sales claim (benefits, a launch, an offer,
  // product talk, the reader addressed as "you"), in a post that neither replies nor reports.
  // Counted from features already read: no regex of its own.
  // One of these alone is how people and newsrooms talk too ("Introducing our new podcast").
  if (x[I.Reply]! === 0 && x[I.News]! === 0 &&
    x[I.Imperative]! + x[I.SignupCta]! + x[I.LinkCta]! + x[I.CheckOut]! + x[I.LinkAsk]! > 0) {
    const claims = x[I.Benefit]! + x[I.Launch]! + x[I.Pitch]! + x[I.Hype]! + x[I.YouAddress]! + x[I.Product]! +
      // A discount code is a whole offer by itself ("Use code SAVE20 for 20% off, shop now").
      (x[I.Code]! > 0 ? 2 : x[I.Price]! + x[I.Urgency]! + x[I.Free]! > 0 ? 1 : 0);
    if (claims >= 2) x[I.AdCopy] = 1;
  }

  // Facts only X's API or the DOM's ad marker carry.
  if (tweet.isAd) x[I.Ad] = 1;
  if (tweet.source && RE_SCHEDULER.test(tweet.source)) { x[I.Scheduler] = 1; details[I.Scheduler] = tweet.source; }
  if (profile) readProfile(profile, x, details);
}

function readProfile(p: AuthorProfile, x: Float64Array, details: string[]): void {
  if (p.professionalType && /business/i.test(p.professionalType)) x[I.Business] = 1;
  if (p.bioUrls && p.bioUrls.length > 0) {
    const l = readLinks(p.bioUrls, undefined, '');
    if (l.kinds & (LinkKind.Shop | LinkKind.BioPage | LinkKind.Affiliate | LinkKind.Messaging)) {
      x[I.BioShopLink] = 1;
      details[I.BioShopLink] = l.shopDomain || l.otherDomain;
    }
  }
  if (p.bio && RE_BIO_SALES.test(p.bio.toLowerCase())) x[I.BioSales] = 1;
  if (p.isFollowedByUser) x[I.Followed] = 1;
}

/** Exposed for the author model (whose posting app is a scheduler) and tests. */
export function isSchedulerApp(source: string | undefined): boolean {
  return !!source && RE_SCHEDULER.test(source);
}
