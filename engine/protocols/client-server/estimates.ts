// Management by exception (MODEL.md §10.2, model 2's default `decideAt:
// "exception"`): every manager keeps its own estimate of each member of its
// subtree, per domain — the true skill plus N(0, managerNoise²), clamped to
// [0, 1] (§10.3), drawn at setup and at each review from the run's stream
// `managers`. A report climbs until the first manager who knows, in its whole
// subtree, someone it believes free (none of *its own* orders unfinished with
// them) whose estimated skill reaches `delegateThreshold`; that manager names the
// highest estimate (lowest id on ties). The server decides from the directory.
//
// Estimates are indexed by (member, depth of the manager in the routing tree as of
// the last review, domain): a person has one manager at each depth above it, and a
// successor promoted into a place between reviews works from that place's
// estimates until the next review (a choice, docs/ODD.md). Each manager's best
// estimate per domain is kept too, so a manager without anyone able is passed in
// O(1). The server (depth 0) needs none.
import type { Context } from '../../context.ts';
import { ALIVE, SKILL } from '../../people-state.ts';
import type { Chain } from './chain.ts';
import { DEPTH, EST, EST_BEST, LEVELS, PREORDER, TIN, TOUT } from './state.ts';
import { holdsOrderFrom } from './held-orders.ts';

/** Draws every manager's estimates of its subtree (after the review's subtree tables). O(n · depth · D). */
export function refreshEstimates(ctx: Context, c: Chain, noise: number): void {
  const st = c.st, n = ctx.n, D = c.D, up = c.up;
  const tin = st.get(TIN), tout = st.get(TOUT);
  const order = new Int32Array(n);
  let reached = 0;
  for (let v = 0; v < n; v++) if (tin[v]! >= 0) { order[tin[v]!] = v; reached++; }
  const depth = new Int32Array(n).fill(-1);
  let levels = 0;
  for (let i = 0; i < reached; i++) {
    const v = order[i]!;
    depth[v] = i === 0 ? 0 : depth[up[v]!]! + 1;
    if (depth[v]! + 1 > levels) levels = depth[v]! + 1;
  }
  st.put(PREORDER, order);
  st.put(DEPTH, depth);
  st.setNum(LEVELS, levels);
  const est = new Float32Array(n * levels * D).fill(-1);
  const best = new Float32Array(n * D).fill(-1);
  const skill = st.get(SKILL), alive = st.get(ALIVE);
  const rng = ctx.stream('managers');
  const z = new Float64Array(levels * D);
  // People in ascending id; for each, its managers from the nearest up (itself
  // first, as a manager may name itself), then the domains: a fixed draw order.
  // People who have left stay in the chain until their successions are done, but
  // no manager knows them as a member after a review (as the directory forgets
  // them): they get no estimate, so nobody names them again.
  for (let v = 0; v < n; v++) {
    if (tin[v]! < 0 || depth[v]! < 1 || !alive[v]) continue;
    rng.normals(z, depth[v]! * D);
    let a = v, j = 0;
    for (let k = depth[v]!; k >= 1; k--) {
      const manages = tout[a]! - tin[a]! > 1;
      for (let d = 0; d < D; d++) {
        let x = skill[v * D + d]! + noise * z[j++]!;
        x = x < 0 ? 0 : x > 1 ? 1 : x;
        est[(v * levels + k) * D + d] = x;
        if (manages && x > best[a * D + d]!) best[a * D + d] = x;
      }
      a = up[a]!;
    }
  }
  st.put(EST, est);
  st.put(EST_BEST, best);
}

/**
 * Manager m's pick for a situation in domain d: the member of its subtree (as of
 * the last review) with the highest estimate at or above `threshold` among those it
 * believes free; −1 when it knows nobody such (the report goes up), or m manages
 * nobody.
 */
export function pickByException(c: Chain, m: number, d: number, threshold: number): number {
  const st = c.st, D = c.D;
  const tin = st.get(TIN);
  const lo = tin[m]!;
  if (lo < 0 || m * D + d >= st.get(EST_BEST).length) return -1;
  const hi = st.get(TOUT)[m]!;
  if (hi - lo <= 1 || st.get(EST_BEST)[m * D + d]! < threshold) return -1;
  const order = st.get(PREORDER), est = st.get(EST), orders = c.orders;
  const levels = st.num(LEVELS);
  const k = st.get(DEPTH)[m]!;
  let pick = -1, pickEst = -1;
  for (let i = lo; i < hi; i++) {
    const v = order[i]!;
    if (orders[v]! > 0 && holdsOrderFrom(st, v, m)) continue; // m's own order is still unfinished with v
    const e = est[(v * levels + k) * D + d]!;
    if (e >= threshold && (e > pickEst || (e === pickEst && v < pick))) { pick = v; pickEst = e; }
  }
  return pick;
}
