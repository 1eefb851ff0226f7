// March's state: reality, the individuals' beliefs (n × m, row per individual),
// the organizational code, each individual's socialization rate, and the
// period's actions and performances.
import { stateArray, stateNumber } from '../../state-handles.ts';

export const REALITY = stateArray.i8('march.reality');
export const BELIEFS = stateArray.i8('march.beliefs');
export const CODE = stateArray.i8('march.code');
export const RATE = stateArray.f64('march.p1');
export const ACTIONS = stateArray.i8('march.actions');
export const PERFORMANCE = stateArray.i32('march.performance');
/** The period at whose end the equilibrium was first seen (−1: not yet). */
export const EQUILIBRIUM_AT = stateNumber('march.equilibriumAt');
export const SUPERIOR = stateNumber('march.superior');
/** The code's net knowledge at the start of the period's code learning. */
export const CODE_SCORE = stateNumber('march.codeScore');
/** Scratch order for drawing the leavers (only when march.leavers.count > 0). */
export const LEAVE_ORDER = stateArray.i32('march.leaveOrder');
