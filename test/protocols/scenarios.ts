// Test scenarios as a base plus overrides: `merge` deep-merges plain objects
// (an object of another `kind` — a layer, a skill distribution — replaces the
// base's instead), `scenarioFrom` validates the result, `runFrom` runs it.
import { createSimulation, type Simulation } from '../../engine/simulation.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';

export type Json = Record<string, unknown>;

export function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = base[k];
    const objects = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b);
    const sameKind = objects && ((v as Json)['kind'] === undefined || (v as Json)['kind'] === (b as Json)['kind']);
    out[k] = objects && sameKind ? merge(b as Json, v as Json) : v;
  }
  return out;
}

/** The base with the overrides, validated (throws with every problem). */
export function scenarioFrom(base: Json, over: Json = {}): Scenario {
  const r = validateScenario(merge(base, over));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

/** The base with the overrides, run for `ticks` (default: the scenario's own). */
export function runFrom(base: Json, over: Json = {}, ticks?: number): Simulation {
  const sc = scenarioFrom(base, over);
  const sim = createSimulation(sc);
  sim.step(ticks ?? sc.ticks);
  return sim;
}
