// Every x.com selector and DOM-shape fact Quiet Bazaar relies on, and nothing else.
// When X changes its markup, this is the one file to fix.
//
// Selector twins (after refined-github): each exported selector `foo` has an exported
// `fooTwin` table saying how many times it must match on each named fixture: the three real
// saved tweets in test/fixtures/x-dom/ and the variants test/dom/read-variants.ts derives from
// them by small DOM edits. test/dom/selectors.test.ts fails when a selector has no twin, when a
// twin omits a real fixture, or when a count is wrong.
//
// Scope: every selector here is meant to be run on a tweet article or a node being added,
// never on the whole document (see read-tweet.ts).

/** Fixture names a twin can use: the real saved markup, then the derived variants. */
export type FixtureName =
  | 'x-tweet-sample.html'
  | 'x-tweet-quote.html'
  | 'x-tweet-quote-video.html'
  | 'timeline'
  | 'repost'
  | 'pinned'
  | 'ad'
  | 'promoted'
  | 'reply'
  | 'no-testid'
  | 'no-status-link'
  | 'follow-button'
  | 'rich-text'
  | 'navigation';

/** How many times a selector must match on each fixture. Real fixtures are mandatory. */
export type Twin = Record<'x-tweet-sample.html' | 'x-tweet-quote.html' | 'x-tweet-quote-video.html', number> &
  Partial<Record<FixtureName, number>>;

// ---------------------------------------------------------------------------------------------
// Page structure

/** The home/profile/search timeline: the section of the primary column holding the cells. */
export const timeline = '[data-testid="primaryColumn"] section';
export const timelineTwin: Twin = {
  'x-tweet-sample.html': 0,
  'x-tweet-quote.html': 0,
  'x-tweet-quote-video.html': 0,
  timeline: 1,
};

/**
 * The signed-in user's "Profile" link in X's side navigation; its href is "/<viewer's handle>".
 * Following audit: run on the document (the one exception to the scope above), only on a
 * /<handle>/following page. Not in the saved tweets; the test id is X's (AppTabBar_*_Link).
 */
export const viewerProfileLink = 'a[data-testid="AppTabBar_Profile_Link"]';
export const viewerProfileLinkTwin: Twin = {
  'x-tweet-sample.html': 0,
  'x-tweet-quote.html': 0,
  'x-tweet-quote-video.html': 0,
  navigation: 1,
};

/** One slot of X's virtualised list. X recycles these nodes while scrolling. */
export const cell = '[data-testid="cellInnerDiv"]';
export const cellTwin: Twin = {
  // The sample was saved from the article's parent, so it has no cell around it.
  'x-tweet-sample.html': 0,
  'x-tweet-quote.html': 1,
  'x-tweet-quote-video.html': 1,
  timeline: 2,
};

/**
 * A tweet. `data-testid="tweet"` is the usual marker; the plain ARIA article is the fallback
 * for builds where the test id is missing. X uses <article> for nothing else in the timeline.
 */
export const tweetArticle = 'article[data-testid="tweet"], article[role="article"]';
export const tweetArticleTwin: Twin = {
  'x-tweet-sample.html': 1,
  'x-tweet-quote.html': 1,
  'x-tweet-quote-video.html': 1,
  timeline: 3,
  'no-testid': 1,
};

/**
 * Every tweetArticle is one of these: the MutationObserver asks for them in each new cell and keeps
 * those isTweetArticle says are tweets. In Chromium (an isolated world, fresh cells) a query for the
 * tag alone and two attribute reads cost about 4.8 µs a cell against 7.5 for tweetArticle's list.
 */
export const articleTag = 'article';
/** Every <article> of these fixtures is a tweet: the same counts as tweetArticle's. */
export const articleTagTwin: Twin = { ...tweetArticleTwin };

/** Whether an <article> (articleTag) is a tweetArticle: the same test, by its two attributes. */
export function isTweetArticle(article: Element): boolean {
  return article.getAttribute('data-testid') === 'tweet' || article.getAttribute('role') === 'article';
}

/** Only the preferred marker: lets the health check tell when the fallback is carrying us. */
export const tweetArticleByTestId = 'article[data-testid="tweet"]';
export const tweetArticleByTestIdTwin: Twin = {
  'x-tweet-sample.html': 1,
  'x-tweet-quote.html': 1,
  'x-tweet-quote-video.html': 1,
  timeline: 3,
  'no-testid': 0,
};

// ---------------------------------------------------------------------------------------------
// Inside a tweet
//
// read-tweet.ts reads an article through two queries (`withTestId`, `link`) and sorts what it
// finds by these test ids; the selectors below are built from them, so each twin checks what the index uses.

