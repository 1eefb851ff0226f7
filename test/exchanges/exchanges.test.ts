// Exchanges in runs (MODEL.md §10.5): off unless asked for, refused where they
// cannot run, their defaults resolved from the way of working, every hop a
// message counted exactly (latency, hops, losses), kept out of the situations'
// ratios and of every other stream, and a run with exchanges in flight repeats
// bit for bit however it is chunked, snapshotted and restored.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulation, type Simulation } from '../../engine/simulation.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { EX } from '../../engine/exchanges/state.ts';
import { TreeIndex } from '../../engine/exchanges/tree-index.ts';

function validate(input: unknown): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

function errorsOf(input: unknown): string[] {
  const r = validateScenario(input);
  return r.ok ? [] : r.errors;
}

/** 156 people (span 5, depth 3), about 3 exchanges a tick, read and sent at no cost, one way. */
const base = {
  ticks: 60,
  organization: { size: 156, formal: { kind: 'hierarchy', span: 5 } },
  population: { readCost: 0, sendCost: 0 },
  environment: { rate: 0, exchangeRate: 0.02, exchangeAnswer: false },
  protocol: { kind: 'gossip', routing: 'chart' },
};

function run(input: Record<string, unknown>, seed = 1): Simulation {
  const s = validate(input);
  const sim = createSimulation(s, seed);
  sim.step(s.ticks);
  return sim;
}

/** The exchange table of a finished run. */
function table(sim: Simulation) {
  const st = sim.state;
  const count = st.scalars['ex.count']!;
  return { count, origin: st.i32('ex.origin'), target: st.i32('ex.target'), arrival: st.i32('ex.arrival'), status: st.u8('ex.status') };
}

/** Hops of the chart's path between i and j in the run's (unchanged) tree. */
function pathLength(sim: Simulation, i: number, j: number): number {
  const t = new TreeIndex(sim.state.i32('formal.parent'), sim.state.u8('alive'), sim.state.scalars['formal.root']!, sim.n);
  let hops = 0;
  for (let v = i; v !== j; v = t.chartHop(v, j)) hops++;
  return hops;
}

describe('exchanges: on only when asked for, refused where they cannot run', () => {
  it('a model-2 run without exchangeRate keeps no exchange state, draws nothing from their stream and records none of their metrics', () => {
    const sim = run({ ...base, environment: { rate: 0 } });
    const names = Object.keys(sim.state.arrays);
    expect(names.filter((n) => n.startsWith('ex.') || n === 'rng.stream.exchanges')).toEqual([]);
    expect(Object.keys(sim.state.scalars).filter((n) => n.startsWith('ex.'))).toEqual([]);
    expect(sim.summary().metrics).not.toHaveProperty('exchanges');
    expect(Object.keys(sim.series().values)).not.toContain('exchanges');
  });

  it('a model-1 scenario that writes an exchange key is refused, naming the key and model 2', () => {
    const errors = errorsOf({ ...base, model: 1, protocol: { kind: 'gossip' }, population: {} });
    expect(errors.some((e) => e.includes('environment.exchangeRate') && e.includes('model 2'))).toBe(true);
  });

  it('exchanges in a flat organization are refused at environment.exchangeRate with the fix (a formal tree, or rate 0); the command line exits 2', () => {
    const flat = { ...base, organization: { size: 100, formal: null, informal: { kind: 'small-world', k: 4, p: 0.1 } } };
    const errors = errorsOf(flat);
    expect(errors.some((e) => e.includes('exchangeRate') && e.includes('formal tree') && e.includes('"exchangeRate": 0'))).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'eq-exchanges-')), 'flat.json');
    writeFileSync(file, JSON.stringify(flat));
    const cli = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'equipotent.mjs'), 'run', file], { encoding: 'utf8' });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('exchangeRate');
    expect(cli.stderr).not.toContain('internal error');
  });

  it('routing null is the way of working\'s own (chart for client-server, greedy otherwise), a written routing is kept, and maxHops null is 4 × the depth', () => {
    const routing = (kind: string, written: string | null = null) =>
      validate({ ...base, protocol: { kind, routing: written } }).protocol.routing;
    expect(routing('client-server')).toBe('chart');
    expect(routing('p2p')).toBe('greedy');
    expect(routing('steward')).toBe('greedy');
    expect(routing('gossip')).toBe('greedy');
    expect(routing('client-server', 'greedy')).toBe('greedy');
    expect(routing('p2p', 'chart')).toBe('chart');
    expect(validate(base).protocol.maxHops).toBe(12); // 156 people, span 5: depth 3
    expect(validate({ ...base, organization: { size: 3906, formal: { kind: 'hierarchy', span: 5 } } }).protocol.maxHops).toBe(20);
  });
});

