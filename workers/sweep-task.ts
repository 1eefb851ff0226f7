// One sweep run, as a pure function of the scenario, the run's overrides and its
// seed: every variant of the scenario (its own `set`, then the design point's
// values — {"$unset": true} removing a key —, then the sweep's seed and ticks — the order `run --set` uses, so
// `equipotent run <scenario> --seed S --ticks T --set k=v …` reproduces any
// row of runs.csv, hash included), run from the same seed (common random numbers).
// Runs in the sweep pool's worker processes (workers/sweep-worker.ts) and, for
// tests and benchmarks, on any thread.
import { readDataFiles } from '../io/read-files.ts';
import { expandVariants } from '../engine/scenario/overrides.ts';
import { resolveUnset } from '../engine/scenario/sweep-schema.ts';
import { createSimulation } from '../engine/simulation.ts';
import type { Registry } from '../engine/modules/registry.ts';
import type { ModuleFileRef } from './module-files.ts';
import { reporterValues } from '../engine/run-control.ts';
import { seriesRows } from '../engine/series-rows.ts';
import { peopleRows } from '../engine/people-table.ts';

/** What every worker of one sweep is started with. */
export interface SweepWorkerData {
  /** The scenario's JSON as read (variants included). */
  input: unknown;
  /** The directory the scenario's data file paths start from. */
  baseDir: string;
  /** False: the TypeScript spreading loops instead of the WebAssembly kernel (`--no-wasm`; same results). */
  wasm?: boolean;
  /** The user's module files (absolute paths) with the sha256 each must have: every worker loads the same. */
  modules?: ModuleFileRef[];
}

/** One run: its number, the overrides of its design point plus seed and ticks, and whether to record series. */
export interface SweepTask {
  run: number;
  seed: number;
  /** [dotted path, value] applied after each variant's own `set` ({"$unset": true} removes the key). */
  sets: [string, unknown][];
  /** The design point's values as CSV fields (the parameter columns of series.csv). */
  fields: string[];
  /** Record the series every `every` ticks, or null for none. */
  every: number | null;
  /** "sample": the value at ticks 0, k, 2k, … and the last; "mean": the mean over each k ticks, at the window's last tick. */
  everyMode: 'sample' | 'mean';
  /** Record the people at the end of the run (people.csv). */
  people?: boolean;
}

/** One (run, variant) row: the summary flattened into number-or-null columns. */
export interface RunRow {
  variant: string;
  /** The ticks the variant ran. */
  ticks: number;
  /** `ticksRun`, the summary metrics of MODEL.md §8 in the engine's order, then the reporters in declaration order. */
  metrics: Record<string, number | null>;
  /** `<item>.informedFinal`, `<item>.roundsTo50`, … per item of news. */
  items: Record<string, number | null>;
  /** `shock.<i>.dip`, `shock.<i>.recoveryTicks` per applied shock, in order. */
  shocks: Record<string, number | null>;
  /** The hash of the whole final state (bit-for-bit checks across machines). */
  hash: string;
}

export interface SweepRunResult {
  rows: RunRow[];
  /** The run's series rows as CSV text (`run,variant,seed,<parameters…>,ticks,tick,metric,value`), or null. */
  series: string | null;
  /** The run's people rows as CSV text (`run,variant,seed,<parameters…>,ticks,ticksRun,person,domain,…`), or null. */
  people?: string | null;
}

export type SweepTaskReply = { run: number; ok: true; result: SweepRunResult } | { run: number; ok: false; error: string };

const ITEM_KEYS = ['informedFinal', 'roundsTo50', 'roundsTo90', 'roundsToAll'] as const;

