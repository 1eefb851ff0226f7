// The server's *directory* (MODEL.md §5): a copy of everyone's skills taken at
// review time, and the decider's choice of a resolver from it.
//
// `cs.directory` (n × D, Float32) holds each person's skills as of the last
// review, −1 for people who had left by then or were hired since (unknown to
// the records). From it, each review builds, per domain, the people known then
// sorted by directory skill (highest first, lowest id on ties), so the server's
// pick is a scan from the top that skips only people holding an unfinished
// order: O(1 + skipped), not O(n), per decision.
//
// With delegation (`decideAt: "manager"`), the review also builds per-manager
// subtree tables over the routing tree (preorder positions `cs.tin`/`cs.tout`,
// the best directory skill per (person, domain) in its subtree with who holds
// it, and per domain the qualified people — directory skill ≥ θ — in preorder,
// so a subtree is one contiguous range of that list). O(n·D) per review.
import type { State } from '../../state.ts';
import type { Rng } from '../../rng.ts';
import { childrenOf } from '../../graph/formal.ts';
import { ALIVE, SKILL } from '../../people-state.ts';
import { DIRECTORY, DIR_M, DIR_QUALIFIED, DIR_SORTED, QUAL, QUAL_OFF, SUB_ARG, SUB_BEST, TIN, TOUT } from './state.ts';

const ID_BITS = 8388608; // 2^23: ids below this pack with a skill's float bits into one exact float64 key

/**
 * Copies every alive person's skills into the directory; the people who left get
 * −1. O(n·D). Model 2 (MODEL.md §10.3): each record is the skill plus N(0, noise²),
 * clamped to [0, 1], redrawn at every review from the run's stream `directory`
 * (people in ascending id, then domains); `rng` is null under model 1 (exact copy).
 */
export function refreshDirectory(state: State, n: number, D: number, noise = 0, rng: Rng | null = null): void {
  const dir = state.get(DIRECTORY);
  const skill = state.get(SKILL);
  const alive = state.get(ALIVE);
  const z = rng === null ? null : new Float64Array(D);
  for (let v = 0; v < n; v++) {
    const on = alive[v] === 1;
    if (on && z !== null) rng!.normals(z, D);
    for (let d = 0; d < D; d++) {
      if (!on) { dir[v * D + d] = -1; continue; }
      let x = skill[v * D + d]!;
      if (z !== null) {
        x += noise * z[d]!;
        x = x < 0 ? 0 : x > 1 ? 1 : x;
      }
      dir[v * D + d] = x;
    }
  }
}

/**
 * Per domain, the people in the directory sorted by directory skill (highest
 * first, lowest id on ties) into `cs.dir.sorted` (D blocks of `cs.dir.m`), and
 * in `cs.dir.qualified[d]` how many of them reach θ.
 */
export function sortDirectory(state: State, n: number, D: number, theta: number): void {
  const dir = state.get(DIRECTORY);
  let m = 0;
  for (let v = 0; v < n; v++) if (dir[v * D]! >= 0) m++;
  let sorted = state.hasArray(DIR_SORTED) ? state.get(DIR_SORTED) : null;
  if (!sorted || sorted.length !== D * m) sorted = state.put(DIR_SORTED, new Int32Array(D * m));
  const qualified = state.hasArray(DIR_QUALIFIED) && state.get(DIR_QUALIFIED).length === D
    ? state.get(DIR_QUALIFIED)
    : state.put(DIR_QUALIFIED, new Int32Array(D));
  state.setNum(DIR_M, m);
  const ids = new Int32Array(m);
  let k = 0;
  for (let v = 0; v < n; v++) if (dir[v * D]! >= 0) ids[k++] = v;
  // A non-negative float32's bit pattern orders like its value: (max bits − bits, id) packed in a
  // float64 key sorts exactly with the native numeric sort, many times faster than a comparator.
  const bits = new Uint32Array(dir.buffer, dir.byteOffset, dir.length);
  const keys = n <= ID_BITS ? new Float64Array(m) : null;
  for (let d = 0; d < D; d++) {
    const block = sorted.subarray(d * m, (d + 1) * m);
    if (keys) {
      for (let i = 0; i < m; i++) {
        const v = ids[i]!;
        const b = Math.min(bits[v * D + d]!, 0x3f800000); // skills lie in [0, 1]
        keys[i] = (0x3f800000 - b) * ID_BITS + v;
      }
      keys.sort();
      for (let i = 0; i < m; i++) block[i] = keys[i]! % ID_BITS;
    } else {
      block.set(ids);
      block.sort((a, b) => dir[b * D + d]! - dir[a * D + d]! || a - b);
    }
    let q = 0;
    while (q < m && dir[block[q]! * D + d]! >= theta) q++;
    qualified[d] = q;
  }
}

/**
 * The server's choice in domain d: the best qualified person (directory skill ≥ θ)
 * without an unfinished order; when all of them hold one, the best of them (the
 * order waits for them). When nobody reaches θ, everyone known counts as qualified.
 * −1 when the directory knows nobody.
 */
