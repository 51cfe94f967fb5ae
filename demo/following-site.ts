// The demo's Following page (following audit, issue 9): https://x.com/<viewer>/following, served
// like the home page, from the project's fixtures, with X's own response shapes.
//
//   /qb_demo_you/following                    ─▶ the app shell: X's nav ("Profile" → /qb_demo_you)
//                                                + a list of UserCells filled by the page's script
//   /i/api/graphql/<hash>/Viewer              ─▶ the signed-in account (data.viewer.user_results)
//   /i/api/graphql/<hash>/Following?variables={userId, count, cursor}
//                                             ─▶ one page of TimelineUser entries + Top/Bottom cursors
//
// Who the demo viewer follows (FOLLOWED_*; README "Following page"):
//   - 5 of the 8 labelled sellers and 4 of the 8 labelled people of the home timeline (the same
//     user objects, so the same ids), followed most recently;
//   - the 69 real users of test/fixtures/x-api/derived/following.json (raw_followers.json with
//     `following: true`), as X sent them.
// The page fetches the list with fetch(), 20 accounts a page, the next page when the user scrolls
// near the bottom. Deterministic: same URL, same bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoTimeline, fixturesDir } from './timeline-data';

export const FOLLOWING_HASH = 'qbDemoFlwng7Kc2Vd9sQxZ';
export const VIEWER_HASH = 'qbDemoVwr3Lp8Tq1mWnB4A';
export const DEMO_VIEWER = { id: '1650000000000000042', handle: 'qb_demo_you', name: 'You (demo)' } as const;
export const FOLLOWING_PAGE_SIZE = 20;
/** Labelled authors of the home timeline the viewer follows: the first of each, by handle. */
export const FOLLOWED_SELLERS = 5;
export const FOLLOWED_PEOPLE = 4;

type Obj = Record<string, unknown>;
const JSON_TYPE = 'application/json; charset=utf-8';

export interface FollowedAccount {
  id: string;
  handle: string;
  /** Where the account comes from: a labelled author of the home timeline, or the real list. */
  source: 'seller' | 'not_seller' | 'x-api';
  user: Obj;
}

let followedCache: FollowedAccount[] | undefined;

/** The accounts the demo viewer follows, in X's order (most recently followed first). */
export function demoFollowing(): FollowedAccount[] {
  if (followedCache) return followedCache;
  const labelled = new Map<string, { label: 'seller' | 'not_seller'; user: Obj }>();
  for (const item of demoTimeline().items) {
    if (item.post.source !== 'labeled' || labelled.has(item.post.handle)) continue;
    const result = (item.itemContent['tweet_results'] as Obj)['result'] as Obj;
    const user = ((result['core'] as Obj)['user_results'] as Obj)['result'] as Obj;
    labelled.set(item.post.handle, { label: item.post.label as 'seller' | 'not_seller', user });
  }
  const pick = (label: 'seller' | 'not_seller', n: number) =>
    [...labelled.entries()]
      .filter(([, v]) => v.label === label)
      .sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
      .slice(0, n);
  const own: FollowedAccount[] = [];
  for (const [handle, v] of [...pick('seller', FOLLOWED_SELLERS), ...pick('not_seller', FOLLOWED_PEOPLE)]) {
    // A copy: the home timeline's user objects say nothing of following, as for the demo's other users.
    const user: Obj = { ...v.user, relationship_perspectives: { following: true, followed_by: false, blocking: false, blocked_by: false, muting: false } };
    own.push({ id: String(v.user['rest_id']), handle, source: v.label, user });
  }
  const real = JSON.parse(readFileSync(join(fixturesDir(), 'x-api', 'derived', 'following.json'), 'utf8')) as Obj;
  const entries = ((((((real['data'] as Obj)['user'] as Obj)['result'] as Obj)['timeline'] as Obj)['timeline'] as Obj)['instructions'] as Obj[])
    .flatMap((i) => (Array.isArray(i['entries']) ? (i['entries'] as Obj[]) : []));
  for (const e of entries) {
    const user = ((((e['content'] as Obj)['itemContent'] as Obj | undefined)?.['user_results'] as Obj | undefined)?.['result'] as Obj | undefined);
    if (!user) continue;
    own.push({ id: String(user['rest_id']), handle: String((user['core'] as Obj)['screen_name']), source: 'x-api', user });
  }
  followedCache = own;
  return own;
}

/** How many pages the Following list has. */
export function followingPageCount(): number {
  return Math.ceil(demoFollowing().length / FOLLOWING_PAGE_SIZE);
}

