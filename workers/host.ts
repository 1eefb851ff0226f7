// The simulation host both workers expose through comlink (STYLE.md §4): it holds
// one simulation and speaks in calls (create, step, shock, frame, snapshot, …).
// No model logic here: every answer is the engine's (frames come from
// engine/frame.ts); this file only marks buffers for transfer. It also runs on
// the main thread unchanged.
import * as Comlink from 'comlink';
import { createSimulation, type Simulation, type SimulationSnapshot, type Summary } from '../engine/simulation.ts';
import { makeReplayBundle, type ReplayBundle, type ReplayOptions } from '../engine/replay.ts';
import type { ShockSpec } from '../engine/shocks.ts';
import type { SeriesStore } from '../engine/metrics.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import { buildFrame, frameBuffers, type Frame } from '../engine/frame.ts';
import { wasmAvailable } from '../engine/wasm/spread-kernel.ts';
import { liveShockProblems } from '../engine/scenario/live-shock.ts';
import type { Registry } from '../engine/modules/registry.ts';
import { UserInputError } from '../io/errors.ts';

export type { Frame } from '../engine/frame.ts';

/** The layers' ties for drawing (fetched when `Frame.topologyKey` changes). */
export interface Topology {
  n: number;
  /** CSR of the informal layer (empty when it is the implicit complete graph). */
  offsets: Int32Array;
  targets: Int32Array;
  complete: boolean;
  /** Formal manager of each person (−1: none); the root has −1. */
  formalParent: Int32Array;
  formalRoot: number;
}

/** One person as the page's tooltip shows them (read from the state record). */
export interface PersonInfo {
  id: string;
  alive: boolean;
  skills: number[];
  capacity: number;
  engagement: number;
  queue: number;
  loadTotal: number;
  leading: number;
  busy: number;
  formalLevel: number;
}

export interface Host {
  /**
   * Builds the simulation of a validated scenario (replacing any previous one).
   * `wasm: false` runs the spreading loops in TypeScript (same results); `wasm` in
   * the answer says whether the WebAssembly kernel is enabled and available here
   * (it runs the textbook model's spreading; capacity-limited runs never need it).
   */
  create(scenario: Scenario, seed?: number, data?: Record<string, string>, options?: { wasm?: boolean }): { tick: number; n: number; hash: string; wasm: boolean };
  /** `stopped`: the scenario's stop condition holds (further steps do nothing). */
  step(k?: number): { tick: number; hash: string; stopped: boolean };
  /**
   * Queues a live shock for the next tick (written to the event log), after
   * checking it by the same schema as a scenario's shocks and its ids against
   * the people there are now. A bad one is refused before it is queued: the
   * call throws a UserInputError (through comlink: an Error with name
   * "UserInputError" and a message of one `shock.<path>: <what>; <fix>` line
   * per problem), and nothing changes.
   */
  shock(spec: ShockSpec): void;
  /** The problems `shock(spec)` would refuse, as `shock.<path>: <what>; <fix>` lines; [] when it is fine. */
  checkShock(spec: unknown): string[];
  snapshot(): SimulationSnapshot;
  restore(snap: SimulationSnapshot): { tick: number; hash: string; stopped: boolean };
  hash(): string;
  summary(): Summary;
  series(): SeriesStore;
  frame(): Frame;
  /** The replay bundle of the run so far (the page passes the scenario input it loaded). */
  replayBundle(scenarioInput: unknown, options?: ReplayOptions): ReplayBundle;
  topology(): Topology;
  person(v: number): PersonInfo | null;
  /** Keeps a snapshot of the current tick in the worker (for the page's timeline). */
  checkpoint(): void;
  /** Restores the latest kept snapshot at or before `tick` (the page then steps on); null if none. */
  rewind(tick: number): { tick: number; hash: string; stopped: boolean } | null;
  /** Drops kept snapshots after `tick` (a new live shock changes the future). */
  forgetAfter(tick: number): void;
}

/** The simulation behind a host made by createHost (the page's host wraps it: workers/page-host.ts). */
const simulations = new WeakMap<Host, () => Simulation | null>();
export function hostSimulation(host: Host): Simulation | null {
  return simulations.get(host)?.() ?? null;
}

