// Fitting the learned text component: L2-regularised logistic regression over hashed grams,
// by Nesterov-accelerated full-batch gradient descent from zero, a fixed number of steps, in a
// fixed order: the same data gives the same weights, bit for bit.
import { TEXT_BUCKETS, TEXT_CEIL, TEXT_FLOOR } from '../../src/classifier/text-model';
import type { Dataset } from './dataset';

export interface TextFit {
  w: Float64Array;
  bias: number;
}

export const TEXT_STEPS = 300;

/** Fit on the given rows with penalty (λ/2)‖w‖² on the mean log-loss. */
export function fitText(ds: Dataset, rows: readonly number[], lambda: number, steps = TEXT_STEPS): TextFit {
  const B = TEXT_BUCKETS;
  let w = new Float64Array(B);
  let yv = new Float64Array(B); // look-ahead point
  let bias = 0;
  let biasY = 0;
  let maxNorm = 0;
  for (const r of rows) {
    const v = ds.grams[r]!.val;
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
    if (s > maxNorm) maxNorm = s;
  }
  const eta = 1 / (0.25 * (maxNorm + 1) + lambda);
  const m = rows.length;
  const g = new Float64Array(B);
  for (let it = 0; it < steps; it++) {
    g.fill(0);
    let gb = 0;
    for (const r of rows) {
      const { idx, val } = ds.grams[r]!;
      let z = biasY;
      for (let i = 0; i < idx.length; i++) z += yv[idx[i]!]! * val[i]!;
      const e = 1 / (1 + Math.exp(-z)) - ds.y[r]!;
      gb += e;
      for (let i = 0; i < idx.length; i++) g[idx[i]!]! += e * val[i]!;
    }
    const next = new Float64Array(B);
    for (let j = 0; j < B; j++) next[j] = yv[j]! - eta * (g[j]! / m + lambda * yv[j]!);
    const nextBias = biasY - eta * (gb / m);
    const mom = it / (it + 3);
    for (let j = 0; j < B; j++) yv[j] = next[j]! + mom * (next[j]! - w[j]!);
    biasY = nextBias + mom * (nextBias - bias);
    w = next;
    bias = nextBias;
  }
  return { w, bias };
}

/** The text score of a row (log-odds without the bias), bounded as the extension does. */
export function scoreRow(ds: Dataset, r: number, w: Float64Array | Float32Array): number {
  return Math.min(TEXT_CEIL, Math.max(TEXT_FLOOR, rawScore(ds, r, w)));
}

export function rawScore(ds: Dataset, r: number, w: Float64Array | Float32Array): number {
  const { idx, val } = ds.grams[r]!;
  let z = 0;
  for (let i = 0; i < idx.length; i++) z += w[idx[i]!]! * val[i]!;
  return z;
}

/** Quantise to int8 with one scale (what the bundle carries), and the base64 of the bytes. */
export function quantise(w: Float64Array): { scale: number; base64: string; weights: Float32Array } {
  let max = 0;
  for (const v of w) if (Math.abs(v) > max) max = Math.abs(v);
  const scale = max > 0 ? Number((max / 127).toPrecision(6)) : 0;
  const bytes = new Uint8Array(w.length);
  const weights = new Float32Array(w.length);
  for (let j = 0; j < w.length; j++) {
    const q = scale > 0 ? Math.max(-127, Math.min(127, Math.round(w[j]! / scale))) : 0;
    bytes[j] = q & 0xff;
    weights[j] = q * scale;
  }
  return { scale, base64: Buffer.from(bytes).toString('base64'), weights };
}
