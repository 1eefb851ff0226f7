// A round of network care (MODEL.md §5): every `period` ticks each steward, within
// `budget` new ties, first reconnects components split off the giant one, then
// links origins of recent missed situations to proven experts in their domain.
// The ties join the peers' batch of the tick (p2p/repairs.ts adds them in one
// rebuild); new ties are not messages.
import type { Context } from '../../context.ts';
import { componentLabels } from '../../graph/components.ts';
import { hasTie } from '../../graph/csr.ts';
import { SIT_DOMAIN, SIT_ORIGIN } from '../../situation-state.ts';
import type { Peers } from '../p2p/peers.ts';
import { queueFront, queuePop } from '../p2p/queue.ts';
import { batched } from '../p2p/ties.ts';
import { MISSED, SPLIT, STEWARD_COUNT, WINS, experts } from './state.ts';

/** Scratch for component labels (not state: recomputed when needed). */
export class ComponentScratch {
  labels = new Int32Array(0);
  queue = new Int32Array(0);
}

/**
 * Reconnects components split by removals or a partition (a split network cannot
 * even carry calls, so this comes before links to experts): each stranded
 * component's lowest id is tied to a steward with ties `left` (`left[k]` for
 * steward `ids[k]`), who spends them.
 */
export function reconnect(ctx: Context, p: Peers, ids: Int32Array, left: Int32Array, scratch: ComponentScratch): void {
  const s = ctx.state;
  const g = ctx.informal;
  const n = ctx.n;
  if (scratch.labels.length < n) {
    scratch.labels = new Int32Array(n);
    scratch.queue = new Int32Array(n);
  }
  const comp = componentLabels(g, p.alive, scratch.labels.subarray(0, n), scratch.queue.subarray(0, n));
  let giant = 0;
  for (let c = 1; c < comp.count; c++) if (comp.sizes[c]! > comp.sizes[giant]!) giant = c;
  // The lowest id of each component: labels are numbered in order of their lowest id.
  const first = new Int32Array(comp.count).fill(-1);
  for (let i = 0, seen = 0; i < n && seen < comp.count; i++) {
    const c = comp.labels[i]!;
    if (c >= 0 && first[c] === -1) { first[c] = i; seen++; }
  }
  let c = 0;
  for (let k = 0; k < ids.length && c < comp.count; k++) {
    const st = ids[k]!;
    if (left[k] === 0) continue;
    // A steward in the giant component ties the stranded to itself (the bridge is its
    // own tie); one outside ties them to the giant component's lowest id.
    const anchor = comp.labels[st] === giant ? st : first[giant]!;
    for (; c < comp.count && left[k]! > 0; c++) {
      if (c === giant || batched(p.addSrc, p.addDst, first[c]!, anchor, p.addSrc.length)) continue;
      p.addSrc.push(first[c]!);
      p.addDst.push(anchor);
      left[k]!--;
      s.vals[STEWARD_COUNT.bridgeTies.id]!++;
    }
  }
  // Done only when every stranded component got its bridge; otherwise next period again.
  let pending = false;
  for (; c < comp.count; c++) if (c !== giant) { pending = true; break; }
  if (!pending) s.setNum(SPLIT, 0);
}

/**
 * Links origins of recent missed situations (oldest first) to the most proven
 * expert of the domain (most resolutions; the earliest proven on ties) not yet
 * tied to them, while stewards have ties left.
 */
export function linkExperts(ctx: Context, p: Peers, ids: Int32Array, left: Int32Array): void {
  const s = ctx.state;
  const g = ctx.informal;
  const alive = p.alive;
  const origin = s.get(SIT_ORIGIN);
  const domain = s.get(SIT_DOMAIN);
  const wins = s.get(WINS);
  const D = p.D;
  for (let k = 0; k < ids.length; k++) {
    while (left[k]! > 0) {
      const f = queueFront(s, MISSED);
      if (f < 0) break;
      const sit = s.get(MISSED.ring)[f]!;
      queuePop(s, MISSED);
      const o = origin[sit]!;
      if (alive[o] === 0) continue;
      const d = domain[sit]!;
      const h = experts(d);
      const list = s.get(h.list);
      const len = s.vals[h.length.id]!;
      let best = -1, bestWins = 0;
      for (let i = 0; i < len; i++) {
        const x = list[i]!;
        const w = wins[x * D + d]!;
        if (w <= bestWins || x === o || alive[x] === 0) continue;
        if (hasTie(g, o, x) || batched(p.addSrc, p.addDst, o, x, p.addSrc.length)) continue;
        best = x;
        bestWins = w;
      }
      if (best < 0) continue;
      p.addSrc.push(o);
      p.addDst.push(best);
      left[k]!--;
      s.vals[STEWARD_COUNT.expertTies.id]!++;
    }
  }
}
