// Determinism (MODEL.md §1–2): a run is a function of (scenario, seed, event
// log) — however its steps are chunked, snapshotted and restored, replayed from
// a bundle — and variants that differ in the information model see the same
// people and the same removals (common random numbers).
//
// Properties run over random small scenarios with a fixed fast-check seed (set
// FC_SEED and FC_RUNS to explore more); every property draws the same cases, so the
// baseline run of a case is computed once and shared (see `baseline`).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, type LiveShock, type Simulation } from '../engine/simulation.ts';
import { makeReplayBundle, replay, type ReplayBundle } from '../engine/replay.ts';
import { validateScenario } from '../engine/scenario/validate.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import type { SeriesStore } from '../engine/metrics.ts';

const FC_SEED = Number(process.env.FC_SEED ?? 20240611);
const NUM_RUNS = Number(process.env.FC_RUNS ?? 120);

function validate(input: unknown): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(`generated scenario is invalid:\n  ${r.errors.join('\n  ')}\n${JSON.stringify(input)}`);
  return r.scenario;
}

// ---------------------------------------------------------------- random small scenarios

const KINDS = ['same-as-formal', 'matrix', 'multiscale', 'small-world', 'scale-free', 'random', 'lattice', 'complete'] as const;
const ON_TREE = new Set(['same-as-formal', 'matrix', 'multiscale']);
const MODES = ['push', 'pull', 'push-pull', 'flood'] as const;
const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const prob = fc.double({ min: 0, max: 1, noNaN: true });

const itemArb = fc.record({
  mode: fc.constantFrom(...MODES),
  fanout: fc.integer({ min: 1, max: 3 }),
  beta: prob,
  stifle: fc.double({ min: 0, max: 0.5, noNaN: true }),
  at: frac,
  seedCount: fc.integer({ min: 1, max: 3 }),
  explicitSeeds: fc.boolean(),
});

/** A shock before it meets the organization: kind and free numbers, shaped in `shockFor`. */
const shockArb = fc.record({
  kind: fc.constantFrom('remove-random', 'remove-ranked', 'add-nodes', 'partition', 'reconnect'),
  target: fc.constantFrom('degree', 'betweenness', 'top'),
  at: frac,
  count: fc.integer({ min: 1, max: 12 }),
  fraction: fc.option(fc.double({ min: 0.02, max: 0.3, noNaN: true }), { nil: undefined }),
  recalculate: fc.boolean(),
  every: fc.option(fc.integer({ min: 3, max: 10 }), { nil: undefined }),
  id: frac,
});

const caseArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  n: fc.integer({ min: 20, max: 150 }),
  span: fc.integer({ min: 2, max: 6 }),
  flat: fc.boolean(),
  ticks: fc.integer({ min: 5, max: 40 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  capacityLimited: fc.boolean(),
  capacity: fc.integer({ min: 1, max: 4 }),
  items: fc.array(itemArb, { minLength: 1, maxLength: 2 }),
  shocks: fc.array(shockArb, { maxLength: 3 }),
  live: fc.array(shockArb, { maxLength: 3 }),
  graph: fc.record({
    k: fc.integer({ min: 1, max: 4 }),
    p: prob,
    m: fc.integer({ min: 1, max: 3 }),
    meanDegree: fc.double({ min: 0, max: 6, noNaN: true }),
    lateral: fc.double({ min: 0, max: 0.2, noNaN: true }),
    extra: fc.integer({ min: 0, max: 60 }),
    lambda: fc.option(fc.double({ min: 0.5, max: 5, noNaN: true }), { nil: null }),
    width: fc.integer({ min: 4, max: 12 }),
    wrap: fc.boolean(),
  }),
});
type RawCase = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;
type RawShock = RawCase['shocks'][number];

/** A runnable case: the scenario input, its seed, its length and its live shocks. */
interface Case {
  input: Record<string, unknown>;
  seed: number;
  ticks: number;
  live: LiveShock[];
}

