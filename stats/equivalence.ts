// The control test of MODEL.md §10.6: with the control on (the mechanism switched
// off), an effect "vanishes" when the 95 % interval of the effect lies within
// ±20 % of the effect's size measured with the mechanism on. Pure; the intervals
// come from stats/intervals.ts.
import type { Interval } from './intervals.ts';

/** The share of the effect's size that counts as "none" (MODEL.md §10.6). */
export const EQUIVALENCE_MARGIN = 0.2;

/** True when `controlled` (the effect with the control on) lies within ±margin·|size|. */
export function vanishes(controlled: Interval, size: number, margin = EQUIVALENCE_MARGIN): boolean {
  const band = margin * Math.abs(size);
  return controlled.lo >= -band && controlled.hi <= band;
}

/** True when the effect's 95 % interval excludes 0 on the side of `sign` (−1: a fall, +1: a rise). */
export function holds(effect: Interval, sign: -1 | 1): boolean {
  return sign < 0 ? effect.hi < 0 : effect.lo > 0;
}

/** True when a fall (sign −1) or rise (+1) is absent: the interval does not reach past −margin·|size| on that side. */
export function noLonger(controlled: Interval, size: number, sign: -1 | 1, margin = EQUIVALENCE_MARGIN): boolean {
  const band = margin * Math.abs(size);
  return sign < 0 ? controlled.lo >= -band : controlled.hi <= band;
}
