// Latin hypercube sampling (McKay, Beckman & Conover 1979): each range is cut
// into `points` equal strata and each stratum is used exactly once per
// parameter, the strata of different parameters matched at random. THE one
// implementation of the project: sweep designs (`design.kind: "lhs"`) and
// `check --robust` both draw their hypercubes here.
//
// Reproducible from the Uniform alone, in this draw order: for each parameter
// in order, a Fisher–Yates shuffle of its strata (i = points−1 … 1, swapping i
// with a uniform j ≤ i), then one uniform per point for its place inside its
// stratum. The same generator state gives the same rows on every machine (only
// + − × ÷ on doubles).
import { scaleUnit, uniformInt, type Range, type Uniform } from './unit-scale.ts';

export type { Range, Uniform } from './unit-scale.ts';

/** A Latin hypercube in [0, 1)^k: `points` rows of k coordinates. */
export function unitLatinHypercube(k: number, points: number, rng: Uniform): number[][] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`parameters: expected an integer >= 0, got ${k}`);
  if (!Number.isInteger(points) || points < 1) throw new RangeError(`points: expected an integer >= 1, got ${points}`);
  const rows: number[][] = Array.from({ length: points }, () => new Array<number>(k));
  const strata = new Int32Array(points);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < points; i++) strata[i] = i;
    for (let i = points - 1; i > 0; i--) {
      const r = uniformInt(rng, i + 1);
      const t = strata[i]!;
      strata[i] = strata[r]!;
      strata[r] = t;
    }
    for (let i = 0; i < points; i++) rows[i]![j] = (strata[i]! + rng.float()) / points;
  }
  return rows;
}

/**
 * A Latin hypercube over `ranges`: `points` rows, one value per range in
 * order (integer ranges rounded as scaleUnit says, so each integer is equally
 * likely). (ranges, points, rng) → rows.
 */
export function latinHypercube(ranges: readonly Range[], points: number, rng: Uniform): number[][] {
  return unitLatinHypercube(ranges.length, points, rng).map((row) => row.map((u, j) => scaleUnit(ranges[j]!, u)));
}
