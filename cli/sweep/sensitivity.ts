// sensitivity.csv for a Sobol' (Saltelli) or Morris design, computed when the
// whole design is done (an unsharded sweep, or the merge of its shards): per
// variant, quantity and metric, one row per design parameter. The model output
// at a design point is the metric's mean over the point's seeds (`quantity`
// "mean"), or the mean paired difference of the variant from the baseline
// ("diff", for the other variants). Bootstrap intervals draw from the stream
// `<baseSeed>/bootstrap`, in the file's row order, so they are the same bytes
// on every machine.
//   sobol:  n, S1, S1Low, S1High, ST, STLow, STHigh (stats/sobol-indices.ts)
//   morris: n, muStar, muStarLow, muStarHigh, mu, sigma (stats/morris.ts)
import { standaloneRng } from '../../engine/rng.ts';
import { morrisIndices } from '../../stats/morris.ts';
import { sobolIndices } from '../../stats/sobol-indices.ts';
import { baselineIndex, type SweepSpec } from './plan.ts';
import type { ColumnSpec } from './table-writer.ts';

/** Bootstrap resamples per index. */
export const BOOTSTRAP_RESAMPLES = 1000;

/** The point means a sensitivity analysis reads: [variant][metric][point] (NaN where absent). */
export class PointMeans {
  readonly mean: Float64Array[][];
  readonly diff: Float64Array[][];

  constructor(variants: number, readonly metrics: string[], points: number) {
    const make = () => Array.from({ length: variants }, () => metrics.map(() => new Float64Array(points).fill(NaN)));
    this.mean = make();
    this.diff = make();
  }

  set(point: number, variant: number, metric: number, mean: number, diffMean: number): void {
    this.mean[variant]![metric]![point] = mean;
    this.diff[variant]![metric]![point] = diffMean;
  }
}

/** True when the sweep's design has a sensitivity analysis. */
export const hasSensitivity = (spec: Pick<SweepSpec, 'design'>): boolean => spec.design?.kind === 'sobol' || spec.design?.kind === 'morris';

/** The columns of sensitivity.csv for the sweep's design. */
export function sensitivityColumns(spec: Pick<SweepSpec, 'design'>): ColumnSpec[] {
  const head: ColumnSpec[] = [
    { name: 'variant', type: 'string' },
    { name: 'quantity', type: 'string' },
    { name: 'metric', type: 'string' },
    { name: 'parameter', type: 'string' },
    { name: 'n', type: 'int' },
  ];
  const names = spec.design?.kind === 'morris' ? ['muStar', 'muStarLow', 'muStarHigh', 'mu', 'sigma'] : ['S1', 'S1Low', 'S1High', 'ST', 'STLow', 'STHigh'];
  return [...head, ...names.map((name) => ({ name, type: 'double' as const }))];
}

/** The rows of sensitivity.csv (cells), variant by variant, "mean" then "diff", metric by metric, parameter by parameter. */
export function* sensitivityRows(spec: SweepSpec, means: PointMeans): Generator<unknown[]> {
  const design = spec.design!;
  const k = design.keys.length;
  const rng = standaloneRng(spec.grid.baseSeed, 'bootstrap');
  const base = baselineIndex(spec);
  for (let v = 0; v < spec.variants.length; v++) {
    for (const quantity of v === base || spec.variants.length === 1 ? (['mean'] as const) : (['mean', 'diff'] as const)) {
      for (let m = 0; m < means.metrics.length; m++) {
        const y = (quantity === 'mean' ? means.mean : means.diff)[v]![m]!;
        if (!y.some((x) => Number.isFinite(x))) continue; // nothing measured: no rows, as in summary.csv
        const head = [spec.variants[v]!, quantity, means.metrics[m]!];
        if (design.kind === 'sobol') {
          const idx = sobolIndices(y, k, rng, BOOTSTRAP_RESAMPLES);
          for (let j = 0; j < k; j++) {
            const s = idx[j]!;
            yield [...head, design.keys[j]!, s.n, s.S1, s.S1Low, s.S1High, s.ST, s.STLow, s.STHigh];
          }
        } else {
          const idx = morrisIndices(design.unit, y, k, rng, BOOTSTRAP_RESAMPLES);
          for (let j = 0; j < k; j++) {
            const s = idx[j]!;
            yield [...head, design.keys[j]!, s.n, s.muStar, s.muStarLow, s.muStarHigh, s.mu, s.sigma];
          }
        }
      }
    }
  }
}