export function pickGlobal(state: State, d: number, orders: Int32Array): number {
  const m = state.vals[DIR_M.id]!;
  if (m === 0) return -1;
  const sorted = state.get(DIR_SORTED);
  const q = state.get(DIR_QUALIFIED)[d]!;
  const base = d * m;
  const limit = q > 0 ? q : m;
  for (let i = 0; i < limit; i++) {
    const v = sorted[base + i]!;
    if (orders[v] === 0) return v;
  }
  return sorted[base]!;
}

/**
 * Builds the delegation tables over the routing tree `up` rooted at `root`:
 * preorder positions, subtree bests per domain and the qualified people per
 * domain in preorder. People the tree does not reach get tin = −1.
 */
export function subtreeTables(state: State, n: number, D: number, theta: number, up: Int32Array, root: number): void {
  const tin = state.get(TIN);
  const tout = state.get(TOUT);
  const best = state.get(SUB_BEST);
  const arg = state.get(SUB_ARG);
  const dir = state.get(DIRECTORY);
  tin.fill(-1);
  tout.fill(-1);
  best.fill(-1);
  arg.fill(-1);
  const offsets = new Int32Array(D + 1);
  if (root < 0) {
    state.put(QUAL, new Int32Array(0));
    state.put(QUAL_OFF, offsets);
    return;
  }
  const { offsets: kidStart, children } = childrenOf(up.subarray(0, n));
  // Iterative preorder from the root (children in ascending id).
  const order = new Int32Array(n);
  const stack = new Int32Array(n);
  let top = 0, t = 0;
  stack[top++] = root;
  while (top > 0) {
    const v = stack[--top]!;
    tin[v] = t;
    order[t++] = v;
    for (let k = kidStart[v + 1]! - 1; k >= kidStart[v]!; k--) stack[top++] = children[k]!;
  }
  // Subtree sizes and bests, children before parents (reverse preorder).
  const size = new Int32Array(n);
  for (let i = 0; i < t; i++) {
    const v = order[i]!;
    size[v] = 1;
    for (let d = 0; d < D; d++) {
      const x = dir[v * D + d]!;
      if (x >= 0) { best[v * D + d] = x; arg[v * D + d] = v; }
    }
  }
  for (let i = t - 1; i > 0; i--) {
    const v = order[i]!;
    const p = up[v]!;
    size[p]! += size[v]!;
    for (let d = 0; d < D; d++) {
      const x = best[v * D + d]!, a = arg[v * D + d]!;
      if (a < 0) continue;
      const y = best[p * D + d]!, b = arg[p * D + d]!;
      if (b < 0 || x > y || (x === y && a < b)) { best[p * D + d] = x; arg[p * D + d] = a; }
    }
  }
  for (let i = 0; i < t; i++) { const v = order[i]!; tout[v] = tin[v]! + size[v]!; }
  // Qualified people per domain, in preorder.
  for (let i = 0; i < t; i++) {
    const v = order[i]!;
    for (let d = 0; d < D; d++) if (dir[v * D + d]! >= theta) offsets[d + 1]!++;
  }
  for (let d = 0; d < D; d++) offsets[d + 1]! += offsets[d]!;
  const fill = offsets.slice(0, D);
  const qual = new Int32Array(offsets[D]!);
  for (let i = 0; i < t; i++) {
    const v = order[i]!;
    for (let d = 0; d < D; d++) if (dir[v * D + d]! >= theta) qual[fill[d]!++] = v;
  }
  state.put(QUAL, qual);
  state.put(QUAL_OFF, offsets);
}

/** True when manager x's subtree (as of the last review) holds someone whose directory skill in d reaches θ. */
export function subtreeQualifies(state: State, D: number, x: number, d: number, theta: number): boolean {
  const tin = state.get(TIN);
  return tin[x]! >= 0 && state.get(TOUT)[x]! - tin[x]! > 1 && state.get(SUB_BEST)[x * D + d]! >= theta;
}

/**
 * A delegated manager's choice in domain d within its subtree: the subtree's best
 * when that person holds no unfinished order, otherwise the best qualified person
 * of the subtree without one (a scan of the subtree's range of the qualified
 * list), otherwise the best (the order waits). Call after `subtreeQualifies`.
 */
export function pickInSubtree(state: State, D: number, x: number, d: number, orders: Int32Array): number {
  const first = state.get(SUB_ARG)[x * D + d]!;
  if (orders[first] === 0) return first;
  const tin = state.get(TIN);
  const lo = tin[x]!, hi = state.get(TOUT)[x]!;
  const qual = state.get(QUAL);
  const off = state.get(QUAL_OFF);
  const dir = state.get(DIRECTORY);
  // Binary search for the first qualified person at or after x in preorder.
  let a = off[d]!, b = off[d + 1]!;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (tin[qual[mid]!]! < lo) a = mid + 1;
    else b = mid;
  }
  let pick = -1, pickSkill = -1;
  for (let i = a; i < off[d + 1]! && tin[qual[i]!]! < hi; i++) {
    const v = qual[i]!;
    if (orders[v] !== 0) continue;
    const s = dir[v * D + d]!;
    if (s > pickSkill || (s === pickSkill && v < pick)) { pick = v; pickSkill = s; }
  }
  return pick >= 0 ? pick : first;
}
