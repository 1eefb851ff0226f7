// First- and total-order Sobol' indices (Saltelli 2010 / Jansen estimators on a
// Saltelli design) against analytic values: the Ishigami function (a = 7,
// b = 0.1; Ishigami & Homma 1990, indices as in Saltelli et al. 2008, §4.9) and
// Sobol's G function (Saltelli & Sobol' 1995). Tolerances are stated per test.
import { describe, expect, it } from 'vitest';
import { saltelliUnitDesign, saltelliSkip } from '../../stats/saltelli.ts';
import { sobolIndices } from '../../stats/sobol-indices.ts';
import { standaloneRng } from '../../engine/rng.ts';

const ISHIGAMI = { S1: [0.3139, 0.4424, 0], ST: [0.5576, 0.4424, 0.2437] };
const ishigami = (u: readonly number[]) => {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v) as [number, number, number];
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
};

// G function: V_i = 1 / (3 (1 + a_i)^2), V = Π(1 + V_i) − 1, S_i = V_i / V, ST_i = V_i Π_{j≠i}(1 + V_j) / V.
const G_A = [0, 1, 4.5, 9, 99, 99, 99, 99];
const gFunction = (u: readonly number[]) => u.reduce((p, x, i) => (p * (Math.abs(4 * x - 2) + G_A[i]!)) / (1 + G_A[i]!), 1);
const gVi = G_A.map((a) => 1 / (3 * (1 + a) ** 2));
const gV = gVi.reduce((p, v) => p * (1 + v), 1) - 1;
const G_S1 = gVi.map((v) => v / gV);
const G_ST = gVi.map((v, i) => (v * gVi.reduce((p, w, j) => (j === i ? p : p * (1 + w)), 1)) / gV);

describe("Sobol' indices on a Saltelli design", () => {
  it('lays rows out per base sample as A, AB_1 … AB_k, B (AB_j = A with column j from B), N·(k+2) rows, starting at Sobol point max(N, 16)', () => {
    const rows = saltelliUnitDesign(3, 8);
    expect(rows.length).toBe(8 * 5);
    expect(saltelliSkip(8)).toBe(16);
    expect(saltelliSkip(64)).toBe(64);
    for (let i = 0; i < 8; i++) {
      const [a, ab1, ab2, ab3, b] = rows.slice(i * 5, i * 5 + 5) as number[][];
      expect(ab1).toEqual([b![0], a![1], a![2]]);
      expect(ab2).toEqual([a![0], b![1], a![2]]);
      expect(ab3).toEqual([a![0], a![1], b![2]]);
    }
  });

  it('Ishigami (a = 7, b = 0.1), N = 4096: S1 = 0.3139, 0.4424, 0 and ST = 0.5576, 0.4424, 0.2437 within 0.01, each inside its bootstrap 95 % interval', () => {
    const y = saltelliUnitDesign(3, 4096).map(ishigami);
    const idx = sobolIndices(y, 3, standaloneRng(1, 'bootstrap'), 500);
    idx.forEach((s, j) => {
      expect(s.n).toBe(4096);
      expect(Math.abs(s.S1 - ISHIGAMI.S1[j]!)).toBeLessThan(0.01);
      expect(Math.abs(s.ST - ISHIGAMI.ST[j]!)).toBeLessThan(0.01);
      expect(s.S1Low).toBeLessThan(ISHIGAMI.S1[j]!);
      expect(s.S1High).toBeGreaterThan(ISHIGAMI.S1[j]!);
      expect(s.STLow).toBeLessThan(ISHIGAMI.ST[j]!);
      expect(s.STHigh).toBeGreaterThan(ISHIGAMI.ST[j]!);
    });
  });

  it("Sobol's G function (a = 0, 1, 4.5, 9, 99 × 4), N = 4096: every S1 and ST within 0.005 of the analytic values (S1_1 = 0.7162, ST_1 = 0.7871)", () => {
    const y = saltelliUnitDesign(8, 4096).map(gFunction);
    const idx = sobolIndices(y, 8, standaloneRng(1, 'bootstrap'), 100);
    expect(G_S1[0]).toBeCloseTo(0.7162, 4);
    expect(G_ST[0]).toBeCloseTo(0.7871, 4);
    idx.forEach((s, j) => {
      expect(Math.abs(s.S1 - G_S1[j]!)).toBeLessThan(0.005);
      expect(Math.abs(s.ST - G_ST[j]!)).toBeLessThan(0.005);
    });
  });

  it('the bootstrap 95 % intervals cover the true Ishigami indices in about 95 % of 40 independent Monte Carlo designs (N = 512; at least 85 % each)', () => {
    // Plain Monte Carlo A and B (not Sobol'), so that designs differ by seed and coverage can be counted.
    const covered = { S1: [0, 0, 0], ST: [0, 0, 0] };
    const seeds = 40;
    for (let seed = 1; seed <= seeds; seed++) {
      const rng = standaloneRng(seed, 'mc-design');
      const y: number[] = [];
      for (let i = 0; i < 512; i++) {
        const a = [rng.float(), rng.float(), rng.float()];
        const b = [rng.float(), rng.float(), rng.float()];
        y.push(ishigami(a));
        for (let j = 0; j < 3; j++) y.push(ishigami(a.map((x, q) => (q === j ? b[q]! : x))));
        y.push(ishigami(b));
      }
      const idx = sobolIndices(y, 3, standaloneRng(seed, 'bootstrap'), 300);
      idx.forEach((s, j) => {
        if (s.S1Low <= ISHIGAMI.S1[j]! && ISHIGAMI.S1[j]! <= s.S1High) covered.S1[j]!++;
        if (s.STLow <= ISHIGAMI.ST[j]! && ISHIGAMI.ST[j]! <= s.STHigh) covered.ST[j]!++;
      });
    }
    for (const c of [...covered.S1, ...covered.ST]) expect(c / seeds).toBeGreaterThanOrEqual(0.85);
    const mean = [...covered.S1, ...covered.ST].reduce((a, b) => a + b, 0) / (6 * seeds);
    expect(mean).toBeGreaterThan(0.88);
  });

  it('leaves out base samples with a missing output, and gives NaN indices for outputs that do not vary', () => {
    const y = saltelliUnitDesign(3, 256).map(ishigami);
    y[5 * 7 + 2] = NaN; // one AB output of base sample 7
    const idx = sobolIndices(y, 3, standaloneRng(1, 'bootstrap'), 50);
    expect(idx[0]!.n).toBe(255);
    const flat = sobolIndices(new Array(5 * 16).fill(3), 3, standaloneRng(1, 'bootstrap'), 10);
    expect(flat.every((s) => Number.isNaN(s.S1) && Number.isNaN(s.ST))).toBe(true);
  });

  it('the same seed gives the same intervals (the bootstrap draws only from the stream it is given)', () => {
    const y = saltelliUnitDesign(3, 128).map(ishigami);
    expect(sobolIndices(y, 3, standaloneRng(9, 'bootstrap'), 100)).toEqual(sobolIndices(y, 3, standaloneRng(9, 'bootstrap'), 100));
  });
});
