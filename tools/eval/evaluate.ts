// The evaluation behind `npm run eval`: runs the classifier over labelled posts exactly as the
// extension does (one AuthorState per author, posts folded in the file's order, the clock passed
// in), and scores it beside two baselines.
//
// Post level: a post is predicted seller when its pSelling, in the context of its author's
// earlier posts (a repeat of an earlier text counts as more salesy; an author already judged a
// seller by those posts makes a plain post of theirs selling: author.ts pSellingInContext),
// reaches the sensitivity's post threshold — what the extension knows the moment the post appears.
// Author level: authors with at least 3 posts; the label is the majority of their posts' labels
// (a tie is not a seller); predicted seller = the verdict after their last post is `seller`
// (`mixed` counts as not seller).
import type { Sensitivity, TweetFacts, Verdict } from '../../src/shared/types';
const CONTEXT = process.env.QB_NO_CONTEXT !== '1';
import { addPost, contextVerdict, judgeAuthor, newAuthorState, pSellingInContext, type AuthorState } from '../../src/classifier/author';
import { judgePost, postThreshold, type PostJudgement } from '../../src/classifier/post';
import { authorOf, sourceFamily, toTweetFacts, type LabeledPost } from './labeled-posts';

export interface Prf {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface PostFigures extends Prf {
  /** Mean squared error of pSelling against the label (0 = perfect, 0.25 = coin flip). */
  brier: number;
}

export interface AuthorFigures extends Prf {
  verdicts: Record<Verdict, number>;
}

export interface Baseline {
  posts: Prf;
  authors: Prf;
}

export interface EvalReport {
  sensitivity: Sensitivity;
  posts: PostFigures;
  authors: AuthorFigures;
  sources: Record<string, { posts: PostFigures; authors: AuthorFigures }>;
  baselines: { hasLink: Baseline; keywords: Baseline };
}

/** Minimum posts for an author to enter the author-level figures. */
export const AUTHOR_MIN_POSTS = 3;

export function prf(tp: number, fp: number, fn: number, tn: number): Prf {
  // Conventions: no predicted positives → precision 1 (nothing wrongly flagged); no positives → recall 1.
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { n: tp + fp + fn + tn, tp, fp, fn, tn, precision, recall, f1 };
}

class Counter {
  tp = 0; fp = 0; fn = 0; tn = 0; sq = 0;
  add(predicted: boolean, actual: boolean, p?: number): void {
    if (predicted && actual) this.tp++;
    else if (predicted) this.fp++;
    else if (actual) this.fn++;
    else this.tn++;
    if (p !== undefined) this.sq += (p - (actual ? 1 : 0)) ** 2;
  }
  prf(): Prf {
    return prf(this.tp, this.fp, this.fn, this.tn);
  }
  withBrier(): PostFigures {
    const r = this.prf();
    return { ...r, brier: r.n > 0 ? this.sq / r.n : 0 };
  }
}

// Baselines, deliberately simple: what a first attempt would do.
const HAS_LINK = /https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|net|org|io|me|ly|co|xyz|gg)\b/i;
const KEYWORDS = /\b(?:buy|shop|sale|discount|coupon|promo|code|free|giveaway|win|subscribe|check out|dm me|link in bio|sign up|airdrop|presale|mint|deploy|whitelist|click|follow me|limited time|offer|order now|earn|money)\b/i;

export function hasLinkBaseline(p: LabeledPost): boolean {
  return p.urls.length > 0 || HAS_LINK.test(p.text);
}
export function keywordBaseline(p: LabeledPost): boolean {
  return KEYWORDS.test(p.text);
}

interface AuthorRun {
  state: AuthorState;
  source: string;
  sellerPosts: number;
  hasLinkFlags: number;
  keywordFlags: number;
  /** The author's verdict from their posts so far (posts alone), for the next post's context. */
  verdict?: Verdict;
}

/** How a post is judged on its own: judgePost, or (scripts/fit-weights.ts) weights fitted without the post's author. */
export type JudgeFn = (facts: TweetFacts, index: number) => PostJudgement;

