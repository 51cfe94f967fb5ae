// @vitest-environment node
//
// Brand marketing, ad copy and deal posts (issue 7), written for this test (not copied from the
// development set), and their near misses that must stay not selling. Judged by text and links
// only, as real promoted tweets are once the ad marker is ignored. A row the model cannot meet
// without breaking the development targets is an `it.todo` with the reason, never edited to fit.
//
//   flags: must be selling at balanced.
//   keeps: must not be selling at balanced (product news, a review without a price, a person
//          recommending a book, market prices, a creator sharing free work).
import { describe, expect, it } from 'vitest';
import { judgePost } from '../../../src/classifier';
import { toTweetFacts } from '../../../tools/eval/labeled-posts';
import type { TweetFacts } from '../../../src/shared/types';

const URL_IN_TEXT = /https?:\/\/\S+/g;

function tweet(text: string): TweetFacts {
  return toTweetFacts({ id: '1', author: 'someone', text, urls: text.match(URL_IN_TEXT) ?? [], label: 'not_seller', source: 'test' });
}

function why(text: string): string {
  const j = judgePost(tweet(text));
  return `p=${j.pSelling.toFixed(2)} ${j.evidence.map((e) => `${e.name} ${e.weight}${e.detail ? ` ${e.detail}` : ''}`).join(', ')}`;
}

const AD_COPY = [
  'Your first three rides are on us. Download the app and ride today.',
  'Get the Nova 7 phone on us when you switch to Brightline Unlimited. Switch today.',
  'Hungry? Browse local favourites and order now on Dashly. Free delivery on your first order.',
  'Save 15% on two or more tyres this month at your nearest RoadKing store.',
  'Introducing the limited-edition Aurora® Rewards Card. Apply now and earn 3x points on travel.',
  'Tickets are on sale now! See the Midnight Owls live this summer. Get yours before they are gone: https://tix.example.com/owls',
  'Stream every episode of Harbour Lights, now streaming only on Streamly+. Start your free trial.',
  'New season. New flavors. Try the Spicy Mango Crunch™ today at participating locations.',
  'Meet the all-new Vela X e-bike. Ride further on a single charge. Order yours now: https://velabikes.example/x',
  'Tonight at 8/7c on FOX, next day on Hulu: the season finale you cannot miss.',
  // A landing page of a paid campaign (utm_medium=paid_social) is an ad's link whatever the text says
  'Weekend escapes, close to home. https://stays.example/coast?utm_source=twitter&utm_medium=paid_social',
];

const BRAND = [
  "We've partnered with @GreenCup to bring you 20% off every refill this week. Show the app at checkout.",
  'Our new app makes booking a table easier than ever. Download it free on the App Store.',
  'Big news: our autumn collection just dropped. Shop the lookbook → https://shop.example.com/autumn',
  'Upgrade to Premium and get 3 months free. Cancel anytime.',
];

const DEALS = [
  'Deal alert: the Stratus 14 laptop is $300 off today, its lowest price ever https://www.amazon.com/dp/B0TEST',
  'Save $200 on the Orbit robot vacuum this weekend only, now $299 (was $499).',
  "Today's best deals: AirPods for $99, a 4K TV for $249 and more",
];

const NEAR_MISSES = [
  // Product news
  'Apple announced the new iPhone today; reviewers say the battery life is much improved.',
  'The company released version 2.0 of its editor with a new plugin system, according to the changelog.',
  // A review without a price
  'Spent a week with the Vela X e-bike. Great range, the seat is uncomfortable after an hour. Would ride again.',
  // A person recommending a book
  'Just finished The Left Hand of Darkness and I cannot recommend it enough. Read it if you have not!',
  // Market prices
  '$BTC falls under $80,000 as spot ETFs see outflows for a third day',
  'Egg prices hit $6 a dozen in some states this week, analysts say.',
  // A creator sharing free work
  'I drew this little fox over the weekend, hope it makes your Monday better 🦊',
  'Wrote a free guide to sourdough for beginners, no signup, just the recipe: https://myblog.dev/sourdough',
  // A newsroom's article, its link tagged for the campaign as most newsrooms' are
  'A new study finds teenagers sleep less than a decade ago https://www.nytimes.com/2026/01/01/health/teen-sleep.html?utm_source=twitter&utm_medium=social',
];

describe('marketing', () => {
  describe('flags ad copy', () => {
    it.each(AD_COPY)('%s', (text) => expect(judgePost(tweet(text)).selling, why(text)).toBe(true));
  });
  describe('flags brand posts', () => {
    it.each(BRAND)('%s', (text) => expect(judgePost(tweet(text)).selling, why(text)).toBe(true));
  });
  describe('flags deal posts', () => {
    it.each(DEALS)('%s', (text) => expect(judgePost(tweet(text)).selling, why(text)).toBe(true));
  });
  describe('keeps near misses', () => {
    it.each(NEAR_MISSES)('%s', (text) => expect(judgePost(tweet(text)).selling, why(text)).toBe(false));
  });

  it('explains the learned component by quoting the words of the post that weighed most', () => {
    const j = judgePost(tweet('Your first three rides are on us. Download the app and ride today.'));
    const learned = j.evidence.find((e) => e.name === 'text.learned');
    expect(learned?.weight).toBeGreaterThan(0);
    const quoted = [...(learned?.detail ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    expect(quoted.length).toBeGreaterThan(0);
    for (const q of quoted) expect('your first three rides are on us. download the app and ride today.').toContain(q.split(' ')[0]!);
  });
});
