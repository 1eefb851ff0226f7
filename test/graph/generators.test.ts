// Layer generators (MODEL.md §3): the structural ones checked exactly (hierarchy,
// lattice, same-as-formal), the tree-based random ones (matrix, multiscale)
// checked against their defining probabilities computed here by brute force, and
// every generator checked for the CSR invariants, determinism and the registry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arcIndex, DEFAULT_TRUST, type Graph, tieCount } from '../../engine/graph/csr.ts';
import type { Formal } from '../../engine/graph/formal.ts';
import { buildFormal, buildInformal, INFORMAL_KINDS, type LayerSpec } from '../../engine/graph/generators.ts';
import { hierarchy } from '../../engine/graph/hierarchy.ts';
import { lattice } from '../../engine/graph/lattice.ts';
import { matrix } from '../../engine/graph/matrix.ts';
import { multiscale } from '../../engine/graph/multiscale.ts';
import { randomGraph } from '../../engine/graph/random.ts';
import { sameAsFormal } from '../../engine/graph/same-as-formal.ts';
import { scaleFree } from '../../engine/graph/scale-free.ts';
import { smallWorld } from '../../engine/graph/small-world.ts';
import { type Rng, standaloneRng } from '../../engine/rng.ts';

// ---------------------------------------------------------------- helpers

const rngOf = (seed: number): Rng => standaloneRng(seed, 'organization');

/** The CSR invariants every generated layer must hold: simple, symmetric, sorted, default trust. */
function expectSimpleGraph(g: Graph): void {
  expect(g.complete).toBe(false);
  expect(g.offsets.length).toBe(g.n + 1);
  expect(g.offsets[0]).toBe(0);
  expect(g.offsets[g.n]).toBe(g.targets.length);
  expect(g.trust.length).toBe(g.targets.length);
  expect(g.targets.length % 2).toBe(0);
  for (let u = 0; u < g.n; u++) {
    let last = -1;
    for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
      const v = g.targets[a]!;
      if (v === u) throw new Error(`self-loop at ${u}`);
      if (v <= last) throw new Error(`neighbours of ${u} not strictly ascending (repeat or unsorted)`);
      if (v < 0 || v >= g.n) throw new Error(`arc ${u}→${v} leaves the graph`);
      if (arcIndex(g, v, u) < 0) throw new Error(`arc ${u}→${v} has no reverse`);
      if (g.trust[a] !== Math.fround(DEFAULT_TRUST)) throw new Error(`arc ${u}→${v} trust ${g.trust[a]}`);
      last = v;
    }
  }
}

function sameGraph(a: Graph, b: Graph): boolean {
  if (a.n !== b.n || a.targets.length !== b.targets.length) return false;
  for (let i = 0; i <= a.n; i++) if (a.offsets[i] !== b.offsets[i]) return false;
  for (let k = 0; k < a.targets.length; k++) if (a.targets[k] !== b.targets[k]) return false;
  return true;
}

function deg(g: Graph, i: number): number {
  return g.offsets[i + 1]! - g.offsets[i]!;
}

function ties(g: Graph): [number, number][] {
  const out: [number, number][] = [];
  for (let u = 0; u < g.n; u++) {
    for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) if (u < g.targets[a]!) out.push([u, g.targets[a]!]);
  }
  return out;
}

const choose2 = (s: number): number => (s * (s - 1)) / 2;

/** Independent depth computation: walk to the root. */
function depthByWalking(parent: Int32Array, i: number): number {
  let d = 0;
  for (let v = i; parent[v]! >= 0; v = parent[v]!) d++;
  return d;
}

// ---------------------------------------------------------------- hierarchy

describe('hierarchy', () => {
  it('gives parent ⌊(i−1)/span⌋, level = depth, and fills each level (span^L people) before the next', () => {
    for (const [n, span] of [[1, 2], [2, 2], [40, 3], [364, 3], [1000, 7], [157, 12]] as const) {
      const f = hierarchy(n, span);
      expect(f.root).toBe(0);
      expect(f.parent[0]).toBe(-1);
      const perLevel = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        if (i > 0) expect(f.parent[i]).toBe(Math.floor((i - 1) / span));
        expect(f.level[i]).toBe(depthByWalking(f.parent, i));
        if (i > 0) expect(f.level[i]!).toBeGreaterThanOrEqual(f.level[i - 1]!);
        perLevel.set(f.level[i]!, (perLevel.get(f.level[i]!) ?? 0) + 1);
      }
      const deepest = Math.max(...perLevel.keys());
      for (let L = 0; L < deepest; L++) expect(perLevel.get(L)).toBe(span ** L);
    }
  });
});