function cursorFor(page: number): string {
  // X's list cursors look like "<number>|<number>"; "0|…" ends the list.
  return `${1_872_784_690_123_924_126n - BigInt(page)}|${2_085_474_371_463_282_617n - BigInt(page * 100)}`;
}

function pageOf(u: URL): number {
  let cursor: unknown;
  try {
    cursor = (JSON.parse(u.searchParams.get('variables') ?? '{}') as Obj)['cursor'];
  } catch {
    return -1;
  }
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  for (let p = 1; p < followingPageCount(); p++) if (cursor === cursorFor(p)) return p;
  return -1;
}

function followingPageJson(page: number): string {
  const all = demoFollowing();
  const users = page >= 0 ? all.slice(page * FOLLOWING_PAGE_SIZE, (page + 1) * FOLLOWING_PAGE_SIZE) : [];
  const sort = (n: number) => (2_085_474_371_463_282_688n - BigInt(n)).toString();
  const base = Math.max(0, page) * FOLLOWING_PAGE_SIZE;
  const entries: Obj[] = users.map((a, i) => ({
    entryId: `user-${a.id}`,
    sortIndex: sort(base + i),
    content: {
      entryType: 'TimelineTimelineItem',
      __typename: 'TimelineTimelineItem',
      itemContent: { itemType: 'TimelineUser', __typename: 'TimelineUser', user_results: { result: a.user }, userDisplayType: 'User' },
      clientEventInfo: { component: 'FollowingSgs', element: 'user' },
    },
  }));
  const last = page < 0 || page >= followingPageCount() - 1;
  entries.push({
    entryId: `cursor-bottom-${sort(base + users.length)}`,
    sortIndex: sort(base + users.length),
    content: { entryType: 'TimelineTimelineCursor', __typename: 'TimelineTimelineCursor', value: last ? `0|${sort(base + users.length)}` : cursorFor(page + 1), cursorType: 'Bottom' },
  });
  entries.push({
    entryId: `cursor-top-${sort(base - 1)}`,
    sortIndex: sort(base - 1),
    content: { entryType: 'TimelineTimelineCursor', __typename: 'TimelineTimelineCursor', value: `-1|${sort(base - 1)}`, cursorType: 'Top' },
  });
  return JSON.stringify({
    data: { user: { result: { __typename: 'User', timeline: { timeline: { instructions: [{ type: 'TimelineClearCache' }, { type: 'TimelineAddEntries', entries }] } } } } },
  });
}

function viewerJson(): string {
  const v = DEMO_VIEWER;
  return JSON.stringify({
    data: {
      viewer: {
        user_results: {
          result: {
            __typename: 'User',
            rest_id: v.id,
            core: { name: v.name, screen_name: v.handle, created_at: 'Tue Jan 06 09:00:00 +0000 2026' },
            profile_bio: { description: 'The Quiet Bazaar demo account.' },
            relationship_counts: { followers: 12, following: demoFollowing().length },
          },
        },
      },
    },
  });
}

