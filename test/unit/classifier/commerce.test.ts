// @vitest-environment node
//
// Ordinary commerce on an X timeline, which the development set (crypto spam, scams, YouTube
// comment spam, news and brand posts) barely shows. Written by hand, before the commerce priors
// of scripts/fit-weights.ts were tuned, and not edited to fit the model afterwards: a row the
// model cannot meet without breaking the development targets is left as `it.todo` with the reason.
//
//   flags: an ordinary shop, coupon, DM-for-price, restock, affiliate or ad-copy post (no crypto)
//          must be selling at the default sensitivity (balanced).
//   keeps: an ordinary person's or newsroom's post (opinions, questions, news, sharing an article,
//          congratulations, event chatter) must not be selling at balanced.
//   borderline: one's own blog post with an ask ("Check out my new blog post …"). Decision: a
//          single such post may lean either way at balanced (people do promote their own work,
//          and the author model needs several posts before a verdict), but it must never be
//          near-certain: it must stay below the strict threshold. Sharing the same post without
//          an ask is a keep.
import { describe, expect, it } from 'vitest';
import { judgePost, postThreshold } from '../../../src/classifier';
import { toTweetFacts } from '../../../src/classifier/eval/labeled-posts';
import type { TweetFacts } from '../../../src/shared/types';

const URL_IN_TEXT = /https?:\/\/\S+/g;

/** The post as the extension reads it: links in the text are also in `urls` (expanded). */
function tweet(text: string): TweetFacts {
  const urls = text.match(URL_IN_TEXT) ?? [];
  return toTweetFacts({ id: '1', author: 'someone', text, urls, label: 'not_seller', source: 'test' });
}

function p(text: string): number {
  return judgePost(tweet(text)).pSelling;
}

function why(text: string): string {
  const j = judgePost(tweet(text));
  return `p=${j.pSelling.toFixed(2)} ${j.evidence.map((e) => `${e.name} ${e.weight}`).join(', ')}`;
}

const FLAGS: string[] = [
  'Use code SAVE20 for 20% off everything this weekend!',
  'DM me for prices, worldwide shipping 📦',
  'Use code SAVE20 for 20% off, shop now, link in bio',
  'Restock alert! Our lavender soy candles are back in stock 🕯️ Shop now: https://www.etsy.com/shop/LunaCandleCo',
  'New drop just landed 🔥 hoodies $45, free shipping over $75. Link in bio',
  'Sale ends Sunday! 30% off all prints in the shop https://inkandpine.myshopify.com',
  'Handmade beaded bracelets available now, $12 each or 3 for $30. DM to order 💕',
  "Got this air fryer for under $60 and it's honestly the best thing in my kitchen https://amzn.to/3xYz12 #ad",
  "Order yours before Friday to get it in time for Mother's Day 💐 https://bloomandco.shop/order",
  'Last chance! Our spring collection is 40% off until midnight. Shop the sale 👉 https://shop.exampleboutique.com',
  'Custom pet portraits are open! Starting at $35, DM me to book your slot 🎨',
  'Free shipping on all orders this week only. Use code FREESHIP at checkout.',
  'Restocked the matcha whisks and ceramic bowls! Only 10 left, grab yours https://www.etsy.com/listing/123456/matcha-set',
  "We're having a flash sale! Buy one get one free on all tees, today only 🛍️",
  'Selling my barely used PS5 with 2 controllers, $350 obo. DM if interested',
  'Need a new website? We design affordable sites for small businesses. Book a free consultation today: https://pixelcraft.studio',
  'My favourite skincare serum is 35% off for Prime Day right now 👉 https://amzn.to/4abcDE (affiliate link)',
  'Black Friday deal: all my courses are $19 this weekend. Link in bio!',
  'Fresh batch of sourdough ready for pickup Saturday, $8 a loaf. Message me to reserve yours 🍞',
  'Introducing the Aero 2 running shoe. Lighter, faster, built for race day. Shop now at https://www.aerorun.com',
  'Preorders are open for our 2025 planner! Ships in March. https://paperlane.co/planner',
  'Get 15% off your first order with code WELCOME15 🎉 https://glowskin.com',
];

