// Whom a peer contacts (MODEL.md §5): `k` alive neighbours drawn without
// replacement with probability proportional to the trust of the tie. Scratch
// buffers are reused across calls (they are not state: empty between draws).
//
// The implicit complete graph has no arrays: every alive other person is a
// neighbour with the default trust, so a draw there is uniform (rejection
// sampling over ids, bounded so a nearly empty organization cannot loop).
import type { Graph } from '../../graph/csr.ts';
import type { Rng } from '../../rng.ts';

export class ContactDraw {
  /** The drawn people, in draw order (valid until the next draw). */
  out = new Int32Array(16);
  private cand = new Int32Array(16);
  private weight = new Float64Array(16);

  /**
   * Draws up to k distinct alive neighbours of v other than `exclude` (−1: none)
   * into `out`; returns how many. ∝ trust; uniform among the rest when their
   * trusts are all 0 (a careful choice: a peer with only distrusted ties still
   * asks someone). When there are at most k candidates, all of them, no draw.
   */
  draw(g: Graph, alive: Uint8Array, rng: Rng, v: number, exclude: number, k: number): number {
    if (this.out.length < k) this.out = new Int32Array(k * 2);
    if (g.complete) return this.drawComplete(g.n, alive, rng, v, exclude, k);
    const off = g.offsets, tg = g.targets, tr = g.trust;
    const b = off[v]!, e = off[v + 1]!;
    if (this.cand.length < e - b) {
      this.cand = new Int32Array((e - b) * 2);
      this.weight = new Float64Array((e - b) * 2);
    }
    const cand = this.cand, w = this.weight, out = this.out;
    let m = 0;
    for (let a = b; a < e; a++) {
      const t = tg[a]!;
      if (t === exclude || t === v || alive[t] === 0) continue;
      cand[m] = t;
      w[m] = tr[a]!;
      m++;
    }
    if (m <= k) {
      for (let i = 0; i < m; i++) out[i] = cand[i]!;
      return m;
    }
    for (let i = 0; i < k; i++) {
      let total = 0;
      for (let j = 0; j < m; j++) if (w[j]! > 0) total += w[j]!;
      let pick = -1;
      if (total > 0) {
        let x = rng.float() * total;
        for (let j = 0; j < m; j++) {
          if (!(w[j]! > 0)) continue;
          pick = j; // the last positive one absorbs rounding
          x -= w[j]!;
          if (x < 0) break;
        }
      } else {
        // Every remaining tie has trust 0: uniform among those not drawn yet (weight 0, not −1).
        let left = 0;
        for (let j = 0; j < m; j++) if (w[j] === 0) left++;
        let r = rng.int(left);
        for (let j = 0; j < m; j++) {
          if (w[j] !== 0) continue;
          if (r-- === 0) { pick = j; break; }
        }
      }
      out[i] = cand[pick]!;
      w[pick] = -1; // drawn
    }
    return k;
  }

  private drawComplete(n: number, alive: Uint8Array, rng: Rng, v: number, exclude: number, k: number): number {
    const out = this.out;
    let got = 0;
    // Rejection: at most 32 tries per contact, so a nearly empty organization cannot spin.
    for (let tries = 0; got < k && tries < 32 * k; tries++) {
      const t = rng.int(n);
      if (t === v || t === exclude || alive[t] === 0) continue;
      let dup = false;
      for (let i = 0; i < got; i++) if (out[i] === t) { dup = true; break; }
      if (!dup) out[got++] = t;
    }
    return got;
  }
}
