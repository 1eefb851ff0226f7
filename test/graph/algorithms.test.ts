// Components, BFS, clustering, path lengths and betweenness over CSR graphs with an
// alive mask, checked against independent brute-force versions (plain adjacency lists,
// union–find, all-pairs path counting) and against published networkx values.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageClustering, averageShortestPath, bfsDistances, bfsTree } from '../../engine/graph/bfs.ts';
import { betweenness, betweennessForTargeting, degreeScores, rankNodes } from '../../engine/graph/centrality.ts';
import { componentLabels, componentScratch, giantComponentSize } from '../../engine/graph/components.ts';
import { type Graph, buildGraph, completeGraph, hasTie } from '../../engine/graph/csr.ts';
import { standaloneRng } from '../../engine/rng.ts';

// ---------------------------------------------------------------- helpers

type Edge = [number, number];

function graphOf(n: number, edges: readonly Edge[]): Graph {
  return buildGraph(n, Int32Array.from(edges, (e) => e[0]), Int32Array.from(edges, (e) => e[1]));
}

function everyone(n: number): Uint8Array {
  return new Uint8Array(n).fill(1);
}

function pathEdges(n: number): Edge[] {
  return Array.from({ length: n - 1 }, (_, i): Edge => [i, i + 1]);
}

function cycleEdges(n: number): Edge[] {
  return Array.from({ length: n }, (_, i): Edge => [i, (i + 1) % n]);
}

function starEdges(n: number, center: number): Edge[] {
  const edges: Edge[] = [];
  for (let i = 0; i < n; i++) if (i !== center) edges.push([center, i]);
  return edges;
}

/** Preferential attachment (Barabási–Albert-like): each newcomer ties to m distinct nodes chosen by degree. */
function preferentialAttachment(n: number, m: number, seed: number): Edge[] {
  const rng = standaloneRng(seed, 'test-ba');
  const edges: Edge[] = [];
  const ends: number[] = [];
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j < i; j++) {
      edges.push([j, i]);
      ends.push(i, j);
    }
  }
  for (let v = m + 1; v < n; v++) {
    const chosen = new Set<number>();
    while (chosen.size < m) chosen.add(ends[rng.int(ends.length)]!);
    for (const u of chosen) {
      edges.push([u, v]);
      ends.push(u, v);
    }
  }
  return edges;
}

function karate(): { n: number; edges: Edge[] } {
  const text = readFileSync('/work/shared/data/orgs/zachary-karate/edges-interaction.csv', 'utf8');
  const edges = text
    .trim()
    .split('\n')
    .slice(1)
    .map((line): Edge => {
      const [s, t] = line.split(',');
      return [Number(s), Number(t)];
    });
  return { n: 34, edges };
}

/** Adjacency lists of the alive subgraph, built without the CSR code. */
function adjacency(n: number, edges: readonly Edge[], alive: Uint8Array): number[][] {
  const sets = Array.from({ length: n }, () => new Set<number>());
  for (const [u, v] of edges) {
    if (u === v || !alive[u] || !alive[v]) continue;
    sets[u]!.add(v);
    sets[v]!.add(u);
  }
  return sets.map((s) => [...s]);
}

/** Hop distances and shortest-path counts from s by plain BFS on adjacency lists. */
function pathCounts(adj: number[][], s: number): { dist: number[]; sigma: number[] } {
  const dist = adj.map(() => -1);
  const sigma = adj.map(() => 0);
  dist[s] = 0;
  sigma[s] = 1;
  const queue = [s];
  for (let h = 0; h < queue.length; h++) {
    const u = queue[h]!;
    for (const v of adj[u]!) {
      if (dist[v] === -1) {
        dist[v] = dist[u]! + 1;
        queue.push(v);
      }
      if (dist[v] === dist[u]! + 1) sigma[v]! += sigma[u]!;
    }
  }
  return { dist, sigma };
}

