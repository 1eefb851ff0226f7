// Whom an exchange asks and how its message travels (MODEL.md §10.5), checked
// against brute force on small trees: the draw's frequencies against the exact
// probabilities ∝ exp(−x/ξ) by enumeration (chi-square at p = 0.001), the
// pseudo-distance against a plain lowest-common-ancestor walk, the chart's path
// (up to the lowest common manager, down to the target), and greedy routing over
// the bare tree, which must take the chart's path.
import { describe, expect, it } from 'vitest';
import { TreeIndex } from '../../engine/exchanges/tree-index.ts';
import { TargetSampler } from '../../engine/exchanges/targets.ts';
import { greedyHop } from '../../engine/exchanges/routing.ts';
import { buildGraph } from '../../engine/graph/csr.ts';
import { Rng, seedWords } from '../../engine/rng.ts';

function rng(seed: number): Rng {
  const words = new Uint32Array(4);
  seedWords(seed, 'test/exchanges', words, 0);
  return new Rng(words, 0);
}

/** A balanced tree of n people with `span` reports each, filled breadth-first (the `hierarchy` generator). */
function balanced(n: number, span: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => (i === 0 ? -1 : Math.floor((i - 1) / span)));
}

/** A random recursive tree: each person reports to someone drawn among those before them (deep and uneven). */
function uneven(n: number, seed: number): Int32Array {
  const r = rng(seed);
  return Int32Array.from({ length: n }, (_, i) => (i === 0 ? -1 : r.int(i)));
}

/** a, b: the levels from u and from j up to their lowest common ancestor, by walking parents. */
function levelsToLca(parent: Int32Array, u: number, j: number): [number, number] {
  const up = (x: number) => { const path = [x]; while (parent[x]! >= 0) { x = parent[x]!; path.push(x); } return path; };
  const pu = up(u), pj = up(j);
  const a = pu.findIndex((x) => pj.includes(x));
  return [a, pj.indexOf(pu[a]!)];
}

/** Upper 0.1 % point of chi-square with df degrees of freedom (Wilson–Hilferty). */
function chiSquare999(df: number): number {
  const z = 3.090232;
  const h = 2 / (9 * df);
  return df * (1 - h + z * Math.sqrt(h)) ** 3;
}

const TREES: [string, Int32Array][] = [
  ['balanced, span 3, 40 people', balanced(40, 3)],
  ['balanced, span 5, 156 people (DWS with L = 4)', balanced(156, 5)],
  ['uneven, 60 people', uneven(60, 7)],
];

