// @vitest-environment node
// Lists of users (Following / Followers) and the viewer, read from real X responses.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseApiResponse, parseUserList, readViewer } from '../../../src/page-world/parse-graphql';
import { chunkPageData } from '../../../src/page-world/page-reader';
import { validatePageData, validateUserList, validateViewer } from '../../../src/shared/validate-page-data';

const API = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/x-api');
const load = (name: string): any => JSON.parse(readFileSync(join(API, name), 'utf8'));

const followingUrl = (vars: Record<string, unknown>) =>
  `https://x.com/i/api/graphql/abc123/Following?variables=${encodeURIComponent(JSON.stringify(vars))}&features=%7B%7D`;

// Counted by hand from the file (a short Python walk over entries[]): 69 `user-<id>` entries,
// each a TimelineUser with a User result, then a Bottom and a Top cursor.
const FIRST_IDS = ['236209129', '338048283', '156417821'];
const LAST_ID = '2085371120388030464';

describe('parseUserList on the real Followers response (raw_followers.json)', () => {
  const page = parseUserList(load('raw_followers.json'), 'Followers', followingUrl({ userId: '2244994945', count: 20 }))!;

  it('reads all 69 users, in the order X lists them', () => {
    expect(page.users).toHaveLength(69);
    expect(page.users.slice(0, 3).map((u) => u.id)).toEqual(FIRST_IDS);
    expect(page.users.at(-1)!.id).toBe(LAST_ID);
    expect(new Set(page.users.map((u) => u.id)).size).toBe(69);
  });

  it('reads each user as a profile: handle, name, bio, bio links, professional type', () => {
    const leslie = page.users[0]!;
    expect(leslie).toMatchObject({ id: '236209129', handle: 'leslieberland', name: 'Leslie Berland', bio: 'CMO Verizon', isFollowedByUser: false });
    const engineering = page.users.find((u) => u.handle === 'Engineering')!;
    // X's gold check: an organisation.
    expect(engineering.verifiedType).toBe('Business');
    expect(page.users.find((u) => u.handle === 'TheGerardTaylor')!.professionalType).toBe('Business');
    const artcllick = page.users.find((u) => u.handle === 'Artcllick')!;
    expect(artcllick.bio).toMatch(/^For Developers and Designers /);
    expect(artcllick.bioUrls!.length).toBeGreaterThan(0);
    // New accounts with an empty bio are still listed.
    expect(page.users.find((u) => u.handle === 'calvin738')).toMatchObject({ id: '2085468248527532032' });
  });

  it('takes the owner from the request and knows the top page; a next cursor means more to come', () => {
    expect(page.operation).toBe('Followers');
    expect(page.ownerId).toBe('2244994945');
    expect(page.isFirstPage).toBe(true);
    // The file's Bottom cursor is "1872784690123924126|2085474371463282617": not the end.
    expect(page.isLastPage).toBe(false);
  });

  it('passes its own validator unchanged', () => {
    expect(validateUserList(JSON.parse(JSON.stringify(page)))).toEqual(page);
  });
});

