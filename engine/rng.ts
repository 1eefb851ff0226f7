// Named, seeded random streams (MODEL.md §2).
//
// Each subsystem draws from its own stream, so a draw added in one never shifts
// another's numbers (common random numbers across variants). seedrandom derives
// each stream's seed from "<seed>/<name>"; the draws themselves come from
// xoshiro128** whose 128-bit state lives in a Uint32Array that is part of the
// simulation state, so snapshots, restores and hashes include it. Hot loops copy
// the four words into locals (see `Rng.load`/`Rng.store`) instead of calling a
// closure per draw.
import seedrandom from 'seedrandom';

/** The subsystems that own a stream, in a fixed order (their slot in the state array). */
export const STREAM_NAMES = ['organization', 'population', 'environment', 'protocol', 'information', 'shocks'] as const;
export type StreamName = (typeof STREAM_NAMES)[number];

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

// Derived seeds already computed, by "seed/name": the variants of a run (and the
// runs of a sweep worker that share a seed) derive the same streams, and an ARC4
// key schedule is the biggest allocation of a simulation's setup. Bounded.
const derived = new Map<string, Uint32Array>();
const DERIVED_MAX = 4096;

/** Fills 4 words of `out` at `at` with a seed derived from `seed/name` by seedrandom. */
export function seedWords(seed: number, name: string, out: Uint32Array, at: number): void {
  const key = `${seed}/${name}`;
  let words = derived.get(key);
  if (words === undefined) {
    // seedrandom's default generator (ARC4 keyed by the whole string, with its key
    // schedule and RC4-drop) decorrelates neighbouring seeds; alea's first outputs
    // for seeds "1/x", "2/x", … were seen to correlate. Only used to derive seeds.
    const prng = seedrandom(key);
    words = new Uint32Array(4);
    let any = 0;
    for (let i = 0; i < 4; i++) {
      const w = prng.int32() >>> 0;
      words[i] = w;
      any |= w;
    }
    if (any === 0) words[0] = 0x9e3779b9; // xoshiro's state must not be all zero
    if (derived.size >= DERIVED_MAX) derived.clear();
    derived.set(key, words);
  }
  out.set(words, at);
}

/**
 * A xoshiro128** generator over 4 words of a shared Uint32Array.
 * Methods are for ordinary code; hot loops inline the same arithmetic.
 */
export class Rng {
  /** `words` is rebound, never copied, when a model's stream array grows (model-simulation.ts): an Rng taken earlier keeps drawing from its stream. */
  constructor(public words: Uint32Array, readonly at: number) {}

  /** A uniform 32-bit unsigned integer. */
  nextU32(): number {
    const w = this.words;
    const a = this.at;
    const s0 = w[a]!, s1 = w[a + 1]!, s2 = w[a + 2]!, s3 = w[a + 3]!;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    let n2 = s2 ^ s0;
    let n3 = s3 ^ s1;
    const n1 = s1 ^ n2;
    const n0 = s0 ^ n3;
    n2 ^= t;
    n3 = rotl(n3, 11);
    w[a] = n0; w[a + 1] = n1; w[a + 2] = n2; w[a + 3] = n3;
    return result;
  }

  /** A uniform float in [0, 1) with 32 bits of resolution. */
  float(): number {
    return this.nextU32() * TWO_POW_MINUS_32;
  }

  /** A uniform integer in [0, n) (n ≤ 2^32), by multiply-shift (bias below 2^-32·n). */
  int(n: number): number {
    return Math.floor(this.nextU32() * TWO_POW_MINUS_32 * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.nextU32() * TWO_POW_MINUS_32 < p;
  }

  /** A standard normal deviate (Box–Muller, two uniforms per call: no cached state to snapshot). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * Fills out[0 … count) with standard normal deviates, both of each Box–Muller pair
   * used (half the draws and logarithms of `normal()` per value; an odd count drops the
   * last pair's second). The same count always draws the same words.
   */
  normals(out: Float64Array, count: number): void {
    for (let i = 0; i < count; i += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - this.float()));
      const a = 2 * Math.PI * this.float();
      out[i] = r * Math.cos(a);
      if (i + 1 < count) out[i + 1] = r * Math.sin(a);
    }
  }

  /** A gamma(shape, 1) deviate (Marsaglia–Tsang). */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(1 - this.float(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.float();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** A beta(a, b) deviate. */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    const y = this.gamma(b);
    return x / (x + y);
  }

  /** A Poisson(lambda) deviate: Knuth's product for small lambda, normal approximation with continuity above 500. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 500) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    // Split large means so exp(-lambda) does not underflow.
    let k = 0;
    let remaining = lambda;
    while (remaining > 0) {
      const step = remaining > 30 ? 30 : remaining;
      remaining -= step;
      const limit = Math.exp(-step);
      let p = this.float();
      while (p > limit) {
        k++;
        p *= this.float();
      }
    }
    return k;
  }

  /**
   * A geometric number of failures before a success with probability p: 0 for
   * p ≥ 1, Infinity for p ≤ 0 (never). log1p keeps tiny p finite (log(1 − p) is 0 below ~1e-16).
   */
  geometric(p: number): number {
    if (p >= 1) return 0;
    if (!(p > 0)) return Infinity;
    return Math.floor(Math.log(1 - this.float()) / Math.log1p(-p));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** All named streams of one run, their state in one array (4 words per stream). */
export interface Streams {
  words: Uint32Array;
  organization: Rng;
  population: Rng;
  environment: Rng;
  protocol: Rng;
  information: Rng;
  shocks: Rng;
}

/** Derives every named stream from the master seed. */
export function createStreams(seed: number, words = new Uint32Array(STREAM_NAMES.length * 4)): Streams {
  STREAM_NAMES.forEach((name, i) => seedWords(seed, name, words, i * 4));
  return bindStreams(words);
}

/** Wraps an existing state array (after a restore) as streams. */
export function bindStreams(words: Uint32Array): Streams {
  const s = { words } as Streams;
  STREAM_NAMES.forEach((name, i) => {
    s[name] = new Rng(words, i * 4);
  });
  return s;
}

/** A stand-alone stream for code outside a simulation (generators in tests, `graph`). */
export function standaloneRng(seed: number, name: string): Rng {
  const w = new Uint32Array(4);
  seedWords(seed, name, w, 0);
  return new Rng(w, 0);
}
