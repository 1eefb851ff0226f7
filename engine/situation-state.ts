// The situation and attempt tables (MODEL.md §4), declared once: one row per
// situation (`sit.*`, growable), one per attempt at resolving one (`att.*`, a
// pool with a free list), the list of open situations and of live attempts, and
// the tick's and run's counters. Situations (arrivals, work, deadlines), their
// metrics and the protocols read them.
import type { State, TypedArray } from './state.ts';
import { type ArrayHandle, stateArray, stateNumber } from './state-handles.ts';

export { SIT } from './codes.ts';

// One row per situation.
export const SIT_ARRIVAL = stateArray.i32('sit.arrival');
export const SIT_DOMAIN = stateArray.u8('sit.domain');
export const SIT_DIFFICULTY = stateArray.f32('sit.difficulty');
/** Who noticed it (−1 never: a situation nobody is left to notice is not created). */
export const SIT_ORIGIN = stateArray.i32('sit.origin');
export const SIT_DEADLINE = stateArray.i32('sit.deadline');
/** SIT code. */
export const SIT_STATUS = stateArray.u8('sit.status');
/** The first leader of an attempt at it (−1: none yet), and the tick of that decision. */
export const SIT_LEADER = stateArray.i32('sit.leader');
export const SIT_DECISION = stateArray.i32('sit.decision');
/** Tick it was resolved (−1: not resolved), and by whom. */
export const SIT_RESOLUTION = stateArray.i32('sit.resolution');
export const SIT_RESOLVER = stateArray.i32('sit.resolver');
/** Messages the protocol spent on it. */
export const SIT_MESSAGES = stateArray.i32('sit.messages');
export const SIT_DUPLICATES = stateArray.i32('sit.duplicates');
export const SIT_ATTEMPTS = stateArray.i32('sit.attempts');
export const SIT_FAILED = stateArray.i32('sit.failed');
/** Attempts at it under way now. */
export const SIT_ACTIVE = stateArray.i32('sit.active');
/** The resolver's skill against the best alive in the domain when resolved. */
export const SIT_QUALITY = stateArray.f32('sit.quality');

/** Every `sit.*` row array, in v1's order (grown together). */
export const SIT_ROWS: readonly ArrayHandle[] = [
  SIT_ARRIVAL, SIT_DOMAIN, SIT_DIFFICULTY, SIT_ORIGIN, SIT_DEADLINE, SIT_STATUS, SIT_LEADER, SIT_DECISION,
  SIT_RESOLUTION, SIT_MESSAGES, SIT_DUPLICATES, SIT_ATTEMPTS, SIT_FAILED, SIT_ACTIVE, SIT_QUALITY, SIT_RESOLVER,
];

// One row per attempt slot.
export const ATT_SIT = stateArray.i32('att.sit');
export const ATT_LEADER = stateArray.i32('att.leader');
/** The attempt's quality q: the best skill in the domain among leader and team. */
export const ATT_SKILL = stateArray.f32('att.skill');
/** Work ticks left. */
export const ATT_LEFT = stateArray.i32('att.left');
/** Next free slot (free list). */
export const ATT_NEXT = stateArray.i32('att.next');
/**
 * Recruits per attempt at most (team: true) is the run's `protocol.teamCap`
 * (MODEL.md §10.7; v1 fixes 4); their ids live in `att.team`, teamCap per attempt
 * (−1: none).
 */
export const teamCap = (ctx: { scenario: { protocol: { teamCap: number } } }): number => ctx.scenario.protocol.teamCap;
export const ATT_TEAM = stateArray.i32('att.team');

export const ATT_ROWS: readonly ArrayHandle[] = [ATT_SIT, ATT_LEADER, ATT_SKILL, ATT_LEFT, ATT_NEXT];

/** Ids of open situations, in arrival order (`open.length` of them). */
export const OPEN = stateArray.i32('open');
export const OPEN_LENGTH = stateNumber('open.length');
/** Live attempt slots, in creation order (`attempts.length` of them). */
export const ATTEMPTS_LIVE = stateArray.i32('attempts.live');
export const ATTEMPTS_LENGTH = stateNumber('attempts.length');
export const SIT_COUNT = stateNumber('sit.count');
/** Attempt slots ever used, and the head of the free list (−1: empty). */
export const ATT_USED = stateNumber('att.used');
export const ATT_FREE = stateNumber('att.free');

// This tick's counts (reset at the start of each tick).
export const TICK_ARRIVED = stateNumber('tick.arrived');
export const TICK_RESOLVED = stateNumber('tick.resolved');
export const TICK_MISSED = stateNumber('tick.missed');
export const TICK_FAILED = stateNumber('tick.failed');
export const TICK_LATENCY_SUM = stateNumber('tick.latencySum');
/** Counters v1 allocated and never moved (they stay 0; the hash covers them). */
export const TICK_UNUSED = ['resolvedCum', 'missedCum', 'failedCum', 'duplicatesCum'].map((k) => stateNumber(`tick.${k}`));

// The run's counts.
export const RESOLVED_CUM = stateNumber('situations.resolvedCum');
export const MISSED_CUM = stateNumber('situations.missedCum');
export const FAILED_CUM = stateNumber('situations.failedCum');
export const DUPLICATES_CUM = stateNumber('situations.duplicatesCum');

const CONSTRUCTORS = { i32: Int32Array, u8: Uint8Array, f32: Float32Array } as const;

/** A zeroed array of `rows` rows for a table's handle (its declared element type). */
export function allocate(h: ArrayHandle, rows: number): TypedArray {
  const make = CONSTRUCTORS[h.type as keyof typeof CONSTRUCTORS];
  if (make === undefined) throw new Error(`situation table: no allocation for ${h.type} (${h.name})`);
  return new make(rows);
}

/** Grows every array of a table to at least `need` rows (doubling), keeping their contents. */
export function growRows(state: State, rows: readonly ArrayHandle[], need: number): void {
  const cur = state.get(rows[0]!).length;
  if (need <= cur) return;
  const cap = Math.max(need, cur * 2);
  for (const h of rows) {
    const old = state.get(h);
    const next = new (old.constructor as { new (n: number): TypedArray })(cap);
    next.set(old as never);
    state.put(h, next);
  }
}

/** The list `h` with room for `need` entries (doubling), keeping its contents. */
export function growList(state: State, h: ArrayHandle<Int32Array>, need: number): Int32Array {
  const a = state.get(h);
  if (need <= a.length) return a;
  const next = new Int32Array(Math.max(need, a.length * 2));
  next.set(a);
  return state.put(h, next);
}
