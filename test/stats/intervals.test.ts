// Means, sd and t intervals (stats/intervals.ts): exact t quantiles,
// sd exactly 0 for a constant column, and a hand computation.
import { describe, expect, it } from 'vitest';
import { meanInterval, pairedInterval, t975 } from '../../stats/intervals.ts';

describe('intervals', () => {
  it('t975 is exact: the closed forms for df = 1, 2, 4 to 1e-14 (relative), and SciPy 1.10 t.ppf(0.975, df) to 1e-9 for df = 3 … 1000', () => {
    const p = 0.975;
    const alpha = 4 * p * (1 - p);
    const closed: [number, number][] = [
      [1, Math.tan(Math.PI * (p - 0.5))],
      [2, (2 * p - 1) / Math.sqrt(2 * p * (1 - p))],
      [4, 2 * Math.sqrt(Math.cos(Math.acos(Math.sqrt(alpha)) / 3) / Math.sqrt(alpha) - 1)],
    ];
    for (const [df, q] of closed) expect(Math.abs(t975(df) / q - 1)).toBeLessThan(1e-14);
    const scipy: [number, number][] = [[3, 3.182446305284263], [9, 2.2621571627409915], [29, 2.045229642132703], [30, 2.0422724563012373], [31, 2.0395134463964077], [100, 1.9839715184496334], [1000, 1.9623390808264074]];
    for (const [df, q] of scipy) expect(Math.abs(t975(df) / q - 1)).toBeLessThan(1e-9);
    // The old 4-decimal table was off by up to 5e-5 here (2.0423 for 2.04227…).
    expect(Number.isNaN(t975(0))).toBe(true);
  });

  it('a constant column has sd exactly 0 and a zero-width interval (0.1 three times; 1e9 + 0.3 five times)', () => {
    for (const xs of [[0.1, 0.1, 0.1], Array(5).fill(1e9 + 0.3)]) {
      const iv = meanInterval(xs);
      expect(iv.sd).toBe(0);
      expect(iv.mean).toBe(xs[0]);
      expect(iv.lo).toBe(xs[0]);
      expect(iv.hi).toBe(xs[0]);
    }
  });

  it('mean, sd and the t interval equal a hand computation; non-finite values are left out; pairs need both', () => {
    const iv = meanInterval([1, 2, 4, NaN, 7]);
    expect(iv.n).toBe(4);
    expect(iv.mean).toBeCloseTo(3.5, 14);
    const sd = Math.sqrt(((1 - 3.5) ** 2 + (2 - 3.5) ** 2 + (4 - 3.5) ** 2 + (7 - 3.5) ** 2) / 3);
    expect(iv.sd).toBeCloseTo(sd, 14);
    expect(iv.hi - iv.mean).toBeCloseTo((3.182446305284263 * sd) / 2, 10);
    const d = pairedInterval([1, 2, NaN, 4], [2, 4, 5, 8]);
    expect(d.n).toBe(3);
    expect(d.mean).toBeCloseTo((1 + 2 + 4) / 3, 14);
    expect(meanInterval([]).n).toBe(0);
    expect(Number.isNaN(meanInterval([5]).sd)).toBe(true);
  });
});
