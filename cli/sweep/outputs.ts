// Writing a sweep's result files from its journal(s): runs, summary, series
// (when the sweep records series) and, for a Sobol' or Morris design once it is
// whole, sensitivity — each as CSV and/or Parquet (`formats`) — and
// manifest.json. Everything is written in run order from the journal, through
// temporary files renamed into place, so the files are the same bytes whether
// the sweep ran in one go, was killed and resumed, or was sharded and merged.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { LineReader, readAt, type JournalEntry, type LineRef } from './journal.ts';
import { manifestOf, tally, writeManifest, type Manifest, type RunSelection } from './manifest.ts';
import { runKeyColumns, ColumnSet, runCells, runLines, runsColumns, runsHeader, type Columns } from './tables.ts';
import { summaryColumns, summaryRows, type DoneRun } from './summary.ts';
import { hasSensitivity, PointMeans, sensitivityColumns, sensitivityRows } from './sensitivity.ts';
import { openTable, type ColumnSpec, type Format, type TableWriter } from './table-writer.ts';
import type { PointState } from './replicate.ts';
import type { Shard, SweepSpec } from './plan.ts';
import type { RunRow } from '../../workers/sweep-task.ts';
import { join } from 'node:path';
import { Describer, writeCodebook, type ColumnDoc } from '../codebook.ts';
import { builtinRegistry } from '../../engine/modules/registry.ts';
import type { Reporters } from '../../engine/scenario/run-control-schema.ts';
import type { SweepPlan } from './plan.ts';

export { MANIFEST, type FailedRun, type Manifest, type RunSelection } from './manifest.ts';

export const RUNS_PARTIAL = 'runs.partial.csv';
export const SERIES_HEADER = 'run,variant,seed,tick,metric,value\n';

/** Where a run's series line is: a series journal's path and the line. */
export type SeriesSource = (run: number) => { path: string; line: LineRef } | undefined;

/** The formats a sweep writes its tables in. */
export const formatsOf = (spec: Pick<SweepSpec, 'sweep'>): Format[] => spec.sweep.formats ?? ['csv'];

/** What wrote the Parquet files. */
const createdBy = (spec: Pick<SweepSpec, 'version'>) => `equipotent ${spec.version}`;

/** The columns of series.csv: `run,variant,seed,<parameters…>,ticks,tick,metric,value`. */
export function seriesColumns(spec: SweepSpec): ColumnSpec[] {
  return [
    ...runKeyColumns(spec),
    { name: 'tick', type: 'int' },
    { name: 'metric', type: 'string' },
    { name: 'value', type: 'double' },
  ];
}

/** The value columns over the done runs, in run order (their rows read back one run at a time). */
export function columnsOf(done: readonly DoneRun[], reader: LineReader): Columns {
  const set = new ColumnSet();
  for (const d of done) for (const row of reader.rows(d.at)) set.add(row);
  return set.columns();
}

/** Commits every table, or aborts them all. */
function writeTables(tables: TableWriter[], fill: () => void): void {
  try {
    fill();
    for (const t of tables) t.commit();
  } catch (e) {
    for (const t of tables) t.abort();
    throw e;
  }
}

/**
 * Writes runs, summary, series (with `every`), sensitivity (a whole Sobol' or
 * Morris design) and manifest.json into `dir` from the journal entries of the
 * selected runs, reading each run's rows back from its journal line as it is
 * written (the rows are never all in memory). `points`: with replicate, the
 * design points' states. Returns the manifest.
 */
