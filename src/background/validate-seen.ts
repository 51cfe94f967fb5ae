// What a content script sends is checked again here: a content script runs inside a page we do
// not control, so the background keeps only well-formed tweets and profiles, within bounds.
import { validateProfile, validateTweet } from '../shared/validate-page-data';
import type { AuthorProfile, TweetFacts } from '../shared/types';

const MAX_ITEMS = 500;

export function validateSeen(raw: unknown): { tweets: TweetFacts[]; profiles: AuthorProfile[] } {
  const r = (raw && typeof raw === 'object' ? raw : {}) as { tweets?: unknown; profiles?: unknown };
  const list = (v: unknown) => (Array.isArray(v) ? v.slice(0, MAX_ITEMS) : []);
  return {
    tweets: list(r.tweets).map(validateTweet).filter((t): t is TweetFacts => t !== null),
    profiles: list(r.profiles).map(validateProfile).filter((p): p is AuthorProfile => p !== null),
  };
}
