// Determinism (MODEL.md §1–2): a run is a function of (scenario, seed, event
// log) — however its steps are chunked, replayed from a bundle — and variants
// that differ in the information model see the same people and the same
// removals (common random numbers). Snapshot and restore, under every way of
// working, are in snapshot-restore.test.ts.
//
// Properties run over random small scenarios (random-scenarios.ts) with a fixed
// fast-check seed; every property draws the same cases, so the baseline run of
// a case is computed once and shared (see `baseline`).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../engine/simulation.ts';
import { makeReplayBundle, replay, type ReplayBundle } from '../engine/replay.ts';
import { baselines, caseArb as cases, cycle, frac, MODES, params, plainSeries, plainSummary, runTo, validate } from './random-scenarios.ts';

const baseline = baselines();

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
