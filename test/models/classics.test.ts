// The classics against their papers, on seeds not used while writing them
// (development: NK 5001–5060, March 1001–1100; here and in `check`: NK 70001+,
// March 30001+). Deterministic models are checked exactly; the rest as the
// validation cases run them in quick mode, plus the figures' orderings.
import { describe, expect, it } from 'vitest';
import { textbookCases, RunCache } from '../../validation/index.ts';
import { classicCases } from '../../validation/classics/index.ts';
import { averageCurve, crossingRound, nkCurves, seedRange } from '../../validation/classics/experiments.ts';
import { createModelSimulation } from '../../engine/model-simulation.ts';
import nkSearch from '../../engine/models/nk-search/index.ts';
import { CONTRIBUTIONS, DEPENDS, landscapeScores } from '../../engine/models/nk-search/landscape.ts';
import { radnerDelay, efficientDelay } from '../../engine/models/radner/formula.ts';
import { optimalDelay } from '../../engine/models/radner/optimum.ts';

const quick = new Map(classicCases.map((c) => [c.id, c]));
function passes(id: string): void {
  const r = quick.get(id)!.run({ quick: true, cache: new RunCache() });
  expect(r.pass, `${id}: model ${r.model}, published ${r.theory} ± ${r.tolerance} (${r.detail})`).toBe(true);
}

describe('the classics in the validation set', () => {
  it('are listed in `check`, once each', () => {
    for (const c of classicCases) expect(textbookCases.filter((v) => v.id === c.id)).toHaveLength(1);
  });
});

describe('Radner (1993): deterministic, checked exactly', () => {
  it.each(['radner-delay-1000-31', 'radner-delay-all', 'radner-optimal'])('%s', passes);

  it('more processors never lengthen the efficient delay, and n = 64 on 8 processors takes 8 + 3 cycles', () => {
    expect(radnerDelay(64, 8)).toBe(11);
    for (let P = 2; P <= 32; P++) expect(efficientDelay(64, P)).toBeLessThanOrEqual(efficientDelay(64, P - 1));
  });

  it('more than n/2 processors never beat the best network of at most n/2 (exhaustive, n ≤ 16)', () => {
    for (let n = 2; n <= 16; n++) for (let P = Math.floor(n / 2) + 1; P <= n; P++) expect(optimalDelay(n, P)).toBe(efficientDelay(n, Math.floor(n / 2)));
  });
});

describe('Cohen, March & Olsen (1972): deterministic for the printed entry orders', () => {
  it.each(['garbage-can-reimplementation', 'garbage-can-load', 'garbage-can-resolution-rare'])('%s', passes);
});

describe('March (1991): figure-only results as orderings over seeds', () => {
  it.each(['march-slow-socialization', 'march-slow-socialization-needs-fast-code', 'march-figure-1-p2-0.5', 'march-turnover', 'march-turbulence'])('%s', passes);
});

describe('Lazer & Friedman (2007)', () => {
  it('the documented discrepancy (distinct solutions at t = 16) still differs from the paper', () => {
    const c = quick.get('lazer-friedman-diversity-t16')!;
    expect(c.knownDiscrepancy).toBeDefined();
    expect(c.run({ quick: true, cache: new RunCache() }).pass).toBe(false);
  });

  it('scores every solution as (fitness / max)^8, with the best solution at exactly 1', () => {
    const sim = createModelSimulation(nkSearch, { ticks: 1, 'nk-search': { N: 12, K: 3 } }, 77);
    const scores = landscapeScores(sim.state, 12, 3, 8);
    const depends = sim.state.get(DEPENDS), table = sim.state.get(CONTRIBUTIONS);
    const fitness = (x: number) => {
      let f = 0;
      for (let i = 0; i < 12; i++) {
        let index = 0;
        for (let k = 0; k < 4; k++) index |= ((x >>> depends[i * 4 + k]!) & 1) << k;
        f += table[i * 16 + index]!;
      }
      return f;
    };
    let max = 0;
    for (let x = 0; x < 1 << 12; x++) max = Math.max(max, fitness(x));
    for (const x of [0, 1, 77, 1234, 4095]) expect(scores[x]).toBeCloseTo((fitness(x) / max) ** 8, 12);
    expect(Math.max(...scores)).toBe(1);
  });

  // 8 landscapes of N = 20, K = 5 (the paper's), shared by the assertions below.
  const seeds = seedRange(70001, 8);
  const line = nkCurves({ kind: 'linear' }, seeds, 120);
  const full = nkCurves({ kind: 'complete' }, seeds, 120);
  const lineAvg = averageCurve(line.mean), fullAvg = averageCurve(full.mean);

  it('the totally connected network leads early and the linear one ends higher, crossing once in between', () => {
    expect(fullAvg[4]!).toBeGreaterThan(lineAvg[4]! + 0.1);
    expect(lineAvg[119]!).toBeGreaterThan(fullAvg[119]! + 0.1);
    const round = crossingRound(lineAvg, fullAvg)!;
    expect(round).toBeGreaterThan(8);
    expect(round).toBeLessThan(40);
  });

  it('the totally connected network keeps one or two distinct solutions after the first round; the line many more', () => {
    const fullDistinct = averageCurve(full.distinct), lineDistinct = averageCurve(line.distinct);
    expect(fullDistinct[0]!).toBeLessThanOrEqual(2);
    expect(lineDistinct[15]!).toBeGreaterThan(5 * fullDistinct[15]!);
  });
});
