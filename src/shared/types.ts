// Plain data that crosses every boundary in Quiet Bazaar: the DOM reader and the
// page-world (GraphQL) reader produce it, the background judges it, the popup shows it.
// Nothing here may hold a DOM node or a browser object: it must survive structured clone and JSON.

/** What one tweet says, as far as we could read it. Optional fields are unknown, not false. */
export interface TweetFacts {
  /** Status id (digits). */
  id: string;
  /** Handle of the author of the content shown (for a repost: the original author), without "@". */
  authorHandle: string;
  authorName?: string;
  /** Numeric user id (rest_id) when known: from X's API or a follow button. */
  authorId?: string;
  /** Visible text (long posts: the whole note when known). */
  text: string;
  /** Links in the post, expanded where known (t.co resolved to the real target). */
  urls: string[];
  /** Hashtags without "#". */
  hashtags: string[];
  /** Cashtags without "$". */
  cashtags: string[];
  /** Mentioned handles without "@". */
  mentions: string[];
  isReply: boolean;
  /** Handle this post replies to, when known. */
  replyTo?: string;
  isRepost: boolean;
  /** Handle of the account that reposted it into the timeline. */
  repostedBy?: string;
  isQuote: boolean;
  quotedId?: string;
  quotedAuthor?: string;
  hasMedia: boolean;
  hasCard: boolean;
  /** Link of the card (its target URL or domain), when known. */
  cardUrl?: string;
  /** X marked this as promoted (an ad). */
  isAd: boolean;
  /** The posting app ("Twitter Web App", "Buffer", …), from the API only. */
  source?: string;
  /** Posting time, ms since epoch, when known. */
  createdAt?: number;
  lang?: string;
}

/** What we know about an author's profile, mostly from X's API. Optional = unknown. */
export interface AuthorProfile {
  handle: string;
  id?: string;
  name?: string;
  bio?: string;
  /** Links in the bio and the profile's website field, expanded. */
  bioUrls?: string[];
  followers?: number;
  following?: number;
  statuses?: number;
  /** professional_type "Business" (or "Creator" — we keep the raw type too). */
  professionalType?: string;
  isBlueVerified?: boolean;
  /** X's verification type: "Business" (organisation) or "Government". */
  verifiedType?: string;
  /** `professional.category[0].name` ("Internet Company", "Media & News Company", "Journalist"). */
  professionalCategory?: string;
  /** The organisation whose affiliate badge the account wears (`affiliates_highlighted_label`). */
  affiliateLabel?: string;
  /** The reader follows this account. */
  isFollowedByUser?: boolean;
  /** Account creation, ms since epoch. */
  createdAt?: number;
}

export type Verdict = 'seller' | 'mixed' | 'conversationalist' | 'unknown';
export type Sensitivity = 'strict' | 'balanced' | 'loose';

/** One piece of evidence a post carries: positive weight = selling, negative = talking. */
export interface Evidence {
  name: string;
  weight: number;
  /** Short human detail, e.g. the domain or the code found. */
  detail?: string;
}

/** The verdict on one author, with reasons a person can read. */
export interface AuthorJudgement {
  verdict: Verdict;
  /** 0..1: how sure we are of the verdict. */
  confidence: number;
  /** Estimated share of this author's posts that are selling (0..1). */
  sellingShare: number;
  /** Posts seen from this author. */
  posts: number;
  /** Of which judged selling. */
  sellingPosts: number;
  /** Plain-language reasons, most important first, e.g. "5 of 7 posts carried shop links". */
  reasons: string[];
  /**
   * The account's own voice decided it: a brand's or an organisation's account, whose plain posts
   * are its marketing however few read as selling one by one (the UI says so instead of a share).
   */
  byVoice?: true;
}

// Kept as a re-export so the classifier's import stays valid; the rule lives in handles.ts.
export { authorKey } from './handles';