describe('exchanges: every hop a message, counted exactly', () => {
  it('through the chart, one way, read at no cost: each exchange takes its path\'s hops in messages and resolves path − 1 ticks after it starts', () => {
    const sim = run(base);
    const ex = table(sim);
    const m = sim.summary().metrics;
    let resolved = 0, latency = 0, hopsSent = 0;
    for (let id = 0; id < ex.count; id++) {
      const hops = pathLength(sim, ex.origin[id]!, ex.target[id]!);
      // Hop 1 leaves in the Environment phase and is read (and passed on) in the same tick's Act,
      // then one hop a tick: by the end, an exchange still on its way has made ticks + 1 hops.
      const made = Math.min(hops, sim.tick - ex.arrival[id]! + 1);
      hopsSent += made;
      if (ex.status[id] === EX.RESOLVED) { resolved++; latency += hops - 1; }
      else expect(ex.status[id], `exchange ${id}`).toBe(EX.OPEN);
    }
    expect(ex.count).toBeGreaterThan(100);
    expect(m['exchanges']).toBe(ex.count);
    expect(m['exchangesResolved']).toBe(resolved);
    expect(m['exchangeLatencyMean']).toBeCloseTo(latency / resolved, 12);
    expect(sim.state.scalars['ex.sent']).toBe(hopsSent);
    // The only messages of this run are the exchanges'.
    expect(m['messagesTotal']).toBe(hopsSent);
    expect(m['lostTotal']).toBe(0);
  });

  it('with answers, each resolved exchange took 2 × path − 1 ticks', () => {
    const sim = run({ ...base, environment: { ...base.environment, exchangeAnswer: true } });
    const ex = table(sim);
    let resolved = 0, latency = 0;
    for (let id = 0; id < ex.count; id++) {
      if (ex.status[id] !== EX.RESOLVED) continue;
      resolved++;
      latency += 2 * pathLength(sim, ex.origin[id]!, ex.target[id]!) - 1;
    }
    expect(resolved).toBeGreaterThan(100);
    expect(sim.summary().metrics['exchangeLatencyMean']).toBeCloseTo(latency / resolved, 12);
  });

  it('greedy routing over the bare tree takes the chart\'s paths: the same state, hash for hash', () => {
    expect(run({ ...base, protocol: { kind: 'gossip', routing: 'greedy' } }).hash()).toBe(run(base).hash());
  });

  it('with maxHops 1, exchanges between neighbours resolve and every other is lost at its second hop, one lost message each', () => {
    const sim = run({ ...base, protocol: { kind: 'gossip', routing: 'chart', maxHops: 1 } });
    const ex = table(sim);
    const m = sim.summary().metrics;
    let near = 0;
    for (let id = 0; id < ex.count; id++) {
      const direct = pathLength(sim, ex.origin[id]!, ex.target[id]!) === 1;
      if (direct) near++;
      expect(ex.status[id]).toBe(direct ? EX.RESOLVED : EX.LOST);
    }
    expect(m['exchangesResolved']).toBe(near);
    expect(m['exchangesLost']).toBe(ex.count - near);
    expect(m['lostTotal']).toBe(ex.count - near);
  });

  it('through the chart, an exchange between two divisions cannot resolve once the head has left; with multiscale ties greedy routing finds a way around', () => {
    const withoutHead = { ...base, ticks: 40, shocks: [{ at: 0, kind: 'remove-nodes', target: 'top', count: 1 }] };
    const chart = run(withoutHead);
    const ex = table(chart);
    const division = (v: number) => { let d = v; while (d > 5) d = Math.floor((d - 1) / 5); return d; };
    let across = 0, within = 0;
    for (let id = 0; id < ex.count; id++) {
      if (division(ex.origin[id]!) === division(ex.target[id]!)) { if (ex.status[id] === EX.RESOLVED) within++; continue; }
      across++;
      expect(ex.status[id], `exchange ${id}`).not.toBe(EX.RESOLVED);
    }
    expect(across).toBeGreaterThan(10);
    expect(within).toBeGreaterThan(10);
    expect(chart.summary().metrics['lostTotal']!).toBeGreaterThan(0);
    const ties = run({ ...withoutHead, organization: { ...base.organization, informal: { kind: 'multiscale', extra: 156, lambda: 0.5, zeta: 0.5 } }, protocol: { kind: 'gossip', routing: 'greedy' } });
    expect(ties.summary().metrics['exchangeResolvedRate']!).toBeGreaterThan(chart.summary().metrics['exchangeResolvedRate']! + 0.1);
  });
});

