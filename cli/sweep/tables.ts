// runs.csv: one row per (run, variant), `run,variant,seed,<each grid parameter
// by its dotted path>,<each summary metric>,…,hash`, in run order, numbers at
// full precision (`String(x)`, which reads back to the same double), empty for
// null. The value columns are the union over the rows, in a fixed order:
// summary metrics, then per-item results (`<item>.informedFinal` …), then
// per-shock results (`shock.<i>.dip`, `shock.<i>.recoveryTicks`), then `hash`;
// within each group in order of first appearance in run order. So the file
// depends only on which rows there are, never on finishing order or sharding.
import type { RunRow } from '../../workers/sweep-task.ts';
import { gridPoint } from '../../engine/scenario/sweep-schema.ts';
import type { SweepSpec } from './plan.ts';

/** A CSV field: numbers at full precision, empty for null/NaN, strings quoted when needed, other JSON as JSON text. */
export function fmt(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The grid parameter values of a grid point, as CSV fields. */
export function paramFields(spec: Pick<SweepSpec, 'sweep'>, point: number): string[] {
  return gridPoint(spec.sweep, point).map(([, value]) => fmt(value));
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

/** The header line of runs.csv. */
export function runsHeader(spec: SweepSpec, columns: Columns): string {
  return `${['run', 'variant', 'seed', ...spec.grid.keys, ...columns.numeric.map((c) => c.name), 'hash'].map((h) => fmt(h)).join(',')}\n`;
}

/** The lines of one done run in runs.csv (one per variant). */
export function runLines(spec: SweepSpec, columns: Columns, run: number, seed: number, rows: readonly RunRow[]): string {
  const params = paramFields(spec, Math.floor(run / spec.grid.seeds));
  let out = '';
  for (const row of rows) {
    const values = columns.numeric.map((c) => fmt(row[c.group][c.name] ?? null));
    out += `${[String(run), fmt(row.variant), String(seed), ...params, ...values, fmt(row.hash)].join(',')}\n`;
  }
  return out;
}
