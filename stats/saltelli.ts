// Saltelli sampling for first- and total-order Sobol' indices (Saltelli 2002;
// Saltelli et al. 2010, "Variance based sensitivity analysis of model output",
// Comput. Phys. Commun. 181, 259-270): two independent N × k matrices A and B
// taken from one 2k-dimensional Sobol' sequence (A its first k coordinates, B
// its last k), and for each parameter j the matrix AB_j, A with column j from B.
// Rows are grouped by base sample i: A_i, AB_1,i … AB_k,i, B_i — N·(k+2) rows,
// the layout of SALib's saltelli.sample(…, calc_second_order=False).
//
// The sequence starts at point max(N, 16), as SALib's default `skip_values`
// does: point 0 is the origin (every parameter at its lower bound), and with N
// a power of two the points N … 2N−1 keep the balance of a (t, m, s)-net.
import { MAX_SOBOL_DIMENSIONS } from './joe-kuo-directions.ts';
import { SobolSequence } from './sobol-sequence.ts';

/** The most parameters a Saltelli design can have (2k Sobol' dimensions). */
export const MAX_SALTELLI_PARAMETERS = Math.floor(MAX_SOBOL_DIMENSIONS / 2);

/** True when n is a power of two (1, 2, 4, …). */
export const isPowerOfTwo = (n: number): boolean => Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0 && n <= 2 ** 30;

/** The first Sobol' point a Saltelli design of N base samples uses. */
export const saltelliSkip = (n: number): number => Math.max(n, 16);

/** The Saltelli design in [0, 1)^k: N·(k+2) rows, grouped by base sample (A, AB_1 … AB_k, B). */
export function saltelliUnitDesign(k: number, n: number): number[][] {
  if (!Number.isInteger(k) || k < 1 || k > MAX_SALTELLI_PARAMETERS) throw new RangeError(`a Saltelli design has 1 … ${MAX_SALTELLI_PARAMETERS} parameters, not ${k}`);
  if (!isPowerOfTwo(n)) throw new RangeError(`a Saltelli design's N (base samples) is a power of 2, not ${n}`);
  const seq = new SobolSequence(2 * k);
  const skip = saltelliSkip(n);
  const p = new Float64Array(2 * k);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    seq.point(skip + i, p);
    const a = Array.from(p.subarray(0, k));
    const b = Array.from(p.subarray(k));
    rows.push(a);
    for (let j = 0; j < k; j++) {
      const ab = a.slice();
      ab[j] = b[j]!;
      rows.push(ab);
    }
    rows.push(b);
  }
  return rows;
}
