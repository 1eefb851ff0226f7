// Kauffman's NK landscape: bit i contributes a uniform draw that depends on its own
// value and on K other bits chosen at random; fitness is the mean contribution.
// The dependency lists and the N × 2^(K+1) contribution tables are state (drawn
// from the run's `landscape` stream); the scores of all 2^N solutions, normalized
// by their maximum and raised to `power`, are derived from them once and cached.
import type { Rng } from '../../rng.ts';
import type { State } from '../../state.ts';
import { stateArray } from '../../state-handles.ts';

export const DEPENDS = stateArray.u8('nk.depends');
export const CONTRIBUTIONS = stateArray.f64('nk.contributions');

/** Draws the dependencies (N × (K+1), own bit first) and contribution tables. */
export function drawLandscape(state: State, N: number, K: number, rng: Rng): void {
  const depends = state.put(DEPENDS, new Uint8Array(N * (K + 1)));
  const others = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    depends[i * (K + 1)] = i;
    let count = 0;
    for (let j = 0; j < N; j++) if (j !== i) others[count++] = j;
    for (let k = 0; k < K; k++) { // partial Fisher–Yates: K distinct others
      const pick = k + rng.int(count - k);
      const x = others[k]!; others[k] = others[pick]!; others[pick] = x;
      depends[i * (K + 1) + 1 + k] = others[k]!;
    }
  }
  const table = state.put(CONTRIBUTIONS, new Float64Array(N * (1 << (K + 1))));
  for (let e = 0; e < table.length; e++) table[e] = rng.float();
}

// The few landscapes in use, by their tables' content (a restored run finds its own).
const cache: { depends: Uint8Array; contributions: Float64Array; power: number; scores: Float64Array }[] = [];
const CACHE_SIZE = 4;

function same(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Scores of all 2^N solutions: (fitness / max fitness)^power. */
export function landscapeScores(state: State, N: number, K: number, power: number): Float64Array {
  const depends = state.get(DEPENDS), contributions = state.get(CONTRIBUTIONS);
  for (const c of cache) if (c.power === power && same(c.depends, depends) && same(c.contributions, contributions)) return c.scores;
  const size = 1 << N;
  const fitness = new Float64Array(size);
  const width = 1 << (K + 1);
  // A locus's table index gathers K + 1 bits of x: precompute it for the low and
  // the high half of x separately, so each (locus, solution) costs two lookups.
  const lowBits = N >> 1, lowSize = 1 << lowBits, highSize = 1 << (N - lowBits);
  const low = new Int32Array(lowSize), high = new Int32Array(highSize);
  for (let i = 0; i < N; i++) {
    const dep = depends.subarray(i * (K + 1), (i + 1) * (K + 1));
    for (let x = 0; x < lowSize; x++) low[x] = gather(x, dep, 0);
    for (let x = 0; x < highSize; x++) high[x] = gather(x, dep, lowBits);
    const row = contributions.subarray(i * width, (i + 1) * width);
    for (let h = 0; h < highSize; h++) {
      const hi = high[h]!, base = h << lowBits;
      for (let l = 0; l < lowSize; l++) fitness[base + l] += row[hi | low[l]!]!;
    }
  }
  let max = 0;
  for (let x = 0; x < size; x++) if (fitness[x]! > max) max = fitness[x]!;
  for (let x = 0; x < size; x++) fitness[x] = Math.pow(fitness[x]! / max, power);
  cache.push({ depends: depends.slice(), contributions: contributions.slice(), power, scores: fitness });
  if (cache.length > CACHE_SIZE) cache.shift();
  return fitness;
}

/** The table index bits of the dependencies that fall in x's half starting at bit `shift`. */
function gather(x: number, dep: Uint8Array, shift: number): number {
  let index = 0;
  for (let k = 0; k < dep.length; k++) {
    const b = dep[k]! - shift;
    if (b >= 0 && b < 31) index |= ((x >>> b) & 1) << k;
  }
  return index;
}
