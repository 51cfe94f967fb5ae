// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGraphqlResponse, parseXDate, sourceName } from '../../../src/page-world/parse-graphql';
import { validatePageData, type PageData } from '../../../src/shared/validate-page-data';

const API = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/x-api');
const load = (name: string): unknown => JSON.parse(readFileSync(join(API, name), 'utf8'));
const parse = (name: string): PageData => parseGraphqlResponse(load(name));
const fixtures = (): string[] => readdirSync(API).filter((f) => f.endsWith('.json'));

/** Handles of the tweets' authors: the content's author, and the reposter for a repost record. */
function authorsOf(d: PageData): string[] {
  const s = new Set<string>();
  for (const t of d.tweets) {
    s.add(t.authorHandle);
    if (t.repostedBy) s.add(t.repostedBy);
  }
  return [...s].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || a.localeCompare(b));
}
const sorted = (xs: string[]) => [...xs].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || a.localeCompare(b));

// Counted independently of the parser, with a short Python walk over each file: distinct
// rest_ids of `Tweet` objects that have `legacy` (TweetWithVisibilityResults unwrapped; the
// `quotedRefResult` stubs, which hold only a rest_id, are not tweets), distinct rest_ids of
// `User` objects, the screen_names of the tweets' `core.user_results` users, the rest_id under
// each `promotedMetadata`'s sibling `tweet_results`, and, for tweets that are not reposts,
// `legacy.retweeted_status_result` / `is_quote_status or quoted_status_result` /
// `in_reply_to_status_id_str`.
const FIXTURES: {
  file: string;
  tweets: number;
  users: number;
  authors: number | string[];
  ads: string[];
  reposts: number;
  quotes: number;
  replies: number;
}[] = [
  { file: '_issue_28_1.json', tweets: 4, users: 3, authors: ['PShermanV', 'REDROJA4', 'SisuMisu3'], ads: [], reposts: 1, quotes: 1, replies: 1 },
  { file: '_issue_42.json', tweets: 2, users: 2, authors: ['_AVICINTL', 'ChinaDaily'], ads: [], reposts: 1, quotes: 0, replies: 0 },
  {
    file: '_issue_56.json',
    tweets: 11,
    users: 6,
    authors: ['2_vedo', 'AlexRod1016', 'Evil_Queen2020', 'FortniteStatus', 'MV5C_', 'Mike48702293'],
    ads: [],
    reposts: 0,
    quotes: 0,
    replies: 10,
  },
  {
    file: 'card_broadcast.json',
    tweets: 4,
    users: 4,
    authors: ['DevilsJointX', 'ME_Observer_', 'OscarEnjoylife', 'XDevelopers'],
    ads: [],
    reposts: 0,
    quotes: 0,
    replies: 3,
  },
  {
    file: 'card_summary.json',
    tweets: 5,
    users: 4,
    authors: ['0xVarano', 'FortniteGame', 'damechevvoi', 'tonyilpensante'],
    ads: [],
    reposts: 0,
    quotes: 0,
    replies: 3,
  },
  {
    file: 'manual_tweet_with_video_1.json',
    tweets: 11,
    users: 11,
    authors: ['BefittingFacts', 'JUSTICE4Lacie', 'LeftBrad', 'SMKLLY77', 'TheBritt2001', 'TheFigen_', 'ToddLingefelt', 'TripInChina', 'Younghogey', 'amit6060'],
    ads: [],
    reposts: 0,
    quotes: 0,
    replies: 10,
  },
  {
    file: 'manual_tweet_with_video_2.json',
    tweets: 12,
    users: 12,
    authors: ['EP_AnimalLovers', 'IHearTheShofar', 'Philly_P87', 'QTitan001', 'RobLarrikin', 'SophiaUma369', 'anarchopr', 'buitengebieden', 'edward1993', 'janetmjennifer', 'nori_hall', 'tordosweet_co'],
    ads: ['1667220696295178240'],
    reposts: 0,
    quotes: 0,
    replies: 10,
  },
  {
    file: 'raw_community_tweets.json',
    tweets: 24,
    users: 16,
    authors: ['AngryMike24', 'James_Schiano', 'JustinTalksBall', 'MLB', 'Mets2026', 'NYMSoto_', 'TapeSzn', '_MetsMetrics', 'iamNickyHern', 'johnpagnotta514', 'metsarebest2', 'samwilbur'],
    ads: [],
    reposts: 0,
    quotes: 5,
    replies: 0,
  },
  { file: 'raw_followers.json', tweets: 0, users: 69, authors: [], ads: [], reposts: 0, quotes: 0, replies: 0 },
  { file: 'raw_list_timeline.json', tweets: 181, users: 96, authors: 86, ads: [], reposts: 66, quotes: 23, replies: 17 },
  {
    file: 'raw_search.json',
    tweets: 25,
    users: 20,
    authors: ['Brand0n', 'DavidMoss', 'DennisCW_', 'DirtyTesLa', 'DriveTeslaca', 'EstherRebers', 'GuntherEagleman', 'JoeTegtmeyer', 'LoganJastremski', 'SpaceXAI', 'TeslaBarbarian', 'ahead_of_curve', 'elonmusk', 'greentheonly', 'niccruzpatane', 'piloly', 'rajuvamsi007', 'teslaownersSV', 'teslascope', 'vegastarr'],
    ads: [],
    reposts: 0,
    quotes: 6,
    replies: 2,
  },
  { file: 'raw_user_by_login.json', tweets: 0, users: 1, authors: [], ads: [], reposts: 0, quotes: 0, replies: 0 },
  { file: 'raw_user_media.json', tweets: 37, users: 1, authors: ['XDevelopers'], ads: [], reposts: 0, quotes: 0, replies: 4 },
  {
    file: 'raw_user_tweets.json',
    tweets: 41,
    users: 19,
    authors: ['SpaceXAI', 'StreamWithMeld', 'XDevelopers', 'XFreeze', 'agno_three', 'benjitaylor', 'cambridgemike', 'chrisparkX', 'mike_rosinsky', 'milichab', 'nicole_clash', 'nikitabier', 'santiagomed', 'taycaldwell'],
    ads: [],
    reposts: 16,
    quotes: 14,
    replies: 1,
  },
  {
    file: 'raw_user_tweets_and_replies.json',
    tweets: 39,
    users: 16,
    authors: ['SpaceXAI', 'XDevelopers', 'XFreeze', 'agno_three', 'benjitaylor', 'chrisparkX', 'mike_rosinsky', 'milichab', 'nicole_clash', 'santiagomed', 'taycaldwell'],
    ads: [],
    reposts: 12,
    quotes: 12,
    replies: 8,
  },
];

