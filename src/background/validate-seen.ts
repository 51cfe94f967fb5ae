// What a content script sends is checked again here: a content script runs inside a page we do
// not control, so the background keeps only well-formed tweets and profiles, within bounds.
import { validateProfile, validateTweet } from '../shared/validate-page-data';
import type { AuthorProfile, TweetFacts } from '../shared/types';
import { isHandle } from '../shared/handles';

const MAX_ITEMS = 500;

export function validateSeen(raw: unknown): { tweets: TweetFacts[]; profiles: AuthorProfile[] } {
  const r = (raw && typeof raw === 'object' ? raw : {}) as { tweets?: unknown; profiles?: unknown };
  const list = (v: unknown) => (Array.isArray(v) ? v.slice(0, MAX_ITEMS) : []);
  return {
    tweets: list(r.tweets).map(validateTweet).filter((t): t is TweetFacts => t !== null),
    profiles: list(r.profiles).map(validateProfile).filter((p): p is AuthorProfile => p !== null),
  };
}

/** The payload of 'tweets-hidden': well-formed (id, handle) pairs only, at most 1,000. */
export function validateHidden(raw: unknown): Array<{ id: string; handle: string }> {
  const list = (raw as { tweets?: unknown } | null)?.tweets;
  if (!Array.isArray(list)) return [];
  const out: Array<{ id: string; handle: string }> = [];
  for (const t of list.slice(0, 1000)) {
    const { id, handle } = (t ?? {}) as { id?: unknown; handle?: unknown };
    if (typeof id === 'string' && /^\d{1,25}$/.test(id) && isHandle(handle)) out.push({ id, handle });
  }
  return out;
}
