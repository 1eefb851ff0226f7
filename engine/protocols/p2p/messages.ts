// The peer protocols' messages (MODEL.md §5): their kinds, and the two ways news
// travels besides calls — to every neighbour at once (claims, outcomes), and back
// up a call's path to whoever passed it on (relays toward the origin).
import type { Context } from '../../context.ts';
import type { Peers } from './peers.ts';

/** Message kinds of the peer protocols (32–63). `a` is always the situation. */
export const P2P_MSG = {
  /** A call for a leader; b packs the call's stamp, TTL and "open again" bit (calls.ts). */
  CALL: 32,
  /** "I lead it": a leader to its neighbours, and relayed back along the call's path. */
  CLAIM: 33,
  /** A leader recruits a free neighbour into its team. */
  RECRUIT: 34,
  /**
   * An outcome shared with the leader's neighbours, and relayed back along the
   * call's path; b = (stamp of the call answered + 1) · 2 + (1 success | 0 failure).
   */
  OUTCOME: 35,
} as const;

/**
 * Sends one message to each alive neighbour of v, and to `also` (≥ 0, alive) when
 * it is not a neighbour. On the implicit complete graph everyone is a neighbour:
 * the message goes to `also` and `fanout` people drawn uniformly (telling n − 1
 * people is neither feasible at scale nor what a person does). Returns the count.
 */
export function toNeighbours(ctx: Context, p: Peers, v: number, also: number, kind: number, a: number, b: number): number {
  const g = ctx.informal;
  const alive = p.alive;
  const msgs = ctx.messages;
  let sent = 0;
  let alsoDone = also < 0 || also === v || alive[also] === 0;
  if (g.complete) {
    const k = p.contacts.draw(g, alive, ctx.streams.protocol, v, also, p.fanout);
    const out = p.contacts.out;
    for (let i = 0; i < k; i++) msgs.send(v, out[i]!, kind, a, b);
    sent = k;
  } else {
    const tg = g.targets;
    for (let x = g.offsets[v]!, end = g.offsets[v + 1]!; x < end; x++) {
      const u = tg[x]!;
      if (alive[u] === 0) continue;
      msgs.send(v, u, kind, a, b);
      sent++;
      if (u === also) alsoDone = true;
    }
  }
  if (!alsoDone) {
    msgs.send(v, also, kind, a, b);
    sent++;
  }
  return sent;
}

/** Sends news back to whoever passed v the call remembered in slot e (if still there). */
export function relayUp(ctx: Context, p: Peers, v: number, e: number, sit: number, kind: number, b: number): void {
  const up = p.mem.from[e]!;
  if (up < 0 || p.alive[up] === 0) return;
  ctx.messages.send(v, up, kind, sit, b);
  p.sitMessages[sit]!++;
}