describe('parseGraphqlResponse on every saved X response', () => {
  it('has a row for every fixture file', () => {
    const files = readdirSync(API).filter((f) => f.endsWith('.json')).sort();
    expect(FIXTURES.map((f) => f.file).sort()).toEqual(files);
  });

  for (const f of FIXTURES) {
    it(`reads ${f.file}: ${f.tweets} tweets, ${f.users} users, ${f.ads.length} ads`, () => {
      const d = parse(f.file);
      expect(d.tweets.length).toBe(f.tweets);
      expect(new Set(d.tweets.map((t) => t.id)).size).toBe(f.tweets);
      expect(d.profiles.length).toBe(f.users);
      if (typeof f.authors === 'number') expect(authorsOf(d).length).toBe(f.authors);
      else expect(authorsOf(d)).toEqual(sorted(f.authors));
      expect(d.ads).toEqual(f.ads);
      expect(d.tweets.filter((t) => t.isAd).map((t) => t.id)).toEqual(f.ads);
      expect(d.tweets.filter((t) => t.isRepost).length).toBe(f.reposts);
      expect(d.tweets.filter((t) => !t.isRepost && t.isQuote).length).toBe(f.quotes);
      expect(d.tweets.filter((t) => !t.isRepost && t.isReply).length).toBe(f.replies);
      expect(d.health).toEqual({ responsesSeen: 1, apiTweets: f.tweets, apiUsers: f.users, apiFailures: 0 });
    });

    it(`gives ${f.file} data that passes the page-data schema unchanged`, () => {
      const d = parse(f.file);
      expect(validatePageData(JSON.parse(JSON.stringify(d)))).toEqual(d);
    });
  }
});

