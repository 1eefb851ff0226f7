// Sweep files (CONTRACT.md, "Sweep files"): a scenario, a parameter grid of
// dotted paths → lists of values, and how many seeds per grid point.
//
// Run r is grid point floor(r / seeds) with seed baseSeed + (r mod seeds); the
// grid's keys vary in file order, the last fastest. Grid values are applied like
// `--set` (after each variant's own `set`), then `ticks`.
import { z } from 'zod';
import { MAX_SEED, MAX_TICKS } from './schema.ts';
import { FORBIDDEN_SEGMENTS, protoKeys, validateWith } from './validate.ts';

/** Runs (grid points × seeds) a sweep may ask for. */
export const MAX_SWEEP_RUNS = 10_000_000;

/** Grid keys that have their own sweep setting. */
const RESERVED: Record<string, string> = {
  seed: 'use "seeds" (runs per point) and "baseSeed" instead of a grid over "seed"',
  ticks: 'use the sweep\'s "ticks" instead of a grid over "ticks"',
  variants: 'variants are run in every sweep run; a grid cannot change them',
};

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
    seeds: z.int().min(1).max(1_000_000).default(1).describe('runs per grid point, seeds baseSeed … baseSeed + seeds − 1'),
    ticks: z.int().min(1).max(MAX_TICKS).optional().describe('overrides the scenario\'s ticks'),
    every: z.int().min(1).max(MAX_TICKS).optional().describe('record the series every k ticks (series.csv)'),
    baseSeed: z.int().min(0).max(MAX_SEED).optional().describe('first seed; default the scenario\'s seed'),
  })
  .superRefine((s, ctx) => {
    let points = 1;
    for (const [key, values] of Object.entries(s.grid)) {
      points *= values.length;
      const first = key.split('.')[0]!;
      const bad = key.split('.').find((seg) => FORBIDDEN_SEGMENTS.has(seg) || seg === '');
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['grid', key], message: bad === '' ? 'a grid path has an empty segment; separate keys with single dots' : `the path segment "${bad}" is not allowed`, input: s });
      } else if (Object.hasOwn(RESERVED, first)) {
        ctx.addIssue({ code: 'custom', path: ['grid', key], message: RESERVED[first]!, input: s });
      }
    }
    if (points * s.seeds > MAX_SWEEP_RUNS) {
      ctx.addIssue({
        code: 'custom',
        path: ['seeds'],
        message: `${points.toLocaleString('en-US')} grid points × ${s.seeds} seeds = ${(points * s.seeds).toLocaleString('en-US')} runs, over the limit of ${MAX_SWEEP_RUNS.toLocaleString('en-US')} runs; use fewer values or seeds`,
        input: s,
      });
    }
    if (s.baseSeed !== undefined && s.baseSeed + s.seeds - 1 > MAX_SEED) {
      ctx.addIssue({ code: 'custom', path: ['baseSeed'], message: `baseSeed + seeds − 1 must be <= ${MAX_SEED}, got ${s.baseSeed + s.seeds - 1}; lower baseSeed`, input: s });
    }
  });

/** A sweep file as written. */
export type SweepInput = z.input<typeof sweepSchema>;
/** A validated sweep file, defaults filled (`grid` {}, `seeds` 1). */
export type Sweep = z.output<typeof sweepSchema>;

/** Validates a sweep file's JSON (not its scenario or grid paths: see `cli/validate.ts`). */
export function validateSweep(input: unknown): { ok: true; sweep: Sweep } | { ok: false; errors: string[] } {
  const r = validateWith(sweepSchema, input);
  const refused = protoKeys(input, ['grid']);
  if (refused.length > 0) return { ok: false, errors: [...refused, ...(r.ok ? [] : r.errors)] };
  return r.ok ? { ok: true, sweep: r.value } : r;
}

/** The number of grid points (the product of the value lists' lengths; 1 for an empty grid). */
export function gridPoints(sweep: Pick<Sweep, 'grid'>): number {
  return Object.values(sweep.grid).reduce((p, v) => p * v.length, 1);
}

/** The overrides of grid point `i` (keys in file order, the last varying fastest). */
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
