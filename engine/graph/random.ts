// `random` (informal): Erdős–Rényi G(n, p) with p = meanDegree / (n − 1) (MODEL.md §3).
//
// Batagelj & Brandes (2005), "Efficient generation of large random networks",
// Phys. Rev. E 71, 036113 — the algorithm of networkx's `fast_gnp_random_graph`:
// walk the pairs (v, w), w < v, in order and jump over the pairs that are not
// drawn with a geometric skip, so the work is O(n + m), not O(n²).
//
// The pairs come out sorted by (v, w), so every node's arcs arrive in ascending
// order (its smaller neighbours during its own row, its larger ones in later
// rows): the CSR is filled directly, with no per-node sort.
import { csrInTieOrder, EdgeBuffer, type Graph } from './csr.ts';
import type { Rng } from '../rng.ts';

/** G(n, p) with p = meanDegree / (n − 1); assumes n ≥ 0, meanDegree ≥ 0. Expected ties n·meanDegree/2. */
export function randomGraph(n: number, meanDegree: number, rng: Rng): Graph {
  const p = n > 1 ? Math.min(1, meanDegree / (n - 1)) : 0;
  const ties = new EdgeBuffer(Math.ceil(n * Math.max(0, meanDegree) * 0.5 * 1.05) + 16);
  if (p > 0) {
    // log(1 − p) is −∞ at p = 1: every skip is then 0 and every pair is drawn.
    const logQ = Math.log1p(-p);
    let v = 1;
    let w = -1;
    while (v < n) {
      const skip = p >= 1 ? 0 : Math.floor(Math.log(1 - rng.float()) / logQ);
      w += 1 + skip;
      while (w >= v && v < n) {
        w -= v;
        v++;
      }
      if (v < n) ties.push(v, w);
    }
  }
  // G(n, p) lists ties in ascending (max, min) order: each node's arcs land already sorted.
  return csrInTieOrder(n, ties.src, ties.dst, ties.length);
}

