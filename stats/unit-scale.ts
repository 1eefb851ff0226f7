// Ranges of design parameters and the map from the unit interval onto them,
// shared by every design (Latin hypercube, Saltelli/Sobol', Morris) so that
// one range means the same values whichever design draws from it.

/** A parameter's range as a sweep file writes it: [lo, hi], or [lo, hi, "int"] for integers. */
export type Range = readonly [lo: number, hi: number] | readonly [lo: number, hi: number, kind: 'int'];

/** A source of uniform numbers in [0, 1) (the engine's `Rng` is one). */
export interface Uniform {
  float(): number;
}

/** True for an integer range. */
export const isIntRange = (range: Range): boolean => range[2] === 'int';

/**
 * The value of the unit coordinate u ∈ [0, 1] in `range`: lo + u·(hi − lo); for
 * an integer range, u spread over [lo − ½, hi + ½) and rounded (= floor(lo +
 * u·(hi − lo + 1))), so each integer lo … hi covers an equal share of the unit
 * interval and is equally likely under a uniform u; u = 1 gives hi.
 */
export function scaleUnit(range: Range, u: number): number {
  const [lo, hi] = range;
  if (!isIntRange(range)) return lo + u * (hi - lo);
  return Math.min(hi, Math.floor(lo + u * (hi - lo + 1)));
}

/** A uniform integer in [0, n) from a Uniform. */
export const uniformInt = (rng: Uniform, n: number): number => Math.min(n - 1, Math.floor(rng.float() * n));
