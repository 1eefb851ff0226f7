// Sobol' low-discrepancy points (Bratley & Fox 1988, Algorithm 659, with Joe &
// Kuo's direction numbers; see joe-kuo-directions.ts), 32 bits per coordinate.
//
// Point i is the XOR of the direction numbers V_b over the set bits b of the
// Gray code of i — the same points, in the same order, as the Gray-code
// recursion of Joe and Kuo's sobol.cc (and SciPy's unscrambled qmc.Sobol), but
// any point can be computed on its own, so a design can start anywhere in the
// sequence. No scrambling: the points are a pure function of (dimension, index).
import { JOE_KUO_DIRECTIONS, MAX_SOBOL_DIMENSIONS } from './joe-kuo-directions.ts';

const BITS = 32;
const TWO_POW_MINUS_32 = 2 ** -32;

/** The 32 direction numbers V_1 … V_32 (scaled by 2^32) of dimension j (0-based). */
function directionNumbers(j: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (j === 0) {
    for (let i = 1; i <= BITS; i++) v[i] = 2 ** (BITS - i);
    return v;
  }
  const { s, a, m } = JOE_KUO_DIRECTIONS[j - 1]!;
  for (let i = 1; i <= Math.min(s, BITS); i++) v[i] = (m[i - 1]! * 2 ** (BITS - i)) >>> 0;
  for (let i = s + 1; i <= BITS; i++) {
    let x = v[i - s]! ^ (v[i - s]! >>> s);
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[i - k]!;
    v[i] = x >>> 0;
  }
  return v;
}

/** The first `dims` dimensions of the Sobol' sequence. */
export class SobolSequence {
  private readonly v: Uint32Array[];

  constructor(readonly dims: number) {
    if (!Number.isInteger(dims) || dims < 1 || dims > MAX_SOBOL_DIMENSIONS) {
      throw new RangeError(`a Sobol' sequence here has 1 … ${MAX_SOBOL_DIMENSIONS} dimensions, not ${dims}`);
    }
    this.v = Array.from({ length: dims }, (_, j) => directionNumbers(j));
  }

  /** Point i (0 ≤ i < 2^32) into `out` (length ≥ dims), coordinates in [0, 1); point 0 is the origin. */
  point(i: number, out: Float64Array | number[] = new Float64Array(this.dims)): Float64Array | number[] {
    if (!Number.isInteger(i) || i < 0 || i >= 2 ** BITS) throw new RangeError(`a Sobol' point index is 0 … 2^32 − 1, not ${i}`);
    // Gray code of i; JavaScript's bit operators are 32-bit, which is what is needed.
    const gray = (i ^ (i >>> 1)) >>> 0;
    for (let j = 0; j < this.dims; j++) {
      const v = this.v[j]!;
      let x = 0;
      for (let b = 0, g = gray; g !== 0; b++, g >>>= 1) if (g & 1) x ^= v[b + 1]!;
      out[j] = (x >>> 0) * TWO_POW_MINUS_32;
    }
    return out;
  }
}
