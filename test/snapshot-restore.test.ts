// Snapshot and restore under every way of working (client-server, p2p, steward,
// gossip): a run is a function of (scenario, seed, event log) however its steps
// are chunked, and a snapshot taken anywhere — restored into the same
// simulation, or as a structured clone into a fresh one (as a worker receives
// it) — continues exactly as the run did: the same hash tick by tick, the same
// series and summary.
//
// One property over random small scenarios of every kind (random-scenarios.ts),
// with, as fixed examples, the organizations the protocols' own tests used to
// copy this check onto: a hierarchy with delegation and a flat organization
// under client-server (successions happen), peers snapshotted between a
// removal and its repair ties, stewards tending a split network and a rumour.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../engine/simulation.ts';
import { baselines, cycle, frac, params, plainSeries, plainSummary, protocolCaseArb, PROTOCOL_KINDS, runTo, type Case } from './random-scenarios.ts';

const baseline = baselines();

const hierarchy341 = { size: 341, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 6, p: 0.1 } };
const csShocks = [
  { at: 30, kind: 'remove-nodes', target: 'top', count: 2 },
  { at: 45, kind: 'add-nodes', count: 12 },
  { at: 60, kind: 'remove-nodes', target: 'random', count: 15 },
  { at: 80, kind: 'partition' },
];
const csBase = {
  seed: 3,
  ticks: 120,
  population: { domains: 4, skill: { kind: 'uniform' }, capacity: 4 },
  environment: { rate: 4, deadline: 40, workTicks: 5 },
};

