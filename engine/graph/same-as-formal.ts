// `same-as-formal` (informal): the informal ties are exactly the formal tree's
// edges, each person with their manager (MODEL.md §3).
import { buildGraph, type Graph } from './csr.ts';
import type { Formal } from './formal.ts';

/** The tree's n − 1 edges {i, parent[i]} as an undirected graph. */
export function sameAsFormal(formal: Formal): Graph {
  const n = formal.parent.length;
  const src = new Int32Array(Math.max(0, n - 1));
  const dst = new Int32Array(Math.max(0, n - 1));
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (formal.parent[i]! >= 0) {
      src[count] = i;
      dst[count++] = formal.parent[i]!;
    }
  }
  return buildGraph(n, src, dst, count);
}
