// The textbook random networks against theory: Watts–Strogatz (1998) with the
// Barrat–Weigt clustering curve and networkx's own path-length values,
// Erdős–Rényi G(n, p) against its binomial tie count and degrees, and
// Barabási–Albert against m(n − m) ties and P(k) = 2m(m+1)/(k(k+1)(k+2)).
// Statistics here (clustering, BFS path lengths) are computed in this file,
// independently of the engine's own algorithms.
import { describe, expect, it } from 'vitest';
import { type Graph, tieCount } from '../../engine/graph/csr.ts';
import { randomGraph } from '../../engine/graph/random.ts';
import { scaleFree } from '../../engine/graph/scale-free.ts';
import { smallWorld } from '../../engine/graph/small-world.ts';
import { type Rng, standaloneRng } from '../../engine/rng.ts';

const rngOf = (seed: number): Rng => standaloneRng(seed, 'organization');

function deg(g: Graph, i: number): number {
  return g.offsets[i + 1]! - g.offsets[i]!;
}

function hasArc(g: Graph, u: number, v: number): boolean {
  for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) if (g.targets[a] === v) return true;
  return false;
}

/** Mean local clustering (nodes of degree < 2 count 0), as networkx's average_clustering. */
function averageClustering(g: Graph): number {
  const mark = new Int32Array(g.n).fill(-1);
  let sum = 0;
  for (let u = 0; u < g.n; u++) {
    const d = deg(g, u);
    if (d < 2) continue;
    for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) mark[g.targets[a]!] = u;
    let closed = 0;
    for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
      const v = g.targets[a]!;
      for (let b = g.offsets[v]!; b < g.offsets[v + 1]!; b++) if (mark[g.targets[b]!] === u) closed++;
    }
    sum += closed / (d * (d - 1));
  }
  return sum / g.n;
}

/** Mean shortest-path length over connected ordered pairs (all-pairs BFS). */
function meanPathLength(g: Graph): number {
  const dist = new Int32Array(g.n);
  const queue = new Int32Array(g.n);
  let total = 0, pairs = 0;
  for (let s = 0; s < g.n; s++) {
    dist.fill(-1);
    dist[s] = 0;
    let head = 0, tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const u = queue[head++]!;
      for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
        const v = g.targets[a]!;
        if (dist[v]! < 0) {
          dist[v] = dist[u]! + 1;
          total += dist[v]!;
          pairs++;
          queue[tail++] = v;
        }
      }
    }
  }
  return total / pairs;
}

function meanAndSe(xs: number[]): [number, number] {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return [mean, Math.sqrt(variance / xs.length)];
}

function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

/** Pearson chi-square of observed counts against expected probabilities (bins as given). */
function chiSquare(observed: number[], probabilities: number[], total: number): number {
  return observed.reduce((s, o, i) => s + ((o - total * probabilities[i]!) ** 2) / (total * probabilities[i]!), 0);
}

// ---------------------------------------------------------------- Watts–Strogatz

