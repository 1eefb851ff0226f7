// Outcomes (MODEL.md §5): the resolver's outcome report climbs back to the
// decider (or the server, above every decider), who closes the order. A failed
// attempt's report makes the decider re-decide at once, with no one excluded (the
// skill-best free person remains the best bet: failure is the logistic draw's
// luck). Successes and failures are kept for the next review's feedback.
import type { Context } from '../../context.ts';
import { SIT } from '../../situation-state.ts';
import type { Outcome } from '../../situations.ts';
import type { Chain } from './chain.ts';
import { atReport } from './decisions.ts';
import { tryStartPending } from './orders.ts';
import { CS_MSG, sendUp } from './routing.ts';
import { CS_COUNT, FB_FAIL, FB_OK } from './state.ts';
import { clearOrder } from './held-orders.ts';

/** An attempt finished (Work phase): its resolver reports the outcome up, then starts what it has pending. */
export function finishAttempt(ctx: Context, c: Chain, o: Outcome): void {
  const { sit, leader: r } = o;
  if (!o.wasted) c.st.get(o.success ? FB_OK : FB_FAIL)[r]!++;
  const ok = o.success || o.wasted ? 1 : 0;
  if (r === c.server() || r === c.decider[sit]) closeOrder(ctx, c, r, sit, r, ok);
  else sendUp(ctx, c, r, CS_MSG.OUTCOME, sit, r * 2 + ok);
  tryStartPending(ctx, c, r);
}

/** Person v has an outcome report: the decider (or the server, above every decider) closes the order. */
export function atOutcome(ctx: Context, c: Chain, v: number, sit: number, b: number): void {
  if (v === c.server() || v === c.decider[sit]) closeOrder(ctx, c, v, sit, b >> 1, b & 1);
  else sendUp(ctx, c, v, CS_MSG.OUTCOME, sit, b);
}

/** Decider x closes resolver r's order on `sit`; after a failure it decides again. */
function closeOrder(ctx: Context, c: Chain, x: number, sit: number, r: number, ok: number): void {
  if (c.resolver[sit] === r) clearOrder(c.st, sit);
  if (!ok && c.status[sit] === SIT.OPEN && c.resolver[sit] === -1) {
    c.st.vals[CS_COUNT.retries.id]!++;
    atReport(ctx, c, x, sit);
  }
}

/** A situation passed its deadline: the decider knows the deadline, so the order is off its books. */
export function dropMissed(ctx: Context, sit: number): void {
  clearOrder(ctx.state, sit);
}