// ---------------------------------------------------------------- lattice and same-as-formal

describe('lattice', () => {
  it('on a torus gives everyone exactly 4 ties and 2·width·height ties in all', () => {
    for (const [w, h] of [[3, 3], [5, 7], [10, 4], [31, 17]] as const) {
      const g = lattice(w, h, true);
      expectSimpleGraph(g);
      for (let i = 0; i < w * h; i++) expect(deg(g, i)).toBe(4);
      expect(tieCount(g)).toBe(2 * w * h);
    }
  });

  it('without wrap gives corners 2, edges 3, interior 4 and w(h−1) + h(w−1) ties', () => {
    for (const [w, h] of [[3, 3], [5, 7], [10, 4], [2, 9]] as const) {
      const g = lattice(w, h, false);
      expectSimpleGraph(g);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const border = Number(x === 0 || x === w - 1) + Number(y === 0 || y === h - 1);
          expect(deg(g, y * w + x)).toBe(4 - border);
        }
      }
      expect(tieCount(g)).toBe(w * (h - 1) + h * (w - 1));
    }
  });

  it('ties only grid neighbours: cells one step apart north, south, east or west (across the seam on a torus)', () => {
    for (const wrap of [false, true]) {
      const w = 6, h = 5;
      for (const [u, v] of ties(lattice(w, h, wrap))) {
        let dx = Math.abs((u % w) - (v % w));
        let dy = Math.abs(Math.floor(u / w) - Math.floor(v / w));
        if (wrap) {
          dx = Math.min(dx, w - dx);
          dy = Math.min(dy, h - dy);
        }
        expect(dx + dy).toBe(1);
      }
    }
  });
});

describe('same-as-formal', () => {
  it('ties exactly each person to their manager: n − 1 ties, one per non-root', () => {
    const f = hierarchy(500, 4);
    const g = sameAsFormal(f);
    expectSimpleGraph(g);
    expect(tieCount(g)).toBe(499);
    for (let i = 1; i < 500; i++) expect(arcIndex(g, i, f.parent[i]!)).toBeGreaterThanOrEqual(0);
  });
});

// ---------------------------------------------------------------- matrix

