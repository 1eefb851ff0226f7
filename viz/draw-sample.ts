// Which people a network view draws. Up to DRAW_CAP per panel everyone is drawn;
// a larger organization is still simulated whole (the charts and cards count
// everyone) but only a connected piece of it is drawn, so the picture stays
// readable and the page stays responsive: breadth-first from the head down the
// formal tree (the head and the managers first), or from the best-connected person
// along informal ties. Laying out 100,000 people took minutes and showed a grey disc.
import type { Topology } from '../workers/host.ts';

/** The most people drawn in one panel. */
export const DRAW_CAP = 5_000;

/** Ids of the people to draw (ascending), or null when everyone is drawn. */
export function drawnPeople(topo: Topology, tree: boolean, cap = DRAW_CAP): Int32Array | null {
  const n = topo.n;
  if (n <= cap) return null;
  const seen = new Uint8Array(n), queue = new Int32Array(n);
  let head = 0, tail = 0;
  const visit = (v: number) => { if (tail < cap && !seen[v]) { seen[v] = 1; queue[tail++] = v; } };
  if (tree && topo.formalRoot >= 0) {
    // Children lists of the formal tree (CSR), then breadth-first from the head.
    const count = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) { const p = topo.formalParent[v]!; if (p >= 0) count[p + 1]!++; }
    for (let v = 0; v < n; v++) count[v + 1]! += count[v]!;
    const kids = new Int32Array(count[n]!), fill = count.slice(0, n);
    for (let v = 0; v < n; v++) { const p = topo.formalParent[v]!; if (p >= 0) kids[fill[p]!++] = v; }
    visit(topo.formalRoot);
    while (head < tail) { const u = queue[head++]!; for (let k = count[u]!; k < count[u + 1]!; k++) visit(kids[k]!); }
  } else if (!topo.complete && topo.targets.length) {
    let best = 0;
    for (let v = 1; v < n; v++) if (topo.offsets[v + 1]! - topo.offsets[v]! > topo.offsets[best + 1]! - topo.offsets[best]!) best = v;
    visit(best);
    while (head < tail) { const u = queue[head++]!; for (let k = topo.offsets[u]!; k < topo.offsets[u + 1]!; k++) visit(topo.targets[k]!); }
  }
  // Whatever the walk did not reach (other pieces, a complete layer): the lowest ids.
  for (let v = 0; v < n && tail < cap; v++) visit(v);
  return queue.slice(0, tail).sort();
}

/** The ties among the drawn people only, renumbered 0 … m−1 in the order of `ids`. */
export function subTopology(topo: Topology, ids: Int32Array): Topology {
  const m = ids.length, local = new Int32Array(topo.n).fill(-1);
  ids.forEach((v, i) => { local[v] = i; });
  const offsets = new Int32Array(m + 1), targets: number[] = [];
  if (!topo.complete) {
    for (let i = 0; i < m; i++) {
      const v = ids[i]!;
      for (let k = topo.offsets[v]!; k < topo.offsets[v + 1]!; k++) { const w = local[topo.targets[k]!]!; if (w >= 0) targets.push(w); }
      offsets[i + 1] = targets.length;
    }
  }
  const formalParent = new Int32Array(m);
  for (let i = 0; i < m; i++) { const p = topo.formalParent[ids[i]!]!; formalParent[i] = p >= 0 ? local[p]! : -1; }
  return { n: m, offsets, targets: Int32Array.from(targets), complete: topo.complete, formalParent, formalRoot: topo.formalRoot >= 0 ? local[topo.formalRoot]! : -1 };
}
