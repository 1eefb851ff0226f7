// Empirical quantiles, for bootstrap percentile intervals.

/**
 * The p-quantile of `sorted` (ascending, finite) by linear interpolation
 * between order statistics (Hyndman & Fan's type 7: R's and NumPy's default).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The 2.5 % and 97.5 % quantiles of the finite values (a 95 % percentile interval), NaN when none. */
export function percentile95(values: ArrayLike<number>): [number, number] {
  const finite = Array.from(values).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return [quantileSorted(finite, 0.025), quantileSorted(finite, 0.975)];
}
