// The peer-to-peer way of working (MODEL.md §5). Each test switches one
// mechanism off (or to its degenerate value) and checks that the claim it
// supports then fails: the falling threshold, re-calls, duplicates, teams,
// trust dynamics, repair after removals, robustness to losing the top, the
// message bill. (Determinism across snapshots, for every way of working:
// test/snapshot-restore.test.ts.)
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../engine/simulation.ts';
import { merge, runFrom, scenarioFrom, type Json } from './scenarios.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { arcIndex, buildGraph, hasTie, rebuildGraph } from '../../engine/graph/csr.ts';
import { insertTies } from '../../engine/protocols/p2p/ties.ts';
import { ContactDraw } from '../../engine/protocols/p2p/contacts.ts';
import { standaloneRng } from '../../engine/rng.ts';
import { ALIVE_COUNT, SKILL } from '../../engine/people-state.ts';
import { P2P_COUNT } from '../../engine/protocols/p2p/state.ts';
import { SIT_ARRIVAL, SIT_ATTEMPTS, SIT_COUNT, SIT_DEADLINE, SIT_DECISION, SIT_DOMAIN, SIT_FAILED, SIT_LEADER, SIT_MESSAGES } from '../../engine/situation-state.ts';

// v1's peer rules (MODEL.md §5): model 1; model 2's are checked in test/model-two/.
const BASE: Json = {
  model: 1,
  seed: 11,
  ticks: 200,
  organization: { size: 400, formal: { kind: 'hierarchy', span: 5 }, informal: { kind: 'small-world', k: 6, p: 0.1 } },
  environment: { rate: 1, deadline: 40 },
  protocol: { kind: 'p2p' },
};

const scenario = (over: Json = {}): Scenario => scenarioFrom(BASE, over);
const run = (over: Json = {}, ticks?: number): Simulation => runFrom(BASE, over, ticks);

/** Per situation with a leader: (arrival, decision, leader's skill in its domain). */
function leaders(sim: Simulation): { delay: number; skill: number; fraction: number }[] {
  const s = sim.state;
  const D = sim.scenario.population.domains;
  const count = s.num(SIT_COUNT);
  const out = [];
  for (let i = 0; i < count; i++) {
    const leader = s.get(SIT_LEADER)[i]!;
    if (leader < 0) continue;
    const arrival = s.get(SIT_ARRIVAL)[i]!;
    const delay = s.get(SIT_DECISION)[i]! - arrival;
    const skill = s.get(SKILL)[leader * D + s.get(SIT_DOMAIN)[i]!]!;
    out.push({ delay, skill, fraction: delay / (s.get(SIT_DEADLINE)[i]! - arrival) });
  }
  return out;
}

describe('p2p: who leads', () => {
  // Few people reach θ = 0.6 with beta(2, 5) skills and calls reach few people:
  // many situations find their leader only once θ_eff has fallen.
  const scarce = {
    population: { skill: { kind: 'beta', a: 2, b: 5 } },
    protocol: { fanout: 2, ttl: 1, recall: 3 },
  };

  it('θ_eff falls as the deadline nears: late leaders are less skilled than θ (none are when thresholdMin = θ)', () => {
    const falling = leaders(run(merge(scarce, { protocol: { threshold: 0.6, thresholdMin: 0.1 } })));
    const flat = leaders(run(merge(scarce, { protocol: { threshold: 0.6, thresholdMin: 0.6 } })));
    // Every leader reached θ_eff at the moment it stepped up (a tolerance for float32 skills).
    for (const l of falling) expect(l.skill).toBeGreaterThanOrEqual(0.6 - 0.5 * Math.min(1, l.fraction) - 1e-6);
    const below = falling.filter((l) => l.skill < 0.6);
    expect(below.length).toBeGreaterThan(10);
    // …and those less skilled leaders stepped up late.
    const meanDelay = (xs: { delay: number }[]) => xs.reduce((a, l) => a + l.delay, 0) / xs.length;
    expect(meanDelay(below)).toBeGreaterThan(meanDelay(falling.filter((l) => l.skill >= 0.6)) + 3);
    // With θ_eff held at θ nobody below θ ever leads, and fewer situations find a leader.
    expect(flat.filter((l) => l.skill < 0.6 - 1e-6)).toHaveLength(0);
    expect(falling.length).toBeGreaterThan(flat.length);
  });

  it('an origin re-calls exactly `recall` ticks after its last call until the deadline', () => {
    // One situation; nobody can reach θ = 1, calls are not forwarded: the only messages are the origin's calls.
    const ticksWithCalls = (recall: number) => {
      const sim = run({
        ticks: 60,
        environment: { rate: 0, deadline: 40, workTicks: 1 },
        protocol: { threshold: 1, thresholdMin: 1, fanout: 2, ttl: 0, recall },
        shocks: [{ at: 3, kind: 'surge', count: 1 }],
      });
      const m = sim.series().values['messages']!;
      const ticks: number[] = [];
      for (let t = 0; t < 60; t++) if (m[t]! > 0) { ticks.push(t); expect(m[t]).toBe(2); }
      return ticks;
    };
    // Arrival at 3, deadline 43: calls at 3, 3 + r, … while a call could still be answered in time.
    expect(ticksWithCalls(5)).toEqual([3, 8, 13, 18, 23, 28, 33, 38]);
    expect(ticksWithCalls(7)).toEqual([3, 10, 17, 24, 31, 38]);
  });

  it('re-calls find leaders later in the deadline: a short recall changes when leaders arrive', () => {
    // Difficulty 0: attempts (almost) never fail, so no leader comes from a re-call after a failure.
    const over = (recall: number) => merge(scarce, { environment: { difficulty: { min: 0, max: 0 } }, protocol: { recall, thresholdMin: 0.1 } });
    const short = leaders(run(over(3)));
    const none = leaders(run(over(1000)));
    // Without re-calls a leader is found within the call's reach (ttl + 1 hops) or never.
    const reach = 1 + 1;
    expect(none.every((l) => l.delay <= reach)).toBe(true);
    expect(short.filter((l) => l.delay > reach).length).toBeGreaterThan(10);
    expect(short.length).toBeGreaterThan(none.length);
  });
});

