// Following audit, content side: passes pages of the signed-in user's own Following list to the
// background, and counts each author's tweets on this tab for the dry run ("Review").
//
//   qb:page-data { viewer } ───────────► viewer (X's Viewer response)
//   qb:page-data { userList: Following } ─► own list? (owner id = viewer id, or the page is
//                                            x.com/<viewer>/following) ─► following-seen
//   tracked tweets ─► PageAuthors ─► answered when the background asks (the dry run opened)
//
// Someone else's Following list, or a Followers list, is never recorded.
import type { FollowingSeen, PageAuthor } from '../shared/messages';
import { authorKey, type AuthorProfile } from '../shared/types';
import type { PageData, UserListPage, ViewerInfo } from '../shared/validate-page-data';
import { FOLLOWING_PATH, PROFILE_PATH, viewerProfileLink } from './selectors';
import { TabTweets, TWEET } from './tab-tweets';

/** The viewer's handle from X's side navigation ("Profile" links to "/<handle>"). */
export function viewerHandleFromDom(doc: Pick<Document, 'querySelector'> = document): string | undefined {
  const href = doc.querySelector<HTMLAnchorElement>(viewerProfileLink)?.getAttribute('href') ?? '';
  return PROFILE_PATH.exec(href)?.[1];
}

/** Whose Following list the page shows, from its path; undefined on other pages. */
export function followingPageHandle(pathname: string): string | undefined {
  return FOLLOWING_PATH.exec(pathname)?.[1];
}

/** Only what the audit keeps: id, handle, name, bio, and the profile facts its verdict reads. */
function slim(p: AuthorProfile): AuthorProfile {
  const out: AuthorProfile = { handle: p.handle };
  if (p.id) out.id = p.id;
  if (p.name) out.name = p.name;
  if (p.bio) out.bio = p.bio;
  if (p.bioUrls?.length) out.bioUrls = p.bioUrls;
  if (p.professionalType) out.professionalType = p.professionalType;
  if (p.verifiedType) out.verifiedType = p.verifiedType;
  return out;
}

export interface FollowingReaderDeps {
  send(page: FollowingSeen): Promise<unknown>;
  /** The page's path now (X changes it without a reload). */
  pathname(): string;
  /** The viewer's handle from the DOM, when X has rendered its navigation. */
  domViewer(): string | undefined;
  /** A profile X delivered, by handle (for the viewer's following count, M). */
  profileByHandle(handle: string): AuthorProfile | undefined;
}

/** Pages are held this long (and at most this many) while the viewer is not known yet. */
const MAX_WAITING = 50;
const RETRY_MS = 500;
const MAX_RETRIES = 20;

export class FollowingReader {
  private viewer: ViewerInfo | undefined;
  private waiting: Array<{ page: UserListPage; path: string }> = [];
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: FollowingReaderDeps) {}

  onPageData(data: PageData): void {
    if (data.viewer) this.viewer = data.viewer;
    if (data.userList?.operation === 'Following') {
      this.waiting.push({ page: data.userList, path: this.deps.pathname() });
      if (this.waiting.length > MAX_WAITING) this.waiting.shift();
    }
    this.flush();
  }

  /** Sends the pages whose owner is now known to be the viewer; keeps those still undecided. */
  flush(): void {
    if (!this.waiting.length) return;
    const keep: typeof this.waiting = [];
    for (const w of this.waiting) {
      const who = this.ownerIfViewer(w.page, w.path);
      if (who === null) continue; // Someone else's list: dropped.
      if (who === undefined) keep.push(w);
      else void this.deps.send(this.message(w.page, who)).catch(() => undefined);
    }
    this.waiting = keep;
    // X renders its navigation (the viewer's "Profile" link) a little after its first responses.
    if (keep.length && this.retryTimer === undefined && this.retries < MAX_RETRIES) {
      this.retries++;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.flush();
      }, RETRY_MS);
    }
    if (!keep.length) this.retries = 0;
  }

  /** The viewer when the list is theirs, null when it is someone else's, undefined when not known yet. */
  private ownerIfViewer(page: UserListPage, path: string): { id?: string; handle: string } | null | undefined {
    const v = this.viewer;
    if (v && page.ownerId) return page.ownerId === v.id ? { id: v.id, handle: v.handle } : null;
    const onPage = followingPageHandle(path);
    if (!onPage) return v || this.deps.domViewer() ? null : undefined;
    const viewerHandle = v?.handle ?? this.deps.domViewer();
    if (!viewerHandle) return undefined;
    if (authorKey(viewerHandle) !== authorKey(onPage)) return null;
    return v ? { id: v.id, handle: v.handle } : { handle: viewerHandle };
  }

  private message(page: UserListPage, viewer: { id?: string; handle: string }): FollowingSeen {
    const msg: FollowingSeen = {
      viewer,
      users: page.users.map(slim),
      isFirstPage: page.isFirstPage,
      isLastPage: page.isLastPage,
    };
    const total = (this.viewer && authorKey(this.viewer.handle) === authorKey(viewer.handle) ? this.viewer.following : undefined) ??
      this.deps.profileByHandle(viewer.handle)?.following;
    if (total !== undefined) msg.total = total;
    return msg;
  }
}

/** Authors counted on one page at most: the least recently counted go first (a long session on /home meets thousands). */
export const MAX_PAGE_AUTHORS = 2000;

/** Each author's distinct tweets on this tab (X recycles cells, so the DOM alone undercounts). */
export class PageAuthors {
  private readonly byKey = new Map<string, PageAuthor>();
  private path: string | undefined;

  /**
   * `tweets`: the tab's memory of tweets, which marks those counted (and counted as ads); bounded
   * (tab-tweets.ts), so a forgotten tweet seen again counts again.
   */
  constructor(private readonly tweets = new TabTweets()) {}

  /**
   * Counts one tweet; true when it was not counted before. X changes pages without a reload:
   * a tweet on another path starts the count afresh ("the page open now").
   */
  add(tweet: { id: string; authorHandle: string; isAd: boolean }, path: string = location.pathname): boolean {
    if (path !== this.path) {
      this.path = path;
      this.byKey.clear();
      this.tweets.unmarkAll(TWEET.counted | TWEET.countedAd);
    }
    const was = this.tweets.flags(tweet.id);
    const now = was | TWEET.counted | (tweet.isAd ? TWEET.countedAd : 0);
    if (now === was) return false;
    const key = authorKey(tweet.authorHandle);
    let a = this.byKey.get(key);
    if (a) this.byKey.delete(key); // Counted again: it becomes the newest.
    else a = { handle: tweet.authorHandle, tweets: 0, ads: 0 };
    this.byKey.set(key, a);
    if (this.byKey.size > MAX_PAGE_AUTHORS) this.byKey.delete(this.byKey.keys().next().value as string);
    if (!(was & TWEET.counted)) a.tweets++;
    if (tweet.isAd && !(was & TWEET.countedAd)) a.ads++;
    this.tweets.mark(tweet.id, now & (TWEET.counted | TWEET.countedAd), tweet.authorHandle);
    return true;
  }

  list(): PageAuthor[] {
    return [...this.byKey.values()].map((a) => ({ ...a }));
  }
}