export function writeOutputs(dir: string, spec: SweepSpec, shard: Shard | null, selection: RunSelection, records: ReadonlyMap<number, JournalEntry>, series: SeriesSource, points?: readonly PointState[], knownColumns?: ReadonlyMap<string, ColumnDoc>): Manifest {
  const { done, failed, missing } = tally(selection, records);
  const formats = formatsOf(spec);
  const manifest = manifestOf(spec, shard, selection, records, points);
  const reader = new LineReader();
  const written: { file: string; description: string; columns: ColumnSpec[] }[] = [];
  const tableFiles = (name: string) => formats.map((f) => `${name}.${f}`).join(', ');
  try {
    const columns = columnsOf(done, reader);
    written.push({ file: tableFiles('runs'), description: 'one row per (run, variant), in run order: the design point\'s values, ticks, then the summary metrics, reporters, per-item and per-shock results, and the state hash', columns: runsColumns(spec, columns) });
    written.push({ file: tableFiles('summary'), description: 'per (design point, variant, metric): n, mean, sd and 95 % interval over the seeds, and the paired difference from the baseline variant; metrics with no value at a point (n = 0) are left out', columns: summaryColumns(spec) });
    // Sensitivity needs every design point: an unsharded (or merged) sweep with nothing failed or missing.
    const means = hasSensitivity(spec) && shard === null && failed.length === 0 && missing === 0 ? new PointMeans(spec.variants.length, columns.numeric.map((c) => c.name), spec.grid.points) : null;
    // One pass, reading each run's rows once for both tables: runs gets them as the summary asks for the next run.
    const runs = openTable(dir, 'runs', runsColumns(spec, columns), formats, createdBy(spec));
    const summary = openTable(dir, 'summary', summaryColumns(spec), formats, createdBy(spec));
    writeTables([runs, summary], () => {
      const inRunOrder = function* () {
        for (const d of done) {
          const rows = reader.rows(d.at);
          for (const cells of runCells(spec, columns, d.run, d.seed, rows)) runs.row(cells);
          yield { run: d.run, rows };
        }
      };
      for (const cells of summaryRows(spec, columns, inRunOrder(), means === null ? undefined : (p, v, m, mean, diff) => means.set(p, v, m, mean, diff))) summary.row(cells);
    });
    if (means !== null) {
      written.push({ file: tableFiles('sensitivity'), description: spec.design?.kind === 'morris' ? 'per variant, quantity, metric and design parameter: Morris\' μ*, μ and σ' : "per variant, quantity, metric and design parameter: Sobol' first- and total-order indices with bootstrap 95 % intervals", columns: sensitivityColumns(spec) });
      const sensitivity = openTable(dir, 'sensitivity', sensitivityColumns(spec), formats, createdBy(spec));
      writeTables([sensitivity], () => {
        for (const cells of sensitivityRows(spec, means)) sensitivity.row(cells);
      });
    }
  } finally {
    reader.close();
  }
  if (spec.sweep.every !== undefined) {
    written.push({ file: tableFiles('series'), description: `tidy long series: one row per (run, variant, recorded tick, metric), every ${spec.sweep.every} ticks (${spec.sweep.everyMode === 'mean' ? 'each window\'s mean' : 'the value at the tick'}) and the last`, columns: seriesColumns(spec) });
    const table = openTable(dir, 'series', seriesColumns(spec), formats, createdBy(spec));
    writeTables([table], () => writeSeries(table, done, series, 'csv'));
  }
  if (spec.sweep.people === true) {
    written.push({ file: tableFiles('people'), description: 'one row per (run, variant, person, domain) at the end of the run', columns: peopleColumns(spec) });
    const table = openTable(dir, 'people', peopleColumns(spec), formats, createdBy(spec));
    writeTables([table], () => writeSeries(table, done, series, 'people'));
  }
  writeCodebook(dir, codebookOf(spec, written, knownColumns));
  rmSync(join(dir, RUNS_PARTIAL), { force: true });
  writeManifest(dir, manifest);
  return manifest;
}

/** The columns of people.csv: `run,variant,seed,<parameters…>,ticks,ticksRun,person,domain,skill,alive,engagement,load,timesLed`. */
export function peopleColumns(spec: SweepSpec): ColumnSpec[] {
  return [
    ...runKeyColumns(spec),
    { name: 'ticksRun', type: 'int' },
    { name: 'person', type: 'string' },
    { name: 'domain', type: 'int' },
    { name: 'skill', type: 'double' },
    { name: 'alive', type: 'int' },
    { name: 'engagement', type: 'double' },
    { name: 'load', type: 'double' },
    { name: 'timesLed', type: 'int' },
  ];
}