describe('matrix', () => {
  it('keeps every tree tie and adds ties only between people on the same level', () => {
    const f = hierarchy(400, 4);
    for (let seed = 0; seed < 5; seed++) {
      const g = matrix(f, 0.05, rngOf(seed));
      expectSimpleGraph(g);
      for (let i = 1; i < 400; i++) expect(arcIndex(g, i, f.parent[i]!)).toBeGreaterThanOrEqual(0);
      for (const [u, v] of ties(g)) {
        const treeTie = f.parent[u] === v || f.parent[v] === u;
        if (!treeTie) expect(f.level[u]).toBe(f.level[v]);
      }
    }
  });

  it('adds lateral × Σ C(level size, 2) same-level ties, level by level, within 3 SE over 60 seeds', () => {
    const f = hierarchy(400, 4); // levels 1, 4, 16, 64, 256, 59
    const sizes = [1, 4, 16, 64, 256, 59];
    const p = 0.01, seeds = 60;
    const observed = new Array<number>(sizes.length).fill(0);
    for (let seed = 0; seed < seeds; seed++) {
      const g = matrix(f, p, rngOf(seed));
      for (const [u, v] of ties(g)) if (f.level[u] === f.level[v]) observed[f.level[u]!]!++;
    }
    let total = 0, pairs = 0;
    sizes.forEach((s, L) => {
      const expected = seeds * choose2(s) * p;
      const se = Math.sqrt(seeds * choose2(s) * p * (1 - p));
      expect(Math.abs(observed[L]! - expected)).toBeLessThanOrEqual(3 * se + 1e-9);
      total += observed[L]!;
      pairs += choose2(s);
    });
    expect(Math.abs(total - seeds * pairs * p)).toBeLessThanOrEqual(3 * Math.sqrt(seeds * pairs * p * (1 - p)));
  });

  it('draws every same-level pair with the same probability, the first and last pair of each level included', () => {
    const f = hierarchy(13, 3); // levels 1, 3, 9: 3 + 36 pairs
    const p = 0.3, seeds = 2000;
    const count = new Map<string, number>();
    for (let seed = 0; seed < seeds; seed++) {
      for (const [u, v] of ties(matrix(f, p, rngOf(seed)))) {
        if (f.level[u] === f.level[v]) count.set(`${u},${v}`, (count.get(`${u},${v}`) ?? 0) + 1);
      }
    }
    const se = Math.sqrt(p * (1 - p) / seeds);
    let pairs = 0;
    for (let u = 0; u < 13; u++) {
      for (let v = u + 1; v < 13; v++) {
        if (f.level[u] !== f.level[v]) continue;
        pairs++;
        expect(Math.abs((count.get(`${u},${v}`) ?? 0) / seeds - p)).toBeLessThanOrEqual(4.5 * se);
      }
    }
    expect(pairs).toBe(39);
  });

  it('at lateral 0 is the tree and at lateral 1 makes each level a clique', () => {
    const f = hierarchy(121, 3);
    expect(sameGraph(matrix(f, 0, rngOf(1)), sameAsFormal(f))).toBe(true);
    const full = matrix(f, 1, rngOf(1));
    const sizes = [1, 3, 9, 27, 81];
    expect(tieCount(full)).toBe(120 + sizes.reduce((s, x) => s + choose2(x), 0));
  });
});

// ---------------------------------------------------------------- multiscale

/**
 * The exact probability that one DWS tie falls in each class (d, min(a,b), max(a,b)),
 * by brute force over every ordered pair: P = (1/n) Σ_i w_ij / Σ_j' w_ij', with
 * w = exp(−d/λ)·exp(−x/ζ) over i's non-tree candidates j.
 */
function dwsClassProbabilities(f: Formal, lambda: number | null, zeta: number | null): Map<string, number> {
  const n = f.parent.length;
  const ancestors = (i: number): number[] => {
    const out = [i];
    while (f.parent[out[out.length - 1]!]! >= 0) out.push(f.parent[out[out.length - 1]!]!);
    return out;
  };
  const up = Array.from({ length: n }, (_, i) => new Set(ancestors(i)));
  const probs = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const cls: string[] = [];
    const w: number[] = [];
    for (let j = 0; j < n; j++) {
      if (j === i || f.parent[j] === i || f.parent[i] === j) continue;
      let lca = j;
      while (!up[i]!.has(lca)) lca = f.parent[lca]!;
      const d = f.level[lca]!;
      const a = f.level[i]! - d, b = f.level[j]! - d;
      const x = Math.sqrt(a * a + b * b - 2);
      w.push((lambda === null ? 1 : Math.exp(-d / lambda)) * (zeta === null ? 1 : Math.exp(-x / zeta)));
      cls.push(`${d},${Math.min(a, b)},${Math.max(a, b)}`);
    }
    const z = w.reduce((s, v) => s + v, 0);
    cls.forEach((c, k) => probs.set(c, (probs.get(c) ?? 0) + w[k]! / z / n));
  }
  return probs;
}

function classOf(f: Formal, u: number, v: number): string {
  let a = u, b = v;
  while (f.level[a]! > f.level[b]!) a = f.parent[a]!;
  while (f.level[b]! > f.level[a]!) b = f.parent[b]!;
  while (a !== b) { a = f.parent[a]!; b = f.parent[b]!; }
  const d = f.level[a]!;
  const da = f.level[u]! - d, db = f.level[v]! - d;
  return `${d},${Math.min(da, db)},${Math.max(da, db)}`;
}

