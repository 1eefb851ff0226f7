// Means, standard deviations and Student-t 95 % confidence intervals for sweep
// summaries and adaptive replication.
//
// The t quantile is exact (to double precision): @stdlib's Student-t quantile
// inverts the regularized incomplete beta function, where a table plus an
// asymptotic series is off by up to 1e-4 in the bounds. The mean and sd are
// computed on the values shifted by the first one, so that a constant column
// has sd exactly 0 (a plain two-pass sd of 0.1, 0.1, 0.1 is 1.7e-17) and the
// sum loses less to cancellation.
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** The 0.975 quantile of Student's t with df degrees of freedom (df > 0); NaN otherwise. */
export function t975(df: number): number {
  return df > 0 ? tQuantile(0.975, df) : NaN;
}

/** n, mean, sd (n − 1) and the 95 % t interval of a mean. */
export interface Interval {
  n: number;
  mean: number;
  /** NaN below two values. */
  sd: number;
  lo: number;
  hi: number;
}

/** Mean, sd and 95 % t interval of the finite values (NaN statistics when there are too few). */
export function meanInterval(xs: ArrayLike<number>): Interval {
  let n = 0;
  let first = NaN;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (!Number.isFinite(x)) continue;
    if (n === 0) first = x;
    sum += x - first;
    n++;
  }
  if (n === 0) return { n, mean: NaN, sd: NaN, lo: NaN, hi: NaN };
  const shiftedMean = sum / n;
  const mean = first + shiftedMean;
  if (n === 1) return { n, mean, sd: NaN, lo: NaN, hi: NaN };
  let ss = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (Number.isFinite(x)) ss += (x - first - shiftedMean) ** 2;
  }
  const sd = Math.sqrt(ss / (n - 1));
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, lo: mean - half, hi: mean + half };
}

/** Paired differences b − a over the pairs where both are finite, with their 95 % interval. */
export function pairedInterval(a: ArrayLike<number>, b: ArrayLike<number>): Interval {
  const d: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (Number.isFinite(a[i]!) && Number.isFinite(b[i]!)) d.push(b[i]! - a[i]!);
  }
  return meanInterval(d);
}

/** Half the width of a 95 % interval (NaN when it has none). */
export const halfWidth = (iv: Interval): number => (iv.hi - iv.lo) / 2;
