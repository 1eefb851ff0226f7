// Breadth-first search over CSR graphs, honouring the alive mask (removed nodes and
// their ties are absent), plus the two descriptive statistics the generators are
// tested against and the `graph` command prints.
//
// Neighbours are visited in ascending id (CSR keeps them sorted), so distances,
// routing trees and every sum below are pure functions of the tie set and the mask.
import type { Graph } from './csr.ts';

/**
 * Hop distances from `source` among alive nodes: -1 for unreachable and removed nodes
 * (everything is -1 when the source itself is removed). `out` and `queue` (length ≥ n)
 * are reused when given. O(n + m).
 */
export function bfsDistances(g: Graph, alive: Uint8Array, source: number, out?: Int32Array, queue?: Int32Array): Int32Array {
  const n = g.n;
  const dist = scratchOf(out, n, 'distances');
  dist.fill(-1, 0, n);
  if (alive[source] === 0) return dist;
  dist[source] = 0;
  if (g.complete) {
    for (let i = 0; i < n; i++) if (i !== source && alive[i] !== 0) dist[i] = 1;
    return dist;
  }
  const q = scratchOf(queue, n, 'queue');
  const offsets = g.offsets, targets = g.targets;
  let head = 0, tail = 0;
  q[tail++] = source;
  while (head < tail) {
    const u = q[head++]!;
    const du = dist[u]! + 1;
    const end = offsets[u + 1]!;
    for (let a = offsets[u]!; a < end; a++) {
      const v = targets[a]!;
      if (dist[v] === -1 && alive[v] !== 0) {
        dist[v] = du;
        q[tail++] = v;
      }
    }
  }
  return dist;
}

/**
 * A BFS tree rooted at `root` over alive nodes: `parent[v]` is the node through which v
 * was first reached, -1 for the root, unreached and removed nodes. Neighbours are visited
 * in ascending id, so the tree depends only on the tie set and the mask (routing trees
 * must not change with the order ties were listed in). O(n + m).
 */
export function bfsTree(g: Graph, alive: Uint8Array, root: number, out?: Int32Array, queue?: Int32Array): Int32Array {
  const n = g.n;
  const parent = scratchOf(out, n, 'parent');
  parent.fill(-1, 0, n);
  if (alive[root] === 0) return parent;
  if (g.complete) {
    for (let i = 0; i < n; i++) if (i !== root && alive[i] !== 0) parent[i] = root;
    return parent;
  }
  const q = scratchOf(queue, n, 'queue');
  const offsets = g.offsets, targets = g.targets;
  let head = 0, tail = 0;
  q[tail++] = root;
  while (head < tail) {
    const u = q[head++]!;
    const end = offsets[u + 1]!;
    for (let a = offsets[u]!; a < end; a++) {
      const v = targets[a]!;
      // parent -1 marks "not yet reached" for everyone but the root.
      if (parent[v] === -1 && v !== root && alive[v] !== 0) {
        parent[v] = u;
        q[tail++] = v;
      }
    }
  }
  return parent;
}

/**
 * Mean hop distance over ordered pairs of distinct alive nodes that can reach each other
 * (0 when there are none). On a connected graph this is networkx's
 * `average_shortest_path_length`; networkx raises on a disconnected graph, where this
 * follows igraph's `average_path_length(unconn=TRUE)` instead, so the `graph` command can
 * describe any generated graph. `alive` defaults to everyone. O(n·(n + m)).
 */
export function averageShortestPath(g: Graph, alive?: Uint8Array): number {
  const n = g.n;
  const mask = alive ?? allAlive(n);
  if (g.complete) {
    let k = 0;
    for (let i = 0; i < n; i++) if (mask[i] !== 0) k++;
    return k >= 2 ? 1 : 0;
  }
  const dist = new Int32Array(n).fill(-1);
  const q = new Int32Array(n);
  const offsets = g.offsets, targets = g.targets;
  // Integer sums: exact up to 2^53, far beyond any graph this is run on.
  let total = 0, pairs = 0;
  for (let s = 0; s < n; s++) {
    if (mask[s] === 0) continue;
    let head = 0, tail = 0;
    q[tail++] = s;
    dist[s] = 0;
    while (head < tail) {
      const u = q[head++]!;
      const du = dist[u]! + 1;
      const end = offsets[u + 1]!;
      for (let a = offsets[u]!; a < end; a++) {
        const v = targets[a]!;
        if (dist[v] === -1 && mask[v] !== 0) {
          dist[v] = du;
          total += du;
          q[tail++] = v;
        }
      }
    }
    pairs += tail - 1;
    for (let i = 0; i < tail; i++) dist[q[i]!] = -1;
  }
  return pairs > 0 ? total / pairs : 0;
}

/**
 * networkx's `average_clustering`: the mean over alive nodes of 2·T(v) / (d(v)·(d(v) − 1)),
 * T(v) the triangles through v and d(v) its alive degree, with 0 for d(v) < 2 (zeros are
 * counted). 0 when nobody is alive. `alive` defaults to everyone. O(Σ d(v)²).
 */
export function averageClustering(g: Graph, alive?: Uint8Array): number {
  const n = g.n;
  const mask = alive ?? allAlive(n);
  let k = 0;
  for (let i = 0; i < n; i++) if (mask[i] !== 0) k++;
  if (k === 0) return 0;
  if (g.complete) return k >= 3 ? 1 : 0;
  const offsets = g.offsets, targets = g.targets;
  // mark[w] === v + 1 while v's neighbours are marked: no clearing between nodes.
  const mark = new Int32Array(n);
  let sum = 0;
  for (let v = 0; v < n; v++) {
    if (mask[v] === 0) continue;
    const a0 = offsets[v]!, a1 = offsets[v + 1]!;
    let d = 0;
    for (let a = a0; a < a1; a++) {
      const u = targets[a]!;
      if (mask[u] !== 0) {
        mark[u] = v + 1;
        d++;
      }
    }
    if (d < 2) continue;
    // Each triangle {v, u, w} is seen twice, from u and from w: `closed` = 2·T(v).
    let closed = 0;
    for (let a = a0; a < a1; a++) {
      const u = targets[a]!;
      if (mask[u] === 0) continue;
      const end = offsets[u + 1]!;
      for (let b = offsets[u]!; b < end; b++) if (mark[targets[b]!] === v + 1) closed++;
    }
    sum += closed / (d * (d - 1));
  }
  return sum / k;
}

function allAlive(n: number): Uint8Array {
  return new Uint8Array(n).fill(1);
}

function scratchOf(given: Int32Array | undefined, n: number, what: string): Int32Array {
  if (!given) return new Int32Array(n);
  if (given.length < n) throw new Error(`${what} scratch has ${given.length} slots, the graph has ${n} nodes`);
  return given.length === n ? given : given.subarray(0, n);
}
