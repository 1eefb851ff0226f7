// A sweep's plan: the sweep file and its scenario read and validated, the spec
// that identifies the sweep (what shards must share to be merged), the realized
// design, and the run numbering of CONTRACT.md: run r is design point
// floor(r / stride) with seed baseSeed + (r mod stride), stride = seeds, or
// replicate.maxSeeds for an adaptive sweep; `--shard i/N` takes the runs with
// r mod N = i, or with replicate the whole points p with p mod N = i.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { loadScenarioSource, packageRoot, readJsonFile, type ScenarioSource } from '../load-scenario.ts';
import { dataFileRefs } from '../../io/read-files.ts';
import { sweepProblems } from './check.ts';
import { realizeDesign, type RealizedDesign } from './design.ts';
import { fmt } from './tables.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { designKeys, designPoints, gridPoint, validateSweep, type Sweep } from '../../engine/scenario/sweep-schema.ts';
import type { SweepTask } from '../../workers/sweep-task.ts';
import { BUILTINS_ONLY, commandModules, provenance, type ModuleValues } from '../module-options.ts';
import { DEFAULT_MODEL } from '../../engine/scenario/blocks.ts';
import type { LoadedModules } from '../../workers/module-files.ts';

/**
 * What identifies a sweep, as recorded in every output's manifest.json: two
 * outputs can be merged only when their specs are equal (same `specHash`).
 */
export interface SweepSpec {
  /** The project version that ran it (package.json). */
  version: string;
  /** The sweep file, validated, defaults filled. */
  sweep: Sweep;
  /** The scenario's JSON as read (so the manifest alone reproduces the sweep). */
  scenario: unknown;
  /** SHA-256 of each data file the scenario's variants name (path as written → hex). */
  data: Record<string, string>;
  /** SHA-256 of the above (version, sweep, scenario, data). */
  specHash: string;
  /**
   * The model a scenario without `model` ran under (MODEL.md §10). Manifests written
   * before model 2 have none: their runs were model 1's, and a resume keeps them so.
   */
  defaultModel?: number;
  /**
   * The design's shape: its parameter keys in file order, points, seeds per
   * point (per round with replicate), first seed, the run numbers' range
   * (points × stride), and with replicate the most seeds a point gets.
   */
  grid: { keys: string[]; points: number; seeds: number; baseSeed: number; runs: number; maxSeeds?: number };
  /** The variants' labels, in file order (`default` when the scenario has none). */
  variants: string[];
  /** The realized lhs, sobol or morris design (null for a grid). */
  design: RealizedDesign | null;
  /** The user modules the sweep runs with: name → sha256 of its file (beside the spec hash, never inside it); absent without. */
  modules?: Record<string, string>;
}

/** A spec plus where its files are on this machine. */
export interface SweepPlan extends SweepSpec {
  /** The scenario file's directory (data paths start there). */
  baseDir: string;
  /** The user modules loaded (the workers load the same files and check their sha256). */
  loaded?: LoadedModules;
}

