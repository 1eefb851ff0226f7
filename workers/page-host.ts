// The page's simulation host: the plain host (host.ts) plus what the page needs to
// show a run as it happens, all by reading the simulation, never by changing the model:
// - `applyDue()` runs the shocks due at the current tick at once (the engine's
//   `applyShocksOfNextTick`, as `graph --at` uses it), so a shock is drawn the moment
//   it is pressed, even paused. The next step continues that tick without repeating
//   them: the run is the same (test/page-host.test.ts). Hashes and replay bundles
//   keep the tick's end hash, and a snapshot kept then is the tick's end, before its
//   live shocks (the page queues them again when it rewinds there).
// - `situation(k)` / `trace(k)`: one situation's record and its messages in flight
//   (follow a situation), `involving(v)`: the situations a person is part of now.
// - `group(name)`: the people a lesson step highlights (the leader, the hubs, …).
import * as Comlink from 'comlink';
import { makeReplayBundle } from '../engine/replay.ts';
import type { SimulationSnapshot } from '../engine/simulation.ts';
import type { ShockSpec } from '../engine/shocks.ts';
import { SIT } from '../engine/situations.ts';
import { SIT_ARRIVAL, SIT_COUNT, SIT_DEADLINE, SIT_DOMAIN, SIT_LEADER, SIT_ORIGIN, SIT_RESOLUTION, SIT_RESOLVER, SIT_STATUS } from '../engine/situation-state.ts';
import { MSG_A, MSG_FROM, MSG_KIND, MSG_TO, OUTBOX, OUTBOX_LENGTH } from '../engine/messages.ts';
import { FORMAL_PARENT, FORMAL_ROOT, INFORMAL_COMPLETE, INFORMAL_OFFSETS } from '../engine/organization-state.ts';
import { ALIVE } from '../engine/people-state.ts';
import { STEWARD_IDS } from '../engine/protocols/steward/state.ts';
import { CS_MSG } from '../engine/protocols/client-server/routing.ts';
import { P2P_MSG } from '../engine/protocols/p2p/messages.ts';
import { createHost, hostSimulation, type Frame, type Host } from './host.ts';
import { pageRegistry } from './page-modules.ts';

/** What a protocol message does, in words (the follow mode's caption: "#17 reports it to #4"). */
const VERBS: Record<number, string> = {
  [CS_MSG.REPORT]: 'reports it to',
  [CS_MSG.ORDER]: 'passes the order to',
  [CS_MSG.OUTCOME]: 'reports the outcome to',
  [P2P_MSG.CALL]: 'calls',
  [P2P_MSG.CLAIM]: 'says “I lead it” to',
  [P2P_MSG.RECRUIT]: 'recruits',
  [P2P_MSG.OUTCOME]: 'shares the outcome with',
};

/** One situation as the page's follow mode tells it. */
export interface SituationInfo {
  index: number;
  arrival: number;
  origin: number;
  domain: number;
  deadline: number;
  status: 'open' | 'resolved' | 'missed';
  /** Who leads it now (−1: nobody yet). */
  leader: number;
  /** Who resolved it (−1: not resolved). */
  resolver: number;
  /** Tick it was resolved (−1: not yet). */
  resolution: number;
}

/** The people a lesson step can point at (`highlight` in a lesson step). */
export type GroupName = 'leader' | 'hubs' | 'managers' | 'stewards' | 'believers';

export interface PageHost extends Host {
  applyDue(): void;
  situation(k: number): SituationInfo | null;
  /** Messages about situation k in flight now, packed [from, to, kind, …], with each kind's verb. */
  trace(k: number): { messages: Int32Array; verbs: Record<number, string> };
  /** Situations person v is part of now: arrived at them and open, or led by them (newest first). */
  involving(v: number): number[];
  /** Situations that have arrived so far. */
  situationCount(): number;
  group(name: GroupName): Int32Array;
}

function emptyFrame(tick: number): Frame {
  const none = () => new Uint8Array(0);
  return { tick, n: 0, alive: none(), informed: none(), queue: new Int32Array(0), messages: new Int32Array(0), misinformed: none(), leading: none(), topologyKey: 'no people' };
}