/** The `data-testid` values of the parts of a tweet. */
export const TEST_ID = {
  userName: 'User-Name',
  tweetText: 'tweetText',
  socialContext: 'socialContext',
  cardWrapper: 'card.wrapper',
  tweetPhoto: 'tweetPhoto',
  videoPlayer: 'videoPlayer',
  placementTracking: 'placementTracking',
} as const;
export const AVATAR_CONTAINER_PREFIX = 'UserAvatar-Container-';
/** Follow / unfollow buttons' test ids end with these (after the user's numeric id). */
export const FOLLOW_SUFFIXES = ['-follow', '-unfollow'] as const;

/** Everything with a test id: one query per article, sorted by read-tweet.ts (with `link`). */
export const withTestId = '[data-testid]';
export const withTestIdTwin: Twin = {
  'x-tweet-sample.html': 18,
  'x-tweet-quote.html': 22,
  'x-tweet-quote-video.html': 25,
  'follow-button': 19,
};
/** Name row: display name link, `@handle` link and (in timelines) the time link. */
export const userName = `[data-testid="${TEST_ID.userName}"]`;
export const userNameTwin: Twin = {
  // Quote tweets carry two: the outer author's and the quoted author's (without links).
  'x-tweet-sample.html': 1,
  'x-tweet-quote.html': 2,
  'x-tweet-quote-video.html': 2,
};

/** The avatar, whose test id ends with the handle; used when User-Name gives no handle. */
export const avatarContainer = `[data-testid^="${AVATAR_CONTAINER_PREFIX}"]`;
export const avatarContainerTwin: Twin = {
  'x-tweet-sample.html': 1,
  'x-tweet-quote.html': 2,
  'x-tweet-quote-video.html': 2,
};

/** The post's text, with `lang`; links, mentions, hashtags and emoji <img alt> inside. */
export const tweetText = `[data-testid="${TEST_ID.tweetText}"]`;
export const tweetTextTwin: Twin = {
  'x-tweet-sample.html': 1,
  'x-tweet-quote.html': 2,
  'x-tweet-quote-video.html': 2,
};

/** Posting time; its parent link is the status link (`/<handle>/status/<id>`). */
export const time = 'time';
export const timeTwin: Twin = {
  // In the quoted tweet the time sits in a plain div: quoted tweets carry no status link.
  'x-tweet-sample.html': 1,
  'x-tweet-quote.html': 2,
  'x-tweet-quote-video.html': 2,
  ad: 1,
};

/** What makes a text's visible form differ from its textContent (read-tweet.ts visibleText): emoji images, line breaks, icons. */
export const textSpecial = 'img, br, svg';
export const textSpecialTwin: Twin = {
  // The whole fixture: avatars, icons; in the texts, the emoji of rich-text.
  'x-tweet-sample.html': 11,
  'x-tweet-quote.html': 13,
  'x-tweet-quote-video.html': 12,
  'rich-text': 13,
};

/** Any link to a status page (time link, photo links, analytics link). */
export const statusLink = 'a[href*="/status/"]';
export const statusLinkTwin: Twin = {
  // sample: the time link. quote: time link, quoted photo link, analytics. video: time, analytics.
  'x-tweet-sample.html': 1,
  'x-tweet-quote.html': 3,
  'x-tweet-quote-video.html': 2,
  'no-status-link': 0,
};

/** "X reposted" / "Pinned" line above the name row. For reposts it sits in a link to the reposter. */
export const socialContext = `[data-testid="${TEST_ID.socialContext}"]`;
export const socialContextTwin: Twin = {
  'x-tweet-sample.html': 0,
  'x-tweet-quote.html': 0,
  'x-tweet-quote-video.html': 0,
  repost: 1,
  pinned: 1,
};

/** Link preview card. */
export const cardWrapper = `[data-testid="${TEST_ID.cardWrapper}"]`;
export const cardWrapperTwin: Twin = {
  'x-tweet-sample.html': 1,
  'x-tweet-quote.html': 0,
  'x-tweet-quote-video.html': 0,
};

/** Photos, and (as the video fixture shows) the box around a video. */
export const tweetPhoto = `[data-testid="${TEST_ID.tweetPhoto}"]`;
export const tweetPhotoTwin: Twin = {
  'x-tweet-sample.html': 0,
  'x-tweet-quote.html': 1,
  'x-tweet-quote-video.html': 1,
};

export const videoPlayer = `[data-testid="${TEST_ID.videoPlayer}"]`;
export const videoPlayerTwin: Twin = {
  'x-tweet-sample.html': 0,
  'x-tweet-quote.html': 0,
  'x-tweet-quote-video.html': 1,
};

/** Media of any kind, as one query. */
export const media = `${tweetPhoto}, ${videoPlayer}`;
export const mediaTwin: Twin = {
  'x-tweet-sample.html': 0,
  'x-tweet-quote.html': 1,
  'x-tweet-quote-video.html': 2,
};

/** Wraps ads but also ordinary videos: never an ad marker on its own (see docs/x-notes.md). */
export const placementTracking = `[data-testid="${TEST_ID.placementTracking}"]`;
export const placementTrackingTwin: Twin = {
  'x-tweet-sample.html': 0,
  'x-tweet-quote.html': 0,
  'x-tweet-quote-video.html': 1,
};

