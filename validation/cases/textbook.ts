// The helpers the textbook cases share: the scenario of one variant of a
// validation scenario, the seed loop, and running an item until it settles.
import { createSimulation, type Simulation } from '../../engine/simulation.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { INFO } from '../../engine/information.ts';
import { itemKey } from '../../engine/item-keys.ts';
import { validationScenarios, type ValidationScenarioName } from './scenarios.ts';

/** The scenario of one variant of a validation scenario, validated, defaults filled in. */
export function variantScenario(name: ValidationScenarioName, label: string): Scenario {
  const variant = expandVariants(validationScenarios[name]).find((v) => v.label === label);
  if (!variant) throw new Error(`validation scenario "${name}" has no variant "${label}"`);
  if (!variant.ok) throw new Error(`validation scenario "${name}", ${variant.errors.join('; ')}`);
  return variant.scenario;
}

/** The seeds of a case: the scenario's seed and the next ones, as a sweep's `baseSeed + s`. */
export function seedsOf(scenario: Scenario, count: number): number[] {
  return Array.from({ length: count }, (_, s) => scenario.seed + s);
}

/**
 * Steps until item k has settled — everyone alive informed, or nobody left
 * spreading (a stifled rumour has died) — or the scenario's ticks run out.
 */
export function runItem(sim: Simulation, k = 0): void {
  const ticks = sim.scenario.ticks;
  while (sim.tick < ticks) {
    sim.step(1);
    const s = sim.state.scalars;
    if (!s[itemKey(k).seeded]) continue; // not seeded yet (its tick `at` is still ahead)
    if (s[itemKey(k).informed]! >= s['aliveCount']!) return;
    const st = sim.state.u8(itemKey(k).state);
    // NEW people become ACTIVE at the end of the tick, so after a step only ACTIVE ones can still spread.
    if (st.indexOf(INFO.ACTIVE) === -1) return;
  }
}

/** A simulation of `scenario` from `seed`, run with `runItem`. */
export function runToSettled(scenario: Scenario, seed: number, k = 0): Simulation {
  const sim = createSimulation(scenario, seed);
  runItem(sim, k);
  return sim;
}
