// Morris's elementary effects (stats/morris.ts): the trajectories' shape, exact
// μ* and σ for a linear function, and the known ordering of a function with
// non-linear and interacting parameters.
import { describe, expect, it } from 'vitest';
import { morrisDelta, morrisIndices, morrisUnitDesign } from '../../stats/morris.ts';
import { standaloneRng } from '../../engine/rng.ts';

describe('Morris screening', () => {
  it('each trajectory has k + 1 points on the p-level grid, each step moving one parameter (each parameter once) by ±Δ = p/(2(p−1))', () => {
    const k = 5;
    const levels = 4;
    const rows = morrisUnitDesign(k, 20, levels, standaloneRng(1, 'design'));
    expect(rows.length).toBe(20 * (k + 1));
    expect(morrisDelta(4)).toBeCloseTo(2 / 3, 15);
    for (let t = 0; t < 20; t++) {
      const moved = new Set<number>();
      for (let m = 1; m <= k; m++) {
        const a = rows[t * (k + 1) + m - 1]!;
        const b = rows[t * (k + 1) + m]!;
        const changed = a.map((x, j) => (x !== b[j] ? j : -1)).filter((j) => j >= 0);
        expect(changed.length).toBe(1);
        expect(Math.abs(b[changed[0]!]! - a[changed[0]!]!)).toBeCloseTo(morrisDelta(levels), 12);
        moved.add(changed[0]!);
      }
      expect(moved.size).toBe(k);
      for (const row of rows.slice(t * (k + 1), (t + 1) * (k + 1))) {
        for (const x of row) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          expect(Math.abs(x * (levels - 1) - Math.round(x * (levels - 1)))).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('a linear function f = 10x1 − 5x2 + x3 + 0x4 has μ* = |c_j| and σ = 0 exactly (μ keeps the sign)', () => {
    const c = [10, -5, 1, 0];
    const unit = morrisUnitDesign(4, 10, 6, standaloneRng(2, 'design'));
    const y = unit.map((u) => u.reduce((s, x, j) => s + c[j]! * x, 0));
    const idx = morrisIndices(unit, y, 4, standaloneRng(2, 'bootstrap'), 200);
    idx.forEach((m, j) => {
      expect(m.n).toBe(10);
      expect(m.muStar).toBeCloseTo(Math.abs(c[j]!), 9);
      expect(m.mu).toBeCloseTo(c[j]!, 9);
      expect(m.sigma).toBeCloseTo(0, 9);
    });
  });

  it('ranks parameters by influence: f = 8x1 + 4x2² + 2x3x4 + 0x5 gives μ*1 > μ*2 > μ*3 ≈ μ*4 > μ*5 = 0, σ > 0 only where the effect varies (x2, x3, x4)', () => {
    const f = (x: readonly number[]) => 8 * x[0]! + 4 * x[1]! ** 2 + 2 * x[2]! * x[3]!;
    // Analytic μ* under the design's distribution: 8; E|4(x+Δ)² − 4x²|/Δ with p = 4 (Δ = 2/3, x ∈ {0, 1/3}) = 4(2x + Δ) → 4·(1/3 + 2/3) = 4;
    // for x3: 2·x4 averaged over x4's four levels = 1.
    const unit = morrisUnitDesign(5, 400, 4, standaloneRng(3, 'design'));
    const idx = morrisIndices(unit, unit.map(f), 5, standaloneRng(3, 'bootstrap'), 200);
    const muStar = idx.map((m) => m.muStar);
    expect(muStar[0]).toBeCloseTo(8, 9);
    expect(Math.abs(muStar[1]! - 4)).toBeLessThan(0.2);
    expect(Math.abs(muStar[2]! - 1)).toBeLessThan(0.1);
    expect(Math.abs(muStar[3]! - 1)).toBeLessThan(0.1);
    expect(muStar[4]).toBe(0);
    expect(muStar[0]).toBeGreaterThan(muStar[1]!);
    expect(muStar[1]).toBeGreaterThan(Math.max(muStar[2]!, muStar[3]!));
    expect(idx[0]!.sigma).toBeCloseTo(0, 9);
    for (const j of [1, 2, 3]) expect(idx[j]!.sigma).toBeGreaterThan(0.3);
    expect(idx[4]!.sigma).toBe(0);
    // The bootstrap interval of μ* holds its estimate.
    for (const m of idx) {
      expect(m.muStarLow).toBeLessThanOrEqual(m.muStar + 1e-12);
      expect(m.muStarHigh).toBeGreaterThanOrEqual(m.muStar - 1e-12);
    }
  });

  it('refuses an odd number of levels', () => {
    expect(() => morrisUnitDesign(2, 3, 5, standaloneRng(1, 'design'))).toThrow(/even integer/);
  });
});