describe('p2p: the costs of peers', () => {
  it('duplicates occur with large fanout and ttl, and not with fanout 1 ttl 0', () => {
    const wide = run({ protocol: { fanout: 4, ttl: 4 } }, 120).summary().metrics;
    const narrow = run({ protocol: { fanout: 1, ttl: 0 } }, 120).summary().metrics;
    expect(wide['duplicates']).toBeGreaterThan(20);
    expect(narrow['duplicates']).toBe(0);
  });

  it('p2p spends more messages per situation than a one-hop baseline', () => {
    const p2p = run({}, 120).summary().metrics;
    const oneHop = run({ protocol: { fanout: 1, ttl: 0 } }, 120).summary().metrics;
    expect(p2p['messagesPerSituation']!).toBeGreaterThan(3 * oneHop['messagesPerSituation']!);
    expect(p2p['duplicates']!).toBeGreaterThan(oneHop['duplicates']!);
  });

  it('every p2p message is counted against its situation', () => {
    const sim = run({}, 100);
    const s = sim.state;
    let perSituation = 0;
    for (let i = 0; i < s.num(SIT_COUNT); i++) perSituation += s.get(SIT_MESSAGES)[i]!;
    expect(perSituation).toBe(sim.summary().metrics['messagesTotal']);
    expect(perSituation).toBeGreaterThan(0);
  });

  it('a person passes a call on at most once: a flood is bounded by the people, not by fanout^ttl', () => {
    // Ring of 60, nobody qualifies, TTL 12: without "seen" the call would make 2^12 copies.
    const sim = run({
      ticks: 20,
      organization: { size: 60, formal: null, informal: { kind: 'lattice', width: 60, height: 1, wrap: true } },
      environment: { rate: 0, deadline: 40 },
      protocol: { threshold: 1, thresholdMin: 1, fanout: 2, ttl: 12, recall: 1000 },
      shocks: [{ at: 0, kind: 'surge', count: 1 }],
    });
    const forwards = sim.state.num(P2P_COUNT.forwards);
    expect(forwards).toBeGreaterThan(0);
    expect(forwards).toBeLessThanOrEqual(2 * 60);
  });
});

