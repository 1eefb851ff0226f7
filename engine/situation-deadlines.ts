// Deadlines (MODEL.md §1 phase 6): open situations past their deadline are
// missed, and the protocol is told.
import type { Context } from './context.ts';
import { SIT, SIT_STATUS, SIT_DEADLINE, OPEN, OPEN_LENGTH, TICK_MISSED, MISSED_CUM } from './situation-state.ts';

/** Phase 6 at tick t: misses the open situations whose deadline has come; keeps the open list compact. */
export function deadlines(ctx: Context, t: number): void {
  const state = ctx.state;
  const open = state.get(OPEN);
  const openLen = state.num(OPEN_LENGTH);
  const status = state.get(SIT_STATUS);
  const deadline = state.get(SIT_DEADLINE);
  let o = 0;
  for (let i = 0; i < openLen; i++) {
    const sit = open[i]!;
    if (status[sit] !== SIT.OPEN) continue;
    if (deadline[sit]! <= t) {
      status[sit] = SIT.MISSED;
      state.vals[TICK_MISSED.id]!++;
      state.vals[MISSED_CUM.id]!++;
      ctx.protocol.onMissed?.(ctx, sit);
      continue;
    }
    open[o++] = sit;
  }
  state.setNum(OPEN_LENGTH, o);
}
