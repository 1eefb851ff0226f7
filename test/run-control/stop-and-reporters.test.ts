// `stop` and `reporters` in the engine (engine/run-control.ts): a run ends at
// the first tick its condition holds — the same tick and state hash however it
// is stepped (one call, chunks of 7, a snapshot restored into a fresh
// simulation) and equal to a run of exactly that many ticks without a stop —;
// reporters equal a hand computation from the series; bad declarations are
// refused naming the field and the fix.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/simulation.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import { reporterValues } from '../../engine/run-control.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';

const base = {
  seed: 11,
  ticks: 120,
  organization: { size: 60, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
  environment: { rate: 2, deadline: 20, workTicks: 3 },
  protocol: { kind: 'p2p' },
};

function scenario(extra: object): Scenario {
  const r = validateScenario({ ...base, ...extra });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

const STOP = { metric: 'resolvedCum', op: '>=', value: 40 } as const;

describe('stop', () => {
  const stopped = createSimulation(scenario({ stop: STOP }));
  stopped.step(stopped.scenario.ticks);
  const ticksRun = stopped.tick;

  it('ends the run at the first tick where the condition holds, before `ticks`', () => {
    const free = createSimulation(scenario({}));
    free.step(120);
    const cum = free.series().values.resolvedCum!;
    let first = -1;
    for (let t = 0; t < 120; t++) if (cum[t]! >= 40) { first = t; break; }
    expect(first).toBeGreaterThan(5);
    expect(ticksRun).toBe(first + 1);
    expect(stopped.stopped).toBe(true);
    expect(stopped.series().values.resolvedCum![ticksRun - 1]).toBeGreaterThanOrEqual(40);
    expect(stopped.series().values.resolvedCum![ticksRun - 2]).toBeLessThan(40);
    // Further steps do nothing.
    const h = stopped.hash();
    stopped.step(10);
    expect(stopped.tick).toBe(ticksRun);
    expect(stopped.hash()).toBe(h);
  });

  it('hashes at the stop tick exactly as a run of that many ticks without a stop', () => {
    const free = createSimulation(scenario({}));
    free.step(ticksRun);
    expect(free.stopped).toBe(false);
    expect(stopped.hash()).toBe(free.hash());
    expect(stopped.summary()).toEqual(free.summary());
  });

  it('chunked steps and a snapshot restored into a fresh simulation stop at the same tick with the same hash', () => {
    const chunked = createSimulation(scenario({ stop: STOP }));
    while (chunked.tick < 120 && !chunked.stopped) chunked.step(7);
    expect(chunked.tick).toBe(ticksRun);
    expect(chunked.hash()).toBe(stopped.hash());

    const first = createSimulation(scenario({ stop: STOP }));
    first.step(Math.floor(ticksRun / 2));
    const snap = structuredClone(first.snapshot());
    const fresh = createSimulation(scenario({ stop: STOP }));
    fresh.restore(snap);
    fresh.step(1000);
    expect(fresh.tick).toBe(ticksRun);
    expect(fresh.hash()).toBe(stopped.hash());

    // A snapshot taken after the stop restores as stopped.
    const after = createSimulation(scenario({ stop: STOP }));
    after.restore(structuredClone(stopped.snapshot()));
    expect(after.stopped).toBe(true);
    after.step(5);
    expect(after.tick).toBe(ticksRun);
  });

  it('a condition that never holds runs every tick', () => {
    const sim = createSimulation(scenario({ stop: { metric: 'resolvedCum', op: '<', value: -1 } }));
    sim.step(120);
    expect(sim.tick).toBe(120);
    expect(sim.stopped).toBe(false);
  });
});

describe('reporters', () => {
  const reporters = {
    meanMid: { metric: 'resolved', agg: 'mean', from: 10, to: 29 },
    sumAll: { metric: 'resolved', agg: 'sum' },
    minBacklog: { metric: 'backlog', agg: 'min', from: 50 },
    maxBacklog: { metric: 'backlog', agg: 'max', to: 60 },
    firstVal: { metric: 'resolvedCum', agg: 'first', from: 30 },
    lastVal: { metric: 'resolvedCum', agg: 'last' },
    reach20: { metric: 'resolvedCum', agg: 'firstTick', op: '>=', value: 20 },
    never: { metric: 'resolvedCum', agg: 'firstTick', op: '<', value: -5 },
    beyond: { metric: 'resolved', agg: 'mean', from: 500 },
  };
  const sim = createSimulation(scenario({ reporters }));
  sim.step(120);
  const got = reporterValues(sim.scenario.reporters, sim.series());
  const s = (name: string, a: number, b: number) => Array.from(sim.series().values[name]!.slice(a, b + 1));

  it('window aggregates equal a hand computation from the series', () => {
    const mid = s('resolved', 10, 29);
    expect(got.meanMid).toBeCloseTo(mid.reduce((x, y) => x + y, 0) / 20, 12);
    expect(got.sumAll).toBe(s('resolved', 0, 119).reduce((x, y) => x + y, 0));
    expect(got.minBacklog).toBe(Math.min(...s('backlog', 50, 119)));
    expect(got.maxBacklog).toBe(Math.max(...s('backlog', 0, 60)));
    expect(got.firstVal).toBe(s('resolvedCum', 30, 30)[0]);
    expect(got.lastVal).toBe(s('resolvedCum', 119, 119)[0]);
    expect(got.lastVal).toBe(sim.summary().metrics.resolved);
  });

  it('firstTick is the first tick the condition holds; null when it never does or the window is past the run', () => {
    const cum = s('resolvedCum', 0, 119);
    expect(got.reach20).toBe(cum.findIndex((x) => x >= 20));
    expect(got.reach20).toBeGreaterThan(0);
    expect(got.never).toBeNull();
    expect(got.beyond).toBeNull();
  });

  it('with a stop, the window ends at the last tick run', () => {
    const stopped = createSimulation(scenario({ stop: STOP, reporters: { last: { metric: 'resolvedCum', agg: 'last' } } }));
    stopped.step(120);
    expect(reporterValues(stopped.scenario.reporters, stopped.series()).last).toBe(stopped.series().values.resolvedCum![stopped.tick - 1]);
  });
});

describe('bad stop and reporters', () => {
  it('every problem at once, each naming the field and the fix', () => {
    const r = validateScenario({
      ...base,
      stop: { metric: 'resolvedCumm', op: '>=', value: 1 },
      reporters: {
        'bad name': { metric: 'resolved', agg: 'mean' },
        noOp: { metric: 'resolved', agg: 'firstTick' },
        extraOp: { metric: 'resolved', agg: 'mean', op: '>', value: 1 },
        backwards: { metric: 'resolved', agg: 'sum', from: 30, to: 10 },
        valuePerTick: { metric: 'resolved', agg: 'sum' },
        unknown: { metric: 'nothing', agg: 'max' },
      },
    });
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : r.errors.join('\n');
    for (const m of [
      /reporters\["bad name"\].*a letter, then letters, digits or _/,
      /reporters\.noOp\.op: required for agg "firstTick"/,
      /reporters\.noOp\.value: required/,
      /reporters\.extraOp\.op: only agg "firstTick" takes a condition/,
      /reporters\.backwards\.to: expected to >= from \(30\), got 10/,
    ]) expect(text).toMatch(m);
    // The registry checks wait for a clean parse: fix the shape, then the names are checked.
    const r2 = validateScenario({ ...base, stop: { metric: 'resolvedCumm', op: '>=', value: 1 }, reporters: { resolved: { metric: 'resolved', agg: 'sum' }, unknown: { metric: 'nothing', agg: 'max' } } });
    const text2 = r2.ok ? '' : r2.errors.join('\n');
    expect(text2).toMatch(/stop\.metric: "resolvedCumm" is not a per-tick metric; use one of .*resolvedCum/);
    expect(text2).toMatch(/reporters\.unknown\.metric: "nothing" is not a per-tick metric/);
    expect(text2).toMatch(/reporters\.resolved: "resolved" is already a column/);
  });

  it('a declared metric this run does not record (a way of working it does not use) is refused when the run is built', () => {
    expect(() => createSimulation(scenario({ stop: { metric: 'serverQueue', op: '>', value: 3 } }))).toThrow(/stop\.metric: "serverQueue" is not recorded in this run/);
  });
});