/** The sweep's reporters: the scenario's, then the sweep's (which replace a same-named one). */
export function sweepReporters(spec: Pick<SweepSpec, 'sweep' | 'scenario'>): Reporters {
  const own = (spec.scenario as { reporters?: Reporters } | null)?.reporters ?? {};
  return { ...own, ...(spec.sweep.reporters ?? {}) };
}

/** The codebook of the tables written, from the declarations of the modules the sweep ran with. */
function codebookOf(spec: SweepSpec, written: { file: string; description: string; columns: ColumnSpec[] }[], known?: ReadonlyMap<string, ColumnDoc>) {
  const registry = (spec as Partial<SweepPlan>).loaded?.registry ?? builtinRegistry();
  const describer = new Describer(registry, sweepReporters(spec), spec.grid.keys, known);
  const design = spec.grid.keys.map((key, j) => describer.designEntry(key, spec.design === null ? spec.sweep.grid[key] : spec.design.ranges[j]));
  return describer.codebook(createdBy(spec), written, design);
}

/** Copies each done run's rows (`csv`: its series; `people`: its people) from the series journal into a table, in run order. */
function writeSeries(table: TableWriter, done: readonly DoneRun[], series: SeriesSource, key: 'csv' | 'people'): void {
  const fds = new Map<string, number>();
  try {
    for (const { run } of done) {
      const where = series(run);
      if (where === undefined) throw new Error(`the series of run ${run} is missing from the series journal`);
      let fd = fds.get(where.path);
      if (fd === undefined) {
        fd = openSync(where.path, 'r');
        fds.set(where.path, fd);
      }
      const rec = JSON.parse(readAt(fd, where.line.offset, where.line.length)) as { run: number; csv: string; people?: string };
      const text = rec[key];
      if (text === undefined) throw new Error(`the ${key === 'csv' ? 'series' : 'people'} of run ${run} are missing from the series journal`);
      table.csvLines(text);
    }
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
}

/**
 * runs.partial.csv while a sweep runs: the rows of the runs finished so far, in
 * run order, appended as soon as every earlier selected run is finished (its
 * header is that of the first run; it stops growing if a later run brings a new
 * column). Not synced: the journal is the record, and runs.csv replaces this
 * file at the end.
 */
export class PartialRuns {
  private pos = 0;
  private fd: number | null;
  private columns: ColumnSet | null = null;
  private header: Columns | null = null;
  private readonly reader = new LineReader();
  /** Rows of runs this sweep just finished, until written (runs finish about in order: a few). */
  private readonly fresh = new Map<number, RunRow[]>();

  constructor(dir: string, private readonly spec: SweepSpec, private selection: RunSelection) {
    this.fd = openSync(join(dir, RUNS_PARTIAL), 'w');
  }

  /** A longer selection (an adaptive sweep's next round), whose runs before the current position are unchanged. */
  extend(selection: RunSelection): void {
    this.selection = selection;
  }

  /** Keeps the rows of a run just finished, so that advance need not read them back from the journal. */
  remember(run: number, rows: RunRow[]): void {
    if (this.fd !== null) this.fresh.set(run, rows);
  }

  /** Writes every run now final (`isFinal`) at the front of the selection (rows of earlier sessions read back from the journal). */
  advance(records: ReadonlyMap<number, JournalEntry>, isFinal: (run: number) => boolean): void {
    while (this.fd !== null && this.pos < this.selection.length) {
      const r = this.selection.at(this.pos);
      const rec = records.get(r);
      if (rec === undefined || !isFinal(r)) return;
      this.pos++;
      if (rec.error !== undefined) continue;
      const rows = this.fresh.get(r) ?? this.reader.rows(rec.at);
      this.fresh.delete(r);
      if (this.columns === null) {
        this.columns = new ColumnSet();
        for (const row of rows) this.columns.add(row);
        this.header = this.columns.columns();
        writeSync(this.fd, runsHeader(this.spec, this.header));
      }
      if (!rows.every((row) => this.columns!.covers(row))) {
        this.close();
        return;
      }
      writeSync(this.fd, runLines(this.spec, this.header!, r, rec.seed, rows));
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.fresh.clear();
    this.reader.close();
  }
}