describe('p2p: teams and trust', () => {
  it('teams raise the success rate and the quality of resolutions', () => {
    const over = (team: boolean) => ({ ticks: 250, environment: { rate: 2 }, protocol: { team } });
    const rate = (sim: Simulation) => {
      const s = sim.state;
      let attempts = 0, failed = 0;
      for (let i = 0; i < s.num(SIT_COUNT); i++) { attempts += s.get(SIT_ATTEMPTS)[i]!; failed += s.get(SIT_FAILED)[i]!; }
      return { failRate: failed / attempts, quality: sim.summary().metrics['qualityMean']! };
    };
    const withTeams = rate(run(over(true)));
    const alone = rate(run(over(false)));
    expect(withTeams.failRate).toBeLessThan(alone.failRate * 0.85);
    expect(withTeams.quality).toBeGreaterThan(alone.quality + 0.02);
  });

  it('trust rises on the ties of successes and falls on those of failures (both arcs alike)', () => {
    const tally = (gain: number, loss: number) => {
      const g = run({ ticks: 150, protocol: { team: true, trust: { gain, loss } } }).informal();
      let up = 0, down = 0;
      for (let u = 0; u < g.n; u++) {
        for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
          const v = g.targets[a]!;
          expect(g.trust[arcIndex(g, v, u)]).toBe(g.trust[a]);
          if (g.trust[a]! > 0.5) up++;
          if (g.trust[a]! < 0.5) down++;
          expect(g.trust[a]).toBeGreaterThanOrEqual(0);
          expect(g.trust[a]).toBeLessThanOrEqual(1);
        }
      }
      return { up, down };
    };
    const gainOnly = tally(0.1, 0);
    const lossOnly = tally(0, 0.2);
    const frozen = tally(0, 0);
    expect(gainOnly.up).toBeGreaterThan(50);
    expect(gainOnly.down).toBe(0);
    expect(lossOnly.down).toBeGreaterThan(20);
    expect(lossOnly.up).toBe(0);
    expect(frozen).toEqual({ up: 0, down: 0 });
  });

  it('calls go to neighbours drawn without replacement with probability ∝ trust of the tie', () => {
    // A star: node 0 with neighbours 1…4 at trust 0.6, 0.3, 0.1, 0 (and a dead-weight sender to exclude).
    const g = buildGraph(6, Int32Array.from([0, 0, 0, 0, 0]), Int32Array.from([1, 2, 3, 4, 5]), 5);
    const trusts = [0.6, 0.3, 0.1, 0, 0.9];
    for (let i = 0; i < 5; i++) { g.trust[arcIndex(g, 0, i + 1)] = trusts[i]!; g.trust[arcIndex(g, i + 1, 0)] = trusts[i]!; }
    const alive = new Uint8Array(6).fill(1);
    const rng = standaloneRng(3, 'draw');
    const draw = new ContactDraw();
    const once = [0, 0, 0, 0, 0, 0];
    const N = 20000;
    for (let r = 0; r < N; r++) {
      expect(draw.draw(g, alive, rng, 0, 5, 1)).toBe(1); // 5 is the sender: excluded
      once[draw.out[0]!]!++;
    }
    expect(once[1]! / N).toBeCloseTo(0.6, 1);
    expect(once[2]! / N).toBeCloseTo(0.3, 1);
    expect(once[3]! / N).toBeCloseTo(0.1, 1);
    expect(once[4]).toBe(0); // trust 0: never while anyone trusted is left
    expect(once[5]).toBe(0);
    // Three draws from four candidates: distinct, and the zero-trust tie only as the last resort.
    for (let r = 0; r < 200; r++) {
      expect(draw.draw(g, alive, rng, 0, 5, 3)).toBe(3);
      const got = Array.from(draw.out.subarray(0, 3)).sort();
      expect(got).toEqual([1, 2, 3]);
    }
    // Nobody left but untrusted ties: still someone is asked (uniformly).
    alive[1] = alive[2] = alive[3] = 0;
    expect(draw.draw(g, alive, rng, 0, 5, 1)).toBe(1);
    expect(draw.out[0]).toBe(4);
  });
});