describe('exchanges stay apart from situations and from every other stream', () => {
  const p2p = { ...base, ticks: 80, population: {}, environment: { rate: 1, deadline: 30, exchangeRate: 0.01 }, protocol: { kind: 'p2p' } };

  it('messagesPerSituation and attentionPerSituation leave the exchanges\' messages and attention out', () => {
    const sim = run(p2p);
    const m = sim.summary().metrics, s = sim.state.scalars;
    expect(s['ex.sent']!).toBeGreaterThan(100);
    expect(m['messagesPerSituation']).toBeCloseTo((m['messagesTotal']! - s['ex.sent']!) / m['situations']!, 9);
    expect(s['ex.attention']!).toBeGreaterThan(0);
    expect(m['attentionPerSituation']).toBeCloseTo((s['attention.spentMessages']! - s['ex.attention']! + s['attention.spentWork']!) / m['resolved']!, 9);
  });

  it('switching exchanges on changes no other draw: the situations arrive as they did without them', () => {
    const on = run(p2p), off = run({ ...p2p, environment: { ...p2p.environment, exchangeRate: 0 } });
    const count = on.state.scalars['sit.count']!;
    expect(count).toBe(off.state.scalars['sit.count']);
    for (const name of ['sit.arrival', 'sit.origin', 'sit.domain']) {
      expect(Array.from(on.state.arrays[name]!.subarray(0, count)), name).toEqual(Array.from(off.state.arrays[name]!.subarray(0, count)));
    }
    expect(Array.from(on.state.f32('sit.difficulty').subarray(0, count))).toEqual(Array.from(off.state.f32('sit.difficulty').subarray(0, count)));
  });
});

describe('exchanges: a run is a function of (scenario, seed, event log)', () => {
  // Answers, attention limits, the head and a division head leaving (client-server fills their posts), hires.
  const busy = validate({
    ticks: 90,
    organization: { size: 156, formal: { kind: 'hierarchy', span: 5 }, informal: { kind: 'multiscale', extra: 156, lambda: 0.5, zeta: 0.5 } },
    environment: { rate: 1, deadline: 20, exchangeRate: 0.02 },
    protocol: { kind: 'client-server', routing: 'greedy', successionDelay: 5 },
    shocks: [{ at: 20, kind: 'remove-nodes', target: 'top', count: 2 }, { at: 40, kind: 'add-nodes', count: 10 }, { at: 55, kind: 'remove-nodes', target: 'random', count: 8 }],
  });
  const hashes: string[] = [];
  const whole = createSimulation(busy, 9);
  for (let t = 0; t < busy.ticks; t++) { whole.step(1); hashes.push(whole.hash()); }

  it('the busy run used every part: answers, losses, successions and hires', () => {
    const m = whole.summary().metrics;
    expect(m['exchangesResolved']!).toBeGreaterThan(100);
    expect(m['lostTotal']!).toBeGreaterThan(0);
    expect(m['successions']!).toBeGreaterThan(0);
    expect(whole.n).toBe(166);
  });

  it('chunked steps, a snapshot restored in place and a structured clone restored into a fresh simulation repeat the run hash for hash', () => {
    const chunked = createSimulation(busy, 9);
    for (const k of [7, 13, 1, 25]) chunked.step(k);
    expect(chunked.hash()).toBe(hashes[chunked.tick - 1]);
    const snap = chunked.snapshot();
    chunked.step(busy.ticks - chunked.tick);
    expect(chunked.hash()).toBe(hashes[busy.ticks - 1]);
    chunked.restore(snap);
    while (chunked.tick < busy.ticks) { chunked.step(1); expect(chunked.hash()).toBe(hashes[chunked.tick - 1]); }
    const fresh = createSimulation(busy, 9);
    fresh.step(3);
    fresh.restore(structuredClone(snap));
    fresh.step(busy.ticks - fresh.tick);
    expect(fresh.hash()).toBe(hashes[busy.ticks - 1]);
    expect(JSON.parse(JSON.stringify(fresh.summary()))).toEqual(JSON.parse(JSON.stringify(whole.summary())));
  });
});