function shockFor(s: RawShock, c: { n: number; ticks: number; formal: boolean; complete: boolean }, live: boolean): Record<string, unknown> | null {
  const at = Math.floor(s.at * c.ticks);
  const timing = live ? {} : { at, ...(s.every !== undefined && s.kind === 'remove-random' ? { every: s.every } : {}) };
  switch (s.kind) {
    case 'remove-random':
      if (live && s.every !== undefined) return { kind: 'remove-nodes', target: 'ids', ids: [Math.floor(s.id * c.n)] };
      return s.fraction !== undefined
        ? { kind: 'remove-nodes', target: 'random', fraction: s.fraction, ...timing }
        : { kind: 'remove-nodes', target: 'random', count: s.every !== undefined ? 1 : Math.min(s.count, Math.floor(c.n / 4)), ...timing };
    case 'remove-ranked':
      // The schema refuses a scheduled "top" in a flat organization; live shocks fall back to degree.
      return { kind: 'remove-nodes', target: s.target === 'top' && !c.formal && !live ? 'degree' : s.target, count: Math.min(s.count, 5), recalculate: s.recalculate, ...timing };
    case 'add-nodes':
      return { kind: 'add-nodes', count: Math.min(s.count, 10), ...timing };
    case 'partition': {
      if (c.complete) return null;
      const half = Math.floor(c.n / 2);
      const groups = c.formal ? { level: 1 } : [Array.from({ length: half }, (_, i) => i), Array.from({ length: c.n - half }, (_, i) => half + i)];
      return { kind: 'partition', groups, ...timing };
    }
    case 'reconnect':
      return c.complete ? null : { kind: 'reconnect', ...timing };
  }
}

function makeCase(r: RawCase): Case {
  const formal = ON_TREE.has(r.kind) || !r.flat;
  let n = r.n;
  const g = r.graph;
  let informal: Record<string, unknown>;
  switch (r.kind) {
    case 'matrix': informal = { kind: 'matrix', lateral: g.lateral }; break;
    case 'multiscale': informal = { kind: 'multiscale', extra: g.extra, lambda: g.lambda, zeta: g.lambda === null ? 2 : null }; break;
    case 'small-world': informal = { kind: 'small-world', k: 2 * g.k, p: g.p }; break;
    case 'scale-free': informal = { kind: 'scale-free', m: g.m }; break;
    case 'random': informal = { kind: 'random', meanDegree: g.meanDegree }; break;
    case 'lattice': {
      const height = Math.max(2, Math.ceil(n / g.width));
      n = g.width * height;
      informal = { kind: 'lattice', width: g.width, height, wrap: g.wrap };
      break;
    }
    default: informal = { kind: r.kind };
  }
  const c = { n, ticks: r.ticks, formal, complete: r.kind === 'complete' };
  const items = r.items.map((it, i) => ({
    id: `item${i}`,
    at: Math.floor(it.at * r.ticks),
    ...(it.explicitSeeds ? { seeds: Array.from({ length: it.seedCount }, (_, j) => (j * 7 + i) % n) } : { seedCount: it.seedCount }),
    spread: { mode: it.mode, fanout: it.fanout, beta: it.beta, stifle: it.stifle },
  }));
  const input = {
    seed: r.seed,
    ticks: r.ticks,
    organization: { size: n, formal: formal ? { kind: 'hierarchy', span: r.span } : null, informal },
    population: { domains: 3, skill: { kind: 'uniform' }, capacity: r.capacity },
    protocol: { kind: 'gossip', capacityLimited: r.capacityLimited },
    information: { items },
    shocks: r.shocks.map((s) => shockFor(s, c, false)).filter((s) => s !== null),
  };
  const live = r.live
    .map((s) => ({ tick: Math.floor(s.at * r.ticks), shock: shockFor(s, c, true) }))
    .filter((l): l is LiveShock => l.shock !== null)
    .sort((a, b) => a.tick - b.tick);
  return { input, seed: r.seed, ticks: r.ticks, live };
}

// ---------------------------------------------------------------- driving a run

/**
 * Runs `sim` to tick `until`, queuing each live shock just before the tick it
 * belongs to, in steps of `chunk()` ticks (cut at live shocks' ticks).
 */
function runTo(sim: Simulation, live: readonly LiveShock[], until: number, chunk: () => number = () => 1): void {
  while (sim.tick < until) {
    const t = sim.tick;
    let next = until;
    for (const l of live) {
      if (l.tick === t) sim.shock(l.shock);
      else if (l.tick > t && l.tick < next) next = l.tick;
    }
    sim.step(Math.min(chunk(), next - t));
  }
}

function cycle(xs: number[]): () => number {
  let i = 0;
  return () => xs[i++ % xs.length]!;
}

/** Series as plain arrays over their recorded length (NaN → null, so equality is plain). */
function plainSeries(s: SeriesStore): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const name of s.names) out[name] = Array.from(s.values[name]!.subarray(0, s.length), (x) => (Number.isNaN(x) ? null : x));
  return out;
}

const plainSummary = (sim: Simulation) => JSON.parse(JSON.stringify(sim.summary()));

interface Baseline {
  scenario: Scenario;
  /** Hash after each tick (index t = after t+1 ticks). */
  hashes: string[];
  final: string;
  series: Record<string, (number | null)[]>;
  summary: unknown;
  alive: Uint8Array[];
  skill: Float32Array;
  /** Skills at the end (hires draw theirs from the population stream too). */
  skillEnd: Float32Array;
}

