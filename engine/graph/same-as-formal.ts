// `same-as-formal` (informal): the informal ties are exactly the formal tree's
// edges, each person with their manager (MODEL.md §3).
import { buildGraph, type Graph } from './csr.ts';
import type { Formal } from './formal.ts';

/** The tree's n − 1 edges {i, parent[i]} as an undirected graph. */
export function sameAsFormal(formal: Formal): Graph {
  const { src, dst, count } = treeTies(formal);
  return buildGraph(formal.parent.length, src, dst, count);
}

/** The tree's edges as tie arrays with room for `spare` more (for layers that add to the tree). */
export function treeTies(formal: Formal, spare = 0): { src: Int32Array; dst: Int32Array; count: number } {
  const n = formal.parent.length;
  const src = new Int32Array(Math.max(0, n - 1) + spare);
  const dst = new Int32Array(Math.max(0, n - 1) + spare);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const p = formal.parent[i]!;
    if (p >= 0) {
      src[count] = i;
      dst[count++] = p;
    }
  }
  return { src, dst, count };
}
