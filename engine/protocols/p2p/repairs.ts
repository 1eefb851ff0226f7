// Repair after removals (MODEL.md §5): the removed person's neighbours tie to one
// another with probability `repair`, `repairDelay` ticks later. The ties wait in
// the `p2p.repairs` timer and join the tick's batch of new ties (with the
// stewards') at the start of the Act phase, which adds them in one rebuild.
import type { Context } from '../../context.ts';
import { ALIVE } from '../../people-state.ts';
import type { Peers } from './peers.ts';
import { queueFront, queuePop, queuePush } from './queue.ts';
import { P2P_COUNT, REPAIRS } from './state.ts';
import { dedupe, insertTies } from './ties.ts';

/** Person v was removed: each alive neighbour, with probability `repair`, will tie to one other former neighbour. */
export function scheduleRepairs(ctx: Context, p: Peers, v: number): void {
  const g = ctx.informal;
  // The implicit complete graph stays complete among the alive: nothing to repair.
  if (p.repair <= 0 || g.complete) return;
  const alive = ctx.state.get(ALIVE);
  const off = g.offsets, tg = g.targets;
  // The removed person's alive neighbours, ascending (scratch reused).
  let m = 0;
  const size = off[v + 1]! - off[v]!;
  if (p.listScratch.length < size) p.listScratch = new Int32Array(size * 2);
  const list = p.listScratch;
  for (let x = off[v]!, end = off[v + 1]!; x < end; x++) if (alive[tg[x]!] !== 0) list[m++] = tg[x]!;
  if (m < 2) return;
  const rng = ctx.streams.protocol;
  const due = ctx.tick + p.repairDelay;
  // Each neighbour, with probability `repair`, ties to one other former neighbour: O(degree).
  for (let i = 0; i < m; i++) {
    if (!(rng.float() < p.repair)) continue;
    let j = rng.int(m - 1);
    if (j >= i) j++;
    queuePush(ctx.state, REPAIRS, list[i]!, list[j]!, due);
  }
}

/** Repairs due now start this tick's batch of new ties (people who left since are skipped). */
export function collectRepairs(ctx: Context, p: Peers, t: number): void {
  const s = ctx.state;
  const alive = p.alive;
  p.addSrc.length = 0;
  p.addDst.length = 0;
  for (;;) {
    const f = queueFront(s, REPAIRS);
    if (f < 0) break;
    const q = s.get(REPAIRS.ring);
    if (q[f + 2]! > t) break;
    const u = q[f]!, w = q[f + 1]!;
    queuePop(s, REPAIRS);
    if (alive[u] === 0 || alive[w] === 0) continue;
    p.addSrc.push(u);
    p.addDst.push(w);
  }
  if (p.addSrc.length > 0) s.vals[P2P_COUNT.repairTies.id]! += dedupe(ctx.informal, ctx.n, p.addSrc, p.addDst, 0);
}

/**
 * One rebuild for the whole batch (at most one per tick); new ties get trust.initial.
 * The batch is new, distinct ties (dedupe, stewards' checks), so the graph is
 * rebuilt by merging them in (ties.ts), equal to rebuildGraph's result.
 */
export function addTies(ctx: Context, p: Peers): void {
  const count = p.addSrc.length;
  if (count === 0) return;
  ctx.setInformal(insertTies(ctx.informal, ctx.n, p.addSrc, p.addDst, p.trustInitial));
  p.addSrc.length = 0;
  p.addDst.length = 0;
}
