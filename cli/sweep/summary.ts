// summary.csv: per grid point and variant, each metric's mean, sd, n and 95 %
// confidence interval over the seeds, and the paired difference of the variant
// from the first variant (paired by run, i.e. by seed: both were run from the
// same seed, so the difference cancels the noise they share — common random
// numbers). Computed from the rows in run order, so a sharded-then-merged sweep
// and an unsharded one give the same bytes.
import { ci95, pairedDifference, type Interval } from '../../engine/stats.ts';
import type { RunRow } from '../../workers/sweep-task.ts';
import { fmt, paramFields, type Columns } from './tables.ts';
import type { SweepSpec } from './plan.ts';
import type { JournalEntry } from './journal.ts';

/** The statistics columns after `<params…>,variant,metric`. */
export const SUMMARY_STATS = ['n', 'mean', 'sd', 'ci95Low', 'ci95High', 'diffN', 'diffMean', 'diffSd', 'diffCi95Low', 'diffCi95High'] as const;

/** A done run: its number, its seed and where its journal line is. */
export type DoneRun = JournalEntry;


const stats = (iv: Interval): string[] => [String(iv.n), fmt(iv.mean), fmt(iv.sd), fmt(iv.lo), fmt(iv.hi)];

/** A done run's number and rows, as summaryLines reads them. */
export interface RunRows {
  run: number;
  rows: RunRow[];
}

/**
 * The lines of summary.csv (header first). `runs` yields the done runs in
 * ascending run order; one grid point's runs are held at a time. `columns`:
 * the value columns of runs.csv (hash excluded here).
 */
export function* summaryLines(spec: SweepSpec, columns: Columns, runs: Iterable<RunRows>): Generator<string> {
  const header = [...spec.grid.keys, 'variant', 'metric', ...SUMMARY_STATS];
  yield `${header.map((h) => fmt(h)).join(',')}\n`;
  // The runs of one grid point are consecutive in run order.
  let group: RunRow[][] = [];
  let point = -1;
  for (const r of runs) {
    const p = Math.floor(r.run / spec.grid.seeds);
    if (p !== point && group.length > 0) yield* pointLines(spec, columns, point, group);
    if (p !== point) group = [];
    point = p;
    group.push(r.rows);
  }
  if (group.length > 0) yield* pointLines(spec, columns, point, group);
}

/** The summary lines of one grid point from its runs' rows (in run order). */
function* pointLines(spec: SweepSpec, columns: Columns, point: number, group: RunRow[][]): Generator<string> {
  const metrics = columns.numeric;
  const labels = spec.variants;
  const params = paramFields(spec, point);
  // values[v][m] = the metric over the point's runs, in run order (null where absent).
  const values = labels.map((label) => metrics.map((m) => group.map((rows) => valueOf(rows.find((row) => row.variant === label), m))));
  for (let v = 0; v < labels.length; v++) {
    for (let k = 0; k < metrics.length; k++) {
      const xs = values[v]![k]!.map((x) => (x === null ? NaN : x));
      const own = stats(ci95(xs));
      let diff: string[] = ['', '', '', '', ''];
      if (v > 0) {
        const base = values[0]![k]!.map((x) => (x === null ? NaN : x));
        diff = stats(pairedDifference(base, xs));
      }
      yield `${[...params, fmt(labels[v]!), fmt(metrics[k]!.name), ...own, ...diff].join(',')}\n`;
    }
  }
}

function valueOf(row: RunRow | undefined, column: { group: 'metrics' | 'items' | 'shocks'; name: string }): number | null {
  if (!row) return null;
  const x = row[column.group][column.name];
  return typeof x === 'number' ? x : null;
}
