// Who decides, and from what they know (MODEL.md §5). A report climbs the chain
// until someone may decide: the server always, from its directory (skills as of
// the last review, directory.ts); with delegation (`decideAt: "manager"`), the
// first manager on the way up — the origin itself when it manages people — whose
// subtree (as of the last review) holds someone whose directory skill reaches θ,
// deciding within its subtree. The outcome report then goes back to that
// decider, not to the server.
//
// Qualified = directory skill ≥ θ (`protocol.threshold`); when nobody reaches θ in
// a domain, everyone known counts. The decider picks the best qualified person
// without an unfinished order; when all hold one, the best of them (the order
// waits in their pending list, orders.ts). The decider keeps an order book
// (`cs.book`) that the review audits (review.ts).
import type { Context } from '../../context.ts';
import type { Chain } from './chain.ts';
import { pickGlobal, pickInSubtree, subtreeQualifies } from './directory.ts';
import { receiveOrder } from './orders.ts';
import { listPush } from './queues.ts';
import { CS_MSG, forwardOrder, sendUp } from './routing.ts';
import { BOOK, CS_COUNT, TICK_DECISIONS } from './state.ts';
import { holdOrder } from './held-orders.ts';
import { pickByException } from './estimates.ts';

/** Person v has a report about `sit` (its own news or read from a report): decide or pass it up. */
export function atReport(ctx: Context, c: Chain, v: number, sit: number): void {
  if (v === c.server()) decide(ctx, c, v, sit, true, -1);
  else if (c.exception) {
    // Management by exception (model 2, estimates.ts): decide here when v knows someone free and able.
    const r = pickByException(c, v, c.domain[sit]!, c.delegateThreshold);
    if (r >= 0) decide(ctx, c, v, sit, false, r);
    else sendUp(ctx, c, v, CS_MSG.REPORT, sit, 0);
  } else if (c.delegation && subtreeQualifies(c.st, c.D, v, c.domain[sit]!, c.theta)) decide(ctx, c, v, sit, false, -1);
  else sendUp(ctx, c, v, CS_MSG.REPORT, sit, 0);
}

/**
 * Decider x names a resolver for `sit` (the server from everyone, a delegated
 * manager from its subtree), or names `chosen` when it already picked one.
 */
function decide(ctx: Context, c: Chain, x: number, sit: number, global: boolean, chosen: number): void {
  const st = c.st;
  const d = c.domain[sit]!;
  const r = chosen >= 0 ? chosen : global ? pickGlobal(st, d, c.orders) : pickInSubtree(st, c.D, x, d, c.orders);
  if (r < 0) return; // the directory knows nobody: the situation waits for its deadline
  c.decider[sit] = x;
  holdOrder(st, sit, r);
  if (!c.inBook[sit]) {
    c.inBook[sit] = 1;
    listPush(st, BOOK, sit);
  }
  if (c.decided[sit]! < 0) c.decided[sit] = ctx.tick;
  const vals = st.vals;
  vals[TICK_DECISIONS.id]!++;
  vals[CS_COUNT.decisions.id]!++;
  if (!global) vals[CS_COUNT.delegated.id]!++;
  if (!c.alive[r]) vals[CS_COUNT.staleOrders.id]!++;
  if (r === x) receiveOrder(ctx, c, r, sit);
  else forwardOrder(ctx, c, x, sit, r);
}
