// The one protocol between content script, popup and background: every message is declared
// here with its payload and its reply. The background answers them from one handler map.
import type { AuthorJudgement, AuthorProfile, TweetFacts, Verdict } from './types';
import type { Settings } from './settings';
import type { HealthStatus, ReaderHealth } from './health';

/** What the content script needs to decide on a tweet without a round trip. */
export interface VerdictLite {
  handle: string;
  verdict: Verdict;
  /** The first reason, for the placeholder ("5 of 7 posts carried shop links"). */
  reason: string;
  /** The reader follows this account (from X's API), so it may be exempt. */
  followed?: boolean;
}

export interface DayStats {
  day: string;
  seen: number;
  selling: number;
  hidden: number;
}

export interface PeriodStats {
  /** First day of the period ("YYYY-MM-DD"; a week starts on Monday). */
  start: string;
  seen: number;
  selling: number;
  hidden: number;
}

export type Override = 'hide' | 'show' | null;

/** An account as the popup lists it: the author's judgement plus who they are and the user's choice. */
export interface PopupAuthor extends AuthorJudgement {
  key: string;
  handle: string;
  name?: string;
  override: Override;
}

export interface PopupData {
  settings: Settings;
  today: DayStats;
  /** The last 7 days, today included. */
  last7: PeriodStats;
  /** Calendar weeks (Monday first), newest first, the current one included. */
  weeks: PeriodStats[];
  /** The week's top accounts that mostly sell (seller, then mixed), most selling first; a few only. */
  authors: PopupAuthor[];
  /** How many accounts are judged seller or mixed in all: the options page lists them ("see all N"). */
  vendorCount: number;
  /** Reader health of the active tab, when it is an X tab. */
  health: ReaderHealth | null;
  status: HealthStatus | 'not-x';
  // ---- integrity (issue 8) ----
  /** Stored rows found damaged and repaired or dropped (counted since install); absent when none. */
  integrity?: StoredDataRepairs;
}

/** What the checks on stored rows did (background/stored-rows.ts). */
export interface StoredDataRepairs {
  repaired: number;
  dropped: number;
}

// --- Popup and options lists and history (popup helper) ---

/** A seller or mixed account as the background keeps it ranked for the popup and options lists. */
export interface SellerSummary extends AuthorJudgement {
  key: string;
  handle: string;
  name?: string;
  /** Last local day a post of theirs was recorded ("YYYY-MM-DD"). */
  lastDay: string;
}

export interface SellerPage {
  /** Accounts matching the query, in all. */
  total: number;
  offset: number;
  items: PopupAuthor[];
}

export interface HistoryData {
  /** Every week kept, newest first. */
  weeks: PeriodStats[];
  /** The last 7 days, oldest first, today last. */
  days: DayStats[];
}

/** Request payload and reply of each message type. */
export interface Protocol {
  /** Content → background: tweets rendered on screen (deduplicated by id in the database). */
  'tweets-seen': {
    /** `hidden`: tweets quiet mode hid since the last batch, with their authors (counted after the batch's tweets). */
    req: { tweets: TweetFacts[]; profiles: AuthorProfile[]; hidden?: Array<{ id: string; handle: string }> };
    res: { verdicts: VerdictLite[] };
  };
  /** Content → background: richer author facts from X's API responses. */
  'profiles-seen': { req: { profiles: AuthorProfile[] }; res: { verdicts: VerdictLite[] } };
  /** Content → background: tweets we collapsed, with their authors (counted once per tweet, in the author's row). */
  'tweets-hidden': { req: { tweets: Array<{ id: string; handle: string }> }; res: { ok: true } };
  /** Content → background: the reader's health on this tab. */
  health: { req: ReaderHealth; res: { ok: true } };
  /** Content → background: verdicts of every author not judged a conversationalist, to hide before paint. */
  'get-verdicts': { req: Record<string, never>; res: { verdicts: VerdictLite[] } };
  /** Popup → background. */
  'get-popup-data': { req: { tabId?: number }; res: PopupData };
  'set-settings': { req: Partial<Settings>; res: Settings };
  'set-override': { req: { handle: string; override: Override }; res: Settings };
  /** Options page → background. */
  'get-options-data': { req: Record<string, never>; res: OptionsData };
  'export-data': { req: Record<string, never>; res: ExportFile };
  /** The parsed (untrusted) contents of an export file; the background validates it again. */
  'import-settings': { req: unknown; res: ImportResult };
  /** Deletes stored evidence, verdicts and stats (settings stay) and bumps EPOCH_KEY. */
  'forget-all': { req: Record<string, never>; res: { ok: true } };

  // ---- Following audit, dry run ("Review"), verdict badges (issue 9) -------------------------
  /** Content → background: one page of the viewer's own Following list, as X delivered it. */
  'following-seen': { req: FollowingSeen; res: { ok: true } };
  /** Content → background: one author's verdict and all its reasons (a badge was clicked). */
  'get-author-reasons': { req: { handle: string }; res: { verdict: Verdict; reasons: string[]; posts: number } };
  /** Popup / options → background: the audit of the accounts the user follows. */
  'get-following-audit': { req: { limit?: number }; res: FollowingAudit };
  /** Popup / options → background: "not a seller" (allow list + remembered on the audit), or undo it. */
  'set-not-seller': { req: { handle: string; notSeller: boolean }; res: Settings };
  /** Popup → background: what quiet mode would hide on that tab (the dry run). */
  'get-review': { req: { tabId?: number }; res: ReviewData };

