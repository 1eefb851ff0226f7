// The Latin hypercube (stats/lhs.ts): each stratum of each range used exactly
// once, integer ranges with each integer equally likely, reproducible from the
// stream alone.
import { describe, expect, it } from 'vitest';
import { latinHypercube, unitLatinHypercube } from '../../stats/lhs.ts';
import { scaleUnit } from '../../stats/unit-scale.ts';
import { standaloneRng } from '../../engine/rng.ts';

describe('Latin hypercube', () => {
  it('uses each of the `points` equal strata of every range exactly once', () => {
    const ranges = [[100, 2000], [0.5, 4], [-1, 1]] as const;
    for (const points of [1, 7, 64, 500]) {
      const rows = latinHypercube(ranges, points, standaloneRng(3, 'design'));
      expect(rows.length).toBe(points);
      ranges.forEach(([lo, hi], j) => {
        const strata = rows.map((r) => Math.floor(((r[j]! - lo) / (hi - lo)) * points)).sort((a, b) => a - b);
        expect(strata).toEqual([...Array(points).keys()]);
      });
    }
  });

  it('is a function of the stream: the same seed gives the same rows, another seed others', () => {
    const a = latinHypercube([[0, 1], [5, 9, 'int']], 32, standaloneRng(1, 'design'));
    expect(latinHypercube([[0, 1], [5, 9, 'int']], 32, standaloneRng(1, 'design'))).toEqual(a);
    expect(latinHypercube([[0, 1], [5, 9, 'int']], 32, standaloneRng(2, 'design'))).not.toEqual(a);
  });

  it('an "int" range gives integers lo … hi, each equally likely (chi-square over 200 hypercubes of 50 points, [1, 5])', () => {
    const counts = [0, 0, 0, 0, 0];
    for (let seed = 1; seed <= 200; seed++) {
      for (const [x] of latinHypercube([[1, 5, 'int']], 50, standaloneRng(seed, 'design'))) {
        expect(Number.isInteger(x)).toBe(true);
        counts[x! - 1]!++;
      }
    }
    // Stratified, so each integer gets exactly 10 of 50 points per hypercube: equal counts.
    expect(counts).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(scaleUnit([1, 5, 'int'], 1)).toBe(5);
    expect(scaleUnit([1, 5, 'int'], 0)).toBe(1);
    expect(scaleUnit([2, 4], 0.5)).toBe(3);
  });

  it('pairs the strata of different parameters at random: correlation as for independent pairs (mean |ρ| between 0.03 and 0.08 over 100 hypercubes of 200 points; sqrt(2/π/200) ≈ 0.056 expected)', () => {
    let sum = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const rows = unitLatinHypercube(2, 200, standaloneRng(seed, 'design'));
      const mx = rows.reduce((a, r) => a + r[0]!, 0) / 200;
      const my = rows.reduce((a, r) => a + r[1]!, 0) / 200;
      let sxy = 0, sxx = 0, syy = 0;
      for (const [x, y] of rows) {
        sxy += (x! - mx) * (y! - my);
        sxx += (x! - mx) ** 2;
        syy += (y! - my) ** 2;
      }
      sum += Math.abs(sxy / Math.sqrt(sxx * syy));
    }
    // |ρ| of independent pairs averages sqrt(2/π)/sqrt(n) ≈ 0.056 at n = 200.
    expect(sum / 100).toBeLessThan(0.08);
    expect(sum / 100).toBeGreaterThan(0.03);
  });
});
