// Random small scenarios for the determinism properties (test/determinism.test.ts,
// test/snapshot-restore.test.ts): organizations of every layer kind, items of
// news, scheduled and live shocks, drawn by fast-check with a fixed seed (set
// FC_SEED and FC_RUNS to explore more), and how to drive and record a run of one.
// `caseArb` draws gossip scenarios; `protocolCaseArb` every way of working.
import { expect } from 'vitest';
import fc from 'fast-check';
import { createSimulation, type LiveShock, type Simulation } from '../engine/simulation.ts';
import { validateScenario } from '../engine/scenario/validate.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import type { SeriesStore } from '../engine/metrics.ts';

export const FC_SEED = Number(process.env.FC_SEED ?? 20240611);
export const NUM_RUNS = Number(process.env.FC_RUNS ?? 120);
/** fast-check's parameters for every property over these cases. */
export const params = { seed: FC_SEED, numRuns: NUM_RUNS };

export function validate(input: unknown): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(`generated scenario is invalid:\n  ${r.errors.join('\n  ')}\n${JSON.stringify(input)}`);
  return r.scenario;
}

// ---------------------------------------------------------------- random small scenarios

const KINDS = ['same-as-formal', 'matrix', 'multiscale', 'small-world', 'scale-free', 'random', 'lattice', 'complete'] as const;
const ON_TREE = new Set(['same-as-formal', 'matrix', 'multiscale']);
export const MODES = ['push', 'pull', 'push-pull', 'flood'] as const;
export const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
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

const rawCaseArb = fc.record({
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
type RawCase = typeof rawCaseArb extends fc.Arbitrary<infer T> ? T : never;
type RawShock = RawCase['shocks'][number];

/** A runnable case: the scenario input, its seed, its length and its live shocks. */
export interface Case {
  input: Record<string, unknown>;
  seed: number;
  ticks: number;
  live: LiveShock[];
  /** A fixed case's name (a property's `examples`), to look at it afterwards. */
  label?: string;
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

function makeCase(r: RawCase, way: WayOfWorking = { protocol: { kind: 'gossip', capacityLimited: r.capacityLimited } }): Case {
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
    ...(i === 0 && way.falseFirstItem ? { truth: false } : {}),
    at: Math.floor(it.at * r.ticks),
    ...(it.explicitSeeds ? { seeds: Array.from({ length: it.seedCount }, (_, j) => (j * 7 + i) % n) } : { seedCount: it.seedCount }),
    spread: { mode: it.mode, fanout: it.fanout, beta: it.beta, stifle: it.stifle },
  }));
  const input = {
    seed: r.seed,
    ticks: r.ticks,
    organization: { size: n, formal: formal ? { kind: 'hierarchy', span: r.span } : null, informal },
    population: { domains: 3, skill: { kind: 'uniform' }, capacity: r.capacity },
    ...(way.environment ? { environment: way.environment } : {}),
    protocol: way.protocol,
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
export function runTo(sim: Simulation, live: readonly LiveShock[], until: number, chunk: () => number = () => 1): void {
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

export function cycle(xs: number[]): () => number {
  let i = 0;
  return () => xs[i++ % xs.length]!;
}

/** Series as plain arrays over their recorded length (NaN → null, so equality is plain). */
export function plainSeries(s: SeriesStore): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const name of s.names) out[name] = Array.from(s.values[name]!.subarray(0, s.length), (x) => (Number.isNaN(x) ? null : x));
  return out;
}

export const plainSummary = (sim: Simulation) => JSON.parse(JSON.stringify(sim.summary()));

export interface Baseline {
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

/** The case run one tick at a time, recorded once per test file and shared by its properties. */
export function baselines(): (c: Case) => Baseline {
  const recorded = new Map<string, Baseline>();
  return (c) => {
    let b = recorded.get(JSON.stringify(c));
    if (!b) {
      b = record(c);
      recorded.set(JSON.stringify(c), b);
    }
    return b;
  };
}

function record(c: Case): Baseline {
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
  return { scenario, hashes, final: sim.hash(), series: plainSeries(sim.series()), summary: plainSummary(sim), alive, skill, skillEnd };
}

/** Random small gossip scenarios (the information model on every kind of layer). */
export const caseArb = rawCaseArb.map((r) => makeCase(r));

// ---------------------------------------------------------------- every way of working

/** The way of working a case runs under: the protocol, the situations that arrive, and whether the first item is false (a rumour). */
export interface WayOfWorking {
  protocol: Record<string, unknown>;
  environment?: Record<string, unknown>;
  falseFirstItem?: boolean;
}

export const PROTOCOL_KINDS = ['client-server', 'p2p', 'steward', 'gossip'] as const;

const environmentArb = fc.record({
  rate: fc.double({ min: 0.2, max: 4, noNaN: true }),
  deadline: fc.integer({ min: 5, max: 40 }),
});

const peerArb = {
  team: fc.boolean(),
  fanout: fc.integer({ min: 1, max: 4 }),
  ttl: fc.integer({ min: 0, max: 4 }),
  recall: fc.integer({ min: 1, max: 8 }),
  repair: prob,
  repairDelay: fc.integer({ min: 0, max: 10 }),
};

/**
 * Each kind with the parameters its mechanisms turn on (succession, delegation,
 * repair, teams, stewards' ties and fact-checks). Gossip, the cheapest and the
 * one with the most spreading modes, is drawn half of the time.
 */
const protocolArb = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('gossip'), capacityLimited: fc.boolean() }), weight: 3 },
  fc.record({
    kind: fc.constant('client-server'),
    decideAt: fc.constantFrom('root', 'manager'),
    reviewPeriod: fc.integer({ min: 1, max: 20 }),
    successionDelay: fc.integer({ min: 0, max: 15 }),
  }),
  fc.record({ kind: fc.constant('p2p'), ...peerArb }),
  fc.record({
    kind: fc.constant('steward'),
    ...peerArb,
    stewards: fc.integer({ min: 0, max: 5 }),
    period: fc.integer({ min: 1, max: 10 }),
    budget: fc.integer({ min: 0, max: 3 }),
    factCheck: prob,
  }),
);

const wayArb: fc.Arbitrary<WayOfWorking> = fc.record({ protocol: protocolArb, environment: environmentArb, falseFirstItem: fc.boolean() });

/** Random small scenarios under every way of working (client-server, p2p, steward, gossip). */
export const protocolCaseArb = fc.tuple(rawCaseArb, wayArb).map(([r, way]) => makeCase(r, way));
