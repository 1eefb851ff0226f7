// The attention budget's state (MODEL.md §10.1), declared once: per person, per
// attempt slot, and the run's totals. Present only in model-2 runs.
import { stateArray, stateNumber } from '../state-handles.ts';

/** Attention left this tick (negative: debt), per person. */
export const BALANCE = stateArray.f64('attention.balance');
/** This tick's budget per person (the debt cap, and each work share's base). */
export const BUDGET = stateArray.f64('attention.budget');
/** Per attempt slot: work reserved for it so far; 1 when reserved this tick; 1 once its work is waste. */
export const RESERVED = stateArray.f64('att.reserved');
export const COVERED = stateArray.u8('att.covered');
export const WASTE = stateArray.u8('att.waste');
/** Attention spent over the run: on messages (read and sent), on work; and work wasted. */
export const SPENT_MESSAGES = stateNumber('attention.spentMessages');
export const SPENT_WORK = stateNumber('attention.spentWork');
export const WASTED = stateNumber('attention.wasted');

