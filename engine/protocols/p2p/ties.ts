// New ties for the peer protocols (repairs after removals, stewards' links):
// a few ties added to a large CSR graph. The result is exactly what
// `rebuildGraph(g, n, null, add)` gives (neighbours sorted ascending, every old
// tie keeps its trust), but built by block copies of the old arrays with the new
// arcs merged in, instead of re-sorting every node: at 100,000 people and
// 300,000 ties that is about a millisecond instead of a few hundred, which is
// what lets stewards work every period at bench scale.
import { hasTie, type Graph } from '../../graph/csr.ts';

/**
 * `g` plus the ties (src[i], dst[i]) with trust `trust`; the ties must be new
 * (not in g), distinct and not self-loops (callers dedupe). O(n + m + B log B).
 */
export function insertTies(g: Graph, n: number, src: ArrayLike<number>, dst: ArrayLike<number>, trust: number): Graph {
  const B = src.length;
  // Both arcs of each new tie, sorted by (node, target): keys node · n + target are exact below 2^53.
  const keys = new Float64Array(2 * B);
  for (let i = 0; i < B; i++) {
    keys[2 * i] = src[i]! * n + dst[i]!;
    keys[2 * i + 1] = dst[i]! * n + src[i]!;
  }
  keys.sort();
  const oldN = g.offsets.length - 1;
  const oldOff = (v: number) => (v <= oldN ? g.offsets[v]! : g.offsets[oldN]!);
  const offsets = new Int32Array(n + 1);
  const m = g.targets.length + 2 * B;
  const targets = new Int32Array(m);
  const trustOut = new Float32Array(m);
  let delta = 0; // new arcs written so far
  let v0 = 0; // first node not written yet
  let k = 0;
  while (k < 2 * B) {
    const u = Math.floor(keys[k]! / n);
    // Nodes v0 … u−1 gain nothing: their offsets shift by delta, their arcs move as one block.
    for (let v = v0; v < u; v++) offsets[v] = oldOff(v) + delta;
    const blockFrom = oldOff(v0), blockTo = oldOff(u);
    if (blockTo > blockFrom) {
      targets.set(g.targets.subarray(blockFrom, blockTo), blockFrom + delta);
      trustOut.set(g.trust.subarray(blockFrom, blockTo), blockFrom + delta);
    }
    // Node u: merge its sorted old arcs with its sorted new ones.
    offsets[u] = oldOff(u) + delta;
    let w = offsets[u]!;
    let x = oldOff(u);
    const end = oldOff(u + 1);
    while (k < 2 * B && Math.floor(keys[k]! / n) === u) {
      const t = keys[k]! - u * n;
      while (x < end && g.targets[x]! < t) {
        targets[w] = g.targets[x]!;
        trustOut[w++] = g.trust[x++]!;
      }
      targets[w] = t;
      trustOut[w++] = trust;
      k++;
      delta++;
    }
    while (x < end) {
      targets[w] = g.targets[x]!;
      trustOut[w++] = g.trust[x++]!;
    }
    v0 = u + 1;
  }
  for (let v = v0; v <= n; v++) offsets[v] = oldOff(v) + delta;
  const blockFrom = oldOff(v0), blockTo = oldOff(n);
  if (blockTo > blockFrom) {
    targets.set(g.targets.subarray(blockFrom, blockTo), blockFrom + delta);
    trustOut.set(g.trust.subarray(blockFrom, blockTo), blockFrom + delta);
  }
  return { n, offsets, targets, trust: trustOut, complete: false };
}

/**
 * This tick's batch of new ties (src[i], dst[i]): drops the ties from `start` on
 * that exist already or repeat one another; returns how many are left from
 * `start`. Sorting keys keeps a mass removal's thousands of repairs O(B log B).
 */
export function dedupe(g: Graph, n: number, src: number[], dst: number[], start: number): number {
  const B = src.length - start;
  if (B <= 0) return 0;
  const keys = new Float64Array(B);
  for (let i = 0; i < B; i++) {
    const u = src[start + i]!, w = dst[start + i]!;
    keys[i] = u < w ? u * n + w : w * n + u;
  }
  keys.sort();
  let w = start;
  for (let i = 0; i < B; i++) {
    const k = keys[i]!;
    if (i > 0 && keys[i - 1] === k) continue;
    const a = Math.floor(k / n), c = k - a * n;
    if (a === c || hasTie(g, a, c)) continue;
    src[w] = a;
    dst[w] = c;
    w++;
  }
  src.length = w;
  dst.length = w;
  return w - start;
}

/** True when {u, w} is among the batch's first `end` ties. */
export function batched(src: readonly number[], dst: readonly number[], u: number, w: number, end: number): boolean {
  for (let i = 0; i < end; i++) if ((src[i] === u && dst[i] === w) || (src[i] === w && dst[i] === u)) return true;
  return false;
}
