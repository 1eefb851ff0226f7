// Connected components among alive people (ARCHITECTURE.md: recomputed only when
// the topology changes, so `giantComponent` is exact every tick at no per-tick cost).
//
// A removed node (alive[i] === 0) and every tie it had count as absent. Iterative
// BFS over one Int32Array queue that is shared by all components (the components
// occupy consecutive stretches of it, so it never needs more than n slots): no
// recursion, so a path of a million people is no harder than a star.
import type { Graph } from './csr.ts';

/** Component labels: `labels[i]` in 0 … count-1 for alive i, -1 for removed; `sizes[c]` per component. */
export interface Components {
  labels: Int32Array;
  sizes: Int32Array;
  count: number;
}

/** Reusable O(n) scratch for `giantComponentSize` (and `componentLabels`). */
export interface ComponentScratch {
  labels: Int32Array;
  queue: Int32Array;
}

/** Fresh scratch for graphs of up to n nodes. */
export function componentScratch(n: number): ComponentScratch {
  return { labels: new Int32Array(n), queue: new Int32Array(n) };
}

/** Number of alive nodes among the first n entries of the mask. */
export function countAlive(alive: Uint8Array, n: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (alive[i] !== 0) k++;
  return k;
}

/**
 * Labels the connected components of the alive subgraph, numbered in order of each
 * component's lowest id (so the labelling is a pure function of the tie set and the mask).
 * Removed nodes get -1. `out` and `queue` (length ≥ n) are reused when given. O(n + m).
 */
export function componentLabels(g: Graph, alive: Uint8Array, out?: Int32Array, queue?: Int32Array): Components {
  const n = g.n;
  const labels = scratchOf(out, n, 'labels');
  let count: number;
  if (g.complete) {
    // Everyone alive is tied to everyone else alive: one component, no materialization.
    let any = false;
    for (let i = 0; i < n; i++) {
      if (alive[i] !== 0) {
        labels[i] = 0;
        any = true;
      } else labels[i] = -1;
    }
    count = any ? 1 : 0;
  } else {
    count = labelBfs(g, alive, labels, scratchOf(queue, n, 'queue'), null);
  }
  const sizes = new Int32Array(count);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    if (c >= 0) sizes[c]!++;
  }
  return { labels, sizes, count };
}

/**
 * Size of the largest connected component among alive nodes (0 when nobody is alive).
 * For an implicit complete graph it is the number of alive nodes. O(n + m).
 */
export function giantComponentSize(g: Graph, alive: Uint8Array, scratch?: ComponentScratch): number {
  const n = g.n;
  if (g.complete) return countAlive(alive, n);
  const best = new Int32Array(1);
  labelBfs(g, alive, scratchOf(scratch?.labels, n, 'labels'), scratchOf(scratch?.queue, n, 'queue'), best);
  return best[0]!;
}

/** BFS labelling of a CSR graph; returns the component count, and the largest size in `best[0]` when given. */
function labelBfs(g: Graph, alive: Uint8Array, labels: Int32Array, queue: Int32Array, best: Int32Array | null): number {
  const n = g.n;
  const offsets = g.offsets, targets = g.targets;
  labels.fill(-1, 0, n);
  let count = 0, tail = 0, largest = 0;
  for (let s = 0; s < n; s++) {
    if (alive[s] === 0 || labels[s] !== -1) continue;
    const start = tail;
    let head = tail;
    labels[s] = count;
    queue[tail++] = s;
    while (head < tail) {
      const u = queue[head++]!;
      const end = offsets[u + 1]!;
      for (let a = offsets[u]!; a < end; a++) {
        const v = targets[a]!;
        if (labels[v] === -1 && alive[v] !== 0) {
          labels[v] = count;
          queue[tail++] = v;
        }
      }
    }
    if (tail - start > largest) largest = tail - start;
    count++;
  }
  if (best) best[0] = largest;
  return count;
}

function scratchOf(given: Int32Array | undefined, n: number, what: string): Int32Array {
  if (!given) return new Int32Array(n);
  if (given.length < n) throw new Error(`${what} scratch has ${given.length} slots, the graph has ${n} nodes`);
  return given.length === n ? given : given.subarray(0, n);
}
