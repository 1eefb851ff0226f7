// The bridges from the classics to the organization model (issue 16 item 5):
// each classic run on an organization's layers, built by the organization
// model's generators. Radner's and the garbage can's are deterministic and
// checked exactly; March's orderings over seeds 101–110, not used while writing
// the scenario (its notice quotes seeds 1–20).
import { describe, expect, it } from 'vitest';
import { createModelSimulation } from '../../engine/model-simulation.ts';
import radner from '../../engine/models/radner/index.ts';
import march from '../../engine/models/march/index.ts';
import garbageCan from '../../engine/models/garbage-can/index.ts';
import { chartDelay } from '../../engine/models/radner/chart.ts';
import { radnerDelay } from '../../engine/models/radner/formula.ts';
import { accessMatrix, decisionMatrix, chartBelow, CHOICES } from '../../engine/models/garbage-can/structures.ts';
import { modelChartDelay } from '../../validation/classics/radner.ts';

describe('Radner\'s processors as a chart\'s managers', () => {
  it('the cycle-by-cycle model equals the managers\' finishing times computed recursively, and no chart beats Radner', () => {
    for (const [n, P] of [[64, 8], [256, 31], [1000, 31], [100, 21], [97, 13]] as const) {
      for (const span of [1, 2, 3, 4, 5, 7, P - 1]) {
        const d = modelChartDelay(n, P, span);
        expect(d, `n ${n}, P ${P}, span ${span}`).toBe(chartDelay(n, P, span));
        expect(d).toBeGreaterThanOrEqual(radnerDelay(n, P));
      }
    }
  });

  it('a flat chart takes ⌊n/P⌋ + P − 1 cycles (the boss reads the P − 1 subtotals one by one); a chain one more when items are left over', () => {
    for (const [n, P] of [[64, 8], [256, 31], [100, 21], [50, 50], [90, 7]] as const) {
      const q = Math.floor(n / P);
      if (n % P <= P - 2) expect(modelChartDelay(n, P, P - 1), `flat n ${n} P ${P}`).toBe(q + P - 1);
      expect(modelChartDelay(n, P, 1), `chain n ${n} P ${P}`).toBe(q + P - 1 + (n % P > 0 ? 1 : 0));
    }
  });

  it('the scenario\'s four organizations: 14, 16, 18 and 38 cycles, as its notice says', () => {
    expect([radnerDelay(256, 31), modelChartDelay(256, 31, 2), modelChartDelay(256, 31, 5), modelChartDelay(256, 31, 30)]).toEqual([14, 16, 18, 38]);
  });

  it('the efficient network is unchanged by the bridge (its runs keep their hash)', () => {
    const run = (r: Record<string, unknown>) => { const s = createModelSimulation(radner, { ticks: 40, radner: r }, 1); s.step(40); return s.hash(); };
    expect(run({ items: 256, processors: 31 })).toBe(run({ items: 256, processors: 31, network: 'efficient', span: 2 }));
  });
});

