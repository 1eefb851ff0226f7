// `multiscale` (informal): Dodds, Watts & Sabel (2003), "Information exchange and
// the robustness of organizational networks", PNAS 100, 12516–12521 (MODEL.md §3).
// The formal tree's ties plus `extra` ties; for each, i is uniform over everyone
// and j ≠ i, not already tied to i, is drawn with probability
// ∝ exp(−d/λ)·exp(−x/ζ), where d is the depth of the lowest common ancestor
// (the root has depth 0), x = sqrt(a² + b² − 2), and a, b are the levels from i
// and from j up to that ancestor; λ or ζ = null means ∞ (that factor is 1).
//
// Sampler. Every candidate j of i falls in one class (A, b): A the ancestor of i
// that is their lowest common ancestor, b = level(j) − depth(A). All j in a class
// share one weight, so j is drawn by picking a class ∝ count × weight, then a
// member uniformly. Members are found without scanning: nodes are listed by
// (level, preorder), a subtree is a preorder interval, so "level L inside A's
// subtree but outside the subtree of A's child towards i" is two index ranges
// found by binary search. The classes (a, b) = (1, 0) and (0, 1) are i's
// manager and direct reports, always tied, and are left out. Earlier extra ties
// are rejected and redrawn (exact: it conditions the draw on "not tied"); after
// 32 rejections the class counts are corrected for i's extra ties and the draw
// is made exactly. If i has no candidate left, i is drawn again.
//
// Cost: O(n) memory; per extra tie O(Σ_A (height of A's subtree) · log n) over
// i's ancestors A — about H²/2 · log n for a tree of height H (≈ 150 classes at
// n = 100,000 with span 2), independent of n otherwise.
import { buildGraph, type Graph } from './csr.ts';
import { childrenOf, type Formal } from './formal.ts';
import type { Rng } from '../rng.ts';

const REJECTIONS_BEFORE_EXACT = 32;

