// `scale-free` (informal): Barabási–Albert preferential attachment (MODEL.md §3),
// as networkx's `barabasi_albert_graph` (3.x) builds it: start from a star on
// m + 1 nodes (node 0 the centre), then each new node s = m+1, …, n−1 ties to m
// distinct earlier nodes, each drawn with probability ∝ degree. So the graph has
// exactly m + m(n − m − 1) = m(n − m) ties.
//
// Barabási, A.-L. & Albert, R. (1999). Emergence of scaling in random networks.
// Science 286, 509–512.
//
// Degree-proportional draws use the "repeated nodes" list (every node appears
// once per tie end), an Int32Array of 2·m·(n − m) entries filled as we go; a
// repeated pick among the m is rejected and redrawn (networkx's `_random_subset`),
// with a stamp array instead of a set so a draw costs O(1).
import { csrInTieOrder, type Graph } from './csr.ts';
import type { Rng } from '../rng.ts';

/** The BA graph on n nodes with m ties per new node; assumes integers 1 ≤ m < n. */
export function scaleFree(n: number, m: number, rng: Rng): Graph {
  if (!Number.isInteger(m) || m < 1 || m >= n) {
    throw new Error(`scale-free needs a whole number m with 1 ≤ m < size, got m = ${m} for size ${n}`);
  }
  const tieTotal = m * (n - m);
  const src = new Int32Array(tieTotal);
  const dst = new Int32Array(tieTotal);
  const repeated = new Int32Array(2 * tieTotal);
  let ties = 0;
  let len = 0;
  // The star: networkx lists the centre m times, then each leaf once.
  for (let leaf = 1; leaf <= m; leaf++) {
    src[ties] = 0;
    dst[ties++] = leaf;
  }
  for (let k = 0; k < m; k++) repeated[len++] = 0;
  for (let leaf = 1; leaf <= m; leaf++) repeated[len++] = leaf;

  const stamp = new Int32Array(n).fill(-1);
  for (let s = m + 1; s < n; s++) {
    const first = ties;
    for (let k = 0; k < m; k++) {
      let t: number;
      do t = repeated[rng.int(len)]!;
      while (stamp[t] === s);
      stamp[t] = s;
      src[ties] = s;
      dst[ties++] = t;
    }
    // The list grows only after all m picks: a new node's ties see the old degrees.
    for (let e = first; e < ties; e++) repeated[len++] = dst[e]!;
    for (let k = 0; k < m; k++) repeated[len++] = s;
  }
  return tiesToGraph(n, src, dst, ties);
}

/**
 * CSR from ties without loops or repeats: arcs are filled in tie order, then each
 * node's list is insertion-sorted. Here that is nearly free: a node's later arcs
 * come from newer nodes in ascending order, so only its own m picks are out of order.
 */
function tiesToGraph(n: number, src: Int32Array, dst: Int32Array, count: number): Graph {
  const g = csrInTieOrder(n, src, dst, count);
  const { offsets, targets } = g;
  for (let i = 0; i < n; i++) {
    const a = offsets[i]!, b = offsets[i + 1]!;
    for (let x = a + 1; x < b; x++) {
      const key = targets[x]!;
      let y = x - 1;
      while (y >= a && targets[y]! > key) {
        targets[y + 1] = targets[y]!;
        y--;
      }
      targets[y + 1] = key;
    }
  }
  return g;
}
