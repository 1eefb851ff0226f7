// One tick in the order of MODEL.md §1: shocks, environment, delivery, act,
// work, deadlines, metrics. The Act phase's loop over people is the engine's
// hottest path after the textbook spreading passes: typed arrays into locals,
// no allocation.
import type { Context } from '../context.ts';
import { effectiveCapacity } from '../population.ts';
import { applyShock, firesAt, type ShockSpec } from '../shocks.ts';
import { arrivals, relaxEngagement, workAndDeadlines } from '../situations.ts';
import { resetSituationCounters } from '../situation-metrics.ts';
import { addSeries, type SeriesStore } from '../metrics.ts';
import { recordMetrics, type ActiveFamilies } from './results.ts';
import { ALIVE, CAPACITY, ENGAGEMENT } from '../people-state.ts';
import { INBOX_HEAD, INBOX_TOTAL, TICK_LOST, TICK_MAX_LOAD, TICK_MESSAGES } from '../messages.ts';
import { SURGE_PENDING } from '../environment-state.ts';
import { SHOCKS_DONE_FOR, TICK } from '../run-state.ts';
import { EXCHANGE_KINDS } from '../exchanges/state.ts';

/** A shock queued live (the page's buttons, a replay), applied at the start of `tick`. */
export interface LiveShock {
  tick: number;
  shock: ShockSpec;
}

/** A shock that happened, for the per-shock recovery results. */
export interface AppliedShock {
  at: number;
  kind: string;
}

/** What the phases need besides the context: the run's series, shock log and metric families. */
export interface RunLog {
  series: SeriesStore;
  eventLog: LiveShock[];
  families: ActiveFamilies;
}

/** Runs tick t. */
export function runTick(ctx: Context, log: RunLog, t: number): void {
  ctx.tick = t;
  const { state, messages, information, protocol } = ctx;
  const situations = protocol.handlesSituations === true;
  state.setNum(TICK_MESSAGES, 0);
  state.setNum(TICK_LOST, 0);
  state.setNum(TICK_MAX_LOAD, 0);
  if (situations) resetSituationCounters(ctx);
  messages.bind(state);

  // 1. Shocks (unless applyShocksOfNextTick already ran them for this tick).
  if (state.num(SHOCKS_DONE_FOR) !== t) shocksPhase(ctx, log, t);
  for (const item of information.items) if (!log.series.values[`informed:${item.id}`]) addSeries(log.series, `informed:${item.id}`);
  information.seedDue(ctx, t);
  messages.bind(state);

  // 2. Environment: situations arrive, and exchanges (model 2, MODEL.md §10.5).
  if (situations) arrivals(ctx, t, state.hasNum(SURGE_PENDING) ? state.num(SURGE_PENDING) : 0);
  state.setNum(SURGE_PENDING, 0);
  ctx.v2?.exchanges?.arrivals(ctx, t);
  // 3. Delivery of what was sent during t−1.
  messages.deliver(state.get(ALIVE), t);

  // 4. Act: model 2's budgets and work reservations, the textbook information
  // passes, then people in ascending id order.
  ctx.v2?.attention?.beginAct(ctx);
  information.spreadInstant(ctx);
  protocol.beginAct(ctx);
  information.bindTick(ctx);
  if (protocol.actsPerPerson || information.needsNodeLoop() || state.num(INBOX_TOTAL) > 0) actLoop(ctx);
  information.endAct(ctx);

  // 5–6. Work and deadlines.
  protocol.work(ctx);
  if (situations) {
    workAndDeadlines(ctx, t);
    relaxEngagement(ctx);
  }
  ctx.v2?.exchanges?.deadlines(ctx, t);

  // 7. Metrics.
  recordMetrics(ctx, log.families, log.series, t);
  state.setNum(TICK, t + 1);
}

/** Scheduled shocks in scenario order, then live ones in the order queued. */
export function shocksPhase(ctx: Context, log: RunLog, t: number): void {
  ctx.tick = t;
  for (const shock of ctx.scenario.shocks as ShockSpec[]) {
    if (firesAt(shock, t)) {
      applyShock(ctx, shock);
      ctx.applied.push({ at: t, kind: shock.kind });
    }
  }
  for (const live of log.eventLog) {
    if (live.tick === t) {
      applyShock(ctx, live.shock);
      ctx.applied.push({ at: t, kind: live.shock.kind });
    }
  }
  ctx.state.setNum(SHOCKS_DONE_FOR, t);
}

function actLoop(c: Context): void {
  const { state, messages, information, protocol } = c;
  const alive = state.get(ALIVE);
  const capacity = state.get(CAPACITY);
  const engagement = state.get(ENGAGEMENT);
  const head = state.get(INBOX_HEAD);
  const actsPerPerson = protocol.actsPerPerson;
  const spreads = information.needsNodeLoop();
  const attention = c.v2 === null ? null : c.v2.attention;
  const exchanges = c.v2 === null ? null : c.v2.exchanges;
  for (let v = 0; v < c.n; v++) {
    if (!alive[v]) continue;
    if (head[v] !== -1) {
      // v1: up to the effective capacity; model 2: while the attention balance covers a read.
      let budget = attention === null ? effectiveCapacity(capacity[v]!, engagement[v]!) : 0;
      while (attention === null ? budget > 0 : head[v] !== -1 && attention.read(state, v)) {
        const slot = messages.pop(v);
        if (slot === -1) break;
        budget--;
        const k = messages.kind[slot]!;
        // Kinds below 16 are the information layer's, 16–63 the protocol's, 64 and up the exchanges'.
        if (k < 16) information.readMessage(c, v, k, messages.from[slot]!, messages.a[slot]!, messages.b[slot]!);
        else if (k < EXCHANGE_KINDS) protocol.onMessage(c, v, slot);
        else exchanges!.onMessage(c, v, slot);
        messages.free(slot);
      }
    }
    if (actsPerPerson) protocol.act(c, v);
    if (spreads) information.actNode(c, v);
  }
}
