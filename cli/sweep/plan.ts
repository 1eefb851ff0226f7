// A sweep's plan: the sweep file and its scenario read and validated, the spec
// that identifies the sweep (what shards must share to be merged), and the run
// numbering of CONTRACT.md: run r is grid point floor(r / seeds) with seed
// baseSeed + (r mod seeds); `--shard i/N` takes the runs with r mod N = i.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { loadScenarioSource, packageRoot, readJsonFile, type ScenarioSource } from '../load-scenario.ts';
import { dataFileRefs } from '../../io/read-files.ts';
import { checkFile, scenarioProblems } from '../validate.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { gridPoint, gridPoints, validateSweep, type Sweep } from '../../engine/scenario/sweep-schema.ts';
import type { SweepTask } from '../../workers/sweep-task.ts';

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
  /** The grid: its keys in file order, points, seeds per point, first seed, runs. */
  grid: { keys: string[]; points: number; seeds: number; baseSeed: number; runs: number };
  /** The variants' labels, in file order (`default` when the scenario has none). */
  variants: string[];
}

/** A spec plus where its files are on this machine. */
export interface SweepPlan extends SweepSpec {
  /** The scenario file's directory (data paths start there). */
  baseDir: string;
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

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/**
 * Reads and validates a sweep file, its scenario, the grid paths and the grid
 * points (as `equipotent validate` does); throws a UserError listing every problem.
 */
export function loadPlan(file: string): SweepPlan {
  // A sweep file is a file (built-in names are scenarios): say so when it is missing.
  const path = resolve(file);
  if (!existsSync(path)) throw new UserError(`no sweep file "${file}" (${path}); give the path of a sweep file — examples in sweeps/ (see docs/research.md)`);
  const source = { input: readJsonFile(path, file), baseDir: dirname(path) };
  const input = source.input;
  const v = validateSweep(input);
  if (!v.ok) {
    const hint = isObject(input) && Object.hasOwn(input, 'organization') && !Object.hasOwn(input, 'scenario')
      ? '\n  (this looks like a scenario file; a sweep file names its scenario: {"scenario": "…", "grid": {…}, "seeds": …})'
      : '';
    throw new UserError(`${file} is not a valid sweep file:\n  ${v.errors.join('\n  ')}${hint}`);
  }
  const sweep = v.sweep;
  let problems: string[];
  if (isObject(input) && Object.hasOwn(input, 'grid')) {
    problems = checkFile(file);
  } else {
    // No grid: one point, the scenario itself (with the sweep's ticks).
    const scenario = loadScenarioSource(sweep.scenario, source.baseDir);
    const sets: [string, unknown][] = sweep.ticks !== undefined ? [['ticks', sweep.ticks]] : [];
    problems = scenarioProblems(scenario.input, scenario.baseDir, sets).map((p) => `${file}: scenario "${sweep.scenario}": ${p}`);
  }
  if (problems.length > 0) throw new UserError(`${file} is not a valid sweep:\n  ${problems.join('\n  ')}`);
  const scenario = loadScenarioSource(sweep.scenario, source.baseDir);
  return makePlan(sweep, scenario);
}

function makePlan(sweep: Sweep, scenario: ScenarioSource): SweepPlan {
  const variants = expandVariants(scenario.input);
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
  const points = gridPoints(sweep);
  const grid = { keys: Object.keys(sweep.grid), points, seeds: sweep.seeds, baseSeed, runs: points * sweep.seeds };
  const specHash = sha256(JSON.stringify({ version, sweep, scenario: scenario.input, data }));
  return { version, sweep, scenario: scenario.input, data, specHash, grid, variants: labels, baseDir: scenario.baseDir };
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

/** The grid point of run r. */
export const runPoint = (spec: Pick<SweepSpec, 'grid'>, r: number): number => Math.floor(r / spec.grid.seeds);

/** The seed of run r: baseSeed + (r mod seeds). */
export const runSeed = (spec: Pick<SweepSpec, 'grid'>, r: number): number => spec.grid.baseSeed + (r % spec.grid.seeds);

/** The runs of a shard (all runs without one), ascending. */
export function shardRuns(total: number, shard: Shard | null): { length: number; at(i: number): number } {
  if (!shard) return { length: total, at: (i) => i };
  const length = shard.index < total ? Math.ceil((total - shard.index) / shard.count) : 0;
  return { length, at: (i) => shard.index + i * shard.count };
}

/** The task of run r: its grid point's values, then its seed and the sweep's ticks. */
export function taskOf(spec: Pick<SweepSpec, 'grid' | 'sweep'>, r: number): SweepTask {
  const seed = runSeed(spec, r);
  const sets: [string, unknown][] = gridPoint(spec.sweep, runPoint(spec, r));
  sets.push(['seed', seed]);
  if (spec.sweep.ticks !== undefined) sets.push(['ticks', spec.sweep.ticks]);
  return { run: r, seed, sets, every: spec.sweep.every ?? null };
}