const KEEPS: string[] = [
  'Honestly the new season of Severance is the best thing on TV right now',
  'Does anyone know a good place to get my bike fixed in Leeds?',
  'The city council voted 7-2 last night to approve the new bike lanes on Main Street, officials said.',
  'Great piece on how inflation is hitting grocery prices https://www.theguardian.com/business/2024/may/12/grocery-prices-inflation',
  'Introducing our new podcast!',
  'Congratulations to Dr. Amara Osei on her well-deserved award for research in marine biology!',
  "Who's going to the meetup on Thursday? Save me a seat 😄",
  'Had an amazing time at the conference today, so many great talks on accessibility',
  'I can’t believe how expensive concert tickets have gotten. $300 for nosebleeds??',
  "My grandma's recipe for lemon cake never fails. The trick is a little extra zest.",
  "Just finished my first marathon!! 4:12, legs are jelly but I'm so happy",
  "Anyone else's package stuck in customs? Been three weeks now",
  'Store shelves are empty again after the storm, according to local reports',
  'The new phones are out today and the line outside the store is wild',
  'Reminder: the school board meeting is Tuesday at 7pm, come share your thoughts on the new schedule',
  'This article on the history of typography is fascinating https://en.wikipedia.org/wiki/Typography',
  'Happy birthday to my best friend, love you to bits ❤️',
  "Can someone DM me the notes from today's lecture? I missed it",
  'Our team won the regional robotics competition today! So proud of these kids',
  "What's everyone reading this summer? I need recommendations",
  "Watching the game tonight with the family, let's go Bills!",
  'Gas prices are up 20 cents since last week, analysts say',
  'Got 20% off my groceries with the store loyalty card, not bad',
  'I wrote up what I learned migrating our app to Postgres https://myblog.dev/postgres-migration',
];

const BORDERLINE: string[] = [
  'Check out my new blog post on Rust lifetimes https://myblog.dev/rust',
];

/** Rows that cannot be met without breaking the development targets: [text, reason]. */
const TODO_FLAGS: readonly (readonly [string, string])[] = [];
const TODO_KEEPS: readonly (readonly [string, string])[] = [
  [
    "Can someone DM me the notes from today's lecture? I missed it",
    'p≈0.41: "DM me" is how the development set\'s scammers and sellers ask (text.contact-dm ≈ 1.9, fitted from the data, no prior), ' +
      'and a question only takes off ≈0.26; telling a request for notes from a request for orders needs what is asked for, which no feature reads',
  ],
  [
    'Got 20% off my groceries with the store loyalty card, not bad',
    'p≈0.50: "20% off" alone is text.discount-code, whose prior (2.0) is what makes "Use code SAVE20 for 20% off" selling; ' +
      'telling a discount one got from one offered ("got" vs "get", "my groceries" vs "your order") needs a feature of its own',
  ],
];

const balanced = postThreshold('balanced');
const strict = postThreshold('strict');
const todo = (list: readonly (readonly [string, string])[], text: string) => list.some(([t]) => t === text);

describe('commerce: ordinary sellers are selling at balanced', () => {
  for (const text of FLAGS) {
    if (todo(TODO_FLAGS, text)) continue;
    it(text, () => {
      expect(p(text), why(text)).toBeGreaterThanOrEqual(balanced);
    });
  }
  for (const [text, reason] of TODO_FLAGS) it.todo(`${text} — ${reason}`);
});

describe('commerce: ordinary people and newsrooms are not selling at balanced', () => {
  for (const text of KEEPS) {
    if (todo(TODO_KEEPS, text)) continue;
    it(text, () => {
      expect(p(text), why(text)).toBeLessThan(balanced);
    });
  }
  for (const [text, reason] of TODO_KEEPS) it.todo(`${text} — ${reason}`);
});

describe('commerce: one own blog post with an ask is at most borderline', () => {
  for (const text of BORDERLINE) {
    it(text, () => {
      expect(p(text), why(text)).toBeLessThan(strict);
    });
  }
});
