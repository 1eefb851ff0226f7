// How an exchange's message travels (MODEL.md §10.5), one hop at a time, from
// whoever holds it:
//
// - `chart` (TreeIndex.chartHop): along the chain of command — down to the report whose subtree holds
//   the destination, else up to the holder's manager — so every exchange between
//   two divisions climbs to their lowest common manager. The chart does not know
//   who left: a hop to a removed manager is lost at delivery (messages.ts).
// - `greedy` (DWS's routing): straight to the destination when it is a neighbour
//   (formal manager or report, or an informal tie), else to the alive neighbour
//   with the smallest pseudo-distance x to the destination, lowest id on ties.
//   Only local knowledge: who one's neighbours are and where they sit in the chart.
import type { Graph } from '../graph/csr.ts';
import type { TreeIndex } from './tree-index.ts';

export type Routing = 'chart' | 'greedy';

/**
 * The next hop from v toward j (alive, in the tree) under greedy routing over the
 * formal tree and the informal layer `g`: j itself when tied to v, else the alive
 * neighbour closest to j by x (lowest id on ties); −1 when v has no alive neighbour.
 */
export function greedyHop(t: TreeIndex, g: Graph, alive: Uint8Array, v: number, j: number): number {
  const parent = t.parent;
  if (parent[v] === j || parent[j] === v) return j;
  if (g.complete) return j; // everyone is everyone's neighbour
  const offsets = g.offsets, targets = g.targets;
  const from = offsets[v]!, to = offsets[v + 1]!;
  for (let k = from; k < to; k++) if (targets[k] === j) return j;
  // The manager, then the reports, then the informal ties (a neighbour in two layers is weighed twice, to the same effect).
  let best = -1, bestX = Infinity;
  const p = parent[v]!;
  const kidFrom = t.kidOffsets[v]!, kidTo = t.kidOffsets[v + 1]!;
  const last = 1 + (kidTo - kidFrom) + (to - from);
  for (let k = p >= 0 ? 0 : 1; k < last; k++) {
    const u = k === 0 ? p : k <= kidTo - kidFrom ? t.kids[kidFrom + k - 1]! : targets[from + k - 1 - (kidTo - kidFrom)]!;
    if (!alive[u]) continue;
    const x = t.xSquared(u, j);
    if (x < 0) continue; // outside the tree: no place to measure from
    if (x < bestX || (x === bestX && u < best)) { best = u; bestX = x; }
  }
  return best;
}