/** Betweenness by definition: Σ over alive pairs s < t of σ_st(v) / σ_st, with σ_st(v) = σ_sv·σ_vt on a shortest path. */
function bruteBetweenness(n: number, edges: readonly Edge[], alive: Uint8Array): number[] {
  const adj = adjacency(n, edges, alive);
  const all = adj.map((_, s) => (alive[s] ? pathCounts(adj, s) : null));
  const bc = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++) {
    for (let t = s + 1; t < n; t++) {
      const ps = all[s], pt = all[t];
      if (!ps || !pt || ps.dist[t] === -1) continue;
      const dst = ps.dist[t]!;
      for (let v = 0; v < n; v++) {
        if (v === s || v === t || !alive[v]) continue;
        if (ps.dist[v]! >= 0 && pt.dist[v]! >= 0 && ps.dist[v]! + pt.dist[v]! === dst) {
          bc[v]! += (ps.sigma[v]! * pt.sigma[v]!) / ps.sigma[t]!;
        }
      }
    }
  }
  return bc;
}

/** Component representative of every node by union–find over the alive ties. */
function unionFind(n: number, edges: readonly Edge[], alive: Uint8Array): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const [u, v] of edges) if (alive[u] && alive[v]) parent[find(u)] = find(v);
  return parent.map((_, i) => find(i));
}

/** The alive subgraph with its nodes renumbered 0 … k-1. */
function induced(n: number, edges: readonly Edge[], alive: Uint8Array): { n: number; edges: Edge[] } {
  const id = new Array<number>(n).fill(-1);
  let k = 0;
  for (let i = 0; i < n; i++) if (alive[i]) id[i] = k++;
  return { n: k, edges: edges.filter(([u, v]) => alive[u] && alive[v]).map(([u, v]): Edge => [id[u]!, id[v]!]) };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[i]!)));
  }
}

/** A random graph on n ≤ maxN nodes with up to 3n ties (self-loops and repeats included) and ~80 % alive. */
const graphCase = (maxN: number) =>
  fc.integer({ min: 1, max: maxN }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
      alive: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }).map((xs) => Uint8Array.from(xs, (x) => (x > 0 ? 1 : 0))),
    }),
  );

// ---------------------------------------------------------------- components

describe('connected components', () => {
  it('componentLabels partitions alive nodes exactly as union–find does, and giantComponentSize is its largest part', () => {
    fc.assert(
      fc.property(graphCase(60), ({ n, edges, alive }) => {
        const g = graphOf(n, edges);
        const { labels, sizes, count } = componentLabels(g, alive);
        const root = unionFind(n, edges, alive);
        const expectedSizes = new Map<number, number>();
        for (let i = 0; i < n; i++) if (alive[i]) expectedSizes.set(root[i]!, (expectedSizes.get(root[i]!) ?? 0) + 1);
        expect(count).toBe(expectedSizes.size);
        // Same label ⇔ same union–find root: the label → root map and its inverse are both functions.
        const rootOfLabel = new Map<number, number>(), labelOfRoot = new Map<number, number>();
        for (let i = 0; i < n; i++) {
          if (!alive[i]) {
            expect(labels[i]).toBe(-1);
            continue;
          }
          expect(rootOfLabel.get(labels[i]!) ?? root[i]).toBe(root[i]);
          expect(labelOfRoot.get(root[i]!) ?? labels[i]).toBe(labels[i]);
          rootOfLabel.set(labels[i]!, root[i]!);
          labelOfRoot.set(root[i]!, labels[i]!);
          expect(sizes[labels[i]!]).toBe(expectedSizes.get(root[i]!));
        }
        // Components are numbered by their lowest id.
        let seen = -1;
        for (let i = 0; i < n; i++) {
          if (labels[i]! > seen) {
            expect(labels[i]).toBe(seen + 1);
            seen = labels[i]!;
          }
        }
        const giant = Math.max(0, ...expectedSizes.values());
        expect(giantComponentSize(g, alive)).toBe(giant);
        expect(giantComponentSize(g, alive, componentScratch(n))).toBe(giant);
      }),
      { numRuns: 300 },
    );
  });

  it('a complete graph with removals is one component of the alive nodes, without materializing ties', () => {
    const g = completeGraph(10);
    const alive = everyone(10);
    alive[2] = alive[5] = alive[9] = 0;
    expect(giantComponentSize(g, alive)).toBe(7);
    const { labels, sizes, count } = componentLabels(g, alive);
    expect(count).toBe(1);
    expect([...sizes]).toEqual([7]);
    expect([...labels]).toEqual([0, 0, -1, 0, 0, -1, 0, 0, 0, -1]);
    expect(giantComponentSize(g, new Uint8Array(10))).toBe(0);
    expect(componentLabels(g, new Uint8Array(10)).count).toBe(0);
  });

  it('a path of a million people is one component, and removing its middle splits it in two (no recursion)', () => {
    const n = 1_000_000;
    const src = new Int32Array(n - 1), dst = new Int32Array(n - 1);
    for (let i = 0; i < n - 1; i++) {
      src[i] = i;
      dst[i] = i + 1;
    }
    const g = buildGraph(n, src, dst);
    const alive = everyone(n);
    const scratch = componentScratch(n);
    expect(giantComponentSize(g, alive, scratch)).toBe(n);
    alive[500_000] = 0;
    expect(giantComponentSize(g, alive, scratch)).toBe(500_000);
    const { sizes, count } = componentLabels(g, alive, scratch.labels, scratch.queue);
    expect(count).toBe(2);
    expect([...sizes]).toEqual([500_000, 499_999]);
  });
});

