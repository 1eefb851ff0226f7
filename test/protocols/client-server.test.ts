// client-server (MODEL.md §5): command and control. Each test names the claim it
// checks, and each would fail if its mechanism were switched off or faked:
// succession and its delay, orphans holding reports, delegation, the stale
// directory and the review-time audit, the best-resolver choice, orders waiting
// for the best busy person, the overloaded root, BFS routing in a flat
// organization, and review-time feedback. (Determinism across snapshot/restore,
// for every way of working: test/snapshot-restore.test.ts.)
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../engine/simulation.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { bfsTree } from '../../engine/graph/bfs.ts';
import { CS_MSG } from '../../engine/protocols/client-server/routing.ts';
import { MSG_FROM, MSG_KIND, MSG_TO, OUTBOX, OUTBOX_LENGTH } from '../../engine/messages.ts';
import { FORMAL_LEVEL, FORMAL_PARENT, FORMAL_ROOT, FORMAL_VERSION, INFORMAL_TRUST } from '../../engine/organization-state.ts';
import { ALIVE, BUSY, LOAD_TOTAL, SKILL } from '../../engine/people-state.ts';
import { CS_SERVER, CS_TREE } from '../../engine/protocols/client-server/channel.ts';
import { DIRECTORY, HOLDERS, S_DECIDED, S_DECIDER, WAITING } from '../../engine/protocols/client-server/state.ts';
import { OPEN_LENGTH, SIT_ARRIVAL, SIT_COUNT, SIT_DECISION, SIT_LEADER, SIT_ORIGIN } from '../../engine/situation-state.ts';

type Over = Record<string, unknown>;

/**
 * A complete span-4 tree of 341 people (levels of 1, 4, 16, 64, 256), merged with
 * `over` section by section. These tests check v1's rules (MODEL.md §5): model 1;
 * model 2's client-server rules are checked in test/model-two/.
 */
function scenario(over: Over = {}): Scenario {
  const base: Record<string, unknown> = {
    model: 1,
    seed: 3,
    ticks: 200,
    organization: { size: 341, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 6, p: 0.1 } },
    population: { domains: 4, skill: { kind: 'uniform' }, capacity: 4 },
    environment: { rate: 1, deadline: 40, workTicks: 5 },
    protocol: { kind: 'client-server' },
  };
  for (const [k, v] of Object.entries(over)) {
    const old = base[k];
    base[k] = v && typeof v === 'object' && !Array.isArray(v) && old && typeof old === 'object' ? { ...old, ...v } : v;
  }
  const r = validateScenario(base);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

function series(sim: Simulation, name: string): number[] {
  const s = sim.series();
  return Array.from(s.values[name]!.subarray(0, s.length));
}

/** Ticks with at least one decision, from `from` on. */
function firstDecisionFrom(sim: Simulation, from: number): number {
  const d = series(sim, 'decisions');
  for (let t = from; t < d.length; t++) if (d[t]! > 0) return t;
  return -1;
}

function meanSkill(sim: Simulation, v: number): number {
  const D = sim.scenario.population.domains;
  const skill = sim.state.get(SKILL);
  let s = 0;
  for (let d = 0; d < D; d++) s += skill[v * D + d]!;
  return s / D;
}

/** The successor MODEL.md §5 names: the direct report with the highest mean skill, lowest id on ties. */
function expectedSuccessor(sim: Simulation, reports: number[]): number {
  let best = -1;
  for (const c of reports) if (best < 0 || meanSkill(sim, c) > meanSkill(sim, best)) best = c;
  return best;
}