const baselines = new Map<string, Baseline>();

/** The case run one tick at a time, recorded once and shared by every property. */
function baseline(c: Case): Baseline {
  const key = JSON.stringify(c);
  let b = baselines.get(key);
  if (b) return b;
  const scenario = validate(c.input);
  const sim = createSimulation(scenario, c.seed);
  const hashes: string[] = [];
  const alive: Uint8Array[] = [];
  const skill = sim.state.f32('skill').slice();
  for (let t = 0; t < c.ticks; t++) {
    runTo(sim, c.live, t + 1);
    hashes.push(sim.hash());
    alive.push(sim.state.u8('alive').slice());
    // The alive count the metrics use agrees with the array (hires are alive, removals are not).
    expect(alive[t]!.reduce((a, x) => a + x, 0), `alive count after tick ${t}`).toBe(sim.state.scalars['aliveCount']);
  }
  const skillEnd = sim.state.f32('skill').slice();
  b = { scenario, hashes, final: sim.hash(), series: plainSeries(sim.series()), summary: plainSummary(sim), alive, skill, skillEnd };
  baselines.set(key, b);
  return b;
}

const cases = caseArb.map(makeCase);
const params = { seed: FC_SEED, numRuns: NUM_RUNS };

describe('determinism over random small scenarios', () => {
  it('the same seed gives the same hash, series and summary', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const b = baseline(c);
        const sim = createSimulation(validate(c.input), c.seed);
        runTo(sim, c.live, c.ticks);
        expect(sim.hash()).toBe(b.final);
        expect(plainSeries(sim.series())).toEqual(b.series);
        expect(plainSummary(sim)).toEqual(b.summary);
      }),
      params,
    );
  });

  it('step(k) in random chunks equals step(1) k times, tick by tick', () => {
    fc.assert(
      fc.property(cases, fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }), (c, chunks) => {
        const b = baseline(c);
        const sim = createSimulation(b.scenario, c.seed);
        const chunk = cycle(chunks);
        while (sim.tick < c.ticks) {
          runTo(sim, c.live, Math.min(c.ticks, sim.tick + chunk()), () => Infinity);
          expect(sim.hash()).toBe(b.hashes[sim.tick - 1]);
        }
        expect(plainSeries(sim.series())).toEqual(b.series);
        expect(plainSummary(sim)).toEqual(b.summary);
      }),
      params,
    );
  });

  it('snapshot → continue → restore → continue repeats the run, also in a fresh simulation', () => {
    fc.assert(
      fc.property(cases, frac, (c, where) => {
        const b = baseline(c);
        const at = Math.floor(where * c.ticks);
        const sim = createSimulation(b.scenario, c.seed);
        runTo(sim, c.live, at);
        const snap = sim.snapshot();
        runTo(sim, c.live, c.ticks);
        expect(sim.hash()).toBe(b.final);
        sim.restore(snap);
        expect(sim.tick).toBe(at);
        runTo(sim, c.live, c.ticks);
        expect(sim.hash()).toBe(b.final);
        expect(plainSummary(sim)).toEqual(b.summary);
        expect(plainSeries(sim.series())).toEqual(b.series);
        // A fresh simulation of the same scenario, given a structured clone (as a worker receives it).
        const fresh = createSimulation(b.scenario, c.seed);
        fresh.step(Math.min(3, c.ticks)); // state that the restore must fully replace
        fresh.restore(structuredClone(snap));
        expect(fresh.tick).toBe(at);
        expect(fresh.n).toBe(snap.n);
        runTo(fresh, c.live, c.ticks);
        expect(fresh.hash()).toBe(b.final);
        expect(plainSummary(fresh)).toEqual(b.summary);
        expect(plainSeries(fresh.series())).toEqual(b.series);
      }),
      params,
    );
  });

  it('a replay bundle (through JSON) reproduces the hash and summary, at the end and mid-run', () => {
    fc.assert(
      fc.property(cases, frac, (c, where) => {
        const b = baseline(c);
        const stop = Math.floor(where * c.ticks);
        const sim = createSimulation(b.scenario, c.seed);
        runTo(sim, c.live, stop);
        const mid = JSON.parse(JSON.stringify(makeReplayBundle(c.input, sim))) as ReplayBundle;
        expect(mid.stopAt).toBe(stop);
        const again = replay(mid, validate);
        expect(again.tick).toBe(stop);
        expect(again.hash()).toBe(mid.hash);
        expect(again.eventLog).toEqual(sim.eventLog);
        runTo(sim, c.live, c.ticks);
        const end = JSON.parse(JSON.stringify(makeReplayBundle(c.input, sim))) as ReplayBundle;
        const replayed = replay(end, validate);
        expect(replayed.hash()).toBe(b.final);
        expect(end.hash).toBe(b.final);
        expect(plainSummary(replayed)).toEqual(b.summary);
      }),
      params,
    );
  });

  it('variants differing only in the information model remove the same people and draw the same skills', () => {
    const variantArb = fc.record({ mode: fc.constantFrom(...MODES), capacityLimited: fc.boolean(), fanout: fc.integer({ min: 1, max: 3 }) });
    fc.assert(
      fc.property(cases, variantArb, (c, v) => {
        const b = baseline(c);
        const input = structuredClone(c.input) as { protocol: Record<string, unknown>; information: { items: { spread: Record<string, unknown> }[] } };
        input.protocol.capacityLimited = v.capacityLimited;
        for (const item of input.information.items) Object.assign(item.spread, { mode: v.mode, fanout: v.fanout });
        const sim = createSimulation(validate(input), c.seed);
        expect(sim.state.f32('skill')).toEqual(b.skill);
        for (let t = 0; t < c.ticks; t++) {
          runTo(sim, c.live, t + 1);
          expect(sim.state.u8('alive'), `alive after tick ${t}`).toEqual(b.alive[t]);
        }
        expect(sim.state.f32('skill')).toEqual(b.skillEnd);
      }),
      params,
    );
  });
});