/** A slice of the runs: index i of count N. */
export interface Shard {
  index: number;
  count: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The project version from package.json. */
export function projectVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(resolve(packageRoot, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The layout of journals and result files (2: design columns and ticks everywhere, rounds in the journal). */
const OUTPUT_LAYOUT = 2;

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/**
 * Reads and validates a sweep file, its scenario, the grid paths and the grid
 * points (as `equipotent validate` does); throws a UserError listing every problem.
 */
export function loadPlan(file: string, modules: LoadedModules = BUILTINS_ONLY): SweepPlan {
  // A sweep file is a file (built-in names are scenarios): say so when it is missing.
  const path = resolve(file);
  if (!existsSync(path)) throw new UserError(`no sweep file "${file}" (${path}); give the path of a sweep file — examples in sweeps/ (see docs/research.md)`);
  const source: ScenarioSource = { input: readJsonFile(path, file), baseDir: dirname(path), sourceName: file, path };
  const input = source.input;
  const v = validateSweep(input);
  if (!v.ok) {
    const hint = isObject(input) && Object.hasOwn(input, 'organization') && !Object.hasOwn(input, 'scenario')
      ? '\n  (this looks like a scenario file; a sweep file names its scenario: {"scenario": "…", "grid": {…}, "seeds": …})'
      : '';
    throw new UserError(`${file} is not a valid sweep file:\n  ${v.errors.join('\n  ')}${hint}`);
  }
  const problems = sweepProblems(source, modules.registry);
  if (problems.length > 0) throw new UserError(`${file} is not a valid sweep:\n  ${problems.map((p) => `${file}: ${p}`).join('\n  ')}`);
  const scenario = loadScenarioSource(v.sweep.scenario, source.baseDir);
  return makePlan(v.sweep, scenario, modules);
}

function makePlan(sweep: Sweep, scenario: ScenarioSource, modules: LoadedModules): SweepPlan {
  const variants = expandVariants(scenario.input, [], modules.registry);
  const labels = variants.map((x) => x.label);
  const first = variants[0];
  const scenarioSeed = first?.ok ? first.scenario.seed : 0;
  const baseSeed = sweep.baseSeed ?? scenarioSeed;
  const data: Record<string, string> = {};
  for (const variant of variants) {
    if (!variant.ok) continue;
    for (const { file } of dataFileRefs(variant.scenario)) {
      if (Object.hasOwn(data, file)) continue;
      const path = isAbsolute(file) ? file : resolve(scenario.baseDir, file);
      data[file] = sha256(readFileSync(path));
    }
  }
  const version = projectVersion();
  const points = designPoints(sweep);
  const maxSeeds = sweep.replicate?.maxSeeds;
  const stride = maxSeeds ?? sweep.seeds;
  const grid = { keys: designKeys(sweep), points, seeds: sweep.seeds, baseSeed, runs: points * stride, ...(maxSeeds !== undefined ? { maxSeeds } : {}) };
  // The design is a function of the spec, so it stays out of the hash (a resume reuses the stored rows).
  // OUTPUT_LAYOUT marks the journal and file layout, so that an output written before a layout
  // change (e.g. without the `ticks` column) is never resumed or merged with one written after it.
  const specHash = sha256(JSON.stringify({ version, sweep, scenario: scenario.input, data, layout: OUTPUT_LAYOUT }));
  const design = realizeDesign(sweep, baseSeed);
  const hashes = provenance(modules);
  return { version, sweep, scenario: scenario.input, data, specHash, defaultModel: DEFAULT_MODEL, grid, variants: labels, design, baseDir: scenario.baseDir, ...(hashes !== undefined ? { modules: hashes, loaded: modules } : {}) };
}

/** Parses `--shard i/N` (0 ≤ i < N). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new UserError(`--shard: expected i/N with 0 <= i < N (e.g. --shard 0/4 … --shard 3/4), got ${JSON.stringify(text)}`);
  }
  return { index, count };
}

/** `i/N` of a shard, or null for all runs (as manifests record it). */
export const shardText = (shard: Shard | null): string | null => (shard ? `${shard.index}/${shard.count}` : null);

/** Run numbers per design point: seeds, or replicate.maxSeeds. */
export const stride = (spec: Pick<SweepSpec, 'grid'>): number => spec.grid.maxSeeds ?? spec.grid.seeds;

/** True for an adaptive sweep (replicate). */
export const isAdaptive = (spec: Pick<SweepSpec, 'grid'>): boolean => spec.grid.maxSeeds !== undefined;

/** The design point of run r. */
export const runPoint = (spec: Pick<SweepSpec, 'grid'>, r: number): number => Math.floor(r / stride(spec));

/** The seed of run r: baseSeed + (r mod stride). */
export const runSeed = (spec: Pick<SweepSpec, 'grid'>, r: number): number => spec.grid.baseSeed + (r % stride(spec));

/** The index of the baseline variant (the sweep's `baseline`, default the first). */
export function baselineIndex(spec: Pick<SweepSpec, 'sweep' | 'variants'>): number {
  const i = spec.sweep.baseline === undefined ? 0 : spec.variants.indexOf(spec.sweep.baseline);
  return i < 0 ? 0 : i;
}

/** Design point p's [key, value] pairs, values as the sweep file or the design gives them ({"$unset": true} kept). */
export function pointValues(spec: Pick<SweepSpec, 'sweep' | 'design'>, p: number): [string, unknown][] {
  if (spec.design === null) return gridPoint(spec.sweep, p);
  const row = spec.design.rows[p]!;
  return spec.design.keys.map((k, j) => [k, row[j]]);
}

/** True when run r belongs to the shard (by run, or for an adaptive sweep by its point). */
export function inShard(spec: Pick<SweepSpec, 'grid'>, shard: Shard | null, r: number): boolean {
  if (shard === null) return true;
  return (isAdaptive(spec) ? runPoint(spec, r) : r) % shard.count === shard.index;
}

/** The runs of a shard (all runs without one), ascending. */
export function shardRuns(total: number, shard: Shard | null): { length: number; at(i: number): number } {
  if (!shard) return { length: total, at: (i) => i };
  const length = shard.index < total ? Math.ceil((total - shard.index) / shard.count) : 0;
  return { length, at: (i) => shard.index + i * shard.count };
}

/** The task of run r: its design point's values, then its seed and the sweep's ticks. */
export function taskOf(spec: Pick<SweepSpec, 'grid' | 'sweep' | 'design'>, r: number): SweepTask {
  const seed = runSeed(spec, r);
  const values = pointValues(spec, runPoint(spec, r));
  const sets: [string, unknown][] = [...values];
  sets.push(['seed', seed]);
  if (spec.sweep.ticks !== undefined) sets.push(['ticks', spec.sweep.ticks]);
  return { run: r, seed, sets, fields: values.map(([, v]) => fmt(v)), every: spec.sweep.every ?? null, everyMode: spec.sweep.everyMode ?? 'sample' };
}

/**
 * The modules of a sweep: the command line's, and with --allow-modules those its
 * scenario names (read here, before the plan, because validating the scenario
 * needs them). A sweep file too broken to name its scenario gets the command
 * line's only; loadPlan then says what is wrong with it.
 */
export async function sweepModules(file: string, values: ModuleValues): Promise<LoadedModules> {
  let scenario: { input: unknown; baseDir: string; label: string } | undefined;
  try {
    const path = resolve(file);
    const input = readJsonFile(path, file);
    if (isObject(input) && typeof input.scenario === 'string') {
      const source = loadScenarioSource(input.scenario, dirname(path));
      scenario = { input: source.input, baseDir: source.baseDir, label: `${file}: scenario ${input.scenario}` };
    }
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
  }
  return commandModules(values, scenario);
}
