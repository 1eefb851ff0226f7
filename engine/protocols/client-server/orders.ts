// Orders at the resolver (MODEL.md §5): a resolver who reads its order starts at
// once when free; otherwise the order waits in its pending list (`cs.pend`) and
// starts as soon as it is free — when all the qualified hold an unfinished order,
// the decider still names the best of them, and the order waits for them.
import type { Context } from '../../context.ts';
import { SIT } from '../../situation-state.ts';
import { startAttempt } from '../../situations.ts';
import type { Chain } from './chain.ts';
import { dequeue, enqueue, listAddOnce, release } from './queues.ts';
import { CS_MSG } from './routing.ts';
import { IS_WAITING, PEND, POOL_SIT, WAITING } from './state.ts';

/** Resolver v reads its order: it starts at once when free, else the order waits in its pending list. */
export function receiveOrder(ctx: Context, c: Chain, v: number, sit: number): void {
  const st = c.st;
  c.carrier[sit] = v;
  if (c.busy[v]! < c.concurrent && st.get(PEND.head)[v] === -1) {
    startAttempt(ctx, sit, v, null);
  } else {
    enqueue(st, PEND, v, CS_MSG.ORDER, sit, 0);
    listAddOnce(st, WAITING, IS_WAITING, v);
  }
}

/** v starts its pending orders while it is free. */
export function tryStartPending(ctx: Context, c: Chain, v: number): void {
  const st = c.st;
  while (c.busy[v]! < c.concurrent) {
    const slot = dequeue(st, PEND, v);
    if (slot < 0) break;
    const sit = st.get(POOL_SIT)[slot]!;
    release(st, slot);
    // Orders for situations past their deadline or re-decided meanwhile are dropped.
    if (c.status[sit] === SIT.OPEN && c.resolver[sit] === v) startAttempt(ctx, sit, v, null);
  }
}

/** Work phase: people whose pending orders wait start them as soon as they are free. */
export function startWaiting(ctx: Context, c: Chain): void {
  const st = c.st;
  const len = st.vals[WAITING.length.id]!;
  if (len === 0) return;
  const list = st.get(WAITING.array), flag = st.get(IS_WAITING), pendHead = st.get(PEND.head);
  let w = 0;
  for (let i = 0; i < len; i++) {
    const v = list[i]!;
    if (c.alive[v]) tryStartPending(ctx, c, v);
    if (c.alive[v] && pendHead[v] !== -1) list[w++] = v;
    else flag[v] = 0;
  }
  st.vals[WAITING.length.id] = w;
}
