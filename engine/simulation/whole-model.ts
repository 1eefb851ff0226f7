// A whole model (a classic, `simulation: "<model>"`) behind the same surface as
// the organization model's runs, so `run`, sweeps, replays and the page's worker
// host take either: its state, series, hash and summary are the model's; it has
// no people to shock, no informal layer and no items of news.
import { completeGraph } from '../graph/csr.ts';
import { createModelSimulation, type ModelSnapshot } from '../model-simulation.ts';
import type { Registry } from '../modules/registry.ts';
import type { Scenario } from '../scenario/schema.ts';
import { ShockError } from '../shocks.ts';
import type { Simulation, SimulationSnapshot } from '../simulation.ts';
import { ScenarioError } from './assemble.ts';
import { checkRecorded, stopped } from '../run-control.ts';

/** A run of the whole model the scenario names. */
export function wholeModelSimulation(scenario: Scenario, seed: number, registry: Registry): Simulation {
  const module = registry.models.get(scenario.simulation);
  if (module === undefined) {
    throw new ScenarioError(`simulation: "${scenario.simulation}" is not a model of this engine (models: ${[...registry.models.keys()].join(', ') || 'none'})`);
  }
  const run = createModelSimulation(module, scenario as never, seed);
  const stop = scenario.stop ?? null;
  checkRecorded(scenario as never, run.series().names);
  const empty = completeGraph(0);
  return {
    scenario,
    seed,
    get tick() { return run.tick; },
    get n() { return 0; },
    eventLog: [],
    get state() { return run.state; },
    labels: [],
    items: [],
    get stopped() { return stopped(stop, run.series()); },
    step(k = 1) {
      if (stop === null) run.step(k);
      else for (let i = 0; i < k && !stopped(stop, run.series()); i++) run.step(1);
    },
    applyShocksOfNextTick() {},
    shock() {
      throw new ShockError(`a whole model ("${module.name}") has no people to shock; shocks belong to the organization model`);
    },
    // The organization's fields of a snapshot are empty; the model's own ride along.
    snapshot(): SimulationSnapshot {
      const s = run.snapshot();
      return { tick: s.tick, n: 0, state: s.state, series: s.series, items: [], labels: [], eventLog: [], applied: [], model: s } as SimulationSnapshot;
    },
    restore(snap: SimulationSnapshot) {
      run.restore((snap as SimulationSnapshot & { model: ModelSnapshot }).model);
    },
    hash: () => run.hash(),
    series: () => run.series(),
    summary: () => ({ ...run.summary(), items: {}, shocks: [] }),
    informal: () => empty,
    situationRecords: () => [],
  };
}
