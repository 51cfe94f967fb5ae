// @vitest-environment happy-dom
// The content side of the following audit: only the viewer's own Following list is passed on.
import { describe, expect, it, vi } from 'vitest';
import { FollowingReader, followingPageHandle, MAX_PAGE_AUTHORS, PageAuthors, viewerHandleFromDom } from '../../../src/content/following-reader';
import type { FollowingSeen } from '../../../src/shared/messages';
import { emptyPageData, type PageData, type UserListPage } from '../../../src/shared/validate-page-data';

const list = (over: Partial<UserListPage> = {}): PageData => ({
  ...emptyPageData(),
  userList: {
    operation: 'Following',
    users: [{ id: '1', handle: 'a', name: 'A', bio: 'b', bioUrls: ['https://x.example/'], followers: 5, isFollowedByUser: true, createdAt: 1 }],
    isFirstPage: true,
    isLastPage: false,
    ...over,
  },
});

function reader(path: string, domViewer?: string, following?: number) {
  const sent: FollowingSeen[] = [];
  const r = new FollowingReader({
    send: async (p) => void sent.push(p),
    pathname: () => path,
    domViewer: () => domViewer,
    profileByHandle: (h) => (following !== undefined ? { handle: h, following } : undefined),
  });
  return { r, sent };
}

describe('FollowingReader', () => {
  it("passes on the viewer's own list (page x.com/<viewer>/following, viewer from the navigation), slimmed", () => {
    const { r, sent } = reader('/Me/following', 'me', 120);
    r.onPageData(list());
    expect(sent).toEqual([
      { viewer: { handle: 'me' }, total: 120, users: [{ id: '1', handle: 'a', name: 'A', bio: 'b', bioUrls: ['https://x.example/'] }], isFirstPage: true, isLastPage: false },
    ]);
  });

  it("never passes on someone else's list, or a Followers list", () => {
    const { r, sent } = reader('/someone/following', 'me');
    r.onPageData(list());
    r.onPageData({ ...list(), userList: { ...list().userList!, operation: 'Followers' } });
    expect(sent).toEqual([]);
  });

  it("decides by ids when X's Viewer response and the request's owner id are known", () => {
    const { r, sent } = reader('/Me/following', undefined);
    r.onPageData({ ...emptyPageData(), viewer: { id: '42', handle: 'Me', following: 7 } });
    r.onPageData(list({ ownerId: '43' }));
    expect(sent).toEqual([]);
    r.onPageData(list({ ownerId: '42' }));
    expect(sent.map((s) => [s.viewer, s.total])).toEqual([[{ id: '42', handle: 'Me' }, 7]]);
  });

  it('holds a page until the viewer is known, then sends it', () => {
    vi.useFakeTimers();
    let dom: string | undefined;
    const sent: FollowingSeen[] = [];
    const r = new FollowingReader({ send: async (p) => void sent.push(p), pathname: () => '/me/following', domViewer: () => dom, profileByHandle: () => undefined });
    r.onPageData(list());
    expect(sent).toEqual([]);
    dom = 'me';
    vi.advanceTimersByTime(600);
    expect(sent).toHaveLength(1);
    vi.useRealTimers();
  });

  it('reads the viewer from X\'s "Profile" link and the list owner from the path', () => {
    document.body.innerHTML = '<nav><a data-testid="AppTabBar_Profile_Link" href="/Me_2">Profile</a></nav>';
    expect(viewerHandleFromDom(document)).toBe('Me_2');
    document.body.innerHTML = '<nav><a data-testid="AppTabBar_Profile_Link" href="/i/flow">Profile</a></nav>';
    expect(viewerHandleFromDom(document)).toBeUndefined();
    expect(followingPageHandle('/me/following')).toBe('me');
    expect(followingPageHandle('/me/followers')).toBeUndefined();
  });
});

describe('PageAuthors', () => {
  it('counts distinct tweets and ads per author', () => {
    const p = new PageAuthors();
    expect(p.add({ id: '1', authorHandle: 'Ann', isAd: false })).toBe(true);
    expect(p.add({ id: '1', authorHandle: 'ann', isAd: false })).toBe(false);
    p.add({ id: '2', authorHandle: 'Ann', isAd: true });
    expect(p.list()).toEqual([{ handle: 'Ann', tweets: 2, ads: 1 }]);
  });

  it('starts afresh when X moves to another page without a reload', () => {
    const p = new PageAuthors();
    p.add({ id: '1', authorHandle: 'Ann', isAd: false }, '/home');
    p.add({ id: '2', authorHandle: 'Bob', isAd: false }, '/home');
    expect(p.add({ id: '3', authorHandle: 'Bob', isAd: false }, '/search')).toBe(true);
    expect(p.list()).toEqual([{ handle: 'Bob', tweets: 1, ads: 0 }]);
  });

  it('holds at most MAX_PAGE_AUTHORS authors, forgetting the least recently counted', () => {
    const p = new PageAuthors();
    p.add({ id: '1', authorHandle: 'first', isAd: false }, '/home');
    p.add({ id: '2', authorHandle: 'second', isAd: false }, '/home');
    for (let i = 0; i < MAX_PAGE_AUTHORS - 2; i++) p.add({ id: String(100 + i), authorHandle: 'a' + i, isAd: false }, '/home');
    p.add({ id: '3', authorHandle: 'first', isAd: false }, '/home'); // Counted again: kept.
    p.add({ id: '4', authorHandle: 'newcomer', isAd: false }, '/home');
    const handles = p.list().map((a) => a.handle);
    expect(handles).toHaveLength(MAX_PAGE_AUTHORS);
    expect(handles).not.toContain('second');
    expect(p.list().find((a) => a.handle === 'first')).toEqual({ handle: 'first', tweets: 2, ads: 0 });
    expect(handles).toContain('newcomer');
  });
});
