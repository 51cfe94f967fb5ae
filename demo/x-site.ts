// The bundled demo X site: answers requests to x.com like X's web app would, from real fixtures.
//
//   serveDemoX(url)
//     ├─ /i/api/graphql/<hash>/HomeTimeline?variables={cursor…}  ─▶ one page of X-shaped JSON
//     ├─ other /i/api/…                                          ─▶ 404 JSON (X's error shape)
//     ├─ files (/favicon.ico, *.js …)                             ─▶ 404
//     └─ any other path (/home, /, /explore, /handle …)           ─▶ the app shell (HTML + script)
//
// The shell's script (page-app.ts + render.ts, shipped as source text) fetches the first page
// with fetch() and later pages with XMLHttpRequest, and renders exactly the tweets in them.
// Data: timeline-data.ts. Everything is deterministic: same URL, same bytes.
import { serveFollowingDemo } from './following-site';
import { PAGE_RENDER_FUNCTIONS, qbCellFromPost, qbCellFromTweet, qbCellHtml } from './render';
import { qbDemoApp, type DemoAppConfig } from './page-app';
import { DEMO_NOW, demoTimeline, type DemoPost, type TimelineItem } from './timeline-data';

export type { DemoPost } from './timeline-data';
export type { QbDemo } from './page-app';

export interface Served {
  status: number;
  contentType: string;
  body: string;
}

/** Made up: X's real query hashes change with each deploy; any hash is accepted. */
export const HOME_TIMELINE_HASH = 'qbDemoHmTLn0Fx2kR7vWcYA';

const X_HOSTS = new Set(['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);
const TIMELINE_OPS = new Set(['HomeTimeline', 'HomeLatestTimeline']);
const JSON_TYPE = 'application/json; charset=utf-8';

/** What X's web client sends as `features` (a representative subset). */
const FEATURES: Record<string, boolean> = {
  rweb_video_screen_enabled: false,
  profile_label_improvements_pcf_label_in_post_enabled: true,
  responsive_web_graphql_timeline_navigation_enabled: true,
  creator_subscriptions_tweet_preview_api_enabled: true,
  longform_notetweets_consumption_enabled: true,
  responsive_web_edit_tweet_api_enabled: true,
  view_counts_everywhere_api_enabled: true,
  tweet_awards_web_tipping_enabled: false,
  responsive_web_enhance_cards_enabled: false,
};

/** A timeline the site serves as HomeTimeline pages (default: the demo timeline; the page benchmark brings its own). */
export interface TimelineSource {
  pages: TimelineItem[][];
}

/** Answer a request to an X URL (x.com, twitter.com, mobile.x.com; https), or null if it is not ours (the caller aborts those). */
export function serveDemoX(url: string, source: TimelineSource = demoTimeline()): Served | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !X_HOSTS.has(u.hostname.toLowerCase())) return null;
  const path = u.pathname;
  // Following audit (issue 9): the viewer's Following page, its Viewer and Following responses.
  const following = serveFollowingDemo(u);
  if (following) return following;

  const op = /^\/i\/api\/graphql\/[A-Za-z0-9_-]+\/([A-Za-z0-9_]+)\/?$/.exec(path)?.[1];
  if (op && TIMELINE_OPS.has(op)) return { status: 200, contentType: JSON_TYPE, body: timelinePageJson(source, pageIndexOf(u)) };
  if (path.startsWith('/i/api/')) {
    return { status: 404, contentType: JSON_TYPE, body: JSON.stringify({ errors: [{ message: 'Not found in the Quiet Bazaar demo', code: 34 }] }) };
  }
  if (/\.[a-z0-9]{2,5}$/i.test(path)) return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found' };
  return { status: 200, contentType: 'text/html; charset=utf-8', body: homeHtml() };
}

/** What the demo timeline holds, for reports and tests. */
export function demoManifest(): { posts: DemoPost[]; apiOperations: string[] } {
  return { posts: demoTimeline().items.map((i) => ({ ...i.post, urls: [...i.post.urls] })), apiOperations: ['HomeTimeline'] };
}