describe('client-server succession', () => {
  it('removing the server stops every decision until its successor is promoted exactly successionDelay ticks later', () => {
    const sim = createSimulation(scenario({
      environment: { rate: 2 },
      shocks: [{ at: 50, kind: 'remove-nodes', target: 'ids', ids: [0] }],
    }));
    sim.step(70); // ticks 0 … 69
    const st = sim.state;
    const decisions = series(sim, 'decisions');
    expect(decisions.slice(0, 50).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(decisions.slice(50, 70).every((x) => x === 0)).toBe(true); // Hydra: nothing is decided
    expect(st.num(CS_SERVER)).toBe(-1);
    expect(st.num(FORMAL_ROOT)).toBe(0); // not promoted before its time
    const version = (st.hasNum(FORMAL_VERSION) ? st.num(FORMAL_VERSION) : 0);

    sim.step(1); // tick 70 = 50 + successionDelay
    const s = expectedSuccessor(sim, [1, 2, 3, 4]);
    const parent = st.get(FORMAL_PARENT), level = st.get(FORMAL_LEVEL);
    expect(st.num(FORMAL_ROOT)).toBe(s);
    expect(st.num(CS_SERVER)).toBe(s);
    expect(st.num(FORMAL_VERSION)).toBe(version + 1);
    expect(parent[s]).toBe(-1);
    expect(level[s]).toBe(0);
    // It is over its former peers, and keeps its own reports, now one level up.
    for (const c of [1, 2, 3, 4]) if (c !== s) { expect(parent[c]).toBe(s); expect(level[c]).toBe(1); }
    for (let c = 4 * s + 1; c <= 4 * s + 4; c++) { expect(parent[c]).toBe(s); expect(level[c]).toBe(1); }
    // The successor decides at once what it held while the place was vacant.
    expect(series(sim, 'decisions')[70]).toBeGreaterThan(0);
    expect(sim.summary().metrics['successions']).toBe(1);
  });

  it('a longer successionDelay moves the resumption of decisions with it', () => {
    for (const delay of [5, 20, 35]) {
      const sim = createSimulation(scenario({
        environment: { rate: 2 },
        protocol: { successionDelay: delay },
        shocks: [{ at: 50, kind: 'remove-nodes', target: 'ids', ids: [0] }],
      }));
      sim.step(50 + delay + 5);
      expect(firstDecisionFrom(sim, 50)).toBe(50 + delay);
    }
  });

  it('an orphaned team holds its reports while its manager is gone and sends them up to the successor', () => {
    // v1's rules: under model 2 the server's attention budget (MODEL.md §10.1) holds its
    // backlog past most deadlines at this load, so whether held reports are decided
    // after the succession would measure the budget, not the holding.
    const sim = createSimulation(scenario({
      model: 1,
      environment: { rate: 3 },
      shocks: [{ at: 50, kind: 'remove-nodes', target: 'ids', ids: [1] }],
    }));
    const initialParent = sim.state.get(FORMAL_PARENT).slice();
    const under1 = (v: number) => { for (let w = v; w > 0; w = initialParent[w]!) if (initialParent[w] === 1) return true; return false; };
    let heldDuringVacancy = 0;
    for (let t = 0; t < 70; t++) {
      sim.step(1);
      if (t >= 50) heldDuringVacancy = Math.max(heldDuringVacancy, sim.state.num(HOLDERS.length));
    }
    expect(heldDuringVacancy).toBeGreaterThan(0);
    sim.step(60);
    const st = sim.state;
    const s = expectedSuccessor(sim, [5, 6, 7, 8]);
    expect(st.get(FORMAL_PARENT)[s]).toBe(0);
    for (const c of [5, 6, 7, 8]) if (c !== s) expect(st.get(FORMAL_PARENT)[c]).toBe(s);
    // News from the orphaned subtree during the vacancy was decided only after the succession — but it was decided.
    const arrival = st.get(SIT_ARRIVAL), origin = st.get(SIT_ORIGIN), decided = st.get(S_DECIDED);
    let orphaned = 0, decidedLater = 0;
    for (let i = 0; i < st.num(SIT_COUNT); i++) {
      if (arrival[i]! < 51 || arrival[i]! > 65 || !under1(origin[i]!) || origin[i] === s) continue;
      orphaned++;
      expect(decided[i] === -1 || decided[i]! >= 70).toBe(true);
      if (decided[i]! >= 70) decidedLater++;
    }
    expect(orphaned).toBeGreaterThan(3);
    expect(decidedLater / orphaned).toBeGreaterThan(0.8);
  });
});

describe('client-server decisions', () => {
  it('with delegation managers decide: decisions come sooner and the server reads fewer reports', () => {
    const root = createSimulation(scenario({ environment: { rate: 2 } }));
    const manager = createSimulation(scenario({ environment: { rate: 2 }, protocol: { decideAt: 'manager', threshold: 0.8 } }));
    root.step(200);
    manager.step(200);
    const a = root.summary().metrics, b = manager.summary().metrics;
    expect(a['delegatedDecisions']).toBe(0);
    expect(b['delegatedDecisions']!).toBeGreaterThan(0.8 * b['decisionsTotal']!);
    expect(b['decisionLatencyMean']!).toBeLessThan(0.6 * a['decisionLatencyMean']!);
    expect(b['serverReads']!).toBeLessThan(0.3 * a['serverReads']!);
    expect(b['messagesPerSituation']!).toBeLessThan(a['messagesPerSituation']!);
  });

  it('a stale directory names people who left; their situations are re-decided at the next review', () => {
    // The five best in each domain leave at tick 5.
    const probe = createSimulation(scenario());
    const D = 4, skill = probe.state.get(SKILL);
    const victims = new Set<number>();
    for (let d = 0; d < D; d++) {
      const ids = Array.from({ length: 341 }, (_, i) => i).sort((x, y) => skill[y * D + d]! - skill[x * D + d]! || x - y);
      for (const v of ids.slice(0, 5)) if (v !== 0) victims.add(v);
    }
    const run = (reviewPeriod: number) => {
      const sim = createSimulation(scenario({ protocol: { reviewPeriod }, shocks: [{ at: 5, kind: 'remove-nodes', target: 'ids', ids: [...victims] }] }));
      sim.step(200);
      const st = sim.state;
      // Situations first decided before the review at tick 60 whose work started only after it.
      let redecidedLater = 0;
      for (let i = 0; i < st.num(SIT_COUNT); i++) if (st.get(S_DECIDED)[i]! < 60 && st.get(SIT_DECISION)[i]! >= 60) redecidedLater++;
      const m: Record<string, number | null> = { ...sim.summary().metrics, redecidedLater };
      return m;
    };
    const fresh = run(1), stale = run(60), never = run(1000);
    expect(fresh['staleOrders']).toBe(0);
    expect(stale['staleOrders']!).toBeGreaterThan(5);
    expect(stale['redecisions']!).toBeGreaterThan(3);
    expect(stale['redecidedLater']!).toBeGreaterThan(3);
    expect(never['staleOrders']!).toBeGreaterThan(stale['staleOrders']!);
    expect(never['redecisions']).toBe(0);
    expect(never['redecidedLater']).toBe(0);
    expect(never['resolvedRate']!).toBeLessThan(stale['resolvedRate']! - 0.1);
    expect(stale['resolvedRate']!).toBeLessThan(fresh['resolvedRate']!);
  });

  it('at low load with a fresh directory the server picks the best resolver', () => {
    const sim = createSimulation(scenario({ environment: { rate: 0.05 }, protocol: { reviewPeriod: 1 } }));
    sim.step(600);
    const m = sim.summary().metrics;
    expect(m['resolved']!).toBeGreaterThan(15);
    expect(m['qualityMean']!).toBeGreaterThan(0.99);
  });

  it('when every qualified person holds an order, the order waits for the best of them', () => {
    const sim = createSimulation(scenario({
      population: { domains: 1, skill: { kind: 'uniform' }, capacity: 4, concurrent: 1 },
      environment: { rate: 3 },
      protocol: { threshold: 0.98 },
    }));
    const dir = sim.state.get(DIRECTORY);
    let qualified = 0;
    for (let v = 0; v < 341; v++) if (dir[v]! >= 0.98) qualified++;
    expect(qualified).toBeGreaterThan(1);
    let waited = 0;
    for (let t = 0; t < 150; t++) {
      sim.step(1);
      const busy = sim.state.get(BUSY);
      for (let v = 0; v < 341; v++) expect(busy[v]!).toBeLessThanOrEqual(1);
      waited = Math.max(waited, sim.state.num(WAITING.length));
    }
    expect(waited).toBeGreaterThan(0);
    const leader = sim.state.get(SIT_LEADER);
    let led = 0;
    for (let i = 0; i < sim.state.num(SIT_COUNT); i++) {
      if (leader[i]! < 0) continue;
      led++;
      expect(dir[leader[i]!]!).toBeGreaterThanOrEqual(0.98); // never an unqualified free person
    }
    expect(led).toBeGreaterThan(20);
  });

  it('under high load the server’s inbox grows without bound and is the organization’s longest queue and peak load', () => {
    const sim = createSimulation(scenario({ environment: { rate: 10 } }));
    sim.step(300);
    const q = series(sim, 'serverQueue'), maxQ = series(sim, 'maxQueue');
    expect(q[100]!).toBeGreaterThan(200);
    expect(q[200]!).toBeGreaterThan(q[100]! + 200);
    expect(q[299]!).toBeGreaterThan(q[200]! + 200);
    for (let t = 50; t < 300; t++) expect(maxQ[t]).toBe(q[t]);
    const m = sim.summary().metrics;
    expect(m['maxQueuePeak']).toBe(m['serverQueuePeak']);
    const load = sim.state.get(LOAD_TOTAL);
    let argmax = 0;
    for (let v = 1; v < 341; v++) if (load[v]! > load[argmax]!) argmax = v;
    expect(argmax).toBe(0);
    // Conservation holds however long the queue: arrived = resolved + missed + open.
    expect(m['situations']).toBe(m['resolved']! + m['missed']! + sim.state.num(OPEN_LENGTH));
  });
});

describe('client-server in a flat organization', () => {
  const flat = (over: Over = {}) => scenario({
    organization: { size: 300, formal: null, informal: { kind: 'small-world', k: 6, p: 0.1 } },
    environment: { rate: 2 },
    ...over,
  });

  it('routes every report, order and outcome along the BFS tree from the highest-degree person', () => {
    const sim = createSimulation(flat());
    const st = sim.state, g = sim.informal();
    let server = 0;
    for (let v = 1; v < 300; v++) {
      if (g.offsets[v + 1]! - g.offsets[v]! > g.offsets[server + 1]! - g.offsets[server]!) server = v;
    }
    expect(st.num(CS_SERVER)).toBe(server);
    expect(Array.from(st.get(CS_TREE))).toEqual(Array.from(bfsTree(g, st.get(ALIVE), server)));
    const tree = st.get(CS_TREE);
    let checked = 0;
    for (let t = 0; t < 80; t++) {
      sim.step(1);
      const out = st.get(OUTBOX), kind = st.get(MSG_KIND), from = st.get(MSG_FROM), to = st.get(MSG_TO);
      for (let i = 0; i < st.num(OUTBOX_LENGTH); i++) {
        const slot = out[i]!;
        const k = kind[slot]!;
        if (k < 16) continue;
        checked++;
        if (k === CS_MSG.ORDER) expect(tree[to[slot]!]).toBe(from[slot]);
        else expect(tree[from[slot]!]).toBe(to[slot]);
      }
    }
    expect(checked).toBeGreaterThan(300);
    const decider = st.get(S_DECIDER);
    let decided = 0;
    for (let i = 0; i < st.num(SIT_COUNT); i++) if (decider[i]! >= 0) { decided++; expect(decider[i]).toBe(server); }
    expect(decided).toBeGreaterThan(100);
  });

  it('protocol.server names the server; when it is removed its best-skilled tree neighbour succeeds it and routing is rebuilt', () => {
    const sim = createSimulation(flat({ protocol: { server: 17 }, shocks: [{ at: 30, kind: 'remove-nodes', target: 'ids', ids: [17] }] }));
    expect(sim.state.num(CS_SERVER)).toBe(17);
    const before = sim.state.get(CS_TREE).slice();
    const children = [];
    for (let v = 0; v < 300; v++) if (before[v] === 17) children.push(v);
    sim.step(50); // ticks 0 … 49: the successor is named at tick 50
    expect(sim.state.num(CS_SERVER)).toBe(-1);
    sim.step(1);
    const s = expectedSuccessor(sim, children);
    expect(sim.state.num(CS_SERVER)).toBe(s);
    expect(Array.from(sim.state.get(CS_TREE))).toEqual(Array.from(bfsTree(sim.informal(), sim.state.get(ALIVE), s)));
    expect(firstDecisionFrom(sim, 30)).toBe(50);
  });
});

describe('client-server feedback', () => {
  it('feedback reaches people only at review time (and not at all with trust gain and loss 0)', () => {
    const changed = (sim: Simulation) => Array.from(sim.state.get(INFORMAL_TRUST)).filter((x) => Math.abs(x - 0.5) > 1e-6).length;
    const sim = createSimulation(scenario({ organization: { size: 341, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'same-as-formal' } }, environment: { rate: 2 }, protocol: { reviewPeriod: 30 } }));
    sim.step(30); // ticks 0 … 29: outcomes have happened, no review yet
    expect(sim.summary().metrics['resolved']!).toBeGreaterThan(5);
    expect(changed(sim)).toBe(0);
    sim.step(1); // tick 30: review
    expect(changed(sim)).toBeGreaterThan(5);
    const off = createSimulation(scenario({ organization: { size: 341, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'same-as-formal' } }, environment: { rate: 2 }, protocol: { reviewPeriod: 30, trust: { gain: 0, loss: 0 } } }));
    off.step(100);
    expect(changed(off)).toBe(0);
  });

});
