// The simulation host both workers expose through comlink (STYLE.md §4): it holds
// one simulation and speaks in calls (create, step, shock, frame, snapshot, …).
// No model logic here: every answer is the engine's; this file only packs frames
// and marks buffers for transfer. It also runs on the main thread unchanged.
import * as Comlink from 'comlink';
import { createSimulation, type Simulation, type SimulationSnapshot, type Summary } from '../engine/simulation.ts';
import { makeReplayBundle, type ReplayBundle, type ReplayOptions } from '../engine/replay.ts';
import type { ShockSpec } from '../engine/shocks.ts';
import type { SeriesStore } from '../engine/metrics.ts';
import type { Scenario } from '../engine/scenario/schema.ts';

/** What the page draws for one tick; every array is a fresh copy, transferred. */
export interface Frame {
  /** Ticks done. */
  tick: number;
  /** People ever created (the length of the per-person arrays). */
  n: number;
  alive: Uint8Array;
  /** 1 when an alive person has heard any item (state ACTIVE, QUIET or NEW), else 0. */
  informed: Uint8Array;
  /** Messages waiting in each person's inbox. */
  queue: Int32Array;
  /** Messages in flight (sent, delivered next tick), packed as [from, to, kind, …]. */
  messages: Int32Array;
}

export interface Host {
  /** Builds the simulation of a validated scenario (replacing any previous one). */
  create(scenario: Scenario, seed?: number, data?: Record<string, string>): { tick: number; n: number; hash: string };
  step(k?: number): { tick: number; hash: string };
  /** Queues a live shock for the next tick (written to the event log). */
  shock(spec: ShockSpec): void;
  snapshot(): SimulationSnapshot;
  restore(snap: SimulationSnapshot): { tick: number; hash: string };
  hash(): string;
  summary(): Summary;
  series(): SeriesStore;
  frame(): Frame;
  /** The replay bundle of the run so far (the page passes the scenario input it loaded). */
  replayBundle(scenarioInput: unknown, options?: ReplayOptions): ReplayBundle;
}

/** A host with no simulation yet. */
export function createHost(): Host {
  let sim: Simulation | null = null;
  const need = (): Simulation => {
    if (!sim) throw new Error('no simulation: call create(scenario, seed) first');
    return sim;
  };
  return {
    create(scenario, seed, data) {
      sim = createSimulation(scenario, seed ?? scenario.seed, { data });
      return { tick: sim.tick, n: sim.n, hash: sim.hash() };
    },
    step(k = 1) {
      need().step(k);
      return { tick: sim!.tick, hash: sim!.hash() };
    },
    shock(spec) { need().shock(spec); },
    snapshot() {
      const snap = need().snapshot();
      const buffers = [...Object.values(snap.state.arrays), ...Object.values(snap.series.values)].map((a) => a.buffer);
      return Comlink.transfer(snap, [...new Set(buffers)]);
    },
    restore(snap) {
      need().restore(snap);
      return { tick: sim!.tick, hash: sim!.hash() };
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
      const { state, n, tick } = need();
      const informed = new Uint8Array(n);
      for (let k = 0; state.has(`info.${k}.state`); k++) {
        const st = state.u8(`info.${k}.state`);
        for (let v = 0; v < n; v++) if (st[v] !== 0 && st[v] !== 4 /* GONE */) informed[v] = 1;
      }
      const outbox = state.i32('outbox'), from = state.i32('msg.from'), to = state.i32('msg.to'), kind = state.u8('msg.kind');
      const len = state.scalars['outbox.length']!;
      const messages = new Int32Array(3 * len);
      for (let i = 0; i < len; i++) {
        const slot = outbox[i]!;
        messages[3 * i] = from[slot]!; messages[3 * i + 1] = to[slot]!; messages[3 * i + 2] = kind[slot]!;
      }
      const frame: Frame = { tick, n, alive: state.u8('alive').slice(0, n), informed, queue: state.i32('inbox.count').slice(0, n), messages };
      return Comlink.transfer(frame, [frame.alive.buffer, informed.buffer, frame.queue.buffer, messages.buffer]);
    },
    replayBundle: (scenarioInput, options) => makeReplayBundle(scenarioInput, need(), options),
  };
}
