// Paired comparisons of a scenario's variants over seeds (common random
// numbers: each seed gives every variant the same people and situations), the
// machinery behind each built-in scenario's claims. Runs are cached by
// (scenario, variation, seed) so several claims share them.
import { createSimulation, type Simulation, type Summary } from '../simulation.ts';
import { expandVariants } from '../scenario/overrides.ts';
import { pairedDifference, type Interval } from '../stats.ts';
import type { Scenario } from '../scenario/schema.ts';

/** One finished variant run, and the simulation for claims that look inside it. */
export interface VariantResult {
  summary: Summary;
  sim: Simulation;
}

const cache = new Map<string, Record<string, VariantResult>>();

/** Runs every variant of `input` (with `variation` applied) at `seed`; cached. */
export function runVariants(name: string, input: unknown, variation: Record<string, unknown>, seed: number): Record<string, VariantResult> {
  const key = `${name}|${JSON.stringify(variation)}|${seed}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const sets: [string, unknown][] = [...Object.entries(variation), ['seed', seed]];
  const out: Record<string, VariantResult> = {};
  for (const v of expandVariants(input, sets)) {
    if (!v.ok) throw new Error(`${name}: variant "${v.label}" is invalid: ${v.errors.join('; ')}`);
    const scenario: Scenario = v.scenario;
    const sim = createSimulation(scenario, scenario.seed);
    sim.step(scenario.ticks);
    out[v.label] = { summary: sim.summary(), sim };
  }
  // Keep the cache small: simulations hold their state arrays.
  if (cache.size > 400) cache.clear();
  cache.set(key, out);
  return out;
}

/** Forgets cached runs (tests that measure memory, or a changed scenario). */
export function clearRuns(): void {
  cache.clear();
}

/** A number read from one variant's run (a summary metric, or something computed from the state). */
export type Measure = (r: VariantResult) => number | null;

/** The summary metric `name` as a measure. */
export const metric = (name: string): Measure => (r) => r.summary.metrics[name] ?? null;

/** Paired difference measure(b) − measure(a) over `seeds` seeds from `baseSeed`. */
export function compare(
  name: string,
  input: unknown,
  variation: Record<string, unknown>,
  seeds: number,
  baseSeed: number,
  a: string,
  b: string,
  measure: Measure,
): Interval & { values: { a: number[]; b: number[] } } {
  const xa: number[] = [], xb: number[] = [];
  for (let s = 0; s < seeds; s++) {
    const runs = runVariants(name, input, variation, baseSeed + s);
    if (!runs[a] || !runs[b]) throw new Error(`${name}: no variant "${!runs[a] ? a : b}" (variants: ${Object.keys(runs).join(', ')})`);
    xa.push(measure(runs[a]!) ?? NaN);
    xb.push(measure(runs[b]!) ?? NaN);
  }
  return { ...pairedDifference(xa, xb), values: { a: xa, b: xb } };
}
