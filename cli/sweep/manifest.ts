// manifest.json: what identifies a sweep's output (its spec, the realized
// design), which runs it covers, which are done and which failed, and for an
// adaptive sweep where each design point stopped. Written through a temporary
// file; numbers lists (the done runs, the design's rows) one per line, so that a
// large design keeps the file readable and small.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AtomicFile } from '../files.ts';
import { UserError } from '../errors.ts';
import { readJsonFile } from '../load-scenario.ts';
import type { JournalEntry } from './journal.ts';
import { shardText, type Shard, type SweepSpec } from './plan.ts';
import type { PointState } from './replicate.ts';
import type { DoneRun } from './summary.ts';

export const MANIFEST = 'manifest.json';

/** The runs an output covers: all of them, or a shard's (ascending). */
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

/** Where an adaptive sweep's design points stopped (the points this output covers). */
export interface ReplicationRecord {
  metric: string;
  halfWidth: number;
  maxSeeds: number;
  /** Per design point: the seeds it got, its rounds, and whether the target was met (false: stopped at maxSeeds, or not finished). */
  points: { point: number; seeds: number; rounds: number; met: boolean; final: boolean }[];
}

/** manifest.json: the spec, the shard, and which runs are done or failed. */
export interface Manifest extends SweepSpec {
  /** What wrote it (this file's format). */
  format: 'equipotent-sweep/1';
  /** `i/N` for a shard's output, null for all runs (an unsharded or merged sweep). */
  shard: string | null;
  /** Counts over the runs this output covers. */
  runs: { selected: number; done: number; failed: number; missing: number };
  /** True when every selected run is done (none failed or missing) and, with replicate, every point has stopped. */
  complete: boolean;
  /** The done runs' numbers, ascending. */
  done: number[];
  /** The failed runs, with their errors; `--resume` retries them. */
  failed: FailedRun[];
  /** With replicate: where each design point stopped. */
  replication?: ReplicationRecord;
}

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

/** The manifest of an output covering `selection`, from the records so far (and the points' states with replicate). */
export function manifestOf(spec: SweepSpec, shard: Shard | null, selection: RunSelection, records: ReadonlyMap<number, JournalEntry>, points?: readonly PointState[]): Manifest {
  const { done, failed, missing } = tally(selection, records);
  const { version, specHash, defaultModel, sweep, scenario, data, grid, variants, design, modules } = spec;
  const stopped = points === undefined || points.every((p) => p.final);
  const manifest: Manifest = {
    format: 'equipotent-sweep/1',
    version,
    specHash,
    ...(defaultModel !== undefined ? { defaultModel } : {}),
    sweep,
    scenario,
    data,
    grid,
    variants,
    design,
    ...(modules !== undefined ? { modules } : {}),
    shard: shardText(shard),
    runs: { selected: selection.length, done: done.length, failed: failed.length, missing },
    complete: failed.length === 0 && missing === 0 && stopped,
    done: done.map((d) => d.run),
    failed,
  };
  if (points !== undefined && sweep.replicate !== undefined) {
    const { metric, halfWidth, maxSeeds } = sweep.replicate;
    manifest.replication = { metric, halfWidth, maxSeeds, points: points.map((p) => ({ point: p.point, seeds: p.seeds, rounds: p.rounds.length, met: p.rounds.at(-1)?.met === true, final: p.final })) };
  }
  return manifest;
}

/** JSON with two-space indents, except that a list of numbers (or of such lists) stays on one line per list. */
export function manifestJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v === 'number')) return JSON.stringify(value);
    const inner = `${indent}  `;
    return `[\n${value.map((v) => `${inner}${manifestJson(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${manifestJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Writes DIR/manifest.json (atomically). */
export function writeManifest(dir: string, manifest: Manifest): void {
  const f = new AtomicFile(join(dir, MANIFEST));
  try {
    f.write(`${manifestJson(manifest)}\n`);
    f.commit();
  } catch (e) {
    f.abort();
    throw e;
  }
}

/** The manifest of an earlier sweep in `dir`, or null. */
export function readManifest(dir: string): Manifest | null {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return null;
  const m = readJsonFile(path) as Manifest;
  if (typeof m !== 'object' || m === null || m.format !== 'equipotent-sweep/1') {
    throw new UserError(`${path} is not a sweep manifest; choose another --out`);
  }
  return m;
}