// ---------------------------------------------------------------- fixed cases

const fixed = {
  seed: 1,
  ticks: 30,
  organization: { size: 300, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 6, p: 0.1 } },
  population: { domains: 4, skill: { kind: 'uniform' } },
  protocol: { kind: 'gossip', capacityLimited: true },
  information: { items: [{ id: 'news', seeds: [0], spread: { mode: 'push', fanout: 1 } }] },
  shocks: [{ at: 5, kind: 'remove-nodes', target: 'random', count: 20 }],
  variants: [
    { label: 'pull', set: { 'information.items.0.spread.mode': 'pull' } },
    { label: 'textbook', set: { 'protocol.capacityLimited': false } },
  ],
};

describe('fixed cases', () => {
  it('different seeds give different hashes', () => {
    const scenario = validate(fixed);
    const hashes = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) {
      const sim = createSimulation(scenario, seed);
      sim.step(30);
      hashes.add(sim.hash());
    }
    expect(hashes.size).toBe(8);
  });

  it('removals under target "random" and skills do not depend on the spread mode (common random numbers)', () => {
    const runs = MODES.map((mode) => {
      const input = structuredClone(fixed) as typeof fixed;
      input.information.items[0]!.spread.mode = mode;
      const sim = createSimulation(validate(input), 7);
      sim.step(6); // through the removal at tick 5
      return { alive: sim.state.u8('alive').slice(), skill: sim.state.f32('skill').slice(), hash: sim.hash() };
    });
    expect(runs[0]!.alive.reduce((a, x) => a + x, 0)).toBe(280);
    for (const r of runs.slice(1)) {
      expect(r.alive).toEqual(runs[0]!.alive);
      expect(r.skill).toEqual(runs[0]!.skill);
      expect(r.hash).not.toBe(runs[0]!.hash); // the runs do differ, in their information
    }
  });

  it('a bundle with a variant and overrides replays the scenario they make', () => {
    const direct = structuredClone(fixed) as Record<string, unknown> & typeof fixed;
    delete (direct as { variants?: unknown }).variants;
    direct.information.items[0]!.spread.mode = 'pull';
    direct.organization.size = 200;
    const sim = createSimulation(validate(direct), 3);
    sim.step(4);
    sim.shock({ kind: 'remove-nodes', target: 'degree', count: 3 });
    sim.step(6);
    sim.shock({ kind: 'add-nodes', count: 5 });
    sim.shock({ kind: 'partition', groups: { level: 1 } });
    sim.step(10);
    const bundle = makeReplayBundle(fixed, sim, { variant: 'pull', overrides: { 'organization.size': 200 } });
    expect(bundle).toMatchObject({ format: 'equipotent-replay', version: 1, variant: 'pull', seed: 3, stopAt: 20 });
    expect(bundle.liveShocks.map((l) => l.tick)).toEqual([4, 10, 10]);
    const replayed = replay(JSON.parse(JSON.stringify(bundle)), validate);
    expect(replayed.hash()).toBe(sim.hash());
    expect(replayed.n).toBe(205);
    expect(() => replay({ ...bundle, variant: 'nope' }, validate)).toThrow(/no variant "nope"/);
    expect(() => replay({ ...bundle, overrides: { '__proto__.x': 1 } }, validate)).toThrow(/__proto__/);
    expect(() => replay({ ...bundle, liveShocks: [{ tick: 99, shock: { kind: 'reconnect' } }] }, validate)).toThrow(/liveShocks\.0\.tick/);
  });
});
