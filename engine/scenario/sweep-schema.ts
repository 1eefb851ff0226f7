// Sweep files (CONTRACT.md, "Sweep files" and "v2 additions"): a scenario, a
// design — a parameter grid of dotted paths → lists of values, or a Latin
// hypercube, Sobol' (Saltelli) or Morris design over ranges — and how many seeds
// per design point (fixed, or adaptive with `replicate`).
//
// Run r is design point floor(r / stride) with seed baseSeed + (r mod stride),
// stride = seeds (or replicate.maxSeeds); the grid's keys vary in file order, the
// last fastest. Design values are applied like `--set` (after each variant's own
// `set`), then `ticks`. A grid value {"$unset": true} removes the key instead.
import { z } from 'zod';
import { MAX_SEED, MAX_TICKS } from './schema.ts';
import { reportersSchema, stopSchema } from './run-control-schema.ts';
import { FORBIDDEN_SEGMENTS, protoKeys, validateWith } from './validate.ts';

/** Runs (design points × seeds, or × maxSeeds) a sweep may ask for. */
export const MAX_SWEEP_RUNS = 10_000_000;
/** Parameters of a Sobol' design (its sequence has 2k dimensions; stats/ holds 128). */
export const MAX_SOBOL_PARAMETERS = 64;

/** Grid keys that have their own sweep setting. */
const RESERVED: Record<string, string> = {
  seed: 'use "seeds" (runs per point) and "baseSeed" instead of a grid over "seed"',
  ticks: 'use the sweep\'s "ticks" instead of a grid over "ticks"',
  variants: 'variants are run in every sweep run; a grid cannot change them',
};

const range = z
  .union([z.tuple([z.number(), z.number()]), z.tuple([z.number(), z.number(), z.literal('int')])])
  .describe('[lo, hi] or [lo, hi, "int"] (integers lo … hi, each equally likely)');

const design = z
  .strictObject({
    kind: z.enum(['grid', 'lhs', 'sobol', 'morris']).describe('"grid" (the `grid` key), "lhs", "sobol" (Saltelli) or "morris"'),
    points: z.int().min(1).max(1_000_000).optional().describe('lhs: points; sobol: base samples N (a power of 2); morris: trajectories'),
    ranges: z.record(z.string(), range).optional().describe('dotted path → [lo, hi] or [lo, hi, "int"], in file order'),
    levels: z.int().min(2).max(1000).optional().describe('morris: grid levels p (even; default 4)'),
  })
  .describe('a sampling design over parameter ranges');

const replicate = z
  .strictObject({
    metric: z.string().min(1).max(200).describe('the runs.csv column whose 95 % interval decides'),
    halfWidth: z.number().positive().describe('target half-width of the paired-difference 95 % interval, in the metric\'s units'),
    maxSeeds: z.int().min(1).max(1_000_000).describe('the most seeds a point gets'),
  })
  .describe('adaptive replication: add `seeds` seeds per round until every variant\'s interval is tight');

