// A whole model's run is a function of (module, scenario, seed): equal across
// runs, across chunkings of its steps, and across a snapshot restored into a
// fresh run — for every classic, with its streams' words in the state.
import { describe, expect, it } from 'vitest';
import { createModelSimulation, type ModelScenario } from '../../engine/model-simulation.ts';
import { modelModules, findModel } from '../../engine/models/index.ts';
import { API_VERSION, type ModelModule } from '../../engine/modules/types.ts';
import { stateArray } from '../../engine/state-handles.ts';
import { Rng, seedWords } from '../../engine/rng.ts';
import { BELIEFS } from '../../engine/models/march/state.ts';
import { z } from 'zod';

// Small but whole: every phase of each model runs (NK on N = 12 to keep CI cheap).
const SCENARIOS: Record<string, ModelScenario> = {
  'nk-search': { ticks: 30, 'nk-search': { N: 12, K: 3, agents: 40, network: { kind: 'small-world', k: 4, p: 0.2 } } },
  march: { ticks: 30, march: { p1: 0.3, p2: 0.5, p3: 0.02, p4: 0.01, fastLearners: 10 } },
  'garbage-can': { ticks: 20, 'garbage-can': { load: 'heavy', access: 'hierarchical', choiceEntry: 'random', problemEntry: 'random' } },
  radner: { ticks: 30, radner: { items: 200, processors: 13 } },
};
const SEED = 424242;

describe.each(modelModules.map((m) => m.name))('model %s', (name) => {
  const module = findModel(name)!;
  const scenario = SCENARIOS[name]!;
  const full = createModelSimulation(module, scenario, SEED);
  full.step(scenario.ticks);

  it('gives the same state hash, series and summary in a second run', () => {
    const again = createModelSimulation(module, scenario, SEED);
    again.step(scenario.ticks);
    expect(again.hash()).toBe(full.hash());
    expect(again.summary()).toEqual(full.summary());
    for (const k of full.series().names) expect(Array.from(again.series().values[k]!.subarray(0, scenario.ticks))).toEqual(Array.from(full.series().values[k]!.subarray(0, scenario.ticks)));
  });

  it('gives the same result however its steps are chunked', () => {
    const chunked = createModelSimulation(module, scenario, SEED);
    chunked.step(1);
    chunked.step(6);
    for (let t = chunked.tick; t < scenario.ticks; t += 5) chunked.step(Math.min(5, scenario.ticks - t));
    expect(chunked.tick).toBe(scenario.ticks);
    expect(chunked.hash()).toBe(full.hash());
    expect(chunked.summary()).toEqual(full.summary());
  });

  it('continues a snapshot restored into a fresh run exactly', () => {
    const first = createModelSimulation(module, scenario, SEED);
    first.step(7);
    const snap = first.snapshot();
    const fresh = createModelSimulation(module, scenario, SEED + 1); // another seed: restore must replace everything
    fresh.restore(snap);
    expect(fresh.hash()).toBe(first.hash());
    fresh.step(scenario.ticks - 7);
    expect(fresh.hash()).toBe(full.hash());
    expect(fresh.summary()).toEqual(full.summary());
    first.restore(snap); // the snapshot stays reusable
    first.step(scenario.ticks - 7);
    expect(first.hash()).toBe(full.hash());
  });

  it('keeps its stream words in the state, so another seed changes the hash', () => {
    const other = createModelSimulation(module, scenario, SEED + 1);
    other.step(scenario.ticks);
    const drawsNothing = name === 'radner';
    if (drawsNothing) expect(other.hash()).toBe(full.hash());
    else {
      expect(full.state.arrays[`rng.module.${name}`]).toBeInstanceOf(Uint32Array);
      expect(other.hash()).not.toBe(full.hash());
    }
  });
});

describe('model runner', () => {
  it('refuses parameters outside a model\'s declared range, naming the field', () => {
    expect(() => createModelSimulation(findModel('march')!, { ticks: 5, march: { p1: 1.5 } }, 1)).toThrow(/march\.p1/);
    expect(() => createModelSimulation(findModel('radner')!, { ticks: 5, radner: { items: 4, processors: 9 } }, 1)).toThrow(/radner\.processors/);
  });

  it('refuses a scenario that names another model', () => {
    expect(() => createModelSimulation(findModel('radner')!, { ticks: 5, simulation: 'march' }, 1)).toThrow(/simulation/);
  });

  it('lists each classic once, with declared metrics and defaults that parse', () => {
    const names = modelModules.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const m of modelModules) {
      expect(m.kind).toBe('model');
      expect(m.metrics.length).toBeGreaterThan(0);
      expect(() => m.modelParams.parse({})).not.toThrow();
    }
  });
});

describe('a model\'s streams', () => {
  // A stream taken before another is added kept drawing into a stale copy of the
  // stream words until December 2026, so the state's stream later replayed those
  // draws (March's newcomers got the first individuals' initial beliefs).
  const DRAWS = stateArray.f64('test.draws');
  const early: ModelModule = {
    kind: 'model', name: 'early-stream', apiVersion: API_VERSION, description: 'draws from a stream taken before another is added',
    modelParams: z.object({}), metrics: [],
    setup(ctx) {
      const a = ctx.stream('a');
      ctx.stream('b'); // grows the model's stream words
      ctx.state.put(DRAWS, new Float64Array(2))[0] = a.float();
    },
    step(ctx) { ctx.state.get(DRAWS)[1] = ctx.stream('a').float(); },
    record() {},
    summarize() {},
  };

  it('an Rng taken before another stream is added keeps drawing from its stream: the next draw continues, it does not replay', () => {
    const sim = createModelSimulation(early, { ticks: 1 }, 7);
    sim.step(1);
    const fresh = new Uint32Array(4);
    seedWords(7, '/module/early-stream/a', fresh, 0);
    const rng = new Rng(fresh, 0);
    expect(Array.from(sim.state.get(DRAWS))).toEqual([rng.float(), rng.float()]);
  });

  it('March\'s newcomers (turnover) draw fresh beliefs, not the first individuals\' initial ones again', () => {
    const march = findModel('march')!, p = { n: 50, m: 30, p3: 0.2 };
    const sim = createModelSimulation(march, { ticks: 1, march: p }, 11);
    const initial = Array.from(sim.state.get(BELIEFS));
    sim.step(1);
    const now = sim.state.get(BELIEFS);
    // Individual 0's initial beliefs: before the fix the first newcomer got exactly these.
    const replayed = Array.from({ length: p.n }, (_, i) => i).filter((i) => i > 0 && now.subarray(i * p.m, (i + 1) * p.m).every((b, d) => b === initial[d]));
    expect(replayed).toEqual([]);
  });
});
