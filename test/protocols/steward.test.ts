// The steward way of working (MODEL.md §5): peer-to-peer plus a few people who
// tend the network — they link origins of missed situations to proven experts,
// reconnect components split by removals or silos, and fact-check rumours. Each
// test switches its mechanism off (budget 0, plain p2p, factCheck 0) and checks
// that the claim then fails. (Determinism across snapshot/restore, for every way
// of working: test/snapshot-restore.test.ts.)
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../engine/simulation.ts';
import { merge, runFrom, scenarioFrom, type Json } from './scenarios.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { tiesOf } from '../../engine/graph/csr.ts';
import { betweenness, rankNodes } from '../../engine/graph/centrality.ts';
import { itemHandles } from '../../engine/item-keys.ts';
import { STEWARD_COUNT, STEWARD_IDS, WINS } from '../../engine/protocols/steward/state.ts';
import { MISSED_CUM, SIT_COUNT, SIT_DOMAIN, SIT_ORIGIN, SIT_STATUS } from '../../engine/situation-state.ts';

// v1's peer rules (MODEL.md §5): model 1; model 2's are checked in test/model-two/.
const BASE: Json = {
  model: 1,
  seed: 5,
  ticks: 200,
  organization: { size: 400, formal: { kind: 'hierarchy', span: 5 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
  environment: { rate: 1, deadline: 40 },
  protocol: { kind: 'steward' },
};

const scenario = (over: Json = {}): Scenario => scenarioFrom(BASE, over);
const run = (over: Json = {}, ticks?: number): Simulation => runFrom(BASE, over, ticks);

describe('steward: who the stewards are', () => {
  it('the top of the formal tree in breadth-first order, the highest betweenness when flat, or listed ids', () => {
    expect(Array.from(run({}, 1).state.get(STEWARD_IDS))).toEqual([0, 1, 2]);
    const flat = run({ organization: { formal: null }, protocol: { stewards: 4 } }, 1);
    const g = flat.informal();
    const alive = new Uint8Array(g.n).fill(1);
    expect(Array.from(flat.state.get(STEWARD_IDS))).toEqual(Array.from(rankNodes(betweenness(g, alive), alive, 4)));
    expect(Array.from(run({ protocol: { stewards: [17, 3] } }, 1).state.get(STEWARD_IDS))).toEqual([17, 3]);
  });
});

describe('steward: links to proven experts', () => {
  // Scarce skills and short deadlines: many situations are missed.
  const missing = {
    population: { skill: { kind: 'beta', a: 2, b: 5 } },
    environment: { rate: 2, deadline: 15 },
    protocol: { fanout: 2, ttl: 1, thresholdMin: 0.45, repair: 0 },
  };

  it('every period, within budget, stewards tie origins of missed situations to experts of that domain', () => {
    const sc = scenario(missing);
    const sim = createSimulation(sc);
    const initial = tiesOf(sim.informal());
    const tiesAt: number[] = [];
    for (let t = 0; t < sc.ticks; t++) {
      sim.step(1);
      tiesAt.push(sim.informal().targets.length / 2);
    }
    const s = sim.state;
    expect(s.num(MISSED_CUM)).toBeGreaterThan(20);
    const added = s.num(STEWARD_COUNT.expertTies);
    expect(added).toBeGreaterThan(5);
    expect(tiesAt[tiesAt.length - 1]! - initial.src.length).toBe(added);
    // New ties only at the start of a period, at most stewards × budget of them.
    for (let t = 1; t < tiesAt.length; t++) {
      const d = tiesAt[t]! - tiesAt[t - 1]!;
      if (t % 10 !== 0) expect(d).toBe(0);
      else expect(d).toBeLessThanOrEqual(3 * 2);
    }
    // Each new tie joins the origin of a missed situation to someone who resolved one in its domain.
    const g = sim.informal();
    const missedOrigins = new Map<number, Set<number>>();
    const count = s.num(SIT_COUNT);
    for (let i = 0; i < count; i++) {
      if (s.get(SIT_STATUS)[i] !== 2) continue;
      const o = s.get(SIT_ORIGIN)[i]!;
      if (!missedOrigins.has(o)) missedOrigins.set(o, new Set());
      missedOrigins.get(o)!.add(s.get(SIT_DOMAIN)[i]!);
    }
    const D = sc.population.domains;
    const wins = s.get(WINS);
    const before = new Set<string>();
    for (let e = 0; e < initial.src.length; e++) before.add(`${initial.src[e]}-${initial.dst[e]}`);
    const now = tiesOf(g);
    let checked = 0;
    for (let e = 0; e < now.src.length; e++) {
      const u = now.src[e]!, w = now.dst[e]!;
      if (before.has(`${u}-${w}`)) continue;
      const linked = (o: number, x: number) => [...(missedOrigins.get(o) ?? [])].some((d) => wins[x * D + d]! > 0);
      expect(linked(u, w) || linked(w, u)).toBe(true);
      checked++;
    }
    expect(checked).toBe(added);
  });

  it('with budget 0 no tie is ever added', () => {
    const sim = run(merge(missing, { protocol: { budget: 0 } }));
    const base = createSimulation(scenario(missing));
    expect(sim.state.num(STEWARD_COUNT.ties)).toBe(0);
    expect(sim.informal().targets.length).toBe(base.informal().targets.length);
  });
});

describe('steward: reconnecting a split network', () => {
  // The informal layer is the tree: removing its root (a steward) leaves its 4 subtrees apart.
  const tree = (kind: string, budget = 2) => ({
    ticks: 40,
    organization: { size: 400, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'same-as-formal' } },
    protocol: { kind, repair: 0, budget },
    shocks: [{ at: 12, kind: 'remove-nodes', target: 'top', count: 1 }],
  });

  it('after the hub is removed the remaining stewards bridge every stranded component at the next period', () => {
    const giant = run(tree('steward')).series().values['giantComponent']!;
    expect(giant[12]).toBeLessThan(0.5);
    expect(giant[19]).toBe(giant[12]);
    expect(giant[20]).toBeCloseTo(399 / 400, 10);
    // Without stewards (or with no budget), the network stays split.
    expect(run(tree('p2p')).series().values['giantComponent']![39]).toBe(giant[12]);
    expect(run(tree('steward', 0)).series().values['giantComponent']![39]).toBe(giant[12]);
  });

  it('a partition into silos is bridged by the stewards, not by plain peers', () => {
    const silos = (kind: string) => run({
      ticks: 40,
      protocol: { kind },
      shocks: [{ at: 5, kind: 'partition', groups: [Array.from({ length: 200 }, (_, i) => i), Array.from({ length: 200 }, (_, i) => 200 + i)] }],
    });
    const st = silos('steward');
    const g = st.series().values['giantComponent']!;
    expect(g[5]).toBe(0.5);
    expect(g[10]).toBe(1);
    expect(st.state.num(STEWARD_COUNT.bridgeTies)).toBe(1);
    const p2p = silos('p2p').series().values['giantComponent']!;
    expect(p2p[39]).toBe(0.5);
  });

  it('a budget too small for every component carries the rest over to the next periods', () => {
    // One steward left with budget 1: the 3 stranded subtrees are bridged one per period.
    const sim = createSimulation(scenario(merge(tree('steward', 1), { protocol: { stewards: [0, 1] } })));
    const bridges: number[] = [];
    for (let t = 0; t < 40; t++) {
      sim.step(1);
      bridges.push(sim.state.num(STEWARD_COUNT.bridgeTies));
    }
    expect(bridges[19]).toBe(0);
    expect(bridges[20]).toBe(1);
    expect(bridges[30]).toBe(2);
    expect(bridges[39]).toBe(2);
    // (the third at tick 40)
    sim.step(1);
    expect(sim.state.num(STEWARD_COUNT.bridgeTies)).toBe(3);
    expect(sim.series().values['giantComponent']![40]).toBeCloseTo(399 / 400, 10);
  });
});

describe('steward: fact-checking', () => {
  // A rumour seeded far from the stewards; nobody else ever detects it (verify 0); low
  // skills (beta(2, 5)) make most people who hear it believe it.
  const rumour = (factCheck: number) => ({
    ticks: 100,
    population: { skill: { kind: 'beta', a: 2, b: 5 } },
    environment: { rate: 0.2 },
    information: { verify: 0, acceptPeer: 0.9, items: [{ id: 'rumour', truth: false, at: 2, seeds: [300, 350, 399], spread: { mode: 'push', fanout: 2 } }] },
    protocol: { factCheck },
  });

  it('stewards verify a rumour they have heard and spread the correction; factCheck 0 turns it off', () => {
    const checked = run(rumour(1));
    const off = run(rumour(0));
    // With factCheck 1 each steward who has heard it checks it, once.
    const heard = [0, 1, 2].filter((v) => checked.state.get(itemHandles(0).state)[v] !== 0).length;
    expect(heard).toBeGreaterThan(0);
    expect(checked.state.num(STEWARD_COUNT.corrections)).toBe(heard);
    expect(off.state.num(STEWARD_COUNT.corrections)).toBe(0);
    const mis = (sim: Simulation) => sim.series().values['misinformed']!;
    const on = mis(checked), none = mis(off);
    expect(none[99]!).toBeGreaterThan(30);
    expect(on[99]!).toBeLessThan(0.5 * none[99]!);
  });
});
