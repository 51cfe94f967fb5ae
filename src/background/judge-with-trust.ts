// The classifier, wrapped in the trust model (shared/trust-model.ts): profile facts come only
// from the page world, so they may lean a verdict but not condemn or exempt an author alone.
//
//   judgeAuthor(state, profile) ─► verdict with the profile
//   judgeAuthor(state)          ─► verdict from the posts alone (only when the first quiets more)
//   leanOnly ─► the profile may push mixed → seller, never unknown/person → mixed/seller
import { judgeAuthor } from '../classifier';
import type { StoredAuthorState } from '../classifier/author';
import { leanOnly } from '../shared/trust-model';
import type { AuthorJudgement, AuthorProfile, Sensitivity, Verdict } from '../shared/types';

export interface TrustedJudgement {
  judgement: AuthorJudgement;
  /** The verdict the posts alone give: what a followed-by-you claim may not overrule. */
  postsVerdict: Verdict;
}

export function judgeWithTrust(
  state: StoredAuthorState,
  profile: AuthorProfile | undefined,
  options: { sensitivity: Sensitivity; now: number; previous?: Verdict },
): TrustedJudgement {
  const withProfile = judgeAuthor(state, profile, options);
  if (!profile) return { judgement: withProfile, postsVerdict: withProfile.verdict };
  const postsOnly = judgeAuthor(state, undefined, options);
  const chosen = leanOnly(withProfile.verdict, postsOnly.verdict) === 'withPage' ? withProfile : postsOnly;
  return { judgement: chosen, postsVerdict: postsOnly.verdict };
}

/** Whether a followed-by-you claim may exempt this author: never one whose posts make a seller. */
export function mayExemptAsFollowed(profile: AuthorProfile | undefined, postsVerdict: Verdict | undefined): boolean {
  return profile?.isFollowedByUser === true && postsVerdict !== undefined && postsVerdict !== 'seller';
}
