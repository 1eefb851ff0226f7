// Small statistics for paired comparisons over seeds: means, standard
// deviations and Student-t 95 % confidence intervals (used by claims, `check`
// and sweep summaries).

/** Mean of the finite values (NaN when none). */
export function mean(xs: readonly number[]): number {
  let s = 0, n = 0;
  for (const x of xs) if (Number.isFinite(x)) { s += x; n++; }
  return n ? s / n : NaN;
}

/** Sample standard deviation (n − 1) of the finite values (NaN below two). */
export function sd(xs: readonly number[]): number {
  const m = mean(xs);
  let s = 0, n = 0;
  for (const x of xs) if (Number.isFinite(x)) { s += (x - m) ** 2; n++; }
  return n > 1 ? Math.sqrt(s / (n - 1)) : NaN;
}

/** The 0.975 quantile of Student's t with df degrees of freedom (df ≥ 1). */
export function t975(df: number): number {
  // Exact table for small df, then the Cornish–Fisher expansion (error < 1e-4 for df > 30).
  const table = [12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423];
  if (df <= 30) return table[Math.max(1, Math.round(df)) - 1]!;
  const z = 1.959964;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
}

export interface Interval {
  mean: number;
  sd: number;
  n: number;
  lo: number;
  hi: number;
}

/** Mean with its 95 % t interval over the finite values. */
export function ci95(xs: readonly number[]): Interval {
  const finite = xs.filter((x) => Number.isFinite(x));
  const n = finite.length;
  const m = mean(finite);
  const s = sd(finite);
  const half = n > 1 ? t975(n - 1) * s / Math.sqrt(n) : NaN;
  return { mean: m, sd: s, n, lo: m - half, hi: m + half };
}

/** Paired differences b − a (pairs where both are finite) with their 95 % interval. */
export function pairedDifference(a: readonly number[], b: readonly number[]): Interval {
  const d: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (Number.isFinite(a[i]!) && Number.isFinite(b[i]!)) d.push(b[i]! - a[i]!);
  }
  return ci95(d);
}

/** True when a 95 % interval lies entirely above zero. */
export function above(iv: Interval): boolean {
  return iv.n > 1 && iv.lo > 0;
}

/** True when a 95 % interval lies entirely below zero. */
export function below(iv: Interval): boolean {
  return iv.n > 1 && iv.hi < 0;
}
