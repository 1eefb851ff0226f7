// Morris's elementary effects screening (Morris 1991, "Factorial sampling plans
// for preliminary computational experiments", Technometrics 33, 161-174), with
// μ* (the mean absolute effect) of Campolongo, Cariboni & Saltelli (2007).
//
// A design is r trajectories of k + 1 points on a grid of p levels in [0, 1]
// (0, 1/(p−1), …, 1), p even. Each trajectory starts at a base point whose
// coordinates are drawn from the levels 0 … 1 − Δ, Δ = p / (2(p − 1)), and
// moves one parameter at a time, in a random order, by +Δ or −Δ: so each step
// gives one elementary effect EE_j = (f(x + Δe_j) − f(x)) / Δ per parameter per
// trajectory. Effects are in output units per unit of the parameter's range.
//
// Draw order per trajectory (the Uniform alone decides the design): for each
// parameter its base level, then for each parameter its direction (up or
// down), then a Fisher–Yates shuffle of the parameters (i = k−1 … 1).
import { percentile95 } from './quantile.ts';
import { uniformInt, type Uniform } from './unit-scale.ts';

/** The step Δ = p / (2(p − 1)) of a p-level Morris grid. */
export const morrisDelta = (levels: number): number => levels / (2 * (levels - 1));

/** r Morris trajectories in [0, 1]^k: r·(k+1) rows, trajectory by trajectory. */
export function morrisUnitDesign(k: number, trajectories: number, levels: number, rng: Uniform): number[][] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`parameters: expected an integer >= 1, got ${k}`);
  if (!Number.isInteger(trajectories) || trajectories < 1) throw new RangeError(`trajectories: expected an integer >= 1, got ${trajectories}`);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) throw new RangeError(`levels: expected an even integer >= 2, got ${levels}`);
  // Work in level indices 0 … p − 1: a step of Δ is p/2 levels.
  const half = levels / 2;
  const rows: number[][] = [];
  const order = new Int32Array(k);
  const level = new Int32Array(k);
  const up = new Uint8Array(k);
  const toUnit = () => Array.from(level, (i) => i / (levels - 1));
  for (let t = 0; t < trajectories; t++) {
    for (let j = 0; j < k; j++) level[j] = uniformInt(rng, half);
    for (let j = 0; j < k; j++) {
      up[j] = rng.float() < 0.5 ? 1 : 0;
      if (!up[j]) level[j] += half; // starts high, steps down
    }
    for (let j = 0; j < k; j++) order[j] = j;
    for (let i = k - 1; i > 0; i--) {
      const r = uniformInt(rng, i + 1);
      const x = order[i]!;
      order[i] = order[r]!;
      order[r] = x;
    }
    rows.push(toUnit());
    for (let m = 0; m < k; m++) {
      const j = order[m]!;
      level[j] += up[j] ? half : -half;
      rows.push(toUnit());
    }
  }
  return rows;
}

/** One parameter's elementary-effect statistics. */
export interface MorrisIndex {
  /** Trajectories whose effect for this parameter is finite. */
  n: number;
  /** Mean absolute elementary effect. */
  muStar: number;
  /** Mean elementary effect (signed; effects of opposite signs cancel). */
  mu: number;
  /** Standard deviation (n − 1) of the effects: interactions and non-linearity. */
  sigma: number;
  /** Bootstrap 95 % percentile interval of μ*. */
  muStarLow: number;
  muStarHigh: number;
}

/**
 * μ*, μ and σ of each parameter from a Morris design's unit rows and outputs
 * (row order of morrisUnitDesign), with a bootstrap 95 % interval of μ*
 * (`resamples` resamples of the trajectories drawn from `rng`).
 */
export function morrisIndices(unit: readonly (readonly number[])[], y: ArrayLike<number>, k: number, rng: Uniform, resamples = 1000): MorrisIndex[] {
  const w = k + 1;
  if (unit.length !== y.length || y.length % w !== 0) throw new RangeError(`a Morris design with ${k} parameters has a multiple of ${w} rows and one output per row`);
  const r = y.length / w;
  const effects = Array.from({ length: k }, () => new Float64Array(r).fill(NaN));
  for (let t = 0; t < r; t++) {
    for (let m = 1; m < w; m++) {
      const prev = unit[t * w + m - 1]!;
      const here = unit[t * w + m]!;
      let j = -1;
      for (let q = 0; q < k; q++) if (here[q] !== prev[q]) j = q;
      if (j < 0) throw new RangeError(`Morris trajectory ${t}: step ${m} changes no parameter`);
      effects[j]![t] = (y[t * w + m]! - y[t * w + m - 1]!) / (here[j]! - prev[j]!);
    }
  }
  return effects.map((ee) => {
    const finite = Array.from(ee).filter((x) => Number.isFinite(x));
    const n = finite.length;
    if (n === 0) return { n, muStar: NaN, mu: NaN, sigma: NaN, muStarLow: NaN, muStarHigh: NaN };
    const mu = finite.reduce((a, x) => a + x, 0) / n;
    const muStar = finite.reduce((a, x) => a + Math.abs(x), 0) / n;
    const sigma = n > 1 ? Math.sqrt(finite.reduce((a, x) => a + (x - mu) ** 2, 0) / (n - 1)) : NaN;
    const boot = new Float64Array(resamples);
    for (let b = 0; b < resamples; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.abs(finite[uniformInt(rng, n)]!);
      boot[b] = s / n;
    }
    const [muStarLow, muStarHigh] = percentile95(boot);
    return { n, muStar, mu, sigma, muStarLow, muStarHigh };
  });
}
