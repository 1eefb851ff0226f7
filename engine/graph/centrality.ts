// Who holds the network together: betweenness (Brandes 2001) and degree, and the
// ranking that targeted removals and stewards use (ARCHITECTURE.md: exact Brandes up
// to a few thousand people, sampled above, computed when needed, not every tick).
//
// Removed nodes (alive[i] === 0) and their ties are absent. Sources are processed in
// ascending id and neighbours in ascending id, so every Float64 sum happens in a fixed
// order and the scores are identical bit for bit across runs and machines.
import type { Rng } from '../rng.ts';
import type { Graph } from './csr.ts';
import { countAlive } from './components.ts';

/** Options of `betweenness`: sample `samples` pivot sources with `rng` instead of using all. */
export interface BetweennessOptions {
  samples?: number;
  rng?: Rng;
}

/**
 * Betweenness of every node in the alive subgraph (unweighted, undirected), unnormalized
 * as networkx `betweenness_centrality(normalized=False)`: Σ over unordered pairs {s, t}
 * of alive nodes other than v of σ_st(v) / σ_st, i.e. the pair-dependencies summed over
 * all sources and halved (each pair is seen from both ends). Removed nodes score 0.
 *
 * Exact when `samples` is undefined or ≥ the alive count: O(n·m) time, O(n) memory.
 * Otherwise sampled Brandes (Brandes & Pich 2007): `samples` pivot sources drawn from the
 * alive nodes without replacement with `rng`, their dependencies scaled to all sources as
 * networkx 3.6 `betweenness_centrality(k=samples, normalized=False)` does: by
 * (alive − 1) / (2·samples) for nodes that were not drawn and (alive − 1) / (2·(samples − 1))
 * for pivots (0 for the lone pivot when samples = 1). Older networkx scaled everyone by
 * alive / (2·samples), unbiased only on average over draws; this is unbiased for every
 * node given whether it was drawn, so a drawn hub is not ranked down for being drawn.
 * The rng is drawn from only on the sampled path.
 */
export function betweenness(g: Graph, alive: Uint8Array, opts: BetweennessOptions = {}): Float64Array {
  const n = g.n;
  const bc = new Float64Array(n);
  // In K_n every two alive nodes are tied: no shortest path has an intermediate node.
  if (g.complete) return bc;
  const k = countAlive(alive, n);
  const samples = opts.samples;
  const exact = samples === undefined || samples >= k;
  if (!exact && !(Number.isInteger(samples) && samples >= 1)) throw new Error(`sampled betweenness needs a whole number of samples ≥ 1, got ${samples}`);
  if (!exact && !opts.rng) throw new Error('sampled betweenness needs an rng to draw its pivot sources');

  const dist = new Int32Array(n);
  // Removed nodes sit at distance -2 for good: never "unvisited" (-1), never on a level (≥ 0),
  // so the hot loops need no separate alive test.
  for (let i = 0; i < n; i++) dist[i] = alive[i] !== 0 ? -1 : -2;
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const coef = new Float64Array(n);
  const queue = new Int32Array(n);

  if (exact) {
    for (let s = 0; s < n; s++) if (alive[s] !== 0) accumulateFrom(g, s, dist, sigma, delta, coef, queue, bc);
    for (let i = 0; i < n; i++) bc[i] = bc[i]! * 0.5;
    return bc;
  }

  const pivots = drawPivots(alive, n, k, samples!, opts.rng!);
  for (let p = 0; p < pivots.length; p++) accumulateFrom(g, pivots[p]!, dist, sigma, delta, coef, queue, bc);
  // A pivot learns nothing about itself from its own pass (v is never its own
  // intermediate), so pivots are scaled by the other samples - 1 pivots and the rest by
  // all `samples`: each estimate is unbiased whether or not the node was drawn.
  const scaleOther = (0.5 * (k - 1)) / samples!;
  const scalePivot = samples! > 1 ? (0.5 * (k - 1)) / (samples! - 1) : 0;
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (next < pivots.length && pivots[next] === i) {
      bc[i] = bc[i]! * scalePivot;
      next++;
    } else bc[i] = bc[i]! * scaleOther;
  }
  return bc;
}

/**
 * Betweenness as targeted removals and stewards use it: exact below 5,000 alive people,
 * sampled with 500 pivot sources from 5,000 up.
 */
export function betweennessForTargeting(g: Graph, alive: Uint8Array, rng: Rng): Float64Array {
  // Why 5,000 and 500: exact Brandes costs one BFS per person, O(n·m), so with the sparse
  // informal layers we generate (m ≈ 3n) it grows as n²: about 0.6 s at n = 3,000 and
  // 1.8 s just below 5,000 on our slow 2-core test machine, minutes at 50,000.
  // 500 pivots cost 500 BFS, O(500·m): a tenth of exact at the threshold and linear in
  // size beyond it. Targeting needs the ranking of the top nodes, not every score: each
  // sampled score is a mean of per-pivot dependencies, so (Hoeffding) its error shrinks
  // as 1/√k relative to the largest dependency, and hubs, far ahead of the rest, keep
  // their rank (in our 300-node test 30 pivots already put the hub first for 98 of 100
  // seeds). Below the threshold exact is affordable, and it keeps small classroom runs
  // free of sampling noise and independent of the rng.
  const exactBelow = 5000;
  const samples = 500;
  return countAlive(alive, g.n) < exactBelow ? betweenness(g, alive) : betweenness(g, alive, { samples, rng });
}

