// createSimulation(scenario, seed): a run of the organization model, assembled
// from modules (simulation/assemble.ts) and stepped through the phases of
// MODEL.md §1 (simulation/phases.ts). The engine never reads the clock, the DOM,
// files or an unseeded generator: a run is a function of (scenario, seed, event
// log), however its steps are chunked.
import type { Graph } from './graph/csr.ts';
import type { ItemSpec } from './information.ts';
import { copySeries, type SeriesStore } from './metrics.ts';
import { builtinRegistry, Registry } from './modules/registry.ts';
import { registryOf } from './modules/user-modules.ts';
import type { Module } from './modules/types.ts';
import type { ModuleFactory } from './modules/api.ts';
import { bindStreams } from './rng.ts';
import { RNG_WORDS, SHOCKS_DONE_FOR, TICK } from './run-state.ts';
import type { Scenario } from './scenario/schema.ts';
import type { ShockSpec } from './shocks.ts';
import { situationRecords } from './situation-metrics.ts';
import type { State, StateSnapshot } from './state.ts';
import { assemble, readInformal } from './simulation/assemble.ts';
import { runTick, shocksPhase, type AppliedShock, type LiveShock, type RunLog } from './simulation/phases.ts';
import { activeFamilies, createRunSeries, summarize, type Summary } from './simulation/results.ts';
import { wholeModelSimulation } from './simulation/whole-model.ts';
import { checkRecorded, stopped } from './run-control.ts';
import { attachSpreadKernel } from './wasm/spread-kernel.ts';

export { ScenarioError } from './simulation/assemble.ts';
export type { AppliedShock, LiveShock } from './simulation/phases.ts';
export type { Summary } from './simulation/results.ts';
export type { ItemSummary } from './metric-families/items.ts';

/** Everything needed to continue a run exactly: state, series, items, event log. */
export interface SimulationSnapshot {
  tick: number;
  n: number;
  state: StateSnapshot;
  series: SeriesStore;
  items: ItemSpec[];
  labels: string[];
  eventLog: LiveShock[];
  applied: AppliedShock[];
}

export interface SimulationOptions {
  /** Text of the data files a `file` layer names (path as written in the scenario → contents). */
  data?: Record<string, string>;
  /**
   * The modules to run with (default: the built-ins): a registry, or a list of a
   * user's modules (declarations, or module files' default exports) joined to the
   * built-ins. The scenario must have been validated with the same
   * (`validateScenario(input, registryOf(modules))`).
   */
  modules?: Registry | readonly (Module | ModuleFactory)[];
  /**
   * Run the textbook spreading loops in the WebAssembly kernel where WebAssembly is
   * available (default true). Results are identical either way; false runs the
   * TypeScript loops, the reference (`--no-wasm`).
   */
  wasm?: boolean;
}

export interface Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Ticks done so far (the next tick to run). */
  readonly tick: number;
  /** People ever created (alive or removed). */
  readonly n: number;
  /**
   * Runs k ticks, or fewer when the scenario's `stop` condition holds at a tick:
   * the run then ends there (later steps do nothing). `step(10)` equals ten `step(1)`.
   */
  step(k?: number): void;
  /** True once the scenario's `stop` condition has held (read from the series, so snapshots carry it). */
  readonly stopped: boolean;
  /**
   * Runs only the Shocks phase of the next tick (the `graph --at T` view: the ties
   * after tick T's shocks); the next `step` continues that tick without repeating it.
   */
  applyShocksOfNextTick(): void;
  /** Queues a shock for the next tick's Shocks phase and writes it to the event log. */
  shock(shock: ShockSpec): void;
  /** The live shocks so far, with their ticks. */
  readonly eventLog: readonly LiveShock[];
  snapshot(): SimulationSnapshot;
  restore(s: SimulationSnapshot): void;
  /** A hex hash over the whole state. */
  hash(): string;
  /** The per-tick series recorded so far. */
  series(): SeriesStore;
  /** The run's summary metrics at the current tick. */
  summary(): Summary;
  /** The informal layer now. */
  informal(): Graph;
  /** One record per situation so far (MODEL.md §8), for `run --events`. */
  situationRecords(): Record<string, string | number | null>[];
  /** The state record (read it; don't write it). */
  readonly state: State;
  /** Internal ids → the scenario's own ids. */
  readonly labels: readonly string[];
  /** Items of news (their ids, truth, spread). */
  readonly items: readonly ItemSpec[];
}

/** Builds a simulation of `scenario` (validated) from master seed `seed`. */
export function createSimulation(scenario: Scenario, seed: number = scenario.seed, options: SimulationOptions = {}): Simulation {
  const modules = options.modules === undefined ? builtinRegistry() : options.modules instanceof Registry ? options.modules : registryOf(options.modules);
  if (scenario.simulation !== 'organization') return wholeModelSimulation(scenario, seed, modules);
  const ctx = assemble(scenario, seed, modules, options.data ?? {});
  attachSpreadKernel(ctx, options.wasm !== false);
  const { state } = ctx;
  const families = activeFamilies(ctx);
  const log: RunLog = { series: createRunSeries(ctx, families, scenario.ticks), eventLog: [], families };
  checkRecorded(scenario, log.series.names);
  const stop = scenario.stop ?? null;

  return {
    scenario,
    seed,
    get tick() { return state.num(TICK); },
    get n() { return ctx.n; },
    get eventLog() { return log.eventLog; },
    get state() { return state; },
    get labels() { return ctx.labels; },
    get items() { return ctx.information.items; },
    get stopped() { return stopped(stop, log.series); },
    step(k = 1) {
      if (stop === null) for (let i = 0; i < k; i++) runTick(ctx, log, state.num(TICK));
      else for (let i = 0; i < k && !stopped(stop, log.series); i++) runTick(ctx, log, state.num(TICK));
    },
    applyShocksOfNextTick() {
      const t = state.num(TICK);
      if (state.num(SHOCKS_DONE_FOR) !== t) shocksPhase(ctx, log, t);
    },
    shock(shock: ShockSpec) {
      log.eventLog.push({ tick: state.num(TICK), shock: structuredClone(shock) });
    },
    snapshot(): SimulationSnapshot {
      return {
        tick: state.num(TICK),
        n: ctx.n,
        state: state.snapshot(),
        series: copySeries(log.series),
        items: structuredClone(ctx.information.items),
        labels: [...ctx.labels],
        eventLog: structuredClone(log.eventLog),
        applied: structuredClone(ctx.applied),
      };
    },
    restore(snap: SimulationSnapshot) {
      state.restore(snap.state);
      // Streams and views are rebuilt over the restored arrays.
      Object.assign(ctx.streams, bindStreams(state.get(RNG_WORDS)));
      ctx.n = snap.n;
      ctx.tick = snap.tick;
      ctx.labels = [...snap.labels];
      ctx.information.items = structuredClone(snap.items);
      log.series = copySeries(snap.series);
      log.eventLog = structuredClone(snap.eventLog);
      ctx.applied = structuredClone(snap.applied);
      ctx.informal = readInformal(state, ctx.n);
      ctx.cache = {};
      ctx.protocol.onTopologyChange(ctx);
    },
    hash: () => state.hash(),
    series: () => log.series,
    summary: () => summarize(ctx, families, log.series),
    informal: () => ctx.informal,
    situationRecords: () => (ctx.protocol.handlesSituations === true ? situationRecords(ctx) : []),
  };
}