  // ---- Popup and options lists and history (issue 10) ----
  /** Options page → background: one page of the seller and mixed accounts, filtered by handle or name. */
  'get-sellers': { req: { query?: string; offset?: number; limit?: number }; res: SellerPage };
  /** Options page → background: every week kept and the last 7 days. */
  'get-history': { req: Record<string, never>; res: HistoryData };
}

// ---- Following audit, dry run ("Review"), verdict badges (issue 9) ---------------------------

export interface FollowingSeen {
  /** The signed-in account whose Following list this is. */
  viewer: { id?: string; handle: string };
  /** How many accounts the viewer follows, from their profile (M), when known. */
  total?: number;
  /** The page's accounts, in X's order (only id, handle, name and what the bio says are kept). */
  users: AuthorProfile[];
  isFirstPage: boolean;
  isLastPage: boolean;
}

/** How a followed account's verdict was reached ('voice': its posts, by the account's own voice: a brand's or organisation's). */
export type AuditBasis = 'posts' | 'voice' | 'profile' | 'none';

export interface AuditRow {
  key: string;
  id: string;
  handle: string;
  name?: string;
  /** 'seller' from the profile alone when basis is 'profile'. */
  verdict: Verdict;
  basis: AuditBasis;
  sellingShare: number;
  posts: number;
  sellingPosts: number;
  reasons: string[];
  /** Up to two short posts of theirs seen, selling ones first. */
  samples: string[];
  override: Override;
  /** The user said "not a seller". */
  notSeller: boolean;
}

export interface FollowingAudit {
  /** The account whose list was read; null before any list was read. */
  viewer: { handle: string } | null;
  /** M: how many accounts the viewer follows, from their profile; null when unknown. */
  total: number | null;
  /** Accounts of the list read so far. */
  read: number;
  /** ms since epoch of the last list page read. */
  lastReadAt: number | null;
  /** The end of the list was reached once. */
  reachedEnd: boolean;
  /** N: accounts read that mostly sell (by posts, or by profile only), not counting "not a seller". */
  sellers: number;
  /** Sorted by how much each sells; at most `limit`. */
  rows: AuditRow[];
}

/** One author's tweets on a tab, as the content script counted them. */
export interface PageAuthor {
  handle: string;
  tweets: number;
  /** Of which X marked as ads. */
  ads: number;
}

export interface ReviewRow {
  key: string;
  handle: string;
  name?: string;
  /** Tweets of theirs on the page, and how many of those quiet mode would hide. */
  tweets: number;
  wouldHide: number;
  verdict: Verdict;
  /** Why quiet mode would hide them (the placeholder's words), then the verdict's reasons. */
  reasons: string[];
  override: Override;
}

export interface ReviewData {
  /** False when the tab is not an X tab the content script reported on. */
  known: boolean;
  quietMode: boolean;
  /** Tweets the tab has shown. */
  tweets: number;
  /** Accounts quiet mode would hide, most tweets first. */
  rows: ReviewRow[];
}

/** What the options page shows besides the settings: how much the extension keeps. */
export interface OptionsData {
  settings: Settings;
  /** Whether settings and lists follow the user through storage.sync ('lists-local': the lists are too long, kept here). */
  sync?: 'synced' | 'lists-local' | 'unavailable';
  stored: {
    /** Tweets seen, summed over the stored days. */
    seen: number;
    /** Authors with stored evidence. */
    authors: number;
    /** Days of stats. */
    days: number;
  };
}

export const EXPORT_FORMAT = 'quiet-bazaar-export';
export const EXPORT_VERSION = 1;

/** An export file, as written by 'export-data' and read back (settings only) by 'import-settings'. */
export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  settings: Settings;
  days: DayStats[];
  authors: Array<{ handle: string; verdict: Verdict; reasons: string[]; posts: number; sellingPosts: number }>;
}

export type ImportResult =
  | { ok: true; settings: Settings; allowed: number; blocked: number }
  | { ok: false; error: string };

/** runtime.connect name of the port on which the background tells open pages "something changed". */
export const LIVE_PORT = 'qb:live';

/**
 * storage.local key the background bumps after 'forget-all': content scripts drop the verdicts
 * they hold when it changes (they would otherwise keep hiding authors we no longer know).
 */
export const EPOCH_KEY = 'qb:epoch';

// ---- integrity (issue 8) ----
/**
 * storage.local key the background sets when a re-judging (after a sensitivity change) is done:
 * the settings were saved before it, so content scripts fetch verdicts again on this one.
 */
export const REJUDGED_KEY = 'qb:rejudged';
/** storage.local key holding StoredDataRepairs totals, so they survive the worker. */
export const INTEGRITY_KEY = 'qb:integrity';

export type MessageType = keyof Protocol;
export type Request<T extends MessageType> = Protocol[T]['req'];
export type Reply<T extends MessageType> = Protocol[T]['res'];

export interface Envelope<T extends MessageType = MessageType> {
  qb: 1;
  type: T;
  payload: Request<T>;
}

export function envelope<T extends MessageType>(type: T, payload: Request<T>): Envelope<T> {
  return { qb: 1, type, payload };
}

export function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Envelope).qb === 1 &&
    typeof (value as Envelope).type === 'string'
  );
}

// ---- Background → content script (tabs.sendMessage) --------------------------------------------
/**
 * Asked of a tab's content script when the popup opens the dry run: how many tweets of each
 * author the tab has shown. Pulled when needed instead of pushed while the user scrolls (issue 12).
 */
export const PAGE_AUTHORS_ASK = { qb: 1, type: 'page-authors-now' } as const;

export function isPageAuthorsAsk(value: unknown): boolean {
  return isEnvelope(value) && (value.type as string) === PAGE_AUTHORS_ASK.type;
}
