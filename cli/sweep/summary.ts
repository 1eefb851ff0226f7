// summary.csv: per design point and variant, each metric's mean, sd, n and 95 %
// confidence interval over the seeds, and the paired difference of the variant
// from the baseline variant (the sweep's `baseline`, default the first; paired
// by run, i.e. by seed: both were run from the same seed, so the difference
// cancels the noise they share — common random numbers). Rows where a metric
// has no value in any run (n = 0) are left out. Computed from the rows in run
// order, so a sharded-then-merged sweep and an unsharded one give the same bytes.
import { meanInterval, pairedInterval, type Interval } from '../../stats/intervals.ts';
import type { RunRow } from '../../workers/sweep-task.ts';
import { paramCells, paramColumns, type Columns } from './tables.ts';
import { baselineIndex, runPoint, type SweepSpec } from './plan.ts';
import type { JournalEntry } from './journal.ts';
import type { ColumnSpec } from './table-writer.ts';

/** The statistics columns after `<params…>,ticks,variant,metric`. */
export const SUMMARY_STATS = ['n', 'mean', 'sd', 'ci95Low', 'ci95High', 'diffN', 'diffMean', 'diffSd', 'diffCi95Low', 'diffCi95High'] as const;

/** A done run: its number, its seed and where its journal line is. */
export type DoneRun = JournalEntry;

/** A done run's number and rows, as summaryRows reads them. */
export interface RunRows {
  run: number;
  rows: RunRow[];
}

/** The columns of summary.csv with their types. */
export function summaryColumns(spec: SweepSpec): ColumnSpec[] {
  return [
    ...paramColumns(spec),
    { name: 'ticks', type: 'int' },
    { name: 'variant', type: 'string' },
    { name: 'metric', type: 'string' },
    ...SUMMARY_STATS.map((name) => ({ name, type: name === 'n' || name === 'diffN' ? ('int' as const) : ('double' as const) })),
  ];
}

const stats = (iv: Interval): unknown[] => [iv.n, iv.mean, iv.sd, iv.lo, iv.hi];

/**
 * The rows of summary.csv (cells). `runs` yields the done runs in ascending run
 * order; one design point's runs are held at a time. `columns`: the value
 * columns of runs.csv (hash excluded here).
 */
export function* summaryRows(spec: SweepSpec, columns: Columns, runs: Iterable<RunRows>, collect?: Collect): Generator<unknown[]> {
  // The runs of one design point are consecutive in run order.
  let group: RunRow[][] = [];
  let point = -1;
  for (const r of runs) {
    const p = runPoint(spec, r.run);
    if (p !== point && group.length > 0) yield* pointRows(spec, columns, point, group, collect);
    if (p !== point) group = [];
    point = p;
    group.push(r.rows);
  }
  if (group.length > 0) yield* pointRows(spec, columns, point, group, collect);
}

/** Receives each (point, variant, metric)'s mean and mean paired difference (NaN for the baseline), for sensitivity.csv. */
export type Collect = (point: number, variant: number, metric: number, mean: number, diffMean: number) => void;

/** The summary rows of one design point from its runs' rows (in run order). */
function* pointRows(spec: SweepSpec, columns: Columns, point: number, group: RunRow[][], collect?: Collect): Generator<unknown[]> {
  const metrics = columns.numeric;
  const labels = spec.variants;
  const base = baselineIndex(spec);
  const params = paramCells(spec, point);
  const byVariant = labels.map((label) => group.map((rows) => rows.find((row) => row.variant === label)));
  // values[v][m] = the metric over the point's runs, in run order (NaN where absent).
  const values = byVariant.map((rows) => metrics.map((m) => rows.map((row) => (row?.[m.group][m.name] ?? NaN) as number)));
  for (let v = 0; v < labels.length; v++) {
    const ticks = commonTicks(byVariant[v]!);
    for (let k = 0; k < metrics.length; k++) {
      const xs = values[v]![k]!;
      const own = meanInterval(xs);
      const paired = v === base ? null : pairedInterval(values[base]![k]!, xs);
      collect?.(point, v, k, own.mean, paired?.mean ?? NaN);
      if (own.n === 0) continue;
      const diff = paired === null ? [null, null, null, null, null] : stats(paired);
      yield [...params, ticks, labels[v]!, metrics[k]!.name, ...stats(own), ...diff];
    }
  }
}

/** The ticks the variant's runs ran, when they agree (null otherwise). */
function commonTicks(rows: readonly (RunRow | undefined)[]): number | null {
  let ticks: number | null = null;
  for (const row of rows) {
    if (row === undefined) continue;
    if (ticks === null) ticks = row.ticks;
    else if (ticks !== row.ticks) return null;
  }
  return ticks;
}
