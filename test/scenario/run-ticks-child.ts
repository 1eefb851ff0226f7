// Runs 3 ticks of each scenario in a JSON file, in a child process the fuzz test
// starts with a memory cap and a timeout, so a runaway engine cannot take the
// machine down with it. Prints one JSON line per scenario:
// {"i", "ok": true, "tick", "hash"} or {"i", "ok": false, "error"}.
import { readFileSync } from 'node:fs';
import { createSimulation } from '../../engine/simulation.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';

/** Builds the scenario with the engine and runs 3 ticks; returns the tick reached and the state hash. */
export function runTicksForFuzz(scenario: Scenario): { tick: number; hash: string } {
  const sim = createSimulation(scenario, scenario.seed, {});
  sim.step(3);
  return { tick: sim.tick, hash: sim.hash() };
}

const file = process.argv[2];
if (file !== undefined) {
  const scenarios = JSON.parse(readFileSync(file, 'utf8')) as Scenario[];
  scenarios.forEach((scenario, i) => {
    try {
      const { tick, hash } = runTicksForFuzz(scenario);
      process.stdout.write(`${JSON.stringify({ i, ok: true, tick, hash })}\n`);
    } catch (e) {
      process.stdout.write(`${JSON.stringify({ i, ok: false, error: `${(e as Error).name}: ${(e as Error).message}` })}\n`);
    }
  });
}
