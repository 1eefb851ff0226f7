// The offline replications (docs/classics/replicate.ts → docs/classics/data/)
// are reproducible: a few of the stored runs are rerun here and must come out
// the same, number for number (the full runs take minutes; CI reruns seconds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { marchEquilibrium, nkCurves, seedRange } from '../../validation/classics/experiments.ts';
import { garbageCanRun } from '../../validation/classics/garbage-can.ts';
import { modelDelay } from '../../validation/classics/radner.ts';

const data = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../docs/classics/data', name), 'utf8'));

describe('stored replications of the classics', () => {
  it('March: the first 5 seeds of p2 = 0.5, p1 = 0.1 give the stored equilibrium knowledge', () => {
    const stored = data('march.json').perSeed['p2=0.5,p1=0.1'] as number[];
    expect(marchEquilibrium({ p1: 0.1, p2: 0.5 }, seedRange(30001, 5))).toEqual(stored.slice(0, 5));
  });

  it('Lazer & Friedman: the first landscape\'s linear and totally connected runs end at the stored scores', () => {
    const curves = data('lazer-friedman.json').curves;
    for (const [label, network] of [['linear', { kind: 'linear' }], ['totally connected', { kind: 'complete' }]] as const) {
      const run = nkCurves(network, [70001], 200);
      expect(Math.round(run.final[0]! * 1e6) / 1e6, label).toBe(curves[label].final[0]);
    }
  });

  it('the garbage can: the heavy-load, specialized-access cell gives the stored decision styles', () => {
    const stored = data('garbage-can.json').styles['heavy/specialized'];
    let flights = 0, resolutions = 0, runs = 0;
    for (const energyDistribution of ['increasing', 'equal', 'decreasing']) for (const decision of ['unsegmented', 'hierarchical', 'specialized'])
      for (const choiceEntry of [1, 2]) for (const problemEntry of [1, 2]) {
        const m = garbageCanRun({ load: 'heavy', access: 'specialized', energyDistribution, decision, choiceEntry, problemEntry });
        flights += m['flights']!; resolutions += m['resolutions']!; runs++;
      }
    expect(runs).toBe(stored.runs);
    expect(Math.round((flights / runs) * 1000) / 1000).toBe(stored.flights);
    expect(Math.round((resolutions / runs) * 1000) / 1000).toBe(stored.resolutions);
  });

  it('Radner: every stored delay for n = 64 is the model\'s and the formula\'s', () => {
    for (const row of data('radner.json')['64'] as { P: number; model: number; formula: number }[]) {
      expect(modelDelay(64, row.P)).toBe(row.model);
      expect(row.model).toBe(row.formula);
    }
  });
});