describe('small-world (Watts–Strogatz)', () => {
  it('at p = 0 ties everyone to exactly the k/2 nearest on each side of the ring', () => {
    for (const [n, k] of [[100, 6], [31, 10], [5, 4]] as const) {
      const g = smallWorld(n, k, 0, rngOf(1));
      for (let i = 0; i < n; i++) {
        expect(deg(g, i)).toBe(k);
        for (let j = 1; j <= k / 2; j++) {
          expect(hasArc(g, i, (i + j) % n)).toBe(true);
          expect(hasArc(g, i, (i - j + n) % n)).toBe(true);
        }
      }
    }
  });

  it('rewiring keeps exactly n·k/2 ties, so the mean degree is exactly k, for any p', () => {
    for (const p of [0.01, 0.1, 0.5, 1]) {
      for (let seed = 0; seed < 5; seed++) expect(tieCount(smallWorld(500, 8, p, rngOf(seed)))).toBe(2000);
    }
  });

  it('rewires a share p of the ring ties (within 3 SE over 20 seeds)', () => {
    const n = 1000, k = 10, p = 0.1, seeds = 20;
    let lost = 0;
    for (let seed = 0; seed < seeds; seed++) {
      const g = smallWorld(n, k, p, rngOf(seed));
      for (let u = 0; u < n; u++) for (let j = 1; j <= k / 2; j++) if (!hasArc(g, u, (u + j) % n)) lost++;
    }
    const slots = seeds * n * (k / 2);
    expect(Math.abs(lost - slots * p)).toBeLessThanOrEqual(3 * Math.sqrt(slots * p * (1 - p)));
  });

  // Watts & Strogatz (1998) used n = 1000, k = 10. C(0) = 3(k−2)/(4(k−1)) for the ring;
  // Barrat & Weigt (2000): C(p) ≈ C(0)(1 − p)³. networkx 3.6.1's watts_strogatz_graph,
  // 40 seeds at each p, gave C(p)/C(0) = 0.9712 ± 0.0006 and 0.7345 ± 0.0014, and
  // L(p)/L(0) = 0.1773 ± 0.0016 and 0.08772 ± 0.00011 at p = 0.01 and 0.1 (mean ± SE).
  const n = 1000, k = 10;
  const ring = smallWorld(n, k, 0, rngOf(0));
  const c0 = averageClustering(ring);
  const l0 = meanPathLength(ring);
  const reference = {
    0.01: { c: [0.9712, 0.0006], l: [0.1773, 0.0016], seeds: 20 },
    0.1: { c: [0.7345, 0.0014], l: [0.08772, 0.00011], seeds: 6 },
  } as const;

  it('the ring has clustering 3(k−2)/(4(k−1)) and mean distance as counted around the ring', () => {
    expect(c0).toBeCloseTo((3 * (k - 2)) / (4 * (k - 1)), 12);
    // Distances from one node: ⌈j/(k/2)⌉ for j steps either way (j = 1 … n/2, the far node once).
    let total = 0;
    for (let j = 1; j < n; j++) total += Math.ceil(Math.min(j, n - j) / (k / 2));
    expect(l0).toBeCloseTo(total / (n - 1), 12);
  });

  it.each([0.01, 0.1] as const)('at p = %s clustering follows C(0)(1−p)³ and both C and L match networkx (3 SE)', (p) => {
    const ref = reference[p];
    const cs: number[] = [], ls: number[] = [];
    for (let seed = 0; seed < ref.seeds; seed++) {
      const g = smallWorld(n, k, p, rngOf(seed));
      cs.push(averageClustering(g) / c0);
      ls.push(meanPathLength(g) / l0);
    }
    const [c, cSe] = meanAndSe(cs);
    const [l, lSe] = meanAndSe(ls);
    // Barrat–Weigt is a mean-field curve; at n = 1000 random shortcuts close a few more triangles (≈ k/n).
    expect(Math.abs(c - (1 - p) ** 3)).toBeLessThan(0.015);
    expect(Math.abs(c - ref.c[0])).toBeLessThanOrEqual(3 * Math.hypot(cSe, ref.c[1]));
    expect(Math.abs(l - ref.l[0])).toBeLessThanOrEqual(3 * Math.hypot(lSe, ref.l[1]));
    if (p === 0.01) {
      // The small-world regime of Watts & Strogatz's Fig. 2: paths already short, clustering still high.
      expect(l).toBeLessThan(0.25);
      expect(c).toBeGreaterThan(0.95);
    }
  });
});

// ---------------------------------------------------------------- Erdős–Rényi

describe('random (Erdős–Rényi G(n, p))', () => {
  const n = 2000, meanDegree = 8, seeds = 40;
  const p = meanDegree / (n - 1);
  const pairs = (n * (n - 1)) / 2;
  const graphs = Array.from({ length: seeds }, (_, s) => randomGraph(n, meanDegree, rngOf(s)));

  it('has n(n−1)p/2 ties on average (3 SE) with the binomial variance, not a fixed count', () => {
    const counts = graphs.map(tieCount);
    const total = counts.reduce((s, x) => s + x, 0);
    const variance = pairs * p * (1 - p);
    expect(Math.abs(total - seeds * pairs * p)).toBeLessThanOrEqual(3 * Math.sqrt(seeds * variance));
    const mean = total / seeds;
    const sampleVariance = counts.reduce((s, x) => s + (x - mean) ** 2, 0) / (seeds - 1);
    // (seeds − 1)·s²/σ² is χ² with 39 degrees of freedom: 99.9 % of it lies in [17.9, 72.1].
    const ratio = ((seeds - 1) * sampleVariance) / variance;
    expect(ratio).toBeGreaterThan(17.9);
    expect(ratio).toBeLessThan(72.1);
  });

  it('has Binomial(n−1, p) ≈ Poisson(meanDegree) degrees (χ² and per-degree 4 SE)', () => {
    const K = 18;
    const observed = new Array<number>(K + 1).fill(0);
    for (const g of graphs) for (let i = 0; i < n; i++) observed[Math.min(K, deg(g, i))]!++;
    const pmf = (k: number): number => Math.exp(logChoose(n - 1, k) + k * Math.log(p) + (n - 1 - k) * Math.log1p(-p));
    const probabilities = Array.from({ length: K }, (_, k) => pmf(k));
    probabilities.push(1 - probabilities.reduce((s, x) => s + x, 0));
    const total = seeds * n;
    for (let k = 0; k <= K; k++) {
      const e = total * probabilities[k]!;
      expect(Math.abs(observed[k]! - e), `degree ${k}`).toBeLessThanOrEqual(4 * Math.sqrt(e) + 1);
    }
    expect(chiSquare(observed, probabilities, total)).toBeLessThan(K + 4 * Math.sqrt(2 * K));
  });

  it('draws every pair with the same probability p, the first and the last pairs included', () => {
    const small = 30, deg6 = 6, runs = 3000;
    const q = deg6 / (small - 1);
    const count = new Int32Array(small * small);
    for (let s = 0; s < runs; s++) {
      const g = randomGraph(small, deg6, rngOf(s));
      for (let u = 0; u < small; u++) for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) count[u * small + g.targets[a]!]!++;
    }
    const se = Math.sqrt((q * (1 - q)) / runs);
    for (let u = 0; u < small; u++) {
      for (let v = u + 1; v < small; v++) {
        expect(Math.abs(count[u * small + v]! / runs - q), `pair ${u},${v}`).toBeLessThanOrEqual(4.5 * se);
      }
    }
  });

  it('is empty at mean degree 0 and complete at mean degree n − 1', () => {
    expect(tieCount(randomGraph(50, 0, rngOf(1)))).toBe(0);
    expect(tieCount(randomGraph(50, 49, rngOf(1)))).toBe(1225);
  });

  it('generates 10^6 people at mean degree 10 in a couple of seconds', () => {
    const start = performance.now();
    const g = randomGraph(1_000_000, 10, rngOf(1));
    const seconds = (performance.now() - start) / 1000;
    expect(Math.abs(tieCount(g) - 5_000_000)).toBeLessThan(5 * Math.sqrt(5_000_000));
    expect(seconds).toBeLessThan(3);
  });
});

