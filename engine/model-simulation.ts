// createModelSimulation(module, scenario, seed): the runner of a whole model (a
// classic of organization science declared as a `ModelModule`). It gives the model
// the engine's core — the state record (handles), named streams whose words are
// state, per-tick series and a summary with the state hash — and exposes the same
// surface as `Simulation` where it makes sense: step(k), snapshot/restore, hash,
// series, summary. A run is a function of (module, scenario, seed), however its
// steps are chunked.
import type { ModelContext, ModelModule } from './modules/types.ts';
import type { Scenario } from './scenario/schema.ts';
import { Rng, seedWords } from './rng.ts';
import { State, type StateSnapshot } from './state.ts';
import { stateArray, stateNumber, type ArrayHandle } from './state-handles.ts';
import { createSeries, copySeries, type SeriesStore } from './metrics.ts';
import { ScenarioError } from './simulation/assemble.ts';

/**
 * The part of a scenario a whole model reads: `ticks`, `seed`, `simulation` (the
 * model's name) and the model's own parameters under the key of its name.
 */
export interface ModelScenario {
  ticks: number;
  seed?: number;
  simulation?: string;
  [key: string]: unknown;
}

/** Everything needed to continue a model run exactly. */
export interface ModelSnapshot {
  model: string;
  tick: number;
  state: StateSnapshot;
  series: SeriesStore;
  /** The module streams in slot order (their words are in the state). */
  streams: string[];
}

/** A model run's summary: metric name → value, and the state hash (as `run --json`). */
export interface ModelSummary {
  metrics: Record<string, number | null>;
  hash: string;
}

export interface ModelSimulation {
  readonly module: ModelModule;
  readonly scenario: ModelScenario;
  readonly seed: number;
  /** The model's parameters, parsed by its zod object (defaults filled in). */
  readonly params: Record<string, unknown>;
  /** Ticks done so far (the next tick to run). */
  readonly tick: number;
  /** Runs k ticks. `step(10)` equals ten `step(1)`. */
  step(k?: number): void;
  snapshot(): ModelSnapshot;
  restore(s: ModelSnapshot): void;
  /** A hex hash over the whole state (the model's arrays, numbers and stream words). */
  hash(): string;
  /** The per-tick series recorded so far. */
  series(): SeriesStore;
  summary(): ModelSummary;
  /** The state record (read it; don't write it). */
  readonly state: State;
}

const TICK = stateNumber('tick');

/** The state array holding a model's stream words, 4 per stream (`rng.module.<model>`). */
export function streamWordsHandle(model: string): ArrayHandle<Uint32Array> {
  return stateArray.u32(`rng.module.${model}`);
}

/**
 * Parses a model's parameters (the scenario key of its name) with its zod object.
 * A bad value is a ScenarioError naming the field and what it takes.
 */
export function parseModelParams(module: ModelModule, scenario: ModelScenario): Record<string, unknown> {
  const parsed = module.modelParams.safeParse(scenario[module.name] ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${[module.name, ...i.path].join('.')}: ${i.message}`);
    throw new ScenarioError(lines.join('\n'));
  }
  return parsed.data as Record<string, unknown>;
}

/** Builds a run of whole model `module` for `scenario` from master seed `seed`. */
export function createModelSimulation(module: ModelModule, scenario: ModelScenario, seed: number = scenario.seed ?? 1): ModelSimulation {
  if (scenario.simulation !== undefined && scenario.simulation !== module.name) {
    throw new ScenarioError(`simulation: the scenario names "${scenario.simulation}", but this run is of the model "${module.name}"`);
  }
  const params = parseModelParams(module, scenario);
  const state = new State();
  const wordsHandle = streamWordsHandle(module.name);
  let streamNames: string[] = [];
  // Rng objects over the current words array: rebound to it when it grows (a module may
  // hold one while it adds another stream: its draws must land in the state), rebuilt
  // when a snapshot is restored.
  let rngs = new Map<string, Rng>();

  function stream(name: string): Rng {
    const known = rngs.get(name);
    if (known !== undefined) return known;
    let slot = streamNames.indexOf(name);
    let words = state.hasArray(wordsHandle) ? state.get(wordsHandle) : new Uint32Array(0);
    if (slot < 0) {
      slot = streamNames.length;
      streamNames.push(name);
      const grown = new Uint32Array(words.length + 4);
      grown.set(words);
      seedWords(seed, `/module/${module.name}/${name}`, grown, slot * 4);
      words = state.put(wordsHandle, grown);
      for (const r of rngs.values()) r.words = words;
    }
    const rng = new Rng(words, slot * 4);
    rngs.set(name, rng);
    return rng;
  }

  const ctx: ModelContext = {
    // Models read only their own key; the scenario schema gains `simulation` and each
    // model's key from the modules' `modelParams` (CONTRACT.md "Which simulation").
    scenario: scenario as unknown as Scenario,
    seed,
    state,
    params,
    stream,
    tick: 0,
  };

  const perTick = module.metrics.filter((m) => m.per === 'tick').map((m) => m.name);
  let series = createSeries(perTick, scenario.ticks);
  state.setNum(TICK, 0);
  module.setup(ctx);

  function runTick(t: number): void {
    ctx.tick = t;
    module.step(ctx, t);
    module.record(ctx, series, t);
    series.length = t + 1;
    state.setNum(TICK, t + 1);
  }

  return {
    module,
    scenario,
    seed,
    params,
    get tick() { return state.num(TICK); },
    get state() { return state; },
    step(k = 1) {
      for (let i = 0; i < k; i++) runTick(state.num(TICK));
    },
    snapshot(): ModelSnapshot {
      return { model: module.name, tick: state.num(TICK), state: state.snapshot(), series: copySeries(series), streams: [...streamNames] };
    },
    restore(snap: ModelSnapshot) {
      if (snap.model !== module.name) throw new ScenarioError(`snapshot of the model "${snap.model}" cannot restore a run of "${module.name}"`);
      state.restore(snap.state);
      streamNames = [...snap.streams];
      rngs = new Map();
      series = copySeries(snap.series);
      ctx.tick = snap.tick;
    },
    hash() {
      return state.hash();
    },
    series() {
      return series;
    },
    summary(): ModelSummary {
      const metrics: Record<string, number | null> = {};
      module.summarize(ctx, series, metrics);
      return { metrics, hash: state.hash() };
    },
  };
}
