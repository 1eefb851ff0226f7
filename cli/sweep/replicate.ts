// Adaptive replication (`replicate`, CONTRACT.md v2): design point p's runs are
// r = p·maxSeeds + s with seed baseSeed + s. Round 1 runs seeds s = 0 … seeds−1;
// after each round, the point gets `seeds` more while any variant's 95 %
// interval of the paired difference from the baseline in `metric` (of the mean,
// with a single variant) is wider than ±halfWidth, up to maxSeeds.
//
// A decision depends only on the point's own runs, so it is the same whether
// the sweep ran in one go, was resumed, or was sharded by point — and is
// recomputed from the journal's runs rather than trusted from a record. An
// interval that cannot be computed (fewer than two paired values, e.g. a metric
// that is empty at this point) does not meet the target: the point goes on to
// maxSeeds, which the manifest then shows.
import { meanInterval, pairedInterval, halfWidth } from '../../stats/intervals.ts';
import type { RunRow } from '../../workers/sweep-task.ts';
import { baselineIndex, stride, type SweepSpec } from './plan.ts';
import { rowValue } from './tables.ts';

/** One round's outcome at a design point. */
export interface RoundRecord {
  point: number;
  /** 1, 2, … */
  round: number;
  /** Seeds the point had at this round's end. */
  seeds: number;
  /** Each non-baseline variant's half-width (the variant's own with one variant); null when it cannot be computed. */
  halfWidths: Record<string, number | null>;
  /** True when every half-width is at most the target. */
  met: boolean;
}

/** Where a design point stands. */
export interface PointState {
  point: number;
  /** Seeds decided so far (the runs s < seeds are to run or done). */
  seeds: number;
  rounds: RoundRecord[];
  /** True when no more rounds will come (the target met, or maxSeeds reached). */
  final: boolean;
}

/** The replicate metric's values of the runs done so far, and the decisions they lead to. */
export class Replication {
  /** Per done run, the metric of each variant (NaN where empty). */
  private readonly values = new Map<number, Float64Array>();
  private readonly metric: string;
  private readonly target: number;
  private readonly base: number;

  constructor(private readonly spec: SweepSpec) {
    const r = spec.sweep.replicate!;
    this.metric = r.metric;
    this.target = r.halfWidth;
    this.base = baselineIndex(spec);
  }

  /** Records a done run's rows (only the metric is kept: 8 bytes a variant). */
  remember(run: number, rows: readonly RunRow[]): void {
    this.values.set(run, Float64Array.from(this.spec.variants, (label) => rowValue(rows.find((row) => row.variant === label), this.metric) ?? NaN));
  }

  /** Forgets a run (it failed after all). */
  forget(run: number): void {
    this.values.delete(run);
  }

  /** The state of design point p from the runs remembered. */
  state(point: number): PointState {
    const { seeds: step } = this.spec.grid;
    const max = stride(this.spec);
    const labels = this.spec.variants;
    const rounds: RoundRecord[] = [];
    let n = step;
    for (let round = 1; ; round++) {
      const runs: Float64Array[] = [];
      for (let s = 0; s < n; s++) {
        const v = this.values.get(point * max + s);
        if (v === undefined) return { point, seeds: n, rounds, final: false };
        runs.push(v);
      }
      const column = (v: number) => runs.map((x) => x[v]!);
      const halfWidths: Record<string, number | null> = {};
      let met = true;
      const judged = labels.length === 1 ? [0] : labels.map((_, v) => v).filter((v) => v !== this.base);
      for (const v of judged) {
        const iv = labels.length === 1 ? meanInterval(column(v)) : pairedInterval(column(this.base), column(v));
        const hw = halfWidth(iv);
        halfWidths[labels[v]!] = Number.isFinite(hw) ? hw : null;
        if (!(hw <= this.target)) met = false;
      }
      rounds.push({ point, round, seeds: n, halfWidths, met });
      if (met || n >= max) return { point, seeds: n, rounds, final: true };
      n = Math.min(n + step, max);
    }
  }
}

/** The runs an adaptive sweep has decided so far in a shard (or all), ascending, and its points' states. */
export function adaptiveSelection(spec: SweepSpec, shard: { index: number; count: number } | null, replication: Replication): { runs: number[]; states: PointState[] } {
  const runs: number[] = [];
  const states: PointState[] = [];
  const max = stride(spec);
  for (let p = shard ? shard.index : 0; p < spec.grid.points; p += shard ? shard.count : 1) {
    const state = replication.state(p);
    states.push(state);
    for (let s = 0; s < state.seeds; s++) runs.push(p * max + s);
  }
  return { runs, states };
}

/** A list of runs as a selection. */
export const listSelection = (runs: readonly number[]) => ({ length: runs.length, at: (i: number) => runs[i]! });
