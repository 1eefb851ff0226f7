// The exchanges' state (MODEL.md §10.5), declared once: a table of exchanges (who
// asked whom, when, and how it ended), the run's counters and this tick's. Present
// only in runs with exchanges (model 2, exchangeRate > 0), so no other run's state
// hash moves.
import type { State } from '../state.ts';
import { stateArray, stateNumber } from '../state-handles.ts';

/** How an exchange stands (`ex.status`). */
export const EX = {
  OPEN: 0,
  /** Its last message arrived by the deadline. */
  RESOLVED: 1,
  /** The deadline passed first. */
  MISSED: 2,
  /** Its message was dropped on the way (hop limit, dead end, destination gone). */
  LOST: 3,
} as const;

/** Message kinds of exchanges (64–79; the Act loop hands kinds ≥ 64 to the exchange book). a = the exchange, b = hops made on this leg. */
export const EX_MSG = {
  /** The question, origin → target. */
  ASK: 64,
  /** The answer, target → origin (with `exchangeAnswer`). */
  ANSWER: 65,
} as const;

/** The first message kind of the exchanges' range: kinds 16–63 are the ways of working's, 64 and up the exchanges'. */
export const EXCHANGE_KINDS = 64;

// The table, one row per exchange (rows grow by doubling).
export const EX_ORIGIN = stateArray.i32('ex.origin');
export const EX_TARGET = stateArray.i32('ex.target');
export const EX_ARRIVAL = stateArray.i32('ex.arrival');
export const EX_STATUS = stateArray.u8('ex.status');
export const EX_ROWS = [EX_ORIGIN, EX_TARGET, EX_ARRIVAL, EX_STATUS] as const;

/** Exchanges so far (rows used). */
export const EX_COUNT = stateNumber('ex.count');
/** The oldest exchange whose deadline has not been looked at yet (the deadline sweep's place). */
export const EX_OLDEST = stateNumber('ex.oldest');
export const EX_RESOLVED = stateNumber('ex.resolved');
export const EX_MISSED = stateNumber('ex.missed');
export const EX_LOST = stateNumber('ex.lost');
/** Sum over resolved exchanges of ticks from arrival to resolution. */
export const EX_LATENCY_SUM = stateNumber('ex.latencySum');
/** Messages sent for exchanges, and the attention they cost (read and sent): kept out of the per-situation ratios. */
export const EX_SENT = stateNumber('ex.sent');
export const EX_ATTENTION = stateNumber('ex.attention');
/** This tick's arrivals, resolutions and their latencies (reset in the Environment phase). */
export const EX_TICK_ARRIVED = stateNumber('ex.tick.arrived');
export const EX_TICK_RESOLVED = stateNumber('ex.tick.resolved');
export const EX_TICK_LATENCY = stateNumber('ex.tick.latency');

/** Messages sent for exchanges over the run (0 in a run without them). */
export function exchangeMessages(state: State): number {
  return state.hasNum(EX_SENT) ? state.num(EX_SENT) : 0;
}

/** Attention spent reading and sending exchange messages over the run (0 in a run without them). */
export function exchangeAttention(state: State): number {
  return state.hasNum(EX_ATTENTION) ? state.num(EX_ATTENTION) : 0;
}
