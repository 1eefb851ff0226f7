// `matrix` (informal): the formal tree's ties plus, for every two people on the
// same level, a tie with probability `lateral` — cross-functional teams of
// peers (MODEL.md §3). Each level's C(size, 2) pairs are walked with the
// geometric skip of Batagelj & Brandes (2005), so the work is O(n + m).
import { EdgeBuffer, graphFromBuffer, type Graph } from './csr.ts';
import type { Formal } from './formal.ts';
import type { Rng } from '../rng.ts';

/** The tree's ties plus same-level ties, each pair independently with probability `lateral`. */
export function matrix(formal: Formal, lateral: number, rng: Rng): Graph {
  const n = formal.parent.length;
  const level = formal.level;
  const ties = new EdgeBuffer(n + 16);
  for (let i = 0; i < n; i++) if (formal.parent[i]! >= 0) ties.push(i, formal.parent[i]!);
  if (lateral > 0 && n > 1) {
    // People grouped by level, ascending id within a level (a counting sort).
    let depth = 0;
    for (let i = 0; i < n; i++) if (level[i]! > depth) depth = level[i]!;
    const start = new Int32Array(depth + 2);
    for (let i = 0; i < n; i++) start[level[i]! + 1]!++;
    for (let l = 0; l <= depth; l++) start[l + 1]! += start[l]!;
    const fill = start.slice(0, depth + 1);
    const byLevel = new Int32Array(n);
    for (let i = 0; i < n; i++) byLevel[fill[level[i]!]!++] = i;
    const p = Math.min(1, lateral);
    const logQ = Math.log1p(-p);
    for (let l = 0; l <= depth; l++) {
      const first = start[l]!;
      const size = start[l + 1]! - first;
      let v = 1;
      let w = -1;
      while (v < size) {
        w += 1 + (p >= 1 ? 0 : Math.floor(Math.log(1 - rng.float()) / logQ));
        while (w >= v && v < size) {
          w -= v;
          v++;
        }
        if (v < size) ties.push(byLevel[first + v]!, byLevel[first + w]!);
      }
    }
  }
  return graphFromBuffer(n, ties);
}
