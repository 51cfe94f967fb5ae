// Judging one post on its own: a logistic model over the evidence rules (rules.ts).
// pSelling = σ(bias + Σ wᵢxᵢ); the evidence is every feature present, with its wᵢxᵢ.
import type { AuthorProfile, Evidence, Sensitivity, TweetFacts } from '../shared/types';
import { extractFeatures, FEATURES, N_FEATURES } from './features';
import { RULES } from './rules';
import { BIAS, FITTED_WEIGHTS, POST_THRESHOLDS } from './weights';

export interface PostJudgement {
  selling: boolean;
  pSelling: number;
  evidence: Evidence[];
}

/** Weights set by hand (rules.ts: facts the development set cannot show), by rule name. */
export const HAND_WEIGHTS: Readonly<Record<string, number>> = Object.fromEntries(
  RULES.filter((r) => r.hand !== undefined).map((r) => [r.name, r.hand!]),
);

/** The weight vector in feature order: a rule's hand weight, or its fitted one. */
export const WEIGHTS: Float64Array = Float64Array.from(RULES, (r) => r.hand ?? FITTED_WEIGHTS[r.name] ?? 0);

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The post threshold on pSelling for each sensitivity (chosen by scripts/fit-weights.ts). */
export function postThreshold(sensitivity: Sensitivity): number {
  return POST_THRESHOLDS[sensitivity] ?? POST_THRESHOLDS.balanced;
}

/** Whether a judged post counts as selling at a sensitivity other than the default. */
export function isSellingAt(post: PostJudgement, sensitivity: Sensitivity): boolean {
  return post.pSelling >= postThreshold(sensitivity);
}

// Scratch buffers: judgePost is synchronous and never re-entered, so one set is enough.
// The feature count and names are copied here so the hot loop reads locals, not module bindings.
const N = N_FEATURES;
const NAMES: readonly string[] = FEATURES.map((f) => f.name);
const x = new Float64Array(N);
const details: string[] = new Array<string>(N).fill('');

/** Judge one post on its own (profile optional, whatever is known). Pure. */
export function judgePost(tweet: TweetFacts, profile?: AuthorProfile): PostJudgement {
  // `details` is all '' here: extractFeatures writes a detail only with its feature, and the loop
  // below clears the details of every feature present.
  extractFeatures(tweet, profile, x, details);
  let z = BIAS;
  const evidence: Evidence[] = [];
  for (let i = 0; i < N; i++) {
    const v = x[i]!;
    if (v === 0) continue;
    const d = details[i];
    if (d) details[i] = '';
    const w = WEIGHTS[i]! * v;
    z += w;
    if (w === 0) continue;
    const e: Evidence = d ? { name: NAMES[i]!, weight: round2(w), detail: d } : { name: NAMES[i]!, weight: round2(w) };
    // Most telling first: an insertion sort by weight, descending, that keeps ties in feature
    // order (as the stable Array.prototype.sort did), without a comparator call per pair.
    let j = evidence.length;
    evidence.push(e);
    while (j > 0 && evidence[j - 1]!.weight < e.weight) {
      evidence[j] = evidence[j - 1]!;
      j--;
    }
    evidence[j] = e;
  }
  const pSelling = sigmoid(z);
  return { selling: pSelling >= POST_THRESHOLDS.balanced, pSelling, evidence };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
