// The realized design of a sweep: for `lhs`, `sobol` and `morris`, the rows of
// parameter values (and their unit-cube coordinates, which Morris's effects and
// the record need), drawn once from the stream `<baseSeed>/design` (the engine's
// seeded xoshiro128**, engine/rng.ts) or, for Sobol', from the deterministic
// sequence. It is stored in manifest.json and a resumed sweep reuses the stored
// rows, so the runs it adds are at the same points. A grid is its own record.
import { standaloneRng } from '../../engine/rng.ts';
import { designKind, designKeys, type DesignRange, type Sweep } from '../../engine/scenario/sweep-schema.ts';
import { unitLatinHypercube } from '../../stats/lhs.ts';
import { morrisUnitDesign } from '../../stats/morris.ts';
import { saltelliUnitDesign } from '../../stats/saltelli.ts';
import { scaleUnit } from '../../stats/unit-scale.ts';

/** Morris levels when the sweep file gives none. */
export const DEFAULT_MORRIS_LEVELS = 4;

/** A sampled design as the manifest records it. */
export interface RealizedDesign {
  kind: 'lhs' | 'sobol' | 'morris';
  /** The parameters, in file order. */
  keys: string[];
  ranges: DesignRange[];
  /** lhs: points; sobol: base samples N; morris: trajectories r. */
  points: number;
  /** morris: the grid's levels. */
  levels?: number;
  /** Unit-cube coordinates of each design point, in design order. */
  unit: number[][];
  /** The parameter values of each design point (the ranges applied to `unit`). */
  rows: number[][];
}

/** The realized design of a sweep (null for a grid), its draws from `<baseSeed>/design`. */
export function realizeDesign(sweep: Sweep, baseSeed: number): RealizedDesign | null {
  const kind = designKind(sweep);
  if (kind === 'grid') return null;
  const keys = designKeys(sweep);
  const ranges = keys.map((k) => sweep.design!.ranges![k]!);
  const points = sweep.design!.points!;
  const rng = standaloneRng(baseSeed, 'design');
  let unit: number[][];
  let levels: number | undefined;
  if (kind === 'lhs') unit = unitLatinHypercube(keys.length, points, rng);
  else if (kind === 'sobol') unit = saltelliUnitDesign(keys.length, points);
  else {
    levels = sweep.design!.levels ?? DEFAULT_MORRIS_LEVELS;
    unit = morrisUnitDesign(keys.length, points, levels, rng);
  }
  const rows = unit.map((u) => u.map((x, j) => scaleUnit(ranges[j]!, x)));
  return { kind, keys, ranges, points, ...(levels !== undefined ? { levels } : {}), unit, rows };
}