describe('p2p: removals and repair', () => {
  // A tree as the informal layer: removing the root splits it into its span subtrees.
  const tree = (repair: number, repairDelay = 10) => ({
    ticks: 40,
    organization: { size: 600, formal: { kind: 'hierarchy', span: 12 }, informal: { kind: 'same-as-formal' } },
    protocol: { repair, repairDelay },
    shocks: [{ at: 5, kind: 'remove-nodes', target: 'top', count: 1 }],
  });

  function tiesPerTick(over: Json, ticks: number): { ties: number[]; sim: Simulation } {
    const sim = createSimulation(scenario(over));
    const ties: number[] = [];
    for (let t = 0; t < ticks; t++) {
      sim.step(1);
      ties.push(sim.informal().targets.length / 2);
    }
    return { ties, sim };
  }

  it('repair ties appear exactly repairDelay ticks after a hub is removed, about repair × degree of them', () => {
    const { ties, sim } = tiesPerTick(tree(0.5, 10), 40);
    const before = ties[0]!;
    for (let t = 0; t < 15; t++) expect(ties[t]).toBe(before);
    const added = ties[15]! - before;
    // The root had 12 reports; each ties to another with probability 0.5 (repeats merge).
    expect(added).toBeGreaterThanOrEqual(2);
    expect(added).toBeLessThanOrEqual(9);
    for (let t = 16; t < 40; t++) expect(ties[t]).toBe(ties[15]);
    expect(sim.state.num(P2P_COUNT.repairTies)).toBe(added);
  });

  it('repair ties scale with repair × degree on a hub of a scale-free layer', () => {
    const hub = (repair: number) => {
      const sc = scenario({
        ticks: 20,
        organization: { size: 2000, formal: null, informal: { kind: 'scale-free', m: 2 } },
        environment: { rate: 0 },
        protocol: { repair, repairDelay: 3 },
        shocks: [{ at: 2, kind: 'remove-nodes', target: 'degree', count: 1 }],
      });
      const sim = createSimulation(sc);
      sim.step(2);
      const g = sim.informal();
      let hubId = 0;
      for (let i = 1; i < g.n; i++) if (g.offsets[i + 1]! - g.offsets[i]! > g.offsets[hubId + 1]! - g.offsets[hubId]!) hubId = i;
      const degree = g.offsets[hubId + 1]! - g.offsets[hubId]!;
      sim.step(18);
      return { degree, added: sim.state.num(P2P_COUNT.repairTies) };
    };
    const half = hub(0.5);
    expect(half.degree).toBeGreaterThan(40);
    expect(half.added).toBeGreaterThan(0.3 * half.degree);
    expect(half.added).toBeLessThan(0.6 * half.degree);
    const all = hub(1);
    expect(all.added).toBeGreaterThan(0.7 * all.degree);
    expect(hub(0).added).toBe(0);
  });

  it('with repair the giant component recovers after the hub is gone; with repair 0 it stays split', () => {
    const giant = (repair: number) => run(tree(repair, 4), 40).series().values['giantComponent']!;
    const repaired = giant(1);
    const broken = giant(0);
    // Removal at 5: the tree falls into its 12 subtrees (the largest about a quarter of the people).
    expect(broken[5]).toBeLessThan(0.3);
    expect(broken[39]).toBe(broken[5]);
    expect(repaired[8]).toBe(repaired[5]);
    // Each former report ties to another: the subtrees join again, 4 ticks later.
    expect(repaired[9]).toBeGreaterThan(0.9);
  });

  it('peers keep resolving after the top of the hierarchy is removed', () => {
    const sim = run({ ticks: 300, environment: { rate: 2 }, shocks: [{ at: 150, kind: 'remove-nodes', target: 'top', count: 5 }] });
    const resolved = sim.series().values['resolved']!;
    const mean = (a: number, b: number) => { let x = 0; for (let t = a; t < b; t++) x += resolved[t]!; return x / (b - a); };
    expect(mean(160, 300)).toBeGreaterThan(0.9 * mean(50, 150));
    expect(sim.state.num(ALIVE_COUNT)).toBe(395);
  });

  it('merging new ties into the CSR gives exactly rebuildGraph\'s graph', () => {
    const rng = standaloneRng(5, 'ties');
    for (let trial = 0; trial < 100; trial++) {
      const n = 2 + rng.int(50);
      const m = rng.int(3 * n);
      const s = new Int32Array(m), d = new Int32Array(m);
      for (let i = 0; i < m; i++) { s[i] = rng.int(n); d[i] = rng.int(n); }
      const g = buildGraph(n, s, d, m, (e) => (e % 7) / 7);
      const src: number[] = [], dst: number[] = [];
      for (let i = rng.int(12); i > 0; i--) {
        const u = rng.int(n), w = rng.int(n);
        if (u === w || hasTie(g, u, w) || src.some((x, j) => (x === u && dst[j] === w) || (x === w && dst[j] === u))) continue;
        src.push(u); dst.push(w);
      }
      const fast = insertTies(g, n, src, dst, 0.5);
      const slow = rebuildGraph(g, n, null, { src, dst, trust: src.map(() => 0.5) });
      expect(Array.from(fast.offsets)).toEqual(Array.from(slow.offsets));
      expect(Array.from(fast.targets)).toEqual(Array.from(slow.targets));
      expect(Array.from(fast.trust)).toEqual(Array.from(slow.trust));
    }
  });
});

describe('p2p: layers', () => {
  it('works on the implicit complete graph (no materialized ties)', () => {
    const sim = run({ ticks: 80, organization: { size: 300, formal: null, informal: { kind: 'complete' } }, protocol: { team: true }, shocks: [{ at: 20, kind: 'remove-nodes', target: 'random', count: 10 }] });
    const m = sim.summary().metrics;
    expect(sim.informal().complete).toBe(true);
    expect(m['resolvedRate']!).toBeGreaterThan(0.8);
    expect(sim.state.num(P2P_COUNT.repairTies)).toBe(0);
  });
});