/** The tree's ties plus `extra` DWS ties with scales lambda and zeta (null = ∞); assumes formal is one tree. */
export function multiscale(formal: Formal, extra: number, lambda: number | null, zeta: number | null, rng: Rng): Graph {
  const n = formal.parent.length;
  const parent = formal.parent, level = formal.level;
  const free = n < 2 ? 0 : (n * (n - 1)) / 2 - (n - 1);
  if (extra > free) {
    throw new Error(`multiscale: extra = ${extra} ties asked for, but only ${free} pairs are not already tied in the formal tree of ${n} people`);
  }
  const { pre, size, reach } = preorder(formal);
  // Nodes by (level, preorder): a counting sort by level of the preorder sequence.
  let height = 0;
  for (let i = 0; i < n; i++) if (level[i]! > height) height = level[i]!;
  const levelStart = new Int32Array(height + 2);
  for (let i = 0; i < n; i++) levelStart[level[i]! + 1]!++;
  for (let l = 0; l <= height; l++) levelStart[l + 1]! += levelStart[l]!;
  const byPre = new Int32Array(n);
  for (let i = 0; i < n; i++) byPre[pre[i]!] = i;
  const fill = levelStart.slice(0, height + 1);
  const orderNode = new Int32Array(n);
  const orderPre = new Int32Array(n);
  for (let q = 0; q < n; q++) {
    const v = byPre[q]!;
    const at = fill[level[v]!]!++;
    orderNode[at] = v;
    orderPre[at] = q;
  }
  // First index at level L whose preorder is ≥ x.
  const lowerBound = (L: number, x: number): number => {
    let lo = levelStart[L]!, hi = levelStart[L + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (orderPre[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const logScale = (value: number, scale: number | null): number =>
    scale === null || scale === Infinity || value === 0 ? 0 : scale <= 0 ? -Infinity : -value / scale;

  // Per-draw class table, grown on demand: [lo, hi) minus [clo, chi) at one level.
  let cap = 64;
  let cLo = new Int32Array(cap), cHi = new Int32Array(cap), cCutLo = new Int32Array(cap), cCutHi = new Int32Array(cap);
  let cDepth = new Int32Array(cap), cLevel = new Int32Array(cap), cCount = new Float64Array(cap), cLogW = new Float64Array(cap), cW = new Float64Array(cap);
  const grow = (): void => {
    cap *= 2;
    const g32 = (a: Int32Array): Int32Array<ArrayBuffer> => { const b = new Int32Array(cap); b.set(a); return b; };
    const g64 = (a: Float64Array): Float64Array<ArrayBuffer> => { const b = new Float64Array(cap); b.set(a); return b; };
    cLo = g32(cLo); cHi = g32(cHi); cCutLo = g32(cCutLo); cCutHi = g32(cCutHi); cDepth = g32(cDepth); cLevel = g32(cLevel);
    cCount = g64(cCount); cLogW = g64(cLogW); cW = g64(cW);
  };

  // The index range of the current ancestor's subtree at each level, reused one step up.
  const rangeLo = new Int32Array(height + 1), rangeHi = new Int32Array(height + 1);

  // Extra ties so far: a set of pair keys, and per-node adjacency lists for the exact path.
  const tiedKeys = new Set<number>();
  const src = new Int32Array(n - 1 + extra);
  const dst = new Int32Array(n - 1 + extra);
  let count = 0;
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) { src[count] = i; dst[count++] = parent[i]!; }
  const adjHead = new Int32Array(n).fill(-1);
  const adjNext = new Int32Array(2 * extra);
  const adjTo = new Int32Array(2 * extra);
  let adjLen = 0;
  const link = (u: number, v: number): void => {
    adjTo[adjLen] = v; adjNext[adjLen] = adjHead[u]!; adjHead[u] = adjLen++;
  };

  let redraws = 0;
  const redrawLimit = 1000 + 100 * n;
  for (let made = 0; made < extra; ) {
    const i = rng.int(n);
    const li = level[i]!;
    // Classes of i's candidates.
    let classes = 0;
    let child = -1;
    for (let A = i; A >= 0; child = A, A = parent[A]!) {
      const d = level[A]!;
      const a = li - d;
      const aStart = pre[A]!, aEnd = pre[A]! + size[A]!;
      for (let L = d; L <= reach[A]!; L++) {
        const b = L - d;
        const lo = lowerBound(L, aStart), hi = lowerBound(L, aEnd);
        let clo = lo, chi = lo;
        if (child >= 0 && L > d && L <= reach[child]!) {
          // The child's ranges were this walk's previous step.
          clo = rangeLo[L]!;
          chi = rangeHi[L]!;
        }
        rangeLo[L] = lo;
        rangeHi[L] = hi;
        if (a * a + b * b < 2) continue;
        const members = hi - lo - (chi - clo);
        if (members === 0) continue;
        if (classes === cap) grow();
        cLo[classes] = lo; cHi[classes] = hi; cCutLo[classes] = clo; cCutHi[classes] = chi;
        cDepth[classes] = d; cLevel[classes] = L; cCount[classes] = members;
        cLogW[classes] = logScale(d, lambda) + logScale(Math.sqrt(a * a + b * b - 2), zeta);
        classes++;
      }
    }
    const memberAt = (c: number, r: number): number => {
      const before = cCutLo[c]! - cLo[c]!;
      return orderNode[r < before ? cLo[c]! + r : cLo[c]! + r + (cCutHi[c]! - cCutLo[c]!)]!;
    };
    const pickClass = (): number => {
      let best = -Infinity;
      for (let c = 0; c < classes; c++) if (cCount[c]! > 0 && cLogW[c]! > best) best = cLogW[c]!;
      if (best === -Infinity) return -1;
      let total = 0;
      for (let c = 0; c < classes; c++) {
        cW[c] = cCount[c]! > 0 ? cCount[c]! * Math.exp(cLogW[c]! - best) : 0;
        total += cW[c]!;
      }
      let r = rng.float() * total;
      let last = -1;
      for (let c = 0; c < classes; c++) {
        if (cW[c]! <= 0) continue;
        last = c;
        if (r < cW[c]!) return c;
        r -= cW[c]!;
      }
      return last; // rounding at the top end
    };
    const key = (j: number): number => (i < j ? i * n + j : j * n + i);

    let j = -1;
    for (let attempt = 0; attempt < REJECTIONS_BEFORE_EXACT; attempt++) {
      const c = pickClass();
      if (c < 0) break;
      const candidate = memberAt(c, rng.int(cCount[c]!));
      if (!tiedKeys.has(key(candidate))) {
        j = candidate;
        break;
      }
    }
    if (j < 0) {
      // Exact draw: take i's extra neighbours out of their classes' counts.
      for (let e = adjHead[i]!; e >= 0; e = adjNext[e]!) {
        const v = adjTo[e]!;
        const d = lcaDepth(i, v, parent, level);
        for (let c = 0; c < classes; c++) {
          if (cDepth[c] === d && cLevel[c] === level[v]) { cCount[c]!--; break; }
        }
      }
      const c = pickClass();
      if (c >= 0) {
        let r = rng.int(cCount[c]!);
        const total = cHi[c]! - cLo[c]! - (cCutHi[c]! - cCutLo[c]!);
        for (let q = 0; q < total; q++) {
          const v = memberAt(c, q);
          if (tiedKeys.has(key(v))) continue;
          if (r === 0) { j = v; break; }
          r--;
        }
      }
    }
    if (j < 0) {
      // i is tied to every candidate the weights allow: draw i again.
      if (++redraws > redrawLimit) {
        throw new Error(`multiscale: could not place ${extra - made} more ties: the pairs left all have weight 0 under lambda = ${lambda}, zeta = ${zeta}`);
      }
      continue;
    }
    redraws = 0;
    tiedKeys.add(key(j));
    link(i, j);
    link(j, i);
    src[count] = i;
    dst[count++] = j;
    made++;
  }
  return buildGraph(n, src, dst, count);
}

/** Preorder index, subtree size, and deepest level inside each subtree (iterative DFS, children ascending). */
function preorder(formal: Formal): { pre: Int32Array; size: Int32Array; reach: Int32Array } {
  const n = formal.parent.length;
  const { offsets, children } = childrenOf(formal.parent);
  const pre = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  const reach = new Int32Array(n);
  const order = new Int32Array(n);
  const stack = new Int32Array(n);
  let top = 0, q = 0;
  if (n > 0) stack[top++] = formal.root;
  while (top > 0) {
    const v = stack[--top]!;
    pre[v] = q;
    order[q++] = v;
    for (let k = offsets[v + 1]! - 1; k >= offsets[v]!; k--) stack[top++] = children[k]!;
  }
  for (let k = n - 1; k >= 0; k--) {
    const v = order[k]!;
    if (reach[v]! < formal.level[v]!) reach[v] = formal.level[v]!;
    const p = formal.parent[v]!;
    if (p >= 0) {
      size[p]! += size[v]!;
      if (reach[p]! < reach[v]!) reach[p] = reach[v]!;
    }
  }
  return { pre, size, reach };
}

/** Depth of the lowest common ancestor of u and v (walks up, O(depth)). */
function lcaDepth(u: number, v: number, parent: Int32Array, level: Int32Array): number {
  while (level[u]! > level[v]!) u = parent[u]!;
  while (level[v]! > level[u]!) v = parent[v]!;
  while (u !== v) { u = parent[u]!; v = parent[v]!; }
  return level[u]!;
}
