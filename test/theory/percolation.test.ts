// Removals against percolation theory (MODEL.md §7 remove-nodes, §8
// giantComponent): the validation set's percolation cases in quick mode, each
// run once and shared by the assertions below, plus the theory values and the
// independent union–find checked on their own.
import { describe, expect, it } from 'vitest';
import { textbookCases } from '../../validation/index.ts';
import { outcome } from './outcomes.ts';
import { sitePercolationGiant, SUBCRITICAL_CEILING } from '../../validation/cases/removal-er.ts';
import { INTACT_ABOVE, SHATTERED_BELOW } from '../../validation/cases/attack-ba.ts';
import { largestComponentUnionFind } from '../../validation/cases/giant-union-find.ts';
import { buildGraph, completeGraph } from '../../engine/graph/csr.ts';
import { giantComponentSize } from '../../engine/graph/components.ts';

const PERCOLATION_CASES = textbookCases.map((c) => c.id).filter((id) => /^(removal|attack|giant)/.test(id));

describe('the validation set: percolation under removals (quick)', () => {
  it('has the percolation cases', () => {
    expect(PERCOLATION_CASES.length).toBe(8);
  });
  it.each(PERCOLATION_CASES)('%s passes', (id) => {
    const r = outcome(id);
    expect(r.pass, `${id}: model ${r.model}, theory ${r.theory} ±${r.tolerance} — ${r.detail}`).toBe(true);
  });
});

describe('random removal from an Erdős–Rényi organization', () => {
  it('random removal on ER follows the percolation curve', () => {
    // phi·S with S = 1 − exp(−c·phi·S), c = 4.
    expect(sitePercolationGiant(4, 0)).toBeCloseTo(0.9802, 4);
    expect(sitePercolationGiant(4, 0.2)).toBeCloseTo(0.7620, 4);
    expect(sitePercolationGiant(4, 0.5)).toBeCloseTo(0.3984, 4);
    expect(sitePercolationGiant(4, 0.7)).toBeCloseTo(0.0941, 4);
    expect(sitePercolationGiant(4, 0.8)).toBe(0); // c·phi = 0.8 < 1
    const curve = [0.2, 0.5, 0.7].map((f) => outcome(`removal-er-f${f}`));
    for (const r of curve) {
      expect(Math.abs(r.model - r.theory)).toBeLessThan(0.01);
      expect(r.pass).toBe(true);
    }
    expect(curve[0]!.model).toBeGreaterThan(curve[1]!.model);
    expect(curve[1]!.model).toBeGreaterThan(curve[2]!.model);
  });

  it('below the threshold (f = 0.8, c·phi < 1) no giant component is left', () => {
    const r = outcome('removal-er-f0.8');
    expect(r.model).toBeLessThan(SUBCRITICAL_CEILING);
    expect(r.pass).toBe(true);
  });
});

describe('attack and failure in a scale-free organization', () => {
  it('removing 5 % hubs of a BA organization cuts more than 5 % at random; 15 % hubs shatters it', () => {
    const five = outcome('attack-ba-hubs-5');
    expect(five.relation).toBe('>');
    expect(five.model).toBeGreaterThan(0.05); // at least 5 points of n more are cut off
    expect(five.pass).toBe(true);
    const fifteen = outcome('attack-ba-hubs-15');
    expect(fifteen.relation).toBe('<');
    expect(fifteen.theory).toBe(SHATTERED_BELOW);
    expect(fifteen.pass).toBe(true);
  });

  it('removing 15 % of a BA organization at random barely dents it', () => {
    const r = outcome('attack-ba-random-15');
    expect(r.theory).toBe(INTACT_ABOVE);
    expect(r.model).toBeGreaterThan(0.8);
    expect(r.pass).toBe(true);
  });
});

describe('the giant component', () => {
  it('the giant component after removals equals an independent union–find computation', () => {
    const r = outcome('giant-union-find');
    expect(r.model).toBe(0);
    expect(r.pass).toBe(true);
  });

  it('the union–find itself finds the largest component among the alive', () => {
    // Two triangles {0,1,2} and {3,4,5} joined by 2–3, plus 6 alone.
    const src = Int32Array.from([0, 1, 0, 3, 4, 3, 2]);
    const dst = Int32Array.from([1, 2, 2, 4, 5, 5, 3]);
    const g = buildGraph(7, src, dst);
    const alive = new Uint8Array(7).fill(1);
    expect(largestComponentUnionFind(g, alive)).toBe(6);
    alive[2] = 0; // {0,1} and {3,4,5}
    expect(largestComponentUnionFind(g, alive)).toBe(3);
    expect(giantComponentSize(g, alive)).toBe(3);
    alive.fill(0);
    expect(largestComponentUnionFind(g, alive)).toBe(0);
    const k = completeGraph(5);
    expect(largestComponentUnionFind(k, Uint8Array.from([1, 0, 1, 1, 0]))).toBe(3);
  });
});
