// Realistic popup data, so the view can be worked on and tested without the extension.
// Dates are fixed (not "today") so tests and screenshots stay stable.
import type { PopupAuthor, PopupData } from '../shared/messages';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { emptyHealth } from '../shared/health';

const AUTHORS: PopupAuthor[] = [
  {
    key: 'dealsdaily_hq',
    handle: 'DealsDaily_HQ',
    name: 'Deals Daily 🔥',
    verdict: 'seller',
    confidence: 0.93,
    sellingShare: 0.92,
    posts: 13,
    sellingPosts: 12,
    reasons: [
      '12 of 13 posts carried shop links',
      '9 of 13 posts had discount codes',
      'Bio links to a storefront (amzn.to)',
      'Posts through Buffer, a scheduling app',
    ],
    override: null,
  },
  {
    key: 'shopbot',
    handle: 'shopbot',
    name: 'ShopBot Official',
    verdict: 'seller',
    confidence: 0.81,
    sellingShare: 0.71,
    posts: 7,
    sellingPosts: 5,
    reasons: ['5 of 7 posts carried shop links', 'Business account', '4 of 7 posts said "link in bio"'],
    override: null,
  },
  {
    key: 'cryptomoonsignals',
    handle: 'CryptoMoonSignals',
    name: 'Moon Signals 🚀',
    verdict: 'seller',
    confidence: 0.77,
    sellingShare: 0.83,
    posts: 6,
    sellingPosts: 5,
    reasons: ['5 of 6 posts pushed cashtags ($PEPE, $SOL)', 'Every post links to a Telegram group'],
    override: 'hide',
  },
  {
    key: 'jane_makes',
    handle: 'jane_makes',
    name: 'Jane (ceramics)',
    verdict: 'mixed',
    confidence: 0.62,
    sellingShare: 0.4,
    posts: 10,
    sellingPosts: 4,
    reasons: ['4 of 10 posts linked to her Etsy shop', '6 of 10 posts were replies in conversations'],
    override: 'show',
  },
  {
    key: 'gadgetflip',
    handle: 'gadgetflip',
    verdict: 'mixed',
    confidence: 0.55,
    sellingShare: 0.5,
    posts: 4,
    sellingPosts: 2,
    reasons: ['2 of 4 posts carried affiliate links'],
    override: null,
  },
];

export function getMockData(): PopupData {
  return {
    settings: { ...DEFAULT_SETTINGS, blockList: ['cryptomoonsignals'], allowList: ['jane_makes'] },
    today: { day: '2025-06-11', seen: 40, selling: 12, hidden: 9 },
    last7: { start: '2025-06-05', seen: 312, selling: 71, hidden: 58 },
    weeks: [
      { start: '2025-06-09', seen: 118, selling: 27, hidden: 21 },
      { start: '2025-06-02', seen: 264, selling: 66, hidden: 50 },
      { start: '2025-05-26', seen: 301, selling: 90, hidden: 0 },
      { start: '2025-05-19', seen: 97, selling: 31, hidden: 0 },
    ],
    authors: AUTHORS.map((a) => ({ ...a, reasons: [...a.reasons] })),
    vendorCount: 23,
    health: { ...emptyHealth(), articlesSeen: 46, articlesRead: 46, responsesSeen: 5, apiTweets: 120, apiUsers: 64 },
    status: 'ok',
  };
}