describe('the pseudo-distance x and the chart', () => {
  it.each(TREES)('x² = max(0, a² + b² − 2) with a, b the levels to the lowest common ancestor, for every pair (%s)', (_, parent) => {
    const n = parent.length;
    const t = new TreeIndex(parent, new Uint8Array(n).fill(1), 0, n);
    const wrong: string[] = [];
    for (let u = 0; u < n; u++) {
      for (let j = 0; j < n; j++) {
        const [a, b] = levelsToLca(parent, u, j);
        if (t.xSquared(u, j) !== Math.max(0, a * a + b * b - 2)) wrong.push(`${u}, ${j}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(TREES)('the chart goes up to the lowest common manager and down to the target, a + b hops (%s)', (_, parent) => {
    const n = parent.length;
    const t = new TreeIndex(parent, new Uint8Array(n).fill(1), 0, n);
    const wrong: string[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const [a, b] = levelsToLca(parent, i, j);
        const seen: number[] = [];
        for (let v = i; v !== j && seen.length <= a + b;) { v = t.chartHop(v, j); seen.push(v); }
        // a + b hops: the first a climb (each the manager of the one before), the rest descend.
        let ok = seen.length === a + b && seen[a + b - 1] === j;
        for (let k = 0; k < a && ok; k++) ok = seen[k] === parent[k === 0 ? i : seen[k - 1]!];
        for (let k = a; k < a + b && ok; k++) ok = parent[seen[k]!] === (k === 0 ? i : seen[k - 1]);
        if (!ok) wrong.push(`${i} → ${j}: ${seen.join(' ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(TREES)('greedy routing over the bare tree takes the chart\'s path (%s)', (_, parent) => {
    const n = parent.length;
    const alive = new Uint8Array(n).fill(1);
    const t = new TreeIndex(parent, alive, 0, n);
    const src: number[] = [], dst: number[] = [];
    for (let i = 1; i < n; i++) { src.push(i); dst.push(parent[i]!); }
    const g = buildGraph(n, Int32Array.from(src), Int32Array.from(dst));
    const wrong: string[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && greedyHop(t, g, alive, i, j) !== t.chartHop(i, j)) wrong.push(`${i} → ${j}`);
    expect(wrong).toEqual([]);
  });

  it('greedy routing goes straight to a tied destination, skips those who left, and meets a dead end when no neighbour is left', () => {
    const parent = balanced(13, 3); // 0; 1–3; 4–12
    const alive = new Uint8Array(13).fill(1);
    const t = new TreeIndex(parent, alive, 0, 13);
    // An informal tie 4 — 12 (different divisions).
    const g = buildGraph(13, Int32Array.from([4]), Int32Array.from([12]));
    expect(greedyHop(t, g, alive, 4, 12)).toBe(12);
    // 5 → 12: 5's only neighbour is its manager 1.
    expect(greedyHop(t, g, alive, 5, 12)).toBe(1);
    // 4 → 11: the tie to 12 (a sibling of 11, x = 0) beats the manager 1 (x² = 1 + 4 − 2 = 3).
    expect(greedyHop(t, g, alive, 4, 11)).toBe(12);
    alive[12] = 0;
    expect(greedyHop(t, g, alive, 4, 11)).toBe(1);
    alive[1] = 0;
    expect(greedyHop(t, g, alive, 5, 12)).toBe(-1);
  });
});

describe('the target draw', () => {
  /** Draws `draws` targets of origin i and holds their counts against the exact probabilities. */
  function check(parent: Int32Array, alive: Uint8Array, i: number, xi: number, draws: number, seed: number): void {
    const n = parent.length;
    const t = new TreeIndex(parent, alive, 0, n);
    const exact = TargetSampler.exact(t, i, xi, alive);
    const counts = new Float64Array(n);
    const sampler = new TargetSampler();
    const r = rng(seed);
    let invalid = 0;
    for (let k = 0; k < draws; k++) {
      const j = sampler.draw(t, i, xi, r);
      if (j === i || j < 0 || alive[j] !== 1) invalid++;
      else counts[j]!++;
    }
    expect(invalid).toBe(0);
    // Pearson's chi-square over the targets (those with an expected count under 5 pooled).
    let stat = 0, df = -1, poolE = 0, poolO = 0;
    for (let j = 0; j < n; j++) {
      const e = exact[j]! * draws;
      if (e === 0) { expect(counts[j]).toBe(0); continue; }
      if (e < 5) { poolE += e; poolO += counts[j]!; continue; }
      stat += (counts[j]! - e) ** 2 / e;
      df++;
    }
    if (poolE > 0) { stat += (poolO - poolE) ** 2 / poolE; df++; }
    expect(df).toBeGreaterThan(3);
    expect(stat, `origin ${i}, ξ = ${xi}: chi-square ${stat.toFixed(1)} on ${df} df`).toBeLessThan(chiSquare999(df));
  }

  it.each(TREES)('targets follow exp(−x/ξ) exactly, for the root, a middle manager and a leaf, at ξ = 0.5, 1 and 3 (%s)', (_, parent) => {
    const n = parent.length;
    const alive = new Uint8Array(n).fill(1);
    const origins = [0, 2, n - 1];
    let seed = 1;
    for (const i of origins) for (const xi of [0.5, 1, 3]) check(parent, alive, i, xi, 40_000, seed++);
  });

  it('people who left are never drawn, and the others keep their relative weights', () => {
    const parent = balanced(156, 5);
    const alive = new Uint8Array(156).fill(1);
    for (const gone of [1, 7, 8, 40, 100, 155]) alive[gone] = 0;
    // Origin 32 sits under person 7, who left: x still runs through 7's post in the chart.
    for (const [i, xi] of [[32, 1], [2, 2], [150, 0.7]] as const) check(parent, alive, i, xi, 40_000, 100 + i);
  });

  it('a person alone in the tree has nobody to ask', () => {
    const t = new TreeIndex(Int32Array.from([-1, 0, 0]), Uint8Array.from([1, 0, 0]), 0, 3);
    expect(new TargetSampler().draw(t, 0, 1, rng(1))).toBe(-1);
  });
});
