// First- and total-order Sobol' indices from a Saltelli design's outputs
// (saltelli.ts gives the row layout: per base sample A, AB_1 … AB_k, B), with
// bootstrap 95 % intervals.
//
// Estimators (Saltelli et al. 2010, table 2): with V the variance of the A and B
// outputs together,
//   first order  S_j  = mean(f(B) · (f(AB_j) − f(A))) / V   (Saltelli 2010, (b))
//   total order  ST_j = mean((f(A) − f(AB_j))²) / (2V)       (Jansen 1999, (f))
// the pair SALib's sobol.analyze uses. The outputs are first centred on their
// mean (the first-order estimator is not shift-invariant at finite N; SALib
// standardizes them too). A base sample whose k + 2 outputs are not all finite
// is left out (n counts those kept).
//
// Bootstrap: `resamples` draws of n base samples with replacement (the whole
// k + 2 block of a base sample at a time), each index from the Uniform in order;
// the interval is the 2.5 % … 97.5 % percentile of the resampled indices.
import { percentile95 } from './quantile.ts';
import { uniformInt, type Uniform } from './unit-scale.ts';

/** One parameter's indices. */
export interface SobolIndex {
  /** Base samples used (those whose k + 2 outputs are all finite). */
  n: number;
  S1: number;
  S1Low: number;
  S1High: number;
  ST: number;
  STLow: number;
  STHigh: number;
}

/** S1_j and ST_j of every j from the blocks listed in `use` (indices into the base samples). */
function estimate(y: ArrayLike<number>, k: number, use: ArrayLike<number>, centre: number, s1: Float64Array, st: Float64Array): void {
  const n = use.length;
  const w = k + 2;
  // Variance of A and B outputs together (population variance, as SALib's np.var).
  let sum = 0;
  for (let t = 0; t < n; t++) {
    const base = use[t]! * w;
    sum += y[base]! - centre + (y[base + w - 1]! - centre);
  }
  const mean = sum / (2 * n);
  let ss = 0;
  for (let t = 0; t < n; t++) {
    const base = use[t]! * w;
    ss += (y[base]! - centre - mean) ** 2 + (y[base + w - 1]! - centre - mean) ** 2;
  }
  const v = ss / (2 * n);
  s1.fill(0);
  st.fill(0);
  for (let t = 0; t < n; t++) {
    const base = use[t]! * w;
    const a = y[base]! - centre;
    const b = y[base + w - 1]! - centre;
    for (let j = 0; j < k; j++) {
      const ab = y[base + 1 + j]! - centre;
      s1[j] += b * (ab - a);
      st[j] += (a - ab) ** 2;
    }
  }
  for (let j = 0; j < k; j++) {
    s1[j] = s1[j]! / n / v;
    st[j] = st[j]! / n / (2 * v);
  }
}

/**
 * The first- and total-order indices of each of the k parameters from the
 * outputs `y` of a Saltelli design (N·(k+2) values in design order), with
 * bootstrap 95 % intervals (`resamples` resamples drawn from `rng`). Indices are
 * NaN when fewer than two base samples are usable or the outputs do not vary.
 */
export function sobolIndices(y: ArrayLike<number>, k: number, rng: Uniform, resamples = 1000): SobolIndex[] {
  const w = k + 2;
  if (y.length % w !== 0) throw new RangeError(`a Saltelli design with ${k} parameters has a multiple of ${w} outputs, not ${y.length}`);
  const blocks = y.length / w;
  const kept: number[] = [];
  let total = 0;
  for (let i = 0; i < blocks; i++) {
    let ok = true;
    for (let r = 0; r < w; r++) if (!Number.isFinite(y[i * w + r]!)) ok = false;
    if (!ok) continue;
    kept.push(i);
    for (let r = 0; r < w; r++) total += y[i * w + r]!;
  }
  const n = kept.length;
  const s1 = new Float64Array(k);
  const st = new Float64Array(k);
  if (n < 2) return Array.from({ length: k }, () => ({ n, S1: NaN, S1Low: NaN, S1High: NaN, ST: NaN, STLow: NaN, STHigh: NaN }));
  const centre = total / (n * w);
  estimate(y, k, kept, centre, s1, st);
  const bootS1 = Array.from({ length: k }, () => new Float64Array(resamples));
  const bootST = Array.from({ length: k }, () => new Float64Array(resamples));
  const pick = new Int32Array(n);
  const bs1 = new Float64Array(k);
  const bst = new Float64Array(k);
  for (let b = 0; b < resamples; b++) {
    for (let t = 0; t < n; t++) pick[t] = kept[uniformInt(rng, n)]!;
    estimate(y, k, pick, centre, bs1, bst);
    for (let j = 0; j < k; j++) {
      bootS1[j]![b] = bs1[j]!;
      bootST[j]![b] = bst[j]!;
    }
  }
  return Array.from({ length: k }, (_, j) => {
    const [S1Low, S1High] = percentile95(bootS1[j]!);
    const [STLow, STHigh] = percentile95(bootST[j]!);
    return { n, S1: s1[j]!, S1Low, S1High, ST: st[j]!, STLow, STHigh };
  });
}
