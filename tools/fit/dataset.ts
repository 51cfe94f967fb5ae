// The development set read once for fitting and held-out evaluation: each post's rule features
// (src/classifier/features.ts), its text grams (src/classifier/text-model.ts), its label, and
// its author fold (all posts of an author in one fold, so a held-out figure never sees the
// same account's other posts).
import { extractFeatures, FEATURE_INDEX, lastText, N_FEATURES } from '../../src/classifier/features';
import { hashGrams, MAX_GRAMS } from '../../src/classifier/text-model';
import type { TweetFacts } from '../../src/shared/types';
import { authorOf, toTweetFacts, type LabeledPost } from '../eval/labeled-posts';

export const FOLDS = 5;
/** The column of the learned text score among the rule features. */
export const TEXT_COL = FEATURE_INDEX['text.learned']!;

export interface SparseRow {
  idx: Int32Array;
  /** count / √(grams): the text model's input. */
  val: Float64Array;
}

export interface Dataset {
  posts: readonly LabeledPost[];
  facts: TweetFacts[];
  /** Rule features per post, the text column zeroed (the fit fills it). */
  X: Float64Array[];
  details: string[][];
  grams: SparseRow[];
  y: Uint8Array;
  fold: Uint8Array;
}

export function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function buildDataset(posts: readonly LabeledPost[]): Dataset {
  const buf = new Int32Array(MAX_GRAMS);
  const ds: Dataset = { posts, facts: [], X: [], details: [], grams: [], y: new Uint8Array(posts.length), fold: new Uint8Array(posts.length) };
  posts.forEach((p, r) => {
    const f = toTweetFacts(p);
    const x = new Float64Array(N_FEATURES);
    const d = new Array<string>(N_FEATURES).fill('');
    extractFeatures(f, undefined, x, d);
    x[TEXT_COL] = 0;
    d[TEXT_COL] = '';
    const n = hashGrams(lastText(), buf);
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) counts.set(buf[i]!, (counts.get(buf[i]!) ?? 0) + 1);
    const keys = [...counts.keys()].sort((a, b) => a - b);
    const norm = n > 0 ? 1 / Math.sqrt(n) : 0;
    ds.facts.push(f);
    ds.X.push(x);
    ds.details.push(d);
    ds.grams.push({ idx: Int32Array.from(keys), val: Float64Array.from(keys, (k) => counts.get(k)! * norm) });
    ds.y[r] = p.label === 'seller' ? 1 : 0;
    ds.fold[r] = fnv(authorOf(p)) % FOLDS;
  });
  return ds;
}