/** A host with no simulation yet; `modules` (default the built-ins) is the registry its simulations run with (the page's has its baked modules). */
export function createHost(modules?: Registry): Host {
  let sim: Simulation | null = null;
  // Timeline snapshots: plumbing for the page's scrubbing, kept in tick order.
  let kept: SimulationSnapshot[] = [];
  const need = (): Simulation => {
    if (!sim) throw new Error('no simulation: call create(scenario, seed) first');
    return sim;
  };
  const host: Host = {
    create(scenario, seed, data, options) {
      const wasm = options?.wasm !== false;
      sim = createSimulation(scenario, seed ?? scenario.seed, { data, wasm, ...(modules !== undefined ? { modules } : {}) });
      kept = [];
      return { tick: sim.tick, n: sim.n, hash: sim.hash(), wasm: wasm && wasmAvailable() };
    },
    step(k = 1) {
      need().step(k);
      return { tick: sim!.tick, hash: sim!.hash(), stopped: sim!.stopped };
    },
    shock(spec) {
      const s = need();
      const problems = liveShockProblems([spec], s.scenario, ['shock'], s.labels, modules);
      if (problems.length > 0) throw new UserInputError(problems.join('\n'), problems);
      s.shock(spec);
    },
    checkShock(spec) {
      const s = need();
      return liveShockProblems([spec], s.scenario, ['shock'], s.labels, modules);
    },
    snapshot() {
      const snap = need().snapshot();
      const buffers = [...Object.values(snap.state.arrays), ...Object.values(snap.series.values)].map((a) => a.buffer);
      return Comlink.transfer(snap, [...new Set(buffers)]);
    },
    restore(snap) {
      need().restore(snap);
      return { tick: sim!.tick, hash: sim!.hash(), stopped: sim!.stopped };
    },
    hash: () => need().hash(),
    summary: () => need().summary(),
    series() {
      const s = need().series();
      const values: Record<string, Float64Array> = {};
      for (const name of s.names) values[name] = s.values[name]!.slice(0, s.length);
      return Comlink.transfer({ names: [...s.names], values, length: s.length }, Object.values(values).map((a) => a.buffer));
    },
    frame() {
      const frame = buildFrame(need());
      return Comlink.transfer(frame, frameBuffers(frame));
    },
    topology() {
      const { state, n } = need();
      const complete = state.scalars['informal.complete'] === 1;
      const t: Topology = {
        n,
        offsets: complete ? new Int32Array(0) : state.i32('informal.offsets').slice(0, n + 1),
        targets: complete ? new Int32Array(0) : state.i32('informal.targets').slice(),
        complete,
        formalParent: state.i32('formal.parent').slice(0, n),
        formalRoot: state.scalars['formal.root']!,
      };
      return Comlink.transfer(t, [t.offsets.buffer, t.targets.buffer, t.formalParent.buffer]);
    },
    person(v) {
      const { state, n, labels, scenario } = need();
      if (!Number.isInteger(v) || v < 0 || v >= n) return null;
      const D = scenario.population.domains;
      const skill = state.f32('skill');
      const at = (name: string) => (state.has(name) ? Number(state.arrays[name]![v]) : 0);
      return {
        id: labels[v] ?? String(v),
        alive: state.u8('alive')[v] === 1,
        skills: Array.from(skill.subarray(v * D, v * D + D)),
        capacity: at('capacity'),
        engagement: at('engagement'),
        queue: at('inbox.count'),
        loadTotal: at('load.total'),
        leading: at('leading'),
        busy: at('busy'),
        formalLevel: at('formal.level'),
      };
    },
    checkpoint() {
      const s = need();
      // A kept snapshot of this tick is the same state (the page drops the future when it changes).
      if (kept.some((k) => k.tick === s.tick)) return;
      kept.push(s.snapshot());
      kept.sort((a, b) => a.tick - b.tick);
    },
    rewind(tick) {
      let best: SimulationSnapshot | null = null;
      for (const k of kept) if (k.tick <= tick) best = k;
      if (!best) return null;
      need().restore(best);
      return { tick: sim!.tick, hash: sim!.hash(), stopped: sim!.stopped };
    },
    forgetAfter(tick) { kept = kept.filter((k) => k.tick <= tick); },
    replayBundle: (scenarioInput, options) => makeReplayBundle(scenarioInput, need(), options),
  };
  simulations.set(host, () => sim);
  return host;
}