// ---------------------------------------------------------------- BFS

describe('breadth-first search', () => {
  it('bfsDistances equals plain BFS on adjacency lists, with -1 for unreachable and removed nodes', () => {
    fc.assert(
      fc.property(graphCase(60), fc.nat(), ({ n, edges, alive }, pick) => {
        const source = pick % n;
        const d = bfsDistances(buildGraph(n, Int32Array.from(edges, (e) => e[0]), Int32Array.from(edges, (e) => e[1])), alive, source);
        const expected = alive[source] ? pathCounts(adjacency(n, edges, alive), source).dist : new Array<number>(n).fill(-1);
        expect([...d]).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('bfsTree is a valid BFS tree (each parent is a tie one hop nearer the root) and does not depend on tie order', () => {
    fc.assert(
      fc.property(graphCase(60), fc.nat(), fc.nat(), ({ n, edges, alive }, pick, shuffleSeed) => {
        const root = pick % n;
        const g = graphOf(n, edges);
        const parent = bfsTree(g, alive, root);
        const dist = bfsDistances(g, alive, root);
        for (let v = 0; v < n; v++) {
          if (v === root || dist[v] === -1) {
            expect(parent[v]).toBe(-1);
            continue;
          }
          const p = parent[v]!;
          expect(alive[p]).toBe(1);
          expect(hasTie(g, p, v)).toBe(true);
          expect(dist[p]).toBe(dist[v]! - 1);
        }
        // The same ties listed in another order (and reversed) give the same tree.
        const rng = standaloneRng(shuffleSeed, 'test-shuffle');
        const shuffled = edges.map((e): Edge => (rng.chance(0.5) ? [e[1], e[0]] : [e[0], e[1]]));
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rng.int(i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect([...bfsTree(graphOf(n, shuffled), alive, root)]).toEqual([...parent]);
        expect([...bfsTree(g, alive, root, new Int32Array(n + 3), new Int32Array(n))]).toEqual([...parent]);
      }),
      { numRuns: 200 },
    );
  });

  it('bfsTree on a complete graph hangs every alive node from the root', () => {
    const alive = everyone(5);
    alive[3] = 0;
    expect([...bfsTree(completeGraph(5), alive, 1)]).toEqual([1, -1, 1, -1, 1]);
    expect([...bfsDistances(completeGraph(5), alive, 1)]).toEqual([1, 0, 1, -1, 1]);
  });
});

// ---------------------------------------------------------------- path length and clustering

describe('average shortest path and clustering (networkx definitions)', () => {
  it('K4 has average path 1 and clustering 1, implicit or materialized', () => {
    const k4: Edge[] = [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]];
    expect(averageShortestPath(graphOf(4, k4))).toBe(1);
    expect(averageClustering(graphOf(4, k4))).toBe(1);
    expect(averageShortestPath(completeGraph(4))).toBe(1);
    expect(averageClustering(completeGraph(4))).toBe(1);
  });

  it('the cycle C6 has average path 1.8 and clustering 0', () => {
    const c6 = graphOf(6, cycleEdges(6));
    expect(averageShortestPath(c6)).toBeCloseTo(1.8, 12);
    expect(averageClustering(c6)).toBe(0);
  });

  it("Zachary's karate club matches networkx: clustering 0.5706384782076823, path 2.408199643493761", () => {
    const { n, edges } = karate();
    const g = graphOf(n, edges);
    expect(averageClustering(g)).toBeCloseTo(0.5706384782076823, 12);
    expect(averageShortestPath(g)).toBeCloseTo(2.408199643493761, 12);
  });

  it('on a disconnected graph the average path is over the pairs that can reach each other (igraph unconn=TRUE)', () => {
    // A path 0-1-2 and a lone node 3: ordered reachable pairs 6, distances 1,2,1,1,2,1.
    expect(averageShortestPath(graphOf(4, [[0, 1], [1, 2]]))).toBeCloseTo(8 / 6, 12);
    expect(averageShortestPath(graphOf(3, []))).toBe(0);
  });

  it('removed nodes count as deleted: both statistics equal those of the induced subgraph', () => {
    fc.assert(
      fc.property(graphCase(40), ({ n, edges, alive }) => {
        const g = graphOf(n, edges);
        const sub = induced(n, edges, alive);
        const h = graphOf(sub.n, sub.edges);
        expect(averageShortestPath(g, alive)).toBeCloseTo(averageShortestPath(h), 12);
        expect(averageClustering(g, alive)).toBeCloseTo(averageClustering(h), 12);
      }),
      { numRuns: 200 },
    );
  });

  it('clustering of a triangle with a pendant node averages 1, 1, 1/3 and 0', () => {
    // networkx: nx.average_clustering of triangle 0-1-2 plus tie 2-3 = (1 + 1 + 1/3 + 0) / 4.
    expect(averageClustering(graphOf(4, [[0, 1], [1, 2], [0, 2], [2, 3]]))).toBeCloseTo(7 / 12, 14);
  });
});

// ---------------------------------------------------------------- betweenness

describe('betweenness (Brandes)', () => {
  it('exact Brandes equals the brute-force sum of σ_st(v)/σ_st over pairs s < t on random graphs with removals', () => {
    fc.assert(
      fc.property(graphCase(30), ({ n, edges, alive }) => {
        const bc = betweenness(graphOf(n, edges), alive);
        expectClose(bc, bruteBetweenness(n, edges, alive));
      }),
      { numRuns: 300 },
    );
  });

  it('the path P5 scores 0, 3, 4, 3, 0', () => {
    expect([...betweenness(graphOf(5, pathEdges(5)), everyone(5))]).toEqual([0, 3, 4, 3, 0]);
  });

  it('the centre of a star on n nodes scores C(n−1, 2) and the leaves 0', () => {
    for (const n of [3, 7, 20]) {
      const bc = betweenness(graphOf(n, starEdges(n, 0)), everyone(n));
      expect(bc[0]).toBe(((n - 1) * (n - 2)) / 2);
      for (let i = 1; i < n; i++) expect(bc[i]).toBe(0);
    }
  });

  it('every node of a cycle C_n scores (n−1)(n−3)/8 for odd n and (n−2)²/8 for even n', () => {
    for (const n of [4, 5, 6, 7, 10, 11]) {
      const expected = n % 2 === 1 ? ((n - 1) * (n - 3)) / 8 : ((n - 2) * (n - 2)) / 8;
      const bc = betweenness(graphOf(n, cycleEdges(n)), everyone(n));
      for (let i = 0; i < n; i++) expect(bc[i]).toBeCloseTo(expected, 10);
    }
  });

  it("Zachary's karate club: node 0 scores 231.0714285714286 (networkx, unnormalized) and is the top broker", () => {
    const { n, edges } = karate();
    const bc = betweenness(graphOf(n, edges), everyone(n));
    expect(bc[0]).toBeCloseTo(231.0714285714286, 9);
    expect(rankNodes(bc, everyone(n), 1)[0]).toBe(0);
    expectClose(bc, bruteBetweenness(n, edges, everyone(n)));
  });

  it('a complete graph has betweenness 0 everywhere', () => {
    expect([...betweenness(completeGraph(6), everyone(6))]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('exact Brandes is deterministic bit for bit and independent of tie order', () => {
    const edges = preferentialAttachment(200, 2, 3);
    const alive = everyone(200);
    alive[17] = alive[40] = 0;
    const a = betweenness(graphOf(200, edges), alive);
    const b = betweenness(graphOf(200, [...edges].reverse().map(([u, v]): Edge => [v, u])), alive);
    expect(Buffer.from(b.buffer).equals(Buffer.from(a.buffer))).toBe(true);
  });

  it('samples ≥ the alive count give the exact result and draw nothing from the rng', () => {
    const edges = preferentialAttachment(60, 2, 1);
    const g = graphOf(60, edges);
    const alive = everyone(60);
    alive[5] = 0;
    const rng = standaloneRng(9, 'targeting');
    const before = [...rng.words];
    expect([...betweenness(g, alive, { samples: 59, rng })]).toEqual([...betweenness(g, alive)]);
    expect([...betweennessForTargeting(g, alive, rng)]).toEqual([...betweenness(g, alive)]);
    expect([...rng.words]).toEqual(before);
  });

  it('sampled Brandes is a pure function of the rng state and gives removed nodes 0', () => {
    const g = graphOf(300, preferentialAttachment(300, 2, 5));
    const alive = everyone(300);
    alive[0] = alive[1] = 0;
    const a = betweenness(g, alive, { samples: 40, rng: standaloneRng(4, 'targeting') });
    const b = betweenness(g, alive, { samples: 40, rng: standaloneRng(4, 'targeting') });
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(a[0]).toBe(0);
    expect(a[1]).toBe(0);
    expect(() => betweenness(g, alive, { samples: 40 })).toThrow(/rng/);
    expect(() => betweenness(g, alive, { samples: 0, rng: standaloneRng(4, 'x') })).toThrow(/samples/);
  });

  it('sampled Brandes scores the centre of a star exactly, drawn as a pivot or not (networkx 3.6 scaling), and ranks it first', () => {
    // Every leaf pivot contributes n − 2 to the centre; scaling pivots by (n−1)/(2(k−1)) and the
    // others by (n−1)/(2k) makes both cases C(n−1, 2). (Scaling everyone by n/(2k) would not.)
    const n = 40, center = 17;
    const g = graphOf(n, starEdges(n, center));
    for (let seed = 0; seed < 20; seed++) {
      for (const samples of [2, 3, 39]) {
        const bc = betweenness(g, everyone(n), { samples, rng: standaloneRng(seed, 'targeting') });
        expect(bc[center]).toBeCloseTo(((n - 1) * (n - 2)) / 2, 9);
        expect(rankNodes(bc, everyone(n), 1)[0]).toBe(center);
      }
    }
  });

  it('sampled Brandes with 30 of 300 pivots ranks the top broker of a preferential-attachment graph first (at least 95 of 100 seeds)', () => {
    // A graph whose top broker clearly leads (exact score over twice the runner-up's, checked
    // below): sampling with 30 pivots should then almost never rank anyone else first.
    const n = 300;
    const g = graphOf(n, preferentialAttachment(n, 2, 13));
    const alive = everyone(n);
    const exact = betweenness(g, alive);
    const [top, second] = rankNodes(exact, alive, 2);
    expect(exact[top!]! / exact[second!]!).toBeGreaterThan(2);
    let first = 0;
    for (let seed = 0; seed < 100; seed++) {
      const bc = betweenness(g, alive, { samples: 30, rng: standaloneRng(seed, 'targeting') });
      if (rankNodes(bc, alive, 1)[0] === top) first++;
    }
    expect(first).toBeGreaterThanOrEqual(95);
  });

  it('sampled Brandes is unbiased: its mean over 200 seeds is within 3 % of exact on a 300-node graph', () => {
    const n = 300, samples = 20, seeds = 200;
    const g = graphOf(n, preferentialAttachment(n, 2, 7));
    const alive = everyone(n);
    alive[3] = 0;
    const exact = betweenness(g, alive);
    const mean = new Float64Array(n);
    for (let seed = 0; seed < seeds; seed++) {
      const bc = betweenness(g, alive, { samples, rng: standaloneRng(seed, 'targeting') });
      for (let i = 0; i < n; i++) mean[i]! += bc[i]! / seeds;
    }
    const max = Math.max(...exact);
    let total = 0, totalExact = 0;
    for (let i = 0; i < n; i++) {
      // Per node, within 3 % of the top score (the scale ranking works at).
      expect(Math.abs(mean[i]! - exact[i]!)).toBeLessThanOrEqual(0.03 * max);
      total += mean[i]!;
      totalExact += exact[i]!;
    }
    expect(Math.abs(total - totalExact)).toBeLessThanOrEqual(0.01 * totalExact);
  });

  it('betweennessForTargeting samples from 5,000 alive people up and is exact below', () => {
    // A ring of 5,000: exactly at the threshold it samples (the rng moves); one removal makes it exact.
    const n = 5000;
    const g = graphOf(n, cycleEdges(n));
    const alive = everyone(n);
    const rng = standaloneRng(1, 'targeting');
    const before = [...rng.words];
    betweennessForTargeting(g, alive, rng);
    expect([...rng.words]).not.toEqual(before);
    alive[0] = 0;
    const after = [...rng.words];
    const small = graphOf(n, pathEdges(n));
    const bc = betweennessForTargeting(small, alive, rng);
    expect([...rng.words]).toEqual(after);
    // Path 1 … 4999 after removing node 0: node i (position p = i − 1 of 4999) scores p·(4998 − p).
    expect(bc[2]).toBe(1 * 4997);
  });
});

// ---------------------------------------------------------------- ranking and degree

describe('rankNodes and degreeScores', () => {
  it('rankNodes returns the highest alive scores first, ties broken by lowest id', () => {
    const scores = Float64Array.from([1, 5, 5, 2, 5, 5, 0]);
    const alive = Uint8Array.from([1, 1, 1, 1, 0, 1, 1]);
    expect([...rankNodes(scores, alive, 3)]).toEqual([1, 2, 5]);
    expect([...rankNodes(scores, alive, 4)]).toEqual([1, 2, 5, 3]);
    expect([...rankNodes(scores, alive, 100)]).toEqual([1, 2, 5, 3, 0, 6]);
    expect([...rankNodes(scores, alive, 0)]).toEqual([]);
    expect([...rankNodes(Int32Array.from([2, 2, 2]), everyone(3), 2)]).toEqual([0, 1]);
  });

  it('rankNodes agrees with sorting alive ids by (score descending, id ascending)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 80 }),
        fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
        fc.nat(90),
        (raw, aliveRaw, count) => {
          const n = raw.length;
          const scores = Float64Array.from(raw);
          const alive = Uint8Array.from(aliveRaw.slice(0, n), (b) => (b ? 1 : 0));
          const expected = [...Array(n).keys()].filter((i) => alive[i]).sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, count);
          expect([...rankNodes(scores, alive, count)]).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('degreeScores counts alive neighbours; a complete graph gives alive − 1', () => {
    fc.assert(
      fc.property(graphCase(40), ({ n, edges, alive }) => {
        const adj = adjacency(n, edges, alive);
        expect([...degreeScores(graphOf(n, edges), alive)]).toEqual(adj.map((a, i) => (alive[i] ? a.length : 0)));
      }),
      { numRuns: 100 },
    );
    const alive = everyone(6);
    alive[4] = 0;
    expect([...degreeScores(completeGraph(6), alive)]).toEqual([4, 4, 4, 4, 0, 4]);
  });
});
