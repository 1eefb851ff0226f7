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
import { itemKey } from '../engine/item-keys.ts';

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
  /** 1 when an alive person believes a false item now (BELIEVER of a seeded false item), else 0. */
  misinformed: Uint8Array;
  /** 1 when a person leads at least one attempt now (`leading` > 0; 0 without situations). */
  leading: Uint8Array;
  /** Changes whenever the ties or the people change (the page redraws ties only then). */
  topologyKey: string;
}

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
  topology(): Topology;
  person(v: number): PersonInfo | null;
  /** Keeps a snapshot of the current tick in the worker (for the page's timeline). */
  checkpoint(): void;
  /** Restores the latest kept snapshot at or before `tick` (the page then steps on); null if none. */
  rewind(tick: number): { tick: number; hash: string } | null;
  /** Drops kept snapshots after `tick` (a new live shock changes the future). */
  forgetAfter(tick: number): void;
}

/** The simulation behind a host made by createHost (the page's host wraps it: workers/page-host.ts). */
const simulations = new WeakMap<Host, () => Simulation | null>();
export function hostSimulation(host: Host): Simulation | null {
  return simulations.get(host)?.() ?? null;
}

/** A host with no simulation yet. */
export function createHost(): Host {
  let sim: Simulation | null = null;
  // Timeline snapshots: plumbing for the page's scrubbing, kept in tick order.
  let kept: SimulationSnapshot[] = [];
  const need = (): Simulation => {
    if (!sim) throw new Error('no simulation: call create(scenario, seed) first');
    return sim;
  };
  const host: Host = {
    create(scenario, seed, data) {
      sim = createSimulation(scenario, seed ?? scenario.seed, { data });
      kept = [];
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
      for (let k = 0; state.has(itemKey(k).state); k++) {
        const st = state.u8(itemKey(k).state);
        for (let v = 0; v < n; v++) if (st[v] !== 0 && st[v] !== 4 /* GONE */) informed[v] = 1;
      }
      const outbox = state.i32('outbox'), from = state.i32('msg.from'), to = state.i32('msg.to'), kind = state.u8('msg.kind');
      const len = state.scalars['outbox.length']!;
      const messages = new Int32Array(3 * len);
      for (let i = 0; i < len; i++) {
        const slot = outbox[i]!;
        messages[3 * i] = from[slot]!; messages[3 * i + 1] = to[slot]!; messages[3 * i + 2] = kind[slot]!;
      }
      const misinformed = new Uint8Array(n);
      const items = need().items;
      for (let k = 0; k < items.length; k++) {
        if (items[k]!.truth || !state.scalars[itemKey(k).seeded] || !state.has(itemKey(k).belief)) continue;
        const belief = state.u8(itemKey(k).belief);
        for (let v = 0; v < n; v++) if (belief[v] === 1 /* BELIEVER */) misinformed[v] = 1;
      }
      const alive = state.u8('alive').slice(0, n);
      for (let v = 0; v < n; v++) if (!alive[v]) misinformed[v] = 0;
      const leading = new Uint8Array(n);
      if (state.has('leading')) {
        const l = state.i32('leading');
        for (let v = 0; v < n; v++) leading[v] = l[v]! > 0 ? 1 : 0;
      }
      // Succession rewires the formal tree: fold the managers into the key (cheap, O(n)).
      const parent = state.i32('formal.parent');
      let formal = 0;
      for (let v = 0; v < n; v++) formal = (Math.imul(formal, 31) + parent[v]! + 1) | 0;
      const topologyKey = `${n}:${state.scalars['aliveCount']}:${state.i32('informal.targets').length}:${state.scalars['informal.complete']}:${formal}`;
      const frame: Frame = { tick, n, alive, informed, queue: state.i32('inbox.count').slice(0, n), messages, misinformed, leading, topologyKey };
      return Comlink.transfer(frame, [alive.buffer, informed.buffer, frame.queue.buffer, messages.buffer, misinformed.buffer, leading.buffer]);
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
      return { tick: sim!.tick, hash: sim!.hash() };
    },
    forgetAfter(tick) { kept = kept.filter((k) => k.tick <= tick); },
    replayBundle: (scenarioInput, options) => makeReplayBundle(scenarioInput, need(), options),
  };
  simulations.set(host, () => sim);
  return host;
}