/** Run the classifier over the posts and score it. `t0` is the clock of the first post (posts are 1 s apart). */
export function evaluate(
  posts: readonly LabeledPost[],
  sensitivity: Sensitivity = 'balanced',
  t0 = 1_700_000_000_000,
  judge: JudgeFn = (facts) => judgePost(facts),
  /** Sees each post as judged: its index, pSelling in its author's context, and the judgement. */
  observe?: (index: number, pInContext: number, post: PostJudgement) => void,
): EvalReport {
  const threshold = postThreshold(sensitivity);
  const authors = new Map<string, AuthorRun>();
  const postAll = new Counter();
  const postBySource = new Map<string, Counter>();
  const linkPosts = new Counter();
  const kwPosts = new Counter();

  posts.forEach((p, i) => {
    const key = authorOf(p);
    let run = authors.get(key);
    if (!run) {
      run = { state: newAuthorState(key), source: sourceFamily(p.source), sellerPosts: 0, hasLinkFlags: 0, keywordFlags: 0 };
      authors.set(key, run);
    }
    const facts = toTweetFacts(p);
    const post = judge(facts, i);
    // The author's verdict from their earlier posts alone (with its hysteresis), as the extension knows it when the post appears.
    if (CONTEXT) run.verdict = contextVerdict(run.state, { sensitivity, now: t0 + i * 1000, previous: run.verdict });
    const pCtx = CONTEXT ? pSellingInContext(run.state, facts, post, run.verdict) : post.pSelling;
    addPost(run.state, facts, post, t0 + i * 1000);
    observe?.(i, pCtx, post);

    const actual = p.label === 'seller';
    const predicted = pCtx >= threshold;
    postAll.add(predicted, actual, pCtx);
    const fam = sourceFamily(p.source);
    let c = postBySource.get(fam);
    if (!c) postBySource.set(fam, (c = new Counter()));
    c.add(predicted, actual, pCtx);

    const link = hasLinkBaseline(p);
    const kw = keywordBaseline(p);
    linkPosts.add(link, actual);
    kwPosts.add(kw, actual);
    if (actual) run.sellerPosts++;
    if (link) run.hasLinkFlags++;
    if (kw) run.keywordFlags++;
  });

  const now = t0 + posts.length * 1000;
  const authAll = new Counter();
  const authBySource = new Map<string, Counter>();
  const verdictsAll = emptyVerdicts();
  const verdictsBySource = new Map<string, Record<Verdict, number>>();
  const linkAuth = new Counter();
  const kwAuth = new Counter();
  for (const run of authors.values()) {
    const n = run.state.posts;
    if (n < AUTHOR_MIN_POSTS) continue;
    const actual = run.sellerPosts * 2 > n;
    const j = judgeAuthor(run.state, undefined, { sensitivity, now });
    const predicted = j.verdict === 'seller';
    authAll.add(predicted, actual, j.sellingShare);
    let c = authBySource.get(run.source);
    if (!c) authBySource.set(run.source, (c = new Counter()));
    c.add(predicted, actual, j.sellingShare);
    verdictsAll[j.verdict]++;
    let v = verdictsBySource.get(run.source);
    if (!v) verdictsBySource.set(run.source, (v = emptyVerdicts()));
    v[j.verdict]++;
    linkAuth.add(run.hasLinkFlags * 2 > n, actual);
    kwAuth.add(run.keywordFlags * 2 > n, actual);
  }

  const sources: EvalReport['sources'] = {};
  for (const [fam, c] of postBySource) {
    sources[fam] = {
      posts: c.withBrier(),
      authors: { ...(authBySource.get(fam) ?? new Counter()).prf(), verdicts: verdictsBySource.get(fam) ?? emptyVerdicts() },
    };
  }
  return {
    sensitivity,
    posts: postAll.withBrier(),
    authors: { ...authAll.prf(), verdicts: verdictsAll },
    sources,
    baselines: {
      hasLink: { posts: linkPosts.prf(), authors: linkAuth.prf() },
      keywords: { posts: kwPosts.prf(), authors: kwAuth.prf() },
    },
  };
}

function emptyVerdicts(): Record<Verdict, number> {
  return { seller: 0, mixed: 0, conversationalist: 0, unknown: 0 };
}