describe('the garbage can on a chart of command', () => {
  it('a chain (span 1) is exactly the 1972 program\'s hierarchical structures, run for run', () => {
    expect(accessMatrix('chart', 1)).toEqual(accessMatrix('hierarchical'));
    expect(decisionMatrix('chart', 1)).toEqual(decisionMatrix('hierarchical'));
    const run = (gc: Record<string, unknown>) => { const s = createModelSimulation(garbageCan, { ticks: 20, 'garbage-can': { load: 'heavy', ...gc } }, 3); s.step(20); return s.summary(); };
    expect(run({ access: 'chart', decision: 'chart', chartSpan: 1 })).toEqual(run({ access: 'hierarchical', decision: 'hierarchical' }));
  });

  it('a chart lets each person reach their own forum and those below them, and nobody else\'s', () => {
    const under = chartBelow(3); // head 0; managers 1, 2, 3; staff 4–6 under 1, 7–9 under 2
    const reach = (a: number) => [...Array(CHOICES).keys()].filter((b) => under[a * CHOICES + b] === 1);
    expect(reach(0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(reach(1)).toEqual([1, 4, 5, 6]);
    expect(reach(3)).toEqual([3]);
    expect(reach(9)).toEqual([9]);
  });

  it('free access resolves no problem at moderate load whatever the entry orders, and every chart resolves some (seeds 101–110)', () => {
    for (let seed = 101; seed <= 110; seed++) {
      const run = (gc: Record<string, unknown>) => { const s = createModelSimulation(garbageCan, { ticks: 20, 'garbage-can': { load: 'moderate', choiceEntry: 'random', problemEntry: 'random', ...gc } }, seed); s.step(20); return s.summary().metrics; };
      expect(run({ access: 'unsegmented', decision: 'unsegmented' })['resolutions']).toBe(0);
      let resolved = 0;
      for (const chartSpan of [1, 3, 9]) resolved += run({ access: 'chart', decision: 'chart', chartSpan })['resolutions']!;
      expect(resolved, `seed ${seed}`).toBeGreaterThan(0);
    }
  });
});

describe('March on one organization', () => {
  const T = 300, seeds = Array.from({ length: 10 }, (_, i) => 101 + i);
  const base = { m: 30, n: 50, p1: 0.5, p2: 0.5 };
  function meanKnowledge(structure: Record<string, unknown>, leavers = 0): { at10: number; at50: number; at300: number; code300: number } {
    const acc = { at10: 0, at50: 0, at300: 0, code300: 0 };
    for (const seed of seeds) {
      const sim = createModelSimulation(march, { ticks: T, march: { ...base, structure, leavers: { at: 50, every: 10, count: leavers } } }, seed);
      sim.step(T);
      const mk = sim.series().values['meanKnowledge']!;
      acc.at10 += mk[9]! / seeds.length; acc.at50 += mk[49]! / seeds.length; acc.at300 += mk[T - 1]! / seeds.length;
      acc.code300 += sim.summary().metrics['codeKnowledgeFinal']! / seeds.length;
    }
    return acc;
  }
  const code = meanKnowledge({ kind: 'code' }), chain = meanKnowledge({ kind: 'chain' });
  const peers = meanKnowledge({ kind: 'peers' }), copyAll = meanKnowledge({ kind: 'peers', learnFrom: 'all' });

  it('March\'s own runs are unchanged by the bridge (the code structure draws nothing more)', () => {
    const run = (m: Record<string, unknown>) => { const s = createModelSimulation(march, { ticks: 100, march: m }, 7); s.step(100); return s.hash(); };
    expect(run({ p1: 0.1, p2: 0.9 })).toBe(run({ p1: 0.1, p2: 0.9, structure: { kind: 'code', span: 2 }, leavers: { count: 0 } }));
  });

  it('early the code leads (it teaches everyone at once), then peers who copy better colleagues pass it; the chain trails', () => {
    expect(code.at10).toBeGreaterThan(peers.at10);
    expect(peers.at10).toBeGreaterThan(chain.at10);
    expect(peers.at50).toBeGreaterThan(code.at50);
    expect(code.at50).toBeGreaterThan(chain.at50);
    expect(peers.at300).toBeGreaterThan(code.at300);
  });

  it('the control: peers copying all their ties whatever their results learn nothing', () => {
    expect(Math.abs(copyAll.at300)).toBeLessThan(0.15);
    expect(peers.at300 - copyAll.at300).toBeGreaterThan(0.7);
  });

  it('turnover (the leavers\' shock) raises what the code and the chain end up knowing, as March found for the code', () => {
    const codeT = meanKnowledge({ kind: 'code' }, 2), chainT = meanKnowledge({ kind: 'chain' }, 2);
    expect(codeT.at300).toBeGreaterThan(code.at300 + 0.05);
    expect(chainT.at300).toBeGreaterThan(chain.at300 + 0.05);
  });
});