/** Answers the Following page and its API calls; null for anything else (the home site answers). */
export function serveFollowingDemo(u: URL): { status: number; contentType: string; body: string } | null {
  const op = /^\/i\/api\/graphql\/[A-Za-z0-9_-]+\/([A-Za-z0-9_]+)\/?$/.exec(u.pathname)?.[1];
  if (op === 'Viewer') return { status: 200, contentType: JSON_TYPE, body: viewerJson() };
  if (op === 'Following') {
    let userId: unknown;
    try {
      userId = (JSON.parse(u.searchParams.get('variables') ?? '{}') as Obj)['userId'];
    } catch {
      userId = undefined;
    }
    // The demo knows one list: its viewer's.
    const page = userId === DEMO_VIEWER.id ? pageOf(u) : -1;
    return { status: 200, contentType: JSON_TYPE, body: followingPageJson(page) };
  }
  if (new RegExp(`^/${DEMO_VIEWER.handle}/following/?$`, 'i').test(u.pathname)) {
    return { status: 200, contentType: 'text/html; charset=utf-8', body: followingHtml() };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The page

export interface FollowingAppConfig {
  viewerHash: string;
  followingHash: string;
  viewerId: string;
  count: number;
}

/** What the Following page exposes as `window.qbFollowing`. */
export interface QbFollowing {
  loadMore(): Promise<number>;
  rendered(): number;
  done(): boolean;
  ready(): Promise<number>;
}

/**
 * The Following page's own script, shipped as source text (self-contained: no imports, no
 * module constants). Fetches Viewer, then the list page by page; renders UserCells with DOM
 * text only (bios come from the fixtures).
 */
export function qbFollowingApp(cfg: FollowingAppConfig): void {
  type O = Record<string, unknown>;
  const list = document.querySelector('[aria-label="Timeline: Following"] > div') as HTMLElement | null;
  if (!list) return;
  let cursor: string | null = null;
  let finished = false;
  let pending: Promise<number> | null = null;
  let count = 0;

  const url = (after: string | null): string => {
    const variables: O = { userId: cfg.viewerId, count: cfg.count, includePromotedContent: false };
    if (after) variables['cursor'] = after;
    return '/i/api/graphql/' + cfg.followingHash + '/Following?variables=' + encodeURIComponent(JSON.stringify(variables));
  };

  const el = (tag: string, attrs: O, ...kids: Array<Node | string>): HTMLElement => {
    const e = document.createElement(tag);
    for (const k of Object.keys(attrs)) e.setAttribute(k, String(attrs[k]));
    e.append(...kids);
    return e;
  };

  const cellOf = (user: O): HTMLElement => {
    const core = (user['core'] ?? user['legacy'] ?? {}) as O;
    const handle = String(core['screen_name'] ?? '');
    const name = String(core['name'] ?? handle);
    const bio = String(((user['profile_bio'] ?? {}) as O)['description'] ?? ((user['legacy'] ?? {}) as O)['description'] ?? '');
    const id = String(user['rest_id'] ?? '');
    const head = el(
      'div',
      { class: 'css-175oi2r r-18u37iz qb-demo-user-head' },
      el('a', { href: '/' + handle, role: 'link', class: 'css-175oi2r qb-demo-user-name' }, el('span', { class: 'css-1jxf684 r-b88u0q' }, name), el('span', { class: 'css-1jxf684 qb-demo-muted' }, ' @' + handle)),
      el('button', { type: 'button', 'data-testid': id + '-unfollow', 'aria-label': 'Following @' + handle, class: 'css-175oi2r qb-demo-following' }, 'Following'),
    );
    const cell = el(
      'div',
      { 'data-testid': 'cellInnerDiv' },
      el(
        'button',
        { 'data-testid': 'UserCell', role: 'button', class: 'css-175oi2r qb-demo-user' },
        el('div', { 'data-testid': 'UserAvatar-Container-' + handle, class: 'css-175oi2r qb-demo-avatar' }),
        el('div', { class: 'css-175oi2r r-16y2uox' }, head, el('div', { dir: 'auto', class: 'css-146c3p1 qb-demo-bio' }, bio)),
      ),
    );
    return cell;
  };

  const render = (json: unknown): number => {
    let added = 0;
    let sawBottom = false;
    const walk = (v: unknown): void => {
      if (!v || typeof v !== 'object') return;
      if (Array.isArray(v)) return v.forEach(walk);
      const o = v as O;
      if (o['itemType'] === 'TimelineUser') {
        const user = ((o['user_results'] ?? {}) as O)['result'] as O | undefined;
        if (user) {
          list.appendChild(cellOf(user));
          added++;
        }
        return;
      }
      if (o['cursorType'] === 'Bottom') {
        sawBottom = true;
        const value = String(o['value']);
        if (/^0\|/.test(value)) finished = true;
        else cursor = value;
        return;
      }
      for (const k of Object.keys(o)) walk(o[k]);
    };
    walk(json);
    if (!sawBottom || added === 0) finished = true;
    count += added;
    return added;
  };

  const load = (): Promise<number> => {
    if (finished) return Promise.resolve(0);
    if (pending) return pending;
    pending = fetch(url(cursor), { credentials: 'include' })
      .then((r) => r.json())
      .then(render)
      .finally(() => {
        pending = null;
      });
    return pending;
  };

  // X asks who is signed in, then the list (the reader sees both responses).
  const first = fetch('/i/api/graphql/' + cfg.viewerHash + '/Viewer?variables=' + encodeURIComponent('{"withCommunitiesMemberships":true}'), { credentials: 'include' })
    .then((r) => r.text())
    .then(() => load());

  window.addEventListener('scroll', () => {
    if (window.innerHeight + window.scrollY >= document.body.scrollHeight - 400) void load();
  });

  const api: QbFollowing = {
    loadMore: () => first.then(load),
    rendered: () => count,
    done: () => finished,
    ready: () => first,
  };
  (window as unknown as { qbFollowing: QbFollowing }).qbFollowing = api;
}

let shellCache: string | undefined;

function followingHtml(): string {
  if (shellCache) return shellCache;
  const cfg: FollowingAppConfig = { viewerHash: VIEWER_HASH, followingHash: FOLLOWING_HASH, viewerId: DEMO_VIEWER.id, count: FOLLOWING_PAGE_SIZE };
  const script = `(function(){"use strict";var __name=function(f){return f};var __run=${qbFollowingApp.toString()};__run(${JSON.stringify(cfg).replace(/</g, '\\u003c')});})();`;
  const v = DEMO_VIEWER;
  shellCache = `<!DOCTYPE html>
<html dir="ltr" lang="en" style="color-scheme: dark;">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>People followed by ${v.name} (@${v.handle}) / X</title>
<style>${CSS}</style>
</head>
<body>
<div id="react-root" class="qb-demo-root">
<header role="banner" class="qb-demo-banner"><h1><a href="/home" aria-label="X">𝕏</a></h1><nav aria-label="Primary" role="navigation"><a href="/home" aria-label="Home" role="link" data-testid="AppTabBar_Home_Link" class="qb-demo-nav">Home</a><a href="/${v.handle}" aria-label="Profile" role="link" data-testid="AppTabBar_Profile_Link" class="qb-demo-nav">Profile</a></nav></header>
<main role="main"><div data-testid="primaryColumn" class="qb-demo-column">
<div class="qb-demo-title"><h2>${v.name}</h2><span class="qb-demo-muted">@${v.handle}</span></div>
<div role="tablist" class="qb-demo-tabs"><a role="tab" aria-selected="false" href="/${v.handle}/followers">Followers</a><a role="tab" aria-selected="true" href="/${v.handle}/following" class="qb-demo-tab-on">Following</a></div>
<section aria-labelledby="accessible-list-1" role="region"><h1 id="accessible-list-1" class="qb-demo-sr">Following</h1><div aria-label="Timeline: Following"><div></div></div></section>
</div>
<div data-testid="sidebarColumn" class="qb-demo-side"><div class="qb-demo-note"><b>Quiet Bazaar demo.</b> A stand-in for your Following page on x.com, built from real saved X data (see demo/README.md).</div></div>
</main>
</div>
<script>${script}</script>
</body>
</html>
`;
  return shellCache;
}

const CSS = `
html,body{margin:0;background:#000;color:#e7e9ea;font:15px/20px -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
a{color:inherit;text-decoration:none}button{font:inherit;color:inherit;background:none;border:0;text-align:left;padding:0}
.qb-demo-root{display:flex;justify-content:center;min-height:100vh}
.qb-demo-banner{width:220px;padding:8px 12px}.qb-demo-banner h1{font-size:26px;margin:8px 12px 16px}
.qb-demo-banner nav{display:flex;flex-direction:column}.qb-demo-nav{padding:12px;font-size:20px;border-radius:9999px}
main{display:flex}.qb-demo-column{width:600px;border-left:1px solid #2f3336;border-right:1px solid #2f3336;min-height:100vh}
.qb-demo-title{padding:8px 16px}.qb-demo-title h2{margin:0;font-size:20px}
.qb-demo-tabs{display:flex;border-bottom:1px solid #2f3336}.qb-demo-tabs a{flex:1;text-align:center;padding:16px;color:#71767b}.qb-demo-tabs .qb-demo-tab-on{color:#e7e9ea;font-weight:700}
.qb-demo-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.qb-demo-user{display:flex;gap:12px;width:100%;padding:12px 16px;border-bottom:1px solid #2f3336;cursor:pointer}
.qb-demo-avatar{width:40px;height:40px;border-radius:9999px;background:#3a3f44;flex:none}
.qb-demo-user-head{display:flex;justify-content:space-between;align-items:center;gap:8px}
.qb-demo-user-name{display:flex;flex-direction:column}.qb-demo-muted{color:#71767b}.r-b88u0q{font-weight:700}
.qb-demo-following{border:1px solid #536471;border-radius:9999px;padding:4px 16px;font-weight:700;font-size:14px}
.qb-demo-bio{display:block;margin-top:4px;white-space:pre-wrap;overflow-wrap:anywhere}
.qb-demo-side{width:350px;padding:12px 24px}.qb-demo-note{border:1px solid #2f3336;border-radius:16px;padding:12px 16px;color:#71767b;font-size:14px}
`;