export function createPageHost(): PageHost {
  // The page's modules: the built-ins and any baked into this build (viz/page-modules.ts).
  const base = createHost(pageRegistry());
  const sim = () => {
    const s = hostSimulation(base);
    if (!s) throw new Error('no simulation: call create(scenario, seed) first');
    return s;
  };
  // This tick's end, kept once something happens at it (a live shock, or its shocks
  // run ahead): the live shocks queued since, and whether the shocks already ran.
  let start: SimulationSnapshot | null = null;
  let tickHash: string | null = null;
  let live: ShockSpec[] = [];
  let ran = false;
  const settled = () => { start = null; tickHash = null; live = []; ran = false; };
  const keepStart = () => {
    if (start) return;
    const s = sim();
    tickHash = s.hash();
    start = s.snapshot();
  };
  const runAhead = () => { sim().applyShocksOfNextTick(); ran = true; };
  /** The state when the run has situations (a way of working that handles them), else null. */
  const sits = () => {
    const st = sim().state;
    return st.hasArray(SIT_STATUS) ? st : null;
  };
  return {
    ...base,
    create(scenario, seed, data, options) { settled(); return base.create(scenario, seed, data, options); },
    step(k = 1) { settled(); return base.step(k); },
    restore(snap) { settled(); return base.restore(snap); },
    rewind(tick) { settled(); return base.rewind(tick); },
    hash: () => tickHash ?? base.hash(),
    // A whole model (a classic: the garbage can, Radner, …) has no people to draw: an empty frame and no ties.
    frame: () => (sim().n === 0 ? emptyFrame(sim().tick) : base.frame()),
    topology: () => (sim().n === 0 ? { n: 0, offsets: new Int32Array(1), targets: new Int32Array(0), complete: false, formalParent: new Int32Array(0), formalRoot: -1 } : base.topology()),
    applyDue() {
      if (ran) return; // already run for this tick
      keepStart();
      runAhead();
    },
    shock(spec) {
      keepStart();
      if (!ran) { base.shock(spec); live.push(spec); return; }
      // This tick's shocks already ran ahead: back to the tick's end, queue them all
      // with this one, and run them again (so it is applied in this tick, not lost).
      const s = sim();
      s.restore(start!);
      try {
        for (const l of live) base.shock(l);
        base.shock(spec);
        live.push(spec);
      } finally { runAhead(); }
    },
    checkpoint() {
      if (!start) { base.checkpoint(); return; }
      // Keep the tick's end, before its live shocks (the page queues those again after a rewind).
      const s = sim(), now = s.snapshot();
      s.restore(start);
      base.checkpoint();
      s.restore(now);
    },
    replayBundle(scenarioInput, options) {
      const s = sim();
      return makeReplayBundle(scenarioInput, { seed: s.seed, tick: s.tick, eventLog: s.eventLog, hash: () => tickHash ?? s.hash() }, options);
    },
    situation(k) {
      const st = sits();
      if (!st || !Number.isInteger(k) || k < 0 || k >= st.num(SIT_COUNT)) return null;
      const status = st.get(SIT_STATUS)[k]!;
      return {
        index: k,
        arrival: st.get(SIT_ARRIVAL)[k]!,
        origin: st.get(SIT_ORIGIN)[k]!,
        domain: st.get(SIT_DOMAIN)[k]!,
        deadline: st.get(SIT_DEADLINE)[k]!,
        status: status === SIT.RESOLVED ? 'resolved' : status === SIT.MISSED ? 'missed' : 'open',
        leader: st.get(SIT_LEADER)[k]!,
        resolver: st.get(SIT_RESOLVER)[k]!,
        resolution: st.get(SIT_RESOLUTION)[k]!,
      };
    },
    trace(k) {
      const st = sim().state;
      const outbox = st.get(OUTBOX), from = st.get(MSG_FROM), to = st.get(MSG_TO), kind = st.get(MSG_KIND), a = st.get(MSG_A);
      const len = st.num(OUTBOX_LENGTH);
      const out: number[] = [];
      // Kinds from 16 up are the protocols'; their first payload word is the situation.
      for (let i = 0; i < len; i++) {
        const slot = outbox[i]!;
        if (kind[slot]! >= 16 && a[slot] === k) out.push(from[slot]!, to[slot]!, kind[slot]!);
      }
      const packed = Int32Array.from(out);
      return Comlink.transfer({ messages: packed, verbs: VERBS }, [packed.buffer]);
    },
    involving(v) {
      const st = sits();
      if (!st) return [];
      const count = st.num(SIT_COUNT), origin = st.get(SIT_ORIGIN), leader = st.get(SIT_LEADER), status = st.get(SIT_STATUS);
      const out: number[] = [];
      for (let k = count - 1; k >= 0 && out.length < 20; k--) {
        if (status[k] === SIT.OPEN && (origin[k] === v || leader[k] === v)) out.push(k);
      }
      return out;
    },
    situationCount: () => sits()?.num(SIT_COUNT) ?? 0,
    group(name) {
      const s = sim(), st = s.state, n = s.n, alive = st.get(ALIVE);
      const ids: number[] = [];
      const degree = () => {
        const deg = new Float64Array(n);
        if (st.num(INFORMAL_COMPLETE) === 1) return deg.fill(n - 1);
        const off = st.get(INFORMAL_OFFSETS);
        for (let v = 0; v < n; v++) deg[v] = off[v + 1]! - off[v]!;
        return deg;
      };
      const top = (score: Float64Array, count: number) => {
        const order = Array.from({ length: n }, (_, v) => v).filter((v) => alive[v]).sort((x, y) => score[y]! - score[x]! || x - y);
        return order.slice(0, count);
      };
      if (name === 'leader') {
        const root = st.num(FORMAL_ROOT);
        if (root >= 0 && alive[root]) ids.push(root);
        else if (root < 0) ids.push(...top(degree(), 1));
      } else if (name === 'hubs') {
        ids.push(...top(degree(), Math.max(1, Math.round(0.05 * n))));
      } else if (name === 'managers') {
        const parent = st.get(FORMAL_PARENT), has = new Uint8Array(n);
        for (let v = 0; v < n; v++) if (alive[v] && parent[v]! >= 0) has[parent[v]!] = 1;
        for (let v = 0; v < n; v++) if (has[v] && alive[v]) ids.push(v);
      } else if (name === 'stewards') {
        if (st.hasArray(STEWARD_IDS)) for (const v of st.get(STEWARD_IDS)) if (alive[v]) ids.push(v);
      } else if (name === 'believers') {
        const f = base.frame();
        for (let v = 0; v < n; v++) if (f.misinformed[v]) ids.push(v);
      }
      const packed = Int32Array.from(ids);
      return Comlink.transfer(packed, [packed.buffer]);
    },
  };
}