/** Number of HomeTimeline pages (the first is fetched, the others come by cursor). */
export function demoPageCount(): number {
  return demoTimeline().pages.length;
}

/** URL of a HomeTimeline page as the demo page requests it (page 0 has no cursor). */
export function homeTimelineUrl(page: number): string {
  const variables: Record<string, unknown> = { count: 20, includePromotedContent: true, latestControlAvailable: true, requestContext: 'launch', withCommunity: true };
  if (page > 0) variables['cursor'] = cursorFor(page);
  return `https://x.com/i/api/graphql/${HOME_TIMELINE_HASH}/HomeTimeline?variables=${encodeURIComponent(JSON.stringify(variables))}&features=${encodeURIComponent(JSON.stringify(FEATURES))}`;
}

// ---------------------------------------------------------------------------------------------
// GraphQL pages

/** Opaque-looking cursor that names a page. */
function cursorFor(page: number): string {
  return 'DAABCgABGqbDemo' + Buffer.from(`qb-demo-page:${page}`).toString('base64url');
}

function pageIndexOf(u: URL): number {
  let cursor: unknown;
  try {
    cursor = (JSON.parse(u.searchParams.get('variables') ?? '{}') as Record<string, unknown>)['cursor'];
  } catch {
    return -1;
  }
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  if (typeof cursor !== 'string' || !cursor.startsWith('DAABCgABGqbDemo')) return -1;
  const m = /^qb-demo-page:(\d+)$/.exec(Buffer.from(cursor.slice('DAABCgABGqbDemo'.length), 'base64url').toString());
  return m ? Number(m[1]) : -1;
}

const pageCaches = new WeakMap<TimelineSource, Map<number, string>>();

function timelinePageJson(source: TimelineSource, page: number): string {
  let pageCache = pageCaches.get(source);
  if (!pageCache) pageCaches.set(source, (pageCache = new Map()));
  const hit = pageCache.get(page);
  if (hit !== undefined) return hit;
  const { pages } = source;
  const items = page >= 0 ? (pages[page] ?? []) : [];
  const before = pages.slice(0, Math.max(0, page)).reduce((n, p) => n + p.length, 0);
  const entries: unknown[] = items.map((item, i) => entryOf(item, before + i));
  const last = page < 0 || page >= pages.length - 1;
  const sort = (n: number): string => (1_956_000_000_000_000_000n - BigInt(n)).toString();
  entries.push({
    entryId: `cursor-top-${sort(before - 1)}`,
    sortIndex: sort(before - 1),
    content: { entryType: 'TimelineTimelineCursor', __typename: 'TimelineTimelineCursor', value: cursorFor(Math.max(0, page - 1)), cursorType: 'Top' },
  });
  if (!last) {
    entries.push({
      entryId: `cursor-bottom-${sort(before + items.length)}`,
      sortIndex: sort(before + items.length),
      content: { entryType: 'TimelineTimelineCursor', __typename: 'TimelineTimelineCursor', value: cursorFor(page + 1), cursorType: 'Bottom' },
    });
  }
  const instructions: unknown[] = [{ type: 'TimelineAddEntries', entries }];
  if (last) instructions.push({ type: 'TimelineTerminateTimeline', direction: 'Bottom' });
  const body = JSON.stringify({ data: { home: { home_timeline_urt: { instructions, metadata: { scribeConfig: { page: 'for_you' } } } } } });
  pageCache.set(page, body);
  return body;
}

