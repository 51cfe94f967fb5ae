// Fitting the post model's weights over the rule features (the learned text score among them):
// regularised logistic regression by Newton's method, deterministic. The penalty is
// (λ/2)·Σ(w − prior)²: toward 0 for most rules, toward the rule's `prior` (rules.ts, domain
// knowledge) for the commerce rules the development set barely shows, with strength κ. A rule's
// `cap` bounds its weight; talk rules may not count for selling, nor selling rules against it
// (a weight of the wrong sign is pinned at 0 and the rest refitted). Hand-set weights are fixed.
import { RULES } from '../../src/classifier/rules';

export interface CombinerSetup {
  /** Feature columns fitted (rule indexes) */
  fitted: number[];
  prior: Float64Array;
  hasPrior: boolean[];
  cap: Float64Array;
  sign: number[];
  hand: Float64Array;
}

export function combinerSetup(): CombinerSetup {
  const fitted = RULES.map((r, i) => (r.hand === undefined ? i : -1)).filter((i) => i >= 0);
  return {
    fitted,
    prior: Float64Array.from(fitted, (i) => RULES[i]!.prior ?? 0),
    hasPrior: fitted.map((i) => RULES[i]!.prior !== undefined),
    cap: Float64Array.from(fitted, (i) => RULES[i]!.cap ?? Infinity),
    sign: fitted.map((i) => (RULES[i]!.group === 'talk' ? -1 : 1)),
    hand: Float64Array.from(RULES, (r) => r.hand ?? 0),
  };
}

/** Rows for the fit: the fitted columns plus a bias column, and the hand-set weights' offset. */
export interface CombinerRows {
  Z: Float64Array[];
  offset: Float64Array;
  y: Uint8Array;
}

export function combinerRows(setup: CombinerSetup, X: readonly Float64Array[], y: Uint8Array): CombinerRows {
  const D = setup.fitted.length + 1;
  const Z = X.map((x) => {
    const row = new Float64Array(D);
    setup.fitted.forEach((fi, j) => (row[j] = x[fi]!));
    row[D - 1] = 1;
    return row;
  });
  const offset = Float64Array.from(X, (x) => {
    let o = 0;
    for (let i = 0; i < x.length; i++) o += setup.hand[i]! * x[i]!;
    return o;
  });
  return { Z, offset, y };
}

export interface Penalty {
  lambda: number;
  kappa: number;
}

/** Fit with the sign constraints and caps. Returns [fitted weights…, bias]. */
export function fitCombiner(setup: CombinerSetup, data: CombinerRows, rows: readonly number[], pen: Penalty): Float64Array {
  const D = setup.fitted.length + 1;
  const fixed = new Uint8Array(D);
  const pinned = new Float64Array(D);
  for (;;) {
    const w = fitFree(setup, data, rows, pen, fixed, pinned);
    let changed = false;
    for (let j = 0; j < D - 1; j++) {
      if (fixed[j]) continue;
      if (w[j]! * setup.sign[j]! < 0) {
        fixed[j] = 1;
        pinned[j] = 0;
        changed = true;
      } else if (w[j]! > setup.cap[j]!) {
        fixed[j] = 1;
        pinned[j] = setup.cap[j]!;
        changed = true;
      }
    }
    if (!changed) return w;
  }
}

function fitFree(setup: CombinerSetup, data: CombinerRows, rows: readonly number[], pen: Penalty, fixed: Uint8Array, pinned: Float64Array): Float64Array {
  const D = setup.fitted.length + 1;
  const w = new Float64Array(D);
  for (let j = 0; j < D - 1; j++) w[j] = fixed[j] ? pinned[j]! : setup.prior[j]!;
  for (let iter = 0; iter < 50; iter++) {
    const g = new Float64Array(D);
    const H = Array.from({ length: D }, () => new Float64Array(D));
    for (const r of rows) {
      const xr = data.Z[r]!;
      let z = data.offset[r]!;
      for (let j = 0; j < D; j++) z += w[j]! * xr[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const e = p - data.y[r]!;
      const s = p * (1 - p);
      for (let j = 0; j < D; j++) {
        const xj = xr[j]!;
        if (xj === 0) continue;
        g[j]! += e * xj;
        const Hj = H[j]!;
        for (let k = 0; k < D; k++) Hj[k]! += s * xj * xr[k]!;
      }
    }
    for (let j = 0; j < D - 1; j++) {
      const l = setup.hasPrior[j] ? pen.kappa : pen.lambda;
      g[j]! += l * (w[j]! - setup.prior[j]!);
      H[j]![j]! += l;
      if (fixed[j]) {
        g[j] = 0;
        for (let k = 0; k < D; k++) H[j]![k] = H[k]![j] = 0;
        H[j]![j] = 1;
      }
    }
    H[D - 1]![D - 1]! += 1e-6;
    const step = solve(H, g);
    let norm = 0;
    for (let j = 0; j < D; j++) {
      w[j]! -= step[j]!;
      norm += step[j]! * step[j]!;
    }
    if (norm < 1e-14) break;
  }
  return w;
}

/** Gaussian elimination with partial pivoting (D is small). */
function solve(A0: Float64Array[], b0: Float64Array): Float64Array {
  const n = b0.length;
  const A = A0.map((r) => Float64Array.from(r));
  const b = Float64Array.from(b0);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r;
    [A[c], A[piv]] = [A[piv]!, A[c]!];
    [b[c], b[piv]] = [b[piv]!, b[c]!];
    const d = A[c]![c]!;
    for (let r = c + 1; r < n; r++) {
      const f = A[r]![c]! / d;
      if (f === 0) continue;
      for (let k = c; k < n; k++) A[r]![k]! -= f * A[c]![k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const out = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < n; k++) s -= A[r]![k]! * out[k]!;
    out[r] = s / A[r]![r]!;
  }
  return out;
}

/** The log-odds of a row under fitted weights. */
export function combinerZ(data: CombinerRows, w: Float64Array, r: number): number {
  const xr = data.Z[r]!;
  let z = data.offset[r]!;
  for (let j = 0; j < xr.length; j++) z += w[j]! * xr[j]!;
  return z;
}