const num = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** A CSV field of a label (quoted only when needed). */
function field(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Runs every variant of one sweep run. Throws (an Error whose message says
 * why) when a variant is invalid at this grid point or the engine fails: the
 * pool records that as the run's failure. `files` caches data files by path.
 */
export function runSweepTask(data: SweepWorkerData, task: SweepTask, files: DataCache = new Map(), registry?: Registry): SweepRunResult {
  const variants = variantsAt(data.input, task.sets, registry);
  const rows: RunRow[] = [];
  const series: string[] = [];
  const people: string[] = [];
  for (const v of variants) {
    if (!v.ok) throw new Error(`variant "${v.label}" is not valid at this grid point: ${v.errors.join('; ')}`);
    const scenario = v.scenario;
    const need = readDataFilesCached(scenario, data.baseDir, files);
    const sim = createSimulation(scenario, task.seed, { data: need, wasm: data.wasm !== false, ...(registry !== undefined ? { modules: registry } : {}) });
    sim.step(scenario.ticks);
    const summary = sim.summary();
    // ticksRun first (fewer than ticks when `stop` held), then the summary metrics, then the reporters.
    const metrics: Record<string, number | null> = { ticksRun: sim.tick };
    for (const [k, x] of Object.entries(summary.metrics)) metrics[k] = num(x);
    for (const [k, x] of Object.entries(reporterValues(scenario.reporters, sim.series()))) metrics[k] = num(x);
    const items: Record<string, number | null> = {};
    for (const [id, it] of Object.entries(summary.items)) for (const k of ITEM_KEYS) items[`${id}.${k}`] = num(it[k]);
    const shocks: Record<string, number | null> = {};
    summary.shocks.forEach((sh, i) => {
      shocks[`shock.${i}.dip`] = num(sh.dip);
      shocks[`shock.${i}.recoveryTicks`] = num(sh.recoveryTicks);
    });
    rows.push({ variant: v.label, ticks: scenario.ticks, metrics, items, shocks, hash: summary.hash });
    if (task.every !== null) {
      const s = sim.series();
      const prefix = `${task.run},${field(v.label)},${task.seed},${task.fields.map((f) => `${f},`).join('')}${scenario.ticks},`;
      seriesRows(s, task.every, task.everyMode, prefix, series);
    }
    if (task.people === true) peopleRows(sim, `${task.run},${field(v.label)},${task.seed},${task.fields.map((f) => `${f},`).join('')}${scenario.ticks},${sim.tick},`, people);
  }
  return { rows, series: task.every !== null ? series.join('') : null, people: task.people === true ? people.join('') : null };
}

// The validated variants of a grid point: every run of the point differs only in its
// seed, which the engine takes as an argument, so validation (zod, a sizeable share
// of a small run and of its garbage) happens once per point and worker, not per run.
const variantCache = new Map<string, ReturnType<typeof expandVariants>>();
let variantCacheInput: unknown = null;
let variantCacheRegistry: Registry | undefined;

function variantsAt(input: unknown, sets: [string, unknown][], registry?: Registry): ReturnType<typeof expandVariants> {
  if (variantCacheInput !== input || variantCacheRegistry !== registry) {
    variantCache.clear();
    variantCacheInput = input;
    variantCacheRegistry = registry;
  }
  const key = JSON.stringify(sets.filter(([path]) => path !== 'seed'));
  let hit = variantCache.get(key);
  if (hit === undefined) {
    hit = expandVariants(input, resolveUnset(sets), registry);
    if (variantCache.size >= 256) variantCache.clear();
    variantCache.set(key, hit);
  }
  return hit;
}

/** Data files already read, by the layers that name them. */
export type DataCache = Map<string, Record<string, string>>;

function readDataFilesCached(scenario: { organization?: unknown }, baseDir: string, files: DataCache): Record<string, string> {
  // Most runs of a sweep name the same files: read them once per worker.
  const org = scenario.organization as Record<string, unknown> | undefined;
  const key = JSON.stringify([org?.formal ?? null, org?.informal ?? null]);
  let read = files.get(key);
  if (read === undefined) {
    read = readDataFiles(scenario, baseDir);
    files.set(key, read);
  }
  return read;
}