function entryOf(item: TimelineItem, n: number): unknown {
  const sortIndex = (1_956_000_000_000_000_000n - BigInt(n)).toString();
  const isAd = item.post.isAd === true;
  // X's promoted entry ids carry the impression id after the tweet id.
  const impression = ((item.itemContent['promotedMetadata'] as Record<string, unknown> | undefined)?.['impressionId'] as string | undefined) ?? '0';
  return {
    entryId: isAd ? `promoted-tweet-${item.post.id}-${impression}` : `tweet-${item.post.id}`,
    sortIndex,
    content: {
      entryType: 'TimelineTimelineItem',
      __typename: 'TimelineTimelineItem',
      itemContent: item.itemContent,
      clientEventInfo: isAd
        ? { component: 'promoted', element: 'tweet' }
        : { component: 'suggest_ranked_organic_tweet', element: 'tweet', details: { timelinesDetails: { injectionType: 'RankedOrganicTweet' } } },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The app shell

let shellCache: string | undefined;

function pageScript(): string {
  const { items } = demoTimeline();
  const verbatim: Record<string, string> = {};
  for (const i of items) if (i.verbatimHtml) verbatim[i.post.id] = i.verbatimHtml;
  const cfg: DemoAppConfig = { hash: HOME_TIMELINE_HASH, now: DEMO_NOW, estimate: 180, verbatim, features: FEATURES };
  // `__name` is what esbuild's keepNames inserts into function bodies; define it for the page.
  const fns = PAGE_RENDER_FUNCTIONS.map((f) => f.toString()).join('\n');
  // The name a function is declared with in its source (a bundler may have renamed it).
  const declared = (f: (...args: never[]) => unknown): string => /^function\s*([\w$]+)/.exec(f.toString())?.[1] ?? f.name;
  const json = JSON.stringify(cfg).replace(/</g, '\\u003c');
  const renderers = `{cellFromTweet:${declared(qbCellFromTweet)},cellFromPost:${declared(qbCellFromPost)},cellHtml:${declared(qbCellHtml)}}`;
  return `(function(){"use strict";var __name=function(f){return f};\n${fns}\nvar __qbRun=${qbDemoApp.toString()};\n__qbRun(${json},${renderers});})();`;
}

function homeHtml(): string {
  if (shellCache) return shellCache;
  shellCache = `<!DOCTYPE html>
<html dir="ltr" lang="en" style="overflow-y: scroll; color-scheme: dark;">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=0,viewport-fit=cover">
<title>Home / X</title>
<style>${SHELL_CSS}</style>
</head>
<body style="background-color: #000000;">
<div id="react-root" style="height:100%;display:flex;"><div class="css-175oi2r r-13awgt0 r-12vffkv"><div class="css-175oi2r r-13awgt0 r-12vffkv"><div class="css-175oi2r r-1f2l425 r-13qz1uu r-417010 r-18u37iz" style="min-height: 100vh;">
<header role="banner" class="css-175oi2r r-lrvibr r-1g40b8q r-obd0qt r-16y2uox qb-demo-banner"><div class="css-175oi2r"><h1 role="heading" class="css-146c3p1"><a href="/home" aria-label="X" role="link" class="css-175oi2r" style="color: rgb(231, 233, 234); font-size: 26px; font-weight: 800; text-decoration: none;">𝕏</a></h1><nav aria-label="Primary" role="navigation" class="css-175oi2r"><a href="/home" aria-label="Home" role="link" data-testid="AppTabBar_Home_Link" class="css-175oi2r qb-demo-nav"><span class="css-1jxf684">Home</span></a><a href="/explore" aria-label="Search and explore" role="link" data-testid="AppTabBar_Explore_Link" class="css-175oi2r qb-demo-nav"><span class="css-1jxf684">Explore</span></a></nav></div></header>
<main role="main" class="css-175oi2r r-16y2uox r-1wbh5a2"><div class="css-175oi2r r-150rngu r-16y2uox r-1wbh5a2 r-rthrr5"><div class="css-175oi2r r-aqfbo4 r-16y2uox"><div class="css-175oi2r r-1oszu61 r-1niwhzg r-18u37iz r-16y2uox r-2llsf r-13qz1uu r-1wtj0ep">
<div class="css-175oi2r r-14lw9ot r-jxzhtn r-13l2t4g r-1ljd8xs r-1phboty r-16y2uox r-184en5c r-61z16t r-11wrixw r-1jgb5lz r-13qz1uu r-1ye8kvj" data-testid="primaryColumn">
<div class="css-175oi2r r-aqfbo4 qb-demo-tabs"><div class="css-175oi2r r-18u37iz" role="tablist"><div role="presentation" class="css-175oi2r r-16y2uox"><a href="/home" aria-selected="true" role="tab" class="css-175oi2r qb-demo-tab qb-demo-tab-on"><span class="css-1jxf684">For you</span></a></div><div role="presentation" class="css-175oi2r r-16y2uox"><a href="/home" aria-selected="false" role="tab" class="css-175oi2r qb-demo-tab"><span class="css-1jxf684">Following</span></a></div></div></div>
<section aria-labelledby="accessible-list-0" role="region" class="css-175oi2r"><h1 dir="ltr" aria-level="1" role="heading" class="css-146c3p1 r-4iw3lz r-1xk2f4g r-109y4c4 r-1udh08x r-wwvuq4 r-u8s1d r-92ng3h" id="accessible-list-0">Your Home Timeline</h1><div aria-label="Timeline: Your Home Timeline" class="css-175oi2r"><div style="position: relative; min-height: 0px;"></div></div></section>
</div>
<div class="css-175oi2r r-aqfbo4 r-zso239 r-1hycxz" data-testid="sidebarColumn"><div class="css-175oi2r qb-demo-note"><span class="css-1jxf684"><b>Quiet Bazaar demo.</b> A stand-in for x.com built from real saved X data (see demo/README.md). Nothing here is live; links go nowhere.</span></div></div>
</div></div></div></main>
</div></div></div></div>
<script>${pageScript()}</script>
</body>
</html>
`;
  return shellCache;
}

/**
 * Enough of X's stylesheet for the saved markup to look like X: the react-native-web base classes
 * (css-175oi2r View, css-146c3p1 Text, css-1jxf684 inline text) and the atomic r-* classes the
 * cells use for layout. Values follow X's; the rest is left to the browser.
 */
const SHELL_CSS = `
html,body{margin:0;height:100%;background:#000;color:#e7e9ea;font-family:TwitterChirp,-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;-webkit-font-smoothing:antialiased}
.css-175oi2r{align-items:stretch;border:0 solid black;box-sizing:border-box;display:flex;flex-basis:auto;flex-direction:column;flex-shrink:0;list-style:none;margin:0;min-height:0;min-width:0;padding:0;position:relative;text-decoration:none;z-index:0}
.css-146c3p1{background-color:rgba(0,0,0,0);border:0 solid black;box-sizing:border-box;color:inherit;display:inline;font:inherit;font-size:15px;list-style:none;margin:0;padding:0;position:relative;text-align:inherit;text-decoration:none;white-space:pre-wrap;overflow-wrap:break-word;min-width:0}
.css-1jxf684{background-color:rgba(0,0,0,0);border:0 solid black;box-sizing:border-box;color:inherit;display:inline;font:inherit;list-style:none;margin:0;padding:0;position:relative;text-align:inherit;text-decoration:none;white-space:inherit;overflow-wrap:inherit}
.css-9pa8cd{bottom:0;height:100%;left:0;opacity:0;position:absolute;right:0;top:0;width:100%;z-index:-1}
a{color:inherit;text-decoration:none}button{background:none;border:0;color:inherit;font:inherit;padding:0;cursor:pointer}
.r-18u37iz{flex-direction:row}.r-1wbh5a2{flex-shrink:1}.r-16y2uox{flex-grow:1}.r-13awgt0{flex:1 1 0%}.r-1iusvr4{flex-basis:0px}
.r-1awozwy{align-items:center}.r-1habvwh{align-items:flex-start}.r-1wtj0ep{justify-content:space-between}.r-1777fci{justify-content:center}.r-1h0z5md{justify-content:flex-start}
.r-dnmrzs{max-width:100%}.r-1udh08x{overflow:hidden}.r-1adg3ll{display:block}.r-13qz1uu{width:100%}.r-1pi2tsx{height:100%}
.r-u8s1d{position:absolute}.r-ipm5af{top:0}.r-1d2f490{left:0}.r-zchlnj{right:0}.r-1p0dtai{bottom:0}
.r-4qtqp9{display:inline-block}.r-yyyyoo{fill:currentColor}.r-bnwqim{position:relative}.r-lrvibr{user-select:none}.r-m6rgpd{vertical-align:text-bottom}
.r-1xvli5t,.r-1hdv0qi,.r-50lct3{height:1.25em}.r-1srniue{height:1.25em}.r-10ptun7{height:16px}.r-1janqcz{width:16px}
.r-xoduu5{display:inline-flex}.r-6koalj{display:flex}.r-3s2u2q{white-space:nowrap}.r-1ttztb7{overflow-wrap:break-word}
.r-1niwhzg{background-color:rgba(0,0,0,0)}.r-vvn4in{background-position:center center}.r-u6sd8q{background-repeat:no-repeat}.r-4gszlv{background-size:cover}
.r-sdzlij{border-radius:9999px}.r-1867qdf{border-radius:16px}.r-1kqtdi0{border-color:rgb(47,51,54)}.r-rs99b7{border-width:1px}.r-1phboty{border-style:solid}
.r-1igl3o0{border-bottom-width:1px}.r-qklmqi{border-bottom-color:rgb(47,51,54)}
.r-a023e6{font-size:15px}.r-rjixqe{line-height:20px}.r-b88u0q{font-weight:700}.r-n6v787{font-size:13px}.r-1cwl3u0{line-height:16px}
.r-qlhcfr{font-size:.001px}.r-qvk6io{line-height:0px}
.r-4iw3lz,.r-92ng3h{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.r-dflpy8{height:1.2em;width:1.2em;margin:0 .075em;vertical-align:-20%}
.r-1kbdv8c{max-width:425px}.r-1s2bzr4{margin-top:12px}.r-9aw3ui{margin-top:4px}.r-zl2h9q{margin-bottom:2px}
.r-18kxxzh{flex-basis:40px;flex-grow:0}.r-1wron08{margin-right:8px}
.r-1mlwlqe{flex-basis:auto}.r-417010{z-index:0}
article[data-testid="tweet"]{padding:12px 16px 0;cursor:pointer}
article[data-testid="tweet"] [role="group"]{margin:12px 0;color:rgb(113,118,123)}
article[data-testid="tweet"] [role="group"] button,article[data-testid="tweet"] [role="group"] a{flex-direction:row;align-items:center;gap:4px}
[data-testid^="UserAvatar-Container-"]{border-radius:9999px;overflow:hidden}[data-testid^="UserAvatar-Container-"] .r-4gszlv{background-color:#3a3f44}
[data-testid="tweetText"]{font-size:15px;line-height:20px;display:block}
[data-testid="primaryColumn"]{max-width:600px;width:600px;border-left:1px solid rgb(47,51,54);border-right:1px solid rgb(47,51,54);min-height:100vh}
[data-testid="sidebarColumn"]{width:350px;padding:12px 24px}
.qb-demo-note{border:1px solid rgb(47,51,54);border-radius:16px;padding:12px 16px;color:rgb(113,118,123);font-size:14px;line-height:18px}
.qb-demo-banner{align-items:flex-end;padding:8px 12px;width:260px}.qb-demo-banner h1{margin:4px 12px 12px}
.qb-demo-nav{padding:12px;font-size:20px;border-radius:9999px}.qb-demo-nav:hover{background:rgba(231,233,234,.1)}
.qb-demo-tabs{position:sticky;top:0;z-index:3;background:rgba(0,0,0,.65);backdrop-filter:blur(12px);border-bottom:1px solid rgb(47,51,54)}
.qb-demo-tab{align-items:center;padding:16px;color:rgb(113,118,123);font-weight:500}.qb-demo-tab-on{color:#e7e9ea;font-weight:700}
`;
