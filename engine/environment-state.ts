// The environment's shocks as state (MODEL.md §7), declared once: the shifts of
// rate and domain weights (`env.shift.<i>.*`, declared when shift i happens and
// kept by index) and the situations a surge adds at the next arrivals. The
// shocks write them (shocks/environment-shift.ts, shocks/surge.ts, which still
// use the state's names: the same entries); arrivals read them.
import { type ArrayHandle, type ScalarHandle, stateArray, stateNumber } from './state-handles.ts';

/** Shifts so far (absent before the first). */
export const ENV_SHIFTS = stateNumber('env.shifts');
/** Situations a surge adds at the next arrivals (absent before the first surge). */
export const SURGE_PENDING = stateNumber('surge.pending');

/** The state of environment shift i. */
export interface ShiftHandles {
  /** Tick the shift started. */
  readonly at: ScalarHandle;
  /** Ticks it ramps over (0: at once). */
  readonly over: ScalarHandle;
  /** The new rate (NaN: unchanged). */
  readonly rate: ScalarHandle;
  /** The new domain weights (absent: unchanged). */
  readonly weights: ArrayHandle<Float64Array>;
}

const SHIFTS: ShiftHandles[] = [];

/** The handles of shift i (declared on first use, then reused: no string building per tick). */
export function shiftHandles(i: number): ShiftHandles {
  return (SHIFTS[i] ??= Object.freeze({
    at: stateNumber(`env.shift.${i}.at`),
    over: stateNumber(`env.shift.${i}.over`),
    rate: stateNumber(`env.shift.${i}.rate`),
    weights: stateArray.f64(`env.shift.${i}.weights`),
  }));
}