/** The fixed examples: [case, where the snapshot is taken (share of the run), step chunks]. */
const EXAMPLES: [Case, number, number[]][] = [
  [{
    label: 'client-server: a hierarchy with delegation',
    input: { ...csBase, organization: hierarchy341, protocol: { kind: 'client-server', decideAt: 'manager', reviewPeriod: 20, successionDelay: 10 }, shocks: csShocks },
    seed: 3, ticks: 120, live: [],
  }, 50.5 / 120, [10]],
  [{
    label: 'client-server: a flat organization',
    input: {
      ...csBase,
      organization: { size: 300, formal: null, informal: { kind: 'small-world', k: 6, p: 0.1 } },
      protocol: { kind: 'client-server', reviewPeriod: 20, successionDelay: 10 },
      shocks: [{ ...csShocks[0], target: 'degree', count: 1 }, ...csShocks.slice(1, 3)],
    },
    seed: 3, ticks: 120, live: [],
  }, 50.5 / 120, [10]],
  [{
    label: 'p2p: between a removal and its repair ties',
    input: {
      seed: 11,
      ticks: 120,
      organization: { size: 400, formal: { kind: 'hierarchy', span: 5 }, informal: { kind: 'small-world', k: 6, p: 0.1 } },
      environment: { rate: 2, deadline: 40 },
      protocol: { kind: 'p2p', team: true, repairDelay: 7 },
      shocks: [{ at: 30, kind: 'remove-nodes', target: 'degree', count: 3 }, { at: 50, kind: 'partition' }, { at: 70, kind: 'reconnect' }],
    },
    seed: 11, ticks: 120, live: [],
  }, 33.5 / 120, [10]],
  [{
    label: 'steward: a split network and a rumour',
    input: {
      seed: 5,
      ticks: 120,
      organization: { size: 400, formal: { kind: 'hierarchy', span: 5 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
      population: { skill: { kind: 'beta', a: 2, b: 5 } },
      environment: { rate: 2, deadline: 20 },
      information: { items: [{ id: 'r', truth: false, at: 10, seedCount: 3 }] },
      protocol: { kind: 'steward', team: true, factCheck: 0.3 },
      shocks: [{ at: 25, kind: 'remove-nodes', target: 'top', count: 2 }, { at: 45, kind: 'partition' }, { at: 75, kind: 'reconnect' }],
    },
    seed: 5, ticks: 120, live: [],
  }, 47.5 / 120, [10]],
];

describe('snapshot and restore under every way of working', () => {
  it('a run in random chunks, snapshotted anywhere and restored (in place, or cloned into a fresh simulation), repeats the run tick by tick, under every way of working', () => {
    /** Scalars of the fixed examples at the snapshot and at the end, to show their mechanisms were running. */
    const seen = new Map<string, { atSnapshot: Record<string, number>; atEnd: Record<string, number>; metrics: Record<string, number | null> }>();
    /** How many cases of each kind the property drew. */
    const drawn = new Map<string, number>();
    const chunksArb = fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(protocolCaseArb, frac, chunksArb, (c, where, chunks) => {
        const kind = (c.input.protocol as { kind: string }).kind;
        drawn.set(kind, (drawn.get(kind) ?? 0) + 1);
        const b = baseline(c);
        const at = Math.floor(where * c.ticks);
        /** Runs to `until` in the drawn chunks, holding the hash to the baseline's at every stop. */
        const runChecked = (sim: ReturnType<typeof createSimulation>, until: number) => {
          const chunk = cycle(chunks);
          while (sim.tick < until) {
            runTo(sim, c.live, Math.min(until, sim.tick + chunk()), () => Infinity);
            expect(sim.hash(), `${kind}: hash after tick ${sim.tick - 1}`).toBe(b.hashes[sim.tick - 1]);
          }
        };
        // The same seed in chunks gives the same run; a snapshot on the way does not disturb it.
        const sim = createSimulation(b.scenario, c.seed);
        runChecked(sim, at);
        const snap = sim.snapshot();
        const atSnapshot = { ...sim.state.scalars };
        runChecked(sim, c.ticks);
        expect(sim.hash()).toBe(b.final);
        expect(plainSeries(sim.series())).toEqual(b.series);
        expect(plainSummary(sim)).toEqual(b.summary);
        if (c.label) seen.set(c.label, { atSnapshot, atEnd: { ...sim.state.scalars }, metrics: sim.summary().metrics });
        // Restored in place, it continues as before.
        sim.restore(snap);
        expect(sim.tick).toBe(at);
        runChecked(sim, c.ticks);
        expect(plainSummary(sim)).toEqual(b.summary);
        expect(plainSeries(sim.series())).toEqual(b.series);
        // A fresh simulation of the same scenario, given a structured clone (as a worker receives it).
        const fresh = createSimulation(b.scenario, c.seed);
        fresh.step(Math.min(3, c.ticks)); // state that the restore must fully replace
        fresh.restore(structuredClone(snap));
        expect(fresh.tick).toBe(at);
        expect(fresh.n).toBe(snap.n);
        runChecked(fresh, c.ticks);
        expect(plainSummary(fresh)).toEqual(b.summary);
        expect(plainSeries(fresh.series())).toEqual(b.series);
      }),
      // Twice the runs of a gossip-only property: about as many gossip cases as determinism.test.ts draws, and the other kinds besides.
      { ...params, numRuns: 2 * params.numRuns, examples: EXAMPLES },
    );
    // The property drew every way of working, and the fixed examples ran their mechanisms across the snapshot.
    for (const kind of PROTOCOL_KINDS) expect(drawn.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(Math.min(20, params.numRuns / 12));
    const ex = (i: number) => seen.get(EXAMPLES[i]![0].label!)!;
    // Client-server: the removed top (or best-connected person) was succeeded.
    expect(ex(0).metrics['successions']!).toBeGreaterThan(0);
    expect(ex(1).metrics['successions']!).toBeGreaterThan(0);
    // Peers: no repair tie yet at the snapshot (removal at 30, repairs 7 ticks later), some by the end.
    expect(ex(2).atSnapshot['p2p.repairTies']).toBe(0);
    expect(ex(2).atEnd['p2p.repairTies']!).toBeGreaterThan(0);
    // Stewards added ties (to bridge the split network).
    expect(ex(3).atEnd['steward.ties']!).toBeGreaterThan(0);
  });
});