describe('what the parser reads from a tweet', () => {
  it('follows a repost to its original: content and author of the original, reposted by the wrapper author', () => {
    const d = parse('_issue_28_1.json');
    const repost = d.tweets.find((t) => t.id === '1658409412799737856')!;
    const original = d.tweets.find((t) => t.id === '1658407192859492355')!;
    expect(repost).toMatchObject({ isRepost: true, repostedBy: 'REDROJA4', authorHandle: 'SisuMisu3', authorId: '2949065723' });
    expect(original).toMatchObject({ isRepost: false, authorHandle: 'SisuMisu3', hasMedia: true, hashtags: ['Sisu'] });
    expect(original.repostedBy).toBeUndefined();
    expect(repost.text).toBe(original.text);
    expect(original.text.startsWith('RT @')).toBe(false);
  });

  it('follows a quote to its own author', () => {
    const d = parse('_issue_28_1.json');
    const quote = d.tweets.find((t) => t.id === '1677037919880507392')!;
    expect(quote).toMatchObject({ isQuote: true, quotedId: '1677035434214412289', quotedAuthor: 'PShermanV' });
    const quoted = d.tweets.find((t) => t.id === '1677035434214412289')!;
    expect(quoted).toMatchObject({ authorHandle: 'PShermanV', authorId: '1305460489', isReply: true, replyTo: 'SisuMisu3' });
    // The reply's leading @mentions are outside display_text_range, as on X's page.
    expect(quoted.text.startsWith('@')).toBe(false);
  });

  it('reads a long post from note_tweet with all of its links', () => {
    const t = parse('_issue_56.json').tweets.find((x) => x.id === '1682072224013099008')!;
    expect(t.text.length).toBeGreaterThan(280);
    expect(t.text).toContain('Visit the Status page for server status');
    expect(t.urls).toEqual([
      'http://fn.gg/support',
      'http://fn.gg/accounts',
      'https://trello.com/b/Bs7hgkma/fortnite-community-issues',
      'https://status.epicgames.com/',
    ]);
    expect(t.text).not.toContain('https://t.co/');
  });

  it('marks the promoted entry as an ad and reads the advertiser', () => {
    const d = parse('manual_tweet_with_video_2.json');
    const ad = d.tweets.find((t) => t.isAd)!;
    expect(ad).toMatchObject({
      id: '1667220696295178240',
      authorHandle: 'tordosweet_co',
      authorId: '1647055955388170241',
      urls: ['https://tordosweet.com/mosquitos-traps'],
      source: 'Twitter Ads',
    });
    const advertiser = d.profiles.find((p) => p.handle === 'tordosweet_co')!;
    expect(advertiser).toMatchObject({ bio: 'Online store selling items for everyday household needs', bioUrls: ['http://tordosweet.com/'], followers: 370, following: 1 });
  });

  it('unwraps TweetWithVisibilityResults', () => {
    const t = parse('raw_list_timeline.json').tweets.find((x) => x.id === '2085086539097293084');
    expect(t?.authorHandle).toBe('CSPC_DC');
  });

  it('resolves card links through the url entities, and reads the posting app', () => {
    const d = parse('raw_list_timeline.json');
    const t = d.tweets.find((x) => x.id === '2085462156196094058')!;
    expect(t.hasCard).toBe(true);
    expect(t.cardUrl).toMatch(/^https:\/\/www\.spiegel\.de\/panorama\//);
    expect(t.source).toBe('Twitter for iPhone');
    expect(d.tweets.filter((x) => x.source === 'Buffer').length).toBe(5);
  });

  it('decodes the three entities X escapes and cuts the media link off the text', () => {
    const d = parse('raw_community_tweets.json');
    for (const t of d.tweets) {
      expect(t.text).not.toMatch(/&(amp|lt|gt);/);
    }
    const withMedia = d.tweets.filter((t) => t.hasMedia && !t.isRepost);
    expect(withMedia.length).toBeGreaterThan(0);
    for (const t of withMedia) expect(t.text).not.toMatch(/https:\/\/t\.co\/\w+$/);
  });

  it('parses created_at to ms', () => {
    expect(parseXDate('Tue May 16 09:41:01 +0000 2023')).toBe(Date.UTC(2023, 4, 16, 9, 41, 1));
    expect(parseXDate('Tue May 16 09:41:01 -0130 2023')).toBe(Date.UTC(2023, 4, 16, 11, 11, 1));
    expect(parseXDate('yesterday')).toBeUndefined();
    expect(parseXDate(42)).toBeUndefined();
  });

  it('takes the app name out of the source link', () => {
    expect(sourceName('<a href="https://buffer.com" rel="nofollow">Buffer</a>')).toBe('Buffer');
    expect(sourceName('<a href="x">A &amp; B</a>')).toBe('A & B');
    expect(sourceName('Plain')).toBe('Plain');
    expect(sourceName('<a href="x"><img src=y></a>')).toBeUndefined();
    expect(sourceName(undefined)).toBeUndefined();
  });
});

describe('what the parser reads from a user, in both shapes', () => {
  it('reads the older legacy.* shape', () => {
    const p = parse('_issue_28_1.json').profiles.find((x) => x.handle === 'REDROJA4')!;
    expect(p).toEqual({
      handle: 'REDROJA4',
      id: '1296801970775367680',
      name: 'RED ROJA 🔻',
      bio: expect.stringContaining('Por una unidad de izquierdas real'),
      bioUrls: ['https://instagram.com/redroja4?igshid=1d8cfo0z5wf2t'],
      followers: 43398,
      following: 31537,
      statuses: 30422,
      isBlueVerified: false,
      createdAt: Date.UTC(2020, 7, 21, 13, 31, 26),
    });
    const creator = parse('_issue_28_1.json').profiles.find((x) => x.handle === 'SisuMisu3')!;
    expect(creator.professionalType).toBe('Creator');
  });

  it('reads the newer core.* / profile_bio / relationship_* shape', () => {
    const d = parse('raw_list_timeline.json');
    const p = d.profiles.find((x) => x.handle === 'IlvesToomas')!;
    expect(p).toEqual({
      handle: 'IlvesToomas',
      id: '579747564',
      name: 'toomas hendrik ilves',
      bio: expect.stringContaining('Toomas Hendrik Ilves From Estonia'),
      bioUrls: ['http://www.presidentilves.ee/'],
      followers: 189717,
      following: 1956,
      statuses: 250822,
      isBlueVerified: true,
      isFollowedByUser: false,
      createdAt: Date.UTC(2012, 4, 14, 8, 3, 59),
    });
    const business = d.profiles.find((x) => x.handle === 'derspiegel')!;
    expect(business).toMatchObject({ id: '2834511', verifiedType: 'Business', followers: 3040731, bioUrls: ['https://www.spiegel.de/'] });
  });

  it('reads the professional category and the affiliate badge (what X says about the account)', () => {
    const all = fixtures().flatMap((f) => parse(f).profiles);
    expect(all.some((p) => p.professionalCategory === 'Internet Company' && p.professionalType === 'Business')).toBe(true);
    expect(all.some((p) => p.affiliateLabel === 'X')).toBe(true);
    const plain = parse('_issue_28_1.json').profiles.find((x) => x.handle === 'REDROJA4')!;
    expect(plain.professionalCategory).toBeUndefined();
    expect(plain.affiliateLabel).toBeUndefined();
  });

  it('reads the profile of UserByScreenName', () => {
    const [p] = parse('raw_user_by_login.json').profiles;
    expect(p?.handle).toMatch(/^\w+$/);
    expect(p?.id).toMatch(/^\d+$/);
    expect(typeof p?.followers).toBe('number');
  });

  it('ignores users without a numeric id (conversation owner stubs)', () => {
    const d = parse('manual_tweet_with_video_2.json');
    expect(d.profiles.every((p) => /^\d+$/.test(p.id ?? ''))).toBe(true);
  });
});

describe('hostile and broken input', () => {
  const failed = { responsesSeen: 1, apiTweets: 0, apiUsers: 0, apiFailures: 1 };

  it('counts non-objects as a failure', () => {
    for (const v of [null, undefined, 42, 'x', true]) expect(parseGraphqlResponse(v).health).toEqual(failed);
  });

  it('counts a response that looks like X content but yields nothing as a failure (X changed its shape)', () => {
    const changed = { data: { timeline: { instructions: [{ entries: [{ entryId: 'tweet-1', content: { itemContent: { tweet_results: { result: { __typename: 'Tweet', id: 'abc' } } } } }] }] } } };
    expect(parseGraphqlResponse(changed).health).toEqual(failed);
  });

  it('does not count a response with no tweets or users in it at all as a failure', () => {
    expect(parseGraphqlResponse({ data: { viewer: { settings: {} } } }).health).toEqual({ responsesSeen: 1, apiTweets: 0, apiUsers: 0, apiFailures: 0 });
    expect(parseGraphqlResponse({ errors: [{ message: 'Rate limit' }] }).health.apiFailures).toBe(0);
  });

  it('walks a 200,000-deep nest without overflowing the stack, and stops at the depth budget', () => {
    let deep: unknown = { __typename: 'Tweet' };
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const d = parseGraphqlResponse({ data: deep });
    expect(d.health.apiFailures).toBe(1);
    expect(d.tweets).toEqual([]);
  });

  it('stops at the node budget and keeps what it read so far', () => {
    const json = load('raw_list_timeline.json');
    const t0 = performance.now();
    const d = parseGraphqlResponse(json, { maxNodes: 5000 });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(d.health.apiFailures).toBe(1);
    expect(d.tweets.length).toBeLessThan(181);
  });

  it('reads a 50 MB response within the default budget or gives up counting a failure, fast', () => {
    const one = load('raw_list_timeline.json') as { data: unknown };
    // About 50 MB of JSON: the same timeline 14 times over.
    const big = { data: Array.from({ length: 14 }, () => one.data) };
    const t0 = performance.now();
    const d = parseGraphqlResponse(big);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(d.health.apiFailures === 1 || d.tweets.length === 181).toBe(true);
  });

  it('never throws and only produces valid data when any field holds the wrong type', () => {
    const WRONG: unknown[] = [null, 0, -1, 1e308, '', 'x'.repeat(20_000), true, [], {}, [1, 'a'], { __typename: 'Tweet' }, '12ab', 'javascript:alert(1)'];
    // The older shape (repost, quote, reply) whole, and one entry of the newer shape (a quote with a note).
    const search = load('raw_search.json') as { data: unknown };
    const entries: unknown[] = [];
    JSON.stringify(search, (k, v) => {
      if (k === 'entries' && Array.isArray(v)) entries.push(...v);
      return v;
    });
    const newEntry = entries.find((e) => JSON.stringify(e).includes('"quoted_status_result"') && JSON.stringify(e).includes('"note_tweet"'));
    expect(newEntry).toBeDefined();
    for (const base of [load('_issue_28_1.json'), { data: { instructions: [{ entries: [newEntry] }] } }]) {
      // Every path to every value in the file.
      const paths: (string | number)[][] = [];
      const walk = (v: unknown, path: (string | number)[]) => {
        paths.push(path);
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      };
      walk(base, []);
      let runs = 0;
      for (const path of paths) {
        if (path.length === 0) continue;
        for (const wrong of WRONG) {
          // Swapped in place and put back: cloning the file for every case is too slow.
          let parent = base as Record<string | number, unknown>;
          for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
          const key = path[path.length - 1]!;
          const saved = parent[key];
          parent[key] = wrong;
          const d = parseGraphqlResponse(base);
          parent[key] = saved;
          runs++;
          // Whatever it read survives the schema as is: the parser emits nothing invalid.
          expect(validatePageData(JSON.parse(JSON.stringify(d)))).toEqual(d);
        }
      }
      expect(runs).toBeGreaterThan(3000);
    }
  }, 60_000);

  it('does not follow a forged __proto__ or constructor key anywhere', () => {
    const json = JSON.parse('{"__proto__": {"polluted": 1}, "data": {"constructor": {"__typename": "User", "rest_id": "1", "core": {"screen_name": "x"}}}}');
    const d = parseGraphqlResponse(json);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(d.profiles).toEqual([{ handle: 'x', id: '1' }]);
  });
});
