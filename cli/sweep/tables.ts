// runs.csv: one row per (run, variant), `run,variant,seed,<each design
// parameter by its dotted path>,ticks,<each summary metric>,…,hash`, in run
// order, numbers at full precision (`String(x)`, which reads back to the same
// double), empty for null. The value columns are the union over the rows, in a
// fixed order: summary metrics, then per-item results (`<item>.informedFinal`
// …), then per-shock results (`shock.<i>.dip`, `shock.<i>.recoveryTicks`), then
// `hash`; within each group in order of first appearance in run order. So the
// file depends only on which rows there are, never on finishing order or sharding.
import type { RunRow } from '../../workers/sweep-task.ts';
import { isUnset } from '../../engine/scenario/sweep-schema.ts';
import { pointValues, runPoint, type SweepSpec } from './plan.ts';
import type { ColumnSpec, ColumnType } from './table-writer.ts';

/** A CSV field: numbers at full precision, empty for null/NaN, strings quoted when needed, other JSON as JSON text. */
export function fmt(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return String(value);
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The design point's parameter values (as written; {"$unset": true} kept, written as its JSON text). */
export function paramCells(spec: Pick<SweepSpec, 'sweep' | 'design'>, point: number): unknown[] {
  return pointValues(spec, point).map(([, value]) => value);
}

/** The Parquet type of each design parameter: integers, doubles, or text (anything not a number, {"$unset": true} included). */
export function paramColumns(spec: Pick<SweepSpec, 'sweep' | 'design' | 'grid'>): ColumnSpec[] {
  if (spec.design !== null) return spec.design.keys.map((name, j) => ({ name, type: spec.design!.ranges[j]![2] === 'int' ? 'int' : 'double' }));
  return spec.grid.keys.map((name) => ({ name, type: typeOfValues(spec.sweep.grid[name] ?? []) }));
}

function typeOfValues(values: readonly unknown[]): ColumnType {
  const present = values.filter((v) => v !== null && isUnset(v) !== true);
  if (present.length < values.length && values.some((v) => isUnset(v) === true)) return 'string';
  if (!present.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'string';
  return present.every((v) => Number.isSafeInteger(v) && Math.abs(v as number) < 2 ** 31) ? 'int' : 'double';
}

export interface Column {
  group: 'metrics' | 'items' | 'shocks';
  name: string;
}

/** The value columns of runs.csv (numeric ones; `hash` follows them). */
export interface Columns {
  numeric: Column[];
}

/** Collects the value columns over rows seen in run order. */
export class ColumnSet {
  private readonly seen = { metrics: new Set<string>(), items: new Set<string>(), shocks: new Set<string>() };

  add(row: RunRow): void {
    for (const group of ['metrics', 'items', 'shocks'] as const) {
      for (const name of Object.keys(row[group])) this.seen[group].add(name);
    }
  }

  /** True when every column of `row` is already known. */
  covers(row: RunRow): boolean {
    return (['metrics', 'items', 'shocks'] as const).every((g) => Object.keys(row[g]).every((k) => this.seen[g].has(k)));
  }

  columns(): Columns {
    return {
      numeric: (['metrics', 'items', 'shocks'] as const).flatMap((group) => [...this.seen[group]].map((name) => ({ group, name }))),
    };
  }
}

/** A row's value of a runs.csv column by name (summary metric, item or shock result), or null. */
export function rowValue(row: RunRow | undefined, name: string): number | null {
  if (!row) return null;
  for (const group of ['metrics', 'items', 'shocks'] as const) {
    const x = row[group][name];
    if (x !== undefined) return typeof x === 'number' ? x : null;
  }
  return null;
}

/** The columns that begin every per-run table (runs, series, people): which run, its design point and its length. */
export function runKeyColumns(spec: SweepSpec): ColumnSpec[] {
  return [
    { name: 'run', type: 'int' },
    { name: 'variant', type: 'string' },
    { name: 'seed', type: 'int64' },
    ...paramColumns(spec),
    { name: 'ticks', type: 'int' },
  ];
}

/** The columns of runs.csv with their types. */
export function runsColumns(spec: SweepSpec, columns: Columns): ColumnSpec[] {
  return [
    ...runKeyColumns(spec),
    ...columns.numeric.map((c) => ({ name: c.name, type: 'double' as const })),
    { name: 'hash', type: 'string' },
  ];
}

/** The header line of runs.csv. */
export function runsHeader(spec: SweepSpec, columns: Columns): string {
  return `${runsColumns(spec, columns).map((c) => fmt(c.name)).join(',')}\n`;
}

/** The cells of one done run's rows in runs.csv (one row per variant). */
export function runCells(spec: SweepSpec, columns: Columns, run: number, seed: number, rows: readonly RunRow[]): unknown[][] {
  const params = paramCells(spec, runPoint(spec, run));
  return rows.map((row) => [run, row.variant, seed, ...params, row.ticks, ...columns.numeric.map((c) => row[c.group][c.name] ?? null), row.hash]);
}

/** The lines of one done run in runs.csv (one per variant). */
export function runLines(spec: SweepSpec, columns: Columns, run: number, seed: number, rows: readonly RunRow[]): string {
  return runCells(spec, columns, run, seed, rows).map((cells) => `${cells.map(fmt).join(',')}\n`).join('');
}