describe('multiscale', () => {
  const tree = hierarchy(364, 3); // span 3, depth 5

  // A few extra ties per graph, so that "not already tied" barely shifts the single-tie
  // probabilities; the graphs are drawn one after another from one stream.
  function classFrequencies(lambda: number | null, zeta: number | null, graphs: number, extra: number): Map<string, number> {
    const seen = new Map<string, number>();
    const rng = rngOf(2003);
    for (let k = 0; k < graphs; k++) {
      const g = multiscale(tree, extra, lambda, zeta, rng);
      expect(tieCount(g)).toBe(363 + extra);
      for (const [u, v] of ties(g)) {
        if (tree.parent[u] === v || tree.parent[v] === u) continue;
        const c = classOf(tree, u, v);
        seen.set(c, (seen.get(c) ?? 0) + 1);
      }
    }
    return seen;
  }

  function expectClassesMatch(lambda: number | null, zeta: number | null): void {
    const graphs = 3000, extra = 5, total = graphs * extra;
    const expected = dwsClassProbabilities(tree, lambda, zeta);
    const observed = classFrequencies(lambda, zeta, graphs, extra);
    for (const c of observed.keys()) expect(expected.has(c)).toBe(true);
    let chi2 = 0, df = -1;
    for (const [c, p] of expected) {
      const e = total * p;
      const o = observed.get(c) ?? 0;
      const se = Math.sqrt(total * p * (1 - p));
      expect(Math.abs(o - e), `class d,a,b = ${c}: ${o} ties, expected ${e.toFixed(1)}`).toBeLessThanOrEqual(4 * se + 2);
      if (e >= 5) { chi2 += ((o - e) ** 2) / e; df++; }
    }
    expect(chi2).toBeLessThan(df + 4 * Math.sqrt(2 * df));
  }

  it('puts ties in (d, x) classes ∝ exp(−d/λ)·exp(−x/ζ) × the candidates in the class, normalized per i (λ = 1.5, ζ = 1)', () => {
    expectClassesMatch(1.5, 1);
  });

  it('favours ties far down the tree when λ is large and ζ small (λ = null, ζ = 0.5)', () => {
    expectClassesMatch(null, 0.5);
  });

  it('with λ = ζ = null draws j uniformly among the people not tied to i', () => {
    expectClassesMatch(null, null);
  });

  it('never repeats a tie: asking for every free pair of a 13-person tree gives K13, one more is refused', () => {
    const small = hierarchy(13, 3);
    const free = choose2(13) - 12;
    for (let seed = 0; seed < 5; seed++) {
      const g = multiscale(small, free, 1, 1, rngOf(seed));
      expectSimpleGraph(g);
      expect(tieCount(g)).toBe(choose2(13));
    }
    expect(() => multiscale(small, free + 1, 1, 1, rngOf(0))).toThrow(/only 66 pairs/);
  });

  it('keeps every tree tie and adds exactly `extra` ties', () => {
    const g = multiscale(tree, 300, 0.5, 2, rngOf(7));
    expectSimpleGraph(g);
    expect(tieCount(g)).toBe(363 + 300);
    for (let i = 1; i < 364; i++) expect(arcIndex(g, i, tree.parent[i]!)).toBeGreaterThanOrEqual(0);
  });
});

// ---------------------------------------------------------------- every generator

const formal = hierarchy(200, 4);
const randomLayers: [string, (seed: number) => Graph][] = [
  ['matrix', (s) => matrix(formal, 0.05, rngOf(s))],
  ['multiscale', (s) => multiscale(formal, 150, 1, 1, rngOf(s))],
  ['small-world', (s) => smallWorld(200, 6, 0.2, rngOf(s))],
  ['scale-free', (s) => scaleFree(200, 3, rngOf(s))],
  ['random', (s) => randomGraph(200, 6, rngOf(s))],
];

