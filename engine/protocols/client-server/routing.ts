// Messages along the chain of command (MODEL.md §5): one message per hop, reports
// and outcome reports going up, orders going down. People know when their own
// manager has gone: an orphan holds what it would send up until a successor is
// named (or, flat, until a route to the server exists again: succession.ts
// flushes it). Going down, a sender uses the chain as recorded, so an order to
// someone who has left is lost, like every message to a removed person.
import type { Context } from '../../context.ts';
import type { Chain } from './chain.ts';
import { enqueue, listAddOnce } from './queues.ts';
import { CS_COUNT, HOLD, HOLDERS, IS_HOLDER } from './state.ts';

/** Message kinds of client-server (16–31); `a` is always the situation. */
export const CS_MSG = {
  REPORT: 16, // news of a situation going up
  ORDER: 17, // b = the resolver; going down
  OUTCOME: 18, // b = resolver · 2 + (1 on success); going up to the decider
} as const;

/** One hop: the message goes out, and `to` now carries the latest news of `sit` (for the audit). */
export function send(ctx: Context, c: Chain, from: number, to: number, kind: number, sit: number, b: number): void {
  ctx.messages.send(from, to, kind, sit, b);
  c.sitMessages[sit]!++;
  c.carrier[sit] = to;
}

/** Sends up to v's manager (routing parent); an orphan holds the item until it has one again. */
export function sendUp(ctx: Context, c: Chain, v: number, kind: number, sit: number, b: number): void {
  const p = c.up[v]!;
  if (p >= 0 && c.alive[p]) {
    send(ctx, c, v, p, kind, sit, b);
    return;
  }
  enqueue(c.st, HOLD, v, kind, sit, b);
  listAddOnce(c.st, HOLDERS, IS_HOLDER, v);
  c.carrier[sit] = v;
}

/** u passes the order for `sit` one hop down toward resolver r. */
export function forwardOrder(ctx: Context, c: Chain, u: number, sit: number, r: number): void {
  const next = nextHopDown(c, u, r, ctx.n);
  if (next < 0) {
    // r is no longer below u (the routing tree changed): the order is lost; the audit re-decides.
    c.carrier[sit] = -1;
    c.st.vals[CS_COUNT.undeliverable.id]!++;
    return;
  }
  send(ctx, c, u, next, CS_MSG.ORDER, sit, r);
}

/** The report of u on the path down to r (walk up from r), −1 when r is not below u. */
function nextHopDown(c: Chain, u: number, r: number, n: number): number {
  const up = c.up;
  let w = r;
  for (let guard = n; guard > 0; guard--) {
    const p = up[w]!;
    if (p === u) return w;
    if (p < 0) return -1;
    w = p;
  }
  return -1;
}
