// What the spreading passes share: the informal layer's neighbours (implicit K_n
// or CSR) and the tick's contact counters.
import type { Context } from '../context.ts';
import { COUNT_INSTANT, COUNT_LOST, TICK_LOST, TICK_MESSAGES } from '../messages.ts';
import { stateNumber } from '../state-handles.ts';

/** Flood: ties tried so far (absent until the first flood pass). */
export const INFO_TRIALS = stateNumber('info.trials');

/** 2^−32: turns a 32-bit word into a uniform draw in [0, 1). */
export const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Neighbour count of v on the informal layer. */
export function degreeOf(ctx: Context, v: number): number {
  const g = ctx.informal;
  return g.complete ? ctx.n - 1 : g.offsets[v + 1]! - g.offsets[v]!;
}

/** The j-th neighbour of v (0 ≤ j < degree). */
export function neighbour(ctx: Context, v: number, j: number): number {
  const g = ctx.informal;
  return g.complete ? (j >= v ? j + 1 : j) : g.targets[g.offsets[v]! + j]!;
}

/** Adds a pass's instant contacts, and those wasted on people who left, to the tick's counts. */
export function countContacts(ctx: Context, contacts: number, wasted: number): void {
  const s = ctx.state;
  s.vals[TICK_MESSAGES.id]! += contacts;
  s.setNum(COUNT_INSTANT, (s.hasNum(COUNT_INSTANT) ? s.vals[COUNT_INSTANT.id]! : 0) + contacts);
  // A contact with someone who has left is wasted: the textbook model's `lost`.
  s.vals[TICK_LOST.id]! += wasted;
  s.vals[COUNT_LOST.id]! += wasted;
}

/** Adds flood's ties tried to `info.trials`. */
export function countTrials(ctx: Context, trials: number): void {
  const s = ctx.state;
  s.setNum(INFO_TRIALS, (s.hasNum(INFO_TRIALS) ? s.vals[INFO_TRIALS.id]! : 0) + trials);
}