// ---------------------------------------------------------------- Barabási–Albert

describe('scale-free (Barabási–Albert)', () => {
  it('has exactly m(n − m) ties: the networkx star on m + 1 nodes, then m per newcomer', () => {
    for (const [n, m] of [[10, 1], [100, 2], [1000, 3], [500, 7], [4, 3]] as const) {
      for (let seed = 0; seed < 3; seed++) {
        const g = scaleFree(n, m, rngOf(seed));
        expect(tieCount(g)).toBe(m * (n - m));
        for (let leaf = 1; leaf <= m; leaf++) expect(hasArc(g, 0, leaf)).toBe(true);
        // Each newcomer's own m ties go to older people, so its ties to older people are exactly m.
        for (let s = m + 1; s < n; s++) {
          let older = 0;
          for (let a = g.offsets[s]!; a < g.offsets[s + 1]!; a++) if (g.targets[a]! < s) older++;
          expect(older).toBe(m);
        }
      }
    }
  });

  it('has degrees P(k) = 2m(m+1)/(k(k+1)(k+2)) for k = m … 20 and the matching tail (n = 50,000, m = 3, 8 seeds)', () => {
    const n = 50_000, m = 3, seeds = 8, K = 20;
    const observed = new Array<number>(K - m + 2).fill(0);
    for (let s = 0; s < seeds; s++) {
      const g = scaleFree(n, m, rngOf(s));
      for (let i = m + 1; i < n; i++) observed[Math.min(deg(g, i), K + 1) - m]!++;
    }
    const total = seeds * (n - m - 1);
    const probabilities: number[] = [];
    for (let k = m; k <= K; k++) probabilities.push((2 * m * (m + 1)) / (k * (k + 1) * (k + 2)));
    probabilities.push((m * (m + 1)) / ((K + 1) * (K + 2))); // Σ_{k>K} P(k), telescoping
    probabilities.forEach((q, b) => {
      const e = total * q;
      expect(Math.abs(observed[b]! - e), `degree ${b + m}`).toBeLessThanOrEqual(4 * Math.sqrt(e * (1 - q)));
    });
    const df = probabilities.length - 1;
    expect(chiSquare(observed, probabilities, total)).toBeLessThan(df + 4 * Math.sqrt(2 * df));
  });

  // Its speed is measured by the benchmark suite (bench/), never by a timed test.
  it('generates 10^6 people with m = 3: exactly 3(n − 3) ties', () => {
    const g = scaleFree(1_000_000, 3, rngOf(1));
    expect(tieCount(g)).toBe(3 * (1_000_000 - 3));
  });

  it('refuses m outside 1 … n − 1 in plain words', () => {
    expect(() => scaleFree(5, 5, rngOf(1))).toThrow(/1 ≤ m < size/);
    expect(() => scaleFree(5, 0, rngOf(1))).toThrow(/1 ≤ m < size/);
  });
});
