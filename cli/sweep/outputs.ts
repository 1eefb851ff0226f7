// Writing a sweep's result files from its journal(s): runs.csv, summary.csv,
// series.csv (when the sweep records series) and manifest.json. Everything is
// written in run order from the journal, through a temporary file renamed into
// place, so the files are the same bytes whether the sweep ran in one go, was
// killed and resumed, or was sharded and merged.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AtomicFile } from '../files.ts';
import { LineReader, readAt, type JournalEntry, type LineRef } from './journal.ts';
import { shardText, type Shard, type SweepSpec } from './plan.ts';
import { ColumnSet, runLines, runsHeader, type Columns } from './tables.ts';
import { summaryLines, type DoneRun } from './summary.ts';
import type { RunRow } from '../../workers/sweep-task.ts';

export const RUNS_CSV = 'runs.csv';
export const RUNS_PARTIAL = 'runs.partial.csv';
export const SUMMARY_CSV = 'summary.csv';
export const SERIES_CSV = 'series.csv';
export const MANIFEST = 'manifest.json';
export const SERIES_HEADER = 'run,variant,seed,tick,metric,value\n';

/** The runs an output covers: all of them, or a shard's. */
export interface RunSelection {
  length: number;
  at(i: number): number;
}

/** A failed run as the manifest lists it. */
export interface FailedRun {
  run: number;
  seed: number;
  error: string;
}

/** manifest.json: the spec, the shard, and which runs are done or failed. */
export interface Manifest extends SweepSpec {
  /** What wrote it (this file's format). */
  format: 'equipotent-sweep/1';
  /** `i/N` for a shard's output, null for all runs (an unsharded or merged sweep). */
  shard: string | null;
  /** Counts over the runs this output covers. */
  runs: { selected: number; done: number; failed: number; missing: number };
  /** True when every selected run is done (none failed or missing). */
  complete: boolean;
  /** The done runs' numbers, ascending. */
  done: number[];
  /** The failed runs, with their errors; `--resume` retries them. */
  failed: FailedRun[];
}

/** Where a run's series line is: a series journal's path and the line. */
export type SeriesSource = (run: number) => { path: string; line: LineRef } | undefined;

/** Tallies which selected runs are done, failed and missing (done runs in selection order). */
export function tally(selection: RunSelection, records: ReadonlyMap<number, JournalEntry>) {
  const done: DoneRun[] = [];
  const failed: FailedRun[] = [];
  let missing = 0;
  for (let i = 0; i < selection.length; i++) {
    const r = selection.at(i);
    const rec = records.get(r);
    if (rec === undefined) missing++;
    else if (rec.error !== undefined) failed.push({ run: r, seed: rec.seed, error: rec.error });
    else done.push(rec);
  }
  return { done, failed, missing };
}

/** The manifest of an output covering `selection`, from the records so far. */
export function manifestOf(spec: SweepSpec, shard: Shard | null, selection: RunSelection, records: ReadonlyMap<number, JournalEntry>): Manifest {
  const { done, failed, missing } = tally(selection, records);
  const { version, specHash, sweep, scenario, data, grid, variants } = spec;
  return {
    format: 'equipotent-sweep/1',
    version,
    specHash,
    sweep,
    scenario,
    data,
    grid,
    variants,
    shard: shardText(shard),
    runs: { selected: selection.length, done: done.length, failed: failed.length, missing },
    complete: failed.length === 0 && missing === 0,
    done: done.map((d) => d.run),
    failed,
  };
}

/** Writes DIR/manifest.json (atomically). */
export function writeManifest(dir: string, manifest: Manifest): void {
  writeFile(join(dir, MANIFEST), [`${JSON.stringify(manifest, null, 2)}\n`]);
}

function writeFile(path: string, lines: Iterable<string>): void {
  const f = new AtomicFile(path);
  try {
    for (const line of lines) f.write(line);
    f.commit();
  } catch (e) {
    f.abort();
    throw e;
  }
}

/** The value columns over the done runs, in run order (their rows read back one run at a time). */
export function columnsOf(done: readonly DoneRun[], reader: LineReader): Columns {
  const set = new ColumnSet();
  for (const d of done) for (const row of reader.rows(d.at)) set.add(row);
  return set.columns();
}

/**
 * Writes runs.csv, summary.csv, series.csv (when the sweep has `every`) and
 * manifest.json into `dir` from the journal entries of the selected runs,
 * reading each run's rows back from its journal line as it is written (the
 * rows are never all in memory). Returns the manifest.
 */
export function writeOutputs(dir: string, spec: SweepSpec, shard: Shard | null, selection: RunSelection, records: ReadonlyMap<number, JournalEntry>, series: SeriesSource): Manifest {
  const { done } = tally(selection, records);
  const reader = new LineReader();
  try {
    const columns = columnsOf(done, reader);
    // One more pass, reading each run's rows once for both files: runs.csv gets
    // them as the summary asks for the next run.
    const runsFile = new AtomicFile(join(dir, RUNS_CSV));
    const summaryFile = new AtomicFile(join(dir, SUMMARY_CSV));
    try {
      runsFile.write(runsHeader(spec, columns));
      const inRunOrder = function* () {
        for (const d of done) {
          const rows = reader.rows(d.at);
          runsFile.write(runLines(spec, columns, d.run, d.seed, rows));
          yield { run: d.run, rows };
        }
      };
      for (const line of summaryLines(spec, columns, inRunOrder())) summaryFile.write(line);
      runsFile.commit();
      summaryFile.commit();
    } catch (e) {
      runsFile.abort();
      summaryFile.abort();
      throw e;
    }
  } finally {
    reader.close();
  }
  if (spec.sweep.every !== undefined) writeFile(join(dir, SERIES_CSV), seriesLines(done, series));
  rmSync(join(dir, RUNS_PARTIAL), { force: true });
  const manifest = manifestOf(spec, shard, selection, records);
  writeManifest(dir, manifest);
  return manifest;
}

function* seriesLines(done: readonly DoneRun[], series: SeriesSource): Generator<string> {
  yield SERIES_HEADER;
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
      const rec = JSON.parse(readAt(fd, where.line.offset, where.line.length)) as { run: number; csv: string };
      yield rec.csv;
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

  constructor(dir: string, private readonly spec: SweepSpec, private readonly selection: RunSelection) {
    this.fd = openSync(join(dir, RUNS_PARTIAL), 'w');
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