describe('every generator', () => {
  it.each(randomLayers)('%s is a simple symmetric sorted graph, the same for the same seed and different for another', (_, make) => {
    const a = make(11);
    expectSimpleGraph(a);
    expect(sameGraph(a, make(11))).toBe(true);
    expect(sameGraph(a, make(12))).toBe(false);
  });

  it('holds the CSR invariants for any small parameters (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 2, max: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (n, span, p, seed) => {
          const f = hierarchy(n, span);
          const free = choose2(n) - (n - 1);
          const k = 2 * Math.floor(Math.min(4, n - 1) / 2);
          const layers = [
            matrix(f, p, rngOf(seed)),
            multiscale(f, Math.min(free, Math.floor(p * n)), p < 0.5 ? null : 2 * p, p < 0.2 ? null : p, rngOf(seed)),
            smallWorld(n, k, p, rngOf(seed)),
            scaleFree(n, Math.max(1, Math.min(3, n - 1)), rngOf(seed)),
            randomGraph(n, p * (n - 1), rngOf(seed)),
            lattice(n, 1 + (seed % 3), seed % 2 === 0),
            sameAsFormal(f),
          ];
          for (const g of layers) expectSimpleGraph(g);
          expect(tieCount(layers[2]!)).toBe((n * k) / 2);
          expect(tieCount(layers[3]!)).toBe(Math.min(3, n - 1) * (n - Math.min(3, n - 1)));
        },
      ),
      { numRuns: 150, seed: 20240611 },
    );
  });
});

// ---------------------------------------------------------------- registry

describe('buildInformal and buildFormal', () => {
  const ctx = (seed: number, f: Formal | null = formal) => ({ n: 200, formal: f, rng: rngOf(seed) });

  it('dispatch each kind with the contract’s parameter names to the same graph as the generator itself', () => {
    const cases: [LayerSpec, Graph][] = [
      [{ kind: 'same-as-formal' }, sameAsFormal(formal)],
      [{ kind: 'matrix', lateral: 0.05 }, matrix(formal, 0.05, rngOf(3))],
      [{ kind: 'multiscale', extra: 150, lambda: 1, zeta: null }, multiscale(formal, 150, 1, null, rngOf(3))],
      [{ kind: 'small-world', k: 6, p: 0.2 }, smallWorld(200, 6, 0.2, rngOf(3))],
      [{ kind: 'scale-free', m: 3 }, scaleFree(200, 3, rngOf(3))],
      [{ kind: 'random', meanDegree: 6 }, randomGraph(200, 6, rngOf(3))],
      [{ kind: 'lattice', width: 20, height: 10, wrap: true }, lattice(20, 10, true)],
    ];
    for (const [spec, expected] of cases) expect(sameGraph(buildInformal(spec, ctx(3)), expected), spec.kind).toBe(true);
    const k = buildInformal({ kind: 'complete' }, ctx(3));
    expect(k.complete).toBe(true);
    expect(tieCount(k)).toBe(choose2(200));
    const covered = new Set([...cases.map(([s]) => s.kind), 'complete', 'file']);
    for (const kind of INFORMAL_KINDS) expect(covered.has(kind)).toBe(true);
  });

  it('builds the formal tree from `hierarchy` and `file` specs, and none for a flat organization', () => {
    const f = buildFormal({ kind: 'hierarchy', span: 4 }, ctx(1))!;
    expect(Array.from(f.parent)).toEqual(Array.from(hierarchy(200, 4).parent));
    expect(buildFormal(null, ctx(1))).toBeNull();
    const nodes = { ids: ['a', 'b', 'c'], columns: {} };
    const fromFile = buildFormal({ kind: 'file', nodes: 'n.csv', edges: 'e.csv' }, {
      n: 3, formal: null, rng: rngOf(1), files: { nodes, edges: 'source,target\nb,a\nc,a\n' },
    })!;
    expect(Array.from(fromFile.parent)).toEqual([-1, 0, 0]);
  });

  it('says in plain words what is wrong: an unknown kind, a tree-based layer without a tree, a lattice that does not fit', () => {
    expect(() => buildInformal({ kind: 'hyperbolic' }, ctx(1))).toThrow(/unknown kind "hyperbolic"/);
    expect(() => buildInformal({ kind: 'matrix', lateral: 0.1 }, ctx(1, null))).toThrow(/has none/);
    expect(() => buildInformal({ kind: 'lattice', width: 7, height: 7 }, ctx(1))).toThrow(/width × height must equal size/);
    expect(() => buildInformal({ kind: 'small-world', k: 'six' }, ctx(1))).toThrow(/organization.informal.k: expected a number/);
  });
});