/**
 * Quoted tweet: a clickable box (`div[role=link]`, not an <a>) holding its own User-Name.
 * Candidates only: read-tweet keeps the one that contains a User-Name (the verified badge in
 * the name row is also a `div[role=link]`). Older builds nested a whole article instead.
 */
export const quoteBox = 'div[role="link"]';
export const quoteBoxTwin: Twin = {
  // sample: the badge link in the name row (not a quote). quotes: the quoted tweet box.
  'x-tweet-sample.html': 1,
  'x-tweet-quote.html': 1,
  'x-tweet-quote-video.html': 1,
};

/** Follow / unfollow buttons, whose test id is `<numeric user id>-follow|-unfollow`. */
export const followButton = `[data-testid$="${FOLLOW_SUFFIXES[0]}"], [data-testid$="${FOLLOW_SUFFIXES[1]}"]`;
export const followButtonTwin: Twin = {
  'x-tweet-sample.html': 0,
  'x-tweet-quote.html': 0,
  'x-tweet-quote-video.html': 0,
  'follow-button': 1,
};

/** Links (hrefs are read with getAttribute: relative paths stay relative). */
export const link = 'a[href]';
export const linkTwin: Twin = {
  // sample: avatar, name, handle, 2 card links, time. quote: avatar, name, handle, time,
  // quoted photo, analytics. video: the same without the photo, plus one t.co link in the text.
  'x-tweet-sample.html': 6,
  'x-tweet-quote.html': 6,
  'x-tweet-quote-video.html': 6,
};

/** Leaf-ish text holders: where the "Ad" / "Promoted" label and the reply line live. */
export const span = 'span';
export const spanTwin: Twin = {
  'x-tweet-sample.html': 25,
  'x-tweet-quote.html': 25,
  'x-tweet-quote-video.html': 26,
  ad: 27,
  promoted: 26,
};

/** Emoji and other inline images inside text: their `alt` is the character. */
export const inlineImage = 'img[alt]';
export const inlineImageTwin: Twin = {
  'x-tweet-sample.html': 3,
  'x-tweet-quote.html': 3,
  'x-tweet-quote-video.html': 2,
  'rich-text': 5,
};

// ---------------------------------------------------------------------------------------------
// Shape facts (not selectors): checked by read-tweet tests and the table in selectors.test.ts

/** `/<handle>/status/<id>` with optional tail (`/photo/1`, `/analytics`); `/i/status/<id>` carries no handle. */
export const STATUS_PATH = /^\/(?!i\/)([A-Za-z0-9_]{1,15})\/status\/(\d{1,25})(?:[/?#]|$)/;

/** `/<handle>`: a profile link (mentions, name row, reposter, "Replying to"). */
export const PROFILE_PATH = /^\/([A-Za-z0-9_]{1,15})\/?(?:[?#]|$)/;

/** One-segment paths that are X pages, not profiles. */
export const NOT_PROFILES: ReadonlySet<string> = new Set([
  'home', 'explore', 'notifications', 'messages', 'search', 'settings', 'compose', 'i',
  'hashtag', 'login', 'logout', 'signup', 'tos', 'privacy', 'jobs', 'premium', 'lists',
  'bookmarks', 'communities', 'verified-choose', 'intent', 'share',
]);

/** `/hashtag/<tag>` (X adds `?src=hashtag_click`). */
export const HASHTAG_PATH = /^\/hashtag\/([^/?#]+)/;

/** Cashtags link to a search for `$TAG`: `/search?q=%24TAG&src=cashtag_click`. */
export const CASHTAG_PATH = /^\/search\?(?:[^#]*&)?q=(?:%24|\$)([A-Za-z0-9_.]+)/;

/** `<numeric id>-follow` / `<numeric id>-unfollow`. */
/** x.com/<handle>/following: a Following list page (following audit). */
export const FOLLOWING_PATH = /^\/([A-Za-z0-9_]{1,15})\/following\/?$/;

export const FOLLOW_TEST_ID = /^(\d{1,25})-(?:un)?follow$/;

/** Links X shortens: their visible text may show the expanded URL. */
export const SHORT_LINK = /^https?:\/\/t\.co\//;

/**
 * Text of the label X puts on ads: "Ad" in the header since 2024, "Promoted" under older
 * builds. English only: the localised labels are unknown to us, hence the structural fallback in
 * read-tweet (no own time link + placementTracking).
 */
export const AD_LABELS: ReadonlySet<string> = new Set(['Ad', 'Promoted']);

/**
 * socialContext lines that are not reposts even though they sit in a profile link (English;
 * X's wording). A repost is any other socialContext inside a profile link.
 */
export const NOT_REPOST_CONTEXT = /\b(liked|likes|follows?|replied|pinned)\b/i;
