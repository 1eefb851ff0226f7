// Situations (MODEL.md §4): problems and opportunities arriving from the
// environment, and the work of resolving them. Shared by every protocol that
// handles situations (client-server, p2p, steward); the protocols decide who
// leads, these modules do the rest, one concern a file:
//   situation-state.ts      the tables (`sit.*` one row per situation, `att.*`
//                           one per attempt, a pool with a free list) and counters
//   situation-arrivals.ts   phase 2: arrivals, environment shifts
//   situation-work.ts       attempts, phase 5: work and outcomes
//   situation-deadlines.ts  phase 6: deadlines
//   engagement.ts           engagement gained by taking part, relaxing back
//   situation-metrics.ts    the series, summary and records of §8
// An attempt is one leader (with an optional team) working `workTicks`; it ends
// in success (resolved) or failure (open again until the deadline).
import type { Context } from './context.ts';
import { deadlines } from './situation-deadlines.ts';
import { work } from './situation-work.ts';
import { BUSY, LEADING, LED } from './people-state.ts';
import {
  allocate, SIT_ROWS, ATT_ROWS, ATT_TEAM, teamCap, OPEN, ATTEMPTS_LIVE, SIT_COUNT, OPEN_LENGTH, ATT_USED, ATT_FREE, ATTEMPTS_LENGTH,
  TICK_ARRIVED, TICK_RESOLVED, TICK_MISSED, TICK_FAILED, TICK_LATENCY_SUM, TICK_UNUSED,
  RESOLVED_CUM, MISSED_CUM, FAILED_CUM, DUPLICATES_CUM,
} from './situation-state.ts';

export { SIT, teamCap } from './situation-state.ts';
export { arrivals, environmentAt, newSituation, type EnvironmentNow } from './situation-arrivals.ts';
export { startAttempt, isFree, skillOf, type Outcome } from './situation-work.ts';
export { relaxEngagement } from './engagement.ts';

/** Allocates the situation and attempt tables and the per-person work counters. */
export function initSituations(ctx: Context): void {
  const s = ctx.state;
  for (const h of SIT_ROWS) s.put(h, allocate(h, 256));
  for (const h of ATT_ROWS) s.put(h, allocate(h, 64));
  s.put(ATT_TEAM, new Int32Array(64 * teamCap(ctx)).fill(-1));
  s.put(OPEN, new Int32Array(256));
  s.put(ATTEMPTS_LIVE, new Int32Array(64));
  for (const h of [SIT_COUNT, OPEN_LENGTH, ATT_USED, ATTEMPTS_LENGTH]) s.setNum(h, 0);
  s.setNum(ATT_FREE, -1);
  for (const h of [TICK_ARRIVED, TICK_RESOLVED, TICK_MISSED, TICK_FAILED, TICK_LATENCY_SUM, ...TICK_UNUSED]) s.setNum(h, 0);
  for (const h of [RESOLVED_CUM, MISSED_CUM, FAILED_CUM, DUPLICATES_CUM]) s.setNum(h, 0);
  // Per person: situations being worked on, times led, attempts led now.
  for (const h of [BUSY, LED, LEADING]) {
    ctx.registerPersonArray(h.name, 1, 0);
    s.put(h, new Int32Array(ctx.n));
  }
}

/** Phases 5 and 6 at tick t: attempts progress and end, then open situations past their deadline are missed. */
export function workAndDeadlines(ctx: Context, t: number): void {
  work(ctx, t);
  deadlines(ctx, t);
}