export const sweepSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().max(200).optional(),
    description: z.string().max(10_000).optional(),
    scenario: z.string().min(1).max(4096).describe('a scenario file (relative to this file) or a built-in name'),
    grid: z
      .record(z.string(), z.array(z.unknown()).min(1).max(100_000))
      .default({})
      .describe('dotted path → values; keys vary in file order, the last fastest'),
    design: design.optional(),
    seeds: z.int().min(1).max(1_000_000).default(1).describe('runs per design point (with replicate: per round), seeds baseSeed … baseSeed + seeds − 1'),
    replicate: replicate.optional(),
    baseline: z.string().min(1).max(200).optional().describe('the variant paired differences are taken from (default the first)'),
    ticks: z.int().min(1).max(MAX_TICKS).optional().describe('overrides the scenario\'s ticks'),
    every: z.int().min(1).max(MAX_TICKS).optional().describe('record the series every k ticks (series.csv)'),
    everyMode: z.enum(['sample', 'mean']).optional().describe('"sample" (default): the value at every k-th tick; "mean": the mean over each k ticks'),
    stop: stopSchema.nullable().optional().describe('set as the scenario\'s `stop` in every run (null: none, whatever the scenario says)'),
    reporters: reportersSchema.optional().describe('added to the scenario\'s reporters (a name the scenario has is replaced): columns of runs.csv, summarized like the metrics'),
    people: z.boolean().optional().describe('write people.csv: each person and domain at the end of each run (also `sweep --people`)'),
    baseSeed: z.int().min(0).max(MAX_SEED).optional().describe('first seed; default the scenario\'s seed'),
    formats: z.array(z.enum(['csv', 'parquet'])).min(1).max(2).optional().describe('["csv"] (default), ["parquet"] or both'),
  })
  .superRefine((s, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message, input: s });
    const keyProblem = (where: PropertyKey[], key: string) => {
      const first = key.split('.')[0]!;
      const bad = key.split('.').find((seg) => FORBIDDEN_SEGMENTS.has(seg) || seg === '');
      if (bad !== undefined) issue(where, bad === '' ? 'a path has an empty segment; separate keys with single dots' : `the path segment "${bad}" is not allowed`);
      else if (Object.hasOwn(RESERVED, first)) issue(where, RESERVED[first]!);
    };
    for (const [key, values] of Object.entries(s.grid)) {
      keyProblem(['grid', key], key);
      values.forEach((v, i) => {
        if (isUnset(v) === null) issue(['grid', key, i], 'a grid value {"$unset": …} removes the key: write exactly {"$unset": true}');
      });
    }
    const d = s.design;
    const kind = d?.kind ?? 'grid';
    if (d !== undefined) {
      if (kind === 'grid') {
        for (const k of ['points', 'ranges', 'levels'] as const) if (d[k] !== undefined) issue(['design', k], `a grid design takes its values from "grid"; remove design.${k} (or choose kind "lhs", "sobol" or "morris")`);
      } else {
        if (Object.keys(s.grid).length > 0) issue(['grid'], `a sweep has one design: remove "grid" or the ${kind} design (put alternatives that are not numbers in the scenario's variants)`);
        if (d.points === undefined) issue(['design', 'points'], kind === 'sobol' ? 'required: the base samples N, a power of 2 (e.g. 64)' : kind === 'morris' ? 'required: the number of trajectories r (e.g. 10)' : 'required: the number of points (e.g. 64)');
        const ranges = Object.entries(d.ranges ?? {});
        if (ranges.length === 0) issue(['design', 'ranges'], 'required: at least one "dotted.path": [lo, hi]');
        for (const [key, r] of ranges) {
          keyProblem(['design', 'ranges', key], key);
          const [lo, hi] = r;
          if (!(lo < hi)) issue(['design', 'ranges', key], `expected lo < hi, got [${lo}, ${hi}]`);
          if (r[2] === 'int' && !(Number.isSafeInteger(lo) && Number.isSafeInteger(hi))) issue(['design', 'ranges', key], `an "int" range has integer ends, got [${lo}, ${hi}]`);
        }
        if (kind === 'sobol') {
          if (d.points !== undefined && (d.points & (d.points - 1)) !== 0) issue(['design', 'points'], `a Sobol' design's N is a power of 2, got ${d.points}; use ${2 ** Math.round(Math.log2(d.points))}`);
          if (ranges.length > MAX_SOBOL_PARAMETERS) issue(['design', 'ranges'], `a Sobol' design has at most ${MAX_SOBOL_PARAMETERS} parameters, got ${ranges.length}`);
        }
        if (kind === 'morris' && d.levels !== undefined && d.levels % 2 !== 0) issue(['design', 'levels'], `Morris levels are even (so every step is ±p/(2(p−1))), got ${d.levels}; use ${d.levels + 1}`);
        if (kind !== 'morris' && d.levels !== undefined) issue(['design', 'levels'], 'only a Morris design has levels; remove it');
      }
    }
    const points = designPoints(s);
    const stride = s.replicate?.maxSeeds ?? s.seeds;
    if (s.replicate !== undefined && s.replicate.maxSeeds < s.seeds) issue(['replicate', 'maxSeeds'], `expected at least "seeds" (${s.seeds}), the first round, got ${s.replicate.maxSeeds}`);
    if (Number.isFinite(points) && points * stride > MAX_SWEEP_RUNS) {
      issue([s.replicate ? 'replicate' : 'seeds'], `${points.toLocaleString('en-US')} design points × ${stride} ${s.replicate ? 'maxSeeds' : 'seeds'} = ${(points * stride).toLocaleString('en-US')} runs, over the limit of ${MAX_SWEEP_RUNS.toLocaleString('en-US')} runs; use fewer points or seeds`);
    }
    if (s.baseSeed !== undefined && s.baseSeed + stride - 1 > MAX_SEED) {
      issue(['baseSeed'], `baseSeed + ${s.replicate ? 'maxSeeds' : 'seeds'} − 1 must be <= ${MAX_SEED}, got ${s.baseSeed + stride - 1}; lower baseSeed`);
    }
    if (s.everyMode !== undefined && s.every === undefined) issue(['everyMode'], 'applies to the series: add "every" (e.g. "every": 10) or remove everyMode');
    if (s.formats !== undefined && new Set(s.formats).size !== s.formats.length) issue(['formats'], 'each format once: ["csv"], ["parquet"] or ["csv", "parquet"]');
  });

