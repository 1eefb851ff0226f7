// Whom an exchange asks (MODEL.md §10.5): the origin i draws a target j ≠ i among
// the alive people of the formal tree with probability ∝ exp(−x_ij/ξ), x_ij =
// sqrt(max(0, a² + b² − 2)), a and b the levels from i and from j up to their
// lowest common ancestor.
//
// Every candidate falls in one class (A, L): A the ancestor of i that is their
// lowest common ancestor, L the candidate's level. A class shares one weight, so
// the draw picks a class ∝ (its alive members) × weight, then a member uniformly.
// Members are never scanned: at level L, "inside A's subtree but outside the
// subtree of A's report towards i" is two runs of the index's (level, preorder)
// list (tree-index.ts), found by binary search. Cost per draw: O(H² log n) for a
// tree of height H, whatever its size (the same scheme as graph/multiscale.ts).
import type { Rng } from '../rng.ts';
import type { TreeIndex } from './tree-index.ts';

export class TargetSampler {
  // Scratch (not state): one row per class of the current draw, grown on demand.
  private cap = 64;
  private lo = new Int32Array(this.cap);
  private cutLo = new Int32Array(this.cap);
  private cutHi = new Int32Array(this.cap);
  private count = new Float64Array(this.cap);
  private logW = new Float64Array(this.cap);
  private w = new Float64Array(this.cap);
  private rangeLo = new Int32Array(1);
  private rangeHi = new Int32Array(1);

  /** A target for origin i (alive, in the tree) with locality xi > 0: two draws from `rng`; −1 when i is alone. */
  draw(t: TreeIndex, i: number, xi: number, rng: Rng): number {
    const classes = this.classes(t, i, xi);
    if (classes === 0) return -1;
    let best = -Infinity;
    for (let c = 0; c < classes; c++) if (this.logW[c]! > best) best = this.logW[c]!;
    let total = 0;
    for (let c = 0; c < classes; c++) {
      const w = this.count[c]! * Math.exp(this.logW[c]! - best);
      this.w[c] = w;
      total += w;
    }
    let r = rng.float() * total;
    let c = 0;
    for (; c < classes - 1; c++) {
      if (r < this.w[c]!) break;
      r -= this.w[c]!;
    }
    // Rounding at the top end lands on the last class, which is never empty.
    const k = rng.int(this.count[c]!);
    const before = this.cutLo[c]! - this.lo[c]!;
    const at = k < before ? this.lo[c]! + k : this.lo[c]! + k + (this.cutHi[c]! - this.cutLo[c]!);
    return t.orderNode[at]!;
  }

  /** Fills the class rows of origin i (non-empty classes only); returns how many. */
  private classes(t: TreeIndex, i: number, xi: number): number {
    if (this.rangeLo.length < t.height + 1) {
      this.rangeLo = new Int32Array(t.height + 1);
      this.rangeHi = new Int32Array(t.height + 1);
    }
    const { depth, parent, pre, size, reach } = t;
    const di = depth[i]!;
    let classes = 0;
    let child = -1;
    for (let A = i; A >= 0; child = A, A = parent[A]!) {
      const d = depth[A]!;
      const a = di - d;
      const start = pre[A]!, end = pre[A]! + size[A]!;
      for (let L = d; L <= reach[A]!; L++) {
        const b = L - d;
        const lo = t.lowerBound(L, start), hi = t.lowerBound(L, end);
        let clo = lo, chi = lo;
        if (child >= 0 && L > d && L <= reach[child]!) {
          // The report towards i covered this level one step ago.
          clo = this.rangeLo[L]!;
          chi = this.rangeHi[L]!;
        }
        this.rangeLo[L] = lo;
        this.rangeHi[L] = hi;
        if (a === 0 && b === 0) continue; // i itself
        const members = hi - lo - (chi - clo);
        if (members === 0) continue;
        if (classes === this.cap) this.grow();
        const x2 = a * a + b * b - 2;
        this.lo[classes] = lo;
        this.cutLo[classes] = clo;
        this.cutHi[classes] = chi;
        this.count[classes] = members;
        this.logW[classes] = x2 > 0 ? -Math.sqrt(x2) / xi : 0;
        classes++;
      }
    }
    return classes;
  }

  private grow(): void {
    this.cap *= 2;
    const g32 = (a: Int32Array): Int32Array<ArrayBuffer> => { const b = new Int32Array(this.cap); b.set(a); return b; };
    const g64 = (a: Float64Array): Float64Array<ArrayBuffer> => { const b = new Float64Array(this.cap); b.set(a); return b; };
    this.lo = g32(this.lo); this.cutLo = g32(this.cutLo); this.cutHi = g32(this.cutHi);
    this.count = g64(this.count); this.logW = g64(this.logW); this.w = g64(this.w);
  }

  /** The exact probabilities of every target of origin i (for tests): p[j], 0 for i and for people outside the draw. */
  static exact(t: TreeIndex, i: number, xi: number, alive: Uint8Array): Float64Array {
    const p = new Float64Array(t.n);
    let total = 0;
    for (let j = 0; j < t.n; j++) {
      if (j === i || !alive[j] || t.depth[j]! < 0) continue;
      p[j] = Math.exp(-Math.sqrt(t.xSquared(i, j)) / xi);
      total += p[j]!;
    }
    for (let j = 0; j < t.n; j++) p[j]! /= total;
    return p;
  }
}