/** Alive-neighbour count of every node (alive − 1 for alive nodes of a complete graph; 0 when removed). */
export function degreeScores(g: Graph, alive: Uint8Array): Int32Array {
  const n = g.n;
  const deg = new Int32Array(n);
  if (g.complete) {
    const k = countAlive(alive, n);
    for (let i = 0; i < n; i++) if (alive[i] !== 0) deg[i] = k - 1;
    return deg;
  }
  const offsets = g.offsets, targets = g.targets;
  for (let i = 0; i < n; i++) {
    if (alive[i] === 0) continue;
    let d = 0;
    const end = offsets[i + 1]!;
    for (let a = offsets[i]!; a < end; a++) if (alive[targets[a]!] !== 0) d++;
    deg[i] = d;
  }
  return deg;
}

/**
 * The `count` alive nodes with the highest score, best first, ties broken by lowest id
 * (fewer when fewer are alive). Scores must not be NaN. O(n log count) with a bounded heap,
 * so picking the top 10 of a million is one pass.
 */
export function rankNodes(scores: Float64Array | Int32Array, alive: Uint8Array, count: number): Int32Array {
  const n = Math.min(scores.length, alive.length);
  const cap = Math.max(0, Math.min(count, countAlive(alive, n)));
  // A min-heap on "worse first": heap[0] is the worst of the best `cap` seen so far.
  const heap = new Int32Array(cap);
  let size = 0;
  for (let i = 0; i < n && cap > 0; i++) {
    if (alive[i] === 0) continue;
    if (size < cap) {
      // Sift up.
      let c = size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!better(scores, heap[p]!, i)) break;
        heap[c] = heap[p]!;
        c = p;
      }
      heap[c] = i;
    } else if (better(scores, i, heap[0]!)) {
      // Replace the worst and sift down.
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        if (l >= size) break;
        const r = l + 1;
        const w = r < size && better(scores, heap[l]!, heap[r]!) ? r : l;
        if (!better(scores, i, heap[w]!)) break;
        heap[c] = heap[w]!;
        c = w;
      }
      heap[c] = i;
    }
  }
  return heap.sort((a, b) => (better(scores, a, b) ? -1 : 1));
}

/** True when node a ranks above node b: higher score, or equal score and lower id. */
function better(scores: Float64Array | Int32Array, a: number, b: number): boolean {
  const sa = scores[a]!, sb = scores[b]!;
  return sa > sb || (sa === sb && a < b);
}

/**
 * One Brandes pass from source s: BFS counting shortest paths (sigma), then each node's
 * dependency delta, deepest level first, added to bc. Predecessor lists are not stored:
 * a node's neighbours one level down are found again in the CSR. Leaves dist, sigma and
 * coef reset for the next source, touching only the nodes this pass reached (delta is
 * always written before it is read).
 */
function accumulateFrom(
  g: Graph,
  s: number,
  dist: Int32Array,
  sigma: Float64Array,
  delta: Float64Array,
  coef: Float64Array,
  queue: Int32Array,
  bc: Float64Array,
): void {
  const offsets = g.offsets, targets = g.targets;
  let head = 0, tail = 0;
  queue[tail++] = s;
  dist[s] = 0;
  sigma[s] = 1;
  while (head < tail) {
    const u = queue[head++]!;
    const du = dist[u]! + 1;
    const su = sigma[u]!;
    const end = offsets[u + 1]!;
    for (let a = offsets[u]!; a < end; a++) {
      const v = targets[a]!;
      const dv = dist[v]!;
      if (dv === -1) {
        dist[v] = du;
        sigma[v] = su;
        queue[tail++] = v;
      } else if (dv === du) {
        sigma[v] = sigma[v]! + su;
      }
    }
  }
  // Dependencies, one level at a time from the deepest, in "pull" form: delta[w] =
  // sigma[w] · Σ over neighbours x one level down of (1 + delta[x]) / sigma[x]. coef[x]
  // holds that quotient once x's level is done and is 0 before, and a neighbour of w is
  // at most one level away, so when w's level is summed only the level below is non-zero:
  // the sum runs over all neighbours without a data-dependent branch per arc (which is
  // what dominates the textbook loop that tests dist per predecessor).
  let end = tail;
  while (end > 1) {
    const level = dist[queue[end - 1]!]!;
    let start = end - 1;
    while (dist[queue[start - 1]!] === level) start--;
    for (let i = start; i < end; i++) {
      const w = queue[i]!;
      let sum = 0;
      const stop = offsets[w + 1]!;
      for (let a = offsets[w]!; a < stop; a++) sum += coef[targets[a]!]!;
      const d = sigma[w]! * sum;
      delta[w] = d;
      bc[w] = bc[w]! + d;
    }
    // Only now, so that nodes of the same level do not see each other's quotients.
    for (let i = start; i < end; i++) {
      const w = queue[i]!;
      coef[w] = (1 + delta[w]!) / sigma[w]!;
    }
    end = start;
  }
  for (let i = 0; i < tail; i++) {
    const w = queue[i]!;
    dist[w] = -1;
    sigma[w] = 0;
    coef[w] = 0;
  }
}

/** `samples` distinct alive ids drawn uniformly (partial Fisher–Yates over the alive ids), ascending. */
function drawPivots(alive: Uint8Array, n: number, k: number, samples: number, rng: Rng): Int32Array {
  const ids = new Int32Array(k);
  let j = 0;
  for (let i = 0; i < n; i++) if (alive[i] !== 0) ids[j++] = i;
  for (let i = 0; i < samples; i++) {
    const r = i + rng.int(k - i);
    const t = ids[i]!;
    ids[i] = ids[r]!;
    ids[r] = t;
  }
  // Ascending pivots: the sum over sources runs in the same order as in exact Brandes.
  return ids.subarray(0, samples).sort();
}