/** A sweep file as written. */
export type SweepInput = z.input<typeof sweepSchema>;
/** A validated sweep file, defaults filled (`grid` {}, `seeds` 1). */
export type Sweep = z.output<typeof sweepSchema>;
/** A design range as written. */
export type DesignRange = z.output<typeof range>;

/** Validates a sweep file's JSON (not its scenario or design paths: see `cli/sweep/check.ts`). */
export function validateSweep(input: unknown): { ok: true; sweep: Sweep } | { ok: false; errors: string[] } {
  const r = validateWith(sweepSchema, input);
  const refused = [...protoKeys(input, ['grid']), ...protoKeys(input, ['design', 'ranges'])];
  if (refused.length > 0) return { ok: false, errors: [...refused, ...(r.ok ? [] : r.errors)] };
  return r.ok ? { ok: true, sweep: r.value } : r;
}

/** The design's kind: "grid" unless `design` names another. */
export const designKind = (sweep: Pick<Sweep, 'design'>): 'grid' | 'lhs' | 'sobol' | 'morris' => sweep.design?.kind ?? 'grid';

/** The design's parameter keys, in file order (the grid's keys or the ranges'). */
export function designKeys(sweep: Pick<Sweep, 'grid' | 'design'>): string[] {
  return designKind(sweep) === 'grid' ? Object.keys(sweep.grid) : Object.keys(sweep.design?.ranges ?? {});
}

/** How many design points: the grid's product, lhs points, sobol N·(k+2), morris r·(k+1). */
export function designPoints(sweep: Pick<Sweep, 'grid' | 'design'>): number {
  const d = sweep.design;
  const k = Object.keys(d?.ranges ?? {}).length;
  switch (designKind(sweep)) {
    case 'grid':
      return gridPoints(sweep);
    case 'lhs':
      return d!.points ?? NaN;
    case 'sobol':
      return (d!.points ?? NaN) * (k + 2);
    case 'morris':
      return (d!.points ?? NaN) * (k + 1);
  }
}

/** The number of grid points (the product of the value lists' lengths; 1 for an empty grid). */
export function gridPoints(sweep: Pick<Sweep, 'grid'>): number {
  return Object.values(sweep.grid).reduce((p, v) => p * v.length, 1);
}

/** The overrides of grid point `i` (keys in file order, the last varying fastest), values as written. */
export function gridPoint(sweep: Pick<Sweep, 'grid'>, i: number): [string, unknown][] {
  const entries = Object.entries(sweep.grid);
  const out: [string, unknown][] = new Array(entries.length);
  for (let k = entries.length - 1; k >= 0; k--) {
    const [key, values] = entries[k]!;
    out[k] = [key, values[i % values.length]];
    i = Math.floor(i / values.length);
  }
  return out;
}

/**
 * The overrides that carry the sweep's run controls into every run, after the
 * design's values: its \`stop\` (replacing the scenario's) and each of its reporters.
 */
export function runControlSets(sweep: Pick<Sweep, 'stop' | 'reporters'>): [string, unknown][] {
  const sets: [string, unknown][] = [];
  if (sweep.stop !== undefined) sets.push(['stop', sweep.stop]);
  for (const [name, r] of Object.entries(sweep.reporters ?? {})) sets.push([`reporters.${name}`, r]);
  return sets;
}

/** True for {"$unset": true}; null for another object with a "$unset" key (a mistake); false otherwise. */
export function isUnset(value: unknown): boolean | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, '$unset')) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (value as { $unset: unknown }).$unset === true ? true : null;
}

/**
 * The overrides as `expandVariants` applies them: a {"$unset": true} value
 * becomes undefined, which removes the key (the scenario's default applies).
 */
export function resolveUnset(sets: ReadonlyArray<readonly [string, unknown]>): [string, unknown][] {
  return sets.map(([path, value]) => [path, isUnset(value) === true ? undefined : value]);
}
