// Quiet Bazaar's classifier: tweet facts in, per-post evidence and per-author verdicts out.
// Pure: no DOM, no browser API, no clock (the caller passes `now`). Runs unchanged in Node.
//
//   judgePost(tweet, profile?)            rules.ts (one record per rule) → features.ts + links.ts → weights.ts → PostJudgement
//   newAuthorState / addPost / judgeAuthor author.ts (Beta–Bernoulli over the posts' pSelling)
//
// Exemptions (allow list, followed accounts) are the caller's business.
export type { PostJudgement } from './post';
export { judgePost, isSellingAt, postThreshold } from './post';
export type { AuthorState, ProfileSigns } from './author';
export {
  newAuthorState,
  addPost,
  judgeAuthor,
  isRepeat,
  pSellingInContext,
  contextVerdict,
  readProfileSigns,
  AUTHOR_THRESHOLDS,
} from './author';
export { FEATURES } from './features';