describe('parseUserList on the Following fixture derived from it (derived/following.json)', () => {
  const derived = load('derived/following.json');

  it('reads the same 69 users, each one followed by the viewer', () => {
    const page = parseUserList(derived, 'Following', followingUrl({ userId: '2244994945', cursor: '1872784690123924126|2085474371463282617' }))!;
    expect(page.operation).toBe('Following');
    expect(page.users).toHaveLength(69);
    expect(page.users.every((u) => u.isFollowedByUser === true)).toBe(true);
    expect(page.isFirstPage).toBe(false);
  });

  it('sees the end of the list in X\'s "0|" bottom cursor, or in a page with no bottom cursor', () => {
    const entries = derived.data.user.result.timeline.timeline.instructions[3].entries;
    const bottom = entries.find((e: any) => e.content.cursorType === 'Bottom');
    bottom.content.value = '0|2085474371463282617';
    expect(parseUserList(derived, 'Following')!.isLastPage).toBe(true);
    const noCursor = structuredClone(derived);
    const list = noCursor.data.user.result.timeline.timeline.instructions[3];
    list.entries = list.entries.filter((e: any) => e.content.cursorType !== 'Bottom');
    expect(parseUserList(noCursor, 'Following')!.isLastPage).toBe(true);
  });

  it('reads nothing as a list for other operations or other responses', () => {
    expect(parseUserList(derived, 'HomeTimeline')).toBeNull();
    // A response of another kind under the name: no user in it (cursors alone make an empty page).
    expect(parseUserList(load('raw_search.json'), 'Following')?.users ?? []).toEqual([]);
    expect(parseUserList(load('raw_user_by_login.json'), 'Following')).toBeNull();
    expect(parseUserList('not json', 'Following')).toBeNull();
  });

  it('stops within its budget on a huge list', () => {
    const page = parseUserList(derived, 'Following', undefined, { maxNodes: 200 });
    expect(page === null || page.users.length < 69).toBe(true);
  });

  it('ignores an owner id that is not numeric', () => {
    const page = parseUserList(derived, 'Following', followingUrl({ userId: '../../etc' }))!;
    expect(page.ownerId).toBeUndefined();
  });
});

describe('the viewer', () => {
  it("reads the signed-in account and how many it follows from X's Viewer response (derived/viewer.json)", () => {
    expect(readViewer(load('derived/viewer.json'))).toEqual({ id: '2244994945', handle: 'XDevelopers', following: 762 });
  });

  it('finds no viewer in responses that do not name one', () => {
    for (const f of ['raw_followers.json', 'raw_user_by_login.json', 'raw_search.json']) expect(readViewer(load(f))).toBeNull();
  });

  it('travels to the content script with the first chunk and survives validation', () => {
    const data = parseApiResponse(load('derived/viewer.json'), 'Viewer', 'https://x.com/i/api/graphql/h/Viewer');
    expect(data.viewer).toEqual({ id: '2244994945', handle: 'XDevelopers', following: 762 });
    const first = chunkPageData(data)[0]!;
    const checked = validatePageData(JSON.parse(JSON.stringify(first)))!;
    expect(checked.viewer).toEqual(data.viewer);
  });

  it('refuses a forged viewer or list', () => {
    expect(validateViewer({ id: 'abc', handle: 'x' })).toBeNull();
    expect(validateViewer({ id: '1', handle: '<img>' })).toBeNull();
    expect(validateViewer({ id: '1', handle: 'me', following: -3 })).toEqual({ id: '1', handle: 'me' });
    expect(validateUserList({ operation: 'Likes', users: [], isLastPage: true, isFirstPage: true })).toBeNull();
    expect(validateUserList({ operation: 'Following', users: new Array(501).fill({}), isLastPage: true, isFirstPage: true })).toBeNull();
    const page = validateUserList({
      operation: 'Following',
      users: [{ handle: 'noid' }, { id: '7', handle: 'ok', __proto__: { evil: 1 }, extra: 'x' }, { id: '7', handle: 'dup' }],
      isLastPage: false,
      isFirstPage: true,
      ownerId: 'x',
    })!;
    expect(page.users).toEqual([{ id: '7', handle: 'ok' }]);
    expect(page.ownerId).toBeUndefined();
    // A bad list does not cost the rest of the message.
    const rest = validatePageData({ tweets: [], profiles: [], ads: [], health: { responsesSeen: 1, apiTweets: 0, apiUsers: 0, apiFailures: 0 }, userList: 5 });
    expect(rest).not.toBeNull();
    expect(rest!.userList).toBeUndefined();
  });
});

describe('parseApiResponse', () => {
  it('adds the list page to what parseGraphqlResponse reads', () => {
    const d = parseApiResponse(load('derived/following.json'), 'Following', followingUrl({ userId: '2244994945' }));
    expect(d.userList!.users).toHaveLength(69);
    expect(d.profiles).toHaveLength(69);
    expect(d.health.apiFailures).toBe(0);
  });
});
